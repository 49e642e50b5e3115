// Entry point of `yarn bench:scorecard-dry-run`: registers the Backstage CLI's TypeScript
// transform, then runs the benchmark from source. Equivalent to
// `node -r @backstage/cli/config/nodeTransform.cjs bench/scorecard-dry-run/index.ts`.
require('@backstage/cli/config/nodeTransform.cjs');
require('./index.ts');
