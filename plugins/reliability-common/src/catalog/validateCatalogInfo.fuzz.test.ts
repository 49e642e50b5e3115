import fc from 'fast-check';
import { bombInput } from '../__fuzz__/bombs';
import { catalogCorpus } from '../__fuzz__/corpus';
import { expectFast, expectWellFormedProblems } from '../__fuzz__/expectations';
import { fuzzParameters, timed } from '../__fuzz__/fuzzSettings';
import { mutatedText } from '../__fuzz__/textMutations';
import { mutatedTree } from '../__fuzz__/treeMutations';
import { validateCatalogInfo } from './validateCatalogInfo';

const corpus = catalogCorpus();

/** The properties of any validation: fast, well-formed problems, consistent entities. */
function check(input: { path: string; content: string }) {
  const { result, ms } = timed(() =>
    validateCatalogInfo({ path: input.path, content: input.content }),
  );
  expectFast(ms);
  expectWellFormedProblems(result.problems, [input.path]);
  const refs = result.entities.map(entity => entity.ref);
  for (const entity of result.entities) {
    expect(entity.ref).toMatch(/^[^:]+:[^/]*\/.+$/);
    expect(entity.ref).toBe(entity.ref.toLowerCase());
    expect(entity.location.file).toBe(input.path);
    expect(entity.location.line).toBeGreaterThanOrEqual(1);
  }
  for (const sloFile of result.sloFiles) {
    expect(refs).toContain(sloFile.entityRef);
    expect(sloFile.path.trim()).not.toBe('');
    expect(sloFile.location.path).toContain('reliability/slos');
  }
  return result;
}

describe('validateCatalogInfo, fuzzed', () => {
  it('has a corpus of valid files to mutate', () => {
    expect(corpus.length).toBeGreaterThan(0);
    for (const file of corpus) {
      const result = validateCatalogInfo(file);
      expect({ file: file.path, problems: result.problems }).toEqual({
        file: file.path,
        problems: [],
      });
      expect(result.entities.length).toBeGreaterThan(0);
    }
  });

  it('never throws on text mutations, and reports well-formed problems quickly', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(mutatedText(corpus), input => {
          check(input);
        }),
        fuzzParameters('catalog text mutations'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('never throws on structure mutations, and keeps entities consistent', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(mutatedTree(corpus), input => {
          check(input);
        }),
        fuzzParameters('catalog tree mutations'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('stays bounded on alias bombs and deep nesting', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(bombInput(corpus), input => {
          const result = check(input);
          expect(result.sloFiles.length).toBeLessThan(1000);
        }),
        fuzzParameters('catalog alias bombs and nesting'),
      ),
    ).not.toThrow();
  }, 60_000);
});
