/**
 * `reliability generate` against Sloth's goldens: for every case under
 * `$RELIABILITY_SHARED_FIXTURES/sloth/<case>/`, the output for `input.yml` with
 * `-l cmd=examplesgen.sh` must parse to what Sloth wrote in `expected.yml`, `sloth_version`
 * values aside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../__testUtils__/runCli';

const fixturesRoot = process.env.RELIABILITY_SHARED_FIXTURES;
const slothRoot = fixturesRoot && path.join(fixturesRoot, 'sloth');

if (!slothRoot) {
  // eslint-disable-next-line no-console
  console.warn(
    'generate.sloth.test.ts did NOT run: set RELIABILITY_SHARED_FIXTURES to the shared fixtures directory (e.g. ../shared/fixtures beside the repository) to compare `reliability generate` with Sloth goldens.',
  );
}

const describeWithFixtures = slothRoot ? describe : describe.skip;

if (!slothRoot) {
  // Listed as a todo in every run without the fixtures, so that the gap is seen in the summary.
  it.todo(
    'compare `reliability generate` with the Sloth goldens (set RELIABILITY_SHARED_FIXTURES to run)',
  );
}

function withoutVersions(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutVersions);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        key === 'sloth_version' ? '<version>' : withoutVersions(v),
      ]),
    );
  }
  return value;
}

function documents(text: string): unknown[] {
  return parseAllDocuments(text)
    .map(doc => doc.toJS())
    .filter(doc => doc !== null && doc !== undefined)
    .map(withoutVersions);
}

function cases(): string[] {
  if (!slothRoot) {
    return [];
  }
  return fs
    .readdirSync(slothRoot, { withFileTypes: true })
    .filter(entry => entry.isDirectory() && !entry.name.startsWith('_'))
    .map(entry => entry.name)
    .sort();
}

describeWithFixtures('reliability generate, compared with Sloth', () => {
  const names = cases();

  it('finds golden cases', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const name of names) {
    it(`reproduces ${name}`, async () => {
      const dir = path.join(slothRoot!, name);
      const run = await runCli(
        'generate',
        '-i',
        path.join(dir, 'input.yml'),
        '-l',
        'cmd=examplesgen.sh',
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(documents(run.stdout)).toEqual(
        documents(fs.readFileSync(path.join(dir, 'expected.yml'), 'utf8')),
      );
    });
  }
});
