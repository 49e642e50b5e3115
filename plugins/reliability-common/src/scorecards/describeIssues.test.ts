import { z } from 'zod';
import { describeIssues, formatKeyPath } from './describeIssues';

/** An issue as zod reports it, written out so that each test says what it gives. */
function issue(fields: Record<string, unknown>): z.core.$ZodIssue {
  return { message: 'Invalid input', path: [], ...fields } as never;
}

describe('describeIssues', () => {
  it('moves a discriminated union issue to the discriminator', () => {
    expect(
      describeIssues(
        [issue({ code: 'invalid_union', discriminator: 'op', errors: [] })],
        { op: 'contains' },
      ),
    ).toEqual([{ path: ['op'], message: 'Invalid input' }]);
  });

  it('leaves the path of other issues that name a discriminator', () => {
    expect(
      describeIssues(
        [
          issue({
            code: 'invalid_type',
            expected: 'object',
            discriminator: 'op',
            path: ['params'],
          }),
        ],
        { params: 'x' },
      ),
    ).toEqual([
      { path: ['params'], message: 'expected a mapping, got the text "x"' },
    ]);
  });

  it('does not add the discriminator twice', () => {
    expect(
      describeIssues(
        [
          issue({
            code: 'invalid_union',
            discriminator: 'op',
            errors: [],
            path: ['op'],
            message: '"op" must be one of "exists", "in"',
          }),
        ],
        { op: 'x' },
      ),
    ).toEqual([
      { path: ['op'], message: '"op" must be one of "exists", "in"' },
    ]);
  });

  it('names each unknown key, adding a message of our own but not zod’s', () => {
    const strict = z.strictObject({ a: z.string() });
    const parsed = strict.safeParse({ a: 'x', b: 1, c: 2 });
    expect(
      describeIssues(parsed.error!.issues, { a: 'x', b: 1, c: 2 }),
    ).toEqual([
      { path: ['b'], message: 'unknown field "b"' },
      { path: ['c'], message: 'unknown field "c"' },
    ]);
    expect(
      describeIssues(
        [
          issue({
            code: 'unrecognized_keys',
            keys: ['colour'],
            message: 'write "color"',
          }),
        ],
        { colour: 'red' },
      ),
    ).toEqual([
      { path: ['colour'], message: 'unknown field "colour"; write "color"' },
    ]);
  });

  it('names the expected choice of an invalid value', () => {
    const one = z.object({ op: z.literal('exists') }).safeParse({ op: 'in' });
    expect(describeIssues(one.error!.issues, { op: 'in' })).toEqual([
      { path: ['op'], message: 'expected "exists", got the text "in"' },
    ]);
    const two = z
      .object({ op: z.enum(['exists', 'in']) })
      .safeParse({ op: 'has' });
    expect(describeIssues(two.error!.issues, { op: 'has' })).toEqual([
      {
        path: ['op'],
        message: 'expected one of "exists", "in", got the text "has"',
      },
    ]);
  });

  it('keeps a custom message of an invalid value', () => {
    expect(
      describeIssues(
        [
          issue({
            code: 'invalid_value',
            values: ['a'],
            path: ['op'],
            message: 'write "a"',
          }),
        ],
        { op: 'b' },
      ),
    ).toEqual([{ path: ['op'], message: 'write "a"' }]);
  });

  it('hints at quotes only for a text that is a number where a number is expected', () => {
    const message = (expected: string, actual: unknown) =>
      describeIssues(
        [issue({ code: 'invalid_type', expected, path: ['days'] })],
        { days: actual },
      )[0].message;
    expect(message('number', '90')).toBe(
      'expected a number, got the text "90" (write the number without quotes)',
    );
    expect(message('int', '90')).toBe(
      'expected a whole number, got the text "90" (write the number without quotes)',
    );
    expect(message('string', '90')).toBe('expected text, got the text "90"');
    expect(message('number', 'ninety')).toBe(
      'expected a number, got the text "ninety"',
    );
    expect(message('number', ' ')).toBe('expected a number, got the text " "');
    expect(message('number', true)).toBe('expected a number, got true');
  });

  it('finds nothing below null or a text, so the key is required', () => {
    const required = (value: unknown) =>
      describeIssues(
        [
          issue({
            code: 'invalid_type',
            expected: 'number',
            path: ['a', 'length'],
          }),
        ],
        value,
      );
    for (const value of [{ a: null }, { a: 'text' }, { a: 7 }]) {
      expect(required(value)).toEqual([
        { path: ['a', 'length'], message: '"length" is required' },
      ]);
    }
    expect(required({ a: [1, 2] })).toEqual([
      { path: ['a', 'length'], message: 'expected a number, got the number 2' },
    ]);
  });
});

describe('formatKeyPath', () => {
  it('writes keys as config keys are written', () => {
    expect(formatKeyPath('', ['id'])).toBe('id');
    expect(formatKeyPath('', [0, 'id'])).toBe('[0].id');
    expect(
      formatKeyPath('reliability.scorecards', [
        0,
        'params',
        'backstage.io/techdocs-ref',
      ]),
    ).toBe('reliability.scorecards[0].params["backstage.io/techdocs-ref"]');
    expect(formatKeyPath('root', [Symbol('key')])).toBe('root["Symbol(key)"]');
  });
});
