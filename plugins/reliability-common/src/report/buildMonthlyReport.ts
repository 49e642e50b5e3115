import type { AlertQualityView } from '../api/alertViews';
import type { SloHistoryPointView, SloView } from '../api/sloViews';
import type {
  MonthlyReliabilityReport,
  MonthlyReportCampaign,
  MonthlyReportLevelChange,
  MonthlyReportPages,
  MonthlyReportSlo,
  ReliabilityReportScope,
} from './model';
import { monthRange } from './monthRange';
import { MonthlyReportReleaseInput, releasesOfMonth } from './releasesOfMonth';

/**
 * What the report is made of: the API's own views, read by the backend for the month.
 *
 * @public
 */
export interface MonthlyReportInput {
  subject: string;
  scope: ReliabilityReportScope;
  month: string;
  nowMs: number;
  entities: string[];
  slos: Array<{
    /** The SLO as `GET /entities/…/slos` serves it now. */
    slo: SloView;
    /** Its history over the month with a step of one day (`GET /slos/{id}/history`). */
    days: SloHistoryPointView[];
  }>;
  /**
   * The month's alert quality of the subject's entities (`GET /alert-quality` of the group,
   * system or domain); `null` when unknown.
   */
  alerts: AlertQualityView | null;
  levelChanges: MonthlyReportLevelChange[];
  campaigns: MonthlyReportCampaign[];
  /** What the release gate recorded for the entities; empty where no gate is used. */
  releases: MonthlyReportReleaseInput[];
}

function attainmentOf(
  remaining: number | null,
): MonthlyReportSlo['attainment'] {
  if (remaining === null) return 'unknown';
  return remaining >= 0 ? 'met' : 'missed';
}

function sloOfMonth(
  slo: SloView,
  days: SloHistoryPointView[],
  partial: boolean,
): MonthlyReportSlo {
  let sli: number | null;
  let remaining: number | null;
  let consumed: number | null;
  let policyState: MonthlyReportSlo['policyState'];
  if (partial) {
    // The month is not over: its end is now, and now is the API's latest evaluation.
    sli = slo.status?.sli ?? null;
    remaining = slo.status?.budget?.remaining ?? null;
    consumed = slo.status?.budget?.consumed ?? null;
    policyState = slo.status?.policy.state ?? 'unknown';
  } else {
    const last = [...days].reverse().find(day => day.budgetRemaining !== null);
    sli = last?.sli ?? null;
    remaining = last?.budgetRemaining ?? null;
    consumed = remaining === null ? null : 1 - remaining;
    if (remaining === null) policyState = 'unknown';
    else policyState = remaining <= 0 ? 'exhausted' : 'healthy';
  }
  let worstDay: MonthlyReportSlo['worstDay'] = null;
  for (const point of days) {
    if (point.stepSli === null) continue;
    if (!worstDay || point.stepSli < worstDay.sli) {
      // A point describes the day that ends at its time.
      const day = new Date(Date.parse(point.time) - 1)
        .toISOString()
        .slice(0, 10);
      worstDay = { day, sli: point.stepSli };
    }
  }
  return {
    id: slo.id,
    entityRef: slo.entityRef,
    name: slo.displayName ?? slo.name,
    targetPercent: slo.objective.targetPercent,
    attainment: attainmentOf(remaining),
    sli,
    budgetConsumed: consumed,
    budgetRemaining: remaining,
    worstDay,
    policyState,
  };
}

function pagesOf(view: AlertQualityView): MonthlyReportPages {
  const { report } = view;
  const load = report.onCallLoad.summary;
  return {
    from: view.from,
    to: view.to,
    pages: report.pagesUsed,
    pagesPerShift: load.state === 'known' ? load.meanPagesPerShift : null,
    shifts: view.shiftsKnown,
    pagesPer12Hours: view.pagesPer12Hours,
    mttaMs:
      report.responseTimes.mtta.state === 'known'
        ? report.responseTimes.mtta.meanMs
        : null,
    mttrMs:
      report.responseTimes.mttr.state === 'known'
        ? report.responseTimes.mttr.meanMs
        : null,
    sleepHourPages: report.interruptions.total.sleepHours,
    offHourPages: report.interruptions.total.offHours,
    noisiest: report.alerts.slice(0, 5).map(alert => ({
      alertName: alert.alertName ?? alert.alertKey,
      service: alert.service,
      pages: alert.pages,
      noiseRatio:
        alert.noiseRatio.state === 'known' ? alert.noiseRatio.value : null,
    })),
  };
}

/**
 * The monthly reliability report of a subject, from the API's views: nothing is computed anew
 * but the month's worst day and the counts of the summary, so that every figure is one the
 * portal shows. For the current month, the end of the month is now.
 *
 * @public
 */
export function buildMonthlyReport(
  input: MonthlyReportInput,
): MonthlyReliabilityReport {
  const range = monthRange(input.month);
  if (!range) {
    throw new Error(`'${input.month}' is not a month such as 2026-12`);
  }
  const partial = input.nowMs < range.to.getTime();
  const endMs = Math.min(input.nowMs, range.to.getTime());
  const slos = input.slos
    .map(({ slo, days }) => sloOfMonth(slo, days, partial))
    .sort(
      (a, b) =>
        a.entityRef.localeCompare(b.entityRef) || a.id.localeCompare(b.id),
    );
  const count = (state: MonthlyReportSlo['attainment']) =>
    slos.filter(slo => slo.attainment === state).length;
  return {
    subject: input.subject,
    scope: input.scope,
    month: input.month,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    partial,
    generatedAt: new Date(input.nowMs).toISOString(),
    entities: [...input.entities].sort(),
    summary: {
      slos: slos.length,
      met: count('met'),
      missed: count('missed'),
      unknown: count('unknown'),
    },
    slos,
    pages: input.alerts ? pagesOf(input.alerts) : null,
    levelChanges: [...input.levelChanges].sort(
      (a, b) =>
        a.at.localeCompare(b.at) || a.entityRef.localeCompare(b.entityRef),
    ),
    campaigns: input.campaigns,
    releases: releasesOfMonth(input.releases, range.from.getTime(), endMs),
  };
}
