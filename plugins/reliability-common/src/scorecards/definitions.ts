/**
 * Scorecards as code: what platform teams write under `reliability.scorecards` in app-config or
 * in a YAML file, after {@link parseScorecardDefinitions} has validated it.
 */
import type { ReliabilityTier } from '../catalog/annotations';

/**
 * Which entities a scorecard (or a campaign) is about. Each field lists the allowed values; an
 * entity must match every field given. Text values compare case-insensitively, as catalog
 * filters do. An empty filter takes every entity.
 *
 * @public
 */
export interface ScorecardAppliesTo {
  kind?: string[];
  /** `spec.type`, e.g. `service`, `website`. */
  type?: string[];
  /** `spec.lifecycle`, e.g. `production`. */
  lifecycle?: string[];
  /** Entities without a valid `reliability/tier` never match a tier filter. */
  tier?: ReliabilityTier[];
  namespace?: string[];
  /** Owner entity refs, completed as Backstage does: `payments` means `group:default/payments`. */
  owner?: string[];
  /** System entity refs, completed as Backstage does: `shop` means `system:default/shop`. */
  system?: string[];
}

/**
 * One check a level requires, as the scorecard names it.
 *
 * @public
 */
export interface ScorecardCheckReference {
  /** Unique within the scorecard; exemptions and results name the check by it. Defaults to `check`. */
  id: string;
  /** The id of the built-in or custom check. */
  check: string;
  /** Defaults to the check's title. */
  title: string;
  /** The params as written (`{}` when none); the check's schema fills in defaults when evaluating. */
  params: Record<string, unknown>;
  /** Defaults to the check's remediation. */
  remediation: string;
  docsUrl?: string;
}

/**
 * A level of a scorecard, e.g. Bronze: reached when its checks and those of all lower levels pass.
 *
 * @public
 */
export interface ScorecardLevel {
  name: string;
  description?: string;
  checks: ScorecardCheckReference[];
}

/**
 * A production-readiness scorecard: ordered levels of checks, for the entities it applies to.
 *
 * @public
 */
export interface ScorecardDefinition {
  /** Unique kebab-case id, e.g. `production-readiness`. */
  id: string;
  title: string;
  description?: string;
  appliesTo: ScorecardAppliesTo;
  /** Lowest first. */
  levels: ScorecardLevel[];
  /** Where the definition was read from, e.g. `app-config` or a file path. */
  source: string;
}

/**
 * A mistake in a scorecard definition: where (the exact key path) and how to fix it.
 *
 * @public
 */
export interface ScorecardDefinitionProblem {
  /** Where the definitions came from, as the caller named it. */
  source: string;
  /** Key path of the offending value, e.g. `reliability.scorecards[0].levels[1].checks[2].params.days`. */
  path: string;
  /** What was wrong and what to write instead. */
  message: string;
  /** The path's segments below the value given to the parser, to find the value in a file. */
  keyPath?: ReadonlyArray<string | number>;
  /** The file, when the definitions came from one. */
  file?: string;
  /** 1-based line of the offending value in `file`. */
  line?: number;
  /** 1-based column of the offending value in `file`. */
  column?: number;
}

/**
 * Formats a problem as `source: path message`, one line for logs and the CLI.
 *
 * @public
 */
export function formatScorecardDefinitionProblem(
  problem: ScorecardDefinitionProblem,
): string {
  const where =
    problem.line !== undefined
      ? `${problem.file ?? problem.source}:${problem.line}:${
          problem.column ?? 1
        }`
      : problem.source;
  return `${where}: ${problem.path} ${problem.message}`;
}
