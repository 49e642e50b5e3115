/**
 * End to end through the real backend: a real Prometheus holding 30 days of known synthetic
 * history and the recording rules generated for the SLO, the plugin with its built-in sources
 * reading the SLO file of a catalog entity, its scheduled evaluation, and the HTTP API. The budget
 * remaining and burn rates the API serves must equal those computed here straight from the
 * synthetic traffic, without Prometheus.
 *
 * The evaluation runs at wall-clock time, so the history ends half an hour after the test starts
 * (backfilled into the future) and the expectations are computed for the evaluation time the API
 * reports (`status.valuesAt`), not for a fixed one.
 */
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  TestBackend,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { parseSloFiles } from '@reliability/backstage-plugin-common';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import reliabilityFeatures from '../../index';
import type { EntitySlosView, SloView } from '../../evaluation/types';
import {
  BUCKET,
  DAY,
  HOUR,
  MINUTE,
  PrometheusWithHistory,
  SyntheticHistory,
  checkoutTraffic,
  startPrometheusWithHistory,
} from './__testUtils__/syntheticHistory';

jest.setTimeout(120_000);

const ceilToBucket = (ms: number) => Math.ceil(ms / BUCKET) * BUCKET;
const floorToBucket = (ms: number) => Math.floor(ms / BUCKET) * BUCKET;

// Half an hour past the start of the test: setup takes well under a minute, and the evaluation
// must find data up to its "now". Prometheus and promtool accept samples in the future.
const history = new SyntheticHistory(ceilToBucket(Date.now()) + 30 * MINUTE);

/** The same SLO as `checkout` of `PrometheusSliSource.integration.test.ts`, as a Sloth file. */
const SLOTH_FILE = `version: prometheus/v1
service: checkout
labels:
  tier: '1'
slos:
  - name: availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(requests_total{service="checkout",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(requests_total{service="checkout"}[{{.window}}]))
    alerting:
      name: CheckoutHighErrorRate
      page_alert:
        labels:
          severity: critical
      ticket_alert:
        labels:
          severity: warning
`;

const SLOS_PATH = '/api/reliability/entities/component/default/checkout/slos';

/**
 * Equal up to floating point. Prometheus computes `rate` as (last − first) ÷ 300 s; ratios travel
 * as shortest round-trip decimals through Prometheus' JSON, the database and the API's JSON; the
 * budget engine sums 8,640 buckets in prefix sums. That costs ~1e-13 relative. A bucket too many
 * or too few, or event- instead of time-weighting, is off by ≥ 1e-4, so 1e-9 tells them apart.
 */
function isClose(actual: number | null | undefined, expected: number) {
  return (
    typeof actual === 'number' &&
    Math.abs(actual - expected) <= 1e-9 * Math.abs(expected)
  );
}

