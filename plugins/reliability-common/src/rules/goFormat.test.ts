import { formatGoFloat, formatGoFloatDecimal, quoteGoString } from './goFormat';

describe('formatGoFloat', () => {
  it.each([
    [0.999, '0.999'],
    [99.9 / 100, '0.9990000000000001'],
    [(100 - 99.9) / 100, '0.0009999999999999432'],
    [14.4, '14.4'],
    [30, '30'],
    [6, '6'],
    [0, '0'],
    [-2.5, '-2.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [0.000012345, '1.2345e-05'],
    [999999, '999999'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [1e21, '1e+21'],
    [1e100, '1e+100'],
    [(5 * 672) / 100 / 6, '5.6000000000000005'],
  ])('prints %p as Go %%g does: %s', (value, expected) => {
    expect(formatGoFloat(value)).toBe(expected);
  });

  it('spells non-finite values as Go does', () => {
    expect(formatGoFloat(Infinity)).toBe('+Inf');
    expect(formatGoFloat(-Infinity)).toBe('-Inf');
    expect(formatGoFloat(NaN)).toBe('NaN');
  });
});

describe('formatGoFloatDecimal', () => {
  it.each([
    [99.9, '99.9'],
    [99.99, '99.99'],
    [100, '100'],
    [0.0000001, '0.0000001'],
    [1e21, '1000000000000000000000'],
    [1234567.5, '1234567.5'],
  ])('prints %p without an exponent: %s', (value, expected) => {
    expect(formatGoFloatDecimal(value)).toBe(expected);
  });
});

describe('quoteGoString', () => {
  it('escapes quotes, backslashes and control characters as strconv.Quote does', () => {
    expect(quoteGoString('a"b\\c\n\t\x01')).toBe('"a\\"b\\\\c\\n\\t\\x01"');
  });

  it('keeps printable Unicode as it is', () => {
    expect(quoteGoString('café-☕')).toBe('"café-☕"');
  });
});
