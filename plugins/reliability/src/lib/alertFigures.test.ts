import {
  formatAlertRatio,
  formatMeanDuration,
  isForbidden,
} from './alertFigures';

describe('alert figures', () => {
  it('formats known and unknown ratios and means', () => {
    expect(
      formatAlertRatio({ state: 'known', value: 2 / 3, count: 2, total: 3 }),
    ).toBe('67% (2 of 3)');
    expect(formatAlertRatio({ state: 'unknown', reason: 'no pages' })).toBe(
      'unknown (no pages)',
    );
    expect(
      formatMeanDuration({ state: 'known', meanMs: 240_000, count: 1 }),
    ).toBe('4m over 1 page');
    expect(
      formatMeanDuration({ state: 'unknown', reason: 'none acknowledged' }),
    ).toBe('unknown (none acknowledged)');
  });

  it('recognises a 403 answer only', () => {
    expect(isForbidden({ statusCode: 403 })).toBe(true);
    expect(isForbidden({ statusCode: 404 })).toBe(false);
    expect(isForbidden(new Error('x'))).toBe(false);
  });
});
