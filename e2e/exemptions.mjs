// End-to-end steps of the exemption workflow, called from e2e/run.mjs once the app is up and the
// guest signed in:
//
// 1. opens payments' Reliability tab, where the example scorecard holds payments at Silver
//    because it links no dashboard (app-config.yaml), and requests an exemption of "Dashboard
//    linked" as the guest, who owns payments (examples/org.yaml: a member of the payments team);
// 2. sees the request pending on the card;
// 3. grants it from the approvers' queue on the /reliability review page. The example backend
//    installs the allow-all permission policy (packages/backend/src/index.ts), so the guest holds
//    reliability.exemption.approve too: on the example app the guest is the approver. A real
//    deployment grants that permission to its platform team in its own policy;
// 4. goes back to payments and sees the level rise to Gold, the exemption shown beside the check.

/**
 * Runs the exemption steps on `page`; `shot(name)` saves a screenshot, `log` reports progress.
 *
 * @param {{ page: import('playwright-core').Page, appUrl: string, log: (m: string) => void,
 *   shot: (name: string) => Promise<void> }} options
 */
export async function checkExemptionWorkflow({ page, appUrl, log, shot }) {
  const reason = `e2e: dashboard moves to Grafana (${new Date().toISOString()})`;

  log('exemptions: requesting one for payments as the guest');
  await page.goto(`${appUrl}/catalog/default/component/payments/reliability`);
  const card = page.getByRole('region', { name: 'Production readiness' });
  await card.getByText('Silver, next Gold').waitFor();
  await page
    .getByRole('button', { name: 'Request exemption of Dashboard linked' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Reason/).fill(reason);
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await dialog.waitFor({ state: 'detached' });
  await card.getByText(/Exemption requested, pending approval/).waitFor();
  await shot('exemption-requested');

  log('exemptions: granting it from the review page as the approver');
  await page.goto(`${appUrl}/reliability`);
  await page.getByRole('tab', { name: 'Exemptions' }).click();
  const queue = page.getByRole('list', { name: 'Pending exemption requests' });
  const item = queue.getByRole('listitem').filter({ hasText: reason });
  await item.waitFor();
  await item.getByRole('button', { name: 'Grant' }).click();
  const decision = page.getByRole('dialog');
  await decision.getByLabel(/Comment/).fill('e2e: granted until the move');
  await decision.getByRole('button', { name: 'Grant' }).click();
  await decision.waitFor({ state: 'detached' });
  await page
    .getByRole('list', { name: 'Exemptions in force' })
    .getByText(reason)
    .waitFor();
  await shot('exemption-granted');

  log('exemptions: payments is at Gold now');
  await page.goto(`${appUrl}/catalog/default/component/payments/reliability`);
  await card.getByText('Gold (highest level)').waitFor();
  await card.getByText(/Exempt until/).waitFor();
  await shot('exemption-level-gold');
}
