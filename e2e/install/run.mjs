#!/usr/bin/env node
// Installs the suite the way a platform team does, as a stranger to this repository:
//
//   ./dev node e2e/install/run.mjs
//
// 1. builds and packs the five published packages with `yarn pack` (prepack/postpack run) and
//    checks each tarball: built JavaScript, type declarations, the config schema, no test files,
//    no `workspace:` ranges, and every package the built code imports declared in its package.json;
// 2. creates a fresh app with `@backstage/create-app` (its own default template: the new frontend
//    system) in a temporary folder outside the repository, and a legacy-system app package beside
//    it from the create-app legacy template (`createApp` from `@backstage/app-defaults`);
// 3. adds the tarballs as `file:` dependencies and only the lines the package READMEs give (each
//    line is looked up in its README, so the READMEs and this test cannot drift apart), plus one
//    example service with an SLO file and a team with an on-call rotation;
// 4. `yarn install`, `yarn tsc`, starts the backend and the new-system app, and in Chromium signs in
//    as guest and sees the overview card, the Reliability tab with its SLO and `/reliability`; then
//    the same in the legacy app;
// 5. runs the packed CLI with only Node and npm (`npm exec` of the tarballs in an empty folder):
//    `validate` on the example files and `generate` on a Sloth file.
//
// The registry stand-in: the internal dependencies (`-common`, `-node`) are not published, so the
// app's root `resolutions` point them at their tarballs; a user of the published packages needs none.
//
// Environment: E2E_APP_PORT / E2E_BACKEND_PORT (default 3000 / 7007), E2E_START_TIMEOUT_MS
// (default 900000), E2E_STEP_TIMEOUT_MS (default 180000), INSTALL_KEEP=1 keeps the temporary
// folder, YARN_GLOBAL_FOLDER (an empty folder measures a cold install: Yarn keeps its cache
// there), INSTALL_TARBALLS (a folder of earlier tarballs, to skip step 1 when working on this test),
// INSTALL_REUSE_APP (the app folder of an earlier INSTALL_KEEP=1 run, to skip steps 2 and 3).

import { spawn } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  HarnessError as InstallError,
  createHarness,
  findChromium,
  guestToken,
  launchBrowser,
  portInUse,
  startProcess,
  waitFor,
} from '../harness.mjs';

// The create-app release that makes apps of the Backstage release in backstage.json; checked
// against the backstage.json of the app it creates. Bump both together.
const CREATE_APP_VERSION = '0.9.2';

/** Native packages this repository does not build (its root dependenciesMeta): see addReliability. */
const NOT_BUILT_NATIVE_PACKAGES = Object.entries(
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    .dependenciesMeta ?? {},
)
  .filter(([, meta]) => meta.built === false)
  .map(([name]) => name);

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3000);
const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT ?? 7007);
const APP_URL = `http://localhost:${APP_PORT}`;
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS ?? 900_000);
const STEP_TIMEOUT_MS = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 180_000);
const SCREENSHOT_DIR = join(ROOT, '.data', 'e2e-install', 'screenshots');

/** The published packages: where they live, and what their tarball must hold. */
const PACKAGES = [
  {
    dir: 'plugins/reliability-common',
    files: ['dist/index.cjs.js', 'dist/index.esm.js', 'dist/index.d.ts'],
  },
  {
    dir: 'plugins/reliability-node',
    files: ['dist/index.cjs.js', 'dist/index.d.ts'],
  },
  {
    dir: 'plugins/reliability-backend',
    // prepack turns config.d.ts into the JSON schema that configSchema names.
    files: ['dist/index.cjs.js', 'dist/index.d.ts', 'config.schema.json'],
    dirs: ['migrations/'],
  },
  {
    dir: 'plugins/reliability',
    files: [
      'dist/index.esm.js',
      'dist/index.d.ts',
      'dist/alpha.esm.js',
      'dist/alpha.d.ts',
    ],
  },
  {
    dir: 'packages/reliability-cli',
    files: ['dist/index.cjs.js', 'bin/reliability'],
  },
  {
    dir: 'plugins/scaffolder-backend-module-reliability',
    files: ['dist/index.cjs.js', 'dist/index.d.ts'],
  },
];

