import { strictObject } from '../../spec/validation/strictObject';
import type { SloFact, SloFacts } from '../facts';
import type { ScorecardCheck, ScorecardCheckOutcome } from '../ScorecardCheck';
import { count, fail, listSome, pass, unknown } from './outcomes';

const NOT_COLLECTED = 'SLO data was not collected';
const NO_FILES = 'no SLO files declared (reliability/slos annotation)';

/**
 * The common start of the SLO checks: unknown without data, failing without SLOs.
 * Returns the SLOs when there are some to look at.
 */
function sloGate(
  slos: SloFacts | undefined,
): ScorecardCheckOutcome | readonly SloFact[] {
  if (!slos) {
    return unknown(NOT_COLLECTED);
  }
  if (!slos.filesDeclared) {
    return fail(NO_FILES);
  }
  if (slos.slos.length === 0) {
    return fail('the SLO files define no valid SLO');
  }
  return slos.slos;
}

/**
 * Judges each SLO: `true` good, `false` bad, `undefined` unknown. The check fails when any SLO is
 * bad, is unknown when none is bad but some are unknown, and passes otherwise.
 */
function judgeEach(
  slos: readonly SloFact[],
  judge: (slo: SloFact) => boolean | undefined,
  words: { good: string; bad: string; unknown: string },
): ScorecardCheckOutcome {
  // Lists are made only when needed: most entities pass, and this runs for every one.
  let bad: string[] | undefined;
  let unknownNames: string[] | undefined;
  for (const slo of slos) {
    const verdict = judge(slo);
    if (verdict === false) {
      (bad ??= []).push(slo.name);
    } else if (verdict === undefined) {
      (unknownNames ??= []).push(slo.name);
    }
  }
  if (bad) {
    return fail(
      `${bad.length} of ${count(slos.length, 'SLO')} ${words.bad}: ${listSome(
        bad,
      )}`,
    );
  }
  if (unknownNames) {
    return unknown(
      `${unknownNames.length} of ${count(slos.length, 'SLO')} ${
        words.unknown
      }: ${listSome(unknownNames)}`,
    );
  }
  return pass(`all ${count(slos.length, 'SLO')} ${words.good}`);
}

/**
 * The entity has SLOs.
 *
 * @public
 */
export const sloDefinedCheck: ScorecardCheck<Record<string, never>> = {
  id: 'slo-defined',
  title: 'SLOs defined',
  description:
    'The entity declares SLO files (reliability/slos annotation) that define at least one valid SLO.',
  paramsSchema: strictObject({}),
  remediation:
    'Write an OpenSLO or Sloth file for the service and name it in the reliability/slos annotation of catalog-info.yaml.',
  evaluate({ slos }) {
    const gate = sloGate(slos);
    return 'status' in gate
      ? gate
      : pass(`${count(gate.length, 'SLO')} defined`);
  },
};

/**
 * The SLO files are free of errors.
 *
 * @public
 */
export const sloFilesValidCheck: ScorecardCheck<Record<string, never>> = {
  id: 'slo-files-valid',
  title: 'SLO files valid',
  description:
    'The SLO files named by reliability/slos exist and have no errors. An entity without SLO files fails.',
  paramsSchema: strictObject({}),
  remediation:
    'Run `reliability validate` on the SLO files (or open the entity page) and fix the problems it lists.',
  evaluate({ slos }) {
    if (!slos) {
      return unknown(NOT_COLLECTED);
    }
    if (!slos.filesDeclared) {
      return fail(NO_FILES);
    }
    if (slos.fileProblemCount > 0) {
      const first = slos.fileProblemMessages[0];
      return fail(
        `${count(slos.fileProblemCount, 'problem')} in the SLO files${
          first ? `, first: ${first}` : ''
        }`,
      );
    }
    return pass('the SLO files have no problems');
  },
};

/**
 * Every SLO meets its objective.
 *
 * @public
 */
export const sloMetCheck: ScorecardCheck<Record<string, never>> = {
  id: 'slo-met',
  title: 'SLOs met',
  description:
    'Every SLO met its objective over its window. SLOs without data yet make the check unknown.',
  paramsSchema: strictObject({}),
  remediation:
    'Follow the error budget policy of the missed SLOs: prioritise reliability work until they recover.',
  evaluate({ slos }) {
    const gate = sloGate(slos);
    return 'status' in gate
      ? gate
      : judgeEach(gate, slo => slo.objectiveMet, {
          good: 'met their objective',
          bad: 'missed the objective',
          unknown: 'have no data yet',
        });
  },
};

/**
 * No SLO has spent its error budget.
 *
 * @public
 */
export const errorBudgetNotExhaustedCheck: ScorecardCheck<
  Record<string, never>
> = {
  id: 'error-budget-not-exhausted',
  title: 'Error budgets left',
  description: 'No SLO has exhausted its error budget in the current window.',
  paramsSchema: strictObject({}),
  remediation:
    'Apply the error budget policy: pause risky changes and spend the time on the causes of the burn.',
  evaluate({ slos }) {
    const gate = sloGate(slos);
    return 'status' in gate
      ? gate
      : judgeEach(
          gate,
          slo => {
            if (slo.exhausted !== undefined) {
              return !slo.exhausted;
            }
            return slo.budgetRemainingRatio === undefined
              ? undefined
              : slo.budgetRemainingRatio > 0;
          },
          {
            good: 'have budget left',
            bad: 'exhausted the error budget',
            unknown: 'have no budget data yet',
          },
        );
  },
};

/**
 * Every SLO says what happens when its budget runs out.
 *
 * @public
 */
export const errorBudgetPolicyDeclaredCheck: ScorecardCheck<
  Record<string, never>
> = {
  id: 'error-budget-policy-declared',
  title: 'Error budget policy declared',
  description:
    'Every SLO has an error budget policy, agreed in advance, that says what the team does when the budget runs low.',
  paramsSchema: strictObject({}),
  remediation:
    'Declare an error budget policy for each SLO (see the Reliability docs on budget policies) and agree it with the product owner.',
  evaluate({ slos }) {
    const gate = sloGate(slos);
    return 'status' in gate
      ? gate
      : judgeEach(gate, slo => slo.policyDeclared, {
          good: 'declare a budget policy',
          bad: 'declare no budget policy',
          unknown: 'have an unknown policy',
        });
  },
};
