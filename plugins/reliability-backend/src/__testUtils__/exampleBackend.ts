/**
 * Starts exampleBackendServer.ts as a child process and waits until it serves the example
 * catalog's SLOs: the backend that the MCP and metrics integration tests speak to over HTTP.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { exited } from './localProgram';

const SCRIPT = resolve(__dirname, 'exampleBackendServer.ts');

/** A started example backend. */
export interface ExampleBackend {
  url: string;
  /** GET or POST on `/api/<path>` as a user; resolves with the parsed JSON, rejects on non-2xx. */
  api(
    path: string,
    options?: { user?: string; method?: string; body?: unknown },
  ): Promise<any>;
  logs: string[];
  stop(): Promise<void>;
}

/** Starts the backend on `port` (from the test's own range) and waits up to `readyTimeoutMs`. */
export async function startExampleBackend(options: {
  port: number;
  evaluationSeconds?: number;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<ExampleBackend> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', require.resolve('@backstage/cli/config/nodeTransform.cjs'), SCRIPT],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...options.env,
        NODE_ENV: 'production',
        RELIABILITY_PORT: String(options.port),
        RELIABILITY_EVAL_SECONDS: String(options.evaluationSeconds ?? 60),
      },
    },
  );
  const logs: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', chunk => logs.push(...String(chunk).split('\n')));
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
  };
  const url = `http://127.0.0.1:${options.port}`;
  const api: ExampleBackend['api'] = async (path, request = {}) => {
    const res = await fetch(`${url}/api/${path}`, {
      method: request.method ?? 'GET',
      headers: {
        authorization: `Bearer ${mockCredentials.user.token(
          request.user ?? 'user:default/guest',
        )}`,
        ...(request.body ? { 'content-type': 'application/json' } : {}),
      },
      body: request.body ? JSON.stringify(request.body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(
        `${request.method ?? 'GET'} ${path}: ${res.status} ${text}`,
      );
    }
    return res.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : text;
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The backend exited with ${child.exitCode}:\n${logs
          .slice(-30)
          .join('\n')}`,
      );
    }
    try {
      const page = await api('reliability/slos');
      if (page.items?.length > 0) {
        return { url, api, logs, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 250));
  }
  await stop();
  throw new Error(
    `The backend did not serve SLOs in time:\n${logs.slice(-30).join('\n')}`,
  );
}
