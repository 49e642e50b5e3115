import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
  isError,
} from '@backstage/errors';
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import {
  SliFetchRequest,
  SliFetchResult,
  SliSource,
} from '@reliability/backstage-plugin-node';
import { sliSourceTypeOf } from '../sliSourceType';
import { BucketGrid, chooseBucketGrid } from './bucketGrid';
import {
  PrometheusApi,
  PrometheusApiOptions,
  PrometheusQueryCounter,
} from './PrometheusApi';
import { RetryPolicy, Sleep } from '../../net/retry';
import {
  SLOTH_SLI_ERROR_RATIO_5M,
  instanceNameOf,
  planSliQuery,
  renderRulesQuery,
  renderSliQuery,
} from './sliQueries';
import {
  errorRatiosToBuckets,
  samplesOnGrid,
  sliResultToBuckets,
} from './toBuckets';

/**
 * One Prometheus-compatible HTTP API, as configured under `reliability.prometheus.instances`.
 *
 * @public
 */
export interface PrometheusInstanceConfig {
  name: string;
  baseUrl: string;
  headers?: Record<string, string>;
}

/**
 * Where SLI data is read from: Sloth's recording rules when Prometheus has them for an SLO, the
 * SLO's own queries otherwise (`auto`); or only one of the two.
 *
 * @public
 */
export type PrometheusReadStrategy = 'auto' | 'recording-rules' | 'raw-queries';

/**
 * Options of {@link PrometheusSliSource.create}.
 *
 * @public
 */
export interface PrometheusSliSourceOptions {
  instances: PrometheusInstanceConfig[];
  /** The instance of SLOs that name none. Default: the first. */
  defaultInstance?: string;
  logger?: LoggerService;
  /** Default `auto`. */
  strategy?: PrometheusReadStrategy;
  /** Raw queries in flight at once per cycle. Default 4. */
  concurrency?: number;
  /** Timeout of one HTTP request. Default 60 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Replaces the global `fetch`, for tests. */
  fetch?: typeof fetch;
  /** Replaces the backoff wait, for tests. */
  sleep?: Sleep;
}

/**
 * What one fetch cycle (one call of `fetchMany`, or of `fetch`) cost and gave.
 *
 * @public
 */
export interface PrometheusCycleStats {
  /** When the cycle started, epoch milliseconds. */
  startedAt: number;
  durationMs: number;
  /** SLOs requested. */
  slos: number;
  /** PromQL queries sent, each counted once however often it was retried. */
  queries: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Queries of Sloth's recording rules: one per instance and time range, whatever the SLOs. */
  recordingRuleQueries: number;
  /** Queries of SLOs' own SLI queries: one per SLO without recording rules. */
  rawQueries: number;
  slosFromRecordingRules: number;
  slosFromRawQueries: number;
  /** Why each SLO that is missing from the results failed, by SLO id. */
  errors: ReadonlyMap<string, Error>;
}

/** Requests that share an instance and a bucket grid, and so one recording-rules query. */
interface RequestGroup {
  api: PrometheusApi;
  grid: BucketGrid;
  requests: SliFetchRequest[];
}

interface CycleState {
  counter: PrometheusQueryCounter;
  results: Map<string, SliFetchResult>;
  errors: Map<string, Error>;
  recordingRuleQueries: number;
  rawQueries: number;
  slosFromRecordingRules: number;
  slosFromRawQueries: number;
}

function toError(error: unknown): Error {
  return isError(error) ? (error as Error) : new Error(String(error));
}

function combinedSignal(requests: SliFetchRequest[]): AbortSignal | undefined {
  const signals = [
    ...new Set(requests.flatMap(r => (r.signal ? [r.signal] : []))),
  ];
  return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
}

