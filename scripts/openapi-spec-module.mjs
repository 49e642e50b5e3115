#!/usr/bin/env node
// Writes an OpenAPI YAML file as a TypeScript module exporting the spec `as const`, which
// `createValidatedOpenApiRouter` from @backstage/backend-openapi-utils types its routes from.
//
//   node scripts/openapi-spec-module.mjs <openapi.yaml> <out.ts>
//
// `backstage-repo-tools package schema openapi generate --server` writes the same module, but
// needs the openapi-generator JAR downloaded from Maven at run time, which our machines cannot
// reach. The check in the tests compares this output with the YAML, so the two never drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse } = require('yaml');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: openapi-spec-module.mjs <openapi.yaml> <out.ts>');
  process.exit(2);
}
const spec = parse(readFileSync(input, 'utf8'));
writeFileSync(
  output,
  `// GENERATED from ${input
    .split('/')
    .pop()} by scripts/openapi-spec-module.mjs: do not edit.\n` +
    `// Run \`yarn generate\` in the package after changing the YAML.\n\n` +
    `/** @internal */\nexport const spec = ${JSON.stringify(
      spec,
      null,
      2,
    )} as const;\n`,
);
