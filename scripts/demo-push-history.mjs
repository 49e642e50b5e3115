#!/usr/bin/env node
// Pushes a DEMO history of request counts for the example checkout SLO to a running backend
// (`./dev start`), so that its error budget, burn rates and charts have something to show.
// The numbers are invented: a daily traffic curve, 0.03% errors, and a 40-minute incident at
// 40% errors two days ago. Run: ./dev yarn demo:push-history [--backend http://localhost:7007]
const args = process.argv.slice(2);
const backend = args.includes('--backend')
  ? args[args.indexOf('--backend') + 1]
  : 'http://localhost:7007';
const sloId = 'checkout-checkout-availability-0';
const MINUTE = 60_000;
const DAYS = 7;

async function guestToken() {
  const res = await fetch(`${backend}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  });
  if (!res.ok) {
    throw new Error(
      `guest sign-in failed with ${res.status}: is the backend running (./dev start)?`,
    );
  }
  return (await res.json()).backstageIdentity.token;
}

function demoBuckets() {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
  // Just inside the minute retention (7 days by default), which is how far back pushes may go.
  const start = end - DAYS * 24 * 60 * MINUTE + 10 * MINUTE;
  const incidentStart = end - 2 * 24 * 60 * MINUTE;
  const buckets = [];
  // A fixed seed keeps the demo the same on every run.
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let t = start; t < end; t += MINUTE) {
    const hour = new Date(t).getUTCHours() + new Date(t).getUTCMinutes() / 60;
    const total = Math.round(
      600 + 450 * Math.sin(((hour - 9) / 24) * 2 * Math.PI) + 40 * random(),
    );
    const inIncident = t >= incidentStart && t < incidentStart + 40 * MINUTE;
    const errorRate = inIncident ? 0.4 : 0.0003 * (0.5 + random());
    const bad = Math.min(total, Math.round(total * errorRate));
    buckets.push({
      start: new Date(t).toISOString(),
      good: total - bad,
      total,
    });
  }
  return buckets;
}

async function main() {
  const token = await guestToken();
  const buckets = demoBuckets();
  let accepted = 0;
  for (let i = 0; i < buckets.length; i += 1440) {
    const res = await fetch(`${backend}/api/reliability/slos/${sloId}/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ buckets: buckets.slice(i, i + 1440) }),
    });
    const body = await res.json();
    if (!res.ok) {
      throw new Error(
        `push failed with ${res.status}: ${
          body.error?.message ?? JSON.stringify(body)
        }`,
      );
    }
    accepted += body.accepted;
  }
  console.log(
    `demo:push-history: pushed ${accepted} DEMO minute buckets (${DAYS} days, one 40-minute incident) for ${sloId}`,
  );
}

main().catch(error => {
  console.error(`demo:push-history: ${error.message}`);
  process.exitCode = 1;
});
