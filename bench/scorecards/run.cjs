// Entry point of `yarn bench:scorecards`: registers the Backstage CLI's TypeScript transform,
// then runs the benchmark from source. Equivalent to
// `node -r @backstage/cli/config/nodeTransform.cjs bench/scorecards/index.ts`.
require('@backstage/cli/config/nodeTransform.cjs');
require('./index.ts');
