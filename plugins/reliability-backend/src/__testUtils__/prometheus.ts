/**
 * A real Prometheus for integration tests: installed from the Debian package `prometheus` when
 * missing (as root), started on a free loopback port over a given TSDB directory and rule files,
 * and stopped again. Without Prometheus and without root it fails with what to install: an
 * integration test that skips itself in silence proves nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aptInstall, findOnPath, run, startProgram } from './localProgram';

/** Paths of the two programs. */
export interface PrometheusBinaries {
  prometheus: string;
  promtool: string;
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
  await aptInstall('prometheus');
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

function startOnce(
  binaries: PrometheusBinaries,
  options: StartPrometheusOptions,
  configDir: string,
): Promise<RunningPrometheus> {
  return startProgram({
    name: 'Prometheus',
    binary: binaries.prometheus,
    args: port => [
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
    readyPath: '/-/ready',
    readyTimeoutMs: options.readyTimeoutMs,
  });
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
