import { z } from 'zod';
import type { SpecProblem } from '../../problems';
import type { PathSegment } from '../yaml/path';
import type { YamlObject } from '../yaml/YamlObject';
import { describeExpectedType, describeValue } from './describeValue';

/**
 * How unknown fields are treated: errors where the format is strict (OpenSLO, as the reference
 * validator does), warnings where the original tool ignores them (Sloth).
 *
 * @internal
 */
export interface SchemaCheckOptions {
  unknownFields: 'error' | 'warning';
  /** Appended to warnings about unknown fields, e.g. why they are only warnings. */
  unknownFieldNote?: string;
}

/**
 * The outcome of checking an object against a schema: its typed data when valid, and problems.
 *
 * @internal
 */
export interface SchemaCheck<T> {
  data?: T;
  problems: SpecProblem[];
}

/** Issues that, for a field that is not there, mean it is required. */
const REQUIRED_CODES: readonly string[] = [
  'invalid_type',
  'invalid_union',
  'invalid_value',
];

/** Stripping unknown fields and checking again ends after this many rounds (nesting depth). */
const MAX_ROUNDS = 8;

/**
 * Checks an object against a zod schema and turns every issue into a problem at the line and
 * column of the offending node, worded for the person who wrote the file.
 *
 * @internal
 */
export function checkSchema<T>(
  schema: z.ZodType<T>,
  object: YamlObject,
  options: SchemaCheckOptions,
): SchemaCheck<T> {
  const problems: SpecProblem[] = [];
  let value = object.value;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = schema.safeParse(value);
    if (result.success) {
      return { data: result.data, problems };
    }
    const unknownFields = result.error.issues.filter(
      (issue): issue is z.core.$ZodIssueUnrecognizedKeys =>
        issue.code === 'unrecognized_keys',
    );
    if (options.unknownFields === 'warning' && unknownFields.length > 0) {
      // Ignored fields must not hide the real errors: report them, drop them, check again.
      for (const issue of unknownFields) {
        problems.push(
          ...unknownFieldProblems(issue, object, 'warning', options),
        );
      }
      value = withoutFields(value, unknownFields);
      continue;
    }
    for (const issue of result.error.issues) {
      problems.push(...issueProblems(issue, object, value, options));
    }
    return { problems };
  }
  return { problems };
}

function issueProblems(
  issue: z.core.$ZodIssue,
  object: YamlObject,
  value: unknown,
  options: SchemaCheckOptions,
): SpecProblem[] {
  const path = issue.path as PathSegment[];
  const actual = valueAt(value, path);
  if (actual === undefined && REQUIRED_CODES.includes(issue.code)) {
    const field = path[path.length - 1];
    return [object.problem(path, `"${String(field)}" is required`)];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownFieldProblems(issue, object, 'error', options);
    case 'invalid_type': {
      const expected = describeExpectedType(issue.expected);
      return [
        object.problem(
          path,
          `expected ${expected}, got ${describeValue(actual)}${typeHint(
            issue.expected,
            actual,
          )}`,
        ),
      ];
    }
    case 'invalid_value': {
      const choices = issue.values.map(choice => JSON.stringify(choice));
      const expected =
        choices.length === 1 ? choices[0] : `one of ${choices.join(', ')}`;
      return [
        object.problem(
          path,
          `expected ${expected}, got ${describeValue(actual)}`,
        ),
      ];
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const reason = issue.issues[0]?.message ?? 'it is not allowed here';
      return [
        object.problem(
          path,
          `the key "${String(key)}" is not valid: ${reason}`,
          'error',
          'key',
        ),
      ];
    }
    default:
      return [object.problem(path, issue.message)];
  }
}

function unknownFieldProblems(
  issue: z.core.$ZodIssueUnrecognizedKeys,
  object: YamlObject,
  severity: SpecProblem['severity'],
  options: SchemaCheckOptions,
): SpecProblem[] {
  // The default zod message ("Unrecognized key") adds nothing; `strictObject` lists the fields.
  const allowed = issue.message.startsWith('Unrecognized')
    ? ''
    : `; ${issue.message}`;
  const note =
    severity === 'warning' && options.unknownFieldNote
      ? ` (${options.unknownFieldNote})`
      : '';
  return issue.keys.map(key =>
    object.problem(
      [...(issue.path as PathSegment[]), key],
      `unknown field "${key}"${note}${allowed}`,
      severity,
      'key',
    ),
  );
}

/** A hint for the two type mistakes YAML makes easy: quoted numbers and unquoted numbers. */
function typeHint(expected: string, actual: unknown): string {
  if (
    (expected === 'number' || expected === 'int') &&
    typeof actual === 'string' &&
    actual.trim() !== '' &&
    !Number.isNaN(Number(actual))
  ) {
    return ' (write the number without quotes)';
  }
  if (
    expected === 'string' &&
    (typeof actual === 'number' || typeof actual === 'boolean')
  ) {
    return ` (put it in quotes: "${actual}")`;
  }
  return '';
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** A copy of `value` without the fields the issues name. */
function withoutFields(
  value: unknown,
  issues: readonly z.core.$ZodIssueUnrecognizedKeys[],
): unknown {
  const copy = structuredCloneData(value);
  for (const issue of issues) {
    const holder = valueAt(copy, issue.path as PathSegment[]);
    if (holder && typeof holder === 'object') {
      for (const key of issue.keys) {
        delete (holder as Record<string, unknown>)[key];
      }
    }
  }
  return copy;
}

/** Deep copy of plain YAML data (objects, arrays, scalars). */
function structuredCloneData(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(structuredCloneData);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        structuredCloneData(item),
      ]),
    );
  }
  return value;
}
