#!/usr/bin/env node
// End-to-end check of the Reliability frontend in a real Chromium:
//
//   ./dev node e2e/run.mjs
//
// 1. finds Chromium (/usr/bin/chromium, $CHROMIUM_PATH; installs Debian's when root and missing),
// 2. starts the app (:3000) and backend (:7007) as `yarn start` does, on a fresh SQLite folder under
//    .data/e2e/ so the dev data in .data/sqlite is untouched, and waits until both answer,
// 3. signs in as guest, opens checkout's Reliability tab and the /reliability page, asserts what
//    they show and saves screenshots to .data/e2e/screenshots/,
// 4. stops everything it started, even on failure, prints one summary line, exits non-zero on
//    failure.
//
// Environment: E2E_START_TIMEOUT_MS (default 900000: webpack on 2 cores is slow),
// E2E_STEP_TIMEOUT_MS (default 180000), E2E_APP_PORT and E2E_BACKEND_PORT (default 3000, 7007).

import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  createWriteStream,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { createRequire } from 'node:module';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, '.data', 'e2e');
const SQLITE_DIR = join(DATA_DIR, 'sqlite');
const SCREENSHOT_DIR = join(DATA_DIR, 'screenshots');
const LOG_FILE = join(DATA_DIR, 'servers.log');
// Other ports (E2E_APP_PORT, E2E_BACKEND_PORT) let a run sit beside a running `./dev start`.
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3000);
const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT ?? 7007);
const APP_URL = `http://localhost:${APP_PORT}`;
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS ?? 900_000);
const STEP_TIMEOUT_MS = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 180_000);

