import { healthyFacts, runCheck } from '../__testUtils__/facts';
import type { EntityFacts, OnCallFacts } from '../facts';
import { onCallMinPeopleCheck, onCallResolvesCheck } from './onCallChecks';

function withOnCall(onCall: OnCallFacts | undefined): EntityFacts {
  return { ...healthyFacts(), onCall };
}

describe('oncall-resolves', () => {
  it('passes when the provider answered', () => {
    expect(runCheck(onCallResolvesCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: 'on call through pagerduty',
    });
  });

  it('fails when nothing maps the entity to a rotation', () => {
    expect(
      runCheck(onCallResolvesCheck, withOnCall({ resolved: false })).status,
    ).toBe('fail');
  });

  it('is unknown when the provider did not answer', () => {
    const result = runCheck(
      onCallResolvesCheck,
      withOnCall({ resolved: true, source: 'opsgenie', live: false }),
    );
    expect(result).toEqual({
      status: 'unknown',
      message: 'mapped to opsgenie, which did not answer',
    });
  });

  it('is unknown when on-call data was not collected', () => {
    expect(runCheck(onCallResolvesCheck, withOnCall(undefined)).status).toBe(
      'unknown',
    );
  });
});

describe('oncall-min-people', () => {
  it('passes with enough people (default 2)', () => {
    expect(runCheck(onCallMinPeopleCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: '5 people in the rotation',
    });
  });

  it('fails below the minimum given', () => {
    const facts = withOnCall({ resolved: true, live: true, people: 1 });
    expect(runCheck(onCallMinPeopleCheck, facts, { min: 3 })).toEqual({
      status: 'fail',
      message: '1 person in the rotation, at least 3 required',
    });
  });

  it('fails when there is no rotation', () => {
    expect(
      runCheck(onCallMinPeopleCheck, withOnCall({ resolved: false })).status,
    ).toBe('fail');
  });

  it('is unknown when the number of people is unknown', () => {
    const facts = withOnCall({ resolved: true, live: false });
    expect(runCheck(onCallMinPeopleCheck, facts).status).toBe('unknown');
  });
});
