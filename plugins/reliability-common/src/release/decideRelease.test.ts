import {
  decideRelease,
  formatBudgetPercent,
  ReleaseGateInput,
  ReleaseGateSloState,
} from './decideRelease';
import { mergeReleasePolicies, ReleasePolicyOverrides } from './releasePolicy';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

function slo(
  overrides: Partial<ReleaseGateSloState> = {},
): ReleaseGateSloState {
  return {
    id: 'checkout-availability',
    name: 'availability',
    displayName: 'Checkout availability',
    remaining: 0.6,
    burnRates: [
      { window: '1h', windowMs: HOUR, burnRate: 0.5 },
      { window: '1d', windowMs: DAY, burnRate: 0.8 },
    ],
    pageAlert: 'ok',
    stale: false,
    window: { type: 'rolling', durationMs: 30 * DAY },
    ...overrides,
  };
}

function decide(
  slos: ReleaseGateSloState[],
  policy: ReleasePolicyOverrides = {},
  extra: Partial<ReleaseGateInput> = {},
) {
  return decideRelease({
    entityTitle: 'Checkout',
    policy: mergeReleasePolicies(policy),
    slos,
    nowMs: NOW,
    ...extra,
  });
}

describe('decideRelease', () => {
  it('allows when every SLO is within its budget', () => {
    const answer = decide([slo()]);
    expect(answer).toMatchObject({
      decision: 'allow',
      allowed: true,
      rule: 'within-budget',
      summary: 'Releases allowed: every SLO of Checkout is within its budget',
      expectedLiftAt: null,
    });
  });

  it('blocks when a budget is spent, naming the SLO, its budget and burn rates', () => {
    const answer = decide([slo({ remaining: -0.258 })]);
    expect(answer.decision).toBe('block');
    expect(answer.allowed).toBe(false);
    expect(answer.rule).toBe('budget-exhausted');
    expect(answer.summary).toBe(
      'Releases blocked: Checkout availability has spent its budget (\u221225.8 %)',
    );
    expect(answer.reasons[0]).toMatchObject({
      rule: 'budget-exhausted',
      effect: 'block',
      sloId: 'checkout-availability',
      remaining: -0.258,
      message:
        'Checkout availability has spent its budget (\u221225.8 %; burn rate 0.5 over 1h, 0.8 over 1d)',
    });
  });

  it('does not block on a spent budget when the policy says not to, but still warns', () => {
    const answer = decide([slo({ remaining: -0.1 })], {
      blockWhenBudgetExhausted: false,
    });
    expect(answer.decision).toBe('warn');
    expect(answer.rule).toBe('low-budget');
  });

  it('counts the budget as spent at the configured threshold', () => {
    expect(
      decide([slo({ remaining: 0.05 })], { exhaustedAtOrBelow: 0.05 }).decision,
    ).toBe('block');
    expect(
      decide([slo({ remaining: 0.051 })], { exhaustedAtOrBelow: 0.05 })
        .decision,
    ).toBe('warn');
  });

  it('blocks while a page-level burn-rate alert fires, and can be told not to', () => {
    const firing = slo({ pageAlert: 'firing', remaining: 0.7 });
    const answer = decide([firing]);
    expect(answer).toMatchObject({ decision: 'block', rule: 'page-alert' });
    expect(answer.summary).toContain(
      "Checkout availability's page-level burn-rate alert is firing",
    );
    expect(answer.expectedLiftAt).toBeNull();
    expect(decide([firing], { blockWhenPageAlertFiring: false }).decision).toBe(
      'allow',
    );
  });

  it('warns under the budget threshold', () => {
    const answer = decide([slo({ remaining: 0.2 })]);
    expect(answer).toMatchObject({ decision: 'warn', rule: 'low-budget' });
    expect(answer.reasons[0].message).toBe(
      'Checkout availability has 20 % of its budget left (warning below 25 %; burn rate 0.5 over 1h, 0.8 over 1d)',
    );
    expect(
      decide([slo({ remaining: 0.2 })], { warnWhenRemainingBelow: 0.1 })
        .decision,
    ).toBe('allow');
  });

  it('looks only at the SLOs the policy names, by id or name', () => {
    const spent = slo({
      id: 'checkout-latency',
      name: 'latency',
      displayName: 'Checkout latency',
      remaining: -1,
    });
    expect(
      decide([slo(), spent], { slos: ['checkout-availability'] }).decision,
    ).toBe('allow');
    expect(decide([slo(), spent], { slos: ['latency'] }).decision).toBe(
      'block',
    );
    const none = decide([slo()], { slos: ['missing'] });
    expect(none).toMatchObject({ decision: 'warn', rule: 'no-slos' });
  });

  it('warns on unknown and stale data by default, and does what the policy says', () => {
    const unknown = slo({ remaining: undefined });
    expect(decide([unknown])).toMatchObject({
      decision: 'warn',
      rule: 'unknown-data',
    });
    expect(decide([unknown], { onUnknownData: 'block' })).toMatchObject({
      decision: 'block',
      rule: 'unknown-data',
    });
    expect(decide([unknown], { onUnknownData: 'allow' }).decision).toBe(
      'allow',
    );
    const stale = slo({ stale: true });
    expect(decide([stale])).toMatchObject({
      decision: 'warn',
      rule: 'stale-data',
    });
    expect(decide([stale], { onStaleData: 'block' }).decision).toBe('block');
  });

  it('lets a declared release kind pass a budget block as a warning', () => {
    const spent = slo({ remaining: -0.2 });
    expect(decide([spent], {}, { releaseKind: 'fix' }).decision).toBe('block');
    const answer = decide(
      [spent],
      { allowDuringBlock: ['fix'] },
      { releaseKind: 'fix' },
    );
    expect(answer).toMatchObject({
      decision: 'warn',
      allowed: true,
      rule: 'release-kind',
      releaseKind: 'fix',
    });
    expect(
      decide([spent], { allowDuringBlock: ['fix'] }, { releaseKind: 'feature' })
        .decision,
    ).toBe('block');
  });

  it('lets an unexpired override lift a budget block, and ignores an expired one', () => {
    const spent = slo({ remaining: -0.2 });
    const override = {
      id: 'o1',
      reason: 'Fix for the outage',
      approver: 'user:default/alice',
      expiresAt: new Date(NOW + HOUR).toISOString(),
    };
    const lifted = decide([spent], {}, { overrides: [override] });
    expect(lifted).toMatchObject({
      decision: 'allow',
      allowed: true,
      rule: 'override',
      override,
    });
    expect(lifted.summary).toBe(
      `Releases allowed by override: Override by user:default/alice until ${override.expiresAt}: Fix for the outage`,
    );
    expect(
      lifted.reasons.find(r => r.rule === 'budget-exhausted')?.effect,
    ).toBe('allow');
    const expired = decide(
      [spent],
      {},
      {
        overrides: [{ ...override, expiresAt: new Date(NOW).toISOString() }],
      },
    );
    expect(expired.decision).toBe('block');
    expect(expired.override).toBeNull();
  });

  it('still warns under an override when another SLO is low, and says the block was overridden', () => {
    const override = {
      id: 'o1',
      reason: 'Fix for the outage',
      approver: 'user:default/alice',
      expiresAt: new Date(NOW + HOUR).toISOString(),
    };
    const answer = decide(
      [
        slo({
          id: 'payment',
          displayName: 'Checkout payment',
          remaining: -0.2,
        }),
        slo({ remaining: 0.245 }),
      ],
      {},
      { overrides: [override] },
    );
    expect(answer).toMatchObject({
      decision: 'warn',
      allowed: true,
      rule: 'low-budget',
      override,
    });
    expect(answer.summary).toMatch(
      /^Releases allowed by override, with a warning: Checkout availability has 24\.5 %/,
    );
    expect(answer.reasons[0]).toMatchObject({
      rule: 'low-budget',
      effect: 'warn',
    });
    expect(answer.reasons.map(r => r.rule)).toContain('override');
    // Without the override the same SLOs block.
    expect(
      decide([
        slo({
          id: 'payment',
          displayName: 'Checkout payment',
          remaining: -0.2,
        }),
        slo({ remaining: 0.245 }),
      ]).decision,
    ).toBe('block');
  });

  describe('freezes', () => {
    const yearEnd = {
      name: 'Year-end freeze',
      start: '12-20',
      end: '01-03',
      every: 'year' as const,
      timeZone: 'Europe/Berlin',
      allow: ['fix'],
    };

    it('blocks inside a yearly freeze that wraps the year, in its time zone', () => {
      const at = (iso: string) =>
        decide([slo()], { freezes: [yearEnd] }, { nowMs: Date.parse(iso) });
      // Midnight in Berlin is 23:00 UTC the day before.
      expect(at('2026-12-19T22:59:59Z').decision).toBe('allow');
      const inside = at('2026-12-19T23:00:00Z');
      expect(inside).toMatchObject({ decision: 'block', rule: 'freeze' });
      expect(inside.expectedLiftAt).toBe('2027-01-02T23:00:00.000Z');
      expect(at('2027-01-01T12:00:00Z').decision).toBe('block');
      expect(at('2027-01-02T23:00:00Z').decision).toBe('allow');
    });

    it('lets the kinds a freeze allows through, with a warning', () => {
      const answer = decide(
        [slo()],
        { freezes: [yearEnd] },
        {
          nowMs: Date.parse('2026-12-24T12:00:00Z'),
          releaseKind: 'fix',
        },
      );
      expect(answer).toMatchObject({ decision: 'warn', rule: 'freeze' });
    });

    it('is not lifted by an override', () => {
      const answer = decide(
        [slo()],
        { freezes: [{ ...yearEnd, allow: [] }] },
        {
          nowMs: Date.parse('2026-12-24T12:00:00Z'),
          overrides: [
            {
              id: 'o',
              reason: 'r',
              approver: 'a',
              expiresAt: '2027-06-01T00:00:00Z',
            },
          ],
        },
      );
      expect(answer.decision).toBe('block');
    });

    it('places a one-off freeze in local time', () => {
      const once = {
        name: 'Launch',
        start: '2026-12-02T09:00',
        end: '2026-12-02T12:00',
        timeZone: 'America/New_York',
        allow: [],
      };
      expect(decide([slo()], { freezes: [once] }).decision).toBe('allow');
      expect(
        decide(
          [slo()],
          { freezes: [once] },
          { nowMs: Date.parse('2026-12-02T15:00:00Z') },
        ).decision,
      ).toBe('block');
    });
  });

  describe('expected lift', () => {
    it('is the end of the period for calendar windows', () => {
      const end = Date.parse('2027-01-01T00:00:00Z');
      const answer = decide([
        slo({
          remaining: -0.3,
          window: { type: 'calendar', periodEndMs: end },
        }),
      ]);
      expect(answer.expectedLiftAt).toBe('2027-01-01T00:00:00.000Z');
    });

    it('follows C(t) = b + (C0 − b)·e^(−t/W) for rolling windows', () => {
      // C0 = 1.2, b = 0.5, threshold 0: t = 30 d × ln(0.7 / 0.5).
      const answer = decide([slo({ remaining: -0.2 })]);
      const expected = NOW + Math.ceil(30 * DAY * Math.log(0.7 / 0.5)) + 1;
      expect(answer.expectedLiftAt).toBe(new Date(expected).toISOString());
    });

    it('is null when the current burn keeps the budget spent', () => {
      const answer = decide([
        slo({
          remaining: -0.2,
          burnRates: [{ window: '1h', windowMs: HOUR, burnRate: 1.5 }],
        }),
      ]);
      expect(answer.expectedLiftAt).toBeNull();
      expect(answer.expectedLift).toContain('does not recover');
    });
  });
});

describe('formatBudgetPercent', () => {
  it('writes a true minus, one decimal and a space before the sign', () => {
    expect(formatBudgetPercent(-0.258)).toBe('\u221225.8 %');
    expect(formatBudgetPercent(0.25)).toBe('25 %');
    expect(formatBudgetPercent(-0.00001)).toBe('0 %');
  });
});
