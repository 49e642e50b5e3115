import { EntityViewCache } from './EntityViewCache';

/** A read the test completes by hand, counting how often it was started. */
function controlledReads() {
  const pending: Array<(view: string) => void> = [];
  let started = 0;
  return {
    read: () => {
      started += 1;
      return new Promise<string>(resolve => pending.push(resolve));
    },
    complete: (view: string) => pending.shift()!(view),
    started: () => started,
  };
}

describe('EntityViewCache', () => {
  it('shares one read among concurrent callers and keeps its view for ttlMs', async () => {
    let now = 1000;
    const cache = new EntityViewCache<string>({
      ttlMs: 5000,
      maxEntries: 10,
      now: () => now,
    });
    const reads = controlledReads();
    const first = cache.get('a', reads.read);
    const second = cache.get('a', reads.read);
    reads.complete('view 1');
    await expect(Promise.all([first, second])).resolves.toEqual([
      'view 1',
      'view 1',
    ]);
    expect(reads.started()).toBe(1);

    now += 4999;
    await expect(cache.get('a', reads.read)).resolves.toBe('view 1');
    expect(reads.started()).toBe(1);

    now += 1;
    const third = cache.get('a', reads.read);
    reads.complete('view 2');
    await expect(third).resolves.toBe('view 2');
    expect(reads.started()).toBe(2);
  });

  it('reads again after a write, also when the write completed during a read', async () => {
    const cache = new EntityViewCache<string>({
      ttlMs: 60_000,
      maxEntries: 10,
    });
    const reads = controlledReads();
    const before = cache.get('a', reads.read);
    // A write completes while the read is under way: the read may have seen the old rows.
    cache.invalidate();
    const after = cache.get('a', reads.read);
    expect(reads.started()).toBe(2);
    reads.complete('old rows');
    reads.complete('new rows');
    await expect(before).resolves.toBe('old rows');
    await expect(after).resolves.toBe('new rows');
    // The view read after the write is the one kept.
    await expect(cache.get('a', reads.read)).resolves.toBe('new rows');
    expect(reads.started()).toBe(2);
  });

  it('keeps nothing once reads complete when ttlMs is 0', async () => {
    const cache = new EntityViewCache<string>({ ttlMs: 0, maxEntries: 10 });
    const reads = controlledReads();
    const shared = [cache.get('a', reads.read), cache.get('a', reads.read)];
    reads.complete('view 1');
    await Promise.all(shared);
    const later = cache.get('a', reads.read);
    reads.complete('view 2');
    await expect(later).resolves.toBe('view 2');
    expect(reads.started()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const cache = new EntityViewCache<string>({
      ttlMs: 60_000,
      maxEntries: 10,
    });
    await expect(
      cache.get('a', () => Promise.reject(new Error('database gone'))),
    ).rejects.toThrow('database gone');
    await expect(cache.get('a', async () => 'view')).resolves.toBe('view');
  });

  it('drops the oldest entity beyond maxEntries', async () => {
    const cache = new EntityViewCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    const read = jest.fn(async () => 'view');
    await cache.get('a', read);
    await cache.get('b', read);
    await cache.get('c', read);
    await cache.get('b', read);
    expect(read).toHaveBeenCalledTimes(3);
    await cache.get('a', read);
    expect(read).toHaveBeenCalledTimes(4);
  });
});
