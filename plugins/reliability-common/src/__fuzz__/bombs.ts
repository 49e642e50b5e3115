// Test-only helpers of the *.fuzz.test.ts files, like __testUtils__: fast-check is a devDependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import fc from 'fast-check';

/**
 * Inputs built to exhaust a YAML reader: alias bombs ("billion laughs": each anchor repeats the
 * previous one several times, so a few hundred bytes expand to billions of nodes), merge-key
 * bombs, and deep nesting in every YAML notation, alone or planted inside a valid file.
 */
export type Bomb =
  | { kind: 'laughs'; levels: number; width: number; planted: boolean }
  | { kind: 'merge-laughs'; levels: number; width: number }
  | { kind: 'many-aliases'; count: number }
  | { kind: 'flow-lists'; depth: number }
  | { kind: 'flow-mappings'; depth: number }
  | { kind: 'block-lists'; depth: number }
  | { kind: 'block-mappings'; depth: number }
  | { kind: 'many-documents'; count: number }
  | { kind: 'self-reference' };

export const anyBomb: fc.Arbitrary<Bomb> = fc.oneof(
  fc.record({
    kind: fc.constant('laughs' as const),
    levels: fc.integer({ min: 2, max: 12 }),
    width: fc.integer({ min: 2, max: 10 }),
    planted: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('merge-laughs' as const),
    levels: fc.integer({ min: 2, max: 12 }),
    width: fc.integer({ min: 2, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('many-aliases' as const),
    count: fc.integer({ min: 50, max: 2000 }),
  }),
  fc.record({
    kind: fc.constantFrom(
      'flow-lists' as const,
      'flow-mappings' as const,
      'block-lists' as const,
      'block-mappings' as const,
    ),
    depth: fc.oneof(
      fc.integer({ min: 1, max: 120 }),
      fc.integer({ min: 120, max: 20_000 }),
    ),
  }),
  fc.record({
    kind: fc.constant('many-documents' as const),
    count: fc.integer({ min: 1, max: 1000 }),
  }),
  fc.record({ kind: fc.constant('self-reference' as const) }),
);

function laughs(levels: number, width: number): string[] {
  const lines = [`l0: &l0 [${Array(width).fill('lol').join(', ')}]`];
  for (let level = 1; level < levels; level++) {
    lines.push(
      `l${level}: &l${level} [${Array(width)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  }
  return lines;
}

/**
 * The text of a bomb. `host` is a valid file of the corpus: a planted bomb replaces the value of
 * its last `key: value` line with the biggest alias, so the expansion happens inside a real field.
 */
export function bombText(bomb: Bomb, host: string): string {
  switch (bomb.kind) {
    case 'laughs': {
      const definitions = laughs(bomb.levels, bomb.width);
      if (!bomb.planted) {
        return `${definitions.join('\n')}\nall: *l${bomb.levels - 1}\n`;
      }
      const lines = host.split('\n');
      const last = lines
        .map(line => /^\s*[\w.-]+: \S/.test(line))
        .lastIndexOf(true);
      if (last >= 0) {
        lines[last] = lines[last].replace(/: .*$/, `: *l${bomb.levels - 1}`);
      }
      // The anchors in a leading key of its own, so that the host document keeps its shape.
      return `x-bomb:\n${definitions
        .map(line => `  ${line}`)
        .join('\n')}\n${lines.join('\n')}`;
    }
    case 'merge-laughs': {
      const lines = [
        `m0: &m0 { ${Array.from(
          { length: bomb.width },
          (_, i) => `k${i}: lol`,
        ).join(', ')} }`,
      ];
      for (let level = 1; level < bomb.levels; level++) {
        lines.push(
          `m${level}: &m${level} { <<: [${Array(bomb.width)
            .fill(`*m${level - 1}`)
            .join(', ')}], own${level}: x }`,
        );
      }
      return `${lines.join('\n')}\n`;
    }
    case 'many-aliases':
      return `a: &a [x, y]\nb: [${Array(bomb.count).fill('*a').join(', ')}]\n`;
    case 'flow-lists':
      return `spec: ${'['.repeat(bomb.depth)}1${']'.repeat(bomb.depth)}\n`;
    case 'flow-mappings':
      return `spec: ${'{a: '.repeat(bomb.depth)}1${'}'.repeat(bomb.depth)}\n`;
    case 'block-lists':
      return `spec:\n  ${'- '.repeat(bomb.depth)}x\n`;
    case 'block-mappings': {
      // Indented by one space per level, the least YAML allows, to nest deepest per byte.
      const depth = Math.min(bomb.depth, 350);
      const lines = Array.from(
        { length: depth },
        (_, level) => `${' '.repeat(level)}k${level}:`,
      );
      return `${lines.join('\n')} x\n`;
    }
    case 'many-documents':
      return `${host}\n${'---\n'.repeat(bomb.count)}`;
    default:
      return 'a: &a [*a]\nb: &b { self: *b }\n';
  }
}

/** A bomb, alone or planted in a file of the corpus. */
export function bombInput(
  corpus: readonly { path: string; content: string }[],
): fc.Arbitrary<{ path: string; bomb: Bomb; content: string }> {
  return fc
    .record({ file: fc.constantFrom(...corpus), bomb: anyBomb })
    .map(({ file, bomb: chosen }) => ({
      path: file.path,
      bomb: chosen,
      content: bombText(chosen, file.content),
    }));
}
