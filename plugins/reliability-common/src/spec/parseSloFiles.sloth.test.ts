import { parseSloFiles } from './parseSloFiles';

const parse = (content: string) =>
  parseSloFiles([{ path: 'slos.yml', content }]);

const brief = (content: string) =>
  parse(content).problems.map(
    p => `${p.line}:${p.column} ${p.path} [${p.severity}] ${p.message}`,
  );

const PROMETHEUS_V1 = `version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
  tier: "2"
slos:
  - name: "requests-availability"
    objective: 99.9
    description: "Availability of HTTP responses."
    labels:
      tier: "1"
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{.window}}]))
    alerting:
      name: MyServiceHighErrorRate
      labels:
        category: "availability"
      annotations:
        summary: "High error rate"
      page_alert:
        labels:
          severity: pageteam
      ticket_alert:
        disable: true
  - name: "latency"
    objective: 99
    sli:
      raw:
        error_ratio_query: 1 - avg_over_time(ok_ratio[{{.window}}])
    alerting:
      page_alert:
        disable: true
      ticket_alert:
        disable: true
`;

const CRD = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: sloth-slo-my-service
  namespace: monitoring
  labels:
    app: sloth
  uid: 0b4c
spec:
  service: "myservice"
  labels:
    owner: "myteam"
  slos:
    - name: "requests-availability"
      objective: 99.9
      sli:
        events:
          errorQuery: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
          totalQuery: sum(rate(http_requests_total[{{.window}}]))
      alerting:
        name: MyServiceHighErrorRate
        pageAlert:
          labels:
            severity: pageteam
        ticketAlert:
          labels:
            severity: slack
`;

describe('parseSloFiles with Sloth prometheus/v1', () => {
  it('builds SLOs with Sloth ids, merged labels and alerting, leaving the window to the caller', () => {
    const { slos, problems } = parse(PROMETHEUS_V1);
    expect(problems).toEqual([]);
    expect(slos[0]).toEqual({
      id: 'myservice-requests-availability',
      name: 'requests-availability',
      service: 'myservice',
      description: 'Availability of HTTP responses.',
      labels: { owner: 'myteam', tier: '1' },
      budgetingMethod: 'Occurrences',
      objective: { target: 0.999, targetPercent: 99.9 },
      sli: {
        kind: 'events',
        errorQuery: 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
        totalQuery: 'sum(rate(http_requests_total[{{.window}}]))',
      },
      alerting: {
        name: 'MyServiceHighErrorRate',
        labels: { category: 'availability' },
        annotations: { summary: 'High error rate' },
        page: {
          disabled: false,
          labels: { severity: 'pageteam' },
          annotations: {},
        },
        ticket: { disabled: true, labels: {}, annotations: {} },
      },
      source: {
        format: 'prometheus/v1',
        location: { file: 'slos.yml', line: 7, column: 5, path: 'slos[0]' },
      },
    });
    expect(slos[0].timeWindow).toBeUndefined();
    expect(slos[1]).toMatchObject({
      id: 'myservice-latency',
      labels: { owner: 'myteam', tier: '2' },
      sli: {
        kind: 'raw',
        errorRatioQuery: '1 - avg_over_time(ok_ratio[{{.window}}])',
      },
      alerting: {
        page: { disabled: true },
        ticket: { disabled: true },
      },
    });
    expect(slos[1].alerting?.name).toBeUndefined();
  });

  it.each([
    [
      'objective: 99.9',
      'objective: 100',
      '8:16 slos[0].objective [error] objective must be a percentage greater than 0 and less than 100, e.g. 99.9, got 100',
    ],
    [
      'objective: 99.9',
      'objective: 0',
      '8:16 slos[0].objective [error] objective must be a percentage greater than 0 and less than 100, e.g. 99.9, got 0',
    ],
    [
      'objective: 99.9',
      'objective: "99.9"',
      '8:16 slos[0].objective [error] expected a number, got the text "99.9" (write the number without quotes)',
    ],
    [
      'tier: "1"',
      'tier: 1',
      '11:13 slos[0].labels.tier [error] expected text, got the number 1 (put it in quotes: "1")',
    ],
    [
      'name: "requests-availability"',
      'name: "requests availability"',
      '7:11 slos[0].name [error] the SLO name must be at least two characters, start and end with a letter or digit, and contain only letters, digits, ".", "_" and "-"',
    ],
    [
      '      name: MyServiceHighErrorRate\n',
      '',
      '16:5 slos[0].alerting [error] "alerting.name" is required unless both page_alert and ticket_alert are disabled (disable: true)',
    ],
    [
      '[{{.window}}]))\n        total',
      '[5m]))\n        total',
      '14:22 slos[0].sli.events.error_query [error] the query must use the {{.window}} placeholder where its range goes, e.g. rate(http_requests_total[{{.window}}])',
    ],
    [
      'severity: pageteam',
      'severity: ""',
      '24:21 slos[0].alerting.page_alert.labels.severity [error] the label "severity" has an empty value',
    ],
  ])('reports %j changed to %j', (from, to, expected) => {
    const content = PROMETHEUS_V1.replace(from, to);
    expect(content).not.toBe(PROMETHEUS_V1);
    expect(parse(content).slos).toEqual([]);
    expect(brief(content)).toEqual([expected]);
  });

  it('rejects identical error and total queries', () => {
    expect(
      brief(
        PROMETHEUS_V1.replace(
          'total_query: sum(rate(http_requests_total[{{.window}}]))',
          'total_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
        ),
      ),
    ).toEqual([
      '15:22 slos[0].sli.events.total_query [error] error_query and total_query are the same query; the error query counts only the failed events',
    ]);
  });

  it('reports SLI plugins and SLO plugins as unsupported', () => {
    expect(
      brief(`version: prometheus/v1
