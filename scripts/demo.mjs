#!/usr/bin/env node
// Posts a DEMO week of alerts of the example services to a running backend (`./dev start`) the
// way Alertmanager's webhook does, so that alert quality has something to show without any
// incident tool. The alerts are invented: checkout pages a few times (some quickly resolved, i.e.
// noise, one at night), payments opens tickets and flaps once. Run:
//   ./dev yarn demo:alerts [--backend http://localhost:7007] [--token <webhook token>]
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
  console.log(
    `demo:alerts: ${demo.length} alerts over ${Math.round(
      150 / 24,
    )} days posted, ${stored} new`,
  );
}

main().catch(error => {
  console.error(`demo:alerts: ${error.message}`);
  process.exit(1);
});
