import { parseDateParam } from './parseDateParam';

describe('parseDateParam', () => {
  it('reads ISO 8601 dates and date-times, and nothing when the parameter is absent or empty', () => {
    expect(parseDateParam('2026-11-01', 'from')).toBe(Date.UTC(2026, 10, 1));
    expect(parseDateParam('2026-11-01T10:00:00+02:00', 'to')).toBe(
      Date.UTC(2026, 10, 1, 8),
    );
    expect(parseDateParam(undefined, 'from')).toBeUndefined();
    expect(parseDateParam('', 'from')).toBeUndefined();
  });

  it.each(['2026-13-45', 'yesterday', '275760-09-14'])(
    'refuses %s, naming the parameter and an example',
    value => {
      expect(() => parseDateParam(value, 'from')).toThrow(
        `'from' must be an ISO 8601 date or date-time such as 2026-11-01 or 2026-11-01T10:00:00Z, got "${value}"`,
      );
    },
  );

  it.each([
    '-271821-04-20T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '1969-12-31T23:59:59Z',
    '+010000-01-01T00:00:00Z',
  ])('refuses %s, which JavaScript reads but no period should reach', value => {
    expect(() => parseDateParam(value, 'to')).toThrow(
      `'to' must be a date from 1970 to 9999, got "${value}"`,
    );
  });

  it('refuses a parameter given more than once', () => {
    expect(() => parseDateParam(['2026-11-01', '2026-11-02'], 'to')).toThrow(
      "'to' must be given once, as text",
    );
  });
});
