/**
 * A real Prometheus for integration tests: installed from the Debian package `prometheus` when
 * missing (as root), started on a free loopback port over a given TSDB directory and rule files,
 * and stopped again. Without Prometheus and without root it fails with what to install: an
 * integration test that skips itself in silence proves nothing.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Paths of the two programs. */
export interface PrometheusBinaries {
  prometheus: string;
  promtool: string;
}

function run(
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

async function findOnPath(name: string): Promise<string | undefined> {
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

async function findBinaries(): Promise<Partial<PrometheusBinaries>> {
  return {
    prometheus: process.env.PROMETHEUS_BIN ?? (await findOnPath('prometheus')),
    promtool: process.env.PROMTOOL_BIN ?? (await findOnPath('promtool')),
  };
}

/**
 * Finds `prometheus` and `promtool` (on PATH, or `PROMETHEUS_BIN` / `PROMTOOL_BIN`); installs the
 * Debian package `prometheus` with apt-get when they are missing and this runs as root; throws
 * with instructions otherwise. Installing takes a while: give the calling hook a few minutes.
 */
export async function ensurePrometheusInstalled(): Promise<PrometheusBinaries> {
  let found = await findBinaries();
  if (found.prometheus && found.promtool) {
    return found as PrometheusBinaries;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'The Prometheus integration test needs the `prometheus` and `promtool` programs, which are ' +
        'not installed. Install them with `sudo apt-get install -y prometheus` (Debian/Ubuntu), ' +
        'or set PROMETHEUS_BIN and PROMTOOL_BIN, or run the tests as root so that they install it.',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    run('apt-get', ['install', '-y', '--no-install-recommends', 'prometheus'], {
      env,
      timeoutMs: 600_000,
    });
  try {
    await install();
  } catch {
    // A fresh machine has no package lists yet.
    await run('apt-get', ['update'], { env, timeoutMs: 600_000 });
    await install();
  }
  found = await findBinaries();
  if (!found.prometheus || !found.promtool) {
    throw new Error(
      'apt-get installed the package `prometheus`, but `prometheus` or `promtool` is still not on PATH',
    );
  }
  return found as PrometheusBinaries;
}

/** Runs promtool and returns its standard output; throws with its standard error. */
export async function runPromtool(
  binaries: PrometheusBinaries,
  args: string[],
): Promise<string> {
  return (await run(binaries.promtool, args)).stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** How to start Prometheus. */
export interface StartPrometheusOptions {
  tsdbDir: string;
  ruleFiles?: string[];
  /**
   * `--storage.tsdb.retention.time`. Default 3650d: the default 15d would delete backfilled
   * history older than that.
   */
  retention?: string;
  /** How long to wait for `/-/ready`. Default 30 s. */
  readyTimeoutMs?: number;
}

/** A started Prometheus. */
export interface RunningPrometheus {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Stops it (SIGTERM, then SIGKILL after 10 s) and removes its config directory. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });
}

async function startOnce(
  binaries: PrometheusBinaries,
  options: StartPrometheusOptions,
  configDir: string,
): Promise<RunningPrometheus> {
  const port = await freePort();
  const child = spawn(
    binaries.prometheus,
    [
      `--config.file=${join(configDir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${options.tsdbDir}`,
      `--storage.tsdb.retention.time=${options.retention ?? '3650d'}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Equal block durations turn off compaction into longer blocks: a test's Prometheus
      // lives for seconds, and merging hundreds of backfilled blocks would only cost CPU.
      '--storage.tsdb.min-block-duration=2h',
      '--storage.tsdb.max-block-duration=2h',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
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
        `Prometheus exited before it was ready (${
          spawnError?.message ?? `exit code ${child.exitCode}`
        }):\n${stderr}`,
      );
    }
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) {
        return { url, port, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`Prometheus was not ready within the timeout:\n${stderr}`);
}

/**
 * Starts Prometheus on a free loopback port over `tsdbDir`, evaluating `ruleFiles` every minute,
 * and resolves once `/-/ready` answers. A lost race for the port is retried on another one.
 */
export async function startPrometheus(
  binaries: PrometheusBinaries,
  options: StartPrometheusOptions,
): Promise<RunningPrometheus> {
  const configDir = await mkdtemp(join(tmpdir(), 'reliability-prometheus-'));
  const ruleFiles = options.ruleFiles ?? [];
  await writeFile(
    join(configDir, 'prometheus.yml'),
    [
      'global:',
      '  evaluation_interval: 1m',
      ...(ruleFiles.length > 0
        ? ['rule_files:', ...ruleFiles.map(f => `  - ${JSON.stringify(f)}`)]
        : []),
      '',
    ].join('\n'),
  );
  const cleanUp = () => rm(configDir, { recursive: true, force: true });
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const running = await startOnce(binaries, options, configDir);
      return {
        ...running,
        stop: async () => {
          await running.stop();
          await cleanUp();
        },
      };
    } catch (error) {
      lastError = error;
      if (!String(error).includes('address already in use')) {
        break;
      }
    }
  }
  await cleanUp();
  throw lastError;
}
