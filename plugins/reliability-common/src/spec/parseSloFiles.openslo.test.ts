import { parseSloFiles } from './parseSloFiles';

const parse = (content: string) =>
  parseSloFiles([{ path: 'slo.yaml', content }]);

/** Only what a problem says and where, to keep expectations short. */
const brief = (content: string) =>
  parse(content).problems.map(
    p => `${p.line}:${p.column} ${p.path} [${p.severity}] ${p.message}`,
  );

const INLINE_RATIO_SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
  displayName: Availability
  labels:
    team: [checkout, payments]
    tier: "1"
spec:
  description: Requests succeed
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
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Good
      target: 0.999
    - displayName: Best effort
      targetPercent: 99
`;

/** The same SLO with `objectives` replaced. */
const withObjectives = (objectives: string, budgeting = 'Occurrences') =>
  INLINE_RATIO_SLO.replace(
    /budgetingMethod: Occurrences\n {2}objectives:\n[\s\S]*$/,
    `budgetingMethod: ${budgeting}\n  objectives:\n${objectives}`,
  );

describe('parseSloFiles with OpenSLO v1', () => {
  it('turns each objective into an SLO named and identified as Sloth names them', () => {
    const { slos, problems } = parse(INLINE_RATIO_SLO);
    expect(problems).toEqual([]);
    expect(slos.map(slo => [slo.id, slo.name])).toEqual([
      ['checkout-availability-0', 'availability-0'],
      ['checkout-availability-1', 'availability-1'],
    ]);
    expect(slos[0]).toEqual({
      id: 'checkout-availability-0',
      name: 'availability-0',
      service: 'checkout',
      displayName: 'Availability',
      description: 'Requests succeed',
      labels: { team: 'checkout,payments', tier: '1' },
      budgetingMethod: 'Occurrences',
      timeWindow: { type: 'rolling', durationMs: 28 * 24 * 3600 * 1000 },
      objective: { displayName: 'Good', target: 0.999, targetPercent: 99.9 },
      sli: {
        kind: 'ratio',
        counter: true,
        good: {
          type: 'Prometheus',
          spec: {
            query: 'sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))',
          },
          query: 'sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))',
        },
        total: {
          type: 'Prometheus',
          spec: { query: 'sum(rate(http_requests_total[{{.window}}]))' },
          query: 'sum(rate(http_requests_total[{{.window}}]))',
        },
      },
      source: {
        format: 'openslo/v1',
        location: {
          file: 'slo.yaml',
          line: 33,
          column: 7,
          path: 'spec.objectives[0]',
        },
      },
    });
    expect(slos[1].objective).toEqual({
      displayName: 'Best effort',
      target: 0.99,
      targetPercent: 99,
    });
  });

  it('resolves indicatorRef, metricSourceRef and alert policy references across files', () => {
    const sli = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: errors
spec:
  ratioMetric:
    counter: true
    bad:
      metricSource:
        metricSourceRef: prom
        spec:
          query: sum(rate(errors_total[{{.window}}]))
    total:
      metricSource:
        metricSourceRef: prom
        spec:
          query: sum(rate(requests_total[{{.window}}]))
---
apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prom
spec:
  type: Prometheus
  connectionDetails:
    url: http://prometheus:9090
`;
    const alerts = `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: page-on-burn
spec:
  alertWhenBreaching: true
  conditions:
    - conditionRef: fast-burn
  notificationTargets:
    - targetRef: on-call
---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: fast-burn
spec:
  severity: page
  condition:
    kind: burnrate
    op: gte
    threshold: 14.4
    lookbackWindow: 1h
    alertAfter: 5m
---
apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata:
  name: on-call
spec:
  target: pagerduty
`;
    const slo = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: errors
spec:
  service: api
  indicatorRef: errors
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
  alertPolicies:
    - alertPolicyRef: page-on-burn
