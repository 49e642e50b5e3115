/**
 * Starts bench/load/server.ts as a child process and waits until it serves the Reliability API:
 * replicas for the two-replica test, and the backend under the load bench. Its log lines are
 * kept, so that a test can count what each replica did.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { exited, freePort } from './localProgram';

/** The backend script, in the repository's bench/load (see there why). */
const SCRIPT = resolve(__dirname, '../../../../bench/load/server.ts');

/** The token callers send as `Authorization: Bearer <token>`. */
export const BACKEND_PROCESS_TOKEN = 'fault-test-token-0123456789';
/** The token Alertmanager sends to `/alerts/alertmanager`. */
export const BACKEND_PROCESS_WEBHOOK_TOKEN = 'fault-test-webhook-0123456789';

function tail(logs: BackendProcess['logs']): string {
  return logs
    .slice(-30)
    .map(l => l.text)
    .join('\n');
}

/** A started backend process. */
export interface BackendProcess {
  url: string;
  /** Every line it wrote to stdout and stderr so far, with when it was written (epoch ms). */
  logs: Array<{ at: number; text: string }>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** Options of {@link startBackendProcess}. */
export interface BackendProcessOptions {
  database: 'sqlite' | 'postgres';
  /** For `postgres`. */
  pgUrl?: string;
  /** Database name prefix; replicas that share it share their databases. */
  databasePrefix?: string;
  evaluationSeconds?: number;
  /** How long to wait until the API answers. Default 180 s. */
  readyTimeoutMs?: number;
  /** Default: a free port. */
  port?: number;
}

/**
 * Starts one backend and resolves once `GET /api/reliability/slos` answers 200 with the example
 * catalog's SLOs loaded.
 */
export async function startBackendProcess(
  options: BackendProcessOptions,
): Promise<BackendProcess> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', require.resolve('@backstage/cli/config/nodeTransform.cjs'), SCRIPT],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        RELIABILITY_PORT: String(port),
        RELIABILITY_DB: options.database,
        RELIABILITY_PG_URL: options.pgUrl ?? '',
        RELIABILITY_DB_PREFIX: options.databasePrefix ?? '',
        RELIABILITY_EVAL_SECONDS: String(options.evaluationSeconds ?? 60),
      },
    },
  );
  const logs: BackendProcess['logs'] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', chunk => {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop() ?? '';
      const readAt = Date.now();
      for (const line of lines) {
        // Lines written by the process carry their own time; see bench/load/server.ts.
        const stamped = /^(\d{13}) (.*)$/.exec(line);
        logs.push(
          stamped
            ? { at: Number(stamped[1]), text: stamped[2] }
            : { at: readAt, text: line },
        );
      }
    });
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The backend exited with ${child.exitCode} before it was ready:\n${tail(
          logs,
        )}`,
      );
    }
    try {
      const res = await fetch(`${url}/api/reliability/slos`, {
        headers: { authorization: `Bearer ${BACKEND_PROCESS_TOKEN}` },
      });
      if (res.ok && ((await res.json()) as any).items?.length > 0) {
        return { url, logs, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 250));
  }
  await stop();
  throw new Error(
    `The backend did not serve SLOs within the timeout:\n${tail(logs)}`,
  );
}
