import { builtInScorecardChecks } from './checks';
import { compileAppliesTo, EntityFilter } from './appliesTo';
import type { ScorecardDefinition } from './definitions';
import type { EntityFacts } from './facts';
import type {
  ScorecardCheckResult,
  ScorecardExemption,
  ScorecardLevelResult,
  ScorecardResult,
} from './results';
import type { ScorecardCheck, ScorecardCheckOutcome } from './ScorecardCheck';
import { ScorecardCheckRegistry } from './ScorecardCheckRegistry';
import { nowMs } from './now';

/**
 * Options of {@link evaluateScorecard} and {@link evaluateScorecards}.
 *
 * @public
 */
export interface ScorecardEvaluationOptions {
  /** The checks the scorecards name; defaults to the built-in checks. */
  checks?: ScorecardCheckRegistry;
  /** Exemptions; expired ones (and ones with an unreadable `expiresAt`) are ignored. */
  exemptions?: readonly ScorecardExemption[];
  /** When "now" is, for exemption expiry; defaults to the current time. */
  now?: Date | number;
}

const NONE: readonly string[] = Object.freeze([]);
const NO_LEVELS: readonly ScorecardLevelResult[] = Object.freeze([]);
const NO_CHECKS: readonly ScorecardCheckResult[] = Object.freeze([]);

interface CompiledCheck {
  id: string;
  level: number;
  check?: ScorecardCheck;
  params?: unknown;
  /** Why the check cannot run, when the definition was not validated by the parser. */
  broken?: ScorecardCheckOutcome;
}

interface CompiledScorecard {
  definition: ScorecardDefinition;
  applies: EntityFilter;
  checks: CompiledCheck[];
  levelNames: string[];
  /** Active exemptions of this scorecard by entity ref, then by check id. */
  exemptions: Map<string, Map<string, ScorecardExemption>>;
}

function compileExemptions(
  scorecardId: string,
  exemptions: readonly ScorecardExemption[],
  now: number,
): Map<string, Map<string, ScorecardExemption>> {
  const byEntity = new Map<string, Map<string, ScorecardExemption>>();
  const expiry = new Map<ScorecardExemption, number>();
  for (const exemption of exemptions) {
    const expiresAt = Date.parse(exemption.expiresAt);
    // NaN compares false, so an unreadable expiry never counts.
    if (exemption.scorecardId !== scorecardId || !(expiresAt > now)) {
      continue;
    }
    const ref = exemption.entityRef.toLowerCase();
    let byCheck = byEntity.get(ref);
    if (!byCheck) {
      byCheck = new Map();
      byEntity.set(ref, byCheck);
    }
    const existing = byCheck.get(exemption.checkId);
    // Of two active exemptions, show the one that lasts longer.
    if (!existing || expiresAt > expiry.get(existing)!) {
      byCheck.set(exemption.checkId, exemption);
      expiry.set(exemption, expiresAt);
    }
  }
  return byEntity;
}

function compileScorecard(
  definition: ScorecardDefinition,
  registry: ScorecardCheckRegistry,
  exemptions: readonly ScorecardExemption[],
  now: number,
): CompiledScorecard {
  const checks: CompiledCheck[] = [];
  definition.levels.forEach((level, levelIndex) => {
    for (const reference of level.checks) {
      const check = registry.get(reference.check);
      if (!check) {
        checks.push({
          id: reference.id,
          level: levelIndex,
          broken: {
            status: 'unknown',
            message: `the check "${reference.check}" is not registered`,
          },
        });
        continue;
      }
      // Params are prepared once per scorecard: defaults filled in, patterns compiled.
      const params = check.paramsSchema.safeParse(reference.params ?? {});
      checks.push(
        params.success
          ? { id: reference.id, level: levelIndex, check, params: params.data }
          : {
              id: reference.id,
              level: levelIndex,
              broken: {
                status: 'unknown',
                message: `the params of the check are not valid: ${params.error.issues
                  .map(issue => issue.message)
                  .join('; ')}`,
              },
            },
      );
    }
  });
  return {
    definition,
    applies: compileAppliesTo(definition.appliesTo ?? {}),
    checks,
    levelNames: definition.levels.map(level => level.name),
    exemptions: compileExemptions(definition.id, exemptions, now),
  };
}

function runCheck(
  compiled: CompiledCheck,
  facts: EntityFacts,
): ScorecardCheckOutcome {
  if (compiled.broken) {
    return compiled.broken;
  }
  try {
    return compiled.check!.evaluate(facts, compiled.params);
  } catch (error) {
    // A custom check must not take the whole evaluation down with it.
    return {
      status: 'unknown',
      message: `the check failed: ${
        error instanceof Error ? error.message : String(error)
      }`,
    };
  }
}

