import type { SpecProblem } from '../../../problems';
import type {
  ServiceLevelObjective,
  SliDefinition,
  SloObjective,
} from '../../model';
import { hasErrorsSince } from '../../problemCounts';
import type { PathSegment } from '../../yaml/path';
import type { YamlObject } from '../../yaml/YamlObject';
import {
  durationShorthandMs,
  parseDurationShorthand,
} from '../durationShorthand';
import type { OpenSloV1Objective } from './schema';

const MINUTE_MS = 60 * 1000;

/**
 * Checks one objective against the rules that relate its fields to each other, to the SLI kind and
 * to the budgeting method, and gives the model's objective; `undefined` when an error was
 * reported.
 *
 * @internal
 */
export function toObjective(
  objective: OpenSloV1Objective,
  at: { object: YamlObject; path: readonly PathSegment[] },
  sliKind: SliDefinition['kind'],
  budgetingMethod: ServiceLevelObjective['budgetingMethod'],
  problems: SpecProblem[],
): SloObjective | undefined {
  const start = problems.length;
  const problem = (
    path: readonly PathSegment[],
    message: string,
    severity: SpecProblem['severity'] = 'error',
  ) =>
    problems.push(at.object.problem([...at.path, ...path], message, severity));

  const target = toTarget(objective, problem);

  if (sliKind === 'threshold') {
    if (objective.op === undefined) {
      problem(
        [],
        '"op" is required with a thresholdMetric SLI: lt, lte, gt or gte, comparing each measurement with "value"',
      );
    }
    if (objective.value === undefined) {
      problem(
        [],
        '"value" is required with a thresholdMetric SLI: the threshold each measurement is compared with',
      );
    }
  } else {
    if (objective.op !== undefined) {
      // The spec's own examples set `op` on ratio SLOs while the reference validator rejects it;
      // accepting it with a warning keeps those files usable and still tells the author.
      problem(
        ['op'],
        'op is ignored for ratio SLIs: a ratio objective compares good events with all events; remove it',
        'warning',
      );
    }
    if (objective.value !== undefined) {
      problem(
        ['value'],
        '"value" applies only to thresholdMetric SLIs; a ratio objective has only a target',
      );
    }
  }

  const timeSlices = toTimeSlices(objective, budgetingMethod, problem);

  if (!target || !timeSlices || hasErrorsSince(problems, start)) {
    return undefined;
  }
  return {
    ...(objective.displayName !== undefined
      ? { displayName: objective.displayName }
      : {}),
    ...target,
    ...(sliKind === 'threshold'
      ? { op: objective.op, value: objective.value }
      : {}),
    ...timeSlices,
  };
}

type Report = (
  path: readonly PathSegment[],
  message: string,
  severity?: SpecProblem['severity'],
) => void;

function toTarget(
  objective: OpenSloV1Objective,
  problem: Report,
): Pick<SloObjective, 'target' | 'targetPercent'> | undefined {
  const { target, targetPercent } = objective;
  if (target !== undefined && targetPercent !== undefined) {
    problem(
      ['targetPercent'],
      'set either "target" (a ratio such as 0.999) or "targetPercent" (such as 99.9), not both',
    );
    return undefined;
  }
  if (target !== undefined) {
    if (!(target > 0 && target < 1)) {
      const hint =
        target >= 1 && target < 100
          ? `; for a percentage write targetPercent: ${target}`
          : '';
      problem(
        ['target'],
        `target must be greater than 0 and less than 1, e.g. 0.999, got ${target}${hint}`,
      );
      return undefined;
    }
    // Sloth converts OpenSLO ratios to percentages this way; the rules print the result.
    return { target, targetPercent: target * 100 };
  }
  if (targetPercent !== undefined) {
    if (!(targetPercent > 0 && targetPercent < 100)) {
      problem(
        ['targetPercent'],
        `targetPercent must be greater than 0 and less than 100, e.g. 99.9, got ${targetPercent}`,
      );
      return undefined;
    }
    return { target: targetPercent / 100, targetPercent };
  }
  problem(
    [],
    '"target" (a ratio such as 0.999) or "targetPercent" (such as 99.9) is required',
  );
  return undefined;
}

function toTimeSlices(
  objective: OpenSloV1Objective,
  budgetingMethod: ServiceLevelObjective['budgetingMethod'],
  problem: Report,
): Pick<SloObjective, 'timeSliceTarget' | 'timeSliceWindowMs'> | undefined {
  const { timeSliceTarget, timeSliceWindow } = objective;
  const windowMs = timeSliceWindowMs(timeSliceWindow);

  if (budgetingMethod === 'Occurrences') {
    for (const field of ['timeSliceTarget', 'timeSliceWindow'] as const) {
      if (objective[field] !== undefined) {
        problem(
          [field],
          `${field} is ignored with Occurrences budgeting, which counts events rather than time slices`,
          'warning',
        );
      }
    }
    return {};
  }

  let valid = true;
  if (windowMs === undefined) {
    problem(
      [],
      `"timeSliceWindow" is required with ${budgetingMethod} budgeting: the length of a time slice, e.g. 1m`,
    );
    valid = false;
  }
  if (budgetingMethod === 'Timeslices') {
    if (timeSliceTarget === undefined) {
      problem(
        [],
        '"timeSliceTarget" is required with Timeslices budgeting: the share of good events that makes a slice good, e.g. 0.95',
      );
      valid = false;
    } else if (!(timeSliceTarget > 0 && timeSliceTarget <= 1)) {
      problem(
        ['timeSliceTarget'],
        `timeSliceTarget must be greater than 0 and at most 1, e.g. 0.95, got ${timeSliceTarget}`,
      );
      valid = false;
    }
  } else if (timeSliceTarget !== undefined) {
    problem(
      ['timeSliceTarget'],
      'timeSliceTarget is ignored with RatioTimeslices budgeting, which averages the ratio of every slice',
      'warning',
    );
  }
  if (!valid) {
    return undefined;
  }
  return {
    ...(budgetingMethod === 'Timeslices' ? { timeSliceTarget } : {}),
    timeSliceWindowMs: windowMs,
  };
}

/** A bare number is minutes, as the spec says; the schema has checked the shorthand. */
function timeSliceWindowMs(
  window: OpenSloV1Objective['timeSliceWindow'],
): number | undefined {
  if (typeof window === 'number') {
    return window * MINUTE_MS;
  }
  return window === undefined
    ? undefined
    : durationShorthandMs(parseDurationShorthand(window)!);
}
