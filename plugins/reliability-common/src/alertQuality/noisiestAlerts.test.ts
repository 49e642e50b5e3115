import { AlertPage } from './model';
import { rankNoisiestAlerts } from './noisiestAlerts';
import { validateAlertQualityInput } from './validation';

const MINUTE = 60_000;
const DAY = '2025-03-03';

function page(
  id: string,
  alert: { service?: string; alertName?: string; fingerprint?: string },
  triggeredAt: string,
  extra: Partial<AlertPage> = {},
): AlertPage {
  return {
    id,
    service: alert.service ?? 'component:default/checkout',
    alertName: alert.alertName,
    fingerprint: alert.fingerprint,
    urgency: 'high',
    triggeredAt: `${DAY}T${triggeredAt}:00Z`,
    responder: 'user:default/alice',
    ...extra,
  };
}

const X = { alertName: 'HighErrorRate', fingerprint: 'fx' };
const Y = { alertName: 'DiskFull' };
const W = { alertName: 'CertExpiry' };
const Z = { service: 'component:default/search', alertName: 'DiskFull' };

const input = validateAlertQualityInput([
  // X: two pages resolved unacknowledged (noise), one worked for 40 minutes
  page('x1', X, '00:00', { resolvedAt: `${DAY}T00:02:00Z` }),
  page('x2', X, '01:00', { resolvedAt: `${DAY}T01:03:00Z` }),
  page('x3', X, '02:00', {
    acknowledgedAt: `${DAY}T02:04:00Z`,
    resolvedAt: `${DAY}T02:40:00Z`,
  }),
  // Y: two noisy pages; P O, 11 quiet checks, P O: changes at 7, 19, 20 → 0.92 + 1.16 + 1.18 → 16.3 %
  page('y1', Y, '03:00', { resolvedAt: `${DAY}T03:01:00Z` }),
  page('y2', Y, '04:00', { resolvedAt: `${DAY}T04:01:00Z` }),
  // W: two noisy pages, the second still open; P O, 11 quiet checks, P: 0.94 + 1.18 → 10.6 %
  page('w1', W, '05:00', { resolvedAt: `${DAY}T05:01:00Z` }),
  page('w2', W, '06:00', { actionable: false }),
  // Z: same alert name as Y on another service; one noisy page of three
  page('z1', Z, '07:00', { resolvedAt: `${DAY}T07:01:00Z` }),
  page('z2', Z, '08:00', {
    acknowledgedAt: `${DAY}T08:10:00Z`,
    resolvedAt: `${DAY}T09:00:00Z`,
  }),
  page('z3', Z, '09:00', {
    acknowledgedAt: `${DAY}T09:10:00Z`,
    resolvedAt: `${DAY}T10:00:00Z`,
  }),
  // no identity: reported by validation and left out here
  page('anonymous', {}, '10:00', { resolvedAt: `${DAY}T10:01:00Z` }),
]);

describe('rankNoisiestAlerts', () => {
  const ranked = rankNoisiestAlerts(input.pages);

  it('ranks by noise, then pages, then peak flapping', () => {
    expect(ranked.map(a => [a.alertKey, a.noise, a.pages])).toEqual([
      ['component:default/checkout/fx', 2, 3],
      ['component:default/checkout/DiskFull', 2, 2],
      ['component:default/checkout/CertExpiry', 2, 2],
      ['component:default/search/DiskFull', 1, 3],
    ]);
    expect(ranked[1].flap.peakPercentStateChange).toBeCloseTo(16.3, 10);
    expect(ranked[2].flap.peakPercentStateChange).toBeCloseTo(10.6, 10);
  });

  it('gives each alert its counts, noise ratio, MTTA and MTTR', () => {
    expect(ranked[0]).toMatchObject({
      service: 'component:default/checkout',
      alertName: 'HighErrorRate',
      fingerprint: 'fx',
      actionable: 1,
      noise: 2,
      open: 0,
      unclassifiable: 0,
      noiseRatio: { state: 'known', value: 2 / 3, count: 2, total: 3 },
      mtta: { state: 'known', meanMs: 4 * MINUTE, count: 1 },
      mttr: { state: 'known', meanMs: 15 * MINUTE, count: 3 }, // (2 + 3 + 40) / 3
    });
    expect(ranked[2]).toMatchObject({
      open: 0, // w2 is open but marked not actionable: noise
      mtta: { state: 'unknown', reason: 'no page was acknowledged' },
      mttr: { state: 'known', meanMs: 1 * MINUTE, count: 1 },
    });
  });

  it('leaves out pages without an alert identity', () => {
    expect(ranked.flatMap(a => a.alertKey)).not.toContain(undefined);
    expect(ranked.reduce((sum, a) => sum + a.pages, 0)).toBe(10);
  });

  it('returns nothing for no pages', () => {
    expect(rankNoisiestAlerts([])).toEqual([]);
  });
});
