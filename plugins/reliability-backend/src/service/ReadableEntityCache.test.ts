import { mockCredentials } from '@backstage/backend-test-utils';
import { ReadableEntityCache } from './ReadableEntityCache';

describe('ReadableEntityCache', () => {
  it('asks the catalog once per caller and entity within the time to live', async () => {
    let now = 0;
    const cache = new ReadableEntityCache({
      ttlMs: 10_000,
      maxEntries: 10,
      now: () => now,
    });
    const load = jest.fn(async () => 'component:default/checkout');
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');

    await cache.get(alice, 'component:default/checkout', load);
    await cache.get(alice, 'component:default/checkout', load);
    expect(load).toHaveBeenCalledTimes(1);

    await cache.get(bob, 'component:default/checkout', load);
    expect(load).toHaveBeenCalledTimes(2);

    now = 10_001;
    await cache.get(alice, 'component:default/checkout', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('does not remember refusals', async () => {
    const cache = new ReadableEntityCache({ ttlMs: 10_000, maxEntries: 10 });
    const load = jest
      .fn<Promise<string | undefined>, []>()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce('component:default/checkout');
    const alice = mockCredentials.user();

    await expect(
      cache.get(alice, 'component:default/checkout', load),
    ).resolves.toBeUndefined();
    await expect(
      cache.get(alice, 'component:default/checkout', load),
    ).resolves.toBe('component:default/checkout');
  });

  it('shares one catalog request between concurrent misses', async () => {
    const cache = new ReadableEntityCache({ ttlMs: 10_000, maxEntries: 10 });
    const load = jest.fn(async () => 'component:default/checkout');
    const alice = mockCredentials.user();
    const refs = await Promise.all(
      Array.from({ length: 20 }, () =>
        cache.get(alice, 'component:default/checkout', load),
      ),
    );
    expect(new Set(refs)).toEqual(new Set(['component:default/checkout']));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('evicts the oldest entry when full', async () => {
    const cache = new ReadableEntityCache({ ttlMs: 10_000, maxEntries: 1 });
    const load = jest.fn(async () => 'x');
    const alice = mockCredentials.user();
    await cache.get(alice, 'a', load);
    await cache.get(alice, 'b', load);
    await cache.get(alice, 'a', load);
    expect(load).toHaveBeenCalledTimes(3);
  });
});
