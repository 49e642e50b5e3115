import { demoAlertsOfDay } from './demoAlerts';
import { DAY_MS, DEMO_SLOS, MINUTE_MS, demoHour, demoMinute } from './demoSli';

const ANCHOR = Date.UTC(2026, 10, 20, 14);
const TARGETS: Record<string, number> = {
  'checkout-checkout-availability-0': 0.999,
  'checkout-checkout-latency-0': 0.99,
  'checkout-checkout-payment-confirmation-0': 0.9995,
};

/** Share of the 28-day error budget the demo data spends by the anchor. */
function budgetSpent(index: number): number {
  const slo = DEMO_SLOS[index];
  let good = 0;
  let total = 0;
  for (let t = ANCHOR - 28 * DAY_MS; t < ANCHOR; t += MINUTE_MS) {
    const minute = demoMinute(slo, t, ANCHOR, index + 1);
    good += minute.good;
    total += minute.total;
  }
  return (total - good) / total / (1 - TARGETS[slo.sloId]);
}

describe('demo SLI data', () => {
  it('makes one SLO burning (under 25% left), one healthy and one exhausted', () => {
    expect(DEMO_SLOS.map(s => s.sloId)).toEqual(Object.keys(TARGETS));
    const [availability, latency, confirmation] = [0, 1, 2].map(budgetSpent);
    expect(availability).toBeGreaterThan(0.75);
    expect(availability).toBeLessThan(1);
    expect(latency).toBeLessThan(0.5);
    expect(confirmation).toBeGreaterThan(1);
  });

  it('is the same on every call, and an hour is the sum of its minutes', () => {
    const slo = DEMO_SLOS[0];
    const hour = ANCHOR - 2 * DAY_MS;
    expect(demoMinute(slo, hour, ANCHOR, 1)).toEqual(
      demoMinute(slo, hour, ANCHOR, 1),
    );
    let good = 0;
    let total = 0;
    for (let t = hour; t < hour + 60 * MINUTE_MS; t += MINUTE_MS) {
      good += demoMinute(slo, t, ANCHOR, 1).good;
      total += demoMinute(slo, t, ANCHOR, 1).total;
    }
    expect(demoHour(slo, hour, ANCHOR, 1)).toEqual({ good, total });
    // The availability incident: 45 minutes of 320 failed requests a minute.
    expect(total - good).toBeGreaterThanOrEqual(45 * 320);
  });
});

describe('demo alerts', () => {
  it('gives a month of alerts, most acknowledged, checkout paging at least every other day', () => {
    const today = Math.floor(ANCHOR / DAY_MS);
    const month = Array.from({ length: 30 }, (_, i) =>
      demoAlertsOfDay(today - i),
    ).flat();
    expect(month.length).toBeGreaterThanOrEqual(20);
    expect(new Set(month.map(a => a.externalId)).size).toBe(month.length);
    const acknowledged = month.filter(a => a.acknowledgedAt !== null);
    expect(acknowledged.length).toBeGreaterThan(month.length / 2);
    for (const alert of acknowledged) {
      expect(alert.acknowledgedAt!).toBeGreaterThan(alert.triggeredAt);
      expect(alert.acknowledgedBy).toMatch(/^user:default\//);
    }
    for (let day = today - 29; day <= today; day += 2) {
      const pages = demoAlertsOfDay(day - (day % 2)).filter(
        a =>
          a.urgency === 'high' && a.entityRef === 'component:default/checkout',
      );
      expect(pages.length).toBeGreaterThan(0);
    }
    expect(demoAlertsOfDay(today)).toEqual(demoAlertsOfDay(today));
  });
});
