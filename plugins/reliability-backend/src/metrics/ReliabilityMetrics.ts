import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  MetricAttributes,
  MetricsService,
} from '@backstage/backend-plugin-api/alpha';
import { HumanDuration } from '@backstage/types';
import { SloPolicyState, SloView } from '@reliability/backstage-plugin-common';
import { ReliabilityService } from '../evaluation';
import { OnCallService } from '../oncall/OnCallService';
import { ScorecardStore, StoredScorecardResult } from '../scorecards';

/** The policy states `reliability_slo_policy_state` has a series for. */
const POLICY_STATES: SloPolicyState[] = [
  'healthy',
  'warning',
  'exhausted',
  'unknown',
];

/**
 * The series the plugin exports, by name; documented in the README ("Metrics"). Names follow
 * Prometheus conventions: `reliability_` prefix, base units, `_ratio` for shares of 1, and an
 * enum as one 0/1 series per state.
 *
 * @internal
 */
export const RELIABILITY_METRICS = {
  budgetRemaining: 'reliability_slo_error_budget_remaining_ratio',
  burnRate: 'reliability_slo_burn_rate',
  sli: 'reliability_slo_sli_ratio',
  target: 'reliability_slo_objective_ratio',
  policyState: 'reliability_slo_policy_state',
  scorecardLevel: 'reliability_scorecard_level_index',
  onCallCovered: 'reliability_oncall_covered',
} as const;

/** What the metrics read, as of one collection. */
interface Snapshot {
  slos: SloView[];
  scorecards: StoredScorecardResult[];
}

/**
 * The plugin's gauges for Prometheus and Grafana, through Backstage's metrics service (an
 * OpenTelemetry meter): read when the exporter collects, from the same stores the API serves,
 * so that a scrape shows the API's numbers. One collection reads the SLOs and scorecard results
 * once for all gauges (memoised for `cacheMs`); on-call coverage asks the providers, so it is
 * refreshed by a local task instead of on every scrape.
 *
 * Cardinality is bounded: at most `maxSlos` SLOs and `maxEntities` scorecard and on-call series
 * per replica; labels are the entity ref, the SLO id, the owner ref, the alert window, the
 * scorecard id and level, each from a finite set of the catalog's.
 *
 * @internal
 */
export class ReliabilityMetrics {
  private snapshot?: { at: number; value: Promise<Snapshot> };
  private coverage = new Map<string, { owner: string; covered: boolean }>();

  static create(options: {
    metrics: MetricsService;
    slos: ReliabilityService;
    scorecardStore: ScorecardStore;
    onCall: OnCallService;
    auth: AuthService;
    logger: LoggerService;
    maxSlos?: number;
    maxEntities?: number;
    cacheMs?: number;
    now?: () => number;
  }): ReliabilityMetrics {
    const instance = new ReliabilityMetrics(options);
    instance.register();
    return instance;
  }

  private constructor(
    private readonly options: Parameters<typeof ReliabilityMetrics.create>[0],
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The SLOs and scorecard results, read at most once per `cacheMs` for all gauges. */
  private read(): Promise<Snapshot> {
    const cacheMs = this.options.cacheMs ?? 5_000;
    if (this.snapshot && this.now() - this.snapshot.at < cacheMs) {
      return this.snapshot.value;
    }
    const value = this.collect();
    this.snapshot = { at: this.now(), value };
    // A failed read is not kept: the next scrape tries again.
    value.catch(() => {
      if (this.snapshot?.value === value) this.snapshot = undefined;
    });
    return value;
  }

  private async collect(): Promise<Snapshot> {
    const maxSlos = this.options.maxSlos ?? 10_000;
    const maxEntities = this.options.maxEntities ?? 10_000;
    const slos: SloView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.slos.listSlos({ limit: 500, cursor });
      slos.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && slos.length < maxSlos);
    const scorecards: StoredScorecardResult[] = [];
    cursor = undefined;
    do {
      const page = await this.options.scorecardStore.listResults({
        limit: 500,
        cursor,
      });
      scorecards.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && scorecards.length < maxEntities);
    return {
      slos: slos.slice(0, maxSlos),
      scorecards: scorecards.slice(0, maxEntities),
    };
  }

  private gauge(
    name: string,
    description: string,
    observe: (
      snapshot: Snapshot,
      record: (value: number, attributes: MetricAttributes) => void,
    ) => void,
  ) {
    const gauge = this.options.metrics.createObservableGauge(name, {
      description,
    });
    gauge.addCallback(async result => {
      try {
        observe(await this.read(), (value, attributes) =>
          result.observe(value, attributes),
        );
      } catch (error) {
        this.options.logger.warn(`Could not collect ${name}: ${error}`);
      }
    });
  }