/**
 * SLI data from Prometheus-compatible HTTP APIs: several named instances, chosen per SLO by the
 * data source its SLI references (OpenSLO `metricSourceRef`), or by the SLO label
 * `reliability_prometheus_instance` (Sloth, which has no data sources), else the default one.
 *
 * **Two ways to read an SLO.** When Prometheus evaluates the recording rules generated for the
 * SLO (by Sloth, or by `reliability generate`), `fetchMany` reads `slo:sli_error:ratio_rate5m`
 * of all SLOs in one range query per instance and time range, grouped by `sloth_id`; the query
 * result is also the detection, so it costs nothing extra. SLOs without recorded series fall back to
 * their own queries, one range query per SLO, with `{{.window}}` set to the step.
 *
 * **Buckets.** Steps are 5 minutes or longer (`PROMETHEUS_MIN_STEP_MS`), chosen to
 * stay within Prometheus' 11,000 points per series; the result's `bucketMs` says which.
 * - Raw event queries: rates over `[step]` × step seconds = events per bucket, good and total
 *   exactly as the SLO counts them.
 * - Recording rules and raw ratio queries give an error ratio per bucket, not events: each
 *   bucket with data becomes one unit, `good = 1 − ratio`, `total = 1`. For `Occurrences` the
 *   SLI is then the time average of 5-minute error ratios: a quiet hour weighs as much as a busy
 *   one, and a bucket without traffic (0/0) is a gap. That is what Sloth's own period ratio
 *   (`slo:sli_error:ratio_rate30d`, the mean of the 5m ratios) and its burn-rate alerts compute,
 *   so Backstage agrees with the alerts; it differs from event-weighted counting when traffic
 *   varies. `Timeslices` and `RatioTimeslices` with 5-minute slices are exact.
 *
 * Every cycle's query count is kept in {@link PrometheusSliSource.lastCycleStats}.
 *
 * @public
 */
export class PrometheusSliSource implements SliSource {
  readonly type = 'prometheus';
  readonly #apis: Map<string, PrometheusApi>;
  readonly #defaultInstance?: string;
  readonly #logger?: LoggerService;
  readonly #strategy: PrometheusReadStrategy;
  readonly #concurrency: number;
  #lastCycleStats?: PrometheusCycleStats;

  /**
   * Reads `reliability.prometheus` from config. Creates a source even without instances, so
   * that Prometheus SLOs fail with a clear "not configured" error instead of being ignored.
   */
  static fromConfig(
    config: Config,
    options: Omit<
      PrometheusSliSourceOptions,
      'instances' | 'defaultInstance'
    > = {},
  ): PrometheusSliSource {
    const prometheus = config.getOptionalConfig('reliability.prometheus');
    const instances = (
      prometheus?.getOptionalConfigArray('instances') ?? []
    ).map(instance => {
      const headers = instance.getOptionalConfig('headers');
      return {
        name: instance.getString('name'),
        baseUrl: instance.getString('baseUrl'),
        headers: headers
          ? Object.fromEntries(
              headers.keys().map(key => [key, headers.getString(key)]),
            )
          : undefined,
      };
    });
    return PrometheusSliSource.create({
      ...options,
      instances,
      defaultInstance: prometheus?.getOptionalString('defaultInstance'),
    });
  }

  /** Throws `InputError` for repeated instance names, bad URLs or an unknown default. */
  static create(options: PrometheusSliSourceOptions): PrometheusSliSource {
    const apis = new Map<string, PrometheusApi>();
    for (const instance of options.instances) {
      if (apis.has(instance.name)) {
        throw new InputError(
          `reliability.prometheus.instances: the name "${instance.name}" is used twice`,
        );
      }
      let url: URL;
      try {
        url = new URL(instance.baseUrl);
      } catch {
        throw new InputError(
          `reliability.prometheus.instances: "${instance.name}" has an invalid baseUrl "${instance.baseUrl}"`,
        );
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new InputError(
          `reliability.prometheus.instances: the baseUrl of "${instance.name}" must be http or https`,
        );
      }
      const apiOptions: PrometheusApiOptions = {
        name: instance.name,
        baseUrl: instance.baseUrl,
        headers: instance.headers,
        timeoutMs: options.timeoutMs,
        retry: options.retry,
        fetch: options.fetch,
        sleep: options.sleep,
      };
      apis.set(instance.name, new PrometheusApi(apiOptions));
    }
    const defaultInstance =
      options.defaultInstance ?? options.instances[0]?.name;
    if (defaultInstance !== undefined && !apis.has(defaultInstance)) {
      throw new InputError(
        `reliability.prometheus.defaultInstance "${defaultInstance}" is not one of the instances`,
      );
    }
    return new PrometheusSliSource(apis, defaultInstance, options);
  }