const harness = createHarness('install');
const { log, cleanup } = harness;
const timings = {};
const workDir = mkdtempSync(join(tmpdir(), 'reliability-install-'));
const logFile = join(workDir, 'install.log');
const logStream = createWriteStream(logFile);

// The child processes get this repository's toolchain (node, yarn, npm on PATH) but none of the
// variables a `yarn run` in this repository sets, which would point them back at it.
function strangerEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^(npm_|YARN_|BERRY_|INIT_CWD$|PROJECT_CWD$|NODE_OPTIONS$)/.test(key) &&
      ![
        'npm_config_nodedir',
        'YARN_GLOBAL_FOLDER',
        'YARN_CACHE_FOLDER',
      ].includes(key)
    ) {
      continue;
    }
    env[key] = value;
  }
  return {
    ...env,
    FORCE_COLOR: '0',
    // The app's lockfile changes when the tarballs are added: this is not a CI check of it.
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    YARN_ENABLE_TELEMETRY: '0',
    ...extra,
  };
}

/** Runs a command to completion, its output into the log file; throws with the tail on failure. */
function run(label, command, args, options = {}) {
  const t0 = Date.now();
  log(`${label}: ${command} ${args.join(' ')}`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = chunk => {
      output += chunk.toString();
      logStream.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', code => {
      const seconds = (Date.now() - t0) / 1000;
      if (code === 0) {
        resolvePromise({ output, seconds });
        return;
      }
      const tail = output.trim().split('\n').slice(-25).join('\n');
      reject(
        new InstallError(
          `${label} failed (exit ${code}) after ${seconds.toFixed(
            0,
          )}s:\n${tail}\n(full log: ${logFile})`,
        ),
      );
    });
  });
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * A line a README tells the user to add, returned only when the README says it verbatim, so the
 * test adds nothing a README does not.
 */
function fromReadme(readme, text) {
  const content = readFileSync(join(ROOT, readme), 'utf8');
  for (const line of text.split('\n')) {
    if (line.trim() && !content.includes(line.trim())) {
      throw new InstallError(
        `${readme} no longer says \`${line.trim()}\`: update the README and e2e/install together`,
      );
    }
  }
  return text;
}

function insertBefore(file, marker, text) {
  const content = readFileSync(file, 'utf8');
  const at = content.indexOf(marker);
  if (at < 0) {
    throw new InstallError(
      `${file} (create-app template) has no \`${marker}\` to add the README lines before`,
    );
  }
  writeFileSync(file, content.slice(0, at) + text + content.slice(at));
}

function insertAfter(file, marker, text) {
  const content = readFileSync(file, 'utf8');
  const at = content.indexOf(marker);
  if (at < 0) {
    throw new InstallError(
      `${file} (create-app template) has no \`${marker}\` to add the README lines after`,
    );
  }
  const end = at + marker.length;
  writeFileSync(file, content.slice(0, end) + text + content.slice(end));
}

// --- 1. Pack and inspect -----------------------------------------------------------------------

