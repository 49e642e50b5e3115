import type { SpecProblem } from '../../../problems';
import type {
  ServiceLevelObjective,
  SliDefinition,
  SliMetricSource,
  SloObjective,
  SloTimeWindow,
} from '../../model';
import { SLOTH_NAME, SLOTH_NAME_RULE } from '../../names';
import { hasErrorsSince } from '../../problemCounts';
import { checkSchema } from '../../validation/checkSchema';
import type { YamlObject } from '../../yaml/YamlObject';
import { checkCalendar } from '../calendarWindow';
import { objectiveToSlo } from '../objectiveToSlo';
import {
  OpenSloV1AlphaMetricSource,
  OpenSloV1AlphaObjective,
  OpenSloV1AlphaSlo,
  OpenSloV1AlphaTimeWindow,
  openSloV1AlphaSchemas,
} from './schema';

const SECOND_MS = 1000;
const DAY_MS = 24 * 60 * 60 * SECOND_MS;

/** Fixed lengths for rolling windows; months and quarters as the OpenSLO SDK counts them. */
const UNIT_MS: Record<OpenSloV1AlphaTimeWindow['unit'], number> = {
  Second: SECOND_MS,
  Day: DAY_MS,
  Week: 7 * DAY_MS,
  Month: 30 * DAY_MS,
  Quarter: 90 * DAY_MS,
};

/**
 * Parses an OpenSLO v1alpha object. An SLO becomes one model SLO per objective, named exactly as
 * Sloth names them: `<name>-<index>`, id `<service>-<name>-<index>`. Services are checked and
 * otherwise ignored.
 *
 * @internal
 */
export function parseOpenSloV1Alpha(
  object: YamlObject,
  kind: 'SLO' | 'Service',
): { slos: ServiceLevelObjective[]; problems: SpecProblem[] } {
  if (kind === 'Service') {
    const check = checkSchema(openSloV1AlphaSchemas.Service, object, {
      unknownFields: 'error',
    });
    return { slos: [], problems: check.problems };
  }
  const check = checkSchema(openSloV1AlphaSchemas.SLO, object, {
    unknownFields: 'error',
  });
  const problems = check.problems;
  if (!check.data) {
    return { slos: [], problems };
  }
  const slo = check.data;
  const spec = slo.spec;
  const start = problems.length;

  if (!SLOTH_NAME.test(spec.service)) {
    problems.push(
      object.problem(
        ['spec', 'service'],
        `the service name ${SLOTH_NAME_RULE}, because it is part of the SLO id and of rule names`,
      ),
    );
  }
  const timeWindow = toTimeWindow(spec.timeWindows, object, problems);
  const budgetingMethod = spec.budgetingMethod ?? 'Occurrences';

  const slos: ServiceLevelObjective[] = [];
  spec.objectives.forEach((objective, index) => {
    const path = ['spec', 'objectives', index];
    const sli = toSli(slo, objective, path, object, problems);
    const model = toObjective(
      objective,
      budgetingMethod,
      sli,
      path,
      object,
      problems,
    );
    if (!sli || !model) {
      return;
    }
    slos.push(
      objectiveToSlo({
        sloName: slo.metadata.name,
        displayName: slo.metadata.displayName,
        service: spec.service,
        description: spec.description,
        labels: {},
        index,
        budgetingMethod,
        timeWindow,
        objective: model,
        sli,
        format: 'openslo/v1alpha',
        location: object.location(path),
      }),
    );
  });
  return { slos: hasErrorsSince(problems, start) ? [] : slos, problems };
}

function toSli(
  slo: OpenSloV1AlphaSlo,
  objective: OpenSloV1AlphaObjective,
  path: readonly (string | number)[],
  object: YamlObject,
  problems: SpecProblem[],
): SliDefinition | undefined {
  const threshold = slo.spec.indicator?.thresholdMetric;
  if (objective.ratioMetrics && threshold) {
    problems.push(
      object.problem(
        [...path, 'ratioMetrics'],
        'an objective uses either its own "ratioMetrics" or the SLO\'s "indicator", not both',
      ),
    );
    return undefined;
  }
  if (objective.ratioMetrics) {
    return {
      kind: 'ratio',
      counter: objective.ratioMetrics.incremental ?? false,
      good: toMetricSource(objective.ratioMetrics.good),
      total: toMetricSource(objective.ratioMetrics.total),
    };
  }
  if (threshold) {
    return { kind: 'threshold', metric: toMetricSource(threshold) };
  }
  problems.push(
    object.problem(
      path,
      '"ratioMetrics" (good and total queries) is required, unless the SLO has an "indicator" with a thresholdMetric',
    ),
  );
  return undefined;
}

