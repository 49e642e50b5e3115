/**
 * Compatibility with OpenSLO's own examples: every YAML file under
 * `$RELIABILITY_SHARED_FIXTURES/openslo` (the spec's examples and the Go SDK's v1 examples) parses
 * without errors, with only the warnings the README's "Spec decisions" documents. Each file alone
 * may name alert objects of its neighbours, so it is read as `validate --allow-external-refs`
 * reads; read together, every reference must resolve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatSpecProblem } from '../problems';
import { parseSloFiles } from './parseSloFiles';

const fixturesRoot = process.env.RELIABILITY_SHARED_FIXTURES;
const openSloRoot = fixturesRoot && path.join(fixturesRoot, 'openslo');

if (!fixturesRoot) {
  // eslint-disable-next-line no-console
  console.warn(
    'compat.openslo.test.ts did NOT run: set RELIABILITY_SHARED_FIXTURES to the shared fixtures directory (e.g. ../shared/fixtures beside the repository) to check the OpenSLO examples.',
  );
}

/** The warnings "Spec decisions" documents for files that follow the spec and its examples. */
const DOCUMENTED_WARNINGS = [
  /^op is ignored for ratio SLIs/,
  /^"\d+m" is read as \d+ month\(s\)/,
  /^no (DataSource|AlertPolicy|AlertCondition|AlertNotificationTarget) named "[^"]+" is among the files read together/,
  /^another (Service|AlertPolicy|AlertCondition|AlertNotificationTarget) named "[^"]+" is defined at /,
];

function yamlFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        return yamlFilesUnder(full);
      }
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

function read(file: string) {
  return { path: file, content: fs.readFileSync(file, 'utf8') };
}

(openSloRoot ? describe : describe.skip)('OpenSLO examples', () => {
  const files = openSloRoot ? yamlFilesUnder(openSloRoot) : [];

  it('finds the examples', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map(file => [path.relative(openSloRoot!, file)]))(
    '%s parses with no errors and only documented warnings',
    name => {
      const result = parseSloFiles([read(path.join(openSloRoot!, name))], {
        unresolvedAlertReferences: 'warning',
      });
      const unexpected = result.problems.filter(
        problem =>
          problem.severity === 'error' ||
          !DOCUMENTED_WARNINGS.some(pattern => pattern.test(problem.message)),
      );
      expect(unexpected.map(formatSpecProblem)).toEqual([]);
    },
  );

  it('builds every SLO of the examples, and resolves references when files are read together', () => {
    const byDirectory = new Map<string, string[]>();
    for (const file of files) {
      const dir = path.dirname(file);
      byDirectory.set(dir, [...(byDirectory.get(dir) ?? []), file]);
    }
    const sdkFiles = [...byDirectory.entries()].find(([dir]) =>
      dir.endsWith('go-sdk-v1-examples'),
    )?.[1];
    expect(sdkFiles).toBeDefined();
    const together = parseSloFiles(sdkFiles!.map(read));
    // The SDK's own examples name two notification targets none of them defines: its reference
    // inliner rejects those two ("... referenced at 'spec.notificationTargets[0].targetRef' does
    // not exist"), and so do we; nothing else is an error.
    expect(
      together.problems
        .filter(p => p.severity === 'error')
        .map(p => `${path.basename(p.file)}:${p.line} ${p.path}`),
    ).toEqual([
      'alert_policies.yaml:18 [0].spec.notificationTargets[0].targetRef',
      'alert_policies.yaml:50 [1].spec.notificationTargets[0].targetRef',
    ]);
    // alert_policies.yaml refers to cpu-usage-breach in alert_conditions.yaml: resolved together.
    expect(
      together.problems.filter(p => p.message.includes('cpu-usage-breach')),
    ).toEqual([]);
    expect(together.slos.map(slo => slo.id)).toEqual([
      'web-web-availability-0',
    ]);

    const slosPerFile = files.flatMap(file =>
      parseSloFiles([read(file)], {
        unresolvedAlertReferences: 'warning',
      }).slos.map(slo => slo.id),
    );
    expect(slosPerFile).toEqual(
      expect.arrayContaining([
        'web-shop-search-slo-0',
        'web-shop-main-page-0',
        'web-availability-service-availability-0',
        'web-availability-service-availability-1',
      ]),
    );
  });
});
