#!/usr/bin/env node
// Fills a running backend (`./dev start`) with DEMO data for the example catalog:
// - a week of alerts, posted the way Alertmanager's webhook does, so that alert quality has
//   something to show without any incident tool. They are invented: checkout pages a few times
//   (some quickly resolved, i.e. noise, one at night), payments opens tickets and flaps once;
// - one scorecard exemption: reliability-backend, an internal tool, needs no on-call for 90 days.
// Idempotent: alerts merge into the same rows, and an active exemption is not granted twice.
// Run: ./dev yarn demo [--backend http://localhost:7007] [--token <webhook token>]
const args = process.argv.slice(2);
const option = (name, fallback) =>
  args.includes(name) ? args[args.indexOf(name) + 1] : fallback;
const backend = option('--backend', 'http://localhost:7007');
const token = option(
  '--token',
  process.env.RELIABILITY_ALERTMANAGER_TOKEN ?? 'local-demo-alertmanager-token',
);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// [entity, alert, severity label, hours ago it fired, minutes until resolved (null: still firing)]
const demo = [
  ['checkout', 'CheckoutHighErrorRate', { sloth_severity: 'page' }, 150, 42],
  ['checkout', 'CheckoutHighErrorRate', { sloth_severity: 'page' }, 101.5, 3],
  ['checkout', 'CheckoutHighErrorRate', { sloth_severity: 'page' }, 77, 2],
  ['checkout', 'CheckoutPodCrashLooping', { severity: 'critical' }, 51, 25],
  ['checkout', 'CheckoutHighErrorRate', { sloth_severity: 'page' }, 26.2, 4],
  ['checkout', 'CheckoutLatencyHigh', { severity: 'warning' }, 3, null],
  ['payments', 'PaymentsHighErrorRate', { severity: 'warning' }, 120, 35],
  ['payments', 'PaymentsHighErrorRate', { severity: 'warning' }, 119.3, 5],
  ['payments', 'PaymentsHighErrorRate', { severity: 'warning' }, 118.9, 6],
  ['payments', 'PaymentsSlowRequests', { severity: 'warning' }, 30, 90],
];

function alert([entity, name, labels, hoursAgo, minutes], now) {
  const startsAt = new Date(now - hoursAgo * HOUR);
  const resolved = minutes !== null;
  return {
    status: resolved ? 'resolved' : 'firing',
    labels: {
      alertname: name,
      backstage_entity: `component:default/${entity}`,
      ...labels,
    },
    annotations: { summary: `${name} on ${entity} (demo)` },
    startsAt: startsAt.toISOString(),
    endsAt: resolved
      ? new Date(startsAt.getTime() + minutes * MINUTE).toISOString()
      : '0001-01-01T00:00:00Z',
    generatorURL: '',
    // Alertmanager's fingerprint is a hash of the labels; any stable string per series does.
    fingerprint: `demo-${entity}-${name}`,
  };
}

async function guestToken() {
  const res = await fetch(`${backend}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  });
  if (!res.ok) {
    throw new Error(`guest sign-in failed with ${res.status}`);
  }
  return (await res.json()).backstageIdentity.token;
}

async function grantExemption() {
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${await guestToken()}`,
  };
  const entityRef = 'component:default/reliability-backend';
  const query = new URLSearchParams({ entityRef, state: 'active' });
  const existing = await fetch(
    `${backend}/api/reliability/exemptions?${query}`,
    {
      headers,
    },
  );
  if (existing.ok && (await existing.json()).items?.length) {
    return 'already granted';
  }
  const res = await fetch(`${backend}/api/reliability/exemptions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      entityRef,
      scorecardId: 'production-readiness',
      checkId: 'oncall-resolves',
      reason:
        'Internal tool: best-effort support in office hours, nobody is paged for it',
      expiresAt: new Date(Date.now() + 90 * 24 * 3_600_000).toISOString(),
    }),
  });
  if (!res.ok) {
    throw new Error(
      `granting the exemption failed with ${res.status}: ${await res.text()}`,
    );
  }
  return 'granted';
}

async function main() {
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  let stored = 0;
  for (const item of demo) {
    const a = alert(item, now);
    // As Alertmanager does: a firing notification, then a resolved one.
    const deliveries =
      a.status === 'resolved'
        ? [{ ...a, status: 'firing', endsAt: '0001-01-01T00:00:00Z' }, a]
        : [a];
    for (const delivery of deliveries) {
      const res = await fetch(
        `${backend}/api/reliability/alerts/alertmanager`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({
            version: '4',
            status: delivery.status,
            receiver: 'backstage',
            groupLabels: { alertname: delivery.labels.alertname },
            commonLabels: {},
            commonAnnotations: {},
            externalURL: 'http://alertmanager.example.com',
            alerts: [delivery],
          }),
        },
      );
      if (!res.ok) {
        throw new Error(
          `the backend answered ${
            res.status
          }: ${await res.text()} (is it running: ./dev start?)`,
        );
      }
      stored += (await res.json()).stored;
    }
  }
  const exemption = await grantExemption();
  console.log(
    `demo: ${demo.length} alerts over 6 days posted, ${stored} new; exemption ${exemption}`,
  );
}

main().catch(error => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