/** Keeps the query type in `spec`, where rule generation looks for `promql`. */
function toMetricSource(source: OpenSloV1AlphaMetricSource): SliMetricSource {
  return {
    type: source.source,
    spec: { queryType: source.queryType, query: source.query },
    query: source.query,
  };
}

function toObjective(
  objective: OpenSloV1AlphaObjective,
  budgetingMethod: 'Occurrences' | 'Timeslices',
  sli: SliDefinition | undefined,
  path: readonly (string | number)[],
  object: YamlObject,
  problems: SpecProblem[],
): SloObjective | undefined {
  const start = problems.length;
  const { target, timeSliceTarget } = objective;
  if (!(target > 0 && target < 1)) {
    problems.push(
      object.problem(
        [...path, 'target'],
        `target must be greater than 0 and less than 1, e.g. 0.999, got ${target}`,
      ),
    );
  }
  if (sli?.kind === 'threshold') {
    for (const field of ['op', 'value'] as const) {
      if (objective[field] === undefined) {
        problems.push(
          object.problem(
            path,
            `"${field}" is required with a thresholdMetric indicator`,
          ),
        );
      }
    }
  } else if (sli) {
    for (const field of ['op', 'value'] as const) {
      if (objective[field] !== undefined) {
        problems.push(
          object.problem(
            [...path, field],
            `${field} is ignored for ratioMetrics objectives, which compare good events with all events`,
            'warning',
          ),
        );
      }
    }
  }
  if (budgetingMethod === 'Timeslices') {
    if (timeSliceTarget === undefined) {
      problems.push(
        object.problem(
          path,
          '"timeSliceTarget" is required with Timeslices budgeting, e.g. 0.95',
        ),
      );
    } else if (!(timeSliceTarget > 0 && timeSliceTarget <= 1)) {
      problems.push(
        object.problem(
          [...path, 'timeSliceTarget'],
          `timeSliceTarget must be greater than 0 and at most 1, e.g. 0.95, got ${timeSliceTarget}`,
        ),
      );
    }
  }
  if (hasErrorsSince(problems, start)) {
    return undefined;
  }
  return {
    ...(objective.displayName !== undefined
      ? { displayName: objective.displayName }
      : {}),
    target,
    // Exactly Sloth's conversion (`*slo.BudgetTarget * 100`), so that rules print the same.
    targetPercent: target * 100,
    ...(sli?.kind === 'threshold'
      ? { op: objective.op, value: objective.value }
      : {}),
    ...(budgetingMethod === 'Timeslices' ? { timeSliceTarget } : {}),
  };
}

/**
 * Sloth reads at most one window and treats it as rolling unless a calendar is given; without any,
 * the caller's default period applies.
 */
function toTimeWindow(
  windows: readonly OpenSloV1AlphaTimeWindow[] | undefined,
  object: YamlObject,
  problems: SpecProblem[],
): SloTimeWindow | undefined {
  if (!windows || windows.length === 0) {
    return undefined;
  }
  if (windows.length > 1) {
    problems.push(
      object.problem(
        ['spec', 'timeWindows', 1],
        `an SLO has at most one time window, got ${windows.length}`,
      ),
    );
    return undefined;
  }
  const window = windows[0];
  const at = ['spec', 'timeWindows', 0];
  if (!window.calendar) {
    return { type: 'rolling', durationMs: window.count * UNIT_MS[window.unit] };
  }
  if (window.isRolling) {
    problems.push(
      object.problem(
        [...at, 'calendar'],
        'a rolling window has no calendar: remove "calendar", or set isRolling: false',
      ),
    );
    return undefined;
  }
  if (window.unit === 'Second') {
    problems.push(
      object.problem(
        [...at, 'unit'],
        'a calendar-aligned window is counted in Day, Week, Month or Quarter units, not Second',
      ),
    );
    return undefined;
  }
  const aligned = checkCalendar(
    window.calendar,
    { object, path: [...at, 'calendar'] },
    problems,
  );
  return (
    aligned && {
      type: 'calendar',
      count: window.count,
      unit: window.unit,
      ...aligned,
    }
  );
}
