#!/usr/bin/env node
// Prints the closing line of `./dev test`, computed from the runners' own result files:
//   tests: N passed, N failed[, N skipped]
// Every *.json in the results folder is a Jest `--json` report (the end-to-end runner writes
// the same shape). Exits non-zero when a report is missing, a test failed or a suite failed to run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
let brokenSuites = 0;
const files = readdirSync(dir).filter(f => f.endsWith('.json'));
for (const file of files) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  brokenSuites += report.numRuntimeErrorTestSuites ?? 0;
}
if (files.length === 0) {
  console.error('no test report was written: the test runner did not run');
  failed += 1;
}
if (brokenSuites > 0) {
  console.error(`${brokenSuites} test suite(s) failed to run`);
}
console.log(
  `tests: ${passed} passed, ${failed} failed${
    skipped ? `, ${skipped} skipped` : ''
  }`,
);
process.exit(failed > 0 || brokenSuites > 0 ? 1 : 0);
