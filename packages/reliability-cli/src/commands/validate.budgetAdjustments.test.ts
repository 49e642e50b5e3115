import path from 'node:path';
import { removeTempDirs, runCli, tempDir } from '../__testUtils__/runCli';

afterAll(removeTempDirs);

const sloth = `version: prometheus/v1
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
---
apiVersion: openslo.com/v2alpha
kind: BudgetAdjustment
metadata:
  name: maintenance
spec:
  firstEvent: 2026-11-01T02:00:00Z
  duration: 2h
  rrule: FREQ=WEEKLY
  sloSelector:
    names: [shop-checkout]
`;

describe('reliability validate on budget adjustments', () => {
  it('accepts a BudgetAdjustment beside Sloth SLOs and exits 0', async () => {
    const dir = tempDir({ 'slo.yaml': sloth });
    const run = await runCli('validate', path.join(dir, 'slo.yaml'));
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });

  it('reports an unknown SLO and a bad rrule with their positions and exits 1', async () => {
    const dir = tempDir({
      'slo.yaml': sloth
        .replace('FREQ=WEEKLY', 'FREQ=HOURLY')
        .replace('[shop-checkout]', '[shop-checkuot]'),
    });
    const file = path.join(dir, 'slo.yaml');
    const run = await runCli('validate', file);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${file}:23:10 spec.rrule the rrule is not supported: FREQ must be DAILY, WEEKLY or MONTHLY, got HOURLY`,
    ]);
    const fixed = tempDir({
      'slo.yaml': sloth.replace('[shop-checkout]', '[shop-checkuot]'),
    });
    const second = await runCli('validate', path.join(fixed, 'slo.yaml'));
    expect(second.code).toBe(1);
    expect(second.stdout).toContain(
      `slo.yaml:25:13 spec.sloSelector.names[0] no SLO named "shop-checkuot" is defined in the files read together; the SLOs are "checkout", "shop-checkout"`,
    );
  });
});
