import { parseSloFiles } from './parseSloFiles';

const SLOTH_EXAMPLE = `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: sloth-slo-my-service
  displayName: Requests Availability
spec:
  service: my-service
  description: "Common SLO based on availability for HTTP request responses."
  budgetingMethod: Occurrences
  objectives:
    - ratioMetrics:
        good:
          source: prometheus
          queryType: promql
          query: sum(rate(http_request_duration_seconds_count{job="myservice",code!~"(5..|429)"}[{{.window}}]))
        total:
          source: prometheus
          queryType: promql
          query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
      target: 0.999
    - ratioMetrics:
        good: {source: prometheus, queryType: promql, query: good}
        total: {source: prometheus, queryType: promql, query: total}
      target: 0.95
  timeWindows:
    - count: 30
      unit: Day
`;

const parse = (content: string) =>
  parseSloFiles([{ path: 'openslo.yml', content }]);

describe('parseSloFiles with OpenSLO v1alpha', () => {
  it('reads the shape Sloth reads, naming objectives as Sloth does', () => {
    const { slos, problems } = parse(SLOTH_EXAMPLE);
    expect(problems).toEqual([]);
    expect(slos.map(slo => [slo.id, slo.name])).toEqual([
      ['my-service-sloth-slo-my-service-0', 'sloth-slo-my-service-0'],
      ['my-service-sloth-slo-my-service-1', 'sloth-slo-my-service-1'],
    ]);
    expect(slos[0]).toMatchObject({
      service: 'my-service',
      displayName: 'Requests Availability',
      labels: {},
      budgetingMethod: 'Occurrences',
      timeWindow: { type: 'rolling', durationMs: 30 * 24 * 3600 * 1000 },
      objective: { target: 0.999, targetPercent: 0.999 * 100 },
      sli: {
        kind: 'ratio',
        counter: false,
        good: {
          type: 'prometheus',
          spec: { queryType: 'promql' },
          query:
            'sum(rate(http_request_duration_seconds_count{job="myservice",code!~"(5..|429)"}[{{.window}}]))',
        },
      },
      source: {
        format: 'openslo/v1alpha',
        location: { line: 11, column: 7, path: 'spec.objectives[0]' },
      },
    });
  });

  it('leaves the window to the caller when none is given', () => {
    const { slos } = parse(
      SLOTH_EXAMPLE.replace(/ {2}timeWindows:[\s\S]*$/, ''),
    );
    expect(slos[0].timeWindow).toBeUndefined();
  });

  it('reports missing queries and targets out of range with their paths', () => {
    const { slos, problems } = parse(
      SLOTH_EXAMPLE.replace('target: 0.999', 'target: 99.9').replace(
        'query: good}',
        'query: ""}',
      ),
    );
    expect(slos).toEqual([]);
    expect(
      problems.map(p => `${p.line}:${p.column} ${p.path} ${p.message}`),
    ).toEqual([
      '22:62 spec.objectives[1].ratioMetrics.good.query "query" must not be empty',
    ]);
    const target = parse(
      SLOTH_EXAMPLE.replace('target: 0.999', 'target: 99.9'),
    );
    expect(
      target.problems.map(p => `${p.line}:${p.column} ${p.path} ${p.message}`),
    ).toEqual([
      '20:15 spec.objectives[0].target target must be greater than 0 and less than 1, e.g. 0.999, got 99.9',
    ]);
  });

  it('reads a shared threshold indicator, which needs op and value', () => {
    const { slos, problems } = parse(`apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: latency
spec:
  service: web
  indicator:
    thresholdMetric: {source: prometheus, queryType: promql, query: latency}
  objectives:
    - target: 0.99
      op: lte
      value: 0.3
`);
    expect(problems).toEqual([]);
    expect(slos[0].sli).toEqual({
      kind: 'threshold',
      metric: {
        type: 'prometheus',
        spec: { queryType: 'promql', query: 'latency' },
        query: 'latency',
      },
    });
    expect(slos[0].objective).toEqual({
      target: 0.99,
      targetPercent: 99,
      op: 'lte',
      value: 0.3,
    });
  });
});
