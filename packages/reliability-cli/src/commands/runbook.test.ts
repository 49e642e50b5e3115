import path from 'node:path';
import { removeTempDirs, runCli, tempDir } from '../__testUtils__/runCli';

afterAll(removeTempDirs);

const RUNBOOK = `apiVersion: reliability.dev/v1
kind: Runbook
metadata:
  name: shop
  title: Shop
spec:
  entryPoints:
    - alert: ShopDown
      node: up
  nodes:
    up:
      question: Is it up?
      answers:
        - answer: "Yes"
          next: done
        - answer: "No"
          next: page
    page:
      title: Page the owners
      action: Hand over.
      end: escalate
    done:
      action: Close the alert.
      end: resolved
`;

describe('reliability runbook render', () => {
  it('prints Markdown by default', async () => {
    const dir = tempDir({ 'runbook.yaml': RUNBOOK });
    const run = await runCli(
      'runbook',
      'render',
      path.join(dir, 'runbook.yaml'),
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^# Shop\n/);
    expect(run.stdout).toContain('| `ShopDown` | [up](#node-up) |');
    expect(run.stdout).toContain('- No → [Page the owners](#node-page)');
    expect(run.stdout).toContain('**Escalate** to the on-call chain.');
  });

  it('prints a Mermaid flowchart with --format mermaid', async () => {
    const dir = tempDir({ 'runbook.yaml': RUNBOOK });
    const run = await runCli(
      'runbook',
      'render',
      path.join(dir, 'runbook.yaml'),
      '--format',
      'mermaid',
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'flowchart TD',
      '  start(("Start")) --> n_up',
      '  alert_ShopDown>"Alert: ShopDown"] --> n_up',
      '  n_up{"Is it up?"}',
    ]);
    expect(run.stdout).toContain(
      '  n_page --> stop_page(["Escalate to on-call"])',
    );
  });

  it('prints the problems of an invalid runbook and exits 1 without output', async () => {
    const dir = tempDir({
      'runbook.yaml': RUNBOOK.replace('next: page', 'next: pager'),
    });
    const file = path.join(dir, 'runbook.yaml');
    const run = await runCli('runbook', 'render', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `${file}:17:17 spec.nodes.up.answers[1].next the answer leads to "pager", which is not a node`,
    );
  });

  it('reports a missing file in one line and exits 1', async () => {
    const run = await runCli('runbook', 'render', '/nonexistent/runbook.yaml');
    expect(run).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'reliability: cannot read /nonexistent/runbook.yaml: ENOENT\n',
    });
  });

  it('rejects an unknown format as a usage error', async () => {
    const dir = tempDir({ 'runbook.yaml': RUNBOOK });
    const run = await runCli(
      'runbook',
      'render',
      path.join(dir, 'runbook.yaml'),
      '--format',
      'html',
    );
    expect(run.code).toBe(2);
  });
});
