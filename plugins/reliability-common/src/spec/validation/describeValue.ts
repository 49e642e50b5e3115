/**
 * Names a value the way a problem message refers to it: `the text "99.9"`, `the number 100`,
 * `a list`.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') {
    return `the number ${value}`;
  }
  if (typeof value === 'boolean') {
    return `${value}`;
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  map: 'a mapping',
  array: 'a list',
};

/**
 * Names a type zod expected (`string`, `array`, ...) in YAML words.
 *
 * @internal
 */
export function describeExpectedType(expected: string): string {
  return EXPECTED_NAMES[expected] ?? expected;
}
