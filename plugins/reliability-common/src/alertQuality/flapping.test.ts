import {
  AlertCheckState,
  alertStatesFromPages,
  detectFlapping,
  summarizeAlertFlapping,
} from './flapping';
import { AlertPage } from './model';
import { validateAlertQualityInput } from './validation';

const alternating = (length: number): AlertCheckState[] =>
  Array.from({ length }, (_, i) => (i % 2 === 0 ? 'ok' : 'problem'));

describe('detectFlapping', () => {
  it('gives 99 % when all 20 pairs change: (0.80 + 0.82 + … + 1.18) / 20 × 100', () => {
    const last = detectFlapping(alternating(21))[20];
    expect(last.percentStateChange).toBeCloseTo(99, 10);
    expect(last.flapping).toBe(true);
  });

  it('gives 0 % to a steady alert', () => {
    const steps = detectFlapping(Array(25).fill('problem'));
    expect(steps.every(s => s.percentStateChange === 0 && !s.flapping)).toBe(
      true,
    );
  });

  it('weighs the newest change 1.18 and the oldest 0.80', () => {
    const newest = detectFlapping([...Array(20).fill('ok'), 'problem']);
    expect(newest[20].percentStateChange).toBeCloseTo(5.9, 10); // 1.18 / 20 × 100
    const oldest = detectFlapping(['ok', ...Array(20).fill('problem')]);
    expect(oldest[20].percentStateChange).toBeCloseTo(4, 10); // 0.80 / 20 × 100
    // one result later the oldest change has left the 21-result window
    const gone = detectFlapping(['ok', ...Array(21).fill('problem')]);
    expect(gone[21].percentStateChange).toBe(0);
  });

  it('pads a short history with its first state, so early changes weigh as the newest', () => {
    const steps = detectFlapping(['ok', 'problem']);
    expect(steps.map(s => s.percentStateChange)).toEqual([0, 5.9]);
  });

  it('starts flapping at the high threshold and stops only at the low one (hysteresis)', () => {
    // six changes, then the alert stays ok
    const states: AlertCheckState[] = [
      ...alternating(7),
      ...Array(16).fill('ok'),
    ];
    const steps = detectFlapping(states); // high 30, low 20
    const at = (i: number) => [steps[i].percentStateChange, steps[i].flapping];

    // rising: changes weigh 1.10…1.18, 5.70 / 20 = 28.5 % is below 30: not yet
    expect(at(5)[0]).toBeCloseTo(28.5, 10);
    expect(at(5)[1]).toBe(false);
    // 1.08…1.18 = 6.78 → 33.9 %: starts
    expect(at(6)[0]).toBeCloseTo(33.9, 10);
    expect(at(6)[1]).toBe(true);
    // falling: each steady result shifts the changes to older, lighter weights (−0.6 %)
    // 1.00…1.10 = 6.30 → 31.5 %... 0.94…1.04 = 5.94 → 29.7 %: below 30 but still flapping
    expect(at(13)[0]).toBeCloseTo(29.7, 10);
    expect(at(13)[1]).toBe(true);
    // window full: 0.80…0.90 = 5.10 → 25.5 %
    expect(at(20)[0]).toBeCloseTo(25.5, 10);
    expect(at(20)[1]).toBe(true);
    // the first change leaves: 0.80…0.88 = 4.20 → 21 %, still above 20
    expect(at(21)[0]).toBeCloseTo(21, 10);
    expect(at(21)[1]).toBe(true);
    // 0.80…0.86 = 3.32 → 16.6 %: stops
    expect(at(22)[0]).toBeCloseTo(16.6, 10);
    expect(at(22)[1]).toBe(false);
  });

  it('stops flapping when the percentage equals the low threshold', () => {
    // The series above: flapping from 33.9 %, down to 25.5 % and then exactly 21 %.
    const steps = detectFlapping([...alternating(7), ...Array(16).fill('ok')], {
      highThreshold: 30,
      lowThreshold: 21,
    });
    expect(steps[20]).toMatchObject({
      percentStateChange: 25.5,
      flapping: true,
    });
    expect(steps[21]).toMatchObject({
      percentStateChange: 21,
      flapping: false,
    });
  });

  it('starts flapping when the percentage equals the high threshold', () => {
    const steps = detectFlapping(alternating(6), {
      highThreshold: 28.5,
      lowThreshold: 10,
    });
    expect(steps[4].flapping).toBe(false); // 4.60 / 20 = 23 %
    expect(steps[5].flapping).toBe(true); // 28.5 %
  });

  it('rejects thresholds outside 0–100 or low above high', () => {
    expect(() => detectFlapping([], { highThreshold: 120 })).toThrow(
      'highThreshold must be a percentage from 0 to 100, not 120',
    );
    expect(() =>
      detectFlapping([], { highThreshold: 20, lowThreshold: 30 }),
    ).toThrow('lowThreshold (30) must not be above highThreshold (20)');
  });
});

