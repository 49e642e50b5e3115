// Test-only helpers of the *.fuzz.test.ts files, like __testUtils__: fast-check is a devDependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';

/**
 * Structure-level mutations: the corpus is parsed, random nodes of its object tree are changed
 * (dropped, given another type, joined by unknown keys, nested deeply, repeated), and the tree is
 * written back as YAML. Positions are natural numbers taken modulo the number of nodes, so that
 * fast-check can shrink a failing list of changes.
 */
export type TreeMutation =
  | { kind: 'drop'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'nest'; at: number; depth: number; asList: boolean }
  | { kind: 'repeat-item'; at: number; times: number }
  | { kind: 'empty'; at: number };

type Container = Record<string, unknown> | unknown[];
type Slot = { parent: Container; key: string | number };

/** Values of every type, including the ones JSON has no word for. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      1e308,
      5e-324,
      Number.MAX_SAFE_INTEGER + 2,
      '',
      ' ',
      'x'.repeat(10_000),
      '\u0000',
      true,
      [],
      {},
      [[]],
      [null],
      { __proto__: null, constructor: 'x' },
    ),
  },
  { weight: 1, arbitrary: fc.double().map(value => value) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
);

const position = fc.nat({ max: 1_000_000 });

/** One tree mutation. */
export const treeMutation: fc.Arbitrary<TreeMutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: position }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: position,
    value: anyValue,
  }),
  fc.record({
    kind: fc.constant('add-key' as const),
    at: position,
    key: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', '<<', 'x-extra'),
    ),
    value: anyValue,
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: position,
    depth: fc.integer({ min: 1, max: 150 }),
    asList: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('repeat-item' as const),
    at: position,
    times: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({ kind: fc.constant('empty' as const), at: position }),
);

function isContainer(value: unknown): value is Container {
  return (
    value !== null && typeof value === 'object' && !(value instanceof Date)
  );
}

/** Every slot of the tree (a key of a mapping, an index of a list), depth first. */
function slotsOf(root: Container): Slot[] {
  const slots: Slot[] = [];
  const visit = (parent: Container) => {
    const keys: (string | number)[] = Array.isArray(parent)
      ? parent.map((_, index) => index)
      : Object.keys(parent);
    for (const key of keys) {
      slots.push({ parent, key });
      const child = (parent as any)[key];
      if (isContainer(child)) {
        visit(child);
      }
    }
  };
  visit(root);
  return slots;
}

function set(slot: Slot, value: unknown) {
  Object.defineProperty(slot.parent, slot.key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Applies one mutation to a tree (mutating it). */
export function applyTreeMutation(root: Container, mutation: TreeMutation) {
  const slots = slotsOf(root);
  if (slots.length === 0) {
    return;
  }
  const slot = slots[mutation.at % slots.length];
  const current = (slot.parent as any)[slot.key];
  switch (mutation.kind) {
    case 'drop':
      if (Array.isArray(slot.parent)) {
        slot.parent.splice(slot.key as number, 1);
      } else {
        delete slot.parent[slot.key as string];
      }
      return;
    case 'replace':
      // A copy: the generated value is shared by later runs, which must not see it changed.
      set(slot, structuredClone(mutation.value));
      return;
    case 'add-key':
      if (isContainer(current) && !Array.isArray(current)) {
        set(
          { parent: current, key: mutation.key },
          structuredClone(mutation.value),
        );
      } else if (!Array.isArray(slot.parent)) {
        set(
          { parent: slot.parent, key: mutation.key },
          structuredClone(mutation.value),
        );
      }
      return;
    case 'nest': {
      let nested = current;
      for (let level = 0; level < mutation.depth; level++) {
        nested = mutation.asList ? [nested] : { nested };
      }
      set(slot, nested);
      return;
    }
    case 'repeat-item':
      if (Array.isArray(current)) {
        const first = current[0] ?? 'x';
        current.push(...Array.from({ length: mutation.times }, () => first));
      } else {
        set(
          slot,
          Array.from({ length: mutation.times }, () => current),
        );
      }
      return;
    default:
      set(slot, Array.isArray(current) ? [] : {});
  }
}

/**
 * A file of the corpus with one to four tree mutations applied to its documents, written back as
 * YAML. Repeated objects come out as anchors and aliases, as `yaml` writes them.
 */
export function mutatedTree(
  corpus: readonly { path: string; content: string }[],
): fc.Arbitrary<{ path: string; mutations: TreeMutation[]; content: string }> {
  const trees = corpus.map(file => ({
    path: file.path,
    documents: [...parseAllDocuments(file.content)].map(document =>
      document.toJS(),
    ),
  }));
  return fc
    .record({
      file: fc.constantFrom(...trees),
      mutations: fc.array(treeMutation, { minLength: 1, maxLength: 4 }),
    })
    .map(({ file, mutations }) => {
      const documents: unknown[] = structuredClone(file.documents);
      mutations.forEach(mutation => applyTreeMutation(documents, mutation));
      return {
        path: file.path,
        mutations,
        content: documents
          .map(document => stringify(document, { aliasDuplicateObjects: true }))
          .join('---\n'),
      };
    });
}
