import { z } from 'zod';
import { strictObject } from '../../spec/validation/strictObject';
import type { ScorecardJsonValue } from '../facts';
import type { ScorecardCheck } from '../ScorecardCheck';
import { fail, pass, unknown } from './outcomes';

/** Patterns are written by hand; longer ones are more likely mistakes or attacks. */
const MAX_PATTERN_LENGTH = 200;
/** Values tested against a pattern; longer ones are not tested, bounding the time a match takes. */
const MAX_TESTED_LENGTH = 1000;
const MAX_PATH_LENGTH = 200;

/**
 * A quantified group that itself contains a quantifier, `(a+)+` or `(\w*)*`: the classic shape of
 * patterns whose matching time explodes on near-misses.
 */
const NESTED_QUANTIFIER =
  /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,)/;

/** Where annotation and label keys start; the keys contain dots (`backstage.io/techdocs-ref`). */
const MAP_FIELDS = new Set(['metadata.annotations', 'metadata.labels']);

/**
 * Splits `metadata.annotations.backstage.io/techdocs-ref` into
 * `['metadata', 'annotations', 'backstage.io/techdocs-ref']`: after `metadata.annotations` or
 * `metadata.labels` the rest is one key.
 */
function splitPath(path: string): string[] {
  const segments = path.split('.');
  if (segments.length > 2 && MAP_FIELDS.has(`${segments[0]}.${segments[1]}`)) {
    return [segments[0], segments[1], segments.slice(2).join('.')];
  }
  return segments;
}

const pathSchema = z
  .string()
  .trim()
  .min(1, { error: 'write the field to test, e.g. "spec.type"' })
  .max(MAX_PATH_LENGTH, {
    error: `the path is longer than ${MAX_PATH_LENGTH} characters`,
  })
  .refine(path => splitPath(path).every(segment => segment !== ''), {
    error:
      'the path has an empty segment: write field names separated by single dots, e.g. "metadata.annotations.backstage.io/techdocs-ref"',
  });

const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

const patternSchema = z
  .string()
  .min(1, { error: 'write a regular expression, e.g. "^team-"' })
  .max(MAX_PATTERN_LENGTH, {
    error: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters; write a shorter one or use "in"`,
  })
  .superRefine((pattern, ctx) => {
    if (NESTED_QUANTIFIER.test(pattern)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'the pattern repeats a group that itself repeats, e.g. (a+)+, which can take very long to match; remove the inner or outer repetition',
      });
      return;
    }
    try {
      // eslint-disable-next-line no-new
      new RegExp(pattern);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid regular expression: ${
          error instanceof Error ? error.message : String(error)
        }`,
      });
    }
  });

const predicateInput = z.discriminatedUnion(
  'op',
  [
    strictObject({ path: pathSchema, op: z.literal('exists') }),
    strictObject({ path: pathSchema, op: z.literal('equals'), value: scalar }),
    strictObject({
      path: pathSchema,
      op: z.literal('matches'),
      value: patternSchema,
    }),
    strictObject({
      path: pathSchema,
      op: z.literal('in'),
      value: z
        .array(scalar)
        .min(1, { error: 'list at least one allowed value' })
        .max(100, { error: 'list at most 100 values, or use "matches"' }),
    }),
  ],
  {
    error: issue =>
      issue.code === 'invalid_union'
        ? '"op" must be one of "exists", "equals", "matches", "in"'
        : undefined,
  },
);

/**
 * The params of `entity-predicate` once parsed: the path split into segments and the pattern
 * compiled, so that nothing is parsed again per entity.
 *
 * @public
 */
export interface EntityPredicateParams {
  path: string;
  segments: readonly string[];
  op: 'exists' | 'equals' | 'matches' | 'in';
  /** For `equals`: the value as text. */
  equals?: string;
  /** For `matches`. */
  pattern?: RegExp;
  /** For `in`: the allowed values as text. */
  allowed?: ReadonlySet<string>;
}

const paramsSchema: z.ZodType<EntityPredicateParams> = predicateInput.transform(
  (input): EntityPredicateParams => {
    const base = { path: input.path, segments: splitPath(input.path) };
    switch (input.op) {
      case 'equals':
        return { ...base, op: 'equals', equals: String(input.value) };
      case 'matches':
        return { ...base, op: 'matches', pattern: new RegExp(input.value) };
      case 'in':
        return {
          ...base,
          op: 'in',
          allowed: new Set(input.value.map(value => String(value))),
        };
      default:
        return { ...base, op: 'exists' };
    }
  },
);

function valueAt(
  root: object,
  segments: readonly string[],
): ScorecardJsonValue | undefined {
  let current: unknown = root;
  for (const segment of segments) {
    if (
      current === null ||
      typeof current !== 'object' ||
      Array.isArray(current)
    ) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  // The raw entity is JSON, so whatever is found there is a JSON value.
  return current as ScorecardJsonValue | undefined;
}

function isSet(value: ScorecardJsonValue | undefined): boolean {
  if (value === undefined || value === null || value === '') {
    return false;
  }
  return !Array.isArray(value) || value.length > 0;
}

/** Texts the operators compare: the value, or each item of a list (tags). */
function texts(value: ScorecardJsonValue): string[] {
  if (Array.isArray(value)) {
    return value
      .filter(item => item !== null && typeof item !== 'object')
      .map(item => String(item));
  }
  return typeof value === 'object' || value === null ? [] : [String(value)];
}

function show(value: ScorecardJsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * A no-code check on any field of the entity: `exists`, `equals` a value, `matches` a regular
 * expression, or is `in` a list. For lists (such as `metadata.tags`) one matching item suffices.
 *
 * @public
 */
export const entityPredicateCheck: ScorecardCheck<EntityPredicateParams> = {
  id: 'entity-predicate',
  title: 'Entity field',
  description:
    'A field of the entity (e.g. spec.type or metadata.annotations.backstage.io/techdocs-ref) exists, equals a value, matches a regular expression, or is one of a list of values.',
  paramsSchema,
  remediation: 'Set the field in catalog-info.yaml as the scorecard requires.',
  evaluate({ entity }, params) {
    const value = valueAt(entity.raw, params.segments);
    if (!isSet(value)) {
      return fail(`${params.path} is not set`);
    }
    const found = value as ScorecardJsonValue;
    switch (params.op) {
      case 'exists':
        return pass(`${params.path} is ${show(found)}`);
      case 'equals':
        return texts(found).includes(params.equals!)
          ? pass(`${params.path} is ${show(found)}`)
          : fail(`${params.path} is ${show(found)}, not "${params.equals}"`);
      case 'in':
        return texts(found).some(text => params.allowed!.has(text))
          ? pass(`${params.path} is ${show(found)}`)
          : fail(
              `${params.path} is ${show(found)}, not one of the allowed values`,
            );
      default: {
        const candidates = texts(found);
        if (candidates.some(text => text.length > MAX_TESTED_LENGTH)) {
          return unknown(
            `${params.path} is longer than ${MAX_TESTED_LENGTH} characters, too long to test against a pattern`,
          );
        }
        return candidates.some(text => params.pattern!.test(text))
          ? pass(`${params.path} is ${show(found)}`)
          : fail(
              `${params.path} is ${show(found)}, which does not match ${
                params.pattern!.source
              }`,
            );
      }
    }
  },
};
