#!/usr/bin/env node
// Keeps `yarn install` working against a registry that lacks some platform packages
// (say @swc/core-darwin-arm64) of the newest releases. Run it after any dependency upgrade:
//
//   ./dev node scripts/pin-platform-packages.mjs
//
// It resolves the dependency tree, and for every `name@version` the registry has no candidate
// for, pins `name` in the root `resolutions` to the newest version the registry does have that
// is not newer than the one asked for, then resolves again until nothing is missing. Only
// platform-specific optional packages hit this, so Linux x64 installs stay exact; other
// platforms get the newest binary the registry holds.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const MISSING =
  /(?:YN0082|YN0001).*?((?:@[^@\s/]+\/)?[^@\s]+)@npm:([^\s:]+): No candidates found/;

function compare(a, b) {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function newestAvailable(name, notAfter) {
  // npm warns about the nodedir setting meant for node-gyp: leave it out here.
  const { npm_config_nodedir: _unused, ...env } = process.env;
  const out = execFileSync('npm', ['view', name, 'versions', '--json'], {
    encoding: 'utf8',
    env,
  });
  const versions = [].concat(JSON.parse(out)).filter(v => !v.includes('-'));
  const candidates = versions.filter(v => compare(v, notAfter) <= 0);
  return candidates.sort(compare).pop();
}

for (let round = 1; round <= 200; round++) {
  const run = spawnSync('yarn', ['install', '--mode=update-lockfile'], {
    encoding: 'utf8',
  });
  const missing = new Map();
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    const m = MISSING.exec(line);
    if (m) missing.set(m[1], m[2]);
  }
  if (missing.size === 0) {
    if (run.status !== 0) {
      process.stdout.write(run.stdout);
      process.stderr.write(run.stderr);
      process.exit(run.status ?? 1);
    }
    console.log(
      `pin-platform-packages: nothing missing after ${round} round(s)`,
    );
    process.exit(0);
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  pkg.resolutions ??= {};
  for (const [name, version] of missing) {
    const pin = newestAvailable(name, version);
    if (!pin) {
      console.error(
        `pin-platform-packages: the registry has no version of ${name} up to ${version}`,
      );
      process.exit(1);
    }
    console.log(
      `pin-platform-packages: ${name}@${version} is missing, pinning ${pin}`,
    );
    pkg.resolutions[name] = pin;
  }
  writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
}
console.error('pin-platform-packages: still missing packages after 200 rounds');
process.exit(1);
