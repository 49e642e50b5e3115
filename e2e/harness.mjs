// What the end-to-end run and the frontend benchmark share: finding Chromium, starting the
// backend and the app on a fresh SQLite folder, waiting for them, launching the browser, signing
// in, and stopping everything they started.
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

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A failure the run explains itself; printed without a stack. */
export class HarnessError extends Error {}

/**
 * A run's shared state: a logger that prints the elapsed seconds, and the cleanups to run at the
 * end in order (the browser's cleanup is put first, so it closes before the servers stop).
 */
export function createHarness(name) {
  const started = Date.now();
  const cleanups = [];
  const log = message => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    process.stderr.write(`[${name} ${seconds}s] ${message}\n`);
  };
  const cleanup = async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.shift();
      await fn().catch(error => log(`cleanup failed: ${error.message}`));
    }
  };
  return { started, cleanups, log, cleanup };
}

export function findChromium(log) {
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
        throw new HarnessError(
          `apt-get ${args.join(' ')} failed (exit ${result.status})`,
        );
      }
    }
    if (existsSync('/usr/bin/chromium')) {
      return '/usr/bin/chromium';
    }
  }
  throw new HarnessError(
    'Chromium not found at /usr/bin/chromium: install it (Debian: sudo apt-get install chromium) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary',
  );
}

export function portInUse(port) {
  return new Promise(done => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Polls `check` every 2 s until it returns true; throws with the last error after the timeout. */
export async function waitFor(what, timeoutMs, check, logFile) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        return;
      }
    } catch (error) {
      if (error instanceof HarnessError) {
        throw error;
      }
      lastError = error;
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new HarnessError(
    `${what} did not answer within ${Math.round(timeoutMs / 1000)}s` +
      (lastError ? ` (last error: ${lastError.message})` : '') +
      (logFile ? `; see ${logFile}` : ''),
  );
}

