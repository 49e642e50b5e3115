// Entry point of `yarn bench:scale`: registers the Backstage CLI's TypeScript transform, then
// runs the benchmark from source.
require('@backstage/cli/config/nodeTransform.cjs');
require('./index.ts');
