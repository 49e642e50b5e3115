import { healthyFacts, runCheck } from '../__testUtils__/facts';
import type { EntityFacts, RunbookFacts } from '../facts';
import {
  pagingAlertsHaveRunbooksCheck,
  runbookFreshCheck,
  runbookPresentCheck,
  runbooksReachableCheck,
} from './runbookChecks';

function withRunbooks(
  runbooks: Partial<RunbookFacts> | undefined,
): EntityFacts {
  const facts = healthyFacts();
  return {
    ...facts,
    runbooks: runbooks && { ...facts.runbooks!, ...runbooks },
  };
}

describe('runbook-present', () => {
  it('passes with a runbook', () => {
    expect(runCheck(runbookPresentCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: '2 runbooks declared',
    });
  });

  it('fails without one', () => {
    expect(
      runCheck(runbookPresentCheck, withRunbooks({ count: 0 })).status,
    ).toBe('fail');
  });

  it('is unknown when runbooks were not collected', () => {
    expect(runCheck(runbookPresentCheck, withRunbooks(undefined)).status).toBe(
      'unknown',
    );
  });
});

describe('runbooks-reachable', () => {
  it('passes when every runbook answered', () => {
    expect(runCheck(runbooksReachableCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: 'all 2 runbooks answered',
    });
  });

  it('fails and names the runbooks that did not answer', () => {
    const facts = withRunbooks({
      count: 3,
      reachableCount: 1,
      unreachable: ['https://wiki/a', 'https://wiki/b'],
    });
    expect(runCheck(runbooksReachableCheck, facts)).toEqual({
      status: 'fail',
      message: '2 of 3 did not answer: https://wiki/a and https://wiki/b',
    });
  });

  it('fails without runbooks', () => {
    expect(
      runCheck(runbooksReachableCheck, withRunbooks({ count: 0 })).message,
    ).toBe('no runbook declared');
  });

  it('is unknown when the runbooks were not probed', () => {
    const facts = withRunbooks({ reachableCount: undefined });
    expect(runCheck(runbooksReachableCheck, facts).status).toBe('unknown');
  });
});

describe('runbook-fresh', () => {
  it('passes when updated within the default 180 days', () => {
    expect(runCheck(runbookFreshCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: 'last updated 12 days ago',
    });
  });

  it('fails when older than the days given', () => {
    const facts = withRunbooks({ newestUpdateAgeDays: 95.5 });
    expect(runCheck(runbookFreshCheck, facts, { days: 90 })).toEqual({
      status: 'fail',
      message: 'last updated 95 days ago, more than 90 days',
    });
  });

  it('is unknown when the update time is unknown', () => {
    const facts = withRunbooks({ newestUpdateAgeDays: undefined });
    expect(runCheck(runbookFreshCheck, facts).status).toBe('unknown');
  });

  it('fails without runbooks', () => {
    expect(runCheck(runbookFreshCheck, withRunbooks({ count: 0 })).status).toBe(
      'fail',
    );
  });
});

describe('paging-alerts-have-runbooks', () => {
  it('passes when every paging alert names a runbook', () => {
    expect(runCheck(pagingAlertsHaveRunbooksCheck, healthyFacts()).status).toBe(
      'pass',
    );
  });

  it('fails and counts the alerts without one', () => {
    const facts = withRunbooks({ pagingAlertsWithoutRunbook: 3 });
    expect(runCheck(pagingAlertsHaveRunbooksCheck, facts)).toEqual({
      status: 'fail',
      message: '3 paging alerts without a runbook',
    });
  });

  it('is unknown when alerts were not looked at', () => {
    const facts = withRunbooks({ pagingAlertsWithoutRunbook: undefined });
    expect(runCheck(pagingAlertsHaveRunbooksCheck, facts).status).toBe(
      'unknown',
    );
  });
});
