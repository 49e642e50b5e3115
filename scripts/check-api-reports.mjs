#!/usr/bin/env node
// Checks that the committed API reports match the code, as `backstage-repo-tools api-reports --ci`
// does, except for the order of a union's members. TypeScript orders the members of an inferred
// union (e.g. the outputs of the frontend plugin's extensions, `ExtensionDataRef<…> | …`) by the
// order it happened to create their types, which differs between runs on the same code: the
// same commit's report came out in two orders in two runs, and `--ci` failed one of them.
//
//   node scripts/check-api-reports.mjs     (yarn check:api-reports)
//
// It regenerates the reports in place, compares each with the committed one with the members of
// every union sorted, puts back the committed file where they agree, and fails naming the files
// that really changed (left regenerated, to commit).

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const PACKAGES = [
  'plugins/reliability',
  'plugins/reliability-backend',
  'plugins/reliability-common',
  'plugins/reliability-node',
  'packages/reliability-cli',
  'plugins/scaffolder-backend-module-reliability',
];
const OMITTED = 'ae-wrong-input-file-type,ae-undocumented';

function reportFiles() {
  return execFileSync(
    'git',
    ['ls-files', '--others', '--cached', '--exclude-standard', ...PACKAGES],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(file =>
      /(^|\/)(report(-[\w-]+)?\.api\.md|cli-report\.md)$/.test(file),
    );
}

/** A run of string literals joined by ` | ` on one line: `'warn' | 'block'`. */
const INLINE_LITERAL_UNION =
  /(?:'[^'\n]*'|"[^"\n]*")(?: \| (?:'[^'\n]*'|"[^"\n]*"))+/g;

/**
 * The text with the members of every union in sorted order: multi-line unions (`| …` lines), and
 * one-line unions of string literals (the scaffolder action's zod enums came out as
 * `'warn' | 'block'` and `'block' | 'warn'` in two runs of one commit).
 */
export function withSortedUnions(text) {
  return withSortedMultiLineUnions(
    text.replace(INLINE_LITERAL_UNION, union =>
      union.split(' | ').sort().join(' | '),
    ),
  );
}

function withSortedMultiLineUnions(text) {
  const lines = text.split('\n');
  const indentOf = line => line.length - line.trimStart().length;
  const out = [];
  let i = 0;
  while (i < lines.length) {
    if (!/^\s*\| /.test(lines[i])) {
      out.push(lines[i]);
      i += 1;
      continue;
    }
    const indent = indentOf(lines[i]);
    const members = [];
    while (
      i < lines.length &&
      /^\s*\| /.test(lines[i]) &&
      indentOf(lines[i]) === indent
    ) {
      const member = [lines[i]];
      i += 1;
      while (
        i < lines.length &&
        lines[i].trim() !== '' &&
        indentOf(lines[i]) > indent
      ) {
        member.push(lines[i]);
        i += 1;
      }
      // Nested unions inside a member (deeper lines) are sorted too.
      members.push(
        [member[0], withSortedMultiLineUnions(member.slice(1).join('\n'))]
          .filter(part => part !== '')
          .join('\n'),
      );
    }
    out.push(...members.sort());
  }
  return out.join('\n');
}

const before = new Map(
  reportFiles().map(file => [file, readFileSync(file, 'utf8')]),
);
const run = spawnSync(
  'yarn',
  ['backstage-repo-tools', 'api-reports', '-o', OMITTED, ...PACKAGES],
  { stdio: 'inherit' },
);
if (run.status !== 0) {
  console.error(`api-reports: backstage-repo-tools exited with ${run.status}`);
  process.exit(1);
}

const changed = [];
for (const file of reportFiles()) {
  const committed = before.get(file);
  const generated = readFileSync(file, 'utf8');
  if (committed === undefined) {
    changed.push(`${file} (new)`);
  } else if (withSortedUnions(committed) === withSortedUnions(generated)) {
    writeFileSync(file, committed);
  } else {
    changed.push(file);
  }
}
if (changed.length > 0) {
  console.error(
    `api-reports: the API changed in ${changed.join(
      ', ',
    )}: run \`yarn build:api-reports\` and commit the reports`,
  );
  process.exit(1);
}
console.log(
  `api-reports: ${before.size} reports match the code (union members in any order)`,
);
