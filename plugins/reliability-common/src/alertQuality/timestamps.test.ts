import { IANAZone } from 'luxon';
import { isKnownTimeZone, parseAlertTimestamp } from './timestamps';

describe('parseAlertTimestamp', () => {
  it('reads an ISO 8601 date-time with an offset, around spaces, as its instant', () => {
    expect(parseAlertTimestamp(' 2025-03-31T08:30:00+02:00 ')).toEqual({
      ms: Date.parse('2025-03-31T06:30:00Z'),
    });
    expect(parseAlertTimestamp('2025-03-31T06:30:00Z')).toEqual({
      ms: Date.parse('2025-03-31T06:30:00Z'),
    });
  });

  it('says what it got instead, for nothing, an empty string and other types', () => {
    expect(parseAlertTimestamp(undefined)).toEqual({
      error:
        'expected an ISO 8601 date-time with an offset, such as 2025-03-31T06:30:00Z, but got nothing',
    });
    expect(parseAlertTimestamp('  ')).toEqual({
      error: expect.stringMatching(/but got an empty string$/),
    });
    expect(parseAlertTimestamp(1743402600000)).toEqual({
      error: expect.stringMatching(/but got a number$/),
    });
  });

  it('refuses a date without a time or an offset, and an impossible date, saying why', () => {
    expect(parseAlertTimestamp('2025-03-31')).toEqual({
      error: expect.stringContaining('"2025-03-31" has no time or no offset'),
    });
    expect(parseAlertTimestamp('2025-03-31T06:30:00')).toEqual({
      error: expect.stringContaining('has no time or no offset'),
    });
    const impossible = parseAlertTimestamp('2025-13-31T06:30:00Z');
    expect(impossible).toEqual({
      error: expect.stringMatching(
        /^"2025-13-31T06:30:00Z" is not a valid ISO 8601 date-time \(.*month.*\)$/i,
      ),
    });
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA zones and refuses other names, the same on every ask', () => {
    for (let round = 0; round < 3; round++) {
      expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
      expect(isKnownTimeZone('America/St_Johns')).toBe(true);
      expect(isKnownTimeZone('UTC')).toBe(true);
      expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
      expect(isKnownTimeZone('')).toBe(false);
    }
  });

  it('asks Intl once per name, and stays right past its bound on remembered names', () => {
    const spy = jest.spyOn(IANAZone, 'isValidZone');
    try {
      isKnownTimeZone('Asia/Kathmandu');
      isKnownTimeZone('Asia/Kathmandu');
      expect(
        spy.mock.calls.filter(([zone]) => zone === 'Asia/Kathmandu'),
      ).toHaveLength(1);
      for (let i = 0; i < 1500; i++) {
        expect(isKnownTimeZone(`Nowhere/Zone_${i}`)).toBe(false);
      }
      expect(isKnownTimeZone('Asia/Kathmandu')).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
