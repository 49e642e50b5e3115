// The decision-tree runbook walk (issue #19), called from e2e/run.mjs: from checkout's Reliability
// tab, follow the runbook link of the page alert CheckoutHighErrorRate in the recent pages, land
// on its entry node (examples/services/checkout/runbook.yaml), answer the questions down to the
// escalation to payments, and see who is on call there now. The walk is recorded on the way.

import { HarnessError } from './harness.mjs';

const PAGE_ALERT = 'CheckoutHighErrorRate';
// Whoever the payments rotation has on call now (examples/teams/payments/rotation.yaml).
const ROTATION_PEOPLE =
  /Alice Liddell|Bob Builder|Carol Danvers|Dave Lister|guest/;

/**
 * @param {import('playwright-core').Page} page signed in, on any page of the app
 * @param {{ appUrl: string, log: (message: string) => void, shot: (name: string) => Promise<void> }} options
 */
export async function checkRunbookWalk(page, { appUrl, log, shot }) {
  log(`runbook walk: opening checkout from the runbook link of ${PAGE_ALERT}`);
  await page.goto(`${appUrl}/catalog/default/component/checkout/reliability`);
  const pages = page.getByRole('list', { name: 'Recent pages' });
  await pages.waitFor();
  const link = pages
    .getByRole('link', { name: `Runbook of ${PAGE_ALERT}` })
    .first();
  await link.waitFor();
  await link.click();
  await page.waitForURL(new RegExp(`[?&]alert=${PAGE_ALERT}`));

  const card = page.locator('#runbook-walk');
  const step = card.getByRole('region', { name: 'Current step' });
  await card.getByText(`Started from the alert ${PAGE_ALERT}.`).waitFor();
  await step.getByRole('heading', { name: 'Which windows burn?' }).waitFor();
  // The node's SLO evidence, live from the SLO API.
  await step.getByText(/Checkout availability: SLI \d/).waitFor();

  log('runbook walk: answering down to the escalation');
  await step.getByRole('button', { name: 'Both fire', exact: true }).click();
  await step
    .getByRole('heading', { name: 'Deployed in the last hour?' })
    .waitFor();
  await step
    .getByRole('button', { name: 'Yes, payments', exact: true })
    .click();
  await step.getByRole('heading', { name: 'Page payments' }).waitFor();

  const escalation = step.getByRole('region', { name: 'Escalation' });
  await escalation
    .getByRole('heading', { name: 'Escalate to group:default/payments' })
    .waitFor();
  await escalation
    .getByRole('list', { name: 'On call now' })
    .getByRole('link', { name: ROTATION_PEOPLE })
    .first()
    .waitFor();
  await step.getByText('Walk recorded.').waitFor();

  const text = await card.getByLabel('Path as text').inputValue();
  const expected = [
    'Which windows burn?',
    '→ Both fire',
    'Deployed in the last hour?',
    '→ Yes, payments',
    '3. Page payments → escalate to group:default/payments',
  ];
  const missing = expected.filter(part => !text.includes(part));
  if (missing.length > 0) {
    throw new HarnessError(
      `the walk's path as text lacks ${missing.join(', ')}: ${text}`,
    );
  }
  await card.getByText(/Last walked .* \(escalate\)/).waitFor();
  await shot('checkout-runbook-walk');
}
