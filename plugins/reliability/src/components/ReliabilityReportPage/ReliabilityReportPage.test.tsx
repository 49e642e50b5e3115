import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  buildMonthlyReport,
  MonthlyReportReleaseInput,
} from '@reliability/backstage-plugin-common';
import { reliabilityApiRef } from '../../api';
import {
  makeSlo,
  makeStatus,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { ReliabilityRoutes } from '../ReliabilityRoutes';

jest.setTimeout(30_000);

const HOUR = 60 * 60 * 1000;

function report(month: string, releases: MonthlyReportReleaseInput[] = []) {
  return buildMonthlyReport({
    subject: 'group:default/payments',
    scope: 'group',
    month,
    nowMs: Date.now(),
    entities: ['component:default/checkout'],
    slos: [{ slo: makeSlo({ status: makeStatus() }), days: [] }],
    alerts: null,
    levelChanges: [],
    campaigns: [],
    releases,
  });
}

function renderReport(
  path: string,
  releases: MonthlyReportReleaseInput[] = [],
) {
  const api = mockReliabilityApi();
  api.getMonthlyReport.mockImplementation(async ({ month }) =>
    report(month, releases),
  );
  api.downloadMonthlyReport.mockResolvedValue(new Blob(['# report']));
  const catalog = catalogApiMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'payments', title: 'Payments' },
        spec: { type: 'team', children: [] },
      },
    ],
  });
  renderInTestApp(<ReliabilityRoutes />, {
    apis: [
      [reliabilityApiRef, api],
      [catalogApiRef, catalog],
    ],
    initialRouteEntries: [path],
  });
  return api;
}

describe('ReliabilityReportPage', () => {
  it('shows the report of the owner and month in the address, and its SLOs', async () => {
    const api = renderReport(
      '/report?owner=group%3Adefault%2Fpayments&month=2026-11',
    );
    expect(
      await screen.findByRole(
        'heading',
        { name: 'group:default/payments, 2026-11' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(api.getMonthlyReport).toHaveBeenCalledWith({
      owner: 'group:default/payments',
      month: '2026-11',
    });
    expect(
      screen.getByText(
        /0 of 1 SLOs met their objective \(0 missed, 1 unknown\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: 'Worst day' }),
    ).toBeInTheDocument();
  });

  it('asks for the organisation without an owner, and downloads Markdown and CSV', async () => {
    URL.createObjectURL = jest.fn(() => 'blob:report');
    URL.revokeObjectURL = jest.fn();
    const api = renderReport('/report?month=2026-11');
    await screen.findByRole(
      'heading',
      { name: 'group:default/payments, 2026-11' },
      { timeout: 10_000 },
    );
    expect(api.getMonthlyReport).toHaveBeenCalledWith({
      owner: undefined,
      month: '2026-11',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() =>
      expect(api.downloadMonthlyReport).toHaveBeenCalledWith(
        { owner: undefined, month: '2026-11' },
        'csv',
      ),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Download Markdown' }),
    );
    await waitFor(() =>
      expect(api.downloadMonthlyReport).toHaveBeenCalledWith(
        { owner: undefined, month: '2026-11' },
        'md',
      ),
    );
  });

  it('says in one line that no gate data was recorded, without tables', async () => {
    renderReport('/report?owner=group%3Adefault%2Fpayments&month=2026-11');
    expect(
      await screen.findByText(
        'No release gate decisions, blocks or overrides were recorded this month.',
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Release gate per entity' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Download release CSV' }),
    ).not.toBeInTheDocument();
  });

  it('shows the release blocks, time blocked and overrides of the month, and downloads them as CSV', async () => {
    URL.createObjectURL = jest.fn(() => 'blob:report');
    URL.revokeObjectURL = jest.fn();
    const from = Date.parse('2026-11-03T08:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    const api = renderReport(
      '/report?owner=group%3Adefault%2Fpayments&month=2026-11',
      [
        {
          entityRef: 'component:default/checkout',
          decisions: [
            { decision: 'block', decidedAt: iso(from) },
            { decision: 'block', decidedAt: iso(from + HOUR) },
            { decision: 'warn', decidedAt: iso(from + 3 * HOUR) },
          ],
          transitions: [
            { decision: 'block', at: iso(from) },
            { decision: 'allow', at: iso(from + 2 * HOUR + 30 * 60_000) },
          ],
          overrides: [
            {
              id: 'o1',
              entityRef: 'component:default/checkout',
              approver: 'user:default/alice',
              reason: 'Payment outage hotfix',
              grantedAt: iso(from + HOUR),
              expiresAt: iso(from + 5 * HOUR),
              revokedAt: iso(from + 2 * HOUR),
              revokedBy: 'user:default/bob',
            },
          ],
        },
      ],
    );
    const table = await screen.findByRole(
      'table',
      { name: 'Release gate per entity' },
      { timeout: 10_000 },
    );
    expect(
      screen.getByText(
        /^2 blocked and 1 warned of 3 release decisions; gates blocked 2 h 30 min in all \(1 of 1 entities\); 1 override granted\.$/,
      ),
    ).toBeInTheDocument();
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(
      Array.from(rows[0].querySelectorAll('td')).map(c => c.textContent),
    ).toEqual([
      'component:default/checkout',
      '3',
      '2',
      '1',
      '2 h 30 min',
      'no',
      '1',
    ]);
    expect(rows[1].textContent).toContain('Total');
    const overrides = screen.getByRole('table', { name: 'Overrides granted' });
    expect(overrides.textContent).toContain('user:default/alice');
    expect(overrides.textContent).toContain('Payment outage hotfix');
    expect(overrides.textContent).toContain(
      '2026-11-03 09:00 – 2026-11-03 13:00 UTC',
    );
    expect(overrides.textContent).toContain(
      '2026-11-03 10:00 by user:default/bob',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Download release CSV' }),
    );
    await waitFor(() =>
      expect(api.downloadMonthlyReport).toHaveBeenCalledWith(
        { owner: 'group:default/payments', month: '2026-11' },
        'csv',
        'releases',
      ),
    );
  });
});
