import type { z } from 'zod';
import type { EntityFacts } from './facts';

/**
 * What one check found for one entity. `unknown` means the facts it needs were not collected; it
 * never counts as passed.
 *
 * @public
 */
export type ScorecardCheckStatus = 'pass' | 'fail' | 'unknown';

/**
 * The answer of {@link ScorecardCheck.evaluate}.
 *
 * @public
 */
export interface ScorecardCheckOutcome {
  status: ScorecardCheckStatus;
  /** What was found, in a sentence a service owner understands ("2 of 3 runbooks answered"). */
  message: string;
}

/**
 * A check a scorecard level can require, built in or added by a backend module through the
 * `reliability.scorecard-checks` extension point.
 *
 * `paramsSchema` validates the `params` a scorecard gives the check; its output is what
 * `evaluate` receives. Parameters are parsed once when the scorecard is read, so a schema may
 * prepare expensive things (compile a regular expression) in a transform.
 *
 * `evaluate` must be pure and fast: it runs for every entity and must not throw; it answers
 * `unknown` when the facts it needs are missing.
 *
 * @public
 */
export interface ScorecardCheck<TParams = any> {
  /** Unique kebab-case id that scorecards name the check by, e.g. `runbook-fresh`. */
  readonly id: string;
  readonly title: string;
  /** What the check requires and why it matters. */
  readonly description: string;
  /** Validates and prepares the params; use `z.strictObject({})` for a check without params. */
  readonly paramsSchema: z.ZodType<TParams>;
  /** What to do when the check fails; a scorecard may override it. */
  readonly remediation: string;
  /** Where to read more; a scorecard may override it. */
  readonly docsUrl?: string;
  evaluate(facts: EntityFacts, params: TParams): ScorecardCheckOutcome;
}
