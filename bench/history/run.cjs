// Entry point of `yarn bench:history`: registers the Backstage CLI's TypeScript transform,
// then runs the benchmark from source. Equivalent to
// `node -r @backstage/cli/config/nodeTransform.cjs bench/history/index.ts`.
require('@backstage/cli/config/nodeTransform.cjs');
require('./index.ts');