  private register() {
    const sloLabels = (slo: SloView) => ({
      entity: slo.entityRef.toLowerCase(),
      slo: slo.id,
      owner: slo.owner ?? 'unknown',
    });
    this.gauge(
      RELIABILITY_METRICS.budgetRemaining,
      'Share of the error budget left over the SLO window: 1 untouched, 0 spent, below 0 overspent. Absent while unknown.',
      ({ slos }, record) => {
        for (const slo of slos) {
          const remaining = slo.status?.budget?.remaining;
          if (typeof remaining === 'number') record(remaining, sloLabels(slo));
        }
      },
    );
    this.gauge(
      RELIABILITY_METRICS.burnRate,
      'Error ratio over the alert window divided by the error budget (1 spends the budget exactly over the SLO window). Absent while unknown.',
      ({ slos }, record) => {
        for (const slo of slos) {
          for (const rate of slo.status?.burnRates ?? []) {
            if (typeof rate.burnRate === 'number') {
              record(rate.burnRate, { ...sloLabels(slo), window: rate.window });
            }
          }
        }
      },
    );
    this.gauge(
      RELIABILITY_METRICS.sli,
      'Share of good events over the SLO window. Absent while unknown (no data, no traffic).',
      ({ slos }, record) => {
        for (const slo of slos) {
          const sli = slo.status?.sli;
          if (typeof sli === 'number') record(sli, sloLabels(slo));
        }
      },
    );
    this.gauge(
      RELIABILITY_METRICS.target,
      'The objective: the share of good events the SLO promises.',
      ({ slos }, record) => {
        for (const slo of slos) record(slo.objective.target, sloLabels(slo));
      },
    );
    this.gauge(
      RELIABILITY_METRICS.policyState,
      'The error budget policy state: 1 for the current state, 0 for the others.',
      ({ slos }, record) => {
        for (const slo of slos) {
          const current = slo.status?.policy.state ?? 'unknown';
          for (const state of POLICY_STATES) {
            record(state === current ? 1 : 0, { ...sloLabels(slo), state });
          }
        }
      },
    );
    this.gauge(
      RELIABILITY_METRICS.scorecardLevel,
      'Index of the scorecard level the entity reached, 0 for the first; -1 when it reached none. The level label names it.',
      ({ scorecards }, record) => {
        for (const item of scorecards) {
          record(item.result.levelIndex, {
            entity: item.result.entityRef,
            owner: item.result.ownerRef ?? 'unknown',
            scorecard: item.result.scorecardId,
            level: item.result.level ?? 'none',
          });
        }
      },
    );
    const coverage = this.options.metrics.createObservableGauge(
      RELIABILITY_METRICS.onCallCovered,
      {
        description:
          'Whether someone is on call for the entity now (1) or not (0), from its on-call provider or rotation.',
      },
    );
    coverage.addCallback(result => {
      for (const [entity, { owner, covered }] of this.coverage) {
        result.observe(covered ? 1 : 0, { entity, owner });
      }
    });
  }

  /**
   * Asks the on-call providers who is on call now for every entity with SLOs or scorecard
   * results; keeps the answer for the coverage gauge. Per entity failures count as not covered.
   */
  async refreshOnCallCoverage(): Promise<void> {
    const { slos, scorecards } = await this.collect();
    const owners = new Map<string, string>();
    for (const item of scorecards) {
      owners.set(item.result.entityRef, item.result.ownerRef ?? 'unknown');
    }
    for (const slo of slos) {
      if (!owners.has(slo.entityRef.toLowerCase())) {
        owners.set(slo.entityRef.toLowerCase(), slo.owner ?? 'unknown');
      }
    }
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const next = new Map<string, { owner: string; covered: boolean }>();
    for (const [entity, owner] of owners) {
      const answer = await this.options.onCall
        .getEntityOnCall(entity, credentials)
        .catch(() => undefined);
      next.set(entity, {
        owner,
        covered: answer?.status === 'ok' && answer.now.length > 0,
      });
    }
    this.coverage = next;
  }

  /**
   * Schedules `reliability-refresh-oncall-coverage` on this replica (local scope: every replica
   * serves its own scrape).
   */
  async schedule(
    scheduler: SchedulerService,
    frequency: HumanDuration,
  ): Promise<void> {
    await scheduler.scheduleTask({
      id: 'reliability-refresh-oncall-coverage',
      scope: 'local',
      frequency,
      timeout: { minutes: 5 },
      initialDelay: { seconds: 10 },
      fn: () => this.refreshOnCallCoverage(),
    });
  }
}
