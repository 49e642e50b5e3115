import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeAlert,
  makeAlertQuality,
  makeEntity,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { EntityAlertQualityCard } from './EntityAlertQualityCard';

function render(api: ReliabilityApi) {
  return renderInTestApp(
    <EntityProvider entity={makeEntity()}>
      <EntityAlertQualityCard />
    </EntityProvider>,
    { apis: [[reliabilityApiRef, api]] },
  );
}

function figure(label: string) {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling!
    .textContent;
}

describe('EntityAlertQualityCard', () => {
  it('shows the figures of the last 30 days against the sustainable line', async () => {
    const api = mockReliabilityApi();

    await render(api);

    await screen.findByText('Pages per shift', { selector: 'dt' });
    expect(figure('Pages per shift')).toBe(
      '0.3 per shift on average, at most 3.0 per 12 h (sustainable: 2 per 12 h); 1 of 10 shifts over the line',
    );
    expect(figure('Actionable')).toBe('67% (2 of 3)');
    expect(figure('Time to acknowledge (MTTA)')).toBe('4m over 3 pages');
    expect(figure('Time to resolve (MTTR)')).toBe(
      'unknown (no page was resolved)',
    );
    expect(figure('Sleep-hour pages')).toBe(
      '1 of 3 interrupting pages woke somebody up',
    );
    expect(figure('Noisiest alerts')).toBe(
      'CheckoutHighErrorRate: 1 of 3 pages noise',
    );
    expect(figure('Flapping')).toBe(
      'CheckoutHighErrorRate: flapping now, peak 40% state change',
    );
    const [, period] = api.getEntityAlertQuality.mock.calls[0];
    expect(period!.to!.getTime() - period!.from!.getTime()).toBe(
      30 * 86_400_000,
    );
  });

  it('reloads for another period picked from the keyboard', async () => {
    const api = mockReliabilityApi();
    await render(api);
    await screen.findByText('Pages per shift', { selector: 'dt' });

    screen
      .getByRole('button', { name: 'Alert quality of the last 7 days' })
      .focus();
    await userEvent.keyboard('{Enter}');

    await waitFor(() => {
      const [, period] = api.getEntityAlertQuality.mock.calls.at(-1)!;
      expect(period!.to!.getTime() - period!.from!.getTime()).toBe(
        7 * 86_400_000,
      );
    });
    expect(
      screen.getByRole('button', { name: 'Alert quality of the last 7 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('teaches where pages come from when there are none', async () => {
    const api = mockReliabilityApi();
    const empty = makeAlertQuality();
    api.getEntityAlertQuality.mockResolvedValue({
      ...empty,
      report: { ...empty.report, pagesGiven: 0, pagesUsed: 0 },
    });

    await render(api);

    expect(
      await screen.findByText(/No pages in the last 30 days/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No pages in this period/)).toBeInTheDocument();
  });

  it('shows what failed when the backend fails', async () => {
    const api = mockReliabilityApi();
    api.getEntityAlertQuality.mockRejectedValue(new Error('store down'));

    await render(api);

    expect(
      await screen.findByText(/Could not load the alert quality of/),
    ).toBeInTheDocument();
  });

  it('triages a recent page and shows the verdict', async () => {
    const api = mockReliabilityApi();
    api.listEntityAlerts.mockResolvedValue({ items: [makeAlert()] });

    await render(api);

    const group = await screen.findByRole('group', {
      name: 'Verdict on CheckoutHighErrorRate',
    });
    await userEvent.click(
      within(group).getByRole('button', { name: 'Actionable' }),
    );

    expect(api.triageAlert).toHaveBeenCalledWith(
      '8b957b1f2c67419e1d7d99e3dfeac674',
      true,
    );
    await waitFor(() =>
      expect(
        within(group).getByRole('button', { name: 'Actionable' }),
      ).toHaveAttribute('aria-pressed', 'true'),
    );
    // The figures are reloaded with the verdict counted.
    expect(api.getEntityAlertQuality.mock.calls.length).toBeGreaterThan(1);
  });

  it('says which permission is missing when triage is refused', async () => {
    const api = mockReliabilityApi();
    api.listEntityAlerts.mockResolvedValue({ items: [makeAlert()] });
    api.triageAlert.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'not allowed' },
            request: { method: 'POST', url: '/alerts/x/triage' },
            response: { statusCode: 403 },
          }),
          { status: 403, headers: { 'content-type': 'application/json' } },
        ) as any,
      ),
    );

    await render(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Not actionable' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You may not triage pages: ask an admin for the permission reliability.alert.triage.',
    );
    expect(
      screen.getByRole('button', { name: 'Not actionable' }),
    ).toHaveAttribute('aria-pressed', 'false');
  });
});

describe('EntityAlertQualityCard runbook links', () => {
  it("links each recent page to its runbook's entry point when the entity has a decision tree", async () => {
    const api = mockReliabilityApi();
    api.listEntityAlerts.mockResolvedValue({
      items: [makeAlert({ runbookUrl: 'https://wiki.example.com/checkout' })],
    });
    const entity = makeEntity();
    entity.metadata.annotations!['reliability/runbook'] = './runbook.yaml';
    await renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityAlertQualityCard />
      </EntityProvider>,
      { apis: [[reliabilityApiRef, api]] },
    );
    const link = await screen.findByRole('link', {
      name: 'Runbook of CheckoutHighErrorRate',
    });
    expect(link.getAttribute('href')).toMatch(
      /\?alert=CheckoutHighErrorRate#runbook-walk$/,
    );
    // The rule's own runbook_url stays reachable beside it.
    expect(
      screen.getByRole('link', {
        name: /runbook_url of CheckoutHighErrorRate/,
      }),
    ).toHaveAttribute('href', 'https://wiki.example.com/checkout');
  });

  it('has no walk link without a decision-tree runbook', async () => {
    const api = mockReliabilityApi();
    api.listEntityAlerts.mockResolvedValue({ items: [makeAlert()] });
    await render(api);
    await screen.findByRole('list', { name: 'Recent pages' });
    expect(
      screen.queryByRole('link', { name: 'Runbook of CheckoutHighErrorRate' }),
    ).toBeNull();
  });
});