async function packAll() {
  const t0 = Date.now();
  if (process.env.INSTALL_TARBALLS) {
    // For working on this test: reuse the tarballs of an earlier run.
    const packed = {};
    for (const pkg of PACKAGES) {
      const { name, version } = readJson(join(ROOT, pkg.dir, 'package.json'));
      const file = join(
        process.env.INSTALL_TARBALLS,
        `${name.replace('@', '').replace('/', '-')}-${version}.tgz`,
      );
      packed[name] = { ...pkg, name, file };
    }
    return packed;
  }
  const tarballDir = join(workDir, 'tarballs');
  mkdirSync(tarballDir);
  // The builds read the declarations that `tsc` writes to dist-types/.
  await run('type declarations', 'yarn', ['tsc']);
  const packed = {};
  for (const pkg of PACKAGES) {
    const { name, version } = readJson(join(ROOT, pkg.dir, 'package.json'));
    await run(`build ${name}`, 'yarn', ['build'], { cwd: join(ROOT, pkg.dir) });
    const file = join(
      tarballDir,
      `${name.replace('@', '').replace('/', '-')}-${version}.tgz`,
    );
    await run(`pack ${name}`, 'yarn', ['pack', '--out', file], {
      cwd: join(ROOT, pkg.dir),
    });
    packed[name] = { ...pkg, name, file };
  }
  timings.packS = (Date.now() - t0) / 1000;
  return packed;
}

async function inspectTarball(pkg) {
  const dir = join(workDir, 'unpacked', pkg.name.replace('/', '+'));
  mkdirSync(dir, { recursive: true });
  await run(`unpack ${pkg.name}`, 'tar', ['-xzf', pkg.file, '-C', dir]);
  const root = join(dir, 'package');
  const listing = [];
  const walk = rel => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(path);
      } else {
        listing.push(path);
      }
    }
  };
  walk('');
  const problems = [];
  for (const file of pkg.files) {
    if (!listing.includes(file)) {
      problems.push(`${file} is missing`);
    }
  }
  for (const prefix of pkg.dirs ?? []) {
    if (!listing.some(file => file.startsWith(prefix))) {
      problems.push(`nothing under ${prefix}`);
    }
  }
  const tests = listing.filter(file =>
    /(\.test\.|__testUtils__|__fixtures__|setupTests|\/src\/)/.test(file),
  );
  if (tests.length > 0) {
    problems.push(`test or source files: ${tests.slice(0, 5).join(', ')}`);
  }
  const text = readFileSync(join(root, 'package.json'), 'utf8');
  const manifest = JSON.parse(text);
  if (text.includes('workspace:')) {
    problems.push('package.json still has workspace: ranges');
  }
  if (manifest.private) {
    problems.push('package.json is private');
  }
  const packs = path => listing.includes(path.replace(/^\.\//, ''));
  for (const field of ['main', 'module', 'types', 'configSchema']) {
    if (manifest[field] && !packs(manifest[field])) {
      problems.push(`${field} names ${manifest[field]}, which is not packed`);
    }
  }
  if (pkg.dir.endsWith('-backend') && !manifest.configSchema) {
    problems.push('the backend ships no configSchema');
  }
  for (const target of Object.values(manifest.exports ?? {})) {
    // The `backstage` condition names what the entry is (e.g. @backstage/FrontendPlugin).
    const { backstage: _kind, ...paths } =
      typeof target === 'string' ? { default: target } : target;
    for (const path of Object.values(paths)) {
      if (!packs(path)) {
        problems.push(`exports names ${path}, which is not packed`);
      }
    }
  }
  // What only works through hoisting in this monorepo: a package the built code imports that its
  // package.json does not declare.
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  const builtins = new Set(builtinModules);
  const undeclared = new Map();
  for (const file of listing.filter(f => /\.(c|m)?js$/.test(f))) {
    const code = readFileSync(join(root, file), 'utf8');
    const specifiers = [
      ...code.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g),
      ...code.matchAll(
        /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
      ),
      ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ].map(match => match[1]);
    for (const specifier of specifiers) {
      if (
        specifier.startsWith('.') ||
        specifier.startsWith('/') ||
        specifier.startsWith('node:') ||
        builtins.has(specifier)
      ) {
        continue;
      }
      const parts = specifier.split('/');
      const name = specifier.startsWith('@')
        ? parts.slice(0, 2).join('/')
        : parts[0];
      if (!declared.has(name) && !builtins.has(name)) {
        undeclared.set(name, file);
      }
    }
  }
  for (const [name, file] of undeclared) {
    problems.push(
      `${file} imports ${name}, which package.json does not declare`,
    );
  }
  if (problems.length > 0) {
    throw new InstallError(
      `the tarball of ${pkg.name} is not publishable:\n  ${problems.join(
        '\n  ',
      )}`,
    );
  }
  log(
    `${pkg.name}: ${listing.length} files, ${
      Object.keys(manifest.dependencies ?? {}).length
    } dependencies, all declared`,
  );
  return { root, manifest };
}

