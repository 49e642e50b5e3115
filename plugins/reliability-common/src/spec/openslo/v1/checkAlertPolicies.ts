/**
 * Alert policies, conditions and notification targets are validated but not turned into the model:
 * the suite generates Sloth's burn-rate alerts. A reference to one that is not among the files read
 * together is an error, as in the OpenSLO SDK's reference inliner (`<Kind> 'name' referenced at
 * 'spec.conditions[0].conditionRef' does not exist`), unless the reader says such objects are kept
 * elsewhere (then a warning). A reference that is also an inline object, or neither, is an error.
 */
import type { SpecProblem } from '../../../problems';
import type { PathSegment } from '../../yaml/path';
import type { YamlObject } from '../../yaml/YamlObject';
import type { OpenSloV1Lookup } from './OpenSloV1Entry';
import type {
  OpenSloV1AlertPolicySpec,
  OpenSloV1Kind,
  OpenSloV1SloAlertPolicy,
} from './schema';

interface At {
  object: YamlObject;
  path: readonly PathSegment[];
}

/** Either a reference field or an inline object (`kind`, `metadata`, `spec`). */
interface RefOrInline {
  kind?: string;
  metadata?: unknown;
  spec?: unknown;
}

/**
 * Checks the entries of an SLO's `spec.alertPolicies` and the policies written inline there.
 *
 * @internal
 */
export function checkSloAlertPolicies(
  policies: readonly OpenSloV1SloAlertPolicy[],
  object: YamlObject,
  lookup: OpenSloV1Lookup,
  problems: SpecProblem[],
): void {
  policies.forEach((policy, index) => {
    const at = { object, path: ['spec', 'alertPolicies', index] };
    const inline = checkRefOrInline(
      policy,
      policy.alertPolicyRef,
      { refField: 'alertPolicyRef', kind: 'AlertPolicy' },
      at,
      lookup,
      problems,
    );
    if (inline && policy.spec) {
      checkAlertPolicySpec(
        policy.spec,
        { object, path: [...at.path, 'spec'] },
        lookup,
        problems,
      );
    }
  });
}

/**
 * Checks the conditions and notification targets of an alert policy, standalone or inline.
 *
 * @internal
 */
export function checkAlertPolicySpec(
  spec: OpenSloV1AlertPolicySpec,
  at: At,
  lookup: OpenSloV1Lookup,
  problems: SpecProblem[],
): void {
  spec.conditions.forEach((condition, index) =>
    checkRefOrInline(
      condition,
      condition.conditionRef,
      { refField: 'conditionRef', kind: 'AlertCondition' },
      { object: at.object, path: [...at.path, 'conditions', index] },
      lookup,
      problems,
    ),
  );
  spec.notificationTargets.forEach((target, index) =>
    checkRefOrInline(
      target,
      target.targetRef,
      { refField: 'targetRef', kind: 'AlertNotificationTarget' },
      { object: at.object, path: [...at.path, 'notificationTargets', index] },
      lookup,
      problems,
    ),
  );
}

/** Returns whether the entry is a complete inline object. */
function checkRefOrInline(
  entry: RefOrInline,
  ref: string | undefined,
  names: { refField: string; kind: OpenSloV1Kind },
  at: At,
  lookup: OpenSloV1Lookup,
  problems: SpecProblem[],
): boolean {
  const problem = (
    path: readonly PathSegment[],
    message: string,
    severity: SpecProblem['severity'] = 'error',
  ) =>
    problems.push(at.object.problem([...at.path, ...path], message, severity));
  const inlineFields = (['kind', 'metadata', 'spec'] as const).filter(
    field => entry[field] !== undefined,
  );

  if (ref !== undefined) {
    if (inlineFields.length > 0) {
      problem(
        [inlineFields[0]],
        `use either "${names.refField}" or an inline ${names.kind} (kind, metadata, spec), not both`,
      );
      return false;
    }
    if (!lookup.find(names.kind, ref)) {
      const severity = lookup.unresolvedAlertReferences;
      problem(
        [names.refField],
        `no ${names.kind} named "${ref}" is among the files read together; ${
          severity === 'error'
            ? `define it (kind: ${names.kind}) in one of them or write it inline, or allow references resolved elsewhere (reliability validate --allow-external-refs)`
            : 'it is taken to be defined elsewhere'
        }`,
        severity,
      );
    }
    return false;
  }
  const missing = (['kind', 'metadata', 'spec'] as const).filter(
    field => entry[field] === undefined,
  );
  if (missing.length === 3) {
    problem(
      [],
      `"${names.refField}" or an inline ${names.kind} (kind, metadata, spec) is required`,
    );
    return false;
  }
  for (const field of missing) {
    problem(
      [],
      `"${field}" is required for an inline ${names.kind}${
        field === 'kind' ? ` (kind: ${names.kind})` : ''
      }`,
    );
  }
  return missing.length === 0;
}
