import { stringifyError } from '@backstage/errors';
import {
  BudgetPolicyThresholds,
  ServiceLevelObjective,
  SloHistory,
  computeSloHistory,
  defaultBudgetPolicyThresholds,
  formatPrometheusDuration,
} from '@reliability/backstage-plugin-common';
import { SliSource } from '@reliability/backstage-plugin-node';
import { AlertStore } from '../alerts/AlertStore';
import { EvaluationStore } from '../database/EvaluationStore';
import { StoredSloDefinition } from '../database/SloDefinitionStore';
import { sliSourceTypeOf } from '../sources/sliSourceType';
import { adjustedSliSeries, sliRangeOf } from './evaluateSlo';
import { missingSourceMessage } from './SloEvaluator';
import type { BudgetAdjustmentSource, SliSourceProvider } from './SloEvaluator';
import {
  adjustmentOccurrences,
  fileBudgetAdjustmentsOf,
  NamedBudgetAdjustment,
} from './budgetAdjustmentViews';
import { SloHistoryPointView, SloHistoryView } from './types';

/** Alerts marked on a chart; more in one range would be unreadable anyway. */
const MAX_ALERTS = 200;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function nullable(value: number | undefined): number | null {
  return value === undefined ? null : value;
}

/**
 * Reads an SLO's history. The points are recomputed from SLI data: one fetch of the SLO's source
 * covering the range plus one SLO window and the longest alert window before it (stored buckets
 * for pushed and probed SLOs, one range query per chart for Prometheus), then the budget engine
 * at every step ({@link computeSloHistory}). So the burn-down exists for any range the data
 * covers, not only since the backend started. When the source cannot be read (not installed,
 * not configured, down), the evaluations stored since the backend started are sampled instead and
 * `noDataReason` says why.
 *
 * @internal
 */
export class SloHistoryReader {
  static create(options: {
    evaluations: EvaluationStore;
    sliSources: SliSourceProvider;
    alerts?: Pick<AlertStore, 'listAlerts'>;
    defaultPeriodMs: number;
    policy: Partial<BudgetPolicyThresholds>;
    /** The adjustments declared through the API; those of the files come with the SLO. */
    budgetAdjustments?: BudgetAdjustmentSource;
  }): SloHistoryReader {
    return new SloHistoryReader(
      options.evaluations,
      options.sliSources,
      options.alerts,
      options.defaultPeriodMs,
      { ...defaultBudgetPolicyThresholds, ...definedOnly(options.policy) },
      options.budgetAdjustments,
    );
  }

  private constructor(
    private readonly evaluations: EvaluationStore,
    private readonly sliSources: SliSourceProvider,
    private readonly alerts: Pick<AlertStore, 'listAlerts'> | undefined,
    private readonly defaultPeriodMs: number,
    private readonly policy: BudgetPolicyThresholds,
    private readonly budgetAdjustments?: BudgetAdjustmentSource,
  ) {}

  async read(
    definition: StoredSloDefinition,
    range: { from: number; to: number; stepMs: number },
  ): Promise<SloHistoryView> {
    const { slo } = definition;
    const adjustments = [
      ...fileBudgetAdjustmentsOf(slo),
      ...((await this.budgetAdjustments?.([slo.id]))?.get(slo.id) ?? []),
    ];
    const [computed, alerts] = await Promise.all([
      this.fromSliData(slo, range, adjustments),
      this.listAlerts(definition.entityRef, range),
    ]);
    const base = {
      sloId: slo.id,
      from: iso(range.from),
      to: iso(range.to),
      stepMs: range.stepMs,
      policyThresholds: {
        warningRemainingBelow: this.policy.warningRemainingBelow,
        exhaustedRemainingAtOrBelow: this.policy.exhaustedRemainingAtOrBelow,
        warningBurnRateAbove: this.policy.warningBurnRateAbove,
        warningBurnRateWindow: formatPrometheusDuration(
          this.policy.warningBurnRateWindowMs,
        ),
      },
      alerts,
      budgetAdjustments: adjustmentOccurrences(
        adjustments,
        range.from,
        range.to,
      ),
    };

    if ('history' in computed) {
      const { history } = computed;
      const points = history.steps.map(
        (step): SloHistoryPointView => ({
          time: iso(step.timeMs),
          sli: nullable(step.sli),
          stepSli: nullable(step.stepSli),
          budgetRemaining: nullable(step.budgetRemaining),
          burnRates: Object.fromEntries(
            history.windows.map((w, i) => [
              w.window,
              nullable(step.burnRates[i]),
            ]),
          ),
        }),
      );
      const hasValues = points.some(
        p => p.budgetRemaining !== null || p.stepSli !== null,
      );
      return {
        ...base,
        basis: 'sli-data',
        noDataReason: hasValues ? null : computed.emptyReason,
        burnRateThresholds: thresholdsOf(history),
        points,
      };
    }

    const stored = await this.evaluations.history(
      slo.id,
      range.from,
      range.to,
      range.stepMs,
    );
    return {
      ...base,
      basis: 'evaluations',
      noDataReason:
        stored.length > 0
          ? null
          : `${computed.reason}; no evaluations were stored in this range either`,
      burnRateThresholds: [],
      points: stored.map(p => ({
        time: iso(p.time),
        sli: p.sli,
        stepSli: null,
        budgetRemaining: p.budgetRemaining,
        burnRates: p.burnRates,
      })),
    };
  }

