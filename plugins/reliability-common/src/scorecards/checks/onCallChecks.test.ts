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

  it('says that no mapping was found', () => {
    expect(
      runCheck(onCallResolvesCheck, withOnCall({ resolved: false })),
    ).toEqual({
      status: 'fail',
      message: 'no on-call mapping on the entity or its owner',
    });
  });

  it('is unknown while the provider was not asked, naming it or not', () => {
    expect(
      runCheck(
        onCallResolvesCheck,
        withOnCall({ resolved: true, source: 'opsgenie' }),
      ),
    ).toEqual({
      status: 'unknown',
      message: 'mapped to opsgenie, which was not asked yet',
    });
    expect(
      runCheck(onCallResolvesCheck, withOnCall({ resolved: true })),
    ).toEqual({
      status: 'unknown',
      message: 'mapped to the provider, which was not asked yet',
    });
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

  it('passes with exactly the minimum', () => {
    const facts = withOnCall({ resolved: true, live: true, people: 2 });
    expect(runCheck(onCallMinPeopleCheck, facts)).toEqual({
      status: 'pass',
      message: '2 people in the rotation',
    });
  });

  it('says why it fails or cannot tell', () => {
    expect(
      runCheck(onCallMinPeopleCheck, withOnCall({ resolved: false })),
    ).toEqual({
      status: 'fail',
      message: 'no on-call rotation, so nobody is in it',
    });
    expect(
      runCheck(
        onCallMinPeopleCheck,
        withOnCall({ resolved: true, live: false }),
      ),
    ).toEqual({
      status: 'unknown',
      message: 'the number of people in the rotation is unknown',
    });
  });
});
