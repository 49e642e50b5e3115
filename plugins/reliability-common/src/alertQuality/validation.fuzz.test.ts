import fc from 'fast-check';
import { expectFast } from '../__fuzz__/expectations';
import { fuzzParameters, timed } from '../__fuzz__/fuzzSettings';
import { analyzeAlertQuality } from './AlertQualityReport';
import type { AlertPage, OnCallShift } from './model';
import { validateAlertQualityInput } from './validation';

/** Timestamps as incident tools write them, and as they should not. */
const timestamp: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .date({
        min: new Date('2025-01-01T00:00:00Z'),
        max: new Date('2025-03-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map(date => date.toISOString()),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.date({ noInvalidDate: true }),
        fc.constantFrom('+02:00', '-0930', '+14', 'z', ''),
      )
      .map(([date, offset]) => date.toISOString().replace('Z', offset)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '2025-02-30T10:00:00Z',
      '2025-01-01T25:00:00Z',
      '2025-01-01',
      '2025-01-01T10:00:00',
      'yesterday',
      'T+00:00',
      `2025-01-01T10:00:00${'0'.repeat(5000)}Z`,
      1735725600000,
      Number.NaN,
      null,
      {},
      [],
      true,
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', 'user:default/jane') },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('', ' ', '__proto__', 'constructor', 0, null, [], {}),
    ),
  },
);

const zone = fc.oneof(
  fc.constantFrom('Europe/Berlin', 'UTC', 'America/St_Johns', 'Asia/Kathmandu'),
  fc.constantFrom('Mars/Olympus', '', '+02:00', 'utc', 42, null, {}),
);

/** A page, with every field sometimes missing, sometimes of the wrong type. */
const page: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record(
      {
        id: fc.oneof(fc.constantFrom('p1', 'p2', 'p3', 'p4'), text),
        alertName: text,
        fingerprint: text,
        service: text,
        urgency: fc.oneof(
          fc.constantFrom('high', 'low'),
          fc.constantFrom('HIGH', '', null, 1),
        ),
        triggeredAt: timestamp,
        acknowledgedAt: timestamp,
        resolvedAt: timestamp,
        responder: text,
        responderTimeZone: zone,
        actionable: fc.oneof(fc.boolean(), fc.constantFrom('yes', 0, null)),
      },
      {
        requiredKeys: ['id', 'service', 'urgency', 'triggeredAt', 'responder'],
      },
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

const shift: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record(
      { user: text, start: timestamp, end: timestamp, timeZone: zone },
      { requiredKeys: ['user', 'start', 'end'] },
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

const input = fc.record({
  pages: fc.array(page, { maxLength: 40 }),
  shifts: fc.array(shift, { maxLength: 10 }),
});

/** Every number anywhere in a value, with where it is. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') {
    return [[path, value]];
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  return Object.entries(value).flatMap(([key, item]) =>
    numbersIn(item, `${path}.${key}`),
  );
}

describe('validateAlertQualityInput, fuzzed', () => {
  it('never throws, accounts for every record, and keeps what it accepts consistent', () => {
    fc.assert(
      fc.property(input, ({ pages, shifts }) => {
        const { result, ms } = timed(() =>
          validateAlertQualityInput(
            pages as AlertPage[],
            shifts as OnCallShift[],
          ),
        );
        expectFast(ms);
        const rejected = (subject: 'page' | 'shift') =>
          result.problems.filter(
            problem =>
              problem.subject === subject &&
              problem.effect === 'record-rejected',
          ).length;
        expect(result.pages.length + rejected('page')).toBe(pages.length);
        expect(result.shifts.length + rejected('shift')).toBe(shifts.length);
        for (const problem of result.problems) {
          expect(problem.message.trim()).not.toBe('');
          expect(problem.message).not.toContain('[object Object]');
          expect(problem.field).toEqual(expect.any(String));
          const given = problem.subject === 'page' ? pages : shifts;
          expect(problem.index).toBeGreaterThanOrEqual(0);
          expect(problem.index).toBeLessThan(given.length);
        }
        const ids = result.pages.map(valid => valid.page.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const valid of result.pages) {
          expect(Number.isFinite(valid.triggeredAtMs)).toBe(true);
          const { triggeredAtMs, acknowledgedAtMs, resolvedAtMs } = valid;
          // Absent times count as "in order": only times that are there must follow each other.
          expect(acknowledgedAtMs ?? triggeredAtMs).toBeGreaterThanOrEqual(
            triggeredAtMs,
          );
          expect(resolvedAtMs ?? Infinity).toBeGreaterThanOrEqual(
            acknowledgedAtMs ?? triggeredAtMs,
          );
        }
        for (const valid of result.shifts) {
          expect(Number.isFinite(valid.startMs)).toBe(true);
          expect(valid.endMs).toBeGreaterThan(valid.startMs);
        }
      }),
      fuzzParameters('alert quality validation'),
    );
  }, 60_000);
});

describe('analyzeAlertQuality, fuzzed', () => {
  it('never throws on random pages and shifts, and reports only finite figures', () => {
    fc.assert(
      fc.property(input, ({ pages, shifts }) => {
        const { result, ms } = timed(() =>
          analyzeAlertQuality({
            pages: pages as AlertPage[],
            shifts: shifts as OnCallShift[],
          }),
        );
        expectFast(ms);
        expect(result.pagesGiven).toBe(pages.length);
        expect(result.shiftsGiven).toBe(shifts.length);
        expect(result.pagesUsed).toBeLessThanOrEqual(pages.length);
        expect(result.shiftsUsed).toBeLessThanOrEqual(shifts.length);
        const { problems, ...figures } = result;
        const notFinite = numbersIn(figures).filter(
          ([, value]) => !Number.isFinite(value),
        );
        expect(notFinite).toEqual([]);
      }),
      fuzzParameters('alert quality analysis'),
    );
  }, 60_000);
});
