import { formatBurnRate, formatPercent } from './formatting';

describe('formatPercent', () => {
  it('prints a ratio as a percentage with at most one decimal', () => {
    expect(formatPercent(0.12)).toBe('12%');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(-2)).toBe('-200%');
  });

  it('never prints a small positive share as 0%, nor a hair of overspend as -0%', () => {
    expect(formatPercent(0.0004)).toBe('< 0.1%');
    expect(formatPercent(0.0005)).toBe('0.1%');
    expect(formatPercent(-0.0004)).toBe('0%');
  });
});

describe('formatBurnRate', () => {
  it('prints at most two decimals and no trailing zeros', () => {
    expect(formatBurnRate(14.4)).toBe('14.4');
    expect(formatBurnRate(10)).toBe('10');
    expect(formatBurnRate(2)).toBe('2');
    expect(formatBurnRate(0.93333)).toBe('0.93');
    expect(formatBurnRate(2.936)).toBe('2.94');
    expect(formatBurnRate(20.05)).toBe('20.05');
    expect(formatBurnRate(100)).toBe('100');
  });
});