describe('alertStatesFromPages', () => {
  const page = (
    id: string,
    triggeredAt: string,
    resolvedAt?: string,
  ): AlertPage => ({
    id,
    alertName: 'HighErrorRate',
    service: 'component:default/checkout',
    urgency: 'high',
    triggeredAt: `2025-03-03T${triggeredAt}:00Z`,
    resolvedAt: resolvedAt && `2025-03-03T${resolvedAt}:00Z`,
    responder: 'user:default/alice',
  });
  const t = (hhmm: string) => Date.parse(`2025-03-03T${hhmm}:00Z`);

  it('turns triggers into problems and resolutions into oks, in time order', () => {
    const { pages } = validateAlertQualityInput([
      page('second', '10:10'), // still open
      page('first', '10:00', '10:10'),
    ]);
    expect(alertStatesFromPages(pages, { checkIntervalMs: 0 })).toEqual([
      {
        atMs: t('10:00'),
        state: 'problem',
        source: 'trigger',
        pageId: 'first',
      },
      // a resolution and a trigger at the same instant: the resolution first
      { atMs: t('10:10'), state: 'ok', source: 'resolve', pageId: 'first' },
      {
        atMs: t('10:10'),
        state: 'problem',
        source: 'trigger',
        pageId: 'second',
      },
    ]);
  });

  it('adds a periodic check every 5 minutes between events, repeating the earlier state', () => {
    const { pages } = validateAlertQualityInput([
      page('first', '10:00', '10:12'),
      page('second', '10:20'),
    ]);
    expect(
      alertStatesFromPages(pages).map(r => [r.atMs, r.state, r.source]),
    ).toEqual([
      [t('10:00'), 'problem', 'trigger'],
      [t('10:05'), 'problem', 'check'],
      [t('10:10'), 'problem', 'check'],
      [t('10:12'), 'ok', 'resolve'],
      [t('10:17'), 'ok', 'check'],
      [t('10:20'), 'problem', 'trigger'],
    ]);
  });

  it('adds at most 20 checks to a gap, enough to fill the history', () => {
    const { pages } = validateAlertQualityInput([
      page('first', '00:00', '00:01'),
      page('second', '23:00'),
    ]);
    const results = alertStatesFromPages(pages);
    expect(results.filter(r => r.source === 'check')).toHaveLength(20);
    expect(results).toHaveLength(23);
  });
});

describe('summarizeAlertFlapping', () => {
  // pages `minutesApart` apart, each resolved after 2 minutes
  const pagesEvery = (minutesApart: number, count: number) =>
    validateAlertQualityInput(
      Array.from({ length: count }, (_, i) => {
        const start =
          Date.parse('2025-03-03T10:00:00Z') + i * minutesApart * 60_000;
        return {
          id: `p${i}`,
          alertName: 'HighErrorRate',
          service: 'component:default/checkout',
          urgency: 'high' as const,
          triggeredAt: new Date(start).toISOString(),
          resolvedAt: new Date(start + 2 * 60_000).toISOString(),
          responder: 'user:default/alice',
        };
      }),
    ).pages;

  it('flaps on an alert that fires every 10 minutes', () => {
    // P O O P O O P O O P O: 7 changes at positions 11, 13, 14, 16, 17, 19 and 20 of 20
    // weigh 1.00 + 1.04 + 1.06 + 1.10 + 1.12 + 1.16 + 1.18 = 7.66 → 38.3 %
    const summary = summarizeAlertFlapping(pagesEvery(10, 4));
    expect(summary.percentStateChange).toBeCloseTo(38.3, 10);
    expect(summary).toMatchObject({
      flapping: true,
      everFlapped: true,
      checkResults: 11,
    });
  });

  it('does not flap on an alert that fires every hour, thanks to the quiet checks between', () => {
    // 13 results per hour; the last 21 hold 4 changes at positions 6, 7, 19 and 20:
    // 0.90 + 0.92 + 1.16 + 1.18 = 4.16 → 20.8 %
    const summary = summarizeAlertFlapping(pagesEvery(60, 4));
    expect(summary.peakPercentStateChange).toBeCloseTo(20.8, 10);
    expect(summary).toMatchObject({
      flapping: false,
      everFlapped: false,
      checkResults: 41,
    });
  });

  it('counts every page pair as changes when only page events are used', () => {
    // 3 pages: 6 results, 5 changes weighing 1.10…1.18 = 5.70 → 28.5 %
    const three = summarizeAlertFlapping(pagesEvery(60, 3), {
      checkIntervalMs: 0,
    });
    expect(three.percentStateChange).toBeCloseTo(28.5, 10);
    expect(three).toMatchObject({ flapping: false, checkResults: 6 });
    // 4 pages: 8 results, 7 changes weighing 1.06…1.18 = 7.84 → 39.2 %
    const four = summarizeAlertFlapping(pagesEvery(60, 4), {
      checkIntervalMs: 0,
    });
    expect(four.percentStateChange).toBeCloseTo(39.2, 10);
    expect(four).toMatchObject({ flapping: true, checkResults: 8 });
  });

  it('reports no flapping for an alert without pages', () => {
    expect(summarizeAlertFlapping([])).toEqual({
      percentStateChange: 0,
      flapping: false,
      peakPercentStateChange: 0,
      everFlapped: false,
      checkResults: 0,
    });
  });

  it('rejects a negative check interval', () => {
    expect(() => summarizeAlertFlapping([], { checkIntervalMs: -1 })).toThrow(
      RangeError,
    );
  });
});
