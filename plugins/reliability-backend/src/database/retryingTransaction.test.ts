import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  isRetryableTransactionError,
  retryingTransaction,
  sortedByKey,
} from './retryingTransaction';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

/** A promise with its resolve function, to make two transactions meet in a chosen order. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

async function createTable(knex: Knex) {
  await knex.schema.createTable('locks', table => {
    table.string('id').primary();
    table.integer('n').notNullable();
  });
  await knex('locks').insert([
    { id: 'a', n: 0 },
    { id: 'b', n: 0 },
  ]);
}

/**
 * Two transactions that lock rows a and b in opposite orders, each waiting until the other holds
 * its first row: PostgreSQL must abort one of them as a deadlock victim (40P01).
 */
async function runDeadlockingPair(
  knex: Knex,
  attempts: number,
): Promise<{ results: PromiseSettledResult<string>[]; runs: number }> {
  const holds = { a: signal(), b: signal() };
  let runs = 0;
  const lockBoth = (first: 'a' | 'b', second: 'a' | 'b') =>
    retryingTransaction(
      knex,
      async tx => {
        runs += 1;
        await tx('locks').where('id', first).increment('n', 1);
        holds[first].resolve();
        // Only the first attempt waits: a retry runs after the other side has finished.
        await holds[second].promise;
        await tx('locks').where('id', second).increment('n', 1);
        return `${first}${second}`;
      },
      { attempts },
    );
  const results = await Promise.allSettled([
    lockBoth('a', 'b'),
    lockBoth('b', 'a'),
  ]);
  return { results, runs };
}

describe('retryingTransaction', () => {
  it.each(postgresIds)(
    'runs the deadlock victim again so that both transactions commit, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await createTable(knex);
      const { results, runs } = await runDeadlockingPair(knex, 3);
      expect(results).toEqual([
        { status: 'fulfilled', value: 'ab' },
        { status: 'fulfilled', value: 'ba' },
      ]);
      // Two first attempts and one retry of the victim.
      expect(runs).toBe(3);
      const rows = await knex('locks').orderBy('id');
      expect(rows.map(r => Number(r.n))).toEqual([2, 2]);
    },
  );

  it.each(postgresIds)(
    'gives up after the bounded number of attempts with the database error, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await createTable(knex);
      const { results, runs } = await runDeadlockingPair(knex, 1);
      const rejected = results.filter(
        (r): r is PromiseRejectedResult => r.status === 'rejected',
      );
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toMatchObject({ code: '40P01' });
      expect(runs).toBe(2);
      // The victim's increments were rolled back; the winner's are kept.
      const rows = await knex('locks').orderBy('id');
      expect(rows.map(r => Number(r.n)).sort()).toEqual([1, 1]);
    },
  );

  it.each(databases.eachSupportedId())(
    'does not run a transaction again after an error that is not a conflict, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await createTable(knex);
      let runs = 0;
      const uniqueViolation = Object.assign(new Error('duplicate key'), {
        code: '23505',
      });
      await expect(
        retryingTransaction(knex, async tx => {
          runs += 1;
          await tx('locks').where('id', 'a').increment('n', 1);
          throw uniqueViolation;
        }),
      ).rejects.toBe(uniqueViolation);
      expect(runs).toBe(1);
      // Rolled back.
      const [row] = await knex('locks').where('id', 'a');
      expect(Number(row.n)).toBe(0);
    },
  );
});

describe('isRetryableTransactionError', () => {
  it('recognises deadlocks and serialization failures, also as a cause', () => {
    expect(isRetryableTransactionError({ code: '40P01' })).toBe(true);
    expect(isRetryableTransactionError({ code: '40001' })).toBe(true);
    expect(
      isRetryableTransactionError(
        new Error('wrapped', { cause: { code: '40P01' } }),
      ),
    ).toBe(true);
    expect(isRetryableTransactionError({ code: '23505' })).toBe(false);
    expect(isRetryableTransactionError(new Error('no code'))).toBe(false);
    expect(isRetryableTransactionError(undefined)).toBe(false);
  });
});

describe('sortedByKey', () => {
  it('orders by every part of the key and leaves the input alone', () => {
    const input = [
      { slo: 'b', t: 1 },
      { slo: 'a', t: 2 },
      { slo: 'a', t: 1 },
    ];
    expect(sortedByKey(input, r => [r.slo, r.t])).toEqual([
      { slo: 'a', t: 1 },
      { slo: 'a', t: 2 },
      { slo: 'b', t: 1 },
    ]);
    expect(input[0]).toEqual({ slo: 'b', t: 1 });
  });
});
