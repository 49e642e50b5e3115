/**
 * Real programs from Debian packages for integration tests (Prometheus, Alertmanager): found on
 * PATH, installed with apt-get when missing and running as root, started on a free loopback port
 * and stopped again. Without the program and without root they fail with what to install: an
 * integration test that skips itself in silence proves nothing.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { AddressInfo, createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** Runs a program to completion; rejects with its standard error. */
export function run(
  file: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `${file} ${args.join(' ')} failed: ${error.message}\n${stderr}`,
            ),
          );
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

/** The program's path on PATH or in the usual system directories. */
export async function findOnPath(name: string): Promise<string | undefined> {
  const dirs = [
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/bin',
    '/usr/local/bin',
    '/usr/sbin',
    '/bin',
  ].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Installs a Debian package as root, updating the package lists when a fresh machine has none. */
export async function aptInstall(debianPackage: string): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    run(
      'apt-get',
      ['install', '-y', '--no-install-recommends', debianPackage],
      {
        env,
        timeoutMs: 600_000,
      },
    );
  try {
    await install();
  } catch {
    await run('apt-get', ['update'], { env, timeoutMs: 600_000 });
    await install();
  }
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when the child has exited. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });
}

/** A started server program. */
export interface RunningProgram {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Stops it: SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts a server program on a free loopback port and resolves once `readyPath` answers 2xx.
 */
export async function startProgram(options: {
  name: string;
  binary: string;
  args: (port: number) => string[];
  readyPath: string;
  readyTimeoutMs?: number;
}): Promise<RunningProgram> {
  const port = await freePort();
  const child = spawn(options.binary, options.args(port), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', chunk => {
    stderr = (stderr + String(chunk)).slice(-8192);
  });
  let spawnError: Error | undefined;
  child.once('error', error => {
    spawnError = error;
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${options.name} exited before it was ready (${
          spawnError?.message ?? `exit code ${child.exitCode}`
        }):\n${stderr}`,
      );
    }
    try {
      const response = await fetch(`${url}${options.readyPath}`);
      if (response.ok) {
        return { url, port, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(
    `${options.name} was not ready within the timeout:\n${stderr}`,
  );
}
