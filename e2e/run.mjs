#!/usr/bin/env node
// End-to-end check of the Reliability frontend in a real Chromium:
//
//   ./dev node e2e/run.mjs
//
// 1. finds Chromium (/usr/bin/chromium, $CHROMIUM_PATH; installs Debian's when root and missing),
// 2. starts the app (:3000) and backend (:7007) as `yarn start` does, on a fresh SQLite folder under
//    .data/e2e/ so the dev data in .data/sqlite is untouched, and waits until both answer,
// 3. waits for the catalog to have the example entities; no demo command is run: the example
//    backend seeds its demo data (SLIs and alerts) itself, and the SLO row must show live values
//    within 60 s of the backend answering,
// 4. signs in as guest, opens checkout's Reliability tab (SLOs, on-call, runbook, alert quality,
//    scorecard), the /reliability review page and the home page's on-call widget, asserts what
//    they show (the SLO charts must hold data points) and saves screenshots to
//    .data/e2e/screenshots/ (the Reliability tab and SLO history at 1280 × 800); an uncaught
//    page error or a React error boundary's panel anywhere fails the run,
// 5. stops everything it started, even on failure, prints one summary line, exits non-zero on
//    failure.
//
// Environment: E2E_START_TIMEOUT_MS (default 900000: webpack on 2 cores is slow),
// E2E_STEP_TIMEOUT_MS (default 180000), E2E_APP_PORT and E2E_BACKEND_PORT (default 3000, 7007).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  HarnessError as E2eError,
  createHarness,
  findChromium,
  guestToken as guestTokenOf,
  launchBrowser,
  signInAsGuest,
  startServers,
  waitFor,
} from './harness.mjs';
import { runAccessibilityCheck } from './a11y.mjs';
import { checkRunbookWalk } from './runbookWalk.mjs';
import { checkMonthlyReport } from './report.mjs';
import { checkReleaseGate } from './releaseGate.mjs';
import { checkExemptionWorkflow } from './exemptions.mjs';

const DATA_DIR = join(ROOT, '.data', 'e2e');
const SCREENSHOT_DIR = join(DATA_DIR, 'screenshots');
// Other ports (E2E_APP_PORT, E2E_BACKEND_PORT) let a run sit beside a running `./dev start`.
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3000);
const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT ?? 7007);
const APP_URL = `http://localhost:${APP_PORT}`;
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS ?? 900_000);
const STEP_TIMEOUT_MS = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 180_000);

const harness = createHarness('e2e');
const { started, log, cleanup } = harness;
const timings = {};
let backendAnsweredAt = Date.now();
// Live values must show this soon after the backend answers, with no demo command run.
const LIVE_DATA_WITHIN_MS = 60_000;

// --- 1. Servers (e2e/harness.mjs) ---------------------------------------------------------

async function startE2eServers() {
  const servers = await startServers(harness, {
    appPort: APP_PORT,
    backendPort: BACKEND_PORT,
    dataDir: DATA_DIR,
    startTimeoutMs: START_TIMEOUT_MS,
    // The guest signs in as the example user guest (examples/org.yaml), a member of the payments
    // team, so the home page's on-call widget has services to show; the provider's default,
    // user:development/guest, is not in the catalog.
    backendEnv: {
      APP_CONFIG_auth_providers_guest_userEntityRef: 'user:default/guest',
    },
  });
  timings.backendMs = servers.backendMs;
  // startServers waits for the backend, then the app: the backend answered this much earlier.
  backendAnsweredAt = Date.now() - (servers.appMs - servers.backendMs);
  timings.appMs = servers.appMs;
}

// --- 2. Demo data ---------------------------------------------------------------------------

const guestToken = () => guestTokenOf(BACKEND_URL);

