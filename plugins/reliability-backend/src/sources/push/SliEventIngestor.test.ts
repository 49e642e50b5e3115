import { InputError, NotFoundError } from '@backstage/errors';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from '../../database/migrations';
import {
  DatabaseSliBucketStore,
  SliBucketStore,
} from '../../database/SliBucketStore';
import { MemorySliBucketStore } from './__testUtils__/MemorySliBucketStore';
import { lookupOf, ratioSlo } from './__testUtils__/slos';
import { SliEventIngestor } from './SliEventIngestor';

jest.setTimeout(60_000);

const NOW = Date.UTC(2026, 10, 22, 12, 0, 30);
const T = Date.UTC(2026, 10, 22, 11, 0); // a whole minute an hour before NOW
const MIN = 60_000;

const push = ratioSlo('checkout-availability', 'Push');
const prometheus = ratioSlo('checkout-latency', 'Prometheus', {
  query: 'x',
});
const slos = lookupOf(push, prometheus);

function ingestorWith<S extends SliBucketStore = MemorySliBucketStore>(
  store: S = new MemorySliBucketStore() as SliBucketStore as S,
) {
  return {
    store,
    ingestor: SliEventIngestor.create({
      store,
      slos,
      maxBucketsPerRequest: 3,
      now: () => NOW,
    }),
  };
}

