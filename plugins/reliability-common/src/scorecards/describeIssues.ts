import type { z } from 'zod';
import {
  describeExpectedType,
  describeValue,
} from '../spec/validation/describeValue';

/**
 * A zod issue in words for the person who wrote the config: the path (relative to the value
 * that was parsed) and what to write instead.
 *
 * @internal
 */
export interface DescribedIssue {
  path: PropertyKey[];
  message: string;
}

const REQUIRED_CODES: readonly string[] = [
  'invalid_type',
  'invalid_union',
  'invalid_value',
];

/**
 * Turns the issues of a failed parse into problems; `value` is the parsed input, used to say
 * what was found.
 *
 * @internal
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  value: unknown,
): DescribedIssue[] {
  const described: DescribedIssue[] = [];
  for (const issue of issues) {
    let path = issue.path as PropertyKey[];
    // A discriminated union without a matching discriminator reports on the object; the fix is
    // in the discriminator field.
    const discriminator = (issue as { discriminator?: unknown }).discriminator;
    if (
      issue.code === 'invalid_union' &&
      typeof discriminator === 'string' &&
      path[path.length - 1] !== discriminator
    ) {
      path = [...path, discriminator];
    }
    const actual = valueAt(value, path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = issue.message.startsWith('Unrecognized')
        ? ''
        : `; ${issue.message}`;
      for (const key of issue.keys) {
        described.push({
          path: [...path, key],
          message: `unknown field "${key}"${allowed}`,
        });
      }
    } else if (
      actual === undefined &&
      REQUIRED_CODES.includes(issue.code) &&
      !isCustomMessage(issue)
    ) {
      described.push({
        path,
        message: `"${String(path[path.length - 1])}" is required`,
      });
    } else if (issue.code === 'invalid_type' && !isCustomMessage(issue)) {
      described.push({
        path,
        message: `expected ${describeExpectedType(
          issue.expected,
        )}, got ${describeValue(actual)}${typeHint(issue.expected, actual)}`,
      });
    } else if (issue.code === 'invalid_value' && !isCustomMessage(issue)) {
      const choices = issue.values.map(choice => JSON.stringify(choice));
      const expected =
        choices.length === 1 ? choices[0] : `one of ${choices.join(', ')}`;
      described.push({
        path,
        message: `expected ${expected}, got ${describeValue(actual)}`,
      });
    } else {
      described.push({ path, message: issue.message });
    }
  }
  return described;
}

/** Zod's own messages start with a capital ("Invalid input"); ours are written lower-case. */
function isCustomMessage(issue: z.core.$ZodIssue): boolean {
  return /^[a-z"]/.test(issue.message);
}

function typeHint(expected: string, actual: unknown): string {
  if (
    (expected === 'number' || expected === 'int') &&
    typeof actual === 'string' &&
    actual.trim() !== '' &&
    !Number.isNaN(Number(actual))
  ) {
    return ' (write the number without quotes)';
  }
  return '';
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Writes a key path the way config keys are written: `scorecards[0].levels[1].params.days`, with
 * keys that are not identifiers quoted (`annotations["backstage.io/x"]`).
 *
 * @internal
 */
export function formatKeyPath(
  root: string,
  path: readonly PropertyKey[],
): string {
  let text = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else if (typeof segment === 'string' && IDENTIFIER.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(String(segment))}]`;
    }
  }
  return text;
}
