import { healthyFacts, runCheck } from '../__testUtils__/facts';
import type { AlertQualityFacts, EntityFacts } from '../facts';
import {
  actionableRatioMinCheck,
  pagesPerShiftMaxCheck,
} from './alertQualityChecks';

function withAlerts(alertQuality: AlertQualityFacts | undefined): EntityFacts {
  return { ...healthyFacts(), alertQuality };
}

describe('pages-per-shift-max', () => {
  it('passes at or below the default of 2 pages per shift', () => {
    const facts = withAlerts({ pages: 40, pagesPerShift: 2 });
    expect(runCheck(pagesPerShiftMaxCheck, facts)).toEqual({
      status: 'pass',
      message: '2 pages per shift',
    });
  });

  it('fails above the max given', () => {
    const facts = withAlerts({ pages: 40, pagesPerShift: 1.3333 });
    expect(runCheck(pagesPerShiftMaxCheck, facts, { max: 1 })).toEqual({
      status: 'fail',
      message: '1.33 pages per shift, more than 1',
    });
  });

  it('passes a quiet entity', () => {
    expect(
      runCheck(pagesPerShiftMaxCheck, withAlerts({ pages: 0 })).status,
    ).toBe('pass');
  });

  it('is unknown without alert data', () => {
    expect(runCheck(pagesPerShiftMaxCheck, withAlerts(undefined))).toEqual({
      status: 'unknown',
      message: 'alert data was not collected',
    });
  });
});

describe('actionable-ratio-min', () => {
  it('passes at or above the default of 80 percent', () => {
    expect(runCheck(actionableRatioMinCheck, healthyFacts())).toEqual({
      status: 'pass',
      message: '90% of pages were actionable',
    });
  });

  it('fails below the percent given', () => {
    const facts = withAlerts({ pages: 10, actionableRatio: 0.9 });
    expect(runCheck(actionableRatioMinCheck, facts, { percent: 95 })).toEqual({
      status: 'fail',
      message: '90% of pages were actionable, at least 95% required',
    });
  });

  it('is unknown when no page was triaged', () => {
    const facts = withAlerts({ pages: 10, pagesPerShift: 0.5 });
    expect(runCheck(actionableRatioMinCheck, facts)).toEqual({
      status: 'unknown',
      message: 'no page has been triaged yet',
    });
  });
});