describe('SliEventIngestor', () => {
  it('stores good/total and good/bad buckets from ISO and epoch starts', async () => {
    const { ingestor, store } = ingestorWith();
    await expect(
      ingestor.ingest('checkout-availability', {
        buckets: [
          { start: '2026-11-22T11:00:00Z', good: 98, total: 100 },
          { start: T + MIN, good: 50, bad: 2.5 },
          { start: '2026-11-22T12:02:00+01:00', good: 0, total: 0 },
        ],
      }),
    ).resolves.toEqual({
      sloId: 'checkout-availability',
      accepted: 3,
      from: '2026-11-22T11:00:00.000Z',
      to: '2026-11-22T11:03:00.000Z',
    });
    await expect(
      store.listBuckets('checkout-availability', 0, NOW),
    ).resolves.toEqual([
      { sloId: 'checkout-availability', bucketStart: T, good: 98, total: 100 },
      {
        sloId: 'checkout-availability',
        bucketStart: T + MIN,
        good: 50,
        total: 52.5,
      },
      {
        sloId: 'checkout-availability',
        bucketStart: T + 2 * MIN,
        good: 0,
        total: 0,
      },
    ]);
  });

  it('throws NotFoundError for an unknown SLO and InputError for one that is not pushed', async () => {
    const { ingestor } = ingestorWith();
    const body = { buckets: [{ start: T, good: 1, total: 1 }] };
    await expect(ingestor.ingest('nope', body)).rejects.toThrow(NotFoundError);
    await expect(ingestor.ingest('nope', body)).rejects.toThrow(
      "No SLO with id 'nope'",
    );
    await expect(ingestor.ingest('checkout-latency', body)).rejects.toThrow(
      new InputError(
        "SLO 'checkout-latency' does not take pushed events: its SLI reads from 'prometheus', not from metricSource type Push",
      ),
    );
  });

  it.each<[string, unknown, string]>([
    [
      'a body that is not an object',
      'good=1',
      'request body: must be a JSON object with "buckets"',
    ],
    ['a body without buckets', {}, 'buckets: is required'],
    [
      'buckets that are not an array',
      { buckets: {} },
      'buckets: must be an array',
    ],
    ['no buckets', { buckets: [] }, 'buckets: must hold at least one bucket'],
    [
      'too many buckets',
      {
        buckets: [0, 1, 2, 3].map(i => ({
          start: T + i * MIN,
          good: 1,
          total: 1,
        })),
      },
      'buckets: must hold at most 3 buckets; send more in several requests',
    ],
    [
      'an unknown top-level field',
      { buckets: [{ start: T, good: 1, total: 1 }], slo: 'x' },
      'request body: unknown field "slo"',
    ],
    [
      'a bucket that is not an object',
      { buckets: [7] },
      'buckets[0]: must be an object with start, good and total or bad',
    ],
    [
      'a misspelt field',
      { buckets: [{ start: T, good: 1, totl: 1 }] },
      'buckets[0]: unknown field "totl"; buckets[0]: total or bad is required',
    ],
    [
      'a missing start',
      { buckets: [{ good: 1, total: 1 }] },
      'buckets[0].start: is required',
    ],
    [
      'a start without a time zone',
      { buckets: [{ start: '2026-11-22T11:00:00', good: 1, total: 1 }] },
      'buckets[0].start: must be an ISO 8601 timestamp with a time zone (2026-11-22T10:15:00Z) or epoch milliseconds',
    ],
    [
      'an impossible date',
      { buckets: [{ start: '2026-02-30T11:00:00Z', good: 1, total: 1 }] },
      'buckets[0].start: must be an ISO 8601 timestamp with a time zone (2026-11-22T10:15:00Z) or epoch milliseconds',
    ],
    [
      'a start that is not a whole minute',
      { buckets: [{ start: '2026-11-22T11:00:30Z', good: 1, total: 1 }] },
      'buckets[0].start: must be a whole minute (no seconds or milliseconds), got 2026-11-22T11:00:30.000Z',
    ],
    [
      'a start in the future',
      { buckets: [{ start: '2026-11-22T12:03:00Z', good: 1, total: 1 }] },
      "buckets[0].start: 2026-11-22T12:03:00.000Z is in the future (more than 2 minutes after the server's clock)",
    ],
    [
      'a start older than the minute retention',
      { buckets: [{ start: '2026-11-15T12:00:00Z', good: 1, total: 1 }] },
      'buckets[0].start: 2026-11-15T12:00:00.000Z is older than the minute retention; only the last 7 days can be pushed',
    ],
    [
      'epoch seconds',
      { buckets: [{ start: 1795000020, good: 1, total: 1 }] },
      'buckets[0].start: 1970-01-21T18:36:40.020Z is older than the minute retention; only the last 7 days can be pushed; it looks like epoch seconds, send milliseconds',
    ],
    [
      'a negative count',
      { buckets: [{ start: T, good: -1, total: 1 }] },
      'buckets[0].good: must be a finite number ≥ 0',
    ],
    [
      'a count that is not a number',
      { buckets: [{ start: T, good: 1, total: '10' }] },
      'buckets[0].total: must be a finite number ≥ 0',
    ],
    [
      'good above total',
      { buckets: [{ start: T, good: 12, total: 10 }] },
      'buckets[0].good: must not exceed total (12 > 10)',
    ],
    [
      'both total and bad',
      { buckets: [{ start: T, good: 1, total: 2, bad: 1 }] },
      'buckets[0]: give either total or bad, not both',
    ],
    [
      'a minute sent twice',
      {
        buckets: [
          { start: T, good: 1, total: 1 },
          { start: '2026-11-22T11:00:00.000Z', good: 2, total: 2 },
        ],
      },
      'buckets[1].start: 2026-11-22T11:00:00.000Z is sent twice (also buckets[0])',
    ],
    [
      'several bad buckets',
      {
        buckets: [
          { start: T, good: 1, total: 1 },
          { start: T + MIN, good: null, total: 1 },
          { start: T + 2 * MIN + 1, good: 1, total: 1 },
        ],
      },
      'buckets[1].good: must be a finite number ≥ 0; buckets[2].start: must be a whole minute (no seconds or milliseconds), got 2026-11-22T11:02:00.001Z',
    ],
  ])('refuses %s, naming the place', async (_, body, message) => {
    const { ingestor, store } = ingestorWith();
    const ingest = ingestor.ingest('checkout-availability', body);
    await expect(ingest).rejects.toThrow(InputError);
    await expect(ingest).rejects.toThrow(
      `Invalid SLI events for SLO 'checkout-availability': ${message}`,
    );
    expect(store.minutes.size).toBe(0);
  });

  it('refuses counts JSON cannot carry finitely', async () => {
    const { ingestor } = ingestorWith();
    await expect(
      ingestor.ingest(
        'checkout-availability',
        JSON.parse('{"buckets":[{"start":0,"good":1e400,"total":1e400}]}'),
      ),
    ).rejects.toThrow(
      'buckets[0].start: 1970-01-01T00:00:00.000Z is older than the minute retention; only the last 7 days can be pushed; it looks like epoch seconds, send milliseconds; buckets[0].good: must be a finite number ≥ 0; buckets[0].total: must be a finite number ≥ 0',
    );
  });

  describe('on a database', () => {
    const databases = createTestDatabases();

    it.each(databases.eachSupportedId())(
      'does not double-count a re-sent push, and writes nothing of a batch with a bad bucket, on %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        await applyDatabaseMigrations(knex);
        const { ingestor, store } = ingestorWith(
          DatabaseSliBucketStore.create({ knex }),
        );
        const body = {
          buckets: [
            { start: T, good: 9, total: 10 },
            { start: T + MIN, good: 10, total: 10 },
          ],
        };

        await ingestor.ingest('checkout-availability', body);
        await ingestor.ingest('checkout-availability', body);
        // The minute sent again with final counts replaces the first version.
        await ingestor.ingest('checkout-availability', {
          buckets: [{ start: T + MIN, good: 19, bad: 1 }],
        });
        const expected = [
          {
            sloId: 'checkout-availability',
            bucketStart: T,
            good: 9,
            total: 10,
          },
          {
            sloId: 'checkout-availability',
            bucketStart: T + MIN,
            good: 19,
            total: 20,
          },
        ];
        await expect(
          store.listBuckets('checkout-availability', 0, NOW),
        ).resolves.toEqual(expected);

        await expect(
          ingestor.ingest('checkout-availability', {
            buckets: [
              { start: T, good: 1, total: 1 },
              { start: T + 2 * MIN, good: 1, total: 1 },
              { start: T + 3 * MIN, good: 2, total: 1 },
            ],
          }),
        ).rejects.toThrow(
          "Invalid SLI events for SLO 'checkout-availability': buckets[2].good: must not exceed total (2 > 1)",
        );
        await expect(
          store.listBuckets('checkout-availability', 0, NOW),
        ).resolves.toEqual(expected);
      },
    );
  });
});
