/**
 * The invented SLI data of the example catalog's pushed SLOs: a daily traffic curve and, per SLO,
 * a base error rate and incidents placed relative to the demo's anchor (the first start of the
 * example backend), so that one SLO is healthy, one burning and one exhausted on first look.
 * Every value is a pure function of the minute and the anchor, so seeding twice writes the same
 * numbers.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** How far back the demo reaches: a 90-day chart of a 28-day SLO needs 118 days. */
export const DEMO_HISTORY_MS = 120 * DAY_MS;

interface Incident {
  /** Start, relative to the anchor (negative: before it). */
  offsetMs: number;
  durationMs: number;
  /** Failed requests per minute (at most all of them), independent of the time of day. */
  badPerMinute: number;
}

/** One pushed SLO of the example catalog and how its demo data behaves. */
export interface DemoSlo {
  sloId: string;
  /** Share of requests that fail outside incidents. */
  baseErrorRate: number;
  incidents: Incident[];
}

/**
 * The three pushed SLOs of examples/services/checkout/slos.yaml:
 * - availability (99.9% over 28 days) burns: a 45-minute incident two days before the anchor
 *   spent most of the budget, so it is in warning;
 * - latency (99% over 28 days) is healthy;
 * - payment confirmation (99.95% over 28 days) is exhausted by a two-hour incident five days
 *   before the anchor and keeps burning above budget.
 */
export const DEMO_SLOS: readonly DemoSlo[] = [
  {
    sloId: 'checkout-checkout-availability-0',
    baseErrorRate: 0.0003,
    incidents: [
      { offsetMs: -2 * DAY_MS, durationMs: 45 * MINUTE_MS, badPerMinute: 320 },
    ],
  },
  {
    sloId: 'checkout-checkout-latency-0',
    baseErrorRate: 0.002,
    incidents: [
      { offsetMs: -9 * DAY_MS, durationMs: 30 * MINUTE_MS, badPerMinute: 30 },
    ],
  },
  {
    sloId: 'checkout-checkout-payment-confirmation-0',
    baseErrorRate: 0.0006,
    incidents: [
      { offsetMs: -5 * DAY_MS, durationMs: 2 * HOUR_MS, badPerMinute: 60 },
    ],
  },
];

/** A deterministic number in [0, 1) for a minute and a stream. */
function noise(minute: number, stream: number): number {
  let x = (minute * 2654435761 + stream * 40503) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x45d9f3b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return x / 2 ** 32;
}

/** Requests in the minute starting at `t`: a daily curve peaking in the afternoon (UTC). */
export function demoTraffic(t: number): number {
  const hour = (t % DAY_MS) / HOUR_MS;
  const minute = Math.floor(t / MINUTE_MS);
  return Math.round(
    600 +
      450 * Math.sin(((hour - 9) / 24) * 2 * Math.PI) +
      40 * noise(minute, 0),
  );
}

/** Good and total requests of one SLO in the minute starting at `t`. */
export function demoMinute(
  slo: DemoSlo,
  t: number,
  anchorMs: number,
  stream: number,
): { good: number; total: number } {
  const total = demoTraffic(t);
  const incident = slo.incidents.find(
    i => t >= anchorMs + i.offsetMs && t < anchorMs + i.offsetMs + i.durationMs,
  );
  const minute = Math.floor(t / MINUTE_MS);
  // Rounded by a random threshold, so that rates under one error a minute still average out.
  const expected = incident
    ? incident.badPerMinute
    : total * slo.baseErrorRate * (0.5 + noise(minute, stream));
  const bad = Math.min(
    total,
    Math.floor(expected + noise(minute, stream + 100)),
  );
  return { good: total - bad, total };
}

/** The sum of an hour's minutes, as the backend's roll-up would store it. */
export function demoHour(
  slo: DemoSlo,
  hourStart: number,
  anchorMs: number,
  stream: number,
): { good: number; total: number } {
  let good = 0;
  let total = 0;
  for (let t = hourStart; t < hourStart + HOUR_MS; t += MINUTE_MS) {
    const minute = demoMinute(slo, t, anchorMs, stream);
    good += minute.good;
    total += minute.total;
  }
  return { good, total };
}
