import { analyzeAlertQuality } from './AlertQualityReport';
import { measureInterruptions } from './interruptions';
import { summarizeAlertNoise } from './noise';
import { rankNoisiestAlerts } from './noisiestAlerts';
import { measureOnCallLoad } from './onCallLoad';
import { validateAlertQualityInput } from './validation';

describe('analyzeAlertQuality', () => {
  it('reports every figure as unknown, not 0 or 1, when there are no pages or shifts', () => {
    const report = analyzeAlertQuality({ pages: [] });
    expect(report).toMatchObject({
      pagesGiven: 0,
      pagesUsed: 0,
      shiftsGiven: 0,
      shiftsUsed: 0,
      onCallLoad: {
        summary: { state: 'unknown' },
        shifts: [],
        pagesOutsideShifts: [],
      },
      noise: {
        actionableRatio: { state: 'unknown', reason: 'no pages' },
        noiseRatio: { state: 'unknown', reason: 'no pages' },
      },
      responseTimes: {
        mtta: { state: 'unknown', reason: 'no pages' },
        mttr: { state: 'unknown', reason: 'no pages' },
      },
      interruptions: { total: { total: 0 }, byResponder: [], pages: [] },
      alerts: [],
      problems: [],
    });
  });

  it('puts the figures together and reports data errors instead of throwing', () => {
    const report = analyzeAlertQuality(
      {
        pages: [
          {
            id: 'P1',
            alertName: 'HighErrorRate',
            service: 'component:default/checkout',
            urgency: 'high',
            triggeredAt: '2025-03-31T06:30:00Z',
            acknowledgedAt: '2025-03-31T06:36:00Z',
            resolvedAt: '2025-03-31T07:30:00Z',
            responder: 'user:default/alice',
          },
          {
            id: 'P2',
            alertName: 'HighErrorRate',
            service: 'component:default/checkout',
            urgency: 'high',
            triggeredAt: '2025-03-31T21:00:00Z',
            acknowledgedAt: '2025-03-31T20:59:00Z',
            resolvedAt: '2025-03-31T21:02:00Z',
            responder: 'user:default/alice',
          },
          {
            id: 'P3',
            alertName: 'HighErrorRate',
            service: 'component:default/checkout',
            urgency: 'high',
            triggeredAt: 'not a date',
            responder: 'user:default/alice',
          },
        ],
        shifts: [
          {
            user: 'user:default/alice',
            start: '2025-03-31T06:00:00Z',
            end: '2025-03-31T18:00:00Z',
            timeZone: 'Europe/Berlin',
          },
        ],
      },
      { quickResolveMs: 10 * 60_000 },
    );

    expect(report).toMatchObject({
      pagesGiven: 3,
      pagesUsed: 2,
      shiftsGiven: 1,
      shiftsUsed: 1,
    });
    expect(report.problems.map(p => [p.id, p.kind, p.effect])).toEqual([
      ['P2', 'acknowledged-before-triggered', 'value-ignored'],
      ['P3', 'invalid-value', 'record-rejected'],
    ]);
    // P1 falls in the 12-hour shift; P2 (21:00 UTC) after it
    expect(report.onCallLoad.shifts[0]).toMatchObject({
      pages: 1,
      pagesPer12Hours: 1,
    });
    expect(report.onCallLoad.pagesOutsideShifts).toEqual(['P2']);
    // P1 is actionable (acknowledged, resolved after an hour); P2 lost its acknowledgement
    expect(report.noise).toMatchObject({
      actionable: 1,
      noise: 0,
      unclassifiable: 1,
    });
    expect(report.noise.noiseRatio).toEqual({
      state: 'known',
      value: 0,
      count: 0,
      total: 1,
    });
    expect(report.responseTimes.mtta).toEqual({
      state: 'known',
      meanMs: 6 * 60_000,
      count: 1,
    });
    expect(report.responseTimes.mttr).toEqual({
      state: 'known',
      meanMs: 31 * 60_000,
      count: 2,
    });
    // P1 is 08:30 CEST on Monday (zone from the shift); P2 21:00 UTC by default
    expect(
      report.interruptions.pages.map(p => [
        p.pageId,
        p.period,
        p.timeZoneSource,
      ]),
    ).toEqual([
      ['P1', 'business-hours', 'shift'],
      ['P2', 'off-hours', 'default'],
    ]);
    expect(report.alerts).toHaveLength(1);
    expect(report.alerts[0]).toMatchObject({
      alertKey: 'component:default/checkout/HighErrorRate',
      pages: 2,
    });
  });

  it('hands each option to the measure it is for', () => {
    const page = (id: string, triggeredAt: string, resolvedAt: string) => ({
      id,
      alertName: 'HighErrorRate',
      service: 'component:default/checkout',
      urgency: 'high' as const,
      triggeredAt,
      acknowledgedAt: triggeredAt,
      resolvedAt,
      responder: 'user:default/alice',
    });
    const input = {
      // Monday 09:00 and 10:00 UTC, resolved after 7 minutes: before dawn in New York.
      pages: [
        page('P1', '2025-03-31T09:00:00Z', '2025-03-31T09:07:00Z'),
        page('P2', '2025-03-31T10:00:00Z', '2025-03-31T10:07:00Z'),
      ],
      shifts: [
        {
          user: 'user:default/alice',
          start: '2025-03-31T06:00:00Z',
          end: '2025-03-31T18:00:00Z',
        },
      ],
    };
    const options = {
      quickResolveMs: 10 * 60_000,
      pagesPer12HoursLimit: 1,
      responderHours: { sleepStartHour: 23, sleepEndHour: 6 },
      defaultTimeZone: 'America/New_York',
      flap: { highThreshold: 40, lowThreshold: 10 },
    };
    const { pages, shifts } = validateAlertQualityInput(
      input.pages,
      input.shifts,
    );
    const urgencies = ['high' as const];
    const report = analyzeAlertQuality(input, options);
    const byDefault = analyzeAlertQuality(input);

    expect(report.noise).toEqual(
      summarizeAlertNoise(pages, { quickResolveMs: options.quickResolveMs }),
    );
    expect(report.onCallLoad).toEqual(
      measureOnCallLoad(pages, shifts, {
        pagesPer12HoursLimit: 1,
        urgencies,
      }),
    );
    expect(report.interruptions).toEqual(
      measureInterruptions(pages, shifts, {
        hours: options.responderHours,
        defaultTimeZone: options.defaultTimeZone,
        urgencies,
      }),
    );
    expect(report.alerts).toEqual(
      rankNoisiestAlerts(pages, {
        quickResolveMs: options.quickResolveMs,
        flap: options.flap,
      }),
    );
    // And each option changes its figure: 7 minutes is quick only under 10, two pages are over a
    // limit of one, 05:00 and 06:00 in New York are asleep only until 06:00.
    expect(report.noise).not.toEqual(byDefault.noise);
    expect(report.alerts).not.toEqual(byDefault.alerts);
    expect(report.onCallLoad).not.toEqual(byDefault.onCallLoad);
    expect(report.interruptions).not.toEqual(byDefault.interruptions);
  });
});
