import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ForwardedError, stringifyError } from '@backstage/errors';
import {
  fileBudgetAdjustmentsOf,
  NamedBudgetAdjustment,
} from './budgetAdjustmentViews';
import {
  SliFetchRequest,
  SliFetchResult,
  SliSource,
} from '@reliability/backstage-plugin-node';
import {
  EvaluationStore,
  SloHistoryPoint,
  SloSnapshot,
} from '../database/EvaluationStore';
import {
  SloDefinitionStore,
  StoredSloDefinition,
} from '../database/SloDefinitionStore';
import { sliSourceTypeOf } from '../sources/sliSourceType';
import { EvaluationSettings, readEvaluationSettings } from './config';
import { evaluateSlo, sliRangeOf, toHistoryPoint } from './evaluateSlo';
import { mapWithConcurrency } from './mapWithConcurrency';

/** Retention cleanup runs at most this often, whatever the evaluation frequency. */
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Counts of one evaluation cycle.
 *
 * @internal
 */
export interface EvaluationCycleSummary {
  /** SLOs defined. */
  slos: number;
  /** Evaluated with fresh SLI data. */
  evaluated: number;
  /** Attempted and failed; their last good values stay, marked stale. */
  failed: number;
  /** Not attempted because they are backing off after failures. */
  backingOff: number;
  /** Requests to sources: one per `fetchMany` call or per `fetch` call. */
  sourceRequests: number;
  /** SLOs attempted per source type (`none` for SLOs naming no type). */
  bySource: Record<string, number>;
  /**
   * Queries sent to the backing system per source type, for sources that count them
   * (Prometheus: constant in the number of SLOs when recording rules are loaded).
   */
  queriesBySource: Record<string, number>;
}

/**
 * Where the SLOs' SLI sources come from: the plugin's registry of the extension point.
 *
 * @internal
 */
export interface SliSourceProvider {
  list(): SliSource[];
}

/**
 * Evaluates every SLO's error budget on a schedule and stores a snapshot per SLO.
 *
 * @internal
 */
export interface SloEvaluator {
  /** Registers the task `reliability-evaluate-slos`, global so replicas run each cycle once. */
  schedule(scheduler: SchedulerService): Promise<void>;
  /** Runs one cycle now. */
  evaluateAll(signal?: AbortSignal): Promise<EvaluationCycleSummary>;
}

/**
 * The budget adjustments declared through the API of the SLOs given, by SLO id (those of the
 * SLO files come with each definition).
 *
 * @internal
 */
export type BudgetAdjustmentSource = (
  sloIds: readonly string[],
) => Promise<Map<string, NamedBudgetAdjustment[]>>;

type Outcome =
  | { sloId: string; ok: true; data: SliFetchResult; request: SliFetchRequest }
  | { sloId: string; ok: false; error: string };

/**
 * Why an SLO has no source, in words that say what to do about it.
 *
 * @internal
 */
export function missingSourceMessage(type: string | undefined): string {
  if (type === undefined) {
    return 'The SLI names no data source type, so no SLI source can serve it';
  }
  if (type === 'prometheus') {
    return 'Prometheus is not configured: add reliability.prometheus.instances';
  }
  return `No SLI source of type '${type}' is installed: add the backend module that provides it`;
}

/**
 * The {@link SloEvaluator} of the plugin.
 *
 * A failing SLO keeps its last good values, marked stale since its first failure, and backs
 * off: after n consecutive failures it waits min(2^(n−1) cycles, `maxRetryDelay`) before the
 * next attempt, so that a source that is down or not configured is not hammered every cycle.
 * The first success clears all of it.
 *
 * @internal
 */
export class DefaultSloEvaluator implements SloEvaluator {
  static create(options: {
    definitions: SloDefinitionStore;
    evaluations: EvaluationStore;
    sliSources: SliSourceProvider;
    config: Config;
    logger: LoggerService;
    /** The budget adjustments of SLOs, by SLO id; none when absent. */
    budgetAdjustments?: BudgetAdjustmentSource;
    /** Epoch milliseconds; for tests. */
    now?: () => number;
  }): DefaultSloEvaluator {
    return new DefaultSloEvaluator(
      options.definitions,
      options.evaluations,
      options.sliSources,
      readEvaluationSettings(options.config),
      options.logger,
      options.now ?? Date.now,
      options.budgetAdjustments,
    );
  }

  #lastCleanupAt = 0;

