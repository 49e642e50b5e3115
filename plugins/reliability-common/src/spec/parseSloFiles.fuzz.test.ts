import fc from 'fast-check';
import { bombInput } from '../__fuzz__/bombs';
import { sloCorpus } from '../__fuzz__/corpus';
import {
  expectFast,
  expectWellFormedProblems,
  hasError,
} from '../__fuzz__/expectations';
import { fuzzParameters, timed } from '../__fuzz__/fuzzSettings';
import { mutatedText } from '../__fuzz__/textMutations';
import { mutatedTree } from '../__fuzz__/treeMutations';
import type { SloParseResult, SloSourceFile } from './model';
import { parseSloFiles } from './parseSloFiles';

const corpus = sloCorpus();

/** The properties of any parse: fast, well-formed problems, consistent SLOs. */
function check(files: readonly SloSourceFile[]): SloParseResult {
  const { result, ms } = timed(() => parseSloFiles(files));
  expectFast(ms);
  const paths = files.map(file => file.path);
  expectWellFormedProblems(result.problems, paths);
  const ids = result.slos.map(slo => slo.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const slo of result.slos) {
    const { file } = slo.source.location;
    expect(paths).toContain(file);
    expect(
      hasError(result.problems.filter(problem => problem.file === file)),
    ).toBe(false);
    expect(slo.id).toEqual(expect.any(String));
    expect(slo.id.length).toBeGreaterThan(0);
    const { target, targetPercent } = slo.objective;
    if (
      !(target > 0 && target < 1 && targetPercent > 0 && targetPercent < 100)
    ) {
      throw new Error(
        `objective out of range: ${JSON.stringify(slo.objective)}`,
      );
    }
    if (slo.timeWindow?.type === 'rolling') {
      expect(Number.isFinite(slo.timeWindow.durationMs)).toBe(true);
      expect(slo.timeWindow.durationMs).toBeGreaterThan(0);
    }
    if (slo.timeWindow?.type === 'calendar') {
      expect(Number.isInteger(slo.timeWindow.count)).toBe(true);
      expect(slo.timeWindow.count).toBeGreaterThan(0);
    }
    for (const value of Object.values(slo.labels)) {
      expect(typeof value).toBe('string');
    }
  }
  return result;
}

describe('parseSloFiles, fuzzed', () => {
  it('has a corpus of valid files to mutate', () => {
    expect(corpus.length).toBeGreaterThan(0);
    for (const file of corpus) {
      // Each file alone: its alert objects may name those of its neighbours.
      const errors = parseSloFiles([file], {
        unresolvedAlertReferences: 'warning',
      }).problems.filter(problem => problem.severity === 'error');
      expect({ file: file.path, errors }).toEqual({
        file: file.path,
        errors: [],
      });
    }
  });

  it('never throws on text mutations, and reports well-formed problems quickly', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(mutatedText(corpus), input => {
          check([{ path: input.path, content: input.content }]);
        }),
        fuzzParameters('slo text mutations'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('never throws on structure mutations, and keeps valid results consistent', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(mutatedTree(corpus), input => {
          check([{ path: input.path, content: input.content }]);
        }),
        fuzzParameters('slo tree mutations'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('stays bounded on alias bombs and deep nesting', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(bombInput(corpus), input => {
          const result = check([{ path: input.path, content: input.content }]);
          // Every bomb is either refused or read without expanding it.
          expect(
            input.bomb.kind === 'many-documents' || result.slos.length < 1000,
          ).toBe(true);
        }),
        fuzzParameters('slo alias bombs and nesting'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('parses several mutated files together consistently', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(
          fc.array(mutatedText(corpus), { minLength: 2, maxLength: 4 }),
          inputs => {
            check(
              inputs.map((input, index) => ({
                path: `${index}/${input.path}`,
                content: input.content,
              })),
            );
          },
        ),
        fuzzParameters('slo several files'),
      ),
    ).not.toThrow();
  }, 60_000);
});
