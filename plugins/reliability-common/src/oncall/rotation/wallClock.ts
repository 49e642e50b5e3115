/**
 * Wall-clock times of a rotation's zone and the instants they name. A wall-clock time is counted
 * in milliseconds since 1970-01-01T00:00 of that clock, as if the zone were UTC, so that "the
 * same time seven days later" is plain addition whatever daylight saving time does in between.
 */
import { IANAZone } from 'luxon';

/** @internal */
export const MINUTE_MS = 60 * 1000;
/** @internal */
export const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * The wall-clock time an instant shows in the zone.
 *
 * @internal
 */
export function wallClockOf(zone: IANAZone, instantMs: number): number {
  return instantMs + zone.offset(instantMs) * MINUTE_MS;
}

/**
 * The instant a wall-clock time names in the zone. Twice a year the answer is not unique:
 * - a time the clocks skip (02:30 on the spring change in Europe) names the instant the clocks
 *   jumped, as if the handoff waited for the clocks to reach it;
 * - a time the clocks show twice (02:30 on the autumn change) names its first occurrence.
 * Both choices keep the mapping non-decreasing, so handoffs computed from it never run backwards.
 *
 * @internal
 */
export function instantOf(zone: IANAZone, wallClockMs: number): number {
  // Offsets around the time: a zone changes offset at most once in two days.
  const before = zone.offset(wallClockMs - DAY_MS);
  const after = zone.offset(wallClockMs + DAY_MS);
  if (before === after) {
    // No change nearby, as for nearly every time: one offset, one instant.
    return wallClockMs - before * MINUTE_MS;
  }
  const offsets = new Set([before, zone.offset(wallClockMs), after]);
  let earliest: number | undefined;
  for (const offset of offsets) {
    const candidate = wallClockMs - offset * MINUTE_MS;
    if (
      wallClockOf(zone, candidate) === wallClockMs &&
      (earliest === undefined || candidate < earliest)
    ) {
      earliest = candidate;
    }
  }
  if (earliest !== undefined) {
    return earliest;
  }
  return gapEnd(zone, wallClockMs);
}

/** The instant the clocks jumped over the skipped wall-clock time. */
function gapEnd(zone: IANAZone, wallClockMs: number): number {
  const before = zone.offset(wallClockMs - DAY_MS);
  const after = zone.offset(wallClockMs + DAY_MS);
  if (after <= before) {
    // Not a gap after all (a zone with two changes in two days): fall back to the later offset.
    return wallClockMs - after * MINUTE_MS;
  }
  // The jump lies between the two readings; offsets change on whole milliseconds, so halving
  // the interval ends in about 23 steps.
  let low = wallClockMs - after * MINUTE_MS;
  let high = wallClockMs - before * MINUTE_MS;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (zone.offset(middle) === before) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return high;
}

/**
 * The day number (days since 1970-01-01) and the ISO weekday (1 Monday … 7 Sunday) of a
 * wall-clock time.
 *
 * @internal
 */
export function dayOf(wallClockMs: number): { day: number; weekday: number } {
  const day = Math.floor(wallClockMs / DAY_MS);
  // 1970-01-01 was a Thursday (weekday 4).
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return { day, weekday };
}
