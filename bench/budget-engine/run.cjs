// Entry point of `yarn bench:budget-engine`: registers the Backstage CLI's TypeScript transform,
// then runs the benchmark from source. Equivalent to
// `node -r @backstage/cli/config/nodeTransform.cjs bench/budget-engine/index.ts`.
require('@backstage/cli/config/nodeTransform.cjs');
require('./index.ts');
