// Entry point of `yarn bench:vs-tech-insights`: registers the Backstage CLI's TypeScript
// transform, then runs the benchmark from source.
require('@backstage/cli/config/nodeTransform.cjs');
require('./index.ts');
