import {
  RunbookCheckStore,
  RunbookCheckUpdate,
  StoredRunbookCheck,
} from '../RunbookCheckStore';

/**
 * An in-memory {@link RunbookCheckStore} for service tests; the database one has its own tests.
 */
export class MemoryRunbookCheckStore implements RunbookCheckStore {
  readonly checks = new Map<string, StoredRunbookCheck[]>();

  async replaceEntityChecks(
    entityRef: string,
    checks: readonly RunbookCheckUpdate[],
  ): Promise<void> {
    const previous = new Map(
      (this.checks.get(entityRef) ?? []).map(c => [c.runbookId, c]),
    );
    this.checks.set(
      entityRef,
      checks.map(check => {
        const lastReachableAt =
          check.outcome === 'reachable'
            ? check.checkedAt
            : previous.get(check.runbookId)?.lastReachableAt;
        return {
          ...check,
          entityRef,
          ...(lastReachableAt !== undefined ? { lastReachableAt } : {}),
        };
      }),
    );
  }

  async listEntityChecks(entityRef: string): Promise<StoredRunbookCheck[]> {
    return [...(this.checks.get(entityRef) ?? [])].sort((a, b) =>
      a.runbookId.localeCompare(b.runbookId),
    );
  }

  async removeEntity(entityRef: string): Promise<void> {
    this.checks.delete(entityRef);
  }
}
