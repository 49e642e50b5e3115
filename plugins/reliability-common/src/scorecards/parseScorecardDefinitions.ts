import { z } from 'zod';
import { parseReliabilityTier } from '../catalog/annotations';
import { strictObject } from '../spec/validation/strictObject';
import { builtInScorecardChecks } from './checks';
import type {
  ScorecardCheckReference,
  ScorecardDefinition,
  ScorecardDefinitionProblem,
  ScorecardLevel,
} from './definitions';
import { describeIssues, formatKeyPath } from './describeIssues';
import { ScorecardCheckRegistry } from './ScorecardCheckRegistry';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SCORECARDS = 200;
const MAX_LEVELS = 10;
const MAX_CHECKS_PER_LEVEL = 100;

const idSchema = (what: string) =>
  z
    .string()
    .regex(KEBAB, {
      error: `${what} must be lower-case kebab-case, e.g. "production-readiness"`,
    })
    .max(100, { error: `${what} must be at most 100 characters` });

const text = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `"${field}" must not be empty` })
    .max(max, { error: `"${field}" must be at most ${max} characters` });

const valueList = (field: string) =>
  z
    .array(text(field, 253))
    .min(1, {
      error: `list at least one ${field}, or leave the field out to allow any`,
    })
    .max(500, { error: `list at most 500 values` });

const tierSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const tier = parseReliabilityTier(String(value));
  if (tier === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(
        value,
      )} is not a tier: write 1, 2, 3 or 4 (1 is the most critical)`,
    });
    return z.NEVER;
  }
  return tier;
});

/**
 * The filter of a scorecard or campaign.
 *
 * @internal
 */
export const appliesToSchema = strictObject({
  kind: valueList('kind').optional(),
  type: valueList('type').optional(),
  lifecycle: valueList('lifecycle').optional(),
  tier: z
    .array(tierSchema)
    .min(1, {
      error: 'list at least one tier, or leave the field out to allow any',
    })
    .optional(),
  namespace: valueList('namespace').optional(),
  owner: valueList('owner').optional(),
  system: valueList('system').optional(),
});

const httpUrl = z
  .string()
  .regex(/^https?:\/\/\S+$/i, { error: 'expected an http(s) URL' });

const checkReferenceSchema = strictObject({
  check: z.string({ error: 'write the id of a check, e.g. "runbook-present"' }),
  id: idSchema('"id"').optional(),
  title: text('title', 200).optional(),
  params: z
    .record(z.string(), z.unknown(), {
      error: "expected a mapping of the check's params, e.g. { days: 90 }",
    })
    .optional(),
  remediation: text('remediation', 2000).optional(),
  docsUrl: httpUrl.optional(),
});

const levelSchema = strictObject({
  name: text('name', 100),
  description: text('description', 2000).optional(),
  checks: z
    .array(checkReferenceSchema)
    .min(1, { error: 'a level needs at least one check' })
    .max(MAX_CHECKS_PER_LEVEL, {
      error: `a level has at most ${MAX_CHECKS_PER_LEVEL} checks`,
    }),
});

const scorecardSchema = strictObject({
  id: idSchema('"id"'),
  title: text('title', 200),
  description: text('description', 2000).optional(),
  appliesTo: appliesToSchema.optional(),
  levels: z
    .array(levelSchema)
    .min(1, { error: 'a scorecard needs at least one level, e.g. Bronze' })
    .max(MAX_LEVELS, { error: `a scorecard has at most ${MAX_LEVELS} levels` }),
});

/**
 * Options of {@link parseScorecardDefinitions}.
 *
 * @public
 */
export interface ParseScorecardDefinitionsOptions {
  /** Where the value came from, e.g. `app-config` or `scorecards.yaml`; copied into problems. */
  source: string;
  /**
   * Key path of the value, the start of every problem's path. Defaults to
   * `reliability.scorecards`; use `''` for a file whose document is the list itself.
   */
  path?: string;
  /** The checks scorecards may name; defaults to the built-in checks. */
  checks?: ScorecardCheckRegistry;
}

/**
 * What {@link parseScorecardDefinitions} found: the valid scorecards, and problems. A scorecard
 * with any problem is left out whole, because dropping only its broken checks would silently
 * lower its bar.
 *
 * @public
 */
export interface ScorecardDefinitionsParse {
  scorecards: ScorecardDefinition[];
  problems: ScorecardDefinitionProblem[];
}

/**
 * Validates scorecard definitions (a list of scorecards, as under `reliability.scorecards` in
 * app-config or in a YAML file): structure, unique ids, known checks and each check's params
 * (validated by the check's own schema). Never throws; every problem names the exact key path
 * and how to fix it. `undefined` (nothing configured) gives no scorecards and no problems.
 *
 * @public
 */
export function parseScorecardDefinitions(
  value: unknown,
  options: ParseScorecardDefinitionsOptions,
): ScorecardDefinitionsParse {
  const root = options.path ?? 'reliability.scorecards';
  const problems: ScorecardDefinitionProblem[] = [];
  const problem = (path: readonly PropertyKey[], message: string) =>
    problems.push({
      source: options.source,
      path: formatKeyPath(root, path),
      message,
      keyPath: path.filter(
        (segment): segment is string | number =>
          typeof segment === 'string' || typeof segment === 'number',
      ),
    });
  if (value === undefined || value === null) {
    return { scorecards: [], problems };
  }
  if (!Array.isArray(value)) {
    problem(
      [],
      'expected a list of scorecards, each with id, title and levels',
    );
    return { scorecards: [], problems };
  }
  if (value.length > MAX_SCORECARDS) {
    problem([], `at most ${MAX_SCORECARDS} scorecards are allowed`);
    return { scorecards: [], problems };
  }
  try {
    const checks =
      options.checks ?? ScorecardCheckRegistry.create(builtInScorecardChecks);
    const scorecards: ScorecardDefinition[] = [];
    const seenIds = new Map<string, number>();
    value.forEach((item, index) => {
      const before = problems.length;
      const scorecard = readScorecard(item, [index], checks, options, problem);
      const id = isRecord(item) ? item.id : undefined;
      if (typeof id === 'string') {
        const first = seenIds.get(id);
        if (first !== undefined) {
          problem(
            [index, 'id'],
            `the id "${id}" is already used by scorecard ${first}; give each scorecard its own id`,
          );
        } else {
          seenIds.set(id, index);
        }
      }
      if (scorecard && problems.length === before) {
        scorecards.push(scorecard);
      }
    });
    return { scorecards, problems };
  } catch (error) {
    // A custom check's schema may throw from a transform; report it rather than crash startup.
    problem(
      [],
      `the scorecards could not be read: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
    return { scorecards: [], problems };
  }
}

function readScorecard(
  value: unknown,
  path: PropertyKey[],
  checks: ScorecardCheckRegistry,
  options: ParseScorecardDefinitionsOptions,
  problem: (path: readonly PropertyKey[], message: string) => void,
): ScorecardDefinition | undefined {
  const parsed = scorecardSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of describeIssues(parsed.error.issues, value)) {
      problem([...path, ...issue.path], issue.message);
    }
  }
  // Check references are validated even when other parts are wrong, so that one pass lists
  // every mistake.
  const levels = readLevels(value, path, checks, problem);
  if (!parsed.success || !levels) {
    return undefined;
  }
  return {
    id: parsed.data.id,
    title: parsed.data.title,
    description: parsed.data.description,
    appliesTo: parsed.data.appliesTo ?? {},
    levels,
    source: options.source,
  };
}

