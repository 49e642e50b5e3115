import { healthyFacts } from './__testUtils__/facts';
import { readinessScorecard } from './__testUtils__/scorecards';
import { builtInScorecardChecks } from './checks';
import { evaluateScorecard, evaluateScorecards } from './evaluateScorecard';
import type { EntityFacts } from './facts';
import type { ScorecardExemption } from './results';
import type { ScorecardCheck } from './ScorecardCheck';
import { ScorecardCheckRegistry } from './ScorecardCheckRegistry';
import { z } from 'zod';

const NOW = Date.parse('2025-03-01T12:00:00Z');

/** Healthy facts whose runbook is 60 days old: Gold's runbook-fresh (30 days) fails. */
function silverFacts(): EntityFacts {
  const facts = healthyFacts();
  return {
    ...facts,
    runbooks: { ...facts.runbooks!, newestUpdateAgeDays: 60 },
  };
}

function exemption(
  changes: Partial<ScorecardExemption> = {},
): ScorecardExemption {
  return {
    entityRef: 'component:default/checkout',
    scorecardId: 'production-readiness',
    checkId: 'runbook-fresh',
    reason: 'runbook rewrite in progress',
    expiresAt: '2025-04-01T00:00:00Z',
    grantedBy: 'user:default/sre-lead',
    ...changes,
  };
}

