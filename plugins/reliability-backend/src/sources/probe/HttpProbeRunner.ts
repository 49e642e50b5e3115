import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { ForwardedError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import { MINUTE_MS, SliBucketStore } from '../../database/SliBucketStore';
import { SsrfGuard } from '../../net';
import { sliSourceTypeOf } from '../sliSourceType';
import { HttpProbeSpec, parseHttpProbeSpec } from './httpProbeSpec';
import { HttpProbeStatus, HttpProbeStatusStore } from './HttpProbeStatusStore';
import { runHttpProbe } from './runHttpProbe';

/**
 * The scheduler task id of the probes.
 *
 * @internal
 */
export const HTTP_PROBES_TASK_ID = 'reliability-http-probes';

/**
 * Lists every SLO; the SLO definition store fits it.
 *
 * @internal
 */
export interface SloLister {
  listAllSlos(): Promise<Array<{ slo: ServiceLevelObjective }>>;
}

/**
 * What one run did.
 *
 * @internal
 */
export interface HttpProbeRunSummary {
  /** Probe SLOs known. */
  probes: number;
  /** Probes that were due and ran, by outcome. */
  good: number;
  bad: number;
  errors: number;
}

/**
 * @internal
 */
export interface HttpProbeRunnerOptions {
  slos: SloLister;
  store: SliBucketStore;
  statuses: HttpProbeStatusStore;
  guard: SsrfGuard;
  logger: LoggerService;
  /** Of one probe request, redirects included. Default: 10 seconds. */
  timeoutMs?: number;
  /** Probes running at once. Default: 16. */
  concurrency?: number;
  now?: () => number;
}

/**
 * `reliability.probes.timeout` in milliseconds; 10 seconds by default.
 *
 * @internal
 */
export function readProbeTimeoutMs(config: Config): number {
  const probes = config.getOptionalConfig('reliability.probes');
  if (!probes?.has('timeout')) {
    return 10_000;
  }
  return durationToMilliseconds(
    readDurationFromConfig(probes, { key: 'timeout' }),
  );
}

function isDue(
  last: HttpProbeStatus | undefined,
  now: number,
  intervalMs: number,
): boolean {
  return (
    !last ||
    Math.floor(last.checkedAt / intervalMs) < Math.floor(now / intervalMs)
  );
}

/**
 * Runs the synthetic HTTP probes SLOs declare. One scheduled task (`reliability-http-probes`,
 * every minute, once across replicas) runs each probe whose interval has come round since its last
 * run, and records the result as a one-minute bucket (good 1 or 0 of total 1) at the minute the
 * run started. A probe the SSRF guard refuses, or whose spec is invalid, writes no bucket but an
 * `error` status, which {@link HttpProbeSliSource} reports.
 *
 * @internal
 */
export class HttpProbeRunner {
  static create(options: HttpProbeRunnerOptions): HttpProbeRunner {
    return new HttpProbeRunner(options);
  }

  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly now: () => number;

  private constructor(private readonly options: HttpProbeRunnerOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.concurrency = options.concurrency ?? 16;
    this.now = options.now ?? Date.now;
  }

  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: HTTP_PROBES_TASK_ID,
      frequency: { minutes: 1 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 30 },
      fn: async signal => {
        await this.run(signal);
      },
    });
  }

  /** Runs the probes that are due; throws ForwardedError when the SLOs cannot be listed. */
  async run(signal?: AbortSignal): Promise<HttpProbeRunSummary> {
    const { slos, statuses, logger } = this.options;
    const now = this.now();
    let probeSlos: ServiceLevelObjective[];
    let last: Map<string, HttpProbeStatus>;
    try {
      probeSlos = (await slos.listAllSlos())
        .map(s => s.slo)
        .filter(slo => sliSourceTypeOf(slo) === 'http-probe');
      last = new Map((await statuses.list()).map(s => [s.sloId, s]));
      await statuses.deleteExcept(probeSlos.map(slo => slo.id));
    } catch (error) {
      throw new ForwardedError('HTTP probes could not start', error);
    }

    const summary: HttpProbeRunSummary = {
      probes: probeSlos.length,
      good: 0,
      bad: 0,
      errors: 0,
    };
    const due: Array<{
      slo: ServiceLevelObjective;
      spec?: HttpProbeSpec;
      problem?: string;
    }> = [];
    for (const slo of probeSlos) {
      try {
        const spec = parseHttpProbeSpec(slo);
        if (isDue(last.get(slo.id), now, spec.intervalMs)) {
          due.push({ slo, spec });
        }
      } catch (error) {
        if (isDue(last.get(slo.id), now, MINUTE_MS)) {
          due.push({ slo, problem: (error as Error).message });
        }
      }
    }

    let next = 0;
    const worker = async () => {
      while (next < due.length && !signal?.aborted) {
        const item = due[next++];
        const status = await this.probe(item, now, signal);
        if (!status) {
          continue;
        }
        summary[status.outcome === 'error' ? 'errors' : status.outcome] += 1;
        const previous = last.get(item.slo.id);
        if (
          status.outcome !== 'good' &&
          (previous?.outcome !== status.outcome ||
            previous?.message !== status.message)
        ) {
          logger.warn(
            `HTTP probe of SLO '${item.slo.id}' ${
              status.outcome === 'error' ? 'could not run' : 'failed'
            }: ${status.message}`,
          );
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this.concurrency, due.length) }, worker),
    );
    if (due.length > 0) {
      logger.debug(
        `Ran ${summary.good + summary.bad + summary.errors} of ${
          summary.probes
        } HTTP probes: ` +
          `${summary.good} good, ${summary.bad} bad, ${summary.errors} could not run`,
      );
    }
    return summary;
  }

  /** Runs one probe and records it; `undefined` when it was abandoned or could not be recorded. */
  private async probe(
    item: {
      slo: ServiceLevelObjective;
      spec?: HttpProbeSpec;
      problem?: string;
    },
    now: number,
    signal?: AbortSignal,
  ): Promise<HttpProbeStatus | undefined> {
    const { store, statuses, guard, logger } = this.options;
    const sloId = item.slo.id;
    try {
      const outcome = item.spec
        ? await runHttpProbe(guard, item.spec, {
            timeoutMs: this.timeoutMs,
            signal,
          })
        : { outcome: 'error' as const, message: item.problem };
      if (outcome.outcome !== 'error') {
        await store.upsertBuckets([
          {
            sloId,
            bucketStart: Math.floor(now / MINUTE_MS) * MINUTE_MS,
            good: outcome.outcome === 'good' ? 1 : 0,
            total: 1,
          },
        ]);
      }
      const status: HttpProbeStatus = { sloId, checkedAt: now, ...outcome };
      await statuses.record(status);
      return status;
    } catch (error) {
      if (!signal?.aborted) {
        logger.error(
          `HTTP probe of SLO '${sloId}' could not be recorded: ${error}`,
        );
      }
      return undefined;
    }
  }
}
