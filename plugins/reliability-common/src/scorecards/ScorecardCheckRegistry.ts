import type { ScorecardCheck } from './ScorecardCheck';

/** Check ids are written in scorecards by hand, so they follow one simple form. */
const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The checks scorecards can name: the built-in ones and those backend modules add. Ids are
 * unique; adding a second check with a taken id is rejected, because silently replacing a check
 * would change what every scorecard using it means.
 *
 * @public
 */
export class ScorecardCheckRegistry {
  private readonly checks = new Map<string, ScorecardCheck>();

  /** A registry holding the given checks (for example `builtInScorecardChecks`). */
  static create(
    checks: readonly ScorecardCheck[] = [],
  ): ScorecardCheckRegistry {
    const registry = new ScorecardCheckRegistry();
    registry.add(...checks);
    return registry;
  }

  private constructor() {}

  /**
   * Adds checks. Throws when an id is malformed or already taken: both are mistakes in code that
   * registers checks at startup, not in user input.
   */
  add(...checks: ScorecardCheck[]): void {
    for (const check of checks) {
      if (!CHECK_ID.test(check.id)) {
        throw new Error(
          `Scorecard check id "${check.id}" is not valid: use lower-case kebab-case such as "runbook-fresh"`,
        );
      }
      if (this.checks.has(check.id)) {
        throw new Error(
          `A scorecard check with id "${check.id}" is already registered; give the new check a different id`,
        );
      }
    }
    const ids = new Set<string>();
    for (const check of checks) {
      if (ids.has(check.id)) {
        throw new Error(
          `The scorecard check id "${check.id}" is given twice; give each check its own id`,
        );
      }
      ids.add(check.id);
    }
    for (const check of checks) {
      this.checks.set(check.id, check);
    }
  }

  get(id: string): ScorecardCheck | undefined {
    return this.checks.get(id);
  }

  has(id: string): boolean {
    return this.checks.has(id);
  }

  /** Every check, in the order they were added. */
  list(): ScorecardCheck[] {
    return [...this.checks.values()];
  }
}
