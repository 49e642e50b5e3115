import {
  classifyInterruptionTime,
  measureInterruptions,
} from './interruptions';
import { AlertPage, OnCallShift } from './model';
import { validateAlertQualityInput } from './validation';

const BERLIN = 'Europe/Berlin';
const ms = (iso: string) => Date.parse(iso);

describe('classifyInterruptionTime', () => {
  // Berlin moves from CET (+01:00) to CEST (+02:00) at 01:00 UTC on Sunday 30 March 2025.
  it.each([
    ['2025-03-28T06:30:00Z', 'sleep-hours', 'Friday 07:30 CET'],
    [
      '2025-03-30T00:30:00Z',
      'sleep-hours',
      'Sunday 01:30 CET, before the change',
    ],
    [
      '2025-03-30T06:30:00Z',
      'off-hours',
      'Sunday 08:30 CEST; 07:30 without DST',
    ],
    ['2025-03-30T19:30:00Z', 'off-hours', 'Sunday 21:30 CEST'],
    [
      '2025-03-30T20:30:00Z',
      'sleep-hours',
      'Sunday 22:30 CEST; 21:30 without DST',
    ],
    [
      '2025-03-31T06:30:00Z',
      'business-hours',
      'Monday 08:30 CEST; 07:30 without DST',
    ],
    ['2025-03-31T15:59:59Z', 'business-hours', 'Monday 17:59:59 CEST'],
    [
      '2025-03-31T16:00:00Z',
      'off-hours',
      'Monday 18:00 CEST, the end is exclusive',
    ],
    // Working days are Monday to Friday: the same daytime hour on each side of the weekend.
    ['2025-03-28T10:00:00Z', 'business-hours', 'Friday 11:00 CET'],
    ['2025-03-29T10:00:00Z', 'off-hours', 'Saturday 11:00 CET, daytime'],
    ['2025-03-30T10:00:00Z', 'off-hours', 'Sunday 12:00 CEST, daytime'],
    ['2025-03-31T07:00:00Z', 'business-hours', 'Monday 09:00 CEST'],
    // Sleep hours are [22:00, 08:00): both ends to the second.
    ['2025-03-28T20:59:59Z', 'off-hours', 'Friday 21:59:59 CET'],
    ['2025-03-28T21:00:00Z', 'sleep-hours', 'Friday 22:00 CET'],
    ['2025-03-31T05:59:59Z', 'sleep-hours', 'Monday 07:59:59 CEST'],
    ['2025-03-31T06:00:00Z', 'business-hours', 'Monday 08:00 CEST'],
  ])('puts %s in %s in Berlin (%s)', (instant, period) => {
    expect(classifyInterruptionTime(ms(instant), BERLIN)).toBe(period);
  });

  it('applies configured hours, including fractional ones', () => {
    const hours = {
      businessStartHour: 9.5,
      businessEndHour: 17,
      businessDays: [1, 2, 3, 4, 5],
      sleepStartHour: 23,
      sleepEndHour: 7,
    };
    // Monday 08:30 CEST: after sleep, before work
    expect(
      classifyInterruptionTime(ms('2025-03-31T06:30:00Z'), BERLIN, hours),
    ).toBe('off-hours');
    // Monday 09:30 CEST
    expect(
      classifyInterruptionTime(ms('2025-03-31T07:30:00Z'), BERLIN, hours),
    ).toBe('business-hours');
  });

  it('throws on hours outside 0–24 and unknown zones', () => {
    expect(() =>
      classifyInterruptionTime(0, BERLIN, {
        businessStartHour: 8,
        businessEndHour: 25,
        businessDays: [1],
        sleepStartHour: 22,
        sleepEndHour: 8,
      }),
    ).toThrow('businessEndHour must be an hour from 0 to 24, not 25');
    expect(() => classifyInterruptionTime(0, 'Mars/Olympus')).toThrow(
      RangeError,
    );
  });

  const defaults = {
    businessStartHour: 8,
    businessEndHour: 18,
    businessDays: [1, 2, 3, 4, 5],
    sleepStartHour: 22,
    sleepEndHour: 8,
  };

  it('takes hours from exactly 0 to exactly 24 and weekdays from 1 to 7', () => {
    // Work all day every day, no sleep hours ([0, 0) is empty): Sunday noon is business hours.
    const always = {
      businessStartHour: 0,
      businessEndHour: 24,
      businessDays: [1, 7],
      sleepStartHour: 0,
      sleepEndHour: 0,
    };
    expect(
      classifyInterruptionTime(ms('2025-03-30T10:00:00Z'), BERLIN, always),
    ).toBe('business-hours');
  });

  it.each([
    [
      { businessStartHour: -0.5 },
      'businessStartHour must be an hour from 0 to 24, not -0.5',
    ],
    [
      { sleepEndHour: 24.5 },
      'sleepEndHour must be an hour from 0 to 24, not 24.5',
    ],
    [
      { sleepStartHour: NaN },
      'sleepStartHour must be an hour from 0 to 24, not NaN',
    ],
    [
      { businessDays: [0] },
      'businessDays must hold ISO weekdays 1 (Monday) to 7 (Sunday), not 0',
    ],
    [
      { businessDays: [1, 8] },
      'businessDays must hold ISO weekdays 1 (Monday) to 7 (Sunday), not 8',
    ],
    [
      { businessDays: [1.5] },
      'businessDays must hold ISO weekdays 1 (Monday) to 7 (Sunday), not 1.5',
    ],
  ])('refuses the hours %j', (override, message) => {
    expect(() =>
      classifyInterruptionTime(0, BERLIN, { ...defaults, ...override }),
    ).toThrow(message);
    expect(() => measureInterruptions([], [], { hours: override })).toThrow(
      message,
    );
  });

  it('refuses an unknown default zone in the split too', () => {
    expect(() =>
      measureInterruptions([], [], { defaultTimeZone: 'Mars/Olympus' }),
    ).toThrow(RangeError);
  });
});