export function startProcess(harness, name, command, args, options, logStream) {
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
  const state = { exited: undefined };
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', chunk => logStream.write(prefix(chunk)));
  }
  child.once('exit', code => {
    state.exited = code ?? 'signal';
  });
  harness.cleanups.push(async () => {
    if (state.exited !== undefined) {
      return;
    }
    harness.log(`stopping ${name}`);
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

/**
 * Starts the backend (once, with the dev runner's loader, so that edits by others do not restart
 * it mid-run) and the app in the webpack dev server, on a fresh SQLite folder, and waits until
 * both answer. `backendConfigs` are extra `--config` files for the backend, after app-config.yaml;
 * `backendEnv` extra environment (e.g. `APP_CONFIG_…` overrides) for the backend only.
 * Returns the time each took to answer.
 */
export async function startServers(harness, options) {
  const {
    appPort,
    backendPort,
    dataDir,
    startTimeoutMs,
    backendConfigs = [],
    backendEnv = {},
    // false: no webpack dev server; the backend serves the production build of packages/app
    // (plugin-app-backend), so the app is at the backend's URL.
    startApp = true,
  } = options;
  const backendUrl = `http://localhost:${backendPort}`;
  const appUrl = startApp ? `http://localhost:${appPort}` : backendUrl;
  const sqliteDir = join(dataDir, 'sqlite');
  const logFile = join(dataDir, 'servers.log');
  for (const port of startApp ? [appPort, backendPort] : [backendPort]) {
    if (await portInUse(port)) {
      throw new HarnessError(
        `port ${port} is in use: stop what listens there (e.g. ./dev start) or pick free ports ` +
          '(E2E_APP_PORT and E2E_BACKEND_PORT); this run starts its own app and backend',
      );
    }
  }
  rmSync(sqliteDir, { recursive: true, force: true });
  mkdirSync(sqliteDir, { recursive: true });
  const logStream = createWriteStream(logFile);
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    BACKSTAGE_SQLITE_DIR: sqliteDir,
    APP_CONFIG_app_baseUrl: appUrl,
    APP_CONFIG_backend_baseUrl: backendUrl,
    APP_CONFIG_backend_listen_port: String(backendPort),
    APP_CONFIG_backend_cors_origin: appUrl,
    BROWSER: 'none',
    FORCE_COLOR: '0',
  };
  const require = createRequire(import.meta.url);
  harness.log(
    `starting backend (:${backendPort}) and app (:${appPort}), output in ${logFile}`,
  );
  const configArgs =
    backendConfigs.length > 0
      ? [join(ROOT, 'app-config.yaml'), ...backendConfigs].flatMap(file => [
          '--config',
          file,
        ])
      : [];
  // The example's JSM and GoAlert teams read invented data from these local servers, as under
  // `./dev start` (app-config.yaml points reliability.jsm and reliability.goalert at them).
  startProcess(
    harness,
    'demo-oncall',
    process.execPath,
    [join(ROOT, 'scripts', 'demo-oncall-servers.mjs')],
    { cwd: ROOT, env },
    logStream,
  );
  const backend = startProcess(
    harness,
    'backend',
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      ...configArgs,
    ],
    {
      cwd: join(ROOT, 'packages', 'backend'),
      env: {
        ...env,
        ...backendEnv,
        ESBK_TSCONFIG_PATH: join(ROOT, 'tsconfig.json'),
      },
    },
    logStream,
  );
  const app = startApp
    ? startProcess(
        harness,
        'app',
        process.execPath,
        [
          require.resolve('@backstage/cli/bin/backstage-cli'),
          'package',
          'start',
        ],
        { cwd: join(ROOT, 'packages', 'app'), env },
        logStream,
      )
    : { exited: undefined };
  const check = url => async () => {
    for (const [name, state] of [
      ['backend', backend],
      ['app', app],
    ]) {
      if (state.exited !== undefined) {
        throw new HarnessError(
          `the ${name} exited (${state.exited}) before it answered; see ${logFile}`,
        );
      }
    }
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return res.ok;
  };
  const t0 = Date.now();
  await waitFor(
    `the backend on :${backendPort}`,
    startTimeoutMs,
    check(`${backendUrl}/api/reliability/health`),
    logFile,
  );
  const backendMs = Date.now() - t0;
  harness.log(`backend answers after ${Math.round(backendMs / 1000)}s`);
  if (!startApp) {
    return { appUrl, backendUrl, backendMs, appMs: backendMs, logFile };
  }
  await waitFor(
    `the app on :${appPort}`,
    Math.max(startTimeoutMs - (Date.now() - t0), 1000),
    check(appUrl),
    logFile,
  );
  const appMs = Date.now() - t0;
  harness.log(`app answers after ${Math.round(appMs / 1000)}s`);
  return { appUrl, backendUrl, backendMs, appMs, logFile };
}

/** Launches headless Chromium with a throwaway profile; closed by the harness cleanup. */
export async function launchBrowser(harness, executablePath) {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'reliability-chromium-'));
  harness.cleanups.push(async () =>
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
  harness.cleanups.unshift(async () => context.close());
  return context;
}

/** Signs in as guest when the app shows a sign-in page, and waits for the app shell. */
export async function signInAsGuest(page, timeoutMs) {
  const guest = page.getByRole('button', { name: /^enter$/i });
  // Small screens render a hidden second nav: wait for a visible one.
  const appShell = page.locator('nav:visible').first();
  await guest.or(appShell).first().waitFor({ timeout: timeoutMs });
  if (await guest.isVisible().catch(() => false)) {
    await guest.click();
  }
  await appShell.waitFor();
}

/** A guest token from the backend, for API calls outside the browser. */
export async function guestToken(backendUrl) {
  const res = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  });
  if (!res.ok) {
    throw new Error(`guest sign-in answered ${res.status}`);
  }
  return (await res.json()).backstageIdentity.token;
}
