import type { SpecProblem } from '../../../problems';
import type { ServiceLevelObjective, SliDefinition } from '../../model';
import { SLOTH_NAME, SLOTH_NAME_RULE } from '../../names';
import { hasErrorsSince } from '../../problemCounts';
import type { PathSegment } from '../../yaml/path';
import type { YamlObject } from '../../yaml/YamlObject';
import { checkSloAlertPolicies } from './checkAlertPolicies';
import { definedAt, OpenSloV1Entry, OpenSloV1Lookup } from './OpenSloV1Entry';
import type { OpenSloV1Object, OpenSloV1Objective } from './schema';
import { toObjective } from './toObjective';
import { toSliDefinition } from './toSliDefinition';
import { toTimeWindow } from './toTimeWindow';
import { objectiveToSlo } from '../objectiveToSlo';

/**
 * Finds objects, and the SLI definitions of standalone SLIs (checked once, however many SLOs use
 * them).
 *
 * @internal
 */
export interface OpenSloV1Resolver extends OpenSloV1Lookup {
  sliDefinition(entry: OpenSloV1Entry<'SLI'>): SliDefinition | undefined;
}

/**
 * Turns a valid OpenSLO v1 SLO into one model SLO per objective, named as Sloth names them
 * (`<name>-<index>`, id `<service>-<name>-<index>`), so that adding an objective never renames the
 * others. Gives no SLOs when an error was reported.
 *
 * @internal
 */
export function toServiceLevelObjectives(
  slo: OpenSloV1Object<'SLO'>,
  object: YamlObject,
  resolver: OpenSloV1Resolver,
  problems: SpecProblem[],
): ServiceLevelObjective[] {
  const start = problems.length;
  const spec = slo.spec;

  if (!SLOTH_NAME.test(spec.service)) {
    problems.push(
      object.problem(
        ['spec', 'service'],
        `the service name ${SLOTH_NAME_RULE}, because it is part of the SLO id and of rule names`,
      ),
    );
  }

  const composite = spec.objectives.some(
    objective => objective.indicator || objective.indicatorRef,
  );
  const hasSpecIndicator =
    spec.indicator !== undefined || spec.indicatorRef !== undefined;
  let sharedSli: SliDefinition | undefined;
  if (composite && hasSpecIndicator) {
    problems.push(
      object.problem(
        ['spec'],
        'define "indicator" or "indicatorRef" either on spec (a standard SLO) or on every objective (a composite SLO), not both',
      ),
    );
  } else if (!composite && !hasSpecIndicator) {
    problems.push(
      object.problem(
        ['spec'],
        '"indicator" (an inline SLI) or "indicatorRef" (the name of an SLI) is required',
      ),
    );
  } else if (hasSpecIndicator) {
    sharedSli = resolveIndicator(spec, ['spec'], object, resolver, problems);
  }

  const timeWindow = toTimeWindow(spec.timeWindow, object, problems);
  if (spec.alertPolicies) {
    checkSloAlertPolicies(spec.alertPolicies, object, resolver, problems);
  }

  const slos: ServiceLevelObjective[] = [];
  spec.objectives.forEach((objective, index) => {
    const path = ['spec', 'objectives', index];
    let sli = sharedSli;
    if (composite) {
      if (!objective.indicator && !objective.indicatorRef) {
        problems.push(
          object.problem(
            path,
            'in a composite SLO every objective needs "indicator" or "indicatorRef"',
          ),
        );
        return;
      }
      sli = resolveIndicator(objective, path, object, resolver, problems);
    } else if (sli?.kind === 'threshold' && index > 0) {
      problems.push(
        object.problem(
          path,
          'an SLO with a thresholdMetric SLI has exactly one objective (OpenSLO spec); write one SLO per threshold',
        ),
      );
      return;
    }
    if (objective.compositeWeight !== undefined) {
      problems.push(
        object.problem(
          [...path, 'compositeWeight'],
          'compositeWeight is ignored: every objective becomes an SLO of its own, with its own error budget',
          'warning',
        ),
      );
    }
    if (!sli) {
      return;
    }
    const model = toObjective(
      objective,
      { object, path },
      sli.kind,
      spec.budgetingMethod,
      problems,
    );
    if (!model) {
      return;
    }
    slos.push(
      objectiveToSlo({
        sloName: slo.metadata.name,
        displayName: slo.metadata.displayName,
        service: spec.service,
        description: spec.description,
        labels: flattenLabels(slo.metadata.labels),
        index,
        budgetingMethod: spec.budgetingMethod,
        timeWindow,
        objective: model,
        sli,
        format: 'openslo/v1',
        location: object.location(path),
      }),
    );
  });

  return hasErrorsSince(problems, start) ? [] : slos;
}

/** The SLI of an SLO or of a composite objective: inline, or referenced by name. */
function resolveIndicator(
  spec: Pick<OpenSloV1Objective, 'indicator' | 'indicatorRef'>,
  path: readonly PathSegment[],
  object: YamlObject,
  resolver: OpenSloV1Resolver,
  problems: SpecProblem[],
): SliDefinition | undefined {
  if (spec.indicator && spec.indicatorRef) {
    problems.push(
      object.problem(
        [...path, 'indicatorRef'],
        'use either "indicator" or "indicatorRef", not both',
      ),
    );
    return undefined;
  }
  if (spec.indicator) {
    return toSliDefinition(
      spec.indicator.spec,
      { object, path: [...path, 'indicator', 'spec'] },
      resolver,
      problems,
    );
  }
  const ref = spec.indicatorRef!;
  const entry = resolver.find('SLI', ref);
  if (!entry) {
    problems.push(
      object.problem(
        [...path, 'indicatorRef'],
        `no SLI named "${ref}" is among the files read together; define it (kind: SLI) in one of them, or write it inline as "indicator"`,
      ),
    );
    return undefined;
  }
  const definition = resolver.sliDefinition(entry);
  if (!definition) {
    problems.push(
      object.problem(
        [...path, 'indicatorRef'],
        `the SLI "${ref}" (${definedAt(entry)}) has errors; fix them first`,
      ),
    );
  }
  return definition;
}

/**
 * OpenSLO labels may hold lists; a model label holds one string, so lists are joined with commas.
 */
function flattenLabels(
  labels: Record<string, string | string[]> | undefined,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels ?? {})) {
    flat[key] = Array.isArray(value) ? value.join(',') : value;
  }
  return flat;
}
