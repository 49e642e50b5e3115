import { healthyFacts, runCheck } from '../__testUtils__/facts';
import type { EntityFacts, RunbookFacts, RunbookTreeFacts } from '../facts';
import {
  pageAlertsHaveRunbookEntryPointsCheck,
  pagingAlertsHaveRunbooksCheck,
  runbookWalkedCheck,
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

  it('passes when updated exactly the days given ago', () => {
    const facts = withRunbooks({ newestUpdateAgeDays: 90 });
    expect(runCheck(runbookFreshCheck, facts, { days: 90 })).toEqual({
      status: 'pass',
      message: 'last updated 90 days ago',
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

function withTree(tree: Partial<RunbookTreeFacts> | undefined): EntityFacts {
  return withRunbooks(
    tree && {
      tree: {
        declared: true,
        valid: true,
        pageAlerts: ['CheckoutHighErrorRate'],
        pageAlertsWithoutEntryPoint: [],
        lastWalkedAgeDays: 3,
        lastChangedAgeDays: 40,
        openFlags: 0,
        ...tree,
      },
    },
  );
}

describe('page-alerts-have-runbook-entry-points', () => {
  it('passes when every page-level alert has an entry point', () => {
    expect(
      runCheck(pageAlertsHaveRunbookEntryPointsCheck, withTree({})),
    ).toEqual({
      status: 'pass',
      message:
        'every page-level alert has an entry point: CheckoutHighErrorRate',
    });
  });

  it('names the page-level alerts without an entry point', () => {
    expect(
      runCheck(
        pageAlertsHaveRunbookEntryPointsCheck,
        withTree({
          pageAlerts: ['A', 'B', 'C'],
          pageAlertsWithoutEntryPoint: ['B', 'C'],
        }),
      ),
    ).toEqual({
      status: 'fail',
      message: '2 of 3 page-level alerts have no entry point: B and C',
    });
  });

  it('fails without a tree or with a broken one when something pages, passes when nothing does', () => {
    expect(
      runCheck(
        pageAlertsHaveRunbookEntryPointsCheck,
        withTree({ declared: false, valid: false }),
      ),
    ).toEqual({
      status: 'fail',
      message:
        'no decision-tree runbook for 1 page-level alert: CheckoutHighErrorRate',
    });
    expect(
      runCheck(
        pageAlertsHaveRunbookEntryPointsCheck,
        withTree({ valid: false }),
      ).message,
    ).toBe('the runbook file has errors, so no alert has an entry point');
    expect(
      runCheck(
        pageAlertsHaveRunbookEntryPointsCheck,
        withTree({ declared: false, valid: false, pageAlerts: [] }),
      ),
    ).toEqual({ status: 'pass', message: 'no page-level alerts' });
  });

  it('is unknown when the tree was not looked at', () => {
    expect(
      runCheck(pageAlertsHaveRunbookEntryPointsCheck, withTree(undefined))
        .status,
    ).toBe('unknown');
  });
});

describe('runbook-walked', () => {
  it('passes when walked within the days, by default 90', () => {
    expect(runCheck(runbookWalkedCheck, withTree({}))).toEqual({
      status: 'pass',
      message: 'walked 3 days ago, changed 40 days ago',
    });
  });

  it('counts a change as a review when nobody walked it', () => {
    expect(
      runCheck(runbookWalkedCheck, withTree({ lastWalkedAgeDays: undefined }), {
        days: 60,
      }),
    ).toEqual({ status: 'pass', message: 'never walked, changed 40 days ago' });
  });

  it('passes when the more recent of walk and change is within the days, to the day', () => {
    expect(
      runCheck(
        runbookWalkedCheck,
        withTree({ lastWalkedAgeDays: 50, lastChangedAgeDays: 10 }),
        { days: 30 },
      ),
    ).toEqual({
      status: 'pass',
      message: 'walked 50 days ago, changed 10 days ago',
    });
    expect(
      runCheck(runbookWalkedCheck, withTree({ lastWalkedAgeDays: 30 }), {
        days: 30,
      }).status,
    ).toBe('pass');
  });

  it('fails when neither happened within the days', () => {
    expect(
      runCheck(runbookWalkedCheck, withTree({ lastWalkedAgeDays: 31.5 }), {
        days: 30,
      }),
    ).toEqual({
      status: 'fail',
      message:
        'walked 31 days ago, changed 40 days ago: neither within 30 days',
    });
  });

  it('fails without a tree, is unknown without dates or data', () => {
    expect(
      runCheck(runbookWalkedCheck, withTree({ declared: false })).status,
    ).toBe('fail');
    expect(
      runCheck(
        runbookWalkedCheck,
        withTree({
          lastWalkedAgeDays: undefined,
          lastChangedAgeDays: undefined,
        }),
      ).status,
    ).toBe('unknown');
    expect(runCheck(runbookWalkedCheck, withTree(undefined)).status).toBe(
      'unknown',
    );
  });

  it('refuses days outside 1 to 3650', () => {
    expect(runbookWalkedCheck.paramsSchema.safeParse({ days: 0 }).success).toBe(
      false,
    );
    expect(runbookWalkedCheck.paramsSchema.parse({})).toEqual({ days: 90 });
  });
});
