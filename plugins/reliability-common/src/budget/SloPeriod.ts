import { DateTime, DurationLikeObject } from 'luxon';
import { SloTimeWindow } from '../spec/model';

/**
 * The SLO period in force at a moment: the window whose error budget is being spent.
 *
 * @public
 */
export interface SloPeriod {
  type: SloTimeWindow['type'];
  /** Start of the period, epoch milliseconds. Rolling: `nowMs − periodMs`. */
  startMs: number;
  /** End of the period, epoch milliseconds. Rolling: `nowMs`; calendar: when the budget resets. */
  endMs: number;
  /** The moment the period was resolved for. */
  nowMs: number;
  /**
   * Length of the period, milliseconds. Calendar periods have their real length in their time
   * zone: February is shorter than March, and a day with a DST change lasts 23 or 25 hours.
   */
  periodMs: number;
  /** Time elapsed in the period, `nowMs − startMs`. Equal to `periodMs` for rolling windows. */
  elapsedMs: number;
  /** `elapsedMs ÷ periodMs`, in [0, 1]: 0 at the instant a calendar period starts. */
  elapsedFraction: number;
}

type CalendarWindow = Extract<SloTimeWindow, { type: 'calendar' }>;

const LUXON_UNITS: Record<CalendarWindow['unit'], keyof DurationLikeObject> = {
  Day: 'days',
  Week: 'weeks',
  Month: 'months',
  Quarter: 'quarters',
  Year: 'years',
};

function parseCalendarStart(startTime: string, timeZone: string): DateTime {
  // OpenSLO writes `2022-01-01 00:00:00`; ISO with a `T` or an offset is accepted as well. Without
  // an offset the wall time is read in the window's time zone.
  let start = DateTime.fromISO(startTime, { zone: timeZone });
  if (!start.isValid) {
    start = DateTime.fromSQL(startTime, { zone: timeZone });
  }
  if (!start.isValid) {
    throw new RangeError(
      `Invalid calendar window start "${startTime}" in time zone "${timeZone}": ${start.invalidExplanation}`,
    );
  }
  return start.setZone(timeZone);
}

/** Where a calendar window's period index lies, roughly, from cheap calendar-field arithmetic. */
function estimatePeriodIndex(
  window: CalendarWindow,
  anchor: DateTime,
  now: DateTime,
): number {
  const months = (now.year - anchor.year) * 12 + (now.month - anchor.month);
  const days = (now.toMillis() - anchor.toMillis()) / (24 * 60 * 60 * 1000);
  const units = {
    Day: days,
    Week: days / 7,
    Month: months,
    Quarter: months / 3,
    Year: now.year - anchor.year,
  }[window.unit];
  return Math.floor(units / window.count);
}

function computeCalendarPeriod(
  window: CalendarWindow,
  nowMs: number,
): { startMs: number; endMs: number } {
  const unit = LUXON_UNITS[window.unit];
  const anchor = parseCalendarStart(window.startTime, window.timeZone);
  const now = DateTime.fromMillis(nowMs, { zone: window.timeZone });
  // Periods step from the anchor (anchor + k × count units), never from the previous period,
  // so a window anchored on the 31st returns to the 31st after February.
  const periodStart = (index: number) =>
    anchor.plus({ [unit]: index * window.count }).toMillis();

  // The estimate is off by at most one period near edges (day of month, DST); the loops fix it.
  let index = estimatePeriodIndex(window, anchor, now);
  let startMs = periodStart(index);
  while (startMs > nowMs) {
    index -= 1;
    startMs = periodStart(index);
  }
  let endMs = periodStart(index + 1);
  while (endMs <= nowMs) {
    index += 1;
    startMs = endMs;
    endMs = periodStart(index + 1);
  }
  return { startMs, endMs };
}

// Time-zone arithmetic costs about 0.1 ms per period in luxon, more than the rest of an SLO's
// evaluation, and many SLOs share a calendar window; so the last period of each window is kept.
// Results are the same with or without this cache.
const MAX_CACHED_WINDOWS = 256;
const calendarPeriodCache = new Map<
  string,
  { startMs: number; endMs: number }
>();

function calendarPeriodAt(
  window: CalendarWindow,
  nowMs: number,
): { startMs: number; endMs: number } {
  const key = `${window.count}|${window.unit}|${window.startTime}|${window.timeZone}`;
  const cached = calendarPeriodCache.get(key);
  if (cached && cached.startMs <= nowMs && nowMs < cached.endMs) {
    return cached;
  }
  const period = computeCalendarPeriod(window, nowMs);
  if (calendarPeriodCache.size >= MAX_CACHED_WINDOWS) {
    calendarPeriodCache.clear();
  }
  calendarPeriodCache.set(key, period);
  return period;
}

/**
 * Resolves an SLO time window to the period in force at `nowMs`.
 *
 * Rolling windows end at `nowMs`. Calendar windows are aligned on `startTime` in `timeZone` and
 * step by `count` × `unit` in calendar arithmetic (luxon): months keep their day of month (clamped
 * to the month's last day), days keep their wall-clock time across DST changes. Throws `RangeError`
 * for an invalid start time or time zone.
 *
 * @public
 */
export function resolveSloPeriod(
  window: SloTimeWindow,
  nowMs: number,
): SloPeriod {
  if (window.type === 'rolling') {
    return {
      type: 'rolling',
      startMs: nowMs - window.durationMs,
      endMs: nowMs,
      nowMs,
      periodMs: window.durationMs,
      elapsedMs: window.durationMs,
      elapsedFraction: 1,
    };
  }

  const { startMs, endMs } = calendarPeriodAt(window, nowMs);
  const periodMs = endMs - startMs;
  const elapsedMs = nowMs - startMs;
  return {
    type: 'calendar',
    startMs,
    endMs,
    nowMs,
    periodMs,
    elapsedMs,
    elapsedFraction: elapsedMs / periodMs,
  };
}
