import { mockServices } from '@backstage/backend-test-utils';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ServiceLevelObjective,
  SliDefinition,
} from '@reliability/backstage-plugin-common';
import { SliFetchRequest } from '@reliability/backstage-plugin-node';
import { PrometheusSliSource } from './PrometheusSliSource';
import {
  FakePrometheusApi,
  RecordedRequest,
  errorBody,
  matrixBody,
  startFakePrometheusApi,
} from './__testUtils__/fakePrometheusApi';
import { renderRulesQuery, renderSliQuery, planSliQuery } from './sliQueries';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const FROM = Date.parse('2024-05-01T00:00:00Z');
const TO = FROM + 60 * MINUTE;

const eventsSli: SliDefinition = {
  kind: 'events',
  errorQuery: 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
  totalQuery: 'sum(rate(http_requests_total[{{.window}}]))',
};

function slo(
  id: string,
  sli: SliDefinition = eventsSli,
  extra: Partial<ServiceLevelObjective> = {},
): ServiceLevelObjective {
  return {
    id,
    name: id,
    service: 'svc',
    labels: {},
    budgetingMethod: 'Occurrences',
    objective: { target: 0.99, targetPercent: 99 },
    sli,
    source: {
      format:
        sli.kind === 'events' || sli.kind === 'raw'
          ? 'prometheus/v1'
          : 'openslo/v1',
      location: { file: 'slos.yaml', line: 1, column: 1, path: '' },
    },
    ...extra,
  };
}

function request(
  target: ServiceLevelObjective,
  range: Partial<SliFetchRequest> = {},
): SliFetchRequest {
  return { slo: target, from: FROM, to: TO, bucketMs: 5 * MINUTE, ...range };
}

/** Values at every grid point of the request's range query, start included. */
function gridValues(
  params: Record<string, string>,
  value: (index: number) => string | undefined,
): Array<[number, string]> {
  const start = Number(params.start);
  const end = Number(params.end);
  const step = Number(params.step);
  const values: Array<[number, string]> = [];
  for (let t = start, i = 0; t <= end; t += step, i++) {
    const v = value(i);
    if (v !== undefined) {
      values.push([t, v]);
    }
  }
  return values;
}

/** The ids a recording-rules query asks for, from its `sloth_id=~"a|b"` matcher. */
function requestedIds(query: string): string[] {
  const match = /sloth_id=~"((?:[^"\\]|\\.)*)"/.exec(query);
  return match
    ? JSON.parse(`"${match[1]}"`)
        .split('|')
        .map((id: string) => id.replace(/\\(.)/g, '$1'))
    : [];
}

const isRulesQuery = (r: RecordedRequest) =>
  r.params.query.includes('slo:sli_error:ratio_rate5m');

/**
 * Answers like a Prometheus that has recording rules for the SLOs in `withRules` (error ratio
 * 0.01), and raw data for everything else: 0.1 errors/s out of 10 requests/s.
 */
function prometheusWithRules(withRules: (id: string) => boolean) {
  return (r: RecordedRequest) => {
    if (isRulesQuery(r)) {
      return {
        body: matrixBody(
          requestedIds(r.params.query)
            .filter(withRules)
            .map(id => ({
              metric: { sloth_id: id },
              values: gridValues(r.params, () => '0.01'),
            })),
        ),
      };
    }
    return {
      body: matrixBody([
        {
          metric: { reliability_part: 'bad' },
          values: gridValues(r.params, () => '0.1'),
        },
        {
          metric: { reliability_part: 'total' },
          values: gridValues(r.params, () => '10'),
        },
      ]),
    };
  };
}

/** Ids of the SLOs a batch answered with data rather than an error. */
function dataIds(results: Map<string, unknown>): string[] {
  return [...results]
    .filter(([, value]) => !(value instanceof Error))
    .map(([id]) => id);
}