function readLevels(
  value: unknown,
  path: PropertyKey[],
  checks: ScorecardCheckRegistry,
  problem: (path: readonly PropertyKey[], message: string) => void,
): ScorecardLevel[] | undefined {
  const rawLevels = isRecord(value) ? value.levels : undefined;
  if (!Array.isArray(rawLevels)) {
    return undefined;
  }
  let valid = true;
  const levelNames = new Map<string, number>();
  const checkIds = new Map<string, string>();
  const levels: ScorecardLevel[] = [];
  rawLevels.forEach((rawLevel, levelIndex) => {
    const levelPath = [...path, 'levels', levelIndex];
    const parsedLevel = levelSchema.safeParse(rawLevel);
    if (parsedLevel.success) {
      const key = parsedLevel.data.name.toLowerCase();
      const first = levelNames.get(key);
      if (first !== undefined) {
        problem(
          [...levelPath, 'name'],
          `the level name "${parsedLevel.data.name}" is already used by level ${first}; give each level its own name`,
        );
        valid = false;
      }
      levelNames.set(key, levelIndex);
    }
    const rawChecks = isRecord(rawLevel) ? rawLevel.checks : undefined;
    const references: ScorecardCheckReference[] = [];
    if (Array.isArray(rawChecks)) {
      rawChecks.forEach((rawCheck, checkIndex) => {
        const reference = readCheckReference(
          rawCheck,
          [...levelPath, 'checks', checkIndex],
          checks,
          problem,
        );
        if (!reference) {
          valid = false;
          return;
        }
        const usedBy = checkIds.get(reference.id);
        if (usedBy !== undefined) {
          problem(
            [...levelPath, 'checks', checkIndex, 'id'],
            `the check id "${reference.id}" is already used in level "${usedBy}"; add "id" with a name of its own (needed to use a check twice)`,
          );
          valid = false;
        }
        checkIds.set(reference.id, describeLevel(rawLevel, levelIndex));
        references.push(reference);
      });
    }
    if (!parsedLevel.success) {
      valid = false;
      return;
    }
    levels.push({
      name: parsedLevel.data.name,
      description: parsedLevel.data.description,
      checks: references,
    });
  });
  return valid ? levels : undefined;
}

function readCheckReference(
  value: unknown,
  path: PropertyKey[],
  checks: ScorecardCheckRegistry,
  problem: (path: readonly PropertyKey[], message: string) => void,
): ScorecardCheckReference | undefined {
  // Structural problems of the reference are reported with its level's; here only the check
  // itself and its params.
  const parsed = checkReferenceSchema.safeParse(value);
  const checkId = isRecord(value) ? value.check : undefined;
  if (typeof checkId !== 'string') {
    return undefined;
  }
  const check = checks.get(checkId);
  if (!check) {
    problem(
      [...path, 'check'],
      `unknown check "${checkId}": use one of ${checks
        .list()
        .map(known => `"${known.id}"`)
        .join(
          ', ',
        )}, or add the check from a backend module through the reliability.scorecard-checks extension point`,
    );
    return undefined;
  }
  const rawParams = isRecord(value) ? value.params ?? {} : {};
  if (!isRecord(rawParams)) {
    // The reference schema reports the wrong type.
    return undefined;
  }
  const params = check.paramsSchema.safeParse(rawParams);
  if (!params.success) {
    for (const issue of describeIssues(params.error.issues, rawParams)) {
      problem(
        [...path, 'params', ...issue.path],
        `${issue.message} (check "${check.id}")`,
      );
    }
    return undefined;
  }
  if (!parsed.success) {
    return undefined;
  }
  return {
    id: parsed.data.id ?? check.id,
    check: check.id,
    title: parsed.data.title ?? check.title,
    params: rawParams,
    remediation: parsed.data.remediation ?? check.remediation,
    docsUrl: parsed.data.docsUrl ?? check.docsUrl,
  };
}

function describeLevel(level: unknown, index: number): string {
  return isRecord(level) && typeof level.name === 'string'
    ? level.name
    : String(index);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