  /** The history recomputed from SLI data, or why the SLI data cannot be read. */
  private async fromSliData(
    slo: ServiceLevelObjective,
    range: { from: number; to: number; stepMs: number },
    adjustments: readonly NamedBudgetAdjustment[],
  ): Promise<
    { history: SloHistory; emptyReason: string } | { reason: string }
  > {
    const source = this.sourceOf(slo);
    if (!source) {
      return { reason: missingSourceMessage(sliSourceTypeOf(slo)) };
    }
    const options = {
      defaultPeriodMs: this.defaultPeriodMs,
      policy: this.policy,
    };
    // The first step must see a whole SLO window and its longest alert window.
    const earliest = sliRangeOf(slo, range.from, options);
    const latest = sliRangeOf(slo, range.to, options);
    let data;
    try {
      data = await source.fetch({
        slo,
        from: earliest.from,
        to: latest.to,
        bucketMs: latest.bucketMs,
      });
    } catch (error) {
      return {
        reason: `The SLI source '${
          source.type
        }' could not be read: ${stringifyError(error)}`,
      };
    }
    // The events of adjustment windows are left out, as the evaluations leave them out.
    const series = adjustedSliSeries(slo, data, adjustments);
    const history = computeSloHistory(
      slo,
      series,
      {
        fromMs: range.from,
        toMs: Math.min(range.to, series.endMs),
        stepMs: range.stepMs,
      },
      options,
    );
    const hasData = series.presentPrefix[series.length] > 0;
    return {
      history,
      emptyReason: hasData
        ? 'The SLI data has no traffic in this range'
        : `No SLI data from the '${source.type}' source covers this range`,
    };
  }

  private sourceOf(slo: ServiceLevelObjective): SliSource | undefined {
    return this.sliSources.list().find(s => s.supports(slo));
  }

  private async listAlerts(
    entityRef: string,
    range: { from: number; to: number },
  ): Promise<SloHistoryView['alerts']> {
    if (!this.alerts) {
      return [];
    }
    const alerts = await this.alerts.listAlerts({
      entityRefs: [entityRef],
      fromMs: range.from,
      toMs: range.to,
      limit: MAX_ALERTS,
    });
    return alerts.map(a => ({
      triggeredAt: a.triggeredAt,
      resolvedAt: a.resolvedAt ?? null,
      alertName: a.alertName ?? null,
      urgency: a.urgency,
    }));
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

function thresholdsOf(
  history: SloHistory,
): SloHistoryView['burnRateThresholds'] {
  const windows = history.alertWindows;
  if (!windows) {
    return [];
  }
  return (['page', 'ticket'] as const).flatMap(severity =>
    (['quick', 'slow'] as const).map(speed => {
      const w = windows[severity][speed];
      return {
        severity,
        shortWindow: formatPrometheusDuration(w.shortWindowMs),
        longWindow: formatPrometheusDuration(w.longWindowMs),
        burnRate: w.burnRateFactor,
      };
    }),
  );
}