  private constructor(
    apis: Map<string, PrometheusApi>,
    defaultInstance: string | undefined,
    options: PrometheusSliSourceOptions,
  ) {
    this.#apis = apis;
    this.#defaultInstance = defaultInstance;
    this.#logger = options.logger;
    this.#strategy = options.strategy ?? 'auto';
    this.#concurrency = Math.max(1, options.concurrency ?? 4);
  }

  /** The statistics of the last finished cycle; `undefined` before the first. */
  get lastCycleStats(): PrometheusCycleStats | undefined {
    return this.#lastCycleStats;
  }

  supports(slo: ServiceLevelObjective): boolean {
    return sliSourceTypeOf(slo) === 'prometheus';
  }

  async fetch(request: SliFetchRequest): Promise<SliFetchResult> {
    const { results, stats } = await this.#cycle([request]);
    const result = results.get(request.slo.id);
    if (!result) {
      throw (
        stats.errors.get(request.slo.id) ??
        new Error(`No SLI data for SLO "${request.slo.id}"`)
      );
    }
    return result;
  }

  /**
   * Reads many SLOs with as few queries as possible; see the class documentation. SLOs that
   * failed map to their error, as in {@link PrometheusSliSource.lastCycleStats}.
   */
  get queriesInLastCycle(): number | undefined {
    return this.lastCycleStats?.queries;
  }

  async fetchMany(
    requests: SliFetchRequest[],
  ): Promise<Map<string, SliFetchResult | Error>> {
    const { results, stats } = await this.#cycle(requests);
    const outcomes = new Map<string, SliFetchResult | Error>(results);
    for (const [sloId, error] of stats.errors) {
      if (!outcomes.has(sloId)) {
        outcomes.set(sloId, error);
      }
    }
    return outcomes;
  }