describe('PrometheusSliSource', () => {
  let server: FakePrometheusApi;
  let other: FakePrometheusApi;

  beforeEach(async () => {
    server = await startFakePrometheusApi();
    other = await startFakePrometheusApi();
  });

  afterEach(async () => {
    await server.close();
    await other.close();
  });

  function source(
    options: Partial<Parameters<typeof PrometheusSliSource.create>[0]> = {},
  ) {
    return PrometheusSliSource.create({
      instances: [{ name: 'main', baseUrl: server.url }],
      retry: { maxAttempts: 2, baseDelayMs: 1 },
      ...options,
    });
  }

  describe('with recording rules', () => {
    it.each([1, 10, 200])(
      'reads %i SLOs with one query per cycle',
      async count => {
        server.respond(prometheusWithRules(() => true));
        const prometheus = source();
        const ids = Array.from({ length: count }, (_, i) => `svc-slo-${i}`);
        const results = await prometheus.fetchMany(
          ids.map(id => request(slo(id))),
        );

        expect(results.size).toBe(count);
        expect(server.requests).toHaveLength(1);
        expect(prometheus.lastCycleStats).toMatchObject({
          slos: count,
          queries: 1,
          requests: 1,
          recordingRuleQueries: 1,
          rawQueries: 0,
          slosFromRecordingRules: count,
          slosFromRawQueries: 0,
        });
        expect(prometheus.lastCycleStats!.errors.size).toBe(0);
      },
    );

    it('turns each 5-minute error ratio into one unit: good = 1 − ratio, total = 1', async () => {
      const ratios = [undefined, '0.25', 'NaN', '0', '1.5'];
      server.respond(r => ({
        body: matrixBody([
          {
            metric: { sloth_id: 'svc-a' },
            values: gridValues(r.params, i => ratios[i]),
          },
        ]),
      }));
      const result = await source().fetch(
        request(slo('svc-a'), { to: FROM + 20 * MINUTE }),
      );
      expect(result.from).toBe(FROM);
      expect(result.bucketMs).toBe(5 * MINUTE);
      // Bucket i is described by the sample at its end; NaN (0/0 in a quiet bucket) is a gap,
      // and ratios beyond [0, 1] are clamped.
      expect(Array.from(result.good)).toEqual([0.75, NaN, 1, 0]);
      expect(Array.from(result.total)).toEqual([1, NaN, 1, 1]);
    });

    it('asks for the SLO ids by sloth_id, escaped, averaged per id', async () => {
      const prometheus = source();
      await prometheus.fetchMany([
        request(slo('svc-a.b')),
        request(slo('svc-c')),
      ]);
      const query = server.requests[0].params.query;
      expect(query).toBe(
        'avg by (sloth_id) (slo:sli_error:ratio_rate5m{sloth_id=~"svc-a\\\\.b|svc-c"})',
      );
      expect(requestedIds(query)).toEqual(['svc-a.b', 'svc-c']);
    });

    it('averages the recorded ratios within buckets longer than 5 minutes', () => {
      expect(renderRulesQuery(['a'], 60 * MINUTE)).toBe(
        'avg by (sloth_id) (avg_over_time(slo:sli_error:ratio_rate5m{sloth_id=~"a"}[1h]))',
      );
    });

    it('fails every SLO of the query, without raw queries, when Prometheus is unavailable', async () => {
      server.respond(() => ({ status: 503, body: 'unavailable' }));
      const prometheus = source();
      const results = await prometheus.fetchMany([
        request(slo('svc-a')),
        request(slo('svc-b')),
      ]);
      // Every SLO of the failed query maps to its error, none to data.
      expect(results.size).toBe(2);
      expect([...results.values()].every(v => v instanceof Error)).toBe(true);
      const stats = prometheus.lastCycleStats!;
      expect(stats).toMatchObject({ queries: 1, requests: 2, rawQueries: 0 });
      expect(stats.errors.get('svc-a')).toBeInstanceOf(ServiceUnavailableError);
      expect(stats.errors.get('svc-b')).toBeInstanceOf(ServiceUnavailableError);
    });

    it('falls back to raw queries when the recording-rules query is rejected', async () => {
      server.respond(r =>
        isRulesQuery(r)
          ? { status: 422, body: errorBody('execution', 'too many samples') }
          : prometheusWithRules(() => false)(r),
      );
      const prometheus = source({ logger: mockServices.logger.mock() });
      const results = await prometheus.fetchMany([request(slo('svc-a'))]);
      expect(results.has('svc-a')).toBe(true);
      expect(prometheus.lastCycleStats).toMatchObject({
        queries: 2,
        rawQueries: 1,
      });
    });

    it('reports SLOs without recordings when only recording rules may be read', async () => {
      server.respond(prometheusWithRules(id => id === 'svc-a'));
      const prometheus = source({ strategy: 'recording-rules' });
      const results = await prometheus.fetchMany([
        request(slo('svc-a')),
        request(slo('svc-b')),
      ]);
      expect(dataIds(results)).toEqual(['svc-a']);
      expect(results.get('svc-b')).toBeInstanceOf(Error);
      const error = prometheus.lastCycleStats!.errors.get('svc-b');
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error?.message).toBe(
        'Prometheus "main" has no slo:sli_error:ratio_rate5m{sloth_id="svc-b"} series; load the SLO\'s generated recording rules',
      );
    });
  });

  describe('with raw queries', () => {
    it('queries SLOs without recordings one by one, on top of the one recording-rules query', async () => {
      server.respond(prometheusWithRules(id => id.startsWith('ruled')));
      const prometheus = source();
      const requests = [
        ...Array.from({ length: 5 }, (_, i) => request(slo(`ruled-${i}`))),
        ...Array.from({ length: 3 }, (_, i) => request(slo(`raw-${i}`))),
      ];
      const results = await prometheus.fetchMany(requests);
      expect(results.size).toBe(8);
      expect(prometheus.lastCycleStats).toMatchObject({
        queries: 4,
        recordingRuleQueries: 1,
        rawQueries: 3,
        slosFromRecordingRules: 5,
        slosFromRawQueries: 3,
      });
    });

    it('turns event rates into events per bucket: rate × step seconds', async () => {
      server.respond(prometheusWithRules(() => false));
      const result = await source().fetch(request(slo('svc-a')));
      expect(result.good).toHaveLength(12);
      // 10 requests/s and 0.1 errors/s over 300 s.
      expect(result.total[0]).toBeCloseTo(3000, 9);
      expect(result.good[0]).toBeCloseTo(2970, 9);
    });

    it('sends one combined query per SLO with the window set to the step', async () => {
      server.respond(prometheusWithRules(() => false));
      await source({ strategy: 'raw-queries' }).fetch(request(slo('svc-a')));
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0].params.query).toBe(
        'label_replace(sum((sum(rate(http_requests_total{code=~"5.."}[5m])))), "reliability_part", "bad", "", "")\n' +
          'or\n' +
          'label_replace(sum((sum(rate(http_requests_total[5m])))), "reliability_part", "total", "", "")',
      );
    });

    it('counts a missing error series as no errors and a missing total as no data', async () => {
      server.respond(r => ({
        body: matrixBody([
          {
            metric: { reliability_part: 'total' },
            values: gridValues(r.params, i => (i === 2 ? undefined : '1')),
          },
        ]),
      }));
      const result = await source({ strategy: 'raw-queries' }).fetch(
        request(slo('svc-a'), { to: FROM + 15 * MINUTE }),
      );
      expect(Array.from(result.good)).toEqual([300, NaN, 300]);
      expect(Array.from(result.total)).toEqual([300, NaN, 300]);
    });

    it('reads OpenSLO good and total queries as counts', async () => {
      const good = {
        type: 'Prometheus',
        spec: { query: 'sum(rate(ok_total[{{.window}}]))' },
      };
      const total = {
        type: 'Prometheus',
        spec: { query: 'sum(rate(all_total[{{.window}}]))' },
      };
      server.respond(r => ({
        body: matrixBody([
          {
            metric: { reliability_part: 'good' },
            values: gridValues(r.params, () => '9'),
          },
          {
            metric: { reliability_part: 'total' },
            values: gridValues(r.params, () => '10'),
          },
        ]),
      }));
      const result = await source({ strategy: 'raw-queries' }).fetch(
        request(slo('svc-a', { kind: 'ratio', counter: true, good, total })),
      );
      expect(result.good[0]).toBe(2700);
      expect(result.total[0]).toBe(3000);
    });

    it('reads counters without a window as increases between bucket edges, across resets', async () => {
      const total = { type: 'Prometheus', spec: { query: 'sum(all_total)' } };
      const bad = { type: 'Prometheus', spec: { query: 'sum(failed_total)' } };
      const totals = ['100', '400', '700', '50'];
      server.respond(r => ({
        body: matrixBody([
          {
            metric: { reliability_part: 'bad' },
            values: gridValues(r.params, i => String(i)),
          },
          {
            metric: { reliability_part: 'total' },
            values: gridValues(r.params, i => totals[i]),
          },
        ]),
      }));
      const result = await source({ strategy: 'raw-queries' }).fetch(
        request(slo('svc-a', { kind: 'ratio', counter: true, bad, total }), {
          to: FROM + 15 * MINUTE,
        }),
      );
      expect(server.requests[0].params.query).toContain('(sum(all_total))');
      expect(Array.from(result.total)).toEqual([300, 300, 50]);
      expect(Array.from(result.good)).toEqual([299, 299, 49]);
    });

    it('turns raw error ratios into one unit per bucket', async () => {
      server.respond(r => ({
        body: matrixBody([
          {
            metric: { reliability_part: 'ratio' },
            values: gridValues(r.params, () => '0.2'),
          },
        ]),
      }));
      const result = await source({ strategy: 'raw-queries' }).fetch(
        request(slo('svc-a', { kind: 'raw', errorRatioQuery: 'vector(0.2)' })),
      );
      expect(result.good[0]).toBeCloseTo(0.8, 12);
      expect(result.total[0]).toBe(1);
    });

    it('judges threshold SLIs per bucket', async () => {
      const latency = {
        type: 'Prometheus',
        spec: {
          query:
            'histogram_quantile(0.99, sum by (le) (rate(d_bucket[{{.window}}])))',
        },
      };
      const values = ['0', '0.1', '0.5', 'NaN'];
      server.respond(r => ({
        body: matrixBody([
          {
            metric: { reliability_part: 'value' },
            values: gridValues(r.params, i => values[i]),
          },
        ]),
      }));
      const result = await source({ strategy: 'raw-queries' }).fetch(
        request(
          slo(
            'svc-a',
            { kind: 'threshold', metric: latency },
            {
              objective: {
                target: 0.99,
                targetPercent: 99,
                op: 'lte',
                value: 0.3,
              },
            },
          ),
          { to: FROM + 15 * MINUTE },
        ),
      );
      expect(Array.from(result.good)).toEqual([1, 0, NaN]);
      expect(Array.from(result.total)).toEqual([1, 1, NaN]);
    });

    it('fails only the SLO whose query Prometheus rejects', async () => {
      server.respond(r =>
        r.params.query.includes('broken')
          ? { status: 400, body: errorBody('bad_data', 'parse error') }
          : prometheusWithRules(() => false)(r),
      );
      const prometheus = source({ strategy: 'raw-queries' });
      const results = await prometheus.fetchMany([
        request(slo('svc-a')),
        request(slo('svc-b', { kind: 'raw', errorRatioQuery: 'broken(' })),
      ]);
      expect(dataIds(results)).toEqual(['svc-a']);
      expect(results.get('svc-b')).toBeInstanceOf(Error);
      expect(prometheus.lastCycleStats!.errors.get('svc-b')).toBeInstanceOf(
        InputError,
      );
    });

    it('stops querying once Prometheus is found unavailable', async () => {
      server.respond(() => ({ status: 503, body: 'unavailable' }));
      const prometheus = source({ strategy: 'raw-queries', concurrency: 1 });
      await prometheus.fetchMany([
        request(slo('svc-a')),
        request(slo('svc-b')),
        request(slo('svc-c')),
      ]);
      expect(prometheus.lastCycleStats).toMatchObject({
        queries: 1,
        requests: 2,
      });
      expect(prometheus.lastCycleStats!.errors.size).toBe(3);
    });
  });

  describe('buckets', () => {
    it('reads 30 days at the requested 5 minutes: 8,640 buckets', async () => {
      server.respond(prometheusWithRules(() => true));
      const result = await source().fetch(
        request(slo('svc-a'), { from: FROM - 30 * DAY, to: FROM }),
      );
      expect(server.requests[0].params.step).toBe('300');
      expect(result.bucketMs).toBe(5 * MINUTE);
      expect(result.good).toHaveLength(8640);
    });

    it('never reads buckets shorter than 5 minutes', async () => {
      const result = await source().fetch(
        request(slo('svc-a'), { bucketMs: MINUTE, from: FROM + MINUTE }),
      );
      expect(result.bucketMs).toBe(5 * MINUTE);
      expect(result.from).toBe(FROM);
    });

    it('lengthens the step to stay within 11,000 points per series', async () => {
      const result = await source().fetch(
        request(slo('svc-a'), { from: FROM - 90 * DAY, to: FROM }),
      );
      expect(server.requests[0].params.step).toBe('900');
      expect(result.bucketMs).toBe(15 * MINUTE);
      expect(result.good).toHaveLength(8640);
    });

    it('answers an empty range without asking Prometheus', async () => {
      const result = await source().fetch(
        request(slo('svc-a'), { to: FROM + MINUTE }),
      );
      expect(result.good).toHaveLength(0);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('instances', () => {
    function twoInstances(defaultInstance?: string) {
      return source({
        instances: [
          { name: 'main', baseUrl: server.url },
          {
            name: 'eu',
            baseUrl: other.url,
            headers: { Authorization: 'Bearer t' },
          },
        ],
        defaultInstance,
      });
    }

    const onEu = {
      kind: 'ratio',
      counter: true,
      good: {
        type: 'Prometheus',
        dataSourceRef: 'eu',
        spec: { query: 'sum(rate(ok[{{.window}}]))' },
      },
      total: {
        type: 'Prometheus',
        dataSourceRef: 'eu',
        spec: { query: 'sum(rate(all[{{.window}}]))' },
      },
    } as const;

    it('reads OpenSLO SLIs from the instance their data source names, with its headers', async () => {
      await twoInstances().fetch(request(slo('svc-a', onEu)));
      expect(server.requests).toHaveLength(0);
      expect(other.requests[0].headers.authorization).toBe('Bearer t');
    });

    it('reads Sloth SLOs from the instance their label names', async () => {
      await twoInstances().fetch(
        request(
          slo('svc-a', eventsSli, {
            labels: { reliability_prometheus_instance: 'eu' },
          }),
        ),
      );
      expect(other.requests).not.toHaveLength(0);
      expect(server.requests).toHaveLength(0);
    });

    it('reads other SLOs from the default instance', async () => {
      await twoInstances('eu').fetch(request(slo('svc-a')));
      expect(other.requests).not.toHaveLength(0);
      expect(server.requests).toHaveLength(0);
    });

    it('reads other SLOs from the first instance without a default', async () => {
      await twoInstances().fetch(request(slo('svc-a')));
      expect(server.requests).not.toHaveLength(0);
      expect(other.requests).toHaveLength(0);
    });

    it('queries each instance once for its SLOs with recording rules', async () => {
      const prometheus = twoInstances();
      other.respond(prometheusWithRules(() => true));
      server.respond(prometheusWithRules(() => true));
      await prometheus.fetchMany([
        request(slo('svc-a')),
        request(slo('svc-b')),
        request(slo('svc-c', onEu)),
        request(slo('svc-d', onEu)),
      ]);
      expect(prometheus.lastCycleStats).toMatchObject({
        queries: 2,
        slosFromRecordingRules: 4,
      });
    });

    it('refuses an instance that is not configured', async () => {
      await expect(
        twoInstances().fetch(
          request(
            slo('svc-a', eventsSli, {
              labels: { reliability_prometheus_instance: 'us' },
            }),
          ),
        ),
      ).rejects.toThrow(
        new NotFoundError(
          'SLO "svc-a" reads from the Prometheus instance "us", which is not configured; reliability.prometheus.instances has "main", "eu"',
        ),
      );
    });
  });

  describe('errors', () => {
    it('says that Prometheus is not configured', async () => {
      const prometheus = PrometheusSliSource.create({ instances: [] });
      const error = await prometheus.fetch(request(slo('svc-a'))).catch(e => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toBe(
        'Prometheus is not configured: add reliability.prometheus.instances to app-config',
      );
    });

    it('refuses SLIs that are not Prometheus queries', async () => {
      const push = { type: 'Push', spec: {} };
      const target = slo('svc-a', {
        kind: 'ratio',
        counter: true,
        good: push,
        total: push,
      });
      const prometheus = source();
      expect(prometheus.supports(target)).toBe(false);
      const error = await prometheus.fetch(request(target)).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        'SLO "svc-a": its SLI is not a Prometheus query (its data source type is "push")',
      );
      expect(server.requests).toHaveLength(0);
    });

    it('refuses event queries without a window', () => {
      expect(() =>
        planSliQuery(
          slo('svc-a', {
            kind: 'events',
            errorQuery: 'errors',
            totalQuery: 'total',
          }),
        ),
      ).toThrow(
        'SLO "svc-a": the error query has no {{.window}} placeholder, so its values cannot be turned into events per bucket; write it as a rate over [{{.window}}]',
      );
    });

    it('renders trim markers and spaces in window placeholders', () => {
      const plan = planSliQuery(
        slo('svc-a', {
          kind: 'raw',
          errorRatioQuery: 'x[{{ .window }}] / y[{{- .window -}}]',
        }),
      );
      expect(renderSliQuery(plan, 10 * MINUTE)).toBe(
        'label_replace((x[10m] / y[10m]), "reliability_part", "ratio", "", "")',
      );
    });
  });

  describe('fromConfig', () => {
    it('reads named instances with their headers and the default instance', async () => {
      const config = mockServices.rootConfig({
        data: {
          reliability: {
            prometheus: {
              defaultInstance: 'eu',
              instances: [
                { name: 'main', baseUrl: server.url },
                {
                  name: 'eu',
                  baseUrl: other.url,
                  headers: { 'X-Scope-OrgID': 'tenant' },
                },
              ],
            },
          },
        },
      });
      await PrometheusSliSource.fromConfig(config).fetch(request(slo('svc-a')));
      expect(other.requests[0].headers['x-scope-orgid']).toBe('tenant');
    });

    it('creates a source that reports missing configuration', async () => {
      const prometheus = PrometheusSliSource.fromConfig(
        mockServices.rootConfig({ data: {} }),
      );
      await expect(prometheus.fetch(request(slo('svc-a')))).rejects.toThrow(
        'Prometheus is not configured',
      );
    });

    it('refuses a default instance that is not configured', () => {
      expect(() =>
        PrometheusSliSource.create({
          instances: [{ name: 'main', baseUrl: server.url }],
          defaultInstance: 'eu',
        }),
      ).toThrow(
        'reliability.prometheus.defaultInstance "eu" is not one of the instances',
      );
    });
  });
});
