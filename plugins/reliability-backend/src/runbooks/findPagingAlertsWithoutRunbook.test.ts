import { SloAlerting } from '@reliability/backstage-plugin-common';
import { makeSlo } from '../evaluation/__testUtils__/fixtures';
import { findPagingAlertsWithoutRunbook } from './findPagingAlertsWithoutRunbook';

function alerting(overrides: Partial<SloAlerting> = {}): SloAlerting {
  return {
    name: 'CheckoutAvailability',
    labels: {},
    annotations: {},
    page: { disabled: false, labels: {}, annotations: {} },
    ticket: { disabled: false, labels: {}, annotations: {} },
    ...overrides,
  };
}

describe('findPagingAlertsWithoutRunbook', () => {
  it('lists paging alerts whose page severity and alerting name no runbook', () => {
    expect(
      findPagingAlertsWithoutRunbook([
        makeSlo({
          id: 'checkout-none',
          displayName: 'Checkout',
          alerting: alerting(),
        }),
        makeSlo({
          id: 'checkout-ticket-only',
          alerting: alerting({
            name: 'TicketOnly',
            ticket: {
              disabled: false,
              labels: {},
              annotations: { runbook_url: 'https://runbooks.example.com/t' },
            },
          }),
        }),
        makeSlo({
          id: 'checkout-blank',
          alerting: alerting({
            name: 'Blank',
            annotations: { runbook_url: '  ' },
          }),
        }),
      ]),
    ).toEqual([
      {
        sloId: 'checkout-none',
        sloName: 'Checkout',
        alertName: 'CheckoutAvailability',
      },
      {
        sloId: 'checkout-ticket-only',
        sloName: 'checkout-ticket-only',
        alertName: 'TicketOnly',
      },
      {
        sloId: 'checkout-blank',
        sloName: 'checkout-blank',
        alertName: 'Blank',
      },
    ]);
  });

  it('accepts a runbook_url or runbook annotation at either level', () => {
    expect(
      findPagingAlertsWithoutRunbook([
        makeSlo({
          id: 'a',
          alerting: alerting({
            annotations: { runbook_url: 'https://x.example.com' },
          }),
        }),
        makeSlo({
          id: 'b',
          alerting: alerting({ annotations: { runbook: 'docs/runbook.md' } }),
        }),
        makeSlo({
          id: 'c',
          alerting: alerting({
            page: {
              disabled: false,
              labels: {},
              annotations: { runbook: 'https://x.example.com' },
            },
          }),
        }),
      ]),
    ).toEqual([]);
  });

  it('ignores SLOs without alerting, without an alert name or with paging disabled', () => {
    expect(
      findPagingAlertsWithoutRunbook([
        makeSlo({ id: 'no-alerting' }),
        makeSlo({ id: 'unnamed', alerting: alerting({ name: undefined }) }),
        makeSlo({
          id: 'page-disabled',
          alerting: alerting({
            page: { disabled: true, labels: {}, annotations: {} },
          }),
        }),
      ]),
    ).toEqual([]);
  });
});