async function waitForCatalog() {
  // Alerts map to catalog entities, so the catalog must have ingested the examples first.
  const t0 = Date.now();
  await waitFor(
    'the catalog entity component:default/checkout',
    STEP_TIMEOUT_MS,
    async () => {
      const res = await fetch(
        `${BACKEND_URL}/api/catalog/entities/by-name/component/default/checkout`,
        { headers: { authorization: `Bearer ${await guestToken()}` } },
      );
      return res.ok;
    },
  );
  // No demo command: the example backend seeds its demo data itself (packages/backend/src/demo),
  // and the evaluation picks it up: checkout's SLO must have a numeric SLI and budget within
  // LIVE_DATA_WITHIN_MS of the backend answering.
  timings.catalogMs = Date.now() - t0;
  const sloUrl = `${BACKEND_URL}/api/reliability/entities/component/default/checkout/slos`;
  await waitFor(
    'a numeric SLI and budget for checkout-checkout-availability-0',
    Math.max(1000, backendAnsweredAt + LIVE_DATA_WITHIN_MS - Date.now()),
    async () => {
      const res = await fetch(sloUrl, {
        headers: { authorization: `Bearer ${await guestToken()}` },
      });
      if (!res.ok) {
        return false;
      }
      const slo = (await res.json()).slos.find(
        s => s.id === 'checkout-checkout-availability-0',
      );
      return (
        typeof slo?.status?.sli === 'number' &&
        typeof slo?.status?.budget?.remaining === 'number'
      );
    },
  );
  timings.liveDataMs = Date.now() - backendAnsweredAt;
  log(
    `checkout's SLO had live values ${Math.round(
      timings.liveDataMs / 1000,
    )}s after the backend answered`,
  );
}

/**
 * Collects what must fail the run wherever it shows: uncaught errors of the page, and React error
 * boundaries, which replace a broken extension by Backstage's error panel ("Error in <plugin>")
 * and otherwise let the rest of the page pass every check.
 */
function watchPageProblems(page) {
  const problems = [];
  page.on('pageerror', error =>
    problems.push(`uncaught page error: ${error.message}`),
  );
  return {
    /** Looks for an error-boundary panel on the page as it is now. */
    async checkErrorBoundaries(where) {
      const panels = page.getByText(/^Error in [\w-]+$/);
      for (const text of await panels.allInnerTexts()) {
        problems.push(`${where}: an error boundary caught "${text}"`);
      }
    },
    /** Throws with everything collected. */
    assertNone() {
      if (problems.length > 0) {
        throw new E2eError(
          `${problems.length} page problem(s): ${problems.join(' | ')}`,
        );
      }
    },
  };
}

// --- 3. Browser -----------------------------------------------------------------------------