  async #cycle(requests: SliFetchRequest[]): Promise<{
    results: Map<string, SliFetchResult>;
    stats: PrometheusCycleStats;
  }> {
    const startedAt = Date.now();
    const state: CycleState = {
      counter: { queries: 0, requests: 0 },
      results: new Map(),
      errors: new Map(),
      recordingRuleQueries: 0,
      rawQueries: 0,
      slosFromRecordingRules: 0,
      slosFromRawQueries: 0,
    };

    const groups = new Map<string, RequestGroup>();
    const seen = new Set<string>();
    for (const request of requests) {
      const id = request.slo.id;
      if (seen.has(id)) {
        state.errors.set(
          id,
          new InputError(`SLO "${id}" was requested twice in one cycle`),
        );
        continue;
      }
      seen.add(id);
      try {
        const api = this.#apiFor(request.slo);
        const grid = chooseBucketGrid(
          request.from,
          request.to,
          request.bucketMs,
        );
        const key = `${api.name}\n${grid.fromMs}\n${grid.stepMs}\n${grid.buckets}`;
        const group = groups.get(key) ?? { api, grid, requests: [] };
        group.requests.push(request);
        groups.set(key, group);
      } catch (error) {
        state.errors.set(id, toError(error));
      }
    }

    await Promise.all([...groups.values()].map(g => this.#readGroup(g, state)));

    const stats: PrometheusCycleStats = {
      startedAt,
      durationMs: Date.now() - startedAt,
      slos: requests.length,
      queries: state.counter.queries,
      requests: state.counter.requests,
      recordingRuleQueries: state.recordingRuleQueries,
      rawQueries: state.rawQueries,
      slosFromRecordingRules: state.slosFromRecordingRules,
      slosFromRawQueries: state.slosFromRawQueries,
      errors: state.errors,
    };
    this.#lastCycleStats = stats;
    this.#logger?.debug(
      `Prometheus: ${stats.queries} queries (${stats.requests} requests) for ${stats.slos} SLOs, ` +
        `${stats.slosFromRecordingRules} from recording rules, ${stats.slosFromRawQueries} from raw queries, ` +
        `${stats.errors.size} failed, in ${stats.durationMs} ms`,
    );
    return { results: state.results, stats };
  }

  #apiFor(slo: ServiceLevelObjective): PrometheusApi {
    if (!this.supports(slo)) {
      const type = sliSourceTypeOf(slo);
      throw new InputError(
        `SLO "${slo.id}": its SLI is not a Prometheus query (${
          type ? `its data source type is "${type}"` : 'it names no data source'
        })`,
      );
    }
    if (this.#apis.size === 0) {
      throw new NotFoundError(
        'Prometheus is not configured: add reliability.prometheus.instances to app-config',
      );
    }
    const name = instanceNameOf(slo) ?? this.#defaultInstance!;
    const api = this.#apis.get(name);
    if (!api) {
      throw new NotFoundError(
        `SLO "${slo.id}" reads from the Prometheus instance "${name}", which is not configured; ` +
          `reliability.prometheus.instances has ${[...this.#apis.keys()]
            .map(n => `"${n}"`)
            .join(', ')}`,
      );
    }
    return api;
  }

  async #readGroup(group: RequestGroup, state: CycleState): Promise<void> {
    const { api, grid } = group;
    const signal = combinedSignal(group.requests);
    const range = {
      startMs: grid.fromMs,
      endMs: grid.fromMs + grid.buckets * grid.stepMs,
      stepMs: grid.stepMs,
    };
    const succeed = (id: string, good: Float64Array, total: Float64Array) =>
      state.results.set(id, {
        from: grid.fromMs,
        bucketMs: grid.stepMs,
        good,
        total,
      });

    if (grid.buckets === 0) {
      for (const request of group.requests) {
        succeed(request.slo.id, new Float64Array(0), new Float64Array(0));
      }
      return;
    }

    let remaining = group.requests;
    if (this.#strategy !== 'raw-queries') {
      try {
        state.recordingRuleQueries += 1;
        const series = await api.queryRange(
          renderRulesQuery(
            remaining.map(r => r.slo.id),
            grid.stepMs,
          ),
          range,
          { signal, counter: state.counter },
        );
        const bySlo = new Map(series.map(s => [s.metric.sloth_id, s]));
        const withoutRules: SliFetchRequest[] = [];
        for (const request of remaining) {
          const recorded = bySlo.get(request.slo.id);
          if (recorded) {
            const buckets = errorRatiosToBuckets(
              samplesOnGrid(recorded, grid),
              grid,
            );
            succeed(request.slo.id, buckets.good, buckets.total);
            state.slosFromRecordingRules += 1;
          } else {
            withoutRules.push(request);
          }
        }
        remaining = withoutRules;
      } catch (error) {
        // Rejected (e.g. too many samples for one query): each SLO's own query may still pass.
        // Anything else means Prometheus is unavailable, and N more queries would not help.
        if (!(error instanceof InputError) || this.#strategy !== 'auto') {
          for (const request of remaining) {
            state.errors.set(request.slo.id, toError(error));
          }
          return;
        }
        this.#logger?.warn(
          `Prometheus "${api.name}" rejected the recording-rules query, reading SLOs by their own queries: ${error.message}`,
        );
      }
      if (this.#strategy === 'recording-rules') {
        for (const request of remaining) {
          state.errors.set(
            request.slo.id,
            new NotFoundError(
              `Prometheus "${api.name}" has no ${SLOTH_SLI_ERROR_RATIO_5M}{sloth_id="${request.slo.id}"} series; load the SLO's generated recording rules`,
            ),
          );
        }
        return;
      }
    }

    let unavailable: Error | undefined;
    const queue = [...remaining];
    const worker = async () => {
      for (let request = queue.shift(); request; request = queue.shift()) {
        const id = request.slo.id;
        if (unavailable) {
          // Fail fast: after one query found Prometheus unavailable, the rest would retry too.
          state.errors.set(id, unavailable);
          continue;
        }
        try {
          const plan = planSliQuery(request.slo);
          state.rawQueries += 1;
          const series = await api.queryRange(
            renderSliQuery(plan, grid.stepMs),
            range,
            { signal, counter: state.counter },
          );
          const buckets = sliResultToBuckets(id, plan, series, grid);
          succeed(id, buckets.good, buckets.total);
          state.slosFromRawQueries += 1;
        } catch (error) {
          const failure = toError(error);
          if (failure instanceof ServiceUnavailableError || signal?.aborted) {
            unavailable = failure;
          }
          state.errors.set(id, failure);
        }
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(this.#concurrency, remaining.length) },
        worker,
      ),
    );
  }
}
