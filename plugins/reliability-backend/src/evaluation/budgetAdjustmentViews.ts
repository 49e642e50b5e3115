import {
  BudgetAdjustment,
  budgetAdjustmentWindows,
  ServiceLevelObjective,
  SloBudgetAdjustmentView,
  SloHistoryAdjustmentView,
} from '@reliability/backstage-plugin-common';
import type { StoredBudgetAdjustment } from '../database/ReleaseGateStore';

/**
 * A budget adjustment in the budget engine's terms, with what names it on a chart: declared in
 * the SLO's files or through the API.
 *
 * @internal
 */
export interface NamedBudgetAdjustment extends BudgetAdjustment {
  id: string;
  source: 'file' | 'api';
  name: string;
}

/** The id of an adjustment declared in a file; the API never gives out ids of this form. */
export const FILE_ADJUSTMENT_ID_PREFIX = 'file:';

/**
 * The adjustments an SLO's files declare, in the engine's terms.
 *
 * @internal
 */
export function fileBudgetAdjustmentsOf(
  slo: ServiceLevelObjective,
): NamedBudgetAdjustment[] {
  return (slo.budgetAdjustments ?? []).map(adjustment => ({
    id: `${FILE_ADJUSTMENT_ID_PREFIX}${adjustment.name}`,
    source: 'file',
    name: adjustment.displayName ?? adjustment.name,
    firstEventStartMs: adjustment.firstEventStartMs,
    durationMs: adjustment.durationMs,
    rrule: adjustment.rrule,
  }));
}

/**
 * An adjustment declared through the API, in the engine's terms.
 *
 * @internal
 */
export function apiBudgetAdjustment(
  adjustment: StoredBudgetAdjustment,
): NamedBudgetAdjustment {
  return {
    id: adjustment.id,
    source: 'api',
    name: adjustment.name,
    firstEventStartMs: Date.parse(adjustment.firstEventStart),
    durationMs: adjustment.durationMs,
    rrule: adjustment.rrule ?? undefined,
  };
}

/**
 * The adjustments an SLO's files declare, as the API serves them.
 *
 * @internal
 */
export function fileBudgetAdjustmentViews(
  slo: ServiceLevelObjective,
): SloBudgetAdjustmentView[] {
  return (slo.budgetAdjustments ?? []).map(adjustment => ({
    id: `${FILE_ADJUSTMENT_ID_PREFIX}${adjustment.name}`,
    source: 'file',
    name: adjustment.name,
    displayName: adjustment.displayName ?? null,
    description: adjustment.description ?? null,
    firstEventStart: adjustment.firstEventStart,
    durationMs: adjustment.durationMs,
    rrule: adjustment.rrule ?? null,
    location: adjustment.location,
  }));
}

/**
 * The occurrences of the adjustments that overlap `[fromMs, toMs)`, oldest first.
 *
 * @internal
 */
export function adjustmentOccurrences(
  adjustments: readonly NamedBudgetAdjustment[],
  fromMs: number,
  toMs: number,
): SloHistoryAdjustmentView[] {
  return adjustments
    .flatMap(adjustment =>
      budgetAdjustmentWindows(adjustment, fromMs, toMs).map(window => ({
        id: adjustment.id,
        source: adjustment.source,
        name: adjustment.name,
        startMs: window.startMs,
        endMs: window.endMs,
      })),
    )
    .sort((a, b) => a.startMs - b.startMs)
    .map(({ startMs, endMs, ...rest }) => ({
      ...rest,
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
    }));
}
