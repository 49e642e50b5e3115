import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { bombInput } from '../__fuzz__/bombs';
import { scorecardCorpus } from '../__fuzz__/corpus';
import { expectFast } from '../__fuzz__/expectations';
import { fuzzParameters, timed } from '../__fuzz__/fuzzSettings';
import { mutatedText } from '../__fuzz__/textMutations';
import { applyTreeMutation, treeMutation } from '../__fuzz__/treeMutations';
import { readYamlFile } from '../spec/yaml/readYamlFile';
import { parseScorecardDefinitions } from './parseScorecardDefinitions';

const corpus = scorecardCorpus();
const SOURCE = 'scorecards.yaml';
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Definitions from a YAML file go through the bounded reader first, as the backend reads them;
 * a document that is a list comes back one object per item, so the list is put back together.
 */
function readDefinitions(content: string): unknown {
  const { objects } = readYamlFile({ path: SOURCE, content });
  if (objects.length === 0) {
    return undefined;
  }
  return objects[0].basePath.length > 0
    ? objects.map(object => object.value)
    : objects[0].value;
}

/** The properties of any parse: fast, problems with a path and message, consistent scorecards. */
function check(value: unknown) {
  const { result, ms } = timed(() =>
    parseScorecardDefinitions(value, { source: SOURCE }),
  );
  expectFast(ms);
  for (const problem of result.problems) {
    expect(problem.source).toBe(SOURCE);
    expect(problem.path).toMatch(/^reliability\.scorecards/);
    expect(problem.message.trim()).not.toBe('');
    expect(problem.message).not.toContain('[object Object]');
  }
  const ids = result.scorecards.map(scorecard => scorecard.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const scorecard of result.scorecards) {
    expect(scorecard.id).toMatch(KEBAB);
    expect(scorecard.levels.length).toBeGreaterThanOrEqual(1);
    expect(scorecard.levels.length).toBeLessThanOrEqual(10);
    const levelNames = scorecard.levels.map(level => level.name.toLowerCase());
    expect(new Set(levelNames).size).toBe(levelNames.length);
    const checkIds = scorecard.levels.flatMap(level =>
      level.checks.map(reference => reference.id),
    );
    expect(new Set(checkIds).size).toBe(checkIds.length);
    for (const level of scorecard.levels) {
      expect(level.checks.length).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('parseScorecardDefinitions, fuzzed', () => {
  const values = corpus.map(file =>
    [...parseAllDocuments(file.content)][0].toJS(),
  );

  it('has a corpus of valid definitions to mutate', () => {
    expect(corpus.length).toBeGreaterThan(0);
    for (const file of corpus) {
      const result = parseScorecardDefinitions(readDefinitions(file.content), {
        source: SOURCE,
      });
      expect(result.problems).toEqual([]);
      expect(result.scorecards.length).toBeGreaterThan(0);
    }
  });

  it('never throws on text mutations read through the bounded YAML reader', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(mutatedText(corpus), input => {
          check(readDefinitions(input.content));
        }),
        fuzzParameters('scorecard text mutations'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('never throws on structure mutations of the value, and keeps scorecards consistent', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(
          fc.constantFrom(...values),
          fc.array(treeMutation, { minLength: 1, maxLength: 4 }),
          (value, mutations) => {
            // Applied to the value itself, as app-config gives it: no YAML round trip, so values
            // YAML cannot write (NaN, -0, dates) reach the parser too.
            const root = [structuredClone(value)];
            mutations.forEach(mutation => applyTreeMutation(root, mutation));
            check(root[0]);
          },
        ),
        fuzzParameters('scorecard tree mutations'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('stays bounded on alias bombs and deep nesting', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(bombInput(corpus), input => {
          check(readDefinitions(input.content));
        }),
        fuzzParameters('scorecard alias bombs and nesting'),
      ),
    ).not.toThrow();
  }, 60_000);
});
