import { parseSloFiles } from './parseSloFiles';

const SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
  labels:
    team: checkout
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-good
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total[{{.window}}]))
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`;

const adjustment = (spec: string, name = 'db-maintenance') => `---
apiVersion: openslo.com/v2alpha
kind: BudgetAdjustment
metadata:
  name: ${name}
spec:
${spec}`;

const VALID_SPEC = `  description: Database maintenance
  firstEvent: 2026-11-01T02:00:00Z
  duration: 2h
  rrule: FREQ=WEEKLY;INTERVAL=1
  sloSelector:
    names: [availability]
`;

const brief = (content: string) =>
  parseSloFiles([{ path: 'slo.yaml', content }]).problems.map(
    p =>
      `${p.file}:${p.line}:${p.column} ${p.path} [${p.severity}] ${p.message}`,
  );

describe('parseSloFiles with OpenSLO v2alpha BudgetAdjustment documents', () => {
  it('gives the adjustment to the SLO it names, with its window and position', () => {
    const result = parseSloFiles([
      { path: 'slo.yaml', content: SLO + adjustment(VALID_SPEC) },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.slos).toHaveLength(1);
    expect(result.slos[0].budgetAdjustments).toEqual([
      {
        name: 'db-maintenance',
        description: 'Database maintenance',
        firstEventStart: '2026-11-01T02:00:00.000Z',
        firstEventStartMs: Date.UTC(2026, 10, 1, 2),
        duration: '2h',
        durationMs: 2 * 60 * 60 * 1000,
        rrule: 'FREQ=WEEKLY;INTERVAL=1',
        location: { file: 'slo.yaml', line: 32, column: 1, path: '' },
      },
    ]);
  });

  it('selects by SLO id and by labels, across files and beside Sloth documents', () => {
    const sloth = `version: prometheus/v1
service: payments
slos:
  - name: latency
    objective: 99
    sli:
      raw:
        error_ratio_query: sum(rate(errors[{{.window}}]))
    alerting:
      page_alert: { disable: true }
      ticket_alert: { disable: true }
`;
    const result = parseSloFiles([
      { path: 'openslo.yaml', content: SLO },
      {
        path: 'sloth.yaml',
        content:
          sloth +
          adjustment(
            `  firstEvent: 2026-11-20T10:00:00+01:00
  duration: 30m
  sloSelector:
    names: [payments-latency]
    matchLabels: { team: checkout }
`,
            'both',
          ),
      },
    ]);
    expect(result.problems).toEqual([]);
    const byId = Object.fromEntries(
      result.slos.map(slo => [slo.id, slo.budgetAdjustments]),
    );
    expect(byId['checkout-availability-0']?.map(a => a.name)).toEqual(['both']);
    expect(byId['payments-latency']?.[0]).toMatchObject({
      name: 'both',
      firstEventStart: '2026-11-20T09:00:00.000Z',
      durationMs: 30 * 60 * 1000,
      location: { file: 'sloth.yaml', line: 13, column: 1 },
    });
  });

  it('reports a name that is no SLO at the name, listing the SLOs there are', () => {
    expect(
      brief(
        SLO +
          adjustment(`  firstEvent: 2026-11-01T02:00:00Z
  duration: 2h
  sloSelector:
    names: [availability, availabilty]
`),
      ),
    ).toEqual([
      'slo.yaml:40:27 spec.sloSelector.names[1] [error] no SLO named "availabilty" is defined in the files read together; the SLOs are "availability", "checkout-availability-0" (an OpenSLO SLO\'s metadata.name or an SLO id)',
    ]);
  });

  it('warns when labels select no SLO', () => {
    expect(
      brief(
        SLO +
          adjustment(`  firstEvent: 2026-11-01T02:00:00Z
  duration: 2h
  sloSelector:
    matchLabels: { team: payments }
