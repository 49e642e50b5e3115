import type { ServiceLevelObjective } from '../spec/model';
import { createAlertWindows } from '../windows';
import { generatePrometheusRules } from './generatePrometheusRules';
import type { AlertingRule, RecordingRule } from './types';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const FILTER =
  '{sloth_id="shop-checkout", sloth_service="shop", sloth_slo="checkout"}';

function slo(
  overrides: Partial<ServiceLevelObjective> = {},
): ServiceLevelObjective {
  return {
    id: 'shop-checkout',
    name: 'checkout',
    service: 'shop',
    labels: { team: 'payments' },
    budgetingMethod: 'Occurrences',
    objective: { target: 0.99, targetPercent: 99 },
    sli: {
      kind: 'events',
      errorQuery: 'sum(rate(errors[{{.window}}]))',
      totalQuery: 'sum(rate(requests[{{.window}}]))',
    },
    alerting: {
      name: 'CheckoutBurn',
      labels: { team: 'payments' },
      annotations: { runbook: 'https://runbooks/checkout' },
      page: {
        disabled: false,
        labels: { severity: 'critical' },
        annotations: {},
      },
      ticket: {
        disabled: false,
        labels: { severity: 'warning' },
        annotations: { summary: 'Checkout burns budget' },
      },
    },
    source: {
      format: 'prometheus/v1',
      location: { file: 'slo.yaml', line: 7, column: 5, path: 'slos[0]' },
    },
    ...overrides,
  };
}

function records(rules: Array<RecordingRule | AlertingRule>): string[] {
  return rules.map(rule => ('record' in rule ? rule.record : rule.alert));
}

const sevenDayWindows = createAlertWindows({
  sloPeriodMs: 7 * DAY,
  page: {
    quick: {
      errorBudgetPercent: 8,
      shortWindowMs: 5 * MINUTE,
      longWindowMs: HOUR,
    },
    slow: {
      errorBudgetPercent: 12.5,
      shortWindowMs: 30 * MINUTE,
      longWindowMs: 6 * HOUR,
    },
  },
  ticket: {
    quick: {
      errorBudgetPercent: 20,
      shortWindowMs: 2 * HOUR,
      longWindowMs: DAY,
    },
    slow: {
      errorBudgetPercent: 42,
      shortWindowMs: 6 * HOUR,
      longWindowMs: 3 * DAY,
    },
  },
});