describe('The reliability API with a real Prometheus', () => {
  let running: PrometheusWithHistory | undefined;
  let backend: TestBackend | undefined;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reliability-api-e2e-'));
    await writeFile(join(dir, 'slos.yaml'), SLOTH_FILE);
    // The rules Prometheus holds are generated from the SLO as the backend parses it, so that
    // their `sloth_id` is the id the backend evaluates.
    const parsed = parseSloFiles([
      { path: join(dir, 'slos.yaml'), content: SLOTH_FILE },
    ]);
    const ids = parsed.slos.map(slo => slo.id);
    if (parsed.problems.length > 0 || ids.join() !== 'checkout-availability') {
      throw new Error(
        `Unexpected parse of the SLO file: ${JSON.stringify({
          ids,
          problems: parsed.problems,
        })}`,
      );
    }
    running = await startPrometheusWithHistory(history, parsed.slos);
  }, 600_000);

  afterAll(async () => {
    await backend?.stop();
    await running?.stop();
    if (dir) {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves the budget remaining and burn rates of the synthetic history', async () => {
    const catalogFile = `file:${join(dir, 'catalog-info.yaml')}`;
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout',
        namespace: 'default',
        annotations: {
          'reliability/slos': './slos.yaml',
          'backstage.io/managed-by-location': catalogFile,
          'backstage.io/managed-by-origin-location': catalogFile,
        },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    };
    // JSON is YAML; the file is there for completeness, the catalog mock serves the entity.
    await writeFile(join(dir, 'catalog-info.yaml'), JSON.stringify(entity));

    backend = await startTestBackend({
      features: [
        reliabilityFeatures,
        // The real scheduler, not the mock that runs every task once at startup: the catalog
        // refresh and the evaluation run as in production, at the configured frequencies.
        schedulerServiceFactory,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              prometheus: {
                instances: [
                  { name: 'default', baseUrl: running!.prometheus.url },
                ],
              },
              evaluation: { frequency: { seconds: 1 } },
              catalog: { refreshFrequency: { seconds: 1 } },
            },
          },
        }),
      ],
    });

    const { server } = backend;

    // Bounded polling: the catalog refresh and the evaluation both run every second.
    let body: EntitySlosView | undefined;
    let slo: SloView | undefined;
    const deadline = Date.now() + 60_000;
    while (!slo?.status?.lastSuccessAt) {
      if (Date.now() > deadline) {
        throw new Error(
          `No successful evaluation within 60 s; last answer: ${JSON.stringify(
            body,
          )}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
      const res = await request(server)
        .get(SLOS_PATH)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      body = res.body as EntitySlosView;
      slo = body.slos.find(s => s.id === 'checkout-availability');
    }
    expect(body!.errors).toEqual([]);
    expect(slo).toMatchObject({
      sourceType: 'prometheus',
      format: 'prometheus/v1',
      budgetingMethod: 'Occurrences',
      objective: { target: 0.999 },
    });
    const status = slo.status!;
    expect(status.error).toBeNull();

    // The evaluation's "now": the end of Prometheus' last complete 5-minute bucket, so that even
    // the 5m window is full. Every window ends there.
    const now = Date.parse(status.valuesAt!);
    expect(now % BUCKET).toBe(0);
    expect(now).toBeLessThanOrEqual(history.end);
    expect(now).toBeGreaterThan(history.end - HOUR);

    // What the budget engine sees, derived independently: Prometheus returns 5-minute buckets up
    // to the last whole one, `floor5(now)`, and a window `[now − w, now)` holds the buckets that
    // start inside it, i.e. from `ceil5(now − w)`. When `now` is not on a 5-minute boundary, the
    // bucket starting at `floor5(now)` lies in every window but has no data yet: it is a gap,
    // left out of the ratio and counted against coverage. The ratio is the time-weighted mean
    // of 5-minute error ratios, which the recording rules give.
    const dataEnd = floorToBucket(now);
    const errorBudget = 1 - 0.999;
    const expectedBurnRate = (windowMs: number): number | null => {
      const from = ceilToBucket(now - windowMs);
      return from < dataEnd
        ? history.timeErrorRatio(checkoutTraffic, from, dataEnd) / errorBudget
        : null;
    };

    expect(status.budget).toMatchObject({
      target: 0.999,
      periodStart: new Date(now - 30 * DAY).toISOString(),
      periodEnd: new Date(now).toISOString(),
    });
    expect(status.budget!.errorBudget).toBeCloseTo(errorBudget, 12);
    const periodBuckets = (30 * DAY) / BUCKET;
    expect(status.coverage).toBe(
      (dataEnd - ceilToBucket(now - 30 * DAY)) / BUCKET / periodBuckets,
    );
    const expectedRemaining = 1 - expectedBurnRate(30 * DAY)!;
    // On failure the diff shows the served and the expected value.
    expect({
      remaining: status.budget!.remaining,
      expected: expectedRemaining,
      close: isClose(status.budget!.remaining, expectedRemaining),
    }).toMatchObject({ close: true });

    expect(status.burnRates.map(b => b.windowMs)).toEqual([
      5 * MINUTE,
      30 * MINUTE,
      HOUR,
      2 * HOUR,
      6 * HOUR,
      DAY,
      3 * DAY,
      30 * DAY,
    ]);
    // Every window agrees; `null` (no data) exactly where no bucket with data starts inside it.
    const disagreements = status.burnRates
      .map(({ window, windowMs, burnRate }) => ({
        window,
        burnRate,
        expected: expectedBurnRate(windowMs),
      }))
      .filter(({ burnRate, expected }) =>
        expected === null ? burnRate !== null : !isClose(burnRate, expected),
      );
    expect(disagreements).toEqual([]);

    // The history is not trivial: the bad day (27) burns the 3-day window fastest, and the
    // budget is partly spent.
    const byWindow = new Map(status.burnRates.map(b => [b.windowMs, b]));
    expect(byWindow.get(5 * MINUTE)!.burnRate).not.toBeNull();
    expect(byWindow.get(3 * DAY)!.burnRate!).toBeGreaterThan(
      byWindow.get(DAY)!.burnRate!,
    );
    expect(status.budget!.remaining!).toBeGreaterThan(0);
    expect(status.budget!.remaining!).toBeLessThan(1);
  });
});
