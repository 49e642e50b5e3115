import fc from 'fast-check';
import { bombInput } from '../__fuzz__/bombs';
import { runbookCorpus } from '../__fuzz__/corpus';
import {
  expectFast,
  expectWellFormedProblems,
  hasError,
} from '../__fuzz__/expectations';
import { fuzzParameters, timed } from '../__fuzz__/fuzzSettings';
import { mutatedText } from '../__fuzz__/textMutations';
import { mutatedTree } from '../__fuzz__/treeMutations';
import { parseRunbookFile } from './parseRunbookFile';
import { renderRunbookMarkdown } from './renderRunbookMarkdown';
import { renderRunbookMermaid } from './renderRunbookMermaid';

const corpus = runbookCorpus();

/**
 * The properties of any parse: fast, well-formed problems, a tree only when it is valid, and a
 * valid tree is closed (every reference names a node) and renders.
 */
function check(input: { path: string; content: string }) {
  const { result, ms } = timed(() =>
    parseRunbookFile(input.content, { file: input.path }),
  );
  expectFast(ms);
  expectWellFormedProblems(result.problems, [input.path]);
  const tree = result.runbook;
  expect(tree === undefined).toBe(hasError(result.problems));
  if (!tree) {
    return;
  }
  const ids = new Set(tree.nodes.map(node => node.id));
  expect(ids.has(tree.start)).toBe(true);
  for (const entry of tree.entryPoints) {
    expect(ids.has(entry.node)).toBe(true);
  }
  for (const node of tree.nodes) {
    if (node.type === 'question') {
      expect(node.answers.length).toBeGreaterThan(0);
      for (const answer of node.answers) {
        expect(ids.has(answer.next)).toBe(true);
      }
    } else {
      expect((node.next === undefined) !== (node.end === undefined)).toBe(true);
      if (node.next !== undefined) {
        expect(ids.has(node.next)).toBe(true);
      }
    }
  }
  expect(renderRunbookMarkdown(tree)).toMatch(/^# /);
  expect(renderRunbookMermaid(tree)).toMatch(/^flowchart TD\n/);
}

describe('parseRunbookFile, fuzzed', () => {
  it('has a corpus of valid files to mutate', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2);
    for (const file of corpus) {
      const result = parseRunbookFile(file.content, { file: file.path });
      expect(result.problems).toEqual([]);
      expect(result.runbook).toBeDefined();
    }
  });

  it('never throws on text mutations, and reports well-formed problems quickly', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(mutatedText(corpus), input => {
          check(input);
        }),
        fuzzParameters('runbook text mutations'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('never throws on structure mutations, and gives only closed trees', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(mutatedTree(corpus), input => {
          check(input);
        }),
        fuzzParameters('runbook tree mutations'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('stays bounded on alias bombs and deep nesting', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(bombInput(corpus), input => {
          check(input);
        }),
        fuzzParameters('runbook alias bombs and nesting'),
      ),
    ).not.toThrow();
  }, 60_000);
});