function evaluateCompiled(
  scorecard: CompiledScorecard,
  facts: EntityFacts,
): ScorecardResult {
  const entity = facts.entity;
  if (!scorecard.applies(entity)) {
    return {
      scorecardId: scorecard.definition.id,
      entityRef: entity.ref,
      ownerRef: entity.ownerRef,
      systemRef: entity.systemRef,
      domainRef: entity.domainRef,
      applies: false,
      levelIndex: -1,
      levels: NO_LEVELS,
      checks: NO_CHECKS,
    };
  }
  const exemptions = scorecard.exemptions.get(entity.ref);
  const levelCount = scorecard.levelNames.length;
  const failed: string[][] = [];
  const unknownIds: string[][] = [];
  const checks: ScorecardCheckResult[] = new Array(scorecard.checks.length);
  for (let index = 0; index < scorecard.checks.length; index++) {
    const compiled = scorecard.checks[index];
    const outcome = runCheck(compiled, facts);
    const exemption = exemptions?.get(compiled.id);
    const result: ScorecardCheckResult = {
      id: compiled.id,
      status:
        exemption && outcome.status !== 'pass' ? 'exempt' : outcome.status,
      checkStatus: outcome.status,
      message: outcome.message,
    };
    if (exemption) {
      result.exemption = exemption;
    }
    checks[index] = result;
    if (result.status === 'fail' || result.status === 'unknown') {
      const lists = result.status === 'fail' ? failed : unknownIds;
      (lists[compiled.level] ??= []).push(compiled.id);
    }
  }
  const levels: ScorecardLevelResult[] = new Array(levelCount);
  let levelIndex = -1;
  let reachedSoFar = true;
  for (let index = 0; index < levelCount; index++) {
    const passed = !failed[index] && !unknownIds[index];
    levels[index] = {
      name: scorecard.levelNames[index],
      passed,
      failed: failed[index] ?? NONE,
      unknown: unknownIds[index] ?? NONE,
    };
    // A level counts only on top of all lower ones: gaps end the climb.
    reachedSoFar = reachedSoFar && passed;
    if (reachedSoFar) {
      levelIndex = index;
    }
  }
  return {
    scorecardId: scorecard.definition.id,
    entityRef: entity.ref,
    ownerRef: entity.ownerRef,
    systemRef: entity.systemRef,
    domainRef: entity.domainRef,
    applies: true,
    level: levelIndex >= 0 ? scorecard.levelNames[levelIndex] : undefined,
    levelIndex,
    levels,
    checks,
  };
}

function defaultRegistry(options: ScorecardEvaluationOptions) {
  return (
    options.checks ?? ScorecardCheckRegistry.create(builtInScorecardChecks)
  );
}

/**
 * Evaluates one scorecard for one entity. Checks without data count as not passed ("no data"),
 * so a level is reached only on evidence. Never throws: a check that throws, or a check the
 * registry does not know, answers `unknown`.
 *
 * @public
 */
export function evaluateScorecard(
  scorecard: ScorecardDefinition,
  facts: EntityFacts,
  options: ScorecardEvaluationOptions = {},
): ScorecardResult {
  const compiled = compileScorecard(
    scorecard,
    defaultRegistry(options),
    options.exemptions ?? [],
    nowMs(options.now),
  );
  return evaluateCompiled(compiled, facts);
}

/**
 * Evaluates many scorecards for many entities: each scorecard is compiled once (checks looked up,
 * params prepared, exemptions indexed), then run over every entity. Results are grouped by
 * scorecard, in the order given, then by entity; entities a scorecard does not apply to get a
 * result with `applies: false`.
 *
 * @public
 */
export function evaluateScorecards(
  scorecards: readonly ScorecardDefinition[],
  factsList: readonly EntityFacts[],
  options: ScorecardEvaluationOptions = {},
): ScorecardResult[] {
  const registry = defaultRegistry(options);
  const now = nowMs(options.now);
  const results: ScorecardResult[] = new Array(
    scorecards.length * factsList.length,
  );
  let next = 0;
  for (const scorecard of scorecards) {
    const compiled = compileScorecard(
      scorecard,
      registry,
      options.exemptions ?? [],
      now,
    );
    for (const facts of factsList) {
      results[next++] = evaluateCompiled(compiled, facts);
    }
  }
  return results;
}