// --- 2. A stranger's app -----------------------------------------------------------------------

async function createApps() {
  const t0 = Date.now();
  const backstageVersion = readJson(join(ROOT, 'backstage.json')).version;
  const createApp = async (path, extraArgs) => {
    await run(
      `create-app${extraArgs.length ? ` ${extraArgs.join(' ')}` : ''}`,
      'npx',
      [
        '--yes',
        `@backstage/create-app@${CREATE_APP_VERSION}`,
        '--skip-install',
        '--path',
        path,
        ...extraArgs,
      ],
      {
        cwd: workDir,
        env: strangerEnv({ BACKSTAGE_APP_NAME: 'stranger-app' }),
      },
    );
    const created = readJson(join(path, 'backstage.json')).version;
    if (created !== backstageVersion) {
      throw new InstallError(
        `@backstage/create-app@${CREATE_APP_VERSION} made a Backstage ${created} app, this repository ` +
          `is on ${backstageVersion} (backstage.json): set CREATE_APP_VERSION in e2e/install/run.mjs ` +
          'to the create-app release of that Backstage release',
      );
    }
  };
  const appDir = join(workDir, 'stranger-app');
  await createApp(appDir, []);
  // The legacy frontend system, as its own app package in the same app: create-app's legacy
  // template, renamed.
  const legacyDir = join(workDir, 'legacy-template');
  await createApp(legacyDir, ['--legacy']);
  const legacyApp = join(appDir, 'packages', 'app-legacy');
  await run('copy the legacy app package', 'cp', [
    '-r',
    join(legacyDir, 'packages', 'app'),
    legacyApp,
  ]);
  rmSync(legacyDir, { recursive: true, force: true });
  const legacyManifest = readJson(join(legacyApp, 'package.json'));
  legacyManifest.name = 'app-legacy';
  writeJson(join(legacyApp, 'package.json'), legacyManifest);
  rmSync(join(legacyApp, 'e2e-tests'), { recursive: true, force: true });
  timings.createAppS = (Date.now() - t0) / 1000;
  return { appDir, legacyApp };
}

