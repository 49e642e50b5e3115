import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { bombInput } from '../../__fuzz__/bombs';
import { rotationCorpus } from '../../__fuzz__/corpus';
import {
  expectFast,
  expectWellFormedProblems,
  hasError,
} from '../../__fuzz__/expectations';
import { fuzzParameters, timed } from '../../__fuzz__/fuzzSettings';
import { mutatedText } from '../../__fuzz__/textMutations';
import { mutatedTree } from '../../__fuzz__/treeMutations';
import { parseRotationFile } from './parseRotationFile';

const corpus = rotationCorpus();
const DAY_MINUTES = 24 * 60;

/** The properties of any parse: fast, well-formed problems, a rotation only when it is valid. */
function check(input: { path: string; content: string }) {
  const { result, ms } = timed(() =>
    parseRotationFile(input.content, { file: input.path }),
  );
  expectFast(ms);
  expectWellFormedProblems(result.problems, [input.path]);
  const { rotation } = result;
  expect(rotation === undefined).toBe(hasError(result.problems));
  if (!rotation) {
    return;
  }
  expect(IANAZone.isValidZone(rotation.timeZone)).toBe(true);
  expect(rotation.layers.length).toBeGreaterThan(0);
  expect(new Set(rotation.layers.map(layer => layer.name)).size).toBe(
    rotation.layers.length,
  );
  for (const layer of rotation.layers) {
    expect(Number.isFinite(layer.startMs)).toBe(true);
    if (layer.endMs !== undefined) {
      expect(layer.endMs).toBeGreaterThan(layer.startMs);
    }
    expect(layer.shiftLengthMinutes).toBeGreaterThanOrEqual(15);
    expect(layer.shiftLengthMinutes).toBeLessThanOrEqual(366 * DAY_MINUTES);
    expect(layer.members.length).toBeGreaterThan(0);
    for (const member of layer.members) {
      expect(member).toMatch(/^user:[^/:]+\/[^/:]+$/);
    }
    for (const restriction of layer.restrictions) {
      expect(new Set(restriction.days).size).toBe(restriction.days.length);
      for (const minutes of [restriction.fromMinutes, restriction.toMinutes]) {
        expect(minutes).toBeGreaterThanOrEqual(0);
        expect(minutes).toBeLessThanOrEqual(DAY_MINUTES);
      }
    }
  }
  for (const override of rotation.overrides) {
    expect(override.endMs).toBeGreaterThan(override.startMs);
    expect(override.user).toMatch(/^user:[^/:]+\/[^/:]+$/);
  }
  for (const level of rotation.escalation) {
    expect(Number.isFinite(level.afterMinutes)).toBe(true);
    expect(level.users.length).toBeGreaterThan(0);
  }
}

describe('parseRotationFile, fuzzed', () => {
  it('has a corpus of valid files to mutate', () => {
    expect(corpus.length).toBeGreaterThan(0);
    for (const file of corpus) {
      const result = parseRotationFile(file.content, { file: file.path });
      expect(result.problems).toEqual([]);
      expect(result.rotation).toBeDefined();
    }
  });

  it('never throws on text mutations, and reports well-formed problems quickly', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(mutatedText(corpus), input => {
          check(input);
        }),
        fuzzParameters('rotation text mutations'),
      ),
    ).not.toThrow();
  }, 60_000);

  it('never throws on structure mutations, and gives only consistent rotations', () => {
    // The counterexample and its seed are in the message when this fails.
    expect(() =>
      fc.assert(
        fc.property(mutatedTree(corpus), input => {
          check(input);
        }),
        fuzzParameters('rotation tree mutations'),
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
        fuzzParameters('rotation alias bombs and nesting'),
      ),
    ).not.toThrow();
  }, 60_000);
});
