// Test-only helpers of the *.fuzz.test.ts files, like __testUtils__: fast-check is a devDependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import fc from 'fast-check';

/**
 * YAML-level mutations: edits of a file's text that a person, an editor or a broken pipe could
 * make. Each is data (positions are any natural numbers, taken modulo the text's size when
 * applied) so that fast-check can shrink a failing list of edits to the smallest one.
 */
export type TextMutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'indent'; at: number; by: string }
  | { kind: 'dedent'; at: number; count: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace-scalar'; at: number; scalar: string }
  | { kind: 'replace-key'; at: number; key: string };

/** Scalars that YAML and JavaScript read in surprising ways. */
const TRICKY_SCALARS = [
  '~',
  'null',
  'true',
  'no',
  'yes',
  '0',
  '-0',
  '-1',
  '100',
  '101',
  '99.99999999999999999',
  '0.0000001',
  '1e309',
  '-1e309',
  '1e-400',
  '.nan',
  '.inf',
  '-.inf',
  'NaN',
  'Infinity',
  '0x1F',
  '0o17',
  '1_000',
  '9'.repeat(400),
  '[]',
  '{}',
  '[1, [2, {a: 3}]]',
  '{a: 1, b: [x]}',
  '""',
  "''",
  '" "',
  '!!binary AAAA',
  '!!str 1',
  '!!int x',
  '!!float abc',
  '!!map x',
  '!custom tag',
  '2026-01-05',
  '2026-01-05T09:00:00Z',
  '24:00',
  '9999-99-99T99:99',
  '"\\u0000\\u001b[31m"',
  '"\\uD800"',
  '&anchor value',
  '*missing',
  '|\n  block',
  '>-',
  'x'.repeat(5000),
  '😀'.repeat(1000),
  'a\u202Eb\u200Bc',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'http://',
  `https://example.com/${'a'.repeat(3000)}`,
  '../../etc/passwd',
  'user:default/',
  ':',
  '- x',
  '? x',
  '# comment',
  '%',
  '@',
  '`',
] as const;

const TRICKY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '<<',
  '? complex',
  '[a, b]',
  '{a: 1}',
  '""',
  '1',
  '~',
  'apiVersion',
  'kind',
  'spec',
  'metadata',
  'x'.repeat(2000),
] as const;

/** Characters that break parsers: controls, BOMs, separators, lone surrogates, YAML indicators. */
const TRICKY_TEXT = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u0007',
      '\t',
      '\r',
      '\n',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u00a0',
      '\u2028',
      '\u2029',
      '\ufeff',
      '\ufffe',
      '\ud800',
      '\udfff',
      '😀',
      ':',
      '-',
      '#',
      '&',
      '*',
      '!',
      '|',
      '>',
      "'",
      '"',
      '%',
      '@',
      '`',
      '{',
      '}',
      '[',
      ']',
      ',',
      '?',
      ' ',
    ),
    maxLength: 20,
  }),
  fc.constantFrom('---\n', '...\n', '%YAML 1.2\n---\n', '%TAG ! tag:x,2000:\n'),
);

const position = fc.nat({ max: 1_000_000 });

/** One text mutation. */
export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: position }),
  fc.record({
    kind: fc.constant('swap-lines' as const),
    at: position,
    other: position,
  }),
  fc.record({
    kind: fc.constant('indent' as const),
    at: position,
    by: fc.constantFrom(' ', '  ', '    ', '\t', ' '.repeat(40)),
  }),
  fc.record({
    kind: fc.constant('dedent' as const),
    at: position,
    count: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: TRICKY_TEXT,
  }),
  fc.record({
    kind: fc.constant('replace-scalar' as const),
    at: position,
    scalar: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...TRICKY_SCALARS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
      {
        weight: 1,
        arbitrary: fc
          .double({ noDefaultInfinity: false, noNaN: false })
          .map(String),
      },
      { weight: 1, arbitrary: fc.bigInt().map(String) },
    ),
  }),
  fc.record({
    kind: fc.constant('replace-key' as const),
    at: position,
    key: fc.oneof(
      fc.constantFrom(...TRICKY_KEYS),
      fc.string({ minLength: 1, maxLength: 12 }),
    ),
  }),
);

/** A key-value line (`  key: value`, `- key: value`) or a list item (`- value`). */
const KEY_VALUE = /^(\s*(?:- )*)([^\s#:][^:#]*?)(:[ \t]+|:$)(.*)$/;
const LIST_ITEM = /^(\s*(?:- )+)(.*)$/;

/** Applies one mutation to a text. */
export function applyTextMutation(
  text: string,
  mutation: TextMutation,
): string {
  const lines = text.split('\n');
  const line = mutation.at % lines.length;
  switch (mutation.kind) {
    case 'delete-line':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line, 0, lines[line]);
      return lines.join('\n');
    case 'swap-lines': {
      const other = mutation.other % lines.length;
      [lines[line], lines[other]] = [lines[other], lines[line]];
      return lines.join('\n');
    }
    case 'indent':
      lines[line] = mutation.by + lines[line];
      return lines.join('\n');
    case 'dedent':
      lines[line] = lines[line].replace(
        new RegExp(`^ {1,${mutation.count}}`),
        '',
      );
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, mutation.at % (text.length + 1));
    case 'insert': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'replace-scalar': {
      const scalar = mutation.scalar.replace(/\n/g, `\n${' '.repeat(40)}`);
      const keyValue = KEY_VALUE.exec(lines[line]);
      const item = LIST_ITEM.exec(lines[line]);
      if (keyValue) {
        lines[line] = `${keyValue[1]}${keyValue[2]}: ${scalar}`;
      } else if (item) {
        lines[line] = `${item[1]}${scalar}`;
      } else {
        lines[line] = `${lines[line]} ${scalar}`;
      }
      return lines.join('\n');
    }
    default: {
      const keyValue = KEY_VALUE.exec(lines[line]);
      if (keyValue) {
        lines[
          line
        ] = `${keyValue[1]}${mutation.key}${keyValue[3]}${keyValue[4]}`;
      }
      return lines.join('\n');
    }
  }
}

/**
 * A file of the corpus with one to five text mutations applied; `mutations` says which, for the
 * counterexample fast-check prints.
 */
export function mutatedText(
  corpus: readonly { path: string; content: string }[],
): fc.Arbitrary<{ path: string; mutations: TextMutation[]; content: string }> {
  return fc
    .record({
      file: fc.constantFrom(...corpus),
      mutations: fc.array(textMutation, { minLength: 1, maxLength: 5 }),
    })
    .map(({ file, mutations }) => ({
      path: file.path,
      mutations,
      content: mutations.reduce(applyTextMutation, file.content),
    }));
}