function addReliability(appDir, legacyApp, packed) {
  const tarball = name => `file:${packed[name].file}`;

  // The README install commands (`yarn --cwd packages/app add …`), as the dependencies they write.
  fromReadme(
    'plugins/reliability/README.md',
    'yarn --cwd packages/app add @reliability/backstage-plugin',
  );
  fromReadme(
    'plugins/reliability-backend/README.md',
    'yarn --cwd packages/backend add @reliability/backstage-plugin-backend',
  );
  fromReadme(
    'plugins/scaffolder-backend-module-reliability/README.md',
    'yarn --cwd packages/backend add @reliability/plugin-scaffolder-backend-module-reliability',
  );
  for (const [pkgDir, name] of [
    ['packages/app', '@reliability/backstage-plugin'],
    ['packages/app-legacy', '@reliability/backstage-plugin'],
    ['packages/backend', '@reliability/backstage-plugin-backend'],
    [
      'packages/backend',
      '@reliability/plugin-scaffolder-backend-module-reliability',
    ],
  ]) {
    const file = join(appDir, pkgDir, 'package.json');
    const manifest = readJson(file);
    manifest.dependencies[name] = tarball(name);
    writeJson(file, manifest);
  }
  // The registry stand-in for the packages ours depend on.
  const rootFile = join(appDir, 'package.json');
  const root = readJson(rootFile);
  root.resolutions = {
    ...root.resolutions,
    '@reliability/backstage-plugin-common': tarball(
      '@reliability/backstage-plugin-common',
    ),
    '@reliability/backstage-plugin-node': tarball(
      '@reliability/backstage-plugin-node',
    ),
  };
  // Not a line of ours: this machine reaches no download host, so native packages that fetch a
  // prebuilt binary compile from source instead (15 of an install's 18 minutes here). Those the
  // app never loads are not built, as in this repository's root package.json; better-sqlite3,
  // which the backend's SQLite needs, is.
  root.dependenciesMeta = {
    ...root.dependenciesMeta,
    ...Object.fromEntries(
      NOT_BUILT_NATIVE_PACKAGES.map(name => [name, { built: false }]),
    ),
  };
  writeJson(rootFile, root);

  // Backend: one line.
  insertBefore(
    join(appDir, 'packages/backend/src/index.ts'),
    'backend.start();',
    `${fromReadme(
      'plugins/reliability-backend/README.md',
      "backend.add(import('@reliability/backstage-plugin-backend'));",
    )}\n${fromReadme(
      'plugins/scaffolder-backend-module-reliability/README.md',
      "backend.add(\n  import('@reliability/plugin-scaffolder-backend-module-reliability'),\n);",
    )}\n\n`,
  );

  // New frontend system: nothing to add, the app discovers the plugin (`app.packages: all` in
  // create-app's app-config.yaml).
  const appConfig = readFileSync(join(appDir, 'app-config.yaml'), 'utf8');
  if (!/^\s+packages: all$/m.test(appConfig)) {
    throw new InstallError(
      'create-app no longer writes `app.packages: all`: the README must tell users to add the plugin to `features`',
    );
  }

  // Legacy frontend system: the README's App.tsx route and EntityPage tab and card.
  const readme = 'plugins/reliability/README.md';
  const appTsx = join(legacyApp, 'src/App.tsx');
  insertBefore(
    appTsx,
    "import { createApp } from '@backstage/app-defaults';",
    `${fromReadme(
      readme,
      "import { ReliabilityPage } from '@reliability/backstage-plugin';",
    )}\n`,
  );
  insertBefore(
    appTsx,
    '  </FlatRoutes>',
    `    ${fromReadme(
      readme,
      '<Route path="/reliability" element={<ReliabilityPage />} />',
    )}\n`,
  );
  const entityPage = join(legacyApp, 'src/components/catalog/EntityPage.tsx');
  insertBefore(
    entityPage,
    "import { Button, Grid } from '@material-ui/core';",
    `${fromReadme(
      readme,
      [
        'import {',
        '  EntityReliabilityContent,',
        '  EntityReliabilitySummaryCard,',
        "} from '@reliability/backstage-plugin';",
      ].join('\n'),
    )}\n`,
  );
  insertAfter(
    entityPage,
    ['    <Grid item md={6}>', '      <EntityAboutCard />', '    </Grid>'].join(
      '\n',
    ),
    `\n${fromReadme(
      readme,
      [
        '    <Grid item md={6}>',
        '      <EntityReliabilitySummaryCard />',
        '    </Grid>',
      ].join('\n'),
    )}`,
  );
  insertBefore(
    entityPage,
    '    <EntityLayout.Route path="/ci-cd" title="CI/CD">',
    `${fromReadme(
      readme,
      [
        '    <EntityLayout.Route path="/reliability" title="Reliability">',
        '      <EntityReliabilityContent />',
        '    </EntityLayout.Route>',
      ].join('\n'),
    )}\n\n`,
  );
}

