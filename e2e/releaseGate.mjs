// The release gate end to end, on the example data: checkout's payment confirmation SLO has
// spent its budget, so the gate blocks; `reliability gate` exits 2 with the reason; the badge
// shows on the entity page and the Reliability tab; an override granted in the UI lifts the
// block and revoking it brings it back; an override that expires stops counting at its expiry;
// the review page lists checkout under "Blocked releases".
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, waitFor } from './harness.mjs';

const ENTITY = 'component:default/checkout';

/** Runs the repository's CLI and resolves to its exit code and output. */
function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'packages/reliability-cli/bin/reliability'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}

/**
 * @param {{ page: import('playwright-core').Page, appUrl: string, backendUrl: string,
 *   guestToken: () => Promise<string>, log: (text: string) => void,
 *   shot: (name: string) => Promise<void>, timeoutMs: number }} options
 */
export async function checkReleaseGate(options) {
  const { page, appUrl, backendUrl, guestToken, log, shot, timeoutMs } =
    options;
  const gateUrl = `${backendUrl}/api/reliability/gate/component/default/checkout`;
  const api = async (path, init = {}) => {
    const res = await fetch(path, {
      ...init,
      headers: {
        authorization: `Bearer ${await guestToken()}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
    const body = await res.json();
    if (!res.ok) {
      throw new Error(
        `${init.method ?? 'GET'} ${path} answered ${
          res.status
        }: ${JSON.stringify(body)}`,
      );
    }
    return body;
  };

  log('release gate: checkout is blocked by its spent budget');
  await waitFor('the release gate to block checkout', timeoutMs, async () => {
    const gate = await api(`${gateUrl}?preview=true`);
    return gate.decision === 'block';
  });
  const gate = await api(`${gateUrl}?preview=true`);
  if (
    !/^Releases blocked: Checkout .+ has spent its budget \(\u2212?[\d.]+ %\)/.test(
      gate.summary,
    )
  ) {
    throw new Error(`unexpected gate summary: ${gate.summary}`);
  }

  log(
    'release gate: `reliability gate component:default/checkout` exits 2 with the reason',
  );
  const cli = await runCli(['gate', ENTITY, '--backend', backendUrl], {
    RELIABILITY_TOKEN: await guestToken(),
  });
  if (
    cli.code !== 2 ||
    !cli.stdout.includes(`block ${ENTITY}: Releases blocked:`)
  ) {
    throw new Error(
      `reliability gate exited ${cli.code}, printing ${JSON.stringify(
        cli.stdout,
      )} ${JSON.stringify(cli.stderr)}`,
    );
  }
  log(`release gate: ${cli.stdout.trim()}`);

  log('release gate: the badge on the entity page and the Reliability tab');
  await page.goto(`${appUrl}/catalog/default/component/checkout`);
  await page
    .getByRole('region', { name: 'Releases' })
    .getByText(/^Releases blocked: Checkout/)
    .first()
    .waitFor();
  await page.goto(`${appUrl}/catalog/default/component/checkout/reliability`);
  const badge = page.locator('[data-testid="release-gate-badge"]').first();
  await badge.getByText(/^Releases blocked: Checkout/).waitFor();
  // The CLI's question is among the recent decisions, asked by the guest.
  await page
    .getByRole('cell', { name: 'user:default/guest' })
    .first()
    .waitFor();
  await shot('checkout-release-blocked');

  log(
    'release gate: an override granted in the UI lifts the block, revoking it brings it back',
  );
  const form = page.getByRole('form', { name: 'Grant a release override' });
  await form.getByLabel(/Reason/).fill('e2e: hotfix for the payment outage');
  await form.getByRole('button', { name: 'Grant override' }).click();
  // The override lifts the block; the gate still warns when another SLO of checkout is under
  // its warning threshold (the example's availability hovers about 25 % left), so the badge says
  // "allowed by override" or "allowed by override, with a warning".
  await page
    .locator(
      '[data-testid="release-gate-badge"]:is([data-decision="allow"], [data-decision="warn"])',
    )
    .getByText(/^Releases allowed by override[:,]/)
    .first()
    .waitFor();
  await page
    .getByText(/Override by user:default\/guest until/)
    .first()
    .waitFor();
  await shot('checkout-release-override');
  const lifted = await api(gateUrl);
  if (!liftedByOverride(lifted)) {
    throw new Error(
      `the override did not lift the gate: ${JSON.stringify(lifted.summary)}`,
    );
  }
  await page.getByRole('button', { name: 'Revoke' }).first().click();
  await page
    .locator('[data-testid="release-gate-badge"][data-decision="block"]')
    .waitFor();

  log('release gate: an override stops counting when it expires');
  const expiresAt = new Date(Date.now() + 15_000).toISOString();
  const override = await api(`${gateUrl}/overrides`, {
    method: 'POST',
    body: JSON.stringify({ reason: 'e2e: expires in 15 s', expiresAt }),
  });
  const during = await api(gateUrl);
  if (!liftedByOverride(during) && Date.now() < Date.parse(expiresAt)) {
    throw new Error(
      `the fresh override did not lift the gate: ${during.summary}`,
    );
  }
  await waitFor('the override to expire', timeoutMs, async () => {
    // Asked as CI would (recorded), so that the gate's state, and the review page, follow.
    const after = await api(gateUrl);
    return after.decision === 'block';
  });
  if (Date.now() < Date.parse(expiresAt)) {
    throw new Error('the gate blocked again before the override expired');
  }
  const audit = await api(
    `${backendUrl}/api/reliability/release-overrides/${override.id}/audit`,
  );
  if (
    audit.override.state !== 'expired' ||
    audit.items[0]?.actor !== 'user:default/guest'
  ) {
    throw new Error(`unexpected override audit: ${JSON.stringify(audit)}`);
  }

  log('release gate: the review page lists checkout under "Blocked releases"');
  await page.goto(`${appUrl}/reliability`);
  await page.getByRole('tab', { name: 'Blocked releases' }).click();
  await waitFor('checkout among the blocked releases', timeoutMs, async () => {
    const blocked = await api(`${backendUrl}/api/reliability/gate/blocked`);
    return blocked.items.some(item => item.entityRef === ENTITY);
  });
  await page.reload();
  await page.getByRole('tab', { name: 'Blocked releases' }).click();
  await page
    .getByRole('tabpanel')
    .getByRole('link', { name: 'checkout' })
    .first()
    .waitFor();
  await shot('reliability-page-blocked-releases');
}

/** The gate let the release pass because of an override (allowed, or allowed with a warning). */
function liftedByOverride(gate) {
  return (
    gate.decision !== 'block' &&
    gate.override !== null &&
    gate.reasons.some(
      reason => reason.rule === 'override' && reason.effect === 'allow',
    )
  );
}
