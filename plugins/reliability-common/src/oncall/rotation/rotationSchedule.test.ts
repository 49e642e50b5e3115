import {
  computeRotationOnCallShifts,
  computeRotationSchedule,
} from './rotationSchedule';
import type { RotationSchedule } from './model';
import { testRotation } from './testRotation';

const HOUR = 3600 * 1000;

/** The schedule of a period as `user start end` lines, to compare with what a person reasoned. */
function schedule(
  rotation: ReturnType<typeof testRotation>,
  from: string,
  to: string,
): RotationSchedule {
  const result = computeRotationSchedule(rotation, { from, to });
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result.value;
}

const lines = (value: RotationSchedule) =>
  value.shifts.map(shift => `${shift.user} ${shift.start} ${shift.end}`);

const weekly = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice, user:default/bob, carol]
`);

describe('computeRotationSchedule', () => {
  it('hands off every shift length at the wall-clock start time, members in turn', () => {
    const value = schedule(
      weekly,
      '2026-01-05T08:00:00Z',
      '2026-02-02T08:00:00Z',
    );
    expect(lines(value)).toEqual([
      'user:default/alice 2026-01-05T09:00:00+01:00 2026-01-12T09:00:00+01:00',
      'user:default/bob 2026-01-12T09:00:00+01:00 2026-01-19T09:00:00+01:00',
      'user:default/carol 2026-01-19T09:00:00+01:00 2026-01-26T09:00:00+01:00',
      'user:default/alice 2026-01-26T09:00:00+01:00 2026-02-02T09:00:00+01:00',
    ]);
    expect(value.gaps).toEqual([]);
    expect(value.shifts[0].sources).toEqual([
      { type: 'layer', layer: 'weekly', layerIndex: 0 },
    ]);
  });

  it('clips shifts to the period and reports the time before the layer starts as a gap', () => {
    const value = schedule(
      weekly,
      '2026-01-05T00:00:00Z',
      '2026-01-06T00:00:00Z',
    );
    expect(lines(value)).toEqual([
      'user:default/alice 2026-01-05T09:00:00+01:00 2026-01-06T01:00:00+01:00',
    ]);
    expect(value.gaps.map(gap => [gap.start, gap.end])).toEqual([
      ['2026-01-05T01:00:00+01:00', '2026-01-05T09:00:00+01:00'],
    ]);
  });

  it('keeps far-away shifts in turn (week 52 after the start)', () => {
    // 52 weeks after 2026-01-05 is 2027-01-04; 52 mod 3 = 1, so it is bob's turn.
    const value = schedule(
      weekly,
      '2027-01-05T00:00:00Z',
      '2027-01-05T01:00:00Z',
    );
    expect(value.shifts.map(shift => shift.user)).toEqual(['user:default/bob']);
  });

  describe('across daylight saving time changes', () => {
    it('keeps a daily 09:00 handoff in Europe/Berlin, making the shift over 2026-03-29 23 hours long', () => {
      const daily = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: daily
      start: 2026-03-27T09:00
      shiftLength: 1d
      members: [a, b]
`);
      const value = schedule(
        daily,
        '2026-03-27T08:00:00Z',
        '2026-03-30T07:00:00Z',
      );
      expect(lines(value)).toEqual([
        'user:default/a 2026-03-27T09:00:00+01:00 2026-03-28T09:00:00+01:00',
        'user:default/b 2026-03-28T09:00:00+01:00 2026-03-29T09:00:00+02:00',
        'user:default/a 2026-03-29T09:00:00+02:00 2026-03-30T09:00:00+02:00',
      ]);
      expect(value.shifts.map(s => (s.endMs - s.startMs) / HOUR)).toEqual([
        24, 23, 24,
      ]);
    });

    it('keeps a weekly Monday 09:00 handoff in Europe/Berlin, making the week over 2026-10-25 169 hours long', () => {
      const value = schedule(
        weekly,
        '2026-10-19T07:00:00Z',
        '2026-10-26T08:00:00Z',
      );
      // 41 weeks after 2026-01-05: 41 mod 3 = 2, carol.
      expect(lines(value)).toEqual([
        'user:default/carol 2026-10-19T09:00:00+02:00 2026-10-26T09:00:00+01:00',
      ]);
      expect(value.shifts[0].endMs - value.shifts[0].startMs).toBe(
        (7 * 24 + 1) * HOUR,
      );
    });

    it('keeps a daily 09:00 handoff in America/New_York on 2026-03-08 and 2026-11-01', () => {
      const daily = testRotation(`
  timeZone: America/New_York
  layers:
    - name: daily
      start: 2026-03-07T09:00
      shiftLength: 1d
      members: [a, b]
`);
      expect(
        lines(schedule(daily, '2026-03-07T14:00:00Z', '2026-03-09T13:00:00Z')),
      ).toEqual([
        'user:default/a 2026-03-07T09:00:00-05:00 2026-03-08T09:00:00-04:00',
        'user:default/b 2026-03-08T09:00:00-04:00 2026-03-09T09:00:00-04:00',
      ]);
      // 2026-10-31 is 238 days after 2026-03-07: an even shift, a's.
      const autumn = schedule(
        daily,
        '2026-10-31T13:00:00Z',
        '2026-11-01T14:00:00Z',
      );
      expect(lines(autumn)).toEqual([
        'user:default/a 2026-10-31T09:00:00-04:00 2026-11-01T09:00:00-05:00',
      ]);
      expect(autumn.shifts[0].endMs - autumn.shifts[0].startMs).toBe(25 * HOUR);
    });

    it('keeps 12-hour handoffs at 09:00 and 21:00, the shift over the change lasting 11 hours', () => {
      const halfDays = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: halves
      start: 2026-03-28T09:00
      shiftLength: 12h
      members: [a, b]
`);
      expect(
        lines(
          schedule(halfDays, '2026-03-28T08:00:00Z', '2026-03-29T19:00:00Z'),
        ),
      ).toEqual([
        'user:default/a 2026-03-28T09:00:00+01:00 2026-03-28T21:00:00+01:00',
        'user:default/b 2026-03-28T21:00:00+01:00 2026-03-29T09:00:00+02:00',
        'user:default/a 2026-03-29T09:00:00+02:00 2026-03-29T21:00:00+02:00',
      ]);
    });

    it('skips a shift that lies wholly in the skipped hour, the next member taking over', () => {
      const hourly = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: hourly
      start: 2026-03-29T00:00
      shiftLength: 1h
      members: [a, b, c]
`);
      // Shifts 00:00 a, 01:00 b, 02:00 c (skipped: 02:00–03:00 does not exist), 03:00 a, 04:00 b,
      // 05:00 c; b's 01:00 shift ends when the clocks jump (01:00Z).
      expect(
        lines(schedule(hourly, '2026-03-28T23:00:00Z', '2026-03-29T04:00:00Z')),
      ).toEqual([
        'user:default/a 2026-03-29T00:00:00+01:00 2026-03-29T01:00:00+01:00',
        'user:default/b 2026-03-29T01:00:00+01:00 2026-03-29T03:00:00+02:00',
        'user:default/a 2026-03-29T03:00:00+02:00 2026-03-29T04:00:00+02:00',
        'user:default/b 2026-03-29T04:00:00+02:00 2026-03-29T05:00:00+02:00',
        'user:default/c 2026-03-29T05:00:00+02:00 2026-03-29T06:00:00+02:00',
      ]);
    });
  });

  describe('layers and restrictions', () => {
    const stacked = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice, bob]
    - name: business-hours
      start: 2026-01-05T00:00
      shiftLength: 1d
      members: [carol, dave]
      restrictions:
        - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }
`);

    it('lets a later layer override earlier ones only inside its windows', () => {
      expect(
        lines(
          schedule(stacked, '2026-01-05T08:00:00Z', '2026-01-07T08:00:00Z'),
        ),
      ).toEqual([
        'user:default/carol 2026-01-05T09:00:00+01:00 2026-01-05T17:00:00+01:00',
        'user:default/alice 2026-01-05T17:00:00+01:00 2026-01-06T09:00:00+01:00',
        'user:default/dave 2026-01-06T09:00:00+01:00 2026-01-06T17:00:00+01:00',
        'user:default/alice 2026-01-06T17:00:00+01:00 2026-01-07T09:00:00+01:00',
      ]);
    });

    it('leaves weekends to the earlier layer', () => {
      // Friday 17:00 to Monday 17:00: alice until the weekly handoff, then bob, and Monday's
      // business hours (shift 7 of the daily layer: dave).
      expect(
        lines(
          schedule(stacked, '2026-01-09T16:00:00Z', '2026-01-12T16:00:00Z'),
        ),
      ).toEqual([
        'user:default/alice 2026-01-09T17:00:00+01:00 2026-01-12T09:00:00+01:00',
        'user:default/dave 2026-01-12T09:00:00+01:00 2026-01-12T17:00:00+01:00',
      ]);
    });

    it('reports the hours no layer covers as gaps', () => {
      const businessOnly = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: business-hours
      start: 2026-01-05T00:00
      shiftLength: 1d
      members: [carol, dave]
      restrictions:
        - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }
`);
      const value = schedule(
        businessOnly,
        '2026-01-04T23:00:00Z',
        '2026-01-05T23:00:00Z',
      );
      expect(lines(value)).toEqual([
        'user:default/carol 2026-01-05T09:00:00+01:00 2026-01-05T17:00:00+01:00',
      ]);
      expect(value.gaps.map(gap => [gap.start, gap.end])).toEqual([
        ['2026-01-05T00:00:00+01:00', '2026-01-05T09:00:00+01:00'],
        ['2026-01-05T17:00:00+01:00', '2026-01-06T00:00:00+01:00'],
      ]);
    });

    it('runs a window past midnight when it ends at or before it starts', () => {
      const nights = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: nights
      start: 2026-01-05T00:00
      shiftLength: 1w
      members: [nora]
      restrictions:
        - { days: [mon], from: "22:00", to: "06:00" }
`);
      expect(
        lines(schedule(nights, '2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z')),
      ).toEqual([
        'user:default/nora 2026-01-05T22:00:00+01:00 2026-01-06T06:00:00+01:00',
      ]);
    });

    it('merges consecutive stretches of the same person from different layers', () => {
      const same = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice]
    - name: business-hours
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice]
      restrictions:
        - { days: [mon], from: "09:00", to: "17:00" }
`);
      const value = schedule(
        same,
        '2026-01-05T08:00:00Z',
        '2026-01-06T08:00:00Z',
      );
      expect(lines(value)).toEqual([
        'user:default/alice 2026-01-05T09:00:00+01:00 2026-01-06T09:00:00+01:00',
      ]);
      expect(
        value.shifts[0].sources.map(
          source => source.type === 'layer' && source.layer,
        ),
      ).toEqual(['business-hours', 'weekly']);
    });

    it('ends a layer at its end', () => {
      const ending = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: old
      start: 2026-01-05T09:00
      end: 2026-01-07T12:00
      shiftLength: 1d
      members: [olga]
`);
      const value = schedule(
        ending,
        '2026-01-05T08:00:00Z',
        '2026-01-08T08:00:00Z',
      );
      expect(lines(value)).toEqual([
        'user:default/olga 2026-01-05T09:00:00+01:00 2026-01-07T12:00:00+01:00',
      ]);
      expect(value.gaps.map(gap => gap.start)).toEqual([
        '2026-01-07T12:00:00+01:00',
      ]);
    });
  });

  describe('overrides', () => {
    const withOverrides = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice, bob]
  overrides:
    - { start: 2026-01-07T12:00, end: 2026-01-08T12:00, user: dave, reason: "swap with alice" }
    - { start: 2026-01-08T00:00, end: 2026-01-09T00:00, user: erin }
    - { start: 2026-01-04T00:00, end: 2026-01-05T00:00, user: dave }
`);

    it('replaces whoever is on call, the later override winning where they overlap', () => {
      const value = schedule(
        withOverrides,
        '2026-01-05T08:00:00Z',
        '2026-01-12T08:00:00Z',
      );
      expect(lines(value)).toEqual([
        'user:default/alice 2026-01-05T09:00:00+01:00 2026-01-07T12:00:00+01:00',
        'user:default/dave 2026-01-07T12:00:00+01:00 2026-01-08T00:00:00+01:00',
        'user:default/erin 2026-01-08T00:00:00+01:00 2026-01-09T00:00:00+01:00',
        'user:default/alice 2026-01-09T00:00:00+01:00 2026-01-12T09:00:00+01:00',
      ]);
      expect(value.shifts[1].sources).toEqual([
        { type: 'override', overrideIndex: 0, reason: 'swap with alice' },
      ]);
      expect(value.shifts[2].sources).toEqual([
        { type: 'override', overrideIndex: 1 },
      ]);
    });

    it('covers hours no layer covers', () => {
      const value = schedule(
        withOverrides,
        '2026-01-04T12:00:00Z',
        '2026-01-05T12:00:00Z',
      );
      expect(lines(value)).toEqual([
        'user:default/dave 2026-01-04T13:00:00+01:00 2026-01-05T00:00:00+01:00',
        'user:default/alice 2026-01-05T09:00:00+01:00 2026-01-05T13:00:00+01:00',
      ]);
      expect(value.gaps.map(gap => [gap.start, gap.end])).toEqual([
        ['2026-01-05T00:00:00+01:00', '2026-01-05T09:00:00+01:00'],
      ]);
    });
  });

  describe('bounds', () => {
    it('refuses periods longer than 400 days', () => {
      expect(
        computeRotationSchedule(weekly, {
          from: '2026-01-01T00:00:00Z',
          to: '2027-02-06T00:00:00Z',
        }),
      ).toEqual({
        ok: false,
        error:
          'the period is 401 days long, more than the 400 days computed at once: ask for shorter periods',
      });
    });

    it('computes 400 days of a weekly rotation', () => {
      const result = computeRotationSchedule(weekly, {
        from: new Date('2026-01-05T08:00:00Z'),
        to: new Date('2027-02-09T08:00:00Z'),
      });
      // 400 days = 57 weeks and 1 day: 58 shifts, the last one clipped.
      expect(result.ok && result.value.shifts).toHaveLength(58);
    });

    it('refuses a period with more segments than allowed, quickly', () => {
      const dense = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: quarter-hours
      start: 2026-01-01T00:00
      shiftLength: 15m
      members: [a, b]
`);
      // 300 days of 15-minute shifts are 28,800 segments.
      const result = computeRotationSchedule(dense, {
        from: '2026-01-01T00:00:00Z',
        to: '2026-10-28T00:00:00Z',
      });
      expect(result).toEqual({
        ok: false,
        error:
          'the period is too dense to compute at once; ask for a shorter one: the schedule has more than 20000 segments there',
      });
    });

    it.each([
      [
        { from: 'yesterday', to: '2026-01-01T00:00:00Z' },
        /period start \(from\) is not a valid instant/,
      ],
      [
        { from: '2026-01-01T00:00:00', to: '2026-01-02T00:00:00Z' },
        /with an offset/,
      ],
      [
        { from: '2026-01-02T00:00:00Z', to: new Date(NaN) },
        /period end \(to\) is not a valid instant/,
      ],
      [
        { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' },
        /ends before it starts/,
      ],
    ])('refuses the period %j', (period, message) => {
      const result = computeRotationSchedule(weekly, period);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(message);
    });
  });
});

describe('computeRotationOnCallShifts', () => {
  it('gives the final schedule as alert-quality shifts in the rotation zone', () => {
    expect(
      computeRotationOnCallShifts(weekly, {
        from: '2026-01-12T08:00:00Z',
        to: '2026-01-19T08:00:00Z',
      }),
    ).toEqual({
      ok: true,
      value: [
        {
          user: 'user:default/bob',
          start: '2026-01-12T09:00:00+01:00',
          end: '2026-01-19T09:00:00+01:00',
          timeZone: 'Europe/Berlin',
        },
      ],
    });
  });
});