const started = Date.now();
const cleanups = [];
const timings = {};

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[e2e ${seconds}s] ${message}\n`);
}

class E2eError extends Error {}

// --- 1. Chromium ----------------------------------------------------------------------------

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter(Boolean);
  const found = candidates.find(path => existsSync(path));
  if (found) {
    return found;
  }
  if (process.getuid?.() === 0) {
    log('Chromium is missing: installing it with apt-get install -y chromium');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', 'chromium'],
    ]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) {
        throw new E2eError(
          `apt-get ${args.join(' ')} failed (exit ${result.status})`,
        );
      }
    }
    if (existsSync('/usr/bin/chromium')) {
      return '/usr/bin/chromium';
    }
  }
  throw new E2eError(
    'Chromium not found at /usr/bin/chromium: install it (Debian: sudo apt-get install chromium) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary',
  );
}

// --- 2. Servers -----------------------------------------------------------------------------

function portInUse(port) {
  return new Promise(done => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function waitFor(what, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        return;
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new E2eError(
    `${what} did not answer within ${Math.round(timeoutMs / 1000)}s` +
      (lastError ? ` (last error: ${lastError.message})` : '') +
      `; see ${LOG_FILE}`,
  );
}

async function answers(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return res.ok;
}

// Started apart rather than through `yarn start`: the backend's dev runner restarts it on every
// change to its sources, and in a tree where others are editing, a restart in the middle of a run
// fails the sign-in. The backend runs once, with the same loader the dev runner uses; the app
// runs in the webpack dev server as `yarn start` does.
function startProcess(name, command, args, options, logStream) {
  const child = spawn(command, args, {
    detached: true, // its own process group, so stopping it stops its children too
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  const prefix = chunk =>
    chunk
      .toString()
      .split('\n')
      .filter(line => line.length > 0)
      .map(line => `[${name}] ${line}\n`)
      .join('');
  const state = { exited: undefined, output: '' };
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', chunk => {
      logStream.write(prefix(chunk));
      // Enough to recognise "Listening on :7007" or EADDRINUSE without keeping the whole log.
      state.output = (state.output + chunk.toString()).slice(-20_000);
    });
  }
  child.once('exit', code => {
    state.exited = code ?? 'signal';
  });
  cleanups.push(async () => {
    if (state.exited !== undefined) {
      return;
    }
    log(`stopping ${name}`);
    const stopped = new Promise(r => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timeout = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 15_000);
    await stopped;
    clearTimeout(timeout);
  });
  return state;
}

async function startServers() {
  for (const port of [APP_PORT, BACKEND_PORT]) {
    if (await portInUse(port)) {
      throw new E2eError(
        `port ${port} is in use: stop what listens there (e.g. ./dev start) or pick free ports ` +
          'with E2E_APP_PORT and E2E_BACKEND_PORT; the e2e run starts its own app and backend',
      );
    }
  }
  rmSync(SQLITE_DIR, { recursive: true, force: true });
  mkdirSync(SQLITE_DIR, { recursive: true });
  const logStream = createWriteStream(LOG_FILE);
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    BACKSTAGE_SQLITE_DIR: SQLITE_DIR,
    APP_CONFIG_app_baseUrl: APP_URL,
    APP_CONFIG_backend_baseUrl: BACKEND_URL,
    APP_CONFIG_backend_listen_port: String(BACKEND_PORT),
    APP_CONFIG_backend_cors_origin: APP_URL,
    BROWSER: 'none',
    FORCE_COLOR: '0',
  };
  const require = createRequire(import.meta.url);
  log(
    `starting backend (:${BACKEND_PORT}) and app (:${APP_PORT}), output in ${LOG_FILE}`,
  );
  const backend = startProcess(
    'backend',
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
    ],
    {
      cwd: join(ROOT, 'packages', 'backend'),
      env: { ...env, ESBK_TSCONFIG_PATH: join(ROOT, 'tsconfig.json') },
    },
    logStream,
  );
  const app = startProcess(
    'app',
    process.execPath,
    [require.resolve('@backstage/cli/bin/backstage-cli'), 'package', 'start'],
    { cwd: join(ROOT, 'packages', 'app'), env },
    logStream,
  );
  const check = url => async () => {
    for (const [name, state] of [
      ['backend', backend],
      ['app', app],
    ]) {
      if (state.exited !== undefined) {
        throw new E2eError(
          `the ${name} exited (${state.exited}) before it answered; see ${LOG_FILE}`,
        );
      }
    }
    return answers(url);
  };
  const t0 = Date.now();
  await waitFor(
    `the backend on :${BACKEND_PORT}`,
    START_TIMEOUT_MS,
    check(`${BACKEND_URL}/api/reliability/health`),
  );
  timings.backendMs = Date.now() - t0;
  log(`backend answers after ${Math.round(timings.backendMs / 1000)}s`);
  await waitFor(
    `the app on :${APP_PORT}`,
    Math.max(START_TIMEOUT_MS - (Date.now() - t0), 1000),
    check(APP_URL),
  );
  timings.appMs = Date.now() - t0;
  log(`app answers after ${Math.round(timings.appMs / 1000)}s`);
}

// --- 3. Browser -----------------------------------------------------------------------------

async function runBrowser(executablePath) {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'reliability-e2e-chromium-'));
  cleanups.push(async () =>
    rmSync(userDataDir, { recursive: true, force: true }),
  );
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  cleanups.unshift(async () => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(error.message));

  const shot = async name => {
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    log(`screenshot ${path}`);
  };

  try {
    log('opening the app and signing in as guest');
    const t0 = Date.now();
    await page.goto(APP_URL, {
      waitUntil: 'domcontentloaded',
      timeout: STEP_TIMEOUT_MS,
    });
    await signInAsGuest(page);
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
    await shot('checkout-reliability-tab');

    log('opening the history of the checkout SLO');
    await page
      .getByRole('button', { name: 'Show history of Checkout availability' })
      .click();
    await page.getByText('History of Checkout availability').waitFor();
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await page
      .getByText('Error budget remaining (burn-down)')
      .or(page.getByText('No history in this range yet', { exact: false }))
      .first()
      .waitFor();
    await shot('checkout-slo-history');

    log('opening the /reliability page');
    await page.goto(`${APP_URL}/reliability`);
    await page.getByText('SLOs in the catalog').waitFor();
    await page.getByText(/^\d+\+? SLOs$/).waitFor();
    await page.getByText('Checkout availability').first().waitFor();
    await shot('reliability-page');

    if (pageErrors.length > 0) {
      log(
        `uncaught page errors (not failing the run): ${pageErrors.join(' | ')}`,
      );
    }
  } catch (error) {
    await shot('failure').catch(() => {});
    throw error;
  }
}

async function signInAsGuest(page) {
  // The sign-in page appears when the app has one; otherwise the app opens directly.
  const guest = page.getByRole('button', { name: /^enter$/i });
  // Small screens render a hidden second nav: wait for a visible one.
  const appShell = page.locator('nav:visible').first();
  await guest.or(appShell).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  if (await guest.isVisible().catch(() => false)) {
    await guest.click();
  }
  await appShell.waitFor();
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

async function cleanup() {
  while (cleanups.length > 0) {
    const fn = cleanups.shift();
    await fn().catch(error => log(`cleanup failed: ${error.message}`));
  }
}

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
  const executablePath = findChromium();
  log(`Chromium: ${executablePath}`);
  await startServers();
  await runBrowser(executablePath);
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
      `e2e: passed in ${total}s (${measured}); checkout Reliability tab, SLO history and /reliability page checked; screenshots in ${SCREENSHOT_DIR}`,
    );
  }
}