`),
      ),
    ).toEqual([
      'slo.yaml:40:5 spec.sloSelector.matchLabels [warning] these labels select no SLO of the files read together, so the adjustment changes nothing',
    ]);
  });

  it('reports each bad field with its position, and keeps no SLO of the file', () => {
    const content =
      SLO +
      adjustment(`  firstEvent: "2026-11-01 02:00"
  duration: 1M
  rrule: FREQ=WEEKLY;BYDAY=MO
  sloSelector: {}
  window: 2h
`);
    expect(brief(content)).toEqual([
      'slo.yaml:41:3 spec.window [error] unknown field "window"; the fields allowed here are "description", "firstEvent", "duration", "rrule", "sloSelector"',
    ]);
    const fixed = content.replace('  window: 2h\n', '');
    expect(brief(fixed)).toEqual([
      'slo.yaml:37:15 spec.firstEvent [error] expected an RFC 3339 date-time with a time zone, such as 2026-11-28T22:00:00Z, got "2026-11-01 02:00"',
      'slo.yaml:38:13 spec.duration [error] expected a duration such as 30m, 2h, 1d or 1w (a whole number and one of m, h, d, w), up to 31d, got "1M"',
      'slo.yaml:39:10 spec.rrule [error] the rrule is not supported: BYDAY is not supported: use FREQ, INTERVAL, COUNT and UNTIL, and one adjustment per weekday',
      'slo.yaml:40:3 spec.sloSelector [error] select the SLOs to adjust with "names" (OpenSLO SLO names or SLO ids) or "matchLabels"',
    ]);
    expect(parseSloFiles([{ path: 'slo.yaml', content: fixed }]).slos).toEqual(
      [],
    );
  });

  it('requires firstEvent, duration and sloSelector', () => {
    expect(brief(SLO + adjustment('  description: nothing else\n'))).toEqual([
      'slo.yaml:36:1 spec.firstEvent [error] "firstEvent" is required',
      'slo.yaml:36:1 spec.duration [error] "duration" is required',
      'slo.yaml:36:1 spec.sloSelector [error] "sloSelector" is required',
    ]);
  });

  it('refuses durations longer than 31 days and rrule parts it cannot honour', () => {
    expect(
      brief(
        SLO +
          adjustment(`  firstEvent: 2026-11-01T02:00:00Z
  duration: 5w
  rrule: FREQ=YEARLY
  sloSelector:
    names: [availability]
`),
      ),
    ).toEqual([
      'slo.yaml:38:13 spec.duration [error] expected a duration such as 30m, 2h, 1d or 1w (a whole number and one of m, h, d, w), up to 31d, got "5w"',
      'slo.yaml:39:10 spec.rrule [error] the rrule is not supported: FREQ must be DAILY, WEEKLY or MONTHLY, got YEARLY',
    ]);
  });

  it('accepts the rrule parts the budget engine honours', () => {
    const result = parseSloFiles([
      {
        path: 'slo.yaml',
        content:
          SLO +
          adjustment(`  firstEvent: 2026-11-01T02:00:00Z
  duration: 1h
  rrule: RRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=3;UNTIL=20271231T000000Z
  sloSelector:
    names: [checkout-availability-0]
`),
      },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.slos[0].budgetAdjustments?.[0].rrule).toBe(
      'RRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=3;UNTIL=20271231T000000Z',
    );
  });

  it('reports a second adjustment of the same name at its name', () => {
    const spec = `  firstEvent: 2026-11-01T02:00:00Z
  duration: 1h
  sloSelector:
    names: [availability]
`;
    expect(brief(SLO + adjustment(spec) + adjustment(spec))).toEqual([
      'slo.yaml:45:9 metadata.name [error] another BudgetAdjustment named "db-maintenance" is defined at slo.yaml:32; names must be unique among the files read together',
    ]);
  });

  it('reads v2alpha for BudgetAdjustment only', () => {
    expect(
      brief(`apiVersion: openslo.com/v2alpha
kind: SLO
metadata:
  name: availability
spec: {}
`),
    ).toEqual([
      'slo.yaml:2:7 kind [error] OpenSLO openslo.com/v2alpha is read for its BudgetAdjustment kind only, got the text "SLO": write SLOs and their other objects as openslo/v1',
    ]);
  });
});