`;
    const { slos, problems } = parseSloFiles([
      { path: 'slo.yaml', content: slo },
      { path: 'sli.yaml', content: sli },
      { path: 'alerts.yaml', content: alerts },
    ]);
    expect(problems).toEqual([]);
    expect(slos).toHaveLength(1);
    expect(slos[0].timeWindow).toBeUndefined();
    expect(slos[0].sli).toEqual({
      kind: 'ratio',
      counter: true,
      bad: {
        dataSourceRef: 'prom',
        type: 'Prometheus',
        spec: { query: 'sum(rate(errors_total[{{.window}}]))' },
        query: 'sum(rate(errors_total[{{.window}}]))',
      },
      total: {
        dataSourceRef: 'prom',
        type: 'Prometheus',
        spec: { query: 'sum(rate(requests_total[{{.window}}]))' },
        query: 'sum(rate(requests_total[{{.window}}]))',
      },
    });
  });

  it('reads raw ratios with their rawType', () => {
    const { slos, problems } = parse(
      INLINE_RATIO_SLO.replace(
        /ratioMetric:[\s\S]*? {2}timeWindow/,
        `ratioMetric:
        rawType: failure
        raw:
          metricSource:
            type: Prometheus
            spec:
              query: error_ratio
  timeWindow`,
      ),
    );
    expect(problems).toEqual([]);
    expect(slos[0].sli).toEqual({
      kind: 'ratio',
      counter: false,
      raw: {
        type: 'Prometheus',
        spec: { query: 'error_ratio' },
        query: 'error_ratio',
      },
      rawType: 'failure',
    });
  });

  it('reads threshold SLIs with the objective op and value', () => {
    const { slos, problems } = parse(`apiVersion: openslo/v1
kind: SLO
metadata:
  name: latency
spec:
  service: search
  indicator:
    metadata:
      name: p99
    spec:
      thresholdMetric:
        metricSource:
          type: Prometheus
          spec:
            query: histogram_quantile(0.99, rate(latency_bucket[5m]))
  budgetingMethod: Timeslices
  objectives:
    - op: lt
      value: 0.5
      target: 0.99
      timeSliceTarget: 0.95
      timeSliceWindow: 5m