/** The user's own catalog: one service with an SLO file, its team with a rotation. */
function writeExampleCatalog(appDir) {
  const dir = join(appDir, 'reliability-example');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'catalog-info.yaml'),
    `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  title: Orders
  annotations:
    reliability/slos: ./slos.yaml
spec:
  type: service
  lifecycle: production
  owner: group:default/shop
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: shop
  annotations:
    reliability/rotation: ./rotation.yaml
spec:
  type: team
  children: []
`,
  );
  writeFileSync(
    join(dir, 'slos.yaml'),
    `apiVersion: openslo/v1
kind: SLO
metadata:
  name: orders-availability
  displayName: Orders availability
spec:
  service: orders
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  indicator:
    metadata:
      name: orders-good-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Push
            spec:
              counts: good requests
        total:
          metricSource:
            type: Push
            spec:
              counts: all requests
  objectives:
    - displayName: Good requests
      target: 0.995
`,
  );
  writeFileSync(
    join(dir, 'rotation.yaml'),
    `apiVersion: reliability.dev/v1
kind: Rotation
metadata:
  name: shop-oncall
spec:
  timeZone: UTC
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [guest]
`,
  );
  // A Sloth file for the CLI's generate.
  writeFileSync(
    join(dir, 'sloth.yaml'),
    `version: prometheus/v1
service: orders
slos:
  - name: requests-availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="orders",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="orders"}[{{.window}}]))
    alerting:
      name: OrdersHighErrorRate
`,
  );
  writeAppConfig(appDir);
  return dir;
}

function writeAppConfig(appDir) {
  // Registering the example is the user's own catalog configuration, not a README line of ours.
  // create-app 0.9.2's `^` ranges now resolve @backstage/plugin-signals-backend to a release
  // that needs a newer backend-defaults (httpRouter.addWebSocketHandler); its failed start
  // would keep the catalog from processing, so a stranger's app lets it fail on its own.
  writeFileSync(
    join(appDir, 'app-config.local.yaml'),
    `catalog:
  locations:
    - type: file
      target: ../../reliability-example/catalog-info.yaml
      rules:
        - allow: [Component, Group]
backend:
  startup:
    plugins:
      signals:
        onPluginBootFailure: continue
`,
  );
}

// --- 3. Install, type-check, run ---------------------------------------------------------------

async function installAndCheck(appDir) {
  let t0 = Date.now();
  await run('yarn install (fresh app)', 'yarn', ['install'], {
    cwd: appDir,
    env: strangerEnv(),
  });
  timings.installS = (Date.now() - t0) / 1000;
  t0 = Date.now();
  await run('yarn tsc (fresh app)', 'yarn', ['tsc'], {
    cwd: appDir,
    env: strangerEnv(),
  });
  timings.tscS = (Date.now() - t0) / 1000;
}

async function startServer(name, cwd, healthUrl) {
  const cli = join(cwd, '..', '..', 'node_modules', '.bin', 'backstage-cli');
  const state = startProcess(
    harness,
    name,
    cli,
    ['package', 'start'],
    {
      cwd,
      env: strangerEnv({
        NODE_ENV: 'development',
        BROWSER: 'none',
        APP_CONFIG_app_baseUrl: APP_URL,
        APP_CONFIG_backend_baseUrl: BACKEND_URL,
        APP_CONFIG_backend_listen_port: String(BACKEND_PORT),
        APP_CONFIG_backend_cors_origin: APP_URL,
      }),
    },
    logStream,
  );
  const t0 = Date.now();
  await waitFor(
    `the ${name} (${healthUrl})`,
    START_TIMEOUT_MS,
    async () => {
      if (state.exited !== undefined) {
        throw new InstallError(
          `the ${name} exited (${state.exited}) before it answered; see ${logFile}`,
        );
      }
      const res = await fetch(healthUrl, {
        signal: AbortSignal.timeout(10_000),
      });
      return res.ok;
    },
    logFile,
  );
  const seconds = (Date.now() - t0) / 1000;
  log(`${name} answers after ${seconds.toFixed(0)}s`);
  return { state, seconds };
}

