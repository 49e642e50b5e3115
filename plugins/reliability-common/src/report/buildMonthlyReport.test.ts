import type { SloHistoryPointView, SloView } from '../api/sloViews';
import { buildMonthlyReport, MonthlyReportInput } from './buildMonthlyReport';
import { monthOf, monthRange } from './monthRange';
import { monthlyReportToCsv, monthlyReportToMarkdown } from './renderReport';

function slo(
  id: string,
  status: Partial<NonNullable<SloView['status']>> | null,
): SloView {
  return {
    id,
    entityRef: 'component:default/checkout',
    name: id,
    service: 'checkout',
    displayName: null,
    description: null,
    owner: 'group:default/payments',
    tier: '1',
    sourceType: 'push',
    sourceFile: 'slos.yaml',
    format: 'openslo/v1',
    budgetingMethod: 'Occurrences',
    objective: {
      target: 0.999,
      targetPercent: 99.9,
      displayName: null,
      timeSliceTarget: null,
      timeSliceWindowMs: null,
    },
    timeWindow: null,
    status: status && {
      evaluatedAt: '2026-12-10T00:00:00Z',
      valuesAt: '2026-12-10T00:00:00Z',
      lastSuccessAt: null,
      staleSince: null,
      stale: false,
      error: null,
      nextAttemptAt: null,
      sli: null,
      sliStatus: null,
      coverage: null,
      budget: null,
      burnRates: [],
      alerts: null,
      policy: { state: 'unknown', reason: '' },
      forecast: null,
      ...status,
    },
  } as SloView;
}

function day(
  time: string,
  stepSli: number | null,
  budgetRemaining: number | null,
): SloHistoryPointView {
  return { time, sli: stepSli, stepSli, budgetRemaining, burnRates: {} };
}

const budget = (remaining: number) => ({
  target: 0.999,
  errorBudget: 0.001,
  remaining,
  consumed: 1 - remaining,
  periodStart: '2026-11-12T00:00:00Z',
  periodEnd: '2026-12-10T00:00:00Z',
});

const base: MonthlyReportInput = {
  subject: 'group:default/payments',
  scope: 'group',
  month: '2026-12',
  nowMs: Date.parse('2026-12-10T00:00:00Z'),
  entities: ['component:default/checkout'],
  slos: [],
  alerts: null,
  levelChanges: [],
  campaigns: [],
  releases: [],
};

describe('monthRange', () => {
  it('gives the UTC bounds of a month and refuses what is not one', () => {
    expect(monthRange('2026-12')).toEqual({
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
    });
    expect(monthRange('2026-13')).toBeUndefined();
    expect(monthRange('2026-1')).toBeUndefined();
    expect(monthOf(Date.parse('2026-02-28T23:59:59Z'))).toBe('2026-02');
  });
});

describe('buildMonthlyReport', () => {
  it("takes the current month's end from the latest evaluation and its worst day from the history", () => {
    const report = buildMonthlyReport({
      ...base,
      slos: [
        {
          slo: slo('availability', {
            sli: 0.9985,
            budget: budget(-0.5),
            policy: { state: 'exhausted', reason: 'spent' },
          }),
          days: [
            day('2026-12-02T00:00:00Z', 0.9999, 0.9),
            day('2026-12-03T00:00:00Z', 0.97, -0.2),
            day('2026-12-04T00:00:00Z', 0.999, -0.5),
          ],
        },
        { slo: slo('latency', { sli: 0.9995, budget: budget(0.5) }), days: [] },
        { slo: slo('new', null), days: [] },
      ],
    });
    expect(report.partial).toBe(true);
    expect(report.summary).toEqual({ slos: 3, met: 1, missed: 1, unknown: 1 });
    expect(report.slos.find(s => s.id === 'availability')).toMatchObject({
      attainment: 'missed',
      sli: 0.9985,
      budgetRemaining: -0.5,
      budgetConsumed: 1.5,
      policyState: 'exhausted',
      worstDay: { day: '2026-12-02', sli: 0.97 },
    });
    expect(report.slos.find(s => s.id === 'latency')!.attainment).toBe('met');
  });

  it("takes a past month's end from the last point of its history", () => {
    const report = buildMonthlyReport({
      ...base,
      month: '2026-11',
      slos: [
        {
          slo: slo('availability', { sli: 0.5, budget: budget(-9) }),
          days: [
            day('2026-11-30T00:00:00Z', 0.999, 0.25),
            day('2026-12-01T00:00:00Z', null, null),
          ],
        },
      ],
    });
    expect(report.partial).toBe(false);
    expect(report.slos[0]).toMatchObject({
      attainment: 'met',
      budgetRemaining: 0.25,
      budgetConsumed: 0.75,
      policyState: 'healthy',
      worstDay: { day: '2026-11-29', sli: 0.999 },
    });
  });

  it('refuses a month that is not one', () => {
    expect(() => buildMonthlyReport({ ...base, month: 'December' })).toThrow(
      "'December' is not a month such as 2026-12",
    );
  });

  it('renders Markdown tables and CSV rows that a spreadsheet cannot run', () => {
    const report = buildMonthlyReport({
      ...base,
      slos: [
        {
          slo: {
            ...slo('a', { sli: 0.9, budget: budget(-2) }),
            displayName: '=cmd|x',
          },
          days: [],
        },
      ],
      levelChanges: [
        {
          entityRef: 'component:default/checkout',
          scorecardId: 'readiness',
          from: 'Bronze',
          to: 'Silver',
          at: '2026-12-03T10:00:00Z',
        },
      ],
    });
    const markdown = monthlyReportToMarkdown(report);
    expect(markdown).toContain(
      '# Reliability report: group:default/payments, 2026-12',
    );
    expect(markdown).toContain(
      '| component:default/checkout | =cmd\\|x | 99.9 % | missed | 90.000 % | 300.0 % | -200.0 % | – |',
    );
    expect(markdown).toContain(
      '| component:default/checkout | readiness | Bronze | Silver | 2026-12-03 |',
    );
    const csv = monthlyReportToCsv(report).split('\r\n');
    expect(csv[1]).toBe(
      "2026-12,group:default/payments,component:default/checkout,a,'=cmd|x,99.9,missed,0.9,3,-2,,",
    );
  });
});
