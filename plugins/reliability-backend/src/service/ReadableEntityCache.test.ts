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

describe('ReadableEntityCache refresh ahead of expiry', () => {
  const entity = 'component:default/checkout';
  const alice = mockCredentials.user('user:default/alice');

  function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  function setUp() {
    const clock = { now: 0 };
    const cache = new ReadableEntityCache({
      ttlMs: 10_000,
      maxEntries: 10,
      now: () => clock.now,
    });
    return { clock, cache };
  }

  it('checks again in the background past half the time to live, serving the grant meanwhile', async () => {
    const { clock, cache } = setUp();
    const first = jest.fn(async () => entity);
    await cache.get(alice, entity, first);

    clock.now = 4_999;
    await cache.get(alice, entity, first);
    expect(first).toHaveBeenCalledTimes(1);

    clock.now = 5_000;
    const check = deferred<string | undefined>();
    const refresh = jest.fn(() => check.promise);
    // Served at once from the cache although the check has not answered.
    await expect(cache.get(alice, entity, refresh)).resolves.toBe(entity);
    await expect(cache.get(alice, entity, refresh)).resolves.toBe(entity);
    expect(refresh).toHaveBeenCalledTimes(1);

    check.resolve(entity);
    await check.promise;
    // The refreshed grant lives from when its check began, until 15,000: past 10,000, when the
    // first would have expired, it is still served without waiting for the catalog.
    clock.now = 10_500;
    const never = jest.fn(() => new Promise<string | undefined>(() => {}));
    await expect(cache.get(alice, entity, never)).resolves.toBe(entity);
    expect(never).toHaveBeenCalledTimes(1); // its own background check
  });

  it('drops the grant as soon as a background check finds the entity unreadable', async () => {
    const { clock, cache } = setUp();
    await cache.get(alice, entity, async () => entity);
    clock.now = 6_000;
    const revoked = deferred<string | undefined>();
    await expect(cache.get(alice, entity, () => revoked.promise)).resolves.toBe(
      entity,
    );
    revoked.resolve(undefined);
    await revoked.promise;
    await Promise.resolve();

    clock.now = 6_001;
    const load = jest.fn(async () => undefined);
    await expect(cache.get(alice, entity, load)).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the grant until it expires when a background check fails, and tries no other before', async () => {
    const { clock, cache } = setUp();
    await cache.get(alice, entity, async () => entity);
    clock.now = 6_000;
    const failing = jest.fn(async (): Promise<string | undefined> => {
      throw new Error('catalog unavailable');
    });
    await expect(cache.get(alice, entity, failing)).resolves.toBe(entity);
    await new Promise(resolve => setImmediate(resolve));
    clock.now = 9_999;
    await expect(cache.get(alice, entity, failing)).resolves.toBe(entity);
    expect(failing).toHaveBeenCalledTimes(1);

    clock.now = 10_000;
    await expect(cache.get(alice, entity, failing)).rejects.toThrow(
      'catalog unavailable',
    );
    expect(failing).toHaveBeenCalledTimes(2);
  });
});
