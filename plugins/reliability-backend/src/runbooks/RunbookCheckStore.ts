import { Knex } from 'knex';
import {
  retryingTransaction,
  sortedByKey,
} from '../database/retryingTransaction';
import { RunbookCheckResult } from './RunbookChecker';

const TABLE = 'reliability_runbook_checks';

/**
 * The check of one runbook to save: the result and what it was.
 *
 * @internal
 */
export interface RunbookCheckUpdate extends RunbookCheckResult {
  runbookId: string;
  /** The resolved location that was checked: a URL or `file:<path>`. */
  location: string;
}

/**
 * The latest check of one runbook of an entity.
 *
 * @internal
 */
export interface StoredRunbookCheck extends RunbookCheckUpdate {
  entityRef: string;
  /** The last check that found it reachable, epoch milliseconds; kept across failed checks. */
  lastReachableAt?: number;
}

/**
 * Keeps the latest check per (entity, runbook) and when each runbook was last reachable.
 *
 * @internal
 */
export interface RunbookCheckStore {
  /**
   * Saves the checks of one entity's runbooks in one transaction and forgets the checks of its
   * runbooks that are not among them (gone from the entity).
   */
  replaceEntityChecks(
    entityRef: string,
    checks: readonly RunbookCheckUpdate[],
  ): Promise<void>;
  /** The entity's checks, ordered by runbook id. */
  listEntityChecks(entityRef: string): Promise<StoredRunbookCheck[]>;
  /** Forgets the checks of an entity that left the catalog. */
  removeEntity(entityRef: string): Promise<void>;
}

type DbRow = Record<string, any>;

function optionalNumber(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

function toCheck(row: DbRow): StoredRunbookCheck {
  const statusCode = optionalNumber(row.status_code);
  const lastModifiedAt = optionalNumber(row.last_modified_at);
  const lastReachableAt = optionalNumber(row.last_reachable_at);
  return {
    entityRef: row.entity_ref,
    runbookId: row.runbook_id,
    location: row.location,
    outcome: row.outcome,
    ...(statusCode !== undefined ? { statusCode } : {}),
    redirectCount: Number(row.redirect_count),
    ...(row.error ? { error: row.error } : {}),
    ...(lastModifiedAt !== undefined ? { lastModifiedAt } : {}),
    checkedAt: Number(row.checked_at),
    ...(lastReachableAt !== undefined ? { lastReachableAt } : {}),
  };
}

/**
 * The knex-backed {@link RunbookCheckStore}, on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseRunbookCheckStore implements RunbookCheckStore {
  static create(options: { knex: Knex }): DatabaseRunbookCheckStore {
    return new DatabaseRunbookCheckStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async replaceEntityChecks(
    entityRef: string,
    checks: readonly RunbookCheckUpdate[],
  ): Promise<void> {
    await retryingTransaction(this.knex, async tx => {
      const previous = new Map<string, number | undefined>(
        (
          await tx(TABLE)
            .where('entity_ref', entityRef)
            .select('runbook_id', 'last_reachable_at')
        ).map(row => [row.runbook_id, optionalNumber(row.last_reachable_at)]),
      );

      const ids = checks.map(c => c.runbookId);
      let stale = tx(TABLE).where('entity_ref', entityRef);
      if (ids.length > 0) {
        stale = stale.whereNotIn('runbook_id', ids);
      }
      await stale.delete();

      // Sorted, so that concurrent writers lock rows in one order.
      const rows = sortedByKey(checks, c => [c.runbookId]).map(check => ({
        entity_ref: entityRef,
        runbook_id: check.runbookId,
        location: check.location,
        outcome: check.outcome,
        status_code: check.statusCode ?? null,
        redirect_count: check.redirectCount,
        error: check.error ?? null,
        last_modified_at: check.lastModifiedAt ?? null,
        checked_at: check.checkedAt,
        last_reachable_at:
          check.outcome === 'reachable'
            ? check.checkedAt
            : previous.get(check.runbookId) ?? null,
      }));
      for (let i = 0; i < rows.length; i += 50) {
        await tx(TABLE)
          .insert(rows.slice(i, i + 50))
          .onConflict(['entity_ref', 'runbook_id'])
          .merge();
      }
    });
  }

  async listEntityChecks(entityRef: string): Promise<StoredRunbookCheck[]> {
    const rows = await this.knex(TABLE)
      .where('entity_ref', entityRef)
      .orderBy('runbook_id');
    return rows.map(toCheck);
  }

  async removeEntity(entityRef: string): Promise<void> {
    await this.knex(TABLE).where('entity_ref', entityRef).delete();
  }
}