`);
    expect(problems).toEqual([]);
    expect(slos[0].sli.kind).toBe('threshold');
    expect(slos[0].objective).toEqual({
      target: 0.99,
      targetPercent: 99,
      op: 'lt',
      value: 0.5,
      timeSliceTarget: 0.95,
      timeSliceWindowMs: 5 * 60 * 1000,
    });
  });

  it('reads calendar windows with their time zone', () => {
    const { slos, problems } = parse(
      INLINE_RATIO_SLO.replace(
        '    - duration: 28d\n      isRolling: true\n',
        '    - duration: 1M\n      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: Europe/Berlin\n',
      ),
    );
    expect(problems).toEqual([]);
    expect(slos[0].timeWindow).toEqual({
      type: 'calendar',
      count: 1,
      unit: 'Month',
      startTime: '2024-01-01T00:00:00',
      timeZone: 'Europe/Berlin',
    });
  });

  it('reports an unknown time zone and a start time in the wrong format', () => {
    expect(
      brief(
        INLINE_RATIO_SLO.replace(
          '    - duration: 28d\n      isRolling: true\n',
          '    - duration: 1w\n      calendar:\n        startTime: 2024-01-01T00:00:00Z\n        timeZone: Mars/Olympus\n',
        ),
      ),
    ).toEqual([
      '31:20 spec.timeWindow[0].calendar.startTime [error] expected a date and time such as 2022-01-01 12:00:00 (without a time zone, which goes in timeZone), got "2024-01-01T00:00:00Z"',
      '32:19 spec.timeWindow[0].calendar.timeZone [error] "Mars/Olympus" is not a time zone: expected an IANA name such as Europe/Berlin, America/New_York or UTC',
    ]);
  });

  it('reads 1m in a calendar window as a month, with a warning, and refuses hours', () => {
    const calendar = (duration: string) =>
      INLINE_RATIO_SLO.replace(
        '    - duration: 28d\n      isRolling: true\n',
        `    - duration: ${duration}\n      isRolling: false\n      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: UTC\n`,
      );
    const months = parse(calendar('1m'));
    expect(months.slos[0].timeWindow).toMatchObject({
      count: 1,
      unit: 'Month',
    });
    expect(brief(calendar('1m'))).toEqual([
      '29:17 spec.timeWindow[0].duration [warning] "1m" is read as 1 month(s): "m" means minutes in OpenSLO, which a calendar-aligned window cannot be; write 1M',
    ]);
    expect(brief(calendar('12h'))).toEqual([
      '29:17 spec.timeWindow[0].duration [error] a calendar-aligned window is a whole number of days (d), weeks (w), months (M), quarters (Q) or years (Y), not hours ("12h")',
    ]);
  });

  it('requires exactly one time window, rolling or with a calendar', () => {
    expect(
      brief(
        INLINE_RATIO_SLO.replace(
          '    - duration: 28d\n      isRolling: true\n',
          '    - duration: 28d\n    - duration: 30d\n      isRolling: true\n',
        ),
      ),
    ).toEqual([
      '30:7 spec.timeWindow[1] [error] an SLO has exactly one time window, got 2',
    ]);
    expect(
      brief(
        INLINE_RATIO_SLO.replace(
          '      isRolling: true\n',
          '      isRolling: false\n',
        ),
      ),
    ).toEqual([
      '29:7 spec.timeWindow[0] [error] set isRolling: true for a rolling window, or add "calendar" (startTime and timeZone) for a calendar-aligned one',
    ]);
  });

  it('accepts op on a ratio objective with a warning, as in the spec examples, but not value', () => {
    expect(
      brief(
        withObjectives('    - op: gt\n      value: 1\n      target: 0.99\n'),
      ),
    ).toEqual([
      '33:11 spec.objectives[0].op [warning] op is ignored for ratio SLIs: a ratio objective compares good events with all events; remove it',
      '34:14 spec.objectives[0].value [error] "value" applies only to thresholdMetric SLIs; a ratio objective has only a target',
    ]);
    const { slos } = parse(
      withObjectives('    - op: gt\n      target: 0.99\n'),
    );
    expect(slos[0].objective).toEqual({ target: 0.99, targetPercent: 99 });
  });

  it.each([
    [
      '    - target: 0.99\n      targetPercent: 99\n',
      '34:22 spec.objectives[0].targetPercent [error] set either "target" (a ratio such as 0.999) or "targetPercent" (such as 99.9), not both',
    ],
    [
      '    - displayName: none\n',
      '33:7 spec.objectives[0] [error] "target" (a ratio such as 0.999) or "targetPercent" (such as 99.9) is required',
    ],
    [
      '    - target: 99.9\n',
      '33:15 spec.objectives[0].target [error] target must be greater than 0 and less than 1, e.g. 0.999, got 99.9; for a percentage write targetPercent: 99.9',
    ],
    [
      '    - target: 1\n',
      '33:15 spec.objectives[0].target [error] target must be greater than 0 and less than 1, e.g. 0.999, got 1; for a percentage write targetPercent: 1',
    ],
    [
      '    - target: 0\n',
      '33:15 spec.objectives[0].target [error] target must be greater than 0 and less than 1, e.g. 0.999, got 0',
    ],
    [
      '    - targetPercent: 100\n',
      '33:22 spec.objectives[0].targetPercent [error] targetPercent must be greater than 0 and less than 100, e.g. 99.9, got 100',
    ],
    [
      '    - target: "0.99"\n',
      '33:15 spec.objectives[0].target [error] expected a number, got the text "0.99" (write the number without quotes)',
    ],
  ])('checks the target of %j', (objectives, expected) => {
    const result = parse(withObjectives(objectives));
    expect(result.slos).toEqual([]);
    expect(brief(withObjectives(objectives))).toEqual([expected]);
  });

  it('requires the time slice fields of the budgeting method', () => {
    expect(brief(withObjectives('    - target: 0.99\n', 'Timeslices'))).toEqual(
      [
        '33:7 spec.objectives[0] [error] "timeSliceWindow" is required with Timeslices budgeting: the length of a time slice, e.g. 1m',
        '33:7 spec.objectives[0] [error] "timeSliceTarget" is required with Timeslices budgeting: the share of good events that makes a slice good, e.g. 0.95',
      ],
    );
    const ratioTimeslices = parse(
      withObjectives(
        '    - target: 0.99\n      timeSliceWindow: 2\n',
        'RatioTimeslices',
      ),
    );
    expect(ratioTimeslices.problems).toEqual([]);
    expect(ratioTimeslices.slos[0].objective.timeSliceWindowMs).toBe(120000);
    expect(
      brief(withObjectives('    - target: 0.99\n      timeSliceWindow: 1m\n')),
    ).toEqual([
      '34:24 spec.objectives[0].timeSliceWindow [warning] timeSliceWindow is ignored with Occurrences budgeting, which counts events rather than time slices',
    ]);
  });

  it('rejects unknown fields, as the reference validator does, listing the allowed ones', () => {
    expect(
      brief(
        INLINE_RATIO_SLO.replace(
          '  service: checkout\n',
          '  service: checkout\n  servce: typo\n',
        ),
      ),
    ).toEqual([
      '12:3 spec.servce [error] unknown field "servce"; the fields allowed here are "description", "service", "indicator", "indicatorRef", "budgetingMethod", "timeWindow", "objectives", "alertPolicies"',
    ]);
  });

  it('reports missing fields, wrong types and bad names where they are written', () => {
    expect(
      brief(`apiVersion: openslo/v1
