import type { SliMetricSource } from '../spec/model';
import { toSlothSli } from './slothSli';

function prometheus(query: string): SliMetricSource {
  return { type: 'prometheus', spec: { query, queryType: 'promql' }, query };
}

describe('toSlothSli', () => {
  it('keeps Sloth events and raw SLIs as they are', () => {
    expect(
      toSlothSli({ kind: 'events', errorQuery: 'e', totalQuery: 't' }),
    ).toEqual({ sli: { kind: 'events', errorQuery: 'e', totalQuery: 't' } });
    expect(toSlothSli({ kind: 'raw', errorRatioQuery: 'r' })).toEqual({
      sli: { kind: 'raw', errorRatioQuery: 'r' },
    });
  });

  it('turns good over total into the raw query Sloth builds for OpenSLO', () => {
    const result = toSlothSli({
      kind: 'ratio',
      counter: true,
      good: prometheus('sum(rate(ok[{{.window}}]))'),
      total: prometheus('sum(rate(all[{{.window}}]))'),
    });
    expect(result).toEqual({
      sli: {
        kind: 'raw',
        errorRatioQuery:
          '\n  1 - (\n    (\n      sum(rate(ok[{{.window}}]))\n    )\n    /\n    (\n      sum(rate(all[{{.window}}]))\n    )\n  )\n',
      },
    });
  });

  it('turns bad over total into an events SLI', () => {
    expect(
      toSlothSli({
        kind: 'ratio',
        counter: true,
        bad: prometheus('bad[{{.window}}]'),
        total: { type: 'Prometheus', spec: { promql: 'all[{{.window}}]' } },
      }),
    ).toEqual({
      sli: {
        kind: 'events',
        errorQuery: 'bad[{{.window}}]',
        totalQuery: 'all[{{.window}}]',
      },
    });
  });

  it('uses raw failure ratios directly and inverts success ratios', () => {
    expect(
      toSlothSli({
        kind: 'ratio',
        counter: false,
        raw: prometheus('errors[{{.window}}]'),
        rawType: 'failure',
      }),
    ).toEqual({ sli: { kind: 'raw', errorRatioQuery: 'errors[{{.window}}]' } });
    expect(
      toSlothSli({
        kind: 'ratio',
        counter: false,
        raw: prometheus('ok[{{.window}}]'),
        rawType: 'success',
      }),
    ).toEqual({
      sli: {
        kind: 'raw',
        errorRatioQuery: '\n  1 - (\n    ok[{{.window}}]\n  )\n',
      },
    });
  });

  it('explains why threshold SLIs produce no rules', () => {
    const result = toSlothSli({
      kind: 'threshold',
      metric: prometheus('latency'),
    });
    expect(result).toEqual({ error: expect.stringMatching(/^threshold SLIs/) });
  });

  it('rejects data sources other than Prometheus', () => {
    const result = toSlothSli({
      kind: 'ratio',
      counter: true,
      good: { type: 'Datadog', spec: { query: 'ok' }, query: 'ok' },
      total: prometheus('all'),
    });
    expect(result).toEqual({
      error: expect.stringContaining('"Datadog"; Prometheus rules need'),
    });
  });

  it('rejects an unresolved data source and non-PromQL queries', () => {
    expect(
      toSlothSli({
        kind: 'ratio',
        counter: true,
        good: { dataSourceRef: 'metrics', spec: { query: 'ok' } },
        total: prometheus('all'),
      }),
    ).toEqual({ error: expect.stringContaining('data source metrics') });
    expect(
      toSlothSli({
        kind: 'ratio',
        counter: true,
        good: {
          type: 'prometheus',
          spec: { query: 'ok', queryType: 'graphite' },
        },
        total: prometheus('all'),
      }),
    ).toEqual({ error: expect.stringContaining('"graphite"') });
  });

  it('needs a good or bad query next to total', () => {
    expect(
      toSlothSli({ kind: 'ratio', counter: true, total: prometheus('all') }),
    ).toEqual({ error: 'the ratio SLI needs a "good" or a "bad" query' });
  });
});