async function runBrowser(executablePath) {
  const context = await launchBrowser(harness, executablePath);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageProblems = watchPageProblems(page);

  const shot = async name => {
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    log(`screenshot ${path}`);
    await pageProblems.checkErrorBoundaries(name);
  };

  try {
    log('opening the app and signing in as guest');
    const t0 = Date.now();
    await page.goto(APP_URL, {
      waitUntil: 'domcontentloaded',
      timeout: STEP_TIMEOUT_MS,
    });
    await signInAsGuest(page, STEP_TIMEOUT_MS);
    timings.firstPageMs = Date.now() - t0;

    log('opening checkout → Reliability tab');
    await openWhenCatalogHasIt(
      page,
      `${APP_URL}/catalog/default/component/checkout`,
    );
    await openReliabilityTab(page);
    await page.waitForURL(
      /\/catalog\/default\/component\/checkout\/reliability/,
    );
    await page.getByText('Service level objectives').waitFor();
    await page
      .getByRole('button', { name: 'Show history of Checkout availability' })
      .waitFor();
    await page.getByText('objective 99.9%').first().waitFor();
    await page
      .getByText(/\d+ days rolling/)
      .first()
      .waitFor();
    await expectLiveSloRow(page, 'Checkout availability');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoHorizontalScroll(page, 'the Reliability tab');
    await shot('checkout-reliability-tab');

    log('checking the on-call, runbook, alert-quality and scorecard cards');
    // Whoever the payments rotation has on call now (examples/teams/payments/rotation.yaml).
    const rotationPeople =
      /Alice Liddell|Bob Builder|Carol Danvers|Dave Lister|guest/;
    await page
      .getByRole('region', { name: 'On call now' })
      .first()
      .getByRole('link', { name: rotationPeople })
      .first()
      .waitFor();
    await page.getByText(/Source: the catalog rotation/).waitFor();
    // The decision-tree runbook (examples/services/checkout/runbook.yaml), at its first question.
    await page.getByRole('heading', { name: 'Which windows burn?' }).waitFor();
    await page
      .getByText('not checked: refused by the allow-list')
      .first()
      .waitFor();
    // The demo alerts arrived: checkout pages.
    await page.getByRole('list', { name: 'Recent pages' }).waitFor();
    await page.getByText('Pages per shift').first().waitFor();
    await page.getByText('Gold (highest level)').first().waitFor();
    await page
      .getByRole('region', { name: 'Production readiness' })
      .getByText('Owned by a team')
      .waitFor();
    await shot('checkout-reliability-cards');

    log('opening the history of the checkout SLO');
    await page
      .getByRole('button', { name: 'Show history of Checkout availability' })
      .click();
    await page.getByText('History of Checkout availability').waitFor();
    // The SLO window (28 days) opens first: a burn-down from stored SLI data, not a few
    // evaluations since the backend started.
    await expectChartPoints(page, 'Error budget remaining (burn-down)', 200);
    await expectChartPoints(page, 'SLI per step vs objective', 200);
    await expectChartPoints(page, 'Burn rate vs alert thresholds', 200);
    await expectNoHorizontalScroll(page, 'the SLO history');
    await shot('checkout-slo-history-28d');
    await page
      .getByRole('button', { name: 'Last 7 days', exact: true })
      .click();
    await expectChartPoints(page, 'Error budget remaining (burn-down)', 300);
    await shot('checkout-slo-history');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await checkRunbookWalk(page, { appUrl: APP_URL, log, shot });

    await checkReleaseGate({
      page,
      appUrl: APP_URL,
      backendUrl: BACKEND_URL,
      guestToken,
      log,
      shot,
      timeoutMs: STEP_TIMEOUT_MS,
    });

    log('opening ledger → Reliability tab (on call through GoAlert)');
    // examples/services/ledger: two GoAlert services, answered by scripts/demo-oncall-servers.mjs.
    await page.goto(`${APP_URL}/catalog/default/component/ledger/reliability`);
    await page
      .getByRole('region', { name: 'On call now' })
      .first()
      .getByText(/Demo (Dana|Fox|Walter)/)
      .first()
      .waitFor();
    await shot('ledger-reliability-tab');

    log('opening the /reliability review page');
    await page.goto(`${APP_URL}/reliability`);
    const results = page.getByRole('tabpanel', { name: 'Scorecards' });
    await results.getByRole('table').waitFor();
    await results.getByRole('link', { name: 'checkout' }).first().waitFor();
    await results.getByText('Gold (highest level)').first().waitFor();
    await shot('reliability-page');
    await page.getByRole('tab', { name: 'Burning SLOs' }).click();
    await page.getByText('Burning fastest').first().waitFor();
    await page.getByRole('tab', { name: 'Teams' }).click();
    await page.getByRole('link', { name: 'payments' }).first().waitFor();
    await shot('reliability-page-teams');
    await checkMonthlyReport({
      page,
      appUrl: APP_URL,
      outDir: SCREENSHOT_DIR,
      log,
    });

    log('opening the home page: on call for my services');
    await page.goto(`${APP_URL}/home`);
    const onCallWidget = page.getByRole('list', {
      name: 'On call for my services',
    });
    await onCallWidget.getByRole('link', { name: 'checkout' }).waitFor();
    await onCallWidget
      .getByRole('link', { name: rotationPeople })
      .first()
      .waitFor();
    await shot('home-on-call');

    await checkExemptionWorkflow({ page, appUrl: APP_URL, log, shot });

    pageProblems.assertNone();
  } catch (error) {
    await shot('failure').catch(() => {});
    throw error;
  }
}
/** Reloads until the SLO's row shows a numeric SLI and budget, within LIVE_DATA_WITHIN_MS. */
async function expectLiveSloRow(page, name) {
  const row = page.getByRole('row', { name: new RegExp(`^${name}`) });
  for (;;) {
    const text = (await row.first().textContent()) ?? '';
    const numeric = /\d+(\.\d+)?%/.test(text.replace(/objective [\d.]+%/, ''));
    const budget = /% left|overspent by/.test(text);
    if (numeric && budget) {
      return;
    }
    if (Date.now() - backendAnsweredAt > LIVE_DATA_WITHIN_MS) {
      throw new E2eError(
        `${name} showed no numeric SLI and budget within ${
          LIVE_DATA_WITHIN_MS / 1000
        }s of the backend answering: ${text}`,
      );
    }
    await page.waitForTimeout(2000);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await row.first().waitFor();
  }
}