service: svc
slo_plugins:
  chain:
    - id: sloth.dev/contrib/no_sli_recordings/v1
slos:
  - name: plugged
    objective: 99
    sli:
      plugin:
        id: sloth-common/kubernetes/apiserver/availability
    alerting:
      name: Plugged
`),
    ).toEqual([
      "3:1 slo_plugins [error] Sloth's SLO plugins are not supported: they change the generated rules with Go code this suite does not run; remove them",
      '10:7 slos[0].sli.plugin [error] SLI plugins (here "sloth-common/kubernetes/apiserver/availability") are not supported: Sloth runs them as Go code when generating; write the SLI as "events" or "raw" instead',
    ]);
  });

  it('warns about unknown fields, which Sloth ignores, and still builds the SLO', () => {
    const content = PROMETHEUS_V1.replace(
      '      ticket_alert:\n        disable: true\n',
      '      ticket_alerts:\n        disable: true\n',
    );
    const { slos, problems } = parse(content);
    expect(slos).toHaveLength(2);
    expect(slos[0].alerting?.ticket.disabled).toBe(false);
    expect(
      problems.map(
        p => `${p.line}:${p.column} ${p.path} [${p.severity}] ${p.message}`,
      ),
    ).toEqual([
      '25:7 slos[0].alerting.ticket_alerts [warning] unknown field "ticket_alerts" (Sloth ignores it); the fields allowed here are "name", "labels", "annotations", "page_alert", "ticket_alert"',
    ]);
  });

  it('requires an SLI and at least one SLO', () => {
    expect(brief('version: prometheus/v1\nservice: svc\nslos: []\n')).toEqual([
      '3:1 slos [error] at least one SLO is required',
    ]);
    expect(
      brief(
        'version: prometheus/v1\nservice: svc\nslos:\n  - name: empty\n    objective: 99\n    sli: {}\n    alerting: {name: A}\n',
      ),
    ).toEqual([
      '6:5 slos[0].sli [error] an SLI needs "events" (error_query and total_query) or "raw" (error_ratio_query)',
    ]);
  });
});

describe('parseSloFiles with the Sloth PrometheusServiceLevel CRD', () => {
  it('reads camelCase fields and keeps the Kubernetes metadata', () => {
    const { slos, problems } = parse(CRD);
    expect(problems).toEqual([]);
    expect(slos).toHaveLength(1);
    expect(slos[0]).toMatchObject({
      id: 'myservice-requests-availability',
      labels: { owner: 'myteam' },
      sli: { kind: 'events' },
      alerting: {
        name: 'MyServiceHighErrorRate',
        page: { labels: { severity: 'pageteam' } },
        ticket: { labels: { severity: 'slack' } },
      },
      source: {
        format: 'sloth.slok.dev/v1',
        location: { line: 14, column: 7, path: 'spec.slos[0]' },
        kubernetes: {
          name: 'sloth-slo-my-service',
          namespace: 'monitoring',
          labels: { app: 'sloth' },
          annotations: {},
        },
      },
    });
  });

  it('names the camelCase fields in its problems', () => {
    expect(
      brief(
        CRD.replace('errorQuery:', 'error_query:').replace(
          '  name: sloth-slo-my-service\n',
          '',
        ),
      ),
    ).toEqual([
      '3:1 metadata.name [error] "name" is required',
      '16:9 spec.slos[0].sli.events.errorQuery [error] "errorQuery" is required',
      '17:11 spec.slos[0].sli.events.error_query [warning] unknown field "error_query" (Sloth ignores it); the fields allowed here are "errorQuery", "totalQuery"',
    ]);
  });
});

describe('parseSloFiles across formats', () => {
  it('keeps the first of two SLOs with the same id and reports the second', () => {
    const { slos, problems } = parseSloFiles([
      { path: 'crd.yaml', content: CRD },
      { path: 'slos.yml', content: PROMETHEUS_V1 },
    ]);
    expect(slos.map(slo => [slo.id, slo.source.format])).toEqual([
      ['myservice-requests-availability', 'sloth.slok.dev/v1'],
    ]);
    expect(
      problems.map(p => `${p.file}:${p.line}:${p.column} ${p.message}`),
    ).toEqual([
      'slos.yml:7:5 the SLO id "myservice-requests-availability" is already used by the SLO at crd.yaml:14; ids (<service>-<name>) must be unique',
    ]);
  });
});
