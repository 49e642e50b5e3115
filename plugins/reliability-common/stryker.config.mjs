// Mutation testing of the pure SLO logic: `yarn test:mutation` from the repository root (or
// `yarn test:mutation` here). Not part of `yarn test`: it runs the tests once per mutant and
// takes the better part of an hour on two cores. Each mutant is type-checked first, so that
// mutants TypeScript would refuse do not count as killed.
// The areas of src/ to mutate; STRYKER_AREAS=budget,windows narrows a run to some of them.
const areas = (
  process.env.STRYKER_AREAS ?? 'budget,windows,rules,alertQuality,scorecards'
).split(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'yarn',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // Backstage's own jest configuration, as `backstage-cli package test` uses it.
    configFile: 'stryker.jest.config.cjs',
    enableFindRelatedTests: true,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) need every test per mutant: far too slow to be worth it.
  // Those that a test's module load also reaches (UNITS and DURATION_PATTERN in windows/duration.ts,
  // defaultAlertWindows) escape this and are reported Survived with 0 tests run: read a survivor's
  // testsCompleted in reports/mutation/mutation.json before writing a test for it.
  ignoreStatic: true,
  mutate: [
    ...areas.map(area => `src/${area.trim()}/**/*.ts`),
    '!src/**/*.test.ts',
    '!src/**/__testUtils__/**',
    '!src/**/index.ts',
  ],
  // The machine it runs on is usually shared; raise it with --concurrency where it is not.
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