kind: SLO
metadata:
  name: Bad_Name
spec:
  indicatorRef: errors
  budgetingMethod: Sometimes
  objectives: {}
`),
    ).toEqual([
      '4:9 metadata.name [error] must be an RFC 1123 name: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
      '5:1 spec.service [error] "service" is required',
      '7:20 spec.budgetingMethod [error] expected one of "Occurrences", "Timeslices", "RatioTimeslices", got the text "Sometimes"',
      '8:3 spec.objectives [error] expected a list, got a mapping',
    ]);
  });

  const DANGLING = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: errors
spec:
  service: api
  indicatorRef: nowhere
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
  alertPolicies:
    - alertPolicyRef: missing-policy
    - kind: AlertPolicy
      metadata:
        name: inline
      spec:
        conditions:
          - conditionRef: missing-condition
        notificationTargets:
          - targetRef: missing-target
`;

  it('reports dangling indicatorRef and alerting references as errors, as the OpenSLO SDK does', () => {
    expect(brief(DANGLING)).toEqual([
      '7:17 spec.indicatorRef [error] no SLI named "nowhere" is among the files read together; define it (kind: SLI) in one of them, or write it inline as "indicator"',
      '12:23 spec.alertPolicies[0].alertPolicyRef [error] no AlertPolicy named "missing-policy" is among the files read together; define it (kind: AlertPolicy) in one of them or write it inline, or allow references resolved elsewhere (reliability validate --allow-external-refs)',
      '18:27 spec.alertPolicies[1].spec.conditions[0].conditionRef [error] no AlertCondition named "missing-condition" is among the files read together; define it (kind: AlertCondition) in one of them or write it inline, or allow references resolved elsewhere (reliability validate --allow-external-refs)',
      '20:24 spec.alertPolicies[1].spec.notificationTargets[0].targetRef [error] no AlertNotificationTarget named "missing-target" is among the files read together; define it (kind: AlertNotificationTarget) in one of them or write it inline, or allow references resolved elsewhere (reliability validate --allow-external-refs)',
    ]);
  });

  it('makes dangling alerting references warnings when they may resolve elsewhere, never the indicatorRef', () => {
    const { problems } = parseSloFiles(
      [{ path: 'slo.yaml', content: DANGLING }],
      { unresolvedAlertReferences: 'warning' },
    );
    expect(
      problems.map(p => `${p.line}:${p.column} ${p.path} [${p.severity}]`),
    ).toEqual([
      '7:17 spec.indicatorRef [error]',
      '12:23 spec.alertPolicies[0].alertPolicyRef [warning]',
      '18:27 spec.alertPolicies[1].spec.conditions[0].conditionRef [warning]',
      '20:24 spec.alertPolicies[1].spec.notificationTargets[0].targetRef [warning]',
    ]);
    expect(problems[1].message).toMatch(/taken to be defined elsewhere$/);
  });

  it('says when a referenced SLI has errors of its own', () => {
    const { slos, problems } = parseSloFiles([
      {
        path: 'slo.yaml',
        content:
          'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: x\nspec:\n  service: api\n  indicatorRef: broken\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.9\n',
      },
      {
        path: 'sli.yaml',
        content:
          'apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: broken\nspec:\n  ratioMetric:\n    total:\n      metricSource:\n        type: Prometheus\n        spec: {query: q}\n',
      },
    ]);
    expect(slos).toEqual([]);
    expect(problems.map(p => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'slo.yaml:7 the SLI "broken" (sli.yaml:1) has errors; fix them first',
      'sli.yaml:6 "good" or "bad" is required with "total"',
    ]);
  });

  it('checks how the parts of a ratio fit together', () => {
    const sli = (ratio: string) =>
      brief(`apiVersion: openslo/v1
kind: SLI
metadata:
  name: s
spec:
  ratioMetric:
${ratio}`);
    const metric = (name: string) =>
      `    ${name}:\n      metricSource:\n        type: Prometheus\n        spec: {query: q}\n`;
    expect(sli(`${metric('good')}${metric('bad')}${metric('total')}`)).toEqual([
      '11:5 spec.ratioMetric.bad [error] a ratio counts either "good" or "bad" events over "total", not both',
    ]);
    expect(sli(metric('raw'))).toEqual([
      '6:3 spec.ratioMetric [error] "rawType" is required with "raw": "success" if the ratio counts good events, "failure" if it counts bad ones',
    ]);
    expect(
      sli(`${metric('good')}${metric('raw')}    rawType: success\n`),
    ).toEqual([
      '7:5 spec.ratioMetric.good [error] "good" cannot be combined with "raw", which is a precomputed ratio',
    ]);
    expect(sli('    counter: true\n')).toEqual([
      '6:3 spec.ratioMetric [error] a ratio needs "total" (with "good" or "bad") or "raw" (with "rawType")',
    ]);
  });

  it('requires a type when no DataSource is referenced, and a consistent one when it is', () => {
    expect(
      brief(`apiVersion: openslo/v1
kind: SLI
metadata:
  name: s
spec:
  thresholdMetric:
    metricSource:
      spec: {query: q}
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: t
spec:
  thresholdMetric:
    metricSource:
      metricSourceRef: prom
      type: Datadog
      spec: {query: q}
---
apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prom
spec:
  type: Prometheus
  connectionDetails: {}
`),
    ).toEqual([
      '7:5 spec.thresholdMetric.metricSource [error] "type" is required when no "metricSourceRef" names a DataSource (e.g. type: Prometheus)',
      '18:13 spec.thresholdMetric.metricSource.type [error] the type "Datadog" contradicts the type "Prometheus" of the DataSource "prom" (slo.yaml:21)',
    ]);
  });

  it('reports duplicate SLO names as errors and duplicate Services as warnings', () => {
    const service =
      'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: web\n';
    expect(brief(`${service}---\n${service}`)).toEqual([
      '9:9 metadata.name [warning] another Service named "web" is defined at slo.yaml:1; references use the first one',
    ]);
    const { slos, problems } = parseSloFiles([
      { path: 'a.yaml', content: INLINE_RATIO_SLO },
      { path: 'b.yaml', content: INLINE_RATIO_SLO },
    ]);
    expect(slos.map(slo => slo.source.location.file)).toEqual([
      'a.yaml',
      'a.yaml',
    ]);
    expect(problems.map(p => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'b.yaml:4 another SLO named "availability" is defined at a.yaml:1; SLO names must be unique among the files read together',
      'b.yaml:33 the SLO id "checkout-availability-0" is already used by the SLO at a.yaml:33; ids (<service>-<name>) must be unique',
      'b.yaml:35 the SLO id "checkout-availability-1" is already used by the SLO at a.yaml:35; ids (<service>-<name>) must be unique',
    ]);
  });

  it('gives each objective of a composite SLO its own SLI', () => {
    const { slos, problems } = parse(`apiVersion: openslo/v1
kind: SLO
metadata:
  name: journey
spec:
  service: shop
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
      compositeWeight: 2
      indicatorRef: search
    - target: 0.95
      indicator:
        metadata:
          name: pay
        spec:
          thresholdMetric:
            metricSource:
              type: Prometheus
              spec: {query: q}
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: search
spec:
  ratioMetric:
    raw:
      metricSource:
        type: Prometheus
        spec: {query: q}
    rawType: success
`);
    expect(problems.map(p => `${p.path} [${p.severity}] ${p.message}`)).toEqual(
      [
        'spec.objectives[0].compositeWeight [warning] compositeWeight is ignored: every objective becomes an SLO of its own, with its own error budget',
        'spec.objectives[1] [error] "op" is required with a thresholdMetric SLI: lt, lte, gt or gte, comparing each measurement with "value"',
        'spec.objectives[1] [error] "value" is required with a thresholdMetric SLI: the threshold each measurement is compared with',
      ],
    );
    expect(slos).toEqual([]);
  });

  it('rejects a service name that cannot be part of an id', () => {
    expect(
      brief(INLINE_RATIO_SLO.replace('service: checkout', 'service: web shop')),
    ).toEqual([
      '11:12 spec.service [error] the service name must be at least two characters, start and end with a letter or digit, and contain only letters, digits, ".", "_" and "-", because it is part of the SLO id and of rule names',
    ]);
  });

  it('requires each alert policy to be either a reference or a complete inline policy', () => {
    expect(
      brief(
        INLINE_RATIO_SLO.replace(
          '  budgetingMethod: Occurrences\n',
          `  budgetingMethod: Occurrences
  alertPolicies:
    - alertPolicyRef: paging
      kind: AlertPolicy
    - kind: AlertPolicy
      metadata:
        name: half-written
`,
        ),
      ),
    ).toEqual([
      '34:13 spec.alertPolicies[0].kind [error] use either "alertPolicyRef" or an inline AlertPolicy (kind, metadata, spec), not both',
      '35:7 spec.alertPolicies[1] [error] "spec" is required for an inline AlertPolicy',
    ]);
  });
});
