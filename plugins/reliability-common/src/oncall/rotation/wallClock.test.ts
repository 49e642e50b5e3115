import { IANAZone } from 'luxon';
import { dayOf, instantOf, wallClockOf } from './wallClock';

const berlin = IANAZone.create('Europe/Berlin');
const newYork = IANAZone.create('America/New_York');
const wall = (text: string) => Date.parse(`${text}Z`);
const utc = (text: string) => Date.parse(text);

describe('instantOf', () => {
  it('uses the offset in force: CET in winter, CEST in summer', () => {
    expect(instantOf(berlin, wall('2026-01-05T09:00:00'))).toBe(
      utc('2026-01-05T08:00:00Z'),
    );
    expect(instantOf(berlin, wall('2026-07-06T09:00:00'))).toBe(
      utc('2026-07-06T07:00:00Z'),
    );
  });

  it('maps a time the spring change skips to the instant the clocks jumped', () => {
    // Berlin, 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00Z.
    expect(instantOf(berlin, wall('2026-03-29T02:30:00'))).toBe(
      utc('2026-03-29T01:00:00Z'),
    );
    // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT at 07:00Z.
    expect(instantOf(newYork, wall('2026-03-08T02:15:00'))).toBe(
      utc('2026-03-08T07:00:00Z'),
    );
  });

  it('maps a time the autumn change repeats to its first occurrence', () => {
    // Berlin, 2026-10-25: 02:30 is shown at 00:30Z (CEST) and 01:30Z (CET).
    expect(instantOf(berlin, wall('2026-10-25T02:30:00'))).toBe(
      utc('2026-10-25T00:30:00Z'),
    );
    // New York, 2026-11-01: 01:30 is shown at 05:30Z (EDT) and 06:30Z (EST).
    expect(instantOf(newYork, wall('2026-11-01T01:30:00'))).toBe(
      utc('2026-11-01T05:30:00Z'),
    );
  });

  it('keeps later wall-clock times at later or equal instants across both changes', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      let previous = -Infinity;
      for (let minutes = 0; minutes < 6 * 60; minutes += 15) {
        const instant = instantOf(
          berlin,
          wall(`${day}T00:00:00`) + minutes * 60000,
        );
        expect(instant).toBeGreaterThanOrEqual(previous);
        previous = instant;
      }
    }
  });
});

describe('wallClockOf', () => {
  it('shows the local time of an instant', () => {
    expect(wallClockOf(berlin, utc('2026-10-25T01:30:00Z'))).toBe(
      wall('2026-10-25T02:30:00'),
    );
  });
});

describe('dayOf', () => {
  it('gives ISO weekdays', () => {
    // 2026-01-05 is a Monday, 2026-01-11 a Sunday, 1969-12-31 a Wednesday.
    expect(dayOf(wall('2026-01-05T12:00:00')).weekday).toBe(1);
    expect(dayOf(wall('2026-01-11T23:59:00')).weekday).toBe(7);
    expect(dayOf(wall('1969-12-31T12:00:00')).weekday).toBe(3);
  });
});
