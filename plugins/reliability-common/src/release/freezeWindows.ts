import { DateTime } from 'luxon';
import type { ReleaseFreezeWindow } from './releasePolicy';

/**
 * A freeze window placed on the time line.
 *
 * @public
 */
export interface ActiveReleaseFreeze {
  freeze: ReleaseFreezeWindow;
  /** Epoch milliseconds, inclusive. */
  startMs: number;
  /** Epoch milliseconds, exclusive. */
  endMs: number;
}

function localTime(text: string, year: number | undefined, zone: string) {
  const full = year === undefined ? text : `${year}-${text}`;
  return DateTime.fromISO(full, { zone });
}

/**
 * The occurrences of a freeze around `nowMs`: the window itself, or for `every: year` the ones
 * starting last year and this year (a year-end freeze from 12-20 to 01-03 wraps into January).
 * Local times are read in the freeze's time zone, so that a freeze follows daylight saving time.
 *
 * @public
 */
export function freezeOccurrences(
  freeze: ReleaseFreezeWindow,
  nowMs: number,
): Array<{ startMs: number; endMs: number }> {
  if (freeze.every !== 'year') {
    const start = localTime(freeze.start, undefined, freeze.timeZone);
    const end = localTime(freeze.end, undefined, freeze.timeZone);
    return start.isValid && end.isValid
      ? [{ startMs: start.toMillis(), endMs: end.toMillis() }]
      : [];
  }
  const year = DateTime.fromMillis(nowMs, { zone: freeze.timeZone }).year;
  const wraps = freeze.end <= freeze.start;
  const occurrences: Array<{ startMs: number; endMs: number }> = [];
  for (const y of [year - 1, year, year + 1]) {
    const start = localTime(freeze.start, y, freeze.timeZone);
    const end = localTime(freeze.end, wraps ? y + 1 : y, freeze.timeZone);
    if (start.isValid && end.isValid) {
      occurrences.push({ startMs: start.toMillis(), endMs: end.toMillis() });
    }
  }
  return occurrences;
}

/**
 * The freeze in force at `nowMs`, if any; of several, the one that ends last, since releases
 * resume only when every freeze is over.
 *
 * @public
 */
export function findActiveFreeze(
  freezes: readonly ReleaseFreezeWindow[],
  nowMs: number,
): ActiveReleaseFreeze | undefined {
  let active: ActiveReleaseFreeze | undefined;
  for (const freeze of freezes) {
    for (const occurrence of freezeOccurrences(freeze, nowMs)) {
      if (occurrence.startMs <= nowMs && nowMs < occurrence.endMs) {
        if (!active || occurrence.endMs > active.endMs) {
          active = { freeze, ...occurrence };
        }
      }
    }
  }
  return active;
}
