import path from 'node:path';
import { removeTempDirs, runCli, tempDir } from '../__testUtils__/runCli';

afterAll(removeTempDirs);

function catalogInfo(releasePolicy: string): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: shop
  annotations:
    reliability/release-policy: '${releasePolicy}'
spec:
  type: service
  lifecycle: production
  owner: team-a
`;
}

const validPolicy = `apiVersion: reliability.dev/v1
kind: ReleasePolicy
metadata:
  name: shop
spec:
  allowDuringBlock: [fix]
  warnWhenRemainingBelow: 25%
  freezes:
    - name: Year end
      start: 12-20
      end: 12-31
      every: year
      timeZone: Europe/Berlin
`;

describe('reliability validate on release policies', () => {
  it('accepts a valid ReleasePolicy file named by the annotation and exits 0', async () => {
    const dir = tempDir({
      'catalog-info.yaml': catalogInfo('./release-policy.yaml'),
      'release-policy.yaml': validPolicy,
    });
    const run = await runCli('validate', path.join(dir, 'catalog-info.yaml'));
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });

  it('reports each problem of the file with its line, column and path, and exits 1', async () => {
    const dir = tempDir({
      'catalog-info.yaml': catalogInfo('./release-policy.yaml'),
      'release-policy.yaml': validPolicy
        .replace('25%', '125%')
        .replace('Europe/Berlin', 'Europe/Berlinn'),
    });
    const file = path.join(dir, 'release-policy.yaml');
    const run = await runCli('validate', path.join(dir, 'catalog-info.yaml'));
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${file}:7:27 spec.warnWhenRemainingBelow expected a share of the budget from 0 to 1 or a percentage, such as 0.25 or "25%", got "125%"`,
      `${file}:13:17 spec.freezes[0].timeZone unknown time zone "Europe/Berlinn": write an IANA zone name such as Europe/Berlin, America/New_York or UTC`,
    ]);
  });

  it('reports a release policy file that does not exist on the annotation', async () => {
    const dir = tempDir({
      'catalog-info.yaml': catalogInfo('./missing-policy.yaml'),
    });
    const catalog = path.join(dir, 'catalog-info.yaml');
    const run = await runCli('validate', catalog);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `${catalog}:6:33 metadata.annotations["reliability/release-policy"] the release policy file ./missing-policy.yaml does not exist (looked for ${path.join(
        dir,
        'missing-policy.yaml',
      )})\n`,
    );
  });

  it('checks an inline policy at the annotation, with the path inside it', async () => {
    const dir = tempDir({
      'catalog-info.yaml': catalogInfo(
        '{ allowDuringBlock: [fix], onUnknownData: maybe }',
      ),
    });
    const catalog = path.join(dir, 'catalog-info.yaml');
    const run = await runCli('validate', catalog);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `^${catalog.replace(
          /[.*+?^${}()|[\]\\]/g,
          '\\$&',
        )}:6:33 metadata\\.annotations\\["reliability/release-policy"\\]\\.onUnknownData expected one of "allow", "warn", "block", got the text "maybe"\\n$`,
      ),
    );
    const ok = tempDir({
      'catalog-info.yaml': catalogInfo('{ allowDuringBlock: [fix] }'),
    });
    expect(
      (await runCli('validate', path.join(ok, 'catalog-info.yaml'))).code,
    ).toBe(0);
  });
});
