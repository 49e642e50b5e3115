import { healthyFacts, runCheck } from '../__testUtils__/facts';
import type { EntityFacts, SloFact, SloFacts } from '../facts';
import {
  errorBudgetNotExhaustedCheck,
  errorBudgetPolicyDeclaredCheck,
  sloDefinedCheck,
  sloFilesValidCheck,
  sloMetCheck,
} from './sloChecks';

function withSlos(slos: Partial<SloFacts> | undefined): EntityFacts {
  const facts = healthyFacts();
  return { ...facts, slos: slos && { ...facts.slos!, ...slos } };
}

/** The healthy SLOs with changes to the second one (latency). */
function withLatency(changes: Partial<SloFact>): EntityFacts {
  const [availability, latency] = healthyFacts().slos!.slos;
  return withSlos({ slos: [availability, { ...latency, ...changes }] });
}

const NOT_COLLECTED = {
  status: 'unknown',
  message: 'SLO data was not collected',
};

describe('slo-defined', () => {
  it('passes with SLOs', () => {
    expect(runCheck(sloDefinedCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: '2 SLOs defined',
    });
  });

  it('fails without SLO files', () => {
    expect(
      runCheck(sloDefinedCheck, withSlos({ filesDeclared: false, slos: [] }))
        .message,
    ).toBe('no SLO files declared (reliability/slos annotation)');
  });

  it('fails when the files define no valid SLO', () => {
    expect(runCheck(sloDefinedCheck, withSlos({ slos: [] })).status).toBe(
      'fail',
    );
  });

  it('is unknown without SLO data', () => {
    expect(runCheck(sloDefinedCheck, withSlos(undefined))).toEqual(
      NOT_COLLECTED,
    );
  });
});

describe('slo-files-valid', () => {
  it('passes without problems', () => {
    expect(runCheck(sloFilesValidCheck, healthyFacts()).status).toBe('pass');
  });

  it('fails with problems and quotes the first', () => {
    const facts = withSlos({
      fileProblemCount: 2,
      fileProblemMessages: [
        'slos/availability.yaml:4:3 spec.objectives[0].target expected a number',
      ],
    });
    expect(runCheck(sloFilesValidCheck, facts)).toEqual({
      status: 'fail',
      message:
        '2 problems in the SLO files, first: slos/availability.yaml:4:3 spec.objectives[0].target expected a number',
    });
  });

  it('fails without SLO files', () => {
    expect(
      runCheck(sloFilesValidCheck, withSlos({ filesDeclared: false })).status,
    ).toBe('fail');
  });

  it('is unknown without SLO data', () => {
    expect(runCheck(sloFilesValidCheck, withSlos(undefined))).toEqual(
      NOT_COLLECTED,
    );
  });
});

describe('slo-met', () => {
  it('passes when every SLO met its objective', () => {
    expect(runCheck(sloMetCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: 'all 2 SLOs met their objective',
    });
  });

  it('fails and names the SLOs that missed', () => {
    expect(runCheck(sloMetCheck, withLatency({ objectiveMet: false }))).toEqual(
      {
        status: 'fail',
        message: '1 of 2 SLOs missed the objective: Checkout latency',
      },
    );
  });

  it('is unknown when an SLO has no data and none missed', () => {
    expect(
      runCheck(sloMetCheck, withLatency({ objectiveMet: undefined })),
    ).toEqual({
      status: 'unknown',
      message: '1 of 2 SLOs have no data yet: Checkout latency',
    });
  });

  it('fails without SLOs', () => {
    expect(runCheck(sloMetCheck, withSlos({ slos: [] })).status).toBe('fail');
  });
});

describe('error-budget-not-exhausted', () => {
  it('passes when every SLO has budget left', () => {
    expect(runCheck(errorBudgetNotExhaustedCheck, healthyFacts()).status).toBe(
      'pass',
    );
  });

  it('fails when a budget is exhausted', () => {
    expect(
      runCheck(
        errorBudgetNotExhaustedCheck,
        withLatency({ exhausted: true, budgetRemainingRatio: -0.2 }),
      ),
    ).toEqual({
      status: 'fail',
      message: '1 of 2 SLOs exhausted the error budget: Checkout latency',
    });
  });

  it('reads the remaining ratio when exhaustion is not given', () => {
    expect(
      runCheck(
        errorBudgetNotExhaustedCheck,
        withLatency({ exhausted: undefined, budgetRemainingRatio: 0 }),
      ).status,
    ).toBe('fail');
  });

  it('is unknown when the budget is unknown', () => {
    expect(
      runCheck(
        errorBudgetNotExhaustedCheck,
        withLatency({ exhausted: undefined, budgetRemainingRatio: undefined }),
      ).status,
    ).toBe('unknown');
  });
});

describe('error-budget-policy-declared', () => {
  it('passes when every SLO declares a policy', () => {
    expect(
      runCheck(errorBudgetPolicyDeclaredCheck, healthyFacts()).status,
    ).toBe('pass');
  });

  it('fails and names the SLOs without a policy', () => {
    expect(
      runCheck(
        errorBudgetPolicyDeclaredCheck,
        withLatency({ policyDeclared: false }),
      ),
    ).toEqual({
      status: 'fail',
      message: '1 of 2 SLOs declare no budget policy: Checkout latency',
    });
  });

  it('is unknown without SLO data', () => {
    expect(
      runCheck(errorBudgetPolicyDeclaredCheck, withSlos(undefined)),
    ).toEqual(NOT_COLLECTED);
  });
});

describe('SLO check messages', () => {
  it('says that the files define no valid SLO', () => {
    expect(runCheck(sloDefinedCheck, withSlos({ slos: [] }))).toEqual({
      status: 'fail',
      message: 'the SLO files define no valid SLO',
    });
  });

  it('says that the files have no problems, or counts them without a first one', () => {
    expect(runCheck(sloFilesValidCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: 'the SLO files have no problems',
    });
    expect(
      runCheck(
        sloFilesValidCheck,
        withSlos({ fileProblemCount: 1, fileProblemMessages: [] }),
      ),
    ).toEqual({ status: 'fail', message: '1 problem in the SLO files' });
  });

  it('trusts the exhausted flag over the remaining ratio', () => {
    expect(
      runCheck(
        errorBudgetNotExhaustedCheck,
        withLatency({ exhausted: false, budgetRemainingRatio: -0.1 }),
      ),
    ).toEqual({ status: 'pass', message: 'all 2 SLOs have budget left' });
    expect(
      runCheck(
        errorBudgetNotExhaustedCheck,
        withLatency({ exhausted: true, budgetRemainingRatio: 0.5 }),
      ).status,
    ).toBe('fail');
  });

  it('names the SLOs without budget data', () => {
    expect(
      runCheck(
        errorBudgetNotExhaustedCheck,
        withLatency({ exhausted: undefined, budgetRemainingRatio: undefined }),
      ),
    ).toEqual({
      status: 'unknown',
      message: '1 of 2 SLOs have no budget data yet: Checkout latency',
    });
  });

  it('says when every SLO declares a policy', () => {
    expect(runCheck(errorBudgetPolicyDeclaredCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: 'all 2 SLOs declare a budget policy',
    });
  });
});
