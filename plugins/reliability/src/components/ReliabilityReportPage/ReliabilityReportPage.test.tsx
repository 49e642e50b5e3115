import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { buildMonthlyReport } from '@reliability/backstage-plugin-common';
import { reliabilityApiRef } from '../../api';
import {
  makeSlo,
  makeStatus,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { ReliabilityRoutes } from '../ReliabilityRoutes';

jest.setTimeout(30_000);

function report(month: string) {
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
  });
}

function renderReport(path: string) {
  const api = mockReliabilityApi();
  api.getMonthlyReport.mockImplementation(async ({ month }) => report(month));
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
});