/** The chart's figure holds at least `min` points and draws a line through them. */
async function expectChartPoints(page, title, min) {
  const figure = page.locator('figure', {
    has: page.getByRole('heading', { name: title, exact: true }),
  });
  await figure.locator('[data-chart-points]').or(figure).first().waitFor();
  await page.waitForFunction(
    ([t, m]) =>
      [...document.querySelectorAll('figure[data-chart-points]')].some(
        f =>
          f.querySelector('h3')?.textContent === t &&
          Number(f.getAttribute('data-chart-points')) >= m &&
          // A drawn line: an SVG path with at least m segments.
          [...f.querySelectorAll('path.recharts-curve')].some(
            p => (p.getAttribute('d') ?? '').split(/[LHVC]/).length >= m / 2,
          ),
      ),
    [title, min],
    { timeout: STEP_TIMEOUT_MS },
  );
  const points = await figure.first().getAttribute('data-chart-points');
  log(`chart "${title}": ${points} points`);
}

async function expectNoHorizontalScroll(page, what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  if (scroll > client) {
    throw new E2eError(
      `${what} scrolls sideways at 1280 × 800 (${scroll}px wide in ${client}px)`,
    );
  }
}

async function openReliabilityTab(page) {
  // The tab sits in the "Observability" group; depending on the entity page layout a group is a
  // tab of its own or a menu. Click through like a user, and fall back to the tab's URL.
  const tabLink = page
    .locator('a[href$="/component/checkout/reliability"]:visible')
    .first();
  if (!(await tabLink.isVisible().catch(() => false))) {
    const group = page.getByRole('tab', { name: /observability/i }).first();
    if (await group.isVisible().catch(() => false)) {
      await group.click();
    }
  }
  const entry = page
    .locator('a[href$="/component/checkout/reliability"]:visible')
    .or(page.getByRole('menuitem', { name: 'Reliability' }))
    .first();
  if (await entry.isVisible().catch(() => false)) {
    await entry.click();
  } else {
    log('no visible Reliability tab to click: opening its URL');
    await page.goto(
      `${APP_URL}/catalog/default/component/checkout/reliability`,
    );
  }
}

async function openWhenCatalogHasIt(page, url) {
  // A fresh database: the catalog ingests the example entities a little after startup.
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const found = page.getByRole('heading', { name: /checkout/i }).first();
    const missing = page.getByText(/not found|no such entity/i).first();
    await found.or(missing).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    if (await found.isVisible().catch(() => false)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new E2eError(
        `the catalog did not list ${url} within ${STEP_TIMEOUT_MS / 1000}s`,
      );
    }
    await page.waitForTimeout(3000);
  }
}

// --- 4. Main --------------------------------------------------------------------------------

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    interrupted = true;
    log(`${signal}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

let failure;
try {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const executablePath = findChromium(log);
  log(`Chromium: ${executablePath}`);
  await startE2eServers();
  await waitForCatalog();
  await runBrowser(executablePath);
  // axe-core on every page and tab of the suite, against Backstage's catalog page (e2e/a11y.mjs).
  const a11yStart = Date.now();
  await runAccessibilityCheck({
    harness,
    executablePath,
    appUrl: APP_URL,
    timeoutMs: STEP_TIMEOUT_MS,
  });
  timings.a11yMs = Date.now() - a11yStart;
} catch (error) {
  failure = error;
} finally {
  await cleanup();
}

if (!interrupted) {
  const total = Math.round((Date.now() - started) / 1000);
  const measured = Object.entries(timings)
    .map(([k, v]) => `${k}=${Math.round(v / 1000)}s`)
    .join(' ');
  if (failure) {
    process.stderr.write(`${failure.stack ?? failure}\n`);
    console.log(
      `e2e: FAILED after ${total}s: ${
        String(failure.message).split('\n')[0]
      } (screenshots and server log in ${DATA_DIR})`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `e2e: passed in ${total}s (${measured}); checkout Reliability tab (SLOs, on-call, runbook, alert quality, scorecard), SLO history, /reliability review page and home on-call widget checked; screenshots in ${SCREENSHOT_DIR}`,
    );
  }
}
