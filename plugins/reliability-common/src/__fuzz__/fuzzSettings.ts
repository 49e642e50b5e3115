// Test-only helpers of the *.fuzz.test.ts files, like __testUtils__: fast-check is a devDependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import fc from 'fast-check';

/**
 * Settings shared by the fuzz tests (`*.fuzz.test.ts`): one fixed seed and one total number of
 * variants, split between the parsers, so that CI runs the same inputs every time and a failure
 * can be replayed. `FUZZ_SEED` and `FUZZ_RUNS` override them, e.g. for a long local run:
 * `FUZZ_SEED=7 FUZZ_RUNS=100000 yarn backstage-cli package test --ci fuzz`.
 */

/** The seed used unless `FUZZ_SEED` is set: any fixed number keeps CI reproducible. */
const DEFAULT_SEED = 20260401;

/** Variants across all parsers unless `FUZZ_RUNS` is set; the task asks for 10,000. */
const DEFAULT_TOTAL_RUNS = 10_000;

/**
 * The longest any single input may take, in milliseconds. Generous (inputs take a few
 * milliseconds) because the 2-core CI machine is shared; what it catches is exponential blow-up.
 *
 * @internal
 */
export const MAX_MS_PER_INPUT = 2000;

function fromEnvironment(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  }
  return value;
}

/** @internal */
export const FUZZ_SEED = fromEnvironment('FUZZ_SEED', DEFAULT_SEED);

/** @internal */
export const FUZZ_TOTAL_RUNS = fromEnvironment('FUZZ_RUNS', DEFAULT_TOTAL_RUNS);

/**
 * Shares of the total variants per property, in ten-thousandths; they add up to 10,000 so that the
 * default total gives each property exactly its share.
 *
 * @internal
 */
export const FUZZ_SHARES = {
  'slo text mutations': 1500,
  'slo tree mutations': 1400,
  'slo alias bombs and nesting': 300,
  'slo several files': 300,
  'catalog text mutations': 800,
  'catalog tree mutations': 500,
  'catalog alias bombs and nesting': 200,
  'rotation text mutations': 800,
  'rotation tree mutations': 500,
  'rotation alias bombs and nesting': 200,
  'runbook text mutations': 300,
  'runbook tree mutations': 150,
  'runbook alias bombs and nesting': 50,
  'scorecard text mutations': 600,
  'scorecard tree mutations': 600,
  'scorecard alias bombs and nesting': 200,
  'alert quality validation': 800,
  'alert quality analysis': 800,
} as const;

/** @internal */
export type FuzzProperty = keyof typeof FUZZ_SHARES;

/** How many variants a property runs: its share of the total, at least one. */
export function fuzzRuns(property: FuzzProperty): number {
  return Math.max(
    1,
    Math.round((FUZZ_TOTAL_RUNS * FUZZ_SHARES[property]) / 10_000),
  );
}

/**
 * Parameters of `fc.assert` for a property: the shared seed, its number of runs, and no time
 * limit of fast-check's own (each input is timed by the property).
 *
 * @internal
 */
export function fuzzParameters<T>(property: FuzzProperty): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(property) };
}

/**
 * Runs `parse` on one input and returns its result and how long it took; a throw fails the test
 * with the input's description, which is what "never throws" means.
 *
 * @internal
 */
export function timed<T>(parse: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = parse();
  return { result, ms: performance.now() - start };
}