async function stopLast() {
  // startProcess puts its cleanup last: run and drop it.
  const stop = harness.cleanups.pop();
  await stop();
}

async function checkInBrowser(page, label) {
  const shot = async name => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({
      path: join(SCREENSHOT_DIR, `${label}-${name}.png`),
      fullPage: true,
    });
  };
  try {
    await page.goto(APP_URL, {
      waitUntil: 'domcontentloaded',
      timeout: STEP_TIMEOUT_MS,
    });
    // The legacy app's sidebar is no <nav>: wait for its Settings link instead of the harness's
    // app shell.
    const guest = page.getByRole('button', { name: /^enter$/i });
    const shell = page.getByRole('link', { name: /^settings$/i }).first();
    await guest.or(shell).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    if (await guest.isVisible().catch(() => false)) {
      await guest.click();
    }
    await shell.waitFor({ timeout: STEP_TIMEOUT_MS });

    log(`${label}: the overview card of orders`);
    // A fresh backend: the catalog ingests the example a little after startup.
    const token = await guestToken(BACKEND_URL);
    await waitFor(
      'the catalog entity component:default/orders',
      STEP_TIMEOUT_MS,
      async () => {
        const res = await fetch(
          `${BACKEND_URL}/api/catalog/entities/by-name/component/default/orders`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        return res.ok;
      },
      logFile,
    );
    // The scaffolder module's README line: the fresh app's scaffolder lists our action.
    const actions = await fetch(`${BACKEND_URL}/api/scaffolder/v2/actions`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const actionIds = actions.ok
      ? (await actions.json()).map(action => action.id)
      : [];
    if (!actionIds.includes('reliability:gate:check')) {
      throw new InstallError(
        `GET /api/scaffolder/v2/actions (${
          actions.status
        }) does not list reliability:gate:check: ${actionIds.join(', ')}`,
      );
    }
    const entityUrl = `${APP_URL}/catalog/default/component/orders`;
    await page.goto(entityUrl, { waitUntil: 'domcontentloaded' });
    await page
      .getByRole('link', { name: 'Open the Reliability tab' })
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByText('Orders availability').first().waitFor();
    await shot('overview');

    log(`${label}: the Reliability tab`);
    await page.goto(`${entityUrl}/reliability`, {
      waitUntil: 'domcontentloaded',
    });
    await page.getByText('Service level objectives').first().waitFor();
    await page
      .getByRole('button', { name: 'Show history of Orders availability' })
      .waitFor();
    await page.getByText('objective 99.5%').first().waitFor();
    await page
      .getByRole('region', { name: 'On call now' })
      .first()
      .getByRole('link', { name: /guest/i })
      .first()
      .waitFor();
    await shot('reliability-tab');

    log(`${label}: /reliability`);
    await page.goto(`${APP_URL}/reliability`, {
      waitUntil: 'domcontentloaded',
    });
    await page
      .getByText('Readiness, SLOs and alert quality across the catalog')
      .waitFor();
    await page.getByRole('tab', { name: 'Burning SLOs' }).click();
    await page.getByText('Burning fastest').first().waitFor();
    await shot('review-page');
  } catch (error) {
    await shot('failure').catch(() => {});
    throw error;
  }
}

async function runApps(appDir, legacyApp) {
  for (const port of [APP_PORT, BACKEND_PORT]) {
    if (await portInUse(port)) {
      throw new InstallError(
        `port ${port} is in use: stop what listens there or pick free ports (E2E_APP_PORT, E2E_BACKEND_PORT)`,
      );
    }
  }
  const executablePath = findChromium(log);
  // The browser first: its cleanups go first, so stopLast() stops the server started last.
  const context = await launchBrowser(harness, executablePath);
  const page = context.pages()[0] ?? (await context.newPage());
  const backend = await startServer(
    'backend',
    join(appDir, 'packages/backend'),
    `${BACKEND_URL}/api/reliability/health`,
  );
  timings.backendS = backend.seconds;
  const app = await startServer('app', join(appDir, 'packages/app'), APP_URL);
  timings.appS = app.seconds;
  await checkInBrowser(page, 'new-frontend-system');
  // Leave the first app's page before it stops: its dev-server client reloads the page as soon
  // as a server answers on the port again, which would interrupt the legacy app's first visit.
  await page.goto('about:blank');
  await stopLast();

  const legacy = await startServer('legacy app', legacyApp, APP_URL);
  timings.legacyAppS = legacy.seconds;
  await checkInBrowser(page, 'legacy-frontend-system');
  await stopLast();
}

// --- 4. The CLI with only Node -----------------------------------------------------------------

async function runCli(packed, exampleDir) {
  const t0 = Date.now();
  const dir = join(workDir, 'cli-only');
  mkdirSync(dir);
  const cli = (args, cwd = dir) =>
    run(
      `reliability ${args[0]}`,
      'npm',
      [
        'exec',
        '--yes',
        `--package=${packed['@reliability/backstage-plugin-common'].file}`,
        `--package=${packed['@reliability/cli'].file}`,
        '--',
        'reliability',
        ...args,
      ],
      {
        cwd,
        env: strangerEnv({
          npm_config_cache: join(workDir, 'npm-cache'),
          npm_config_update_notifier: 'false',
        }),
      },
    );
  await run('copy the example files', 'cp', [
    '-r',
    exampleDir,
    join(dir, 'repo'),
  ]);
  const validated = await cli(['validate', '.'], join(dir, 'repo'));
  if (!/\b[3-9] file\(s\) checked: 0 error\(s\)/.test(validated.output)) {
    throw new InstallError(
      `reliability validate did not report the example files valid:\n${validated.output}`,
    );
  }
  const rules = join(dir, 'rules.yaml');
  await cli(['generate', '-i', join(exampleDir, 'sloth.yaml'), '-o', rules]);
  const generated = readFileSync(rules, 'utf8');
  for (const expected of [
    'slo:sli_error:ratio_rate5m',
    'OrdersHighErrorRate',
    'sloth_service: orders',
  ]) {
    if (!generated.includes(expected)) {
      throw new InstallError(
        `reliability generate wrote no ${expected} into ${rules}`,
      );
    }
  }
  timings.cliS = (Date.now() - t0) / 1000;
}

// --- main ---------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  let ok = false;
  try {
    log(`working in ${workDir} (log: ${logFile})`);
    rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
    const packed = await packAll();
    for (const pkg of Object.values(packed)) {
      await inspectTarball(pkg);
    }
    let appDir;
    let legacyApp;
    let exampleDir;
    if (process.env.INSTALL_REUSE_APP) {
      // For working on this test: the installed app of an earlier run (INSTALL_KEEP=1).
      appDir = process.env.INSTALL_REUSE_APP;
      legacyApp = join(appDir, 'packages', 'app-legacy');
      exampleDir = join(appDir, 'reliability-example');
      writeAppConfig(appDir);
    } else {
      ({ appDir, legacyApp } = await createApps());
      addReliability(appDir, legacyApp, packed);
      exampleDir = writeExampleCatalog(appDir);
      await installAndCheck(appDir);
    }
    await runCli(packed, exampleDir);
    await runApps(appDir, legacyApp);
    ok = true;
  } catch (error) {
    if (error instanceof InstallError) {
      log(error.message);
    } else {
      log(error.stack ?? String(error));
    }
  } finally {
    await cleanup();
    logStream.end();
    if (ok && !process.env.INSTALL_KEEP) {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  const figures = Object.entries(timings)
    .map(([key, seconds]) => `${key.replace(/S$/, '')} ${seconds.toFixed(0)}s`)
    .join(', ');
  const total = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    `install: ${ok ? 'passed' : 'FAILED'} in ${total} s (${figures})\n`,
  );
  process.exitCode = ok ? 0 : 1;
}

await main();