describe('generatePrometheusRules', () => {
  it('generates the SLI, metadata and alert groups of an SLO', () => {
    const { groups, problems } = generatePrometheusRules([slo()]);
    expect(problems).toEqual([]);
    expect(groups.map(g => g.name)).toEqual([
      'sloth-slo-sli-recordings-shop-checkout',
      'sloth-slo-meta-recordings-shop-checkout',
      'sloth-slo-alerts-shop-checkout',
    ]);
    expect(records(groups[0].rules)).toEqual(
      ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map(
        w => `slo:sli_error:ratio_rate${w}`,
      ),
    );
  });

  it('fills the window into the SLI queries and labels each record', () => {
    const [sli] = generatePrometheusRules([slo()]).groups;
    expect(sli.rules[0]).toEqual({
      record: 'slo:sli_error:ratio_rate5m',
      expr: '(sum(rate(errors[5m])))\n/\n(sum(rate(requests[5m])))\n',
      labels: {
        sloth_id: 'shop-checkout',
        sloth_service: 'shop',
        sloth_slo: 'checkout',
        sloth_window: '5m',
        team: 'payments',
      },
    });
  });

  it('derives the period ratio from the 5m record instead of querying 30 days of raw data', () => {
    const [sli] = generatePrometheusRules([slo()]).groups;
    expect((sli.rules[7] as RecordingRule).expr).toBe(
      `sum_over_time(slo:sli_error:ratio_rate5m${FILTER}[30d])\n` +
        '/ ignoring (sloth_window)\n' +
        `count_over_time(slo:sli_error:ratio_rate5m${FILTER}[30d])\n`,
    );
  });

  it('records objective, budget, period, burn rates and info as Sloth prints them', () => {
    const meta = generatePrometheusRules([slo()], { version: 'v0.0.1' })
      .groups[1].rules as RecordingRule[];
    expect(meta.map(r => [r.record, r.expr])).toEqual([
      ['slo:objective:ratio', 'vector(0.99)'],
      ['slo:error_budget:ratio', 'vector(1-0.99)'],
      ['slo:time_period:days', 'vector(30)'],
      [
        'slo:current_burn_rate:ratio',
        `slo:sli_error:ratio_rate5m${FILTER}\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio${FILTER}\n`,
      ],
      [
        'slo:period_burn_rate:ratio',
        `slo:sli_error:ratio_rate30d${FILTER}\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio${FILTER}\n`,
      ],
      [
        'slo:period_error_budget_remaining:ratio',
        `1 - slo:period_burn_rate:ratio${FILTER}`,
      ],
      ['sloth_slo_info', 'vector(1)'],
    ]);
    expect(meta[6].labels).toEqual({
      sloth_id: 'shop-checkout',
      sloth_mode: 'cli-gen-prom',
      sloth_objective: '99',
      sloth_service: 'shop',
      sloth_slo: 'checkout',
      sloth_spec: 'prometheus/v1',
      sloth_version: 'v0.0.1',
      team: 'payments',
    });
  });

  it('builds page and ticket alerts from the burn-rate windows', () => {
    const alerts = generatePrometheusRules([slo()]).groups[2]
      .rules as AlertingRule[];
    const budget = '0.01';
    expect(alerts[0]).toEqual({
      alert: 'CheckoutBurn',
      expr:
        '(\n' +
        `    max(slo:sli_error:ratio_rate5m${FILTER} > (14.4 * ${budget})) without (sloth_window)\n` +
        '    and\n' +
        `    max(slo:sli_error:ratio_rate1h${FILTER} > (14.4 * ${budget})) without (sloth_window)\n` +
        ')\n' +
        'or\n' +
        '(\n' +
        `    max(slo:sli_error:ratio_rate30m${FILTER} > (6 * ${budget})) without (sloth_window)\n` +
        '    and\n' +
        `    max(slo:sli_error:ratio_rate6h${FILTER} > (6 * ${budget})) without (sloth_window)\n` +
        ')\n',
      labels: {
        severity: 'critical',
        sloth_severity: 'page',
        team: 'payments',
      },
      annotations: {
        runbook: 'https://runbooks/checkout',
        summary:
          '{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.',
        title:
          '(page) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.',
      },
    });
    expect(alerts[1].labels.sloth_severity).toBe('ticket');
    expect(alerts[1].annotations.summary).toBe('Checkout burns budget');
    expect(alerts[1].expr).toContain('ratio_rate3d');
  });

  it('adds extra labels to recordings, winning over the SLO labels, but not to alerts', () => {
    const { groups } = generatePrometheusRules([slo()], {
      extraLabels: { team: 'platform', env: 'prod' },
    });
    const recording = groups[0].rules[0] as RecordingRule;
    expect(recording.labels).toMatchObject({ team: 'platform', env: 'prod' });
    const alert = groups[2].rules[0] as AlertingRule;
    expect(alert.labels).not.toHaveProperty('env');
  });

  it('leaves out alerts or recordings when asked to', () => {
    expect(
      generatePrometheusRules([slo()], { disableAlerts: true }).groups.map(
        g => g.name,
      ),
    ).toEqual([
      'sloth-slo-sli-recordings-shop-checkout',
      'sloth-slo-meta-recordings-shop-checkout',
    ]);
    expect(
      generatePrometheusRules([slo()], { disableRecordings: true }).groups.map(
        g => g.name,
      ),
    ).toEqual(['sloth-slo-alerts-shop-checkout']);
  });

  it('leaves out disabled severities and the alert group when both are disabled', () => {
    const base = slo().alerting!;
    const pageOff = slo({
      alerting: { ...base, page: { ...base.page, disabled: true } },
    });
    const alerts = generatePrometheusRules([pageOff]).groups[2].rules;
    expect(alerts).toHaveLength(1);
    expect((alerts[0] as AlertingRule).labels.sloth_severity).toBe('ticket');

    const allOff = slo({
      alerting: {
        ...base,
        page: { ...base.page, disabled: true },
        ticket: { ...base.ticket, disabled: true },
      },
    });
    expect(generatePrometheusRules([allOff]).groups).toHaveLength(2);
    expect(
      generatePrometheusRules([slo({ alerting: undefined })]).groups,
    ).toHaveLength(2);
  });

  it('asks for a windows catalog when the period has no alert windows', () => {
    const weekly = slo({
      timeWindow: { type: 'rolling', durationMs: 7 * DAY },
    });
    const { groups, problems } = generatePrometheusRules([weekly]);
    expect(groups).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'slo.yaml',
        line: 7,
        column: 5,
        path: 'slos[0]',
        severity: 'error',
        message: expect.stringContaining(
          'no alert windows for the SLO period 1w: only 28d and 30d have built-in alert windows; pass --slo-period-windows-path',
        ),
      },
    ]);
  });

  it('uses a windows catalog, which replaces the built-in windows', () => {
    const weekly = slo({
      timeWindow: { type: 'rolling', durationMs: 7 * DAY },
    });
    const result = generatePrometheusRules(
      [weekly, slo({ id: 'shop-monthly' })],
      {
        windowsCatalog: [sevenDayWindows],
      },
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toContain(
      'the alert windows catalog given has none for it',
    );
    const [sli, meta, alerts] = result.groups;
    expect(
      sli.rules.map(r => (r as RecordingRule).labels.sloth_window),
    ).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', '1w']);
    expect((meta.rules[2] as RecordingRule).expr).toBe('vector(7)');
    // 8% of 168h over 1h: 8 * 168 / 100 / 1.
    expect((alerts.rules[0] as AlertingRule).expr).toContain('(13.44 * 0.01)');
  });

  it('takes the SLO period from the default when the SLO names none', () => {
    const { groups, problems } = generatePrometheusRules([slo()], {
      defaultSloPeriodMs: 28 * DAY,
    });
    expect(problems).toEqual([]);
    expect((groups[0].rules[7] as RecordingRule).record).toBe(
      'slo:sli_error:ratio_rate4w',
    );
    expect((groups[2].rules[0] as AlertingRule).expr).toContain(
      '(13.44 * 0.01)',
    );
  });

  it('reports SLIs that cannot produce rules and still generates the others', () => {
    const threshold = slo({
      id: 'shop-latency',
      sli: {
        kind: 'threshold',
        metric: {
          type: 'prometheus',
          spec: { query: 'latency' },
          query: 'latency',
        },
      },
      source: {
        format: 'openslo/v1',
        location: {
          file: 'latency.yaml',
          line: 3,
          column: 1,
          path: 'spec.indicator',
        },
      },
    });
    const { groups, problems } = generatePrometheusRules([threshold, slo()]);
    expect(groups).toHaveLength(3);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'latency.yaml',
        line: 3,
        severity: 'error',
        message: expect.stringMatching(/^threshold SLIs cannot/),
      }),
    ]);
  });

  it('reports every problem of an SLO at once', () => {
    const broken = slo({
      id: '-bad',
      objective: { target: 1.5, targetPercent: 150 },
      labels: { __name__: 'x', empty: '' },
      sli: {
        kind: 'events',
        errorQuery: 'errors[5m]',
        totalQuery: 'errors[5m]',
      },
      alerting: { ...slo().alerting!, name: undefined },
    });
    const messages = generatePrometheusRules([broken]).problems.map(
      p => p.message,
    );
    expect(messages).toEqual([
      expect.stringContaining('SLO id "-bad" must start and end'),
      'the objective must be above 0% and at most 100%, got 150%',
      'SLO label "__name__" is not allowed',
      'SLO label "empty" has an empty value',
      'the SLI error and total queries must differ',
      'the SLI error query must use the {{ .window }} placeholder for the range',
      'the SLI total query must use the {{ .window }} placeholder for the range',
      expect.stringContaining('page alert: the alert name is required'),
      expect.stringContaining('ticket alert: the alert name is required'),
    ]);
  });

  it('reports a repeated SLO id once and keeps the first', () => {
    const { groups, problems } = generatePrometheusRules([slo(), slo()]);
    expect(groups).toHaveLength(3);
    expect(problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('"shop-checkout" is repeated'),
      }),
    ]);
  });

  it('reads calendar day windows as days and rejects other calendar windows', () => {
    const days = slo({
      timeWindow: {
        type: 'calendar',
        count: 28,
        unit: 'Day',
        startTime: '2025-01-01T00:00:00Z',
        timeZone: 'UTC',
      },
    });
    expect(generatePrometheusRules([days]).problems).toEqual([]);
    const month = slo({
      timeWindow: {
        type: 'calendar',
        count: 1,
        unit: 'Month',
        startTime: '2025-01-01T00:00:00Z',
        timeZone: 'UTC',
      },
    });
    expect(generatePrometheusRules([month]).problems[0].message).toContain(
      'calendar-aligned Month window',
    );
  });

  it('warns that timeslice budgeting is generated as occurrences', () => {
    const { groups, problems } = generatePrometheusRules([
      slo({ budgetingMethod: 'Timeslices' }),
    ]);
    expect(groups).toHaveLength(3);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('Timeslices budgeting'),
      }),
    ]);
  });

  it('generates OpenSLO ratios as Sloth does, with their spec and mode', () => {
    const openslo = slo({
      id: 'my-service-availability-0',
      name: 'availability-0',
      service: 'my-service',
      labels: {},
      alerting: undefined,
      objective: { target: 0.999, targetPercent: 0.999 * 100 },
      timeWindow: { type: 'rolling', durationMs: 30 * DAY },
      sli: {
        kind: 'ratio',
        counter: true,
        good: { type: 'prometheus', spec: {}, query: 'ok[{{.window}}]' },
        total: { type: 'prometheus', spec: {}, query: 'all[{{.window}}]' },
      },
      source: {
        format: 'openslo/v1alpha',
        location: { file: 'o.yaml', line: 1, column: 1, path: '' },
      },
    });
    const { groups, problems } = generatePrometheusRules([openslo], {
      callerAgent: 'api',
    });
    expect(problems).toEqual([]);
    expect((groups[0].rules[0] as RecordingRule).expr).toBe(
      '(\n  1 - (\n    (\n      ok[5m]\n    )\n    /\n    (\n      all[5m]\n    )\n  )\n)',
    );
    const meta = groups[1].rules as RecordingRule[];
    expect(meta[0].expr).toBe('vector(0.9990000000000001)');
    expect(meta[6].labels).toMatchObject({
      sloth_mode: 'api-gen-openslo',
      sloth_spec: 'openslo/v1alpha',
      sloth_objective: '99.9',
    });
  });
});