  private constructor(
    private readonly definitions: SloDefinitionStore,
    private readonly evaluations: EvaluationStore,
    private readonly sliSources: SliSourceProvider,
    private readonly settings: EvaluationSettings,
    private readonly logger: LoggerService,
    private readonly now: () => number,
    private readonly budgetAdjustments?: BudgetAdjustmentSource,
  ) {}

  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: 'reliability-evaluate-slos',
      frequency: this.settings.frequency,
      timeout: this.settings.timeout,
      // Global: with several replicas on one database, each cycle runs on one of them only.
      scope: 'global',
      fn: async signal => {
        if (await this.evaluatedThisCycle()) {
          return;
        }
        await this.evaluateAll(signal);
      },
    });
  }

  /**
   * Whether another replica already evaluated in this cycle. The scheduler's claim of a global
   * task only checks that no run is in progress, after a separate check that the task is due;
   * a cycle that finishes between another replica's two checks then runs twice, and after a late
   * start the next run is due a frequency after the missed start, i.e. at once. Both cost a
   * second round of queries against every SLI source for nothing, so a run that finds an
   * evaluation less than half a cycle old leaves it at that.
   */
  private async evaluatedThisCycle(): Promise<boolean> {
    const last = await this.evaluations.lastEvaluatedAt();
    const ago = this.now() - (last ?? -Infinity);
    if (ago >= 0 && ago < this.settings.frequencyMs / 2) {
      this.logger.info(
        `Skipped the SLO evaluation: the last one ran ${ago} ms ago, in this cycle`,
      );
      return true;
    }
    return false;
  }

  async evaluateAll(signal?: AbortSignal): Promise<EvaluationCycleSummary> {
    try {
      return await this.runCycle(signal);
    } catch (error) {
      throw new ForwardedError('SLO evaluation cycle failed', error);
    }
  }

  private async runCycle(
    signal?: AbortSignal,
  ): Promise<EvaluationCycleSummary> {
    const started = this.now();
    const [definitions, snapshots] = await Promise.all([
      this.definitions.listAllSlos(),
      this.evaluations.listSnapshots(),
    ]);
    const previous = new Map(snapshots.map(s => [s.sloId, s]));
    const summary: EvaluationCycleSummary = {
      slos: definitions.length,
      evaluated: 0,
      failed: 0,
      backingOff: 0,
      sourceRequests: 0,
      bySource: {},
      queriesBySource: {},
    };

    // Half a cycle of slack, so that scheduling jitter does not push a retry a cycle later.
    const dueBy = started + this.settings.frequencyMs / 2;
    const groups = new Map<string | undefined, StoredSloDefinition[]>();
    for (const definition of definitions) {
      const retryAfter = previous.get(definition.sloId)?.retryAfter;
      if (retryAfter !== undefined && retryAfter > dueBy) {
        summary.backingOff += 1;
        continue;
      }
      const type = sliSourceTypeOf(definition.slo);
      groups.set(type, [...(groups.get(type) ?? []), definition]);
    }

    const byId = new Map(definitions.map(d => [d.sloId, d]));
    const adjustments = this.budgetAdjustments
      ? await this.budgetAdjustments(definitions.map(d => d.sloId))
      : new Map<string, NamedBudgetAdjustment[]>();
    const saved: SloSnapshot[] = [];
    const history: SloHistoryPoint[] = [];
    // Each SLO is evaluated as soon as its SLI data arrives, and only its snapshot is kept: a
    // 30-day window at minute resolution is two arrays of 43,200 buckets, so holding every SLO's
    // data until the last fetch completed took about 3.6 GB at 5,000 SLOs (bench:slo-cycle).
    const settle = (outcome: Outcome) => {
      const definition = byId.get(outcome.sloId)!;
      const before = previous.get(outcome.sloId);
      let error: string;
      if (outcome.ok) {
        try {
          const result = evaluateSlo(
            definition.slo,
            outcome.data,
            outcome.request.to,
            {
              ...this.settings,
              // One list: the files' adjustments and the API's count alike.
              adjustments: [
                ...fileBudgetAdjustmentsOf(definition.slo),
                ...(adjustments.get(definition.sloId) ?? []),
              ],
            },
          );
          const writeHistory = this.isHistoryDue(
            before?.lastHistoryAt,
            result.time,
          );
          if (writeHistory) {
            history.push(toHistoryPoint(definition.sloId, result));
          }
          saved.push({
            sloId: definition.sloId,
            entityRef: definition.entityRef,
            evaluatedAt: started,
            lastSuccessAt: started,
            consecutiveFailures: 0,
            lastHistoryAt: writeHistory ? result.time : before?.lastHistoryAt,
            result,
          });
          summary.evaluated += 1;
          return;
        } catch (evaluationError) {
          error = `The SLI data cannot be evaluated: ${stringifyError(
            evaluationError,
          )}`;
        }
      } else {
        error = outcome.error;
      }

      const failures = (before?.consecutiveFailures ?? 0) + 1;
      const delayMs = Math.min(
        this.settings.frequencyMs * 2 ** Math.min(failures - 1, 30),
        this.settings.maxRetryDelayMs,
      );
      this.logger.warn(
        `Failed to evaluate SLO ${definition.sloId} of ${
          definition.entityRef
        } (failure ${failures}, next attempt in ${Math.round(
          delayMs / 1000,
        )} s): ${error}`,
      );
      saved.push({
        sloId: definition.sloId,
        entityRef: definition.entityRef,
        evaluatedAt: started,
        lastSuccessAt: before?.lastSuccessAt,
        staleSince: before?.staleSince ?? started,
        error,
        consecutiveFailures: failures,
        retryAfter: started + delayMs,
        lastHistoryAt: before?.lastHistoryAt,
        result: before?.result,
      });
      summary.failed += 1;
    };

    const sources = new Map(this.sliSources.list().map(s => [s.type, s]));
    await Promise.all(
      [...groups].map(async ([type, group]) => {
        summary.bySource[type ?? 'none'] = group.length;
        const source = type === undefined ? undefined : sources.get(type);
        if (!source) {
          const error = missingSourceMessage(type);
          group.forEach(d => settle({ sloId: d.sloId, ok: false, error }));
          return;
        }
        await this.fetchGroup(source, group, started, summary, settle, signal);
      }),
    );
    // Snapshots in the order of the definitions, as before evaluation became incremental, so
    // that batch writes lock rows in one order whatever order the fetches completed in.
    const order = new Map(definitions.map((d, index) => [d.sloId, index]));
    saved.sort((a, b) => order.get(a.sloId)! - order.get(b.sloId)!);
    history.sort((a, b) => order.get(a.sloId)! - order.get(b.sloId)!);
    await this.evaluations.save(saved, history);

    if (started - this.#lastCleanupAt >= CLEANUP_INTERVAL_MS) {
      this.#lastCleanupAt = started;
      const [historyRows, snapshotRows] = await Promise.all([
        this.evaluations.deleteHistoryBefore(
          started - this.settings.historyRetentionMs,
        ),
        this.evaluations.deleteSnapshotsExcept(definitions.map(d => d.sloId)),
      ]);
      if (historyRows + snapshotRows > 0) {
        this.logger.info(
          `Deleted ${historyRows} SLO history rows older than the retention and ${snapshotRows} evaluations of removed SLOs`,
        );
      }
    }

    this.logger.info(
      `Evaluated SLOs in ${this.now() - started} ms: ${summary.evaluated} of ${
        summary.slos
      } evaluated, ${summary.failed} failed, ${
        summary.backingOff
      } backing off; ${
        summary.sourceRequests
      } source requests; by source ${JSON.stringify(
        summary.bySource,
      )}; queries by source ${JSON.stringify(summary.queriesBySource)}`,
    );
    return summary;
  }

  /** History is written at most once per interval, at the first cycle of each interval. */
  private isHistoryDue(lastHistoryAt: number | undefined, time: number) {
    const interval = this.settings.historyIntervalMs;
    return (
      lastHistoryAt === undefined ||
      Math.floor(time / interval) > Math.floor(lastHistoryAt / interval)
    );
  }

  private async fetchGroup(
    source: SliSource,
    group: StoredSloDefinition[],
    nowMs: number,
    summary: EvaluationCycleSummary,
    settle: (outcome: Outcome) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const requests: SliFetchRequest[] = [];
    for (const { slo } of group) {
      if (!source.supports(slo)) {
        settle({
          sloId: slo.id,
          ok: false,
          error: `The ${source.type} SLI source cannot serve this SLO's SLI`,
        });
        continue;
      }
      try {
        requests.push({
          slo,
          ...sliRangeOf(slo, nowMs, this.settings),
          signal,
        });
      } catch (error) {
        settle({
          sloId: slo.id,
          ok: false,
          error: `The SLO period cannot be resolved: ${stringifyError(error)}`,
        });
      }
    }
    if (requests.length === 0) {
      return;
    }

    if (source.fetchMany) {
      summary.sourceRequests += 1;
      try {
        const results = await source.fetchMany(requests);
        if (source.queriesInLastCycle !== undefined) {
          summary.queriesBySource[source.type] = source.queriesInLastCycle;
        }
        for (const request of requests) {
          const data = results.get(request.slo.id);
          if (data && !(data instanceof Error)) {
            settle({ sloId: request.slo.id, ok: true, data, request });
          } else {
            settle({
              sloId: request.slo.id,
              ok: false,
              error: data
                ? stringifyError(data)
                : `The ${source.type} SLI source returned no data for this SLO`,
            });
          }
        }
      } catch (error) {
        const message = `The ${source.type} SLI source failed: ${stringifyError(
          error,
        )}`;
        requests.forEach(r =>
          settle({ sloId: r.slo.id, ok: false, error: message }),
        );
      }
      return;
    }

    summary.sourceRequests += requests.length;
    await mapWithConcurrency(
      requests,
      this.settings.concurrency,
      async request => {
        let outcome: Outcome;
        try {
          const data = await source.fetch(request);
          outcome = { sloId: request.slo.id, ok: true, data, request };
        } catch (error) {
          outcome = {
            sloId: request.slo.id,
            ok: false,
            error: `The ${source.type} SLI source failed: ${stringifyError(
              error,
            )}`,
          };
        }
        settle(outcome);
      },
    );
  }
}
