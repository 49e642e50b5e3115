import path from 'node:path';
import { removeTempDirs, runCli, tempDir } from '../__testUtils__/runCli';

afterAll(removeTempDirs);

// A Sloth SLO whose page alert is ShopHighErrorRate: OpenSLO files carry no alert names, so the
// cross-check of entry points needs Sloth alerting.
const sloth = `version: prometheus/v1
service: shop
slos:
  - name: availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(errors[{{.window}}]))
        total_query: sum(rate(requests[{{.window}}]))
    alerting:
      name: ShopHighErrorRate
      page_alert: {}
      ticket_alert:
        disable: true
`;

const runbook = (
  alert: string,
  slo = 'availability',
) => `apiVersion: reliability.dev/v1
kind: Runbook
metadata:
  name: shop
spec:
  entryPoints:
    - alert: ${alert}
      node: look
  nodes:
    look:
      question: Is it burning?
      evidence:
        - slo: ${slo}
      answers:
        - answer: "Yes"
          next: page
        - answer: "No"
          next: done
    page:
      action: Hand over.
      end: escalate
    done:
      action: Close the alert.
      end: resolved
`;

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

describe('reliability validate with runbooks', () => {
  it('accepts a runbook named by the annotation that covers the entity page alert', async () => {
    const dir = tempDir({
      'catalog-info.yaml': catalogInfo({
        'reliability/slos': './slos.yaml',
        'reliability/runbook': './runbook.yaml',
      }),
      'slos.yaml': sloth,
      'runbook.yaml': runbook('ShopHighErrorRate'),
    });
    const run = await runCli('validate', dir);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe('3 file(s) checked: 0 error(s), 0 warning(s)\n');
  });

  it('reports a page alert without an entry point and an unknown SLO, with positions', async () => {
    const dir = tempDir({
      'catalog-info.yaml': catalogInfo({
        'reliability/slos': './slos.yaml',
        'reliability/runbook': './runbook.yaml',
      }),
      'slos.yaml': sloth,
      'runbook.yaml': runbook('OtherAlert', 'availabilty'),
    });
    const file = path.join(dir, 'runbook.yaml');
    const run = await runCli('validate', dir);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${file}:6:3 spec.entryPoints the page alert "ShopHighErrorRate" of the SLO "availability" (${path.join(
        dir,
        'slos.yaml',
      )}:4) has no entry point: add { alert: ShopHighErrorRate, node: <the node to start at> } to spec.entryPoints`,
      `${file}:13:16 spec.nodes.look.evidence[0].slo the entity has no SLO "availabilty": name one of "availability"`,
    ]);
  });

  it('checks a runbook found in a directory against the SLO files beside it', async () => {
    const dir = tempDir({
      'svc/slos.yaml': sloth,
      'svc/tree.yaml': runbook('OtherAlert'),
    });
    const run = await runCli('validate', dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${path.join(
        dir,
        'svc',
        'tree.yaml',
      )}:6:3 spec.entryPoints the page alert "ShopHighErrorRate"`,
    );
    expect(run.stderr).toBe('2 file(s) checked: 1 error(s), 0 warning(s)\n');
  });

  it('checks a runbook given by name without SLO files, structure only', async () => {
    const dir = tempDir({
      'tree.yaml': runbook('OtherAlert').replace('next: done', 'next: gone'),
    });
    const run = await runCli('validate', path.join(dir, 'tree.yaml'));
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /tree\.yaml:18:17 spec\.nodes\.look\.answers\[1\]\.next the answer leads to "gone"/,
      ),
      expect.stringMatching(
        /tree\.yaml:22:5 spec\.nodes\.done no walk reaches the node "done"/,
      ),
    ]);
  });

  it('accepts Markdown runbooks and reports runbook files that are missing or not runbooks', async () => {
    const markdown = tempDir({
      'catalog-info.yaml': catalogInfo({
        'reliability/runbook': './runbook.md',
      }),
      'runbook.md': '# Runbook\n',
    });
    expect((await runCli('validate', markdown)).code).toBe(0);

    const missing = tempDir({
      'catalog-info.yaml': catalogInfo({ 'reliability/runbook': './gone.md' }),
    });
    const missingRun = await runCli('validate', missing);
    expect(missingRun.code).toBe(1);
    expect(missingRun.stdout).toMatch(
      /catalog-info\.yaml:6:26 metadata\.annotations\["reliability\/runbook"\] the runbook file \.\/gone\.md does not exist/,
    );

    const notRunbook = tempDir({
      'catalog-info.yaml': catalogInfo({
        'reliability/runbook': './values.yaml',
      }),
      'values.yaml': 'replicas: 3\n',
    });
    const notRunbookRun = await runCli('validate', notRunbook);
    expect(notRunbookRun.code).toBe(1);
    expect(notRunbookRun.stdout).toContain(
      './values.yaml is neither a Markdown runbook nor a decision-tree runbook',
    );
  });

  it('passes on the examples, whose checkout runbook covers its alerts', async () => {
    const examples = path.resolve(__dirname, '../../../../examples');
    const run = await runCli('validate', examples);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});
