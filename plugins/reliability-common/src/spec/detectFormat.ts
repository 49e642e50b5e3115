import type { SpecProblem } from '../problems';
import { OPENSLO_V1_KINDS, OpenSloV1Kind } from './openslo/v1/schema';
import { OPENSLO_V1ALPHA_KINDS } from './openslo/v1alpha/schema';
import { OPENSLO_V2ALPHA_API_VERSION } from './openslo/v2alpha/BudgetAdjustmentCollection';
import { describeValue } from './validation/describeValue';
import type { YamlObject } from './yaml/YamlObject';

/**
 * What an object is, read from `apiVersion` and `kind` (or Sloth's `version`).
 *
 * @internal
 */
export type DetectedFormat =
  | { format: 'openslo/v1'; kind: OpenSloV1Kind }
  | { format: 'openslo/v1alpha'; kind: (typeof OPENSLO_V1ALPHA_KINDS)[number] }
  | { format: 'prometheus/v1' }
  | { format: 'sloth.slok.dev/v1'; kind: 'PrometheusServiceLevel' }
  | { format: 'openslo.com/v2alpha'; kind: 'BudgetAdjustment' };

const ACCEPTED =
  'expected apiVersion openslo/v1, openslo/v1alpha or sloth.slok.dev/v1, or Sloth\'s "version: prometheus/v1"';

/**
 * Recognizes the format of an object, or says why it is none of the accepted ones.
 *
 * @internal
 */
export function detectFormat(
  object: YamlObject,
): DetectedFormat | { problem: SpecProblem } {
  const value = object.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      problem: object.problem(
        [],
        `expected a mapping with apiVersion and kind (OpenSLO, Sloth's PrometheusServiceLevel) or Sloth's "version: prometheus/v1", got ${describeValue(
          value,
        )}`,
      ),
    };
  }
  const { apiVersion, kind, version } = value as Record<string, unknown>;

  if (apiVersion === undefined) {
    if (version === 'prometheus/v1') {
      return { format: 'prometheus/v1' };
    }
    if (version !== undefined) {
      return {
        problem: object.problem(
          ['version'],
          `unknown Sloth spec version ${describeValue(
            version,
          )}: expected "prometheus/v1"`,
        ),
      };
    }
    return {
      problem: object.problem([], `"apiVersion" is required: ${ACCEPTED}`),
    };
  }

  const kindIn = <Kind extends string>(
    kinds: readonly Kind[],
    what: string,
  ): Kind | { problem: SpecProblem } => {
    if (
      typeof kind === 'string' &&
      (kinds as readonly string[]).includes(kind)
    ) {
      return kind as Kind;
    }
    const expected = `expected one of ${kinds.join(', ')}`;
    return {
      problem:
        kind === undefined
          ? object.problem([], `"kind" is required: ${expected}`)
          : object.problem(
              ['kind'],
              `unknown ${what} kind ${describeValue(kind)}: ${expected}`,
            ),
    };
  };

  switch (apiVersion) {
    case 'openslo/v1': {
      const found = kindIn(OPENSLO_V1_KINDS, 'OpenSLO v1');
      return typeof found === 'string'
        ? { format: 'openslo/v1', kind: found }
        : found;
    }
    case 'openslo/v1alpha': {
      const found = kindIn(OPENSLO_V1ALPHA_KINDS, 'OpenSLO v1alpha');
      return typeof found === 'string'
        ? { format: 'openslo/v1alpha', kind: found }
        : found;
    }
    case 'sloth.slok.dev/v1': {
      if (kind === 'AlertWindows') {
        return {
          problem: object.problem(
            ['kind'],
            "an AlertWindows document is an alert windows catalog, not an SLO: read it as a windows catalog (e.g. the CLI's --slo-period-windows-path)",
          ),
        };
      }
      const found = kindIn(['PrometheusServiceLevel'] as const, 'Sloth');
      return typeof found === 'string'
        ? { format: 'sloth.slok.dev/v1', kind: found }
        : found;
    }
    case OPENSLO_V2ALPHA_API_VERSION: {
      if (kind === 'BudgetAdjustment') {
        return { format: 'openslo.com/v2alpha', kind };
      }
      return {
        problem: object.problem(
          kind === undefined ? [] : ['kind'],
          `OpenSLO ${OPENSLO_V2ALPHA_API_VERSION} is read for its BudgetAdjustment kind only, got ${
            kind === undefined ? 'no kind' : describeValue(kind)
          }: write SLOs and their other objects as openslo/v1`,
        ),
      };
    }
    default:
      return {
        problem: object.problem(
          ['apiVersion'],
          typeof apiVersion === 'string' &&
            /^openslo(\.com)?\//.test(apiVersion)
            ? `OpenSLO ${apiVersion} is not supported: write openslo/v1 (or openslo/v1alpha)`
            : `unknown apiVersion ${describeValue(apiVersion)}: ${ACCEPTED}`,
        ),
      };
  }
}