describe('measureInterruptions', () => {
  const page = (
    id: string,
    responder: string,
    triggeredAt: string,
    extra: Partial<AlertPage> = {},
  ): AlertPage => ({
    id,
    alertName: 'HighErrorRate',
    service: 'component:default/checkout',
    urgency: 'high',
    triggeredAt,
    responder,
    ...extra,
  });
  const shifts: OnCallShift[] = [
    {
      user: 'user:default/bob',
      start: '2025-03-31T00:00:00Z',
      end: '2025-04-01T00:00:00Z',
      timeZone: 'America/New_York',
    },
  ];
  const input = validateAlertQualityInput(
    [
      page('berlin', 'user:default/alice', '2025-03-31T06:30:00Z', {
        responderTimeZone: BERLIN,
      }),
      page('berlin-night', 'user:default/alice', '2025-03-30T20:30:00Z', {
        responderTimeZone: BERLIN,
      }),
      // New York is on EDT (-04:00) since 9 March: 09:30 on Monday
      page('new-york', 'user:default/bob', '2025-03-31T13:30:00Z'),
      // 23:00 UTC on Monday; it would be 19:00 (off-hours) in New York
      page('utc', 'user:default/carol', '2025-03-31T23:00:00Z'),
      page('low', 'user:default/carol', '2025-03-31T23:30:00Z', {
        urgency: 'low',
      }),
    ],
    shifts,
  );

  it('takes the zone from the page, else the shift, else the default', () => {
    const report = measureInterruptions(input.pages, input.shifts);
    expect(report.pages).toEqual([
      {
        pageId: 'berlin',
        responder: 'user:default/alice',
        period: 'business-hours',
        timeZone: BERLIN,
        timeZoneSource: 'page',
        localTime: '2025-03-31T08:30:00.000+02:00',
      },
      {
        pageId: 'berlin-night',
        responder: 'user:default/alice',
        period: 'sleep-hours',
        timeZone: BERLIN,
        timeZoneSource: 'page',
        localTime: '2025-03-30T22:30:00.000+02:00',
      },
      {
        pageId: 'new-york',
        responder: 'user:default/bob',
        period: 'business-hours',
        timeZone: 'America/New_York',
        timeZoneSource: 'shift',
        localTime: '2025-03-31T09:30:00.000-04:00',
      },
      {
        pageId: 'utc',
        responder: 'user:default/carol',
        period: 'sleep-hours',
        timeZone: 'UTC',
        timeZoneSource: 'default',
        localTime: '2025-03-31T23:00:00.000Z',
      },
    ]);
  });

  it('counts high-urgency pages per period, overall and per responder', () => {
    const report = measureInterruptions(input.pages, input.shifts);
    expect(report.total).toEqual({
      businessHours: 2,
      offHours: 0,
      sleepHours: 2,
      total: 4,
    });
    expect(report.byResponder).toEqual([
      {
        responder: 'user:default/alice',
        counts: { businessHours: 1, offHours: 0, sleepHours: 1, total: 2 },
      },
      {
        responder: 'user:default/bob',
        counts: { businessHours: 1, offHours: 0, sleepHours: 0, total: 1 },
      },
      {
        responder: 'user:default/carol',
        counts: { businessHours: 0, offHours: 0, sleepHours: 1, total: 1 },
      },
    ]);
  });

  it('uses the configured default zone and urgencies', () => {
    const report = measureInterruptions(input.pages, input.shifts, {
      defaultTimeZone: 'America/New_York',
      urgencies: ['high', 'low'],
    });
    const carol = report.byResponder.find(
      r => r.responder === 'user:default/carol',
    );
    // 19:00 and 19:30 EDT on Monday
    expect(carol?.counts).toEqual({
      businessHours: 0,
      offHours: 2,
      sleepHours: 0,
      total: 2,
    });
  });
});
