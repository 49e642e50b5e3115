import { InputError } from '@backstage/errors';
import { MemorySliBucketStore } from '../push/__testUtils__/MemorySliBucketStore';
import { ratioSlo } from '../push/__testUtils__/slos';
import { MemoryHttpProbeStatusStore } from './__testUtils__/MemoryHttpProbeStatusStore';
import { HttpProbeSliSource } from './HttpProbeSliSource';

const URL = 'https://status.example.com/health';
const T = Date.UTC(2026, 10, 22, 12, 0);

describe('HttpProbeSliSource', () => {
  const slo = ratioSlo(
    'checkout-probe',
    'HttpProbe',
    { url: URL },
    { url: URL },
  );

  it('serves HttpProbe SLIs from the recorded buckets', async () => {
    const store = new MemorySliBucketStore();
    const statuses = new MemoryHttpProbeStatusStore();
    await store.upsertBuckets([
      { sloId: slo.id, bucketStart: T, good: 1, total: 1 },
      { sloId: slo.id, bucketStart: T + 60_000, good: 0, total: 1 },
    ]);
    await statuses.record({
      sloId: slo.id,
      checkedAt: T + 60_000,
      outcome: 'bad',
      statusCode: 503,
    });
    const source = HttpProbeSliSource.create({ store, statuses });

    expect(source.type).toBe('http-probe');
    expect(source.supports(slo)).toBe(true);
    expect(source.supports(ratioSlo('x', 'Push'))).toBe(false);
    const result = await source.fetch({
      slo,
      from: T,
      to: T + 3 * 60_000,
      bucketMs: 60_000,
    });
    expect([...result.good]).toEqual([1, 0, NaN]);
    expect([...result.total]).toEqual([1, 1, NaN]);
  });

  it('fails with the reason when the probe could not run or is invalid', async () => {
    const statuses = new MemoryHttpProbeStatusStore();
    await statuses.record({
      sloId: slo.id,
      checkedAt: T,
      outcome: 'error',
      message:
        "refused: host 'status.example.com' is not in reliability.probes.allowedHosts",
    });
    const source = HttpProbeSliSource.create({
      store: new MemorySliBucketStore(),
      statuses,
    });
    const request = { slo, from: T, to: T + 60_000, bucketMs: 60_000 };
    await expect(source.fetch(request)).rejects.toThrow(
      "The HTTP probe of SLO 'checkout-probe' could not run at 2026-11-22T12:00:00.000Z: refused: host 'status.example.com' is not in reliability.probes.allowedHosts",
    );
    await expect(
      source.fetch({
        ...request,
        slo: ratioSlo('checkout-probe', 'HttpProbe', {
          url: URL,
          method: 'PUT',
        }),
      }),
    ).rejects.toThrow(InputError);
  });
});
