import {
  parseDateParam,
  parseEnumParam,
  parseIntegerParam,
  parseTextParam,
} from './requestParams';

describe('parseDateParam', () => {
  it('reads RFC 3339 dates and date-times with any offset, and nothing when absent or empty', () => {
    expect(parseDateParam('2026-11-01', 'from')).toBe(Date.UTC(2026, 10, 1));
    expect(parseDateParam('2026-11-01T10:00:00Z', 'to')).toBe(
      Date.UTC(2026, 10, 1, 10),
    );
    expect(parseDateParam('2026-11-01T10:00:00+02:00', 'to')).toBe(
      Date.UTC(2026, 10, 1, 8),
    );
    expect(parseDateParam('2026-11-01t10:00:00.1234-01:30', 'to')).toBe(
      Date.UTC(2026, 10, 1, 11, 30, 0, 123),
    );
    expect(parseDateParam('2026-11-01T10:00Z', 'to')).toBe(
      Date.UTC(2026, 10, 1, 10),
    );
    expect(parseDateParam('2028-02-29', 'to')).toBe(Date.UTC(2028, 1, 29));
    expect(parseDateParam(undefined, 'from')).toBeUndefined();
    expect(parseDateParam('', 'from')).toBeUndefined();
  });

  it.each([
    '0', // Date.parse: 2000-01-01
    '-1', // Date.parse: 2001-01-01
    '1762000000000',
    '2026',
    '2026-11',
    '2026-11-1',
    '2026-11-01T10:00:00', // no offset
    '2026-11-01 10:00:00Z',
    'Sun, 01 Nov 2026 10:00:00 GMT',
    '2026-02-29', // not a leap year
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-11-01T24:00:00Z',
    '2026-11-01T10:60:00Z',
    '2026-11-01T10:00:60Z',
    '2026-11-01T10:00:00+24:00',
    '2026-11-01T10:00:00+01:60',
    '+275760-09-13T00:00:00.000Z',
    ' 2026-11-01',
    'yesterday',
  ])('refuses %j, naming the parameter and the accepted form', value => {
    expect(() => parseDateParam(value, 'from')).toThrow(
      `'from' must be an RFC 3339 / ISO 8601 date or date-time such as 2026-11-01 or 2026-11-01T10:00:00Z, got "${value}"`,
    );
  });

  it.each(['1969-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999-00:01'])(
    'refuses %s, outside 1970 to 9999',
    value => {
      expect(() => parseDateParam(value, 'to')).toThrow(
        `'to' must be a date from 1970 to 9999, got "${value}"`,
      );
    },
  );

  it('takes the first and the last millisecond of 1970 to 9999', () => {
    expect(parseDateParam('1970-01-01T00:00:00Z', 'to')).toBe(0);
    expect(parseDateParam('9999-12-31T23:59:59.999Z', 'to')).toBe(
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    );
  });

  it('refuses a parameter given twice or with brackets', () => {
    expect(() => parseDateParam(['2026-11-01', '2026-11-02'], 'to')).toThrow(
      "'to' must be given once, as text",
    );
    expect(() => parseDateParam({ $gt: '2026-11-01' }, 'to')).toThrow(
      "'to' must be given once, as text",
    );
  });
});

describe('parseIntegerParam', () => {
  const bounds = { min: 1, max: 500, default: 50 };

  it('reads decimal digits within the bounds, and the default when absent or empty', () => {
    expect(parseIntegerParam('1', 'limit', bounds)).toBe(1);
    expect(parseIntegerParam('500', 'limit', bounds)).toBe(500);
    expect(parseIntegerParam('16', 'limit', bounds)).toBe(16);
    expect(parseIntegerParam(undefined, 'limit', bounds)).toBe(50);
    expect(parseIntegerParam('', 'limit', bounds)).toBe(50);
    expect(
      parseIntegerParam(undefined, 'tier', { min: 1, max: 4 }),
    ).toBeUndefined();
    expect(parseIntegerParam('-3', 'offset', { min: -5, max: 5 })).toBe(-3);
  });

  it.each([
    '0',
    '501',
    '-1',
    '0x10',
    '0o7',
    '0b1',
    '1e1',
    '1e309',
    '1.0',
    '1.5',
    '+5',
    '05',
    ' 5',
    '5 ',
    'Infinity',
    'NaN',
    '99999999999999999999',
    'abc',
  ])('refuses %j, naming the parameter, the form and the bounds', value => {
    expect(() => parseIntegerParam(value, 'limit', bounds)).toThrow(
      `'limit' must be a whole number from 1 to 500, in decimal digits, got "${value}"`,
    );
  });

  it('refuses a parameter given twice', () => {
    expect(() => parseIntegerParam(['1', '2'], 'limit', bounds)).toThrow(
      "'limit' must be given once, as text",
    );
  });
});

describe('parseEnumParam', () => {
  it('reads one of the words exactly, and the default when absent', () => {
    expect(parseEnumParam('desc', 'order', ['asc', 'desc'], 'asc')).toBe(
      'desc',
    );
    expect(parseEnumParam(undefined, 'order', ['asc', 'desc'], 'asc')).toBe(
      'asc',
    );
    expect(parseEnumParam('', 'state', ['active', 'expired'])).toBeUndefined();
  });

  it('refuses another spelling, listing the words', () => {
    expect(() =>
      parseEnumParam('ASC', 'order', ['asc', 'desc'], 'asc'),
    ).toThrow(`'order' must be asc or desc, got "ASC"`);
    expect(() =>
      parseEnumParam('nope', 'groupBy', ['owner', 'system', 'domain']),
    ).toThrow(`'groupBy' must be owner, system or domain, got "nope"`);
  });
});

describe('parseTextParam', () => {
  it('reads text, nothing when empty, and refuses arrays and objects', () => {
    expect(parseTextParam('payments', 'owner')).toBe('payments');
    expect(parseTextParam('', 'owner')).toBeUndefined();
    expect(() => parseTextParam(['a', 'b'], 'owner')).toThrow(
      "'owner' must be given once, as text",
    );
  });
});
