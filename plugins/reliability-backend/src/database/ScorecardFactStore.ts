import type { EntityFacts } from '@reliability/backstage-plugin-common';
import { Knex } from 'knex';
import { retryingTransaction, sortedByKey } from './retryingTransaction';

const FACTS = 'reliability_scorecard_facts';
/** Rows per statement: three parameters each, well under SQLite's limit. */
const CHUNK = 300;

/**
 * Where the facts of each entity's last scorecard evaluation are kept, for dry runs.
 *
 * @internal
 */
export interface ScorecardFactStore {
  /** Stores (replaces) the facts of these entities. */
  writeFacts(facts: readonly EntityFacts[], nowMs: number): Promise<void>;
  /** Every stored entity's facts, in entity order. */
  listFacts(): Promise<EntityFacts[]>;
  /** Deletes the facts not written since `beforeMs` (entities gone or out of scope). */
  deleteFactsCollectedBefore(beforeMs: number): Promise<number>;
}

/**
 * The {@link ScorecardFactStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @internal
 */
export class DatabaseScorecardFactStore implements ScorecardFactStore {
  static create(options: { knex: Knex }): DatabaseScorecardFactStore {
    return new DatabaseScorecardFactStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async writeFacts(facts: readonly EntityFacts[], nowMs: number) {
    // Sorted, so that concurrent writers (two replicas) lock rows in one order.
    const sorted = sortedByKey(facts, f => [f.entity.ref.toLowerCase()]);
    await retryingTransaction(this.knex, async tx => {
      for (let i = 0; i < sorted.length; i += CHUNK) {
        await tx(FACTS)
          .insert(
            sorted.slice(i, i + CHUNK).map(item => ({
              entity_ref: item.entity.ref.toLowerCase(),
              facts: JSON.stringify(item),
              collected_at: nowMs,
            })),
          )
          .onConflict('entity_ref')
          .merge();
      }
    });
  }

  async listFacts(): Promise<EntityFacts[]> {
    const rows = await this.knex(FACTS).select('facts').orderBy('entity_ref');
    return rows.map(row => JSON.parse(row.facts));
  }

  async deleteFactsCollectedBefore(beforeMs: number): Promise<number> {
    return this.knex(FACTS).where('collected_at', '<', beforeMs).delete();
  }
}
