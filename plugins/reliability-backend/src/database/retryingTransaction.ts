import { Knex } from 'knex';

/**
 * PostgreSQL's SQLSTATEs after which the server rolled the whole transaction back and running it
 * again is safe and expected: deadlock detected and serialization failure.
 */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);

/** Attempts in all, the first included: enough for the contention of a few replicas. */
const DEFAULT_ATTEMPTS = 5;

/** Whether `error` (or its cause) is a PostgreSQL deadlock or serialization failure. */
export function isRetryableTransactionError(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string' && RETRYABLE_SQLSTATES.has(e.code)) {
      return true;
    }
  }
  return false;
}

/**
 * Runs `work` in one transaction, and again from the start (a bounded number of times) when
 * PostgreSQL aborts it as a deadlock victim or for a serialization failure, as its manual
 * advises. Batch writers also sort their keys, so that two writers lock rows in one order and
 * deadlocks become rare; this covers the rest (index pages, foreign keys, other statements).
 *
 * `work` may run more than once: it must build everything it returns inside the callback and
 * change nothing outside the transaction.
 */
export async function retryingTransaction<T>(
  knex: Knex,
  work: (tx: Knex.Transaction) => Promise<T>,
  options: { attempts?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await knex.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) {
        throw error;
      }
      // A short random pause, growing per attempt, so that the two victims of one deadlock do
      // not collide again at once.
      const pauseMs = Math.random() * 20 * 2 ** attempt;
      await new Promise(resolve => setTimeout(resolve, pauseMs));
    }
  }
}

/** Compares keys part by part in JavaScript's order: any fixed order works if every writer uses it. */
export function compareKeys(
  a: ReadonlyArray<string | number>,
  b: ReadonlyArray<string | number>,
): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
  }
  return a.length - b.length;
}

/** A copy of `items` sorted by `key`: the one lock order of every batch write. */
export function sortedByKey<T>(
  items: readonly T[],
  key: (item: T) => ReadonlyArray<string | number>,
): T[] {
  return items
    .map(item => ({ item, key: key(item) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ item }) => item);
}