describe('evaluateScorecard', () => {
  it('reaches the highest level when every check passes', () => {
    const result = evaluateScorecard(readinessScorecard(), healthyFacts(), {
      now: NOW,
    });
    expect(result).toMatchObject({
      scorecardId: 'production-readiness',
      entityRef: 'component:default/checkout',
      ownerRef: 'group:default/payments',
      systemRef: 'system:default/shop',
      domainRef: 'domain:default/commerce',
      applies: true,
      level: 'Gold',
      levelIndex: 2,
    });
    expect(result.levels.map(level => level.passed)).toEqual([
      true,
      true,
      true,
    ]);
    expect(result.checks.map(check => check.status)).toEqual(
      Array(6).fill('pass'),
    );
  });

  it('stops at the last level whose checks all pass and names what failed', () => {
    const result = evaluateScorecard(readinessScorecard(), silverFacts(), {
      now: NOW,
    });
    expect(result.level).toBe('Silver');
    expect(result.levelIndex).toBe(1);
    expect(result.levels[2]).toEqual({
      name: 'Gold',
      passed: false,
      failed: ['runbook-fresh'],
      unknown: [],
    });
    expect(result.checks[5]).toEqual({
      id: 'runbook-fresh',
      status: 'fail',
      checkStatus: 'fail',
      message: 'last updated 60 days ago, more than 30 days',
    });
  });

  it('gives no level when level 1 fails, even if higher levels pass', () => {
    const facts = healthyFacts({ ownerIsGroup: false });
    const result = evaluateScorecard(readinessScorecard(), facts, { now: NOW });
    expect(result.levels.map(level => level.passed)).toEqual([
      false,
      true,
      true,
    ]);
    expect(result.level).toBeUndefined();
    expect(result.levelIndex).toBe(-1);
  });

  it('does not skip a failed middle level', () => {
    const facts = { ...healthyFacts(), onCall: { resolved: false } };
    const result = evaluateScorecard(readinessScorecard(), facts, { now: NOW });
    expect(result.levels.map(level => level.passed)).toEqual([
      true,
      false,
      true,
    ]);
    expect(result.level).toBe('Bronze');
  });

  it('counts unknown as not passed, listed apart from failures', () => {
    const facts = { ...healthyFacts(), onCall: undefined };
    const result = evaluateScorecard(readinessScorecard(), facts, { now: NOW });
    expect(result.level).toBe('Bronze');
    expect(result.levels[1]).toEqual({
      name: 'Silver',
      passed: false,
      failed: [],
      unknown: ['oncall-resolves'],
    });
  });

  it('does not apply to entities outside appliesTo', () => {
    const facts = healthyFacts({ lifecycle: 'experimental' });
    const result = evaluateScorecard(readinessScorecard(), facts, { now: NOW });
    expect(result).toMatchObject({
      applies: false,
      levelIndex: -1,
      levels: [],
      checks: [],
    });
    expect(result.level).toBeUndefined();
  });

  it('matches appliesTo case-insensitively, with owners completed and tiers', () => {
    const scorecard = readinessScorecard();
    scorecard.appliesTo = {
      kind: ['COMPONENT'],
      owner: ['Payments'],
      tier: [1, 2],
      namespace: ['default'],
      type: ['service'],
    };
    const facts = healthyFacts();
    expect(evaluateScorecard(scorecard, facts).applies).toBe(true);
    expect(
      evaluateScorecard(scorecard, healthyFacts({ tier: undefined })).applies,
    ).toBe(false);
    expect(
      evaluateScorecard(
        scorecard,
        healthyFacts({ ownerRef: 'group:default/search' }),
      ).applies,
    ).toBe(false);
  });

  it('counts a failing check as exempt while the exemption is active, keeping what it found', () => {
    const result = evaluateScorecard(readinessScorecard(), silverFacts(), {
      now: NOW,
      exemptions: [exemption()],
    });
    expect(result.level).toBe('Gold');
    expect(result.checks[5]).toEqual({
      id: 'runbook-fresh',
      status: 'exempt',
      checkStatus: 'fail',
      message: 'last updated 60 days ago, more than 30 days',
      exemption: exemption(),
    });
  });

  it('ignores an expired exemption', () => {
    const result = evaluateScorecard(readinessScorecard(), silverFacts(), {
      now: NOW,
      exemptions: [exemption({ expiresAt: '2025-03-01T11:59:59Z' })],
    });
    expect(result.level).toBe('Silver');
    expect(result.checks[5].status).toBe('fail');
    expect(result.checks[5].exemption).toBeUndefined();
  });

  it('ignores exemptions of other entities, scorecards and checks, and unreadable expiries', () => {
    const result = evaluateScorecard(readinessScorecard(), silverFacts(), {
      now: NOW,
      exemptions: [
        exemption({ entityRef: 'component:default/search' }),
        exemption({ scorecardId: 'security' }),
        exemption({ checkId: 'slo-met' }),
        exemption({ expiresAt: 'next quarter' }),
      ],
    });
    expect(result.checks[5].status).toBe('fail');
  });

  it('keeps a passing check as passed and shows the exemption that is no longer needed', () => {
    const result = evaluateScorecard(readinessScorecard(), healthyFacts(), {
      now: NOW,
      exemptions: [exemption({ entityRef: 'Component:default/Checkout' })],
    });
    expect(result.checks[5]).toMatchObject({
      status: 'pass',
      exemption: { reason: 'runbook rewrite in progress' },
    });
  });

  it('answers unknown for a check that throws or is not registered', () => {
    const throwing = {
      ...builtInScorecardChecks.find(check => check.id === 'slo-met')!,
      evaluate: () => {
        throw new Error('provider bug');
      },
    };
    const checks = ScorecardCheckRegistry.create(
      builtInScorecardChecks.map(check =>
        check.id === 'slo-met' ? throwing : check,
      ),
    );
    const scorecard = readinessScorecard();
    scorecard.levels[2].checks[1].check = 'not-registered';
    const result = evaluateScorecard(scorecard, healthyFacts(), { checks });
    expect(result.checks.slice(4)).toEqual([
      {
        id: 'slo-met',
        status: 'unknown',
        checkStatus: 'unknown',
        message: 'the check failed: provider bug',
      },
      {
        id: 'runbook-fresh',
        status: 'unknown',
        checkStatus: 'unknown',
        message: 'the check "not-registered" is not registered',
      },
    ]);
    expect(result.level).toBe('Silver');
  });

  it('answers unknown for params the parser would have rejected', () => {
    const scorecard = readinessScorecard();
    scorecard.levels[2].checks[1].params = { days: -1 };
    const result = evaluateScorecard(scorecard, healthyFacts());
    expect(result.checks[5].status).toBe('unknown');
    expect(result.checks[5].message).toMatch(
      /^the params of the check are not valid/,
    );
  });

  it('ignores an exemption that expires at this very moment', () => {
    const result = evaluateScorecard(readinessScorecard(), silverFacts(), {
      now: NOW,
      exemptions: [exemption({ expiresAt: '2025-03-01T12:00:00Z' })],
    });
    expect(result.checks[5].status).toBe('fail');
    expect(result.level).toBe('Silver');
  });

  it('keeps exemptions of several checks of one entity', () => {
    const facts = silverFacts();
    const noSlo: EntityFacts = { ...facts, slos: undefined };
    const result = evaluateScorecard(readinessScorecard(), noSlo, {
      now: NOW,
      exemptions: [
        exemption({ checkId: 'slo-defined' }),
        exemption({ checkId: 'slo-met' }),
        exemption(),
      ],
    });
    expect(result.checks.slice(3).map(check => check.status)).toEqual([
      'exempt',
      'exempt',
      'exempt',
    ]);
    expect(result.level).toBe('Gold');
  });

  it('shows the exemption that lasts longer, whichever is listed first', () => {
    const sooner = exemption({
      expiresAt: '2025-03-15T00:00:00Z',
      reason: 'a',
    });
    const later = exemption({ expiresAt: '2025-06-01T00:00:00Z', reason: 'b' });
    for (const exemptions of [
      [sooner, later],
      [later, sooner],
    ]) {
      const result = evaluateScorecard(readinessScorecard(), silverFacts(), {
        now: NOW,
        exemptions,
      });
      expect(result.checks[5].exemption).toBe(later);
    }
  });

  it('of two exemptions that end together, shows the first listed', () => {
    const first = exemption({ reason: 'first' });
    const second = exemption({ reason: 'second' });
    const result = evaluateScorecard(readinessScorecard(), silverFacts(), {
      now: NOW,
      exemptions: [first, second],
    });
    expect(result.checks[5].exemption).toBe(first);
  });

  it('gives a check without an exemption no exemption key', () => {
    const result = evaluateScorecard(readinessScorecard(), silverFacts(), {
      now: NOW,
    });
    expect(Object.keys(result.checks[5])).toEqual([
      'id',
      'status',
      'checkStatus',
      'message',
    ]);
  });

  it('lists every params problem of a check the parser did not see', () => {
    const custom: ScorecardCheck = {
      id: 'custom',
      title: 'Custom',
      description: 'Needs two params.',
      paramsSchema: z.object({
        a: z.string({ error: 'write a' }),
        b: z.string({ error: 'write b' }),
      }),
      remediation: '',
      evaluate: () => ({ status: 'pass', message: 'ok' }),
    };
    const scorecard = readinessScorecard();
    scorecard.levels[0].checks[0].check = 'custom';
    const result = evaluateScorecard(scorecard, healthyFacts(), {
      checks: ScorecardCheckRegistry.create([custom]),
    });
    expect(result.checks[0]).toEqual({
      id: 'owner-is-group',
      status: 'unknown',
      checkStatus: 'unknown',
      message: 'the params of the check are not valid: write a; write b',
    });
  });
});

describe('evaluateScorecards', () => {
  it('gives the same results as one-by-one evaluation, by scorecard then entity', () => {
    const second = { ...readinessScorecard(), id: 'second', appliesTo: {} };
    const factsList = [
      healthyFacts(),
      silverFacts(),
      healthyFacts({
        ref: 'component:default/beta',
        lifecycle: 'experimental',
      }),
    ];
    const options = { now: NOW, exemptions: [exemption()] };
    const results = evaluateScorecards(
      [readinessScorecard(), second],
      factsList,
      options,
    );
    const expected = [readinessScorecard(), second].flatMap(scorecard =>
      factsList.map(facts => evaluateScorecard(scorecard, facts, options)),
    );
    expect(results).toEqual(expected);
    expect(results.map(result => result.applies)).toEqual([
      true,
      true,
      false,
      true,
      true,
      true,
    ]);
  });
});
