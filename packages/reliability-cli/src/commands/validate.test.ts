import path from 'node:path';
import { removeTempDirs, runCli, tempDir } from '../__testUtils__/runCli';

afterAll(removeTempDirs);

const validSloth = `version: prometheus/v1
service: shop
slos:
  - name: checkout
    objective: 99.5
    sli:
      events:
        error_query: sum(rate(errors[{{.window}}]))
        total_query: sum(rate(requests[{{.window}}]))
    alerting:
      page_alert:
        disable: true
      ticket_alert:
        disable: true
`;

// The objective on line 5 is a percentage above 100.
const brokenSloth = validSloth.replace('objective: 99.5', 'objective: 150');

function catalogInfo(annotations: Record<string, string>): string {
  const lines = Object.entries(annotations).map(
    ([key, value]) => `    ${key}: '${value}'`,
  );
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: shop
  annotations:
${lines.join('\n')}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;
}

describe('reliability validate', () => {
  it('accepts a valid SLO file and exits 0', async () => {
    const dir = tempDir({ 'slo.yaml': validSloth });
    const run = await runCli('validate', path.join(dir, 'slo.yaml'));
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe('1 file(s) checked: 0 error(s), 0 warning(s)\n');
  });

  it('prints file:line:col path message for a broken file and exits 1', async () => {
    const dir = tempDir({ 'slo.yaml': brokenSloth });
    const file = path.join(dir, 'slo.yaml');
    const run = await runCli('validate', file);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${file.replace(
          /[.*+?^${}()|[\]\\]/g,
          '\\$&',
        )}:5:16 slos\\[0\\]\\.objective `,
      ),
    );
  });

  it('prints the problems as a JSON array with --format json', async () => {
    const dir = tempDir({ 'slo.yaml': brokenSloth });
    const file = path.join(dir, 'slo.yaml');
    const run = await runCli('validate', '--format', 'json', file);
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout);
    expect(problems[0]).toMatchObject({
      file,
      line: 5,
      path: 'slos[0].objective',
      severity: 'error',
    });
    expect(run.stderr).toBe('');
  });

  it('validates the SLO files a catalog-info file references, relative to it', async () => {
    const dir = tempDir({
      'catalog-info.yaml': catalogInfo({
        'reliability/slos': './slos/shop.yaml',
      }),
      'slos/shop.yaml': brokenSloth,
    });
    const run = await runCli('validate', path.join(dir, 'catalog-info.yaml'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${path.join(dir, 'slos/shop.yaml')}:5:16 slos[0].objective`,
    );
  });

  it('reports a referenced SLO file that does not exist on the annotation', async () => {
    const dir = tempDir({
      'catalog-info.yaml': catalogInfo({ 'reliability/slos': 'missing.yaml' }),
    });
    const run = await runCli('validate', path.join(dir, 'catalog-info.yaml'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /catalog-info\.yaml:6:\d+ metadata\.annotations\["reliability\/slos"\] the SLO file missing\.yaml does not exist/,
    );
  });

  it('reports catalog annotation problems', async () => {
    const dir = tempDir({
      'catalog-info.yaml': catalogInfo({ 'reliability/tier': 'gold' }),
    });
    const run = await runCli('validate', dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"gold" is not a tier');
  });

  it('walks directories for catalog and SLO files, skipping other YAML', async () => {
    const dir = tempDir({
      'a/catalog-info.yaml': catalogInfo({ 'reliability/slos': 'slo.yaml' }),
      'a/slo.yaml': validSloth,
      'b/standalone.yaml': validSloth.replace(
        'service: shop',
        'service: search',
      ),
      'c/values.yaml': 'replicas: 3\n',
    });
    const run = await runCli('validate', dir);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe('3 file(s) checked: 0 error(s), 0 warning(s)\n');
  });

  it('rejects an AlertPolicy whose conditionRef names no AlertCondition, unless told it is defined elsewhere', async () => {
    const policy = `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: page-on-burn
spec:
  conditions:
    - conditionRef: cpu-usage-breach
  notificationTargets:
    - kind: AlertNotificationTarget
      metadata:
        name: on-call
      spec:
        target: pagerduty
`;
    const dir = tempDir({ 'policy.yaml': policy });
    const file = path.join(dir, 'policy.yaml');
    const strict = await runCli('validate', file);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(
      `${file}:7:21 spec.conditions[0].conditionRef no AlertCondition named "cpu-usage-breach" is among the files read together; define it (kind: AlertCondition) in one of them or write it inline, or allow references resolved elsewhere (reliability validate --allow-external-refs)\n`,
    );
    const lenient = await runCli('validate', '--allow-external-refs', file);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe(
      '1 file(s) checked: 0 error(s), 1 warning(s)\n',
    );
    // Defined among the objects read together, it resolves.
    const together = tempDir({
      'policy.yaml': `${policy}---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: cpu-usage-breach
spec:
  severity: page
  condition:
    kind: burnrate
    op: gt
    threshold: 2
    lookbackWindow: 1h
    alertAfter: 5m
`,
    });
    const resolved = await runCli(
      'validate',
      path.join(together, 'policy.yaml'),
    );
    expect(resolved).toMatchObject({ code: 0, stdout: '' });
  });

  it('reports paths that do not exist', async () => {
    const run = await runCli('validate', '/nonexistent/catalog-info.yaml');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      '/nonexistent/catalog-info.yaml:1:1 no such file or directory\n',
    );
  });

  it('exits 2 with help without paths or with an unknown format', async () => {
    const none = await runCli('validate');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: reliability validate');
    const format = await runCli('validate', '--format', 'xml', '.');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are text, json');
  });
});
