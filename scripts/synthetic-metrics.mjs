#!/usr/bin/env node
// A small synthetic metrics endpoint for the payments example (examples/services/payments/
// sloth.yaml): Prometheus counters of DEMO payment requests, so that `./dev start`'s local
// Prometheus has real series for the Sloth recording rules. About 12 requests a second with a
// daily wave, 0.03% of them failing (5xx) and 99.4% answered within 300 ms; every fourth hour has
// a five-minute burst of errors, so that burn rates move. Counters are pure functions of the time
// since the process started, so every scrape is consistent with the last.
//
//   node scripts/synthetic-metrics.mjs [--port 9464]
import { createServer } from 'node:http';

const args = process.argv.slice(2);
const port = Number(
  args.includes('--port') ? args[args.indexOf('--port') + 1] : 9464,
);
const started = Date.now();

/** Requests per second at time `t` (epoch ms): 12 on average, a daily wave around it. */
function rate(t) {
  return 12 + 6 * Math.sin((2 * Math.PI * (t % 86_400_000)) / 86_400_000);
}

/** Counts since the start, integrated second by second (cached for the part already summed). */
let summedUntil = started;
const totals = { requests: 0, errors: 0, fast: 0 };
function advance(now) {
  for (; summedUntil + 1000 <= now; summedUntil += 1000) {
    const r = rate(summedUntil);
    const minuteOfFourHours = Math.floor(summedUntil / 60_000) % 240;
    const errorShare = minuteOfFourHours < 5 ? 0.05 : 0.0003;
    totals.requests += r;
    totals.errors += r * errorShare;
    totals.fast += r * 0.994;
  }
}

createServer((req, res) => {
  if (req.url !== '/metrics') {
    res.writeHead(404).end('Only /metrics is served\n');
    return;
  }
  advance(Date.now());
  const ok = Math.floor(totals.requests - totals.errors);
  const errors = Math.floor(totals.errors);
  const all = ok + errors;
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(
    [
      '# HELP payments_requests_total DEMO payment requests by status code.',
      '# TYPE payments_requests_total counter',
      `payments_requests_total{code="200"} ${ok}`,
      `payments_requests_total{code="500"} ${errors}`,
      '# HELP payments_request_duration_seconds DEMO payment request latency.',
      '# TYPE payments_request_duration_seconds histogram',
      `payments_request_duration_seconds_bucket{le="0.3"} ${Math.min(
        all,
        Math.floor(totals.fast),
      )}`,
      `payments_request_duration_seconds_bucket{le="+Inf"} ${all}`,
      `payments_request_duration_seconds_count ${all}`,
      `payments_request_duration_seconds_sum ${(all * 0.12).toFixed(3)}`,
      '',
    ].join('\n'),
  );
}).listen(port, '127.0.0.1', () => {
  console.log(
    `synthetic-metrics: DEMO payments metrics on http://127.0.0.1:${port}/metrics`,
  );
});
