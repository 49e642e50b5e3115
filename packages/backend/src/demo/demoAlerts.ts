import { DAY_MS, HOUR_MS, MINUTE_MS } from './demoSli';

/** The alert source name of the demo alerts, shown wherever the source is. */
export const DEMO_ALERT_SOURCE = 'example-demo';

/** One demo alert, in the columns of the plugin's alert table. */
export interface DemoAlert {
  externalId: string;
  entityRef: string;
  alertName: string;
  summary: string;
  urgency: 'high' | 'low';
  triggeredAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  resolvedAt: number | null;
  responder: string;
}

const RESPONDERS = [
  'user:default/alice',
  'user:default/bob',
  'user:default/carol',
  'user:default/dave',
];

const KINDS = [
  {
    entityRef: 'component:default/checkout',
    alertName: 'CheckoutHighErrorRate',
    urgency: 'high' as const,
  },
  {
    entityRef: 'component:default/checkout',
    alertName: 'CheckoutLatencyHigh',
    urgency: 'low' as const,
  },
  {
    entityRef: 'component:default/payments',
    alertName: 'PaymentsHighErrorRate',
    urgency: 'low' as const,
  },
];

function noise(day: number, n: number): number {
  let x = (day * 374761393 + n * 668265263) >>> 0;
  x = Math.imul((x ^ (x >>> 13)) >>> 0, 1274126177) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * The demo alerts of one UTC day (`day` counts days since 1970): none to three, each acknowledged
 * by whoever the rotation would have paged after a few minutes and resolved later; some are
 * quickly resolved noise, one in five fires at night. A pure function of the day, so that
 * seeding the same day twice gives the same alerts (same external ids).
 */
export function demoAlertsOfDay(day: number): DemoAlert[] {
  // Every other day checkout pages at least once, so a week always has pages to look at.
  const count = Math.max(day % 2 === 0 ? 1 : 0, Math.floor(noise(day, 0) * 4));
  const alerts: DemoAlert[] = [];
  for (let n = 0; n < count; n++) {
    const kind =
      n === 0 && day % 2 === 0
        ? KINDS[0]
        : KINDS[Math.floor(noise(day, n + 1) * KINDS.length)];
    const night = noise(day, n + 11) < 0.2;
    const hour = night
      ? 1 + noise(day, n + 21) * 4
      : 9 + noise(day, n + 21) * 9;
    const triggeredAt = day * DAY_MS + Math.floor(hour * HOUR_MS);
    const ackAfter = Math.round((1 + noise(day, n + 31) * 14) * MINUTE_MS);
    const noiseAlert = noise(day, n + 41) < 0.35;
    const resolveAfter = noiseAlert
      ? Math.round((2 + noise(day, n + 51) * 3) * MINUTE_MS)
      : Math.round((20 + noise(day, n + 51) * 70) * MINUTE_MS);
    const responder = RESPONDERS[Math.floor(day / 7) % RESPONDERS.length];
    // An alert resolved before anyone looked was never acknowledged.
    const acknowledged = ackAfter < resolveAfter;
    alerts.push({
      externalId: `demo-${day}-${n}`,
      entityRef: kind.entityRef,
      alertName: kind.alertName,
      summary: `${kind.alertName} (demo data)`,
      urgency: kind.urgency,
      triggeredAt,
      acknowledgedAt: acknowledged ? triggeredAt + ackAfter : null,
      acknowledgedBy: acknowledged ? responder : null,
      resolvedAt: triggeredAt + resolveAfter,
      responder,
    });
  }
  return alerts;
}
