import { AlertPage, OnCallShift } from './model';
import { measureOnCallLoad } from './onCallLoad';
import { validateAlertQualityInput } from './validation';

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';

function page(
  id: string,
  responder: string,
  triggeredAt: string,
  urgency: 'high' | 'low' = 'high',
): AlertPage {
  return {
    id,
    alertName: 'HighErrorRate',
    service: 'component:default/checkout',
    urgency,
    triggeredAt,
    responder,
  };
}

const shifts: OnCallShift[] = [
  // 12 hours, 2 pages: exactly on the sustainable line
  { user: ALICE, start: '2025-03-03T08:00:00Z', end: '2025-03-03T20:00:00Z' },
  // 24 hours, 5 high-urgency pages: 2.5 per 12 hours
  { user: BOB, start: '2025-03-03T20:00:00Z', end: '2025-03-04T20:00:00Z' },
  // 6 hours, no pages
  { user: ALICE, start: '2025-03-05T00:00:00Z', end: '2025-03-05T06:00:00Z' },
];

const pages: AlertPage[] = [
  page('a1', ALICE, '2025-03-03T09:00:00Z'),
  page('a2', ALICE, '2025-03-03T13:00:00Z'),
  page('a-at-end', ALICE, '2025-03-03T20:00:00Z'), // the end is exclusive
  page('b1', BOB, '2025-03-03T20:00:00Z'), // the start is inclusive
  page('b2', BOB, '2025-03-03T23:00:00Z'),
  page('b3', BOB, '2025-03-04T02:00:00Z'),
  page('b4', BOB, '2025-03-04T09:00:00Z'),
  page('b5', BOB, '2025-03-04T19:59:59Z'),
  page('b-low', BOB, '2025-03-04T10:00:00Z', 'low'),
  page('carol', 'user:default/carol', '2025-03-03T10:00:00Z'),
];

describe('measureOnCallLoad', () => {
  const input = validateAlertQualityInput(pages, shifts);

  it('counts each shift’s pages, normalises them to 12 hours and compares with the line', () => {
    const load = measureOnCallLoad(input.pages, input.shifts);
    expect(
      load.shifts.map(s => [
        s.shift.shift.user,
        s.pages,
        s.pagesPer12Hours,
        s.overSustainableLine,
      ]),
    ).toEqual([
      [ALICE, 2, 2, false],
      [BOB, 5, 2.5, true],
      [ALICE, 0, 0, false],
    ]);
    expect(load.shifts[1].pageIds).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    expect(load.shifts[1].durationMs).toBe(24 * 60 * 60 * 1000);
  });

  it('summarises the mean, the maximum and the shifts over the line', () => {
    const { summary } = measureOnCallLoad(input.pages, input.shifts);
    expect(summary).toEqual({
      state: 'known',
      shifts: 3,
      meanPagesPerShift: 7 / 3,
      maxPagesPerShift: 5,
      meanPagesPer12Hours: 1.5, // (2 + 2.5 + 0) / 3
      maxPagesPer12Hours: 2.5,
      shiftsOverLine: 1,
    });
  });

  it('lists high-urgency pages that fell in no shift of their responder', () => {
    const load = measureOnCallLoad(input.pages, input.shifts);
    expect(load.pagesOutsideShifts).toEqual(['a-at-end', 'carol']);
  });

  it('counts low-urgency pages and uses another limit when asked', () => {
    const load = measureOnCallLoad(input.pages, input.shifts, {
      urgencies: ['high', 'low'],
      pagesPer12HoursLimit: 3,
    });
    expect(load.shifts[1]).toMatchObject({
      pages: 6,
      pagesPer12Hours: 3,
      overSustainableLine: false,
    });
  });

  it('says the summary is unknown without shifts', () => {
    const load = measureOnCallLoad(input.pages, []);
    expect(load.summary).toEqual({
      state: 'unknown',
      reason: 'no on-call shifts',
    });
    expect(load.shifts).toEqual([]);
  });
});
