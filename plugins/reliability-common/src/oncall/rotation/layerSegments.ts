import type { IANAZone } from 'luxon';
import type { RotationLayer, RotationRestriction } from './model';
import { dayOf, DAY_MS, instantOf, MINUTE_MS, wallClockOf } from './wallClock';

/**
 * One person on call from one layer, `[startMs, endMs)`.
 *
 * @internal
 */
export interface LayerSegment {
  startMs: number;
  endMs: number;
  user: string;
}

/** @internal */
export class SegmentLimitReached extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} schedule segments`);
  }
}

/**
 * Counts segments against a limit so that no computation runs away; `add` throws
 * {@link SegmentLimitReached} past it, which the public functions turn into an error result.
 *
 * @internal
 */
export class SegmentBudget {
  private used = 0;
  constructor(readonly limit: number) {}
  add(count = 1) {
    this.used += count;
    if (this.used > this.limit) {
      throw new SegmentLimitReached(this.limit);
    }
  }

  /** Fails at once when `count` more segments would not fit, before any is computed. */
  expect(count: number) {
    if (this.used + count > this.limit) {
      throw new SegmentLimitReached(this.limit);
    }
  }
}

/**
 * The handoffs of a layer: shift `k` starts at the wall-clock time `start + k × shiftLength`,
 * whatever the offset does in between (README "Rotation files", DST).
 *
 * @internal
 */
export class LayerClock {
  private readonly epochWallClockMs: number;
  private readonly shiftMs: number;

  constructor(
    private readonly zone: IANAZone,
    private readonly layer: RotationLayer,
  ) {
    this.epochWallClockMs = wallClockOf(zone, layer.startMs);
    this.shiftMs = layer.shiftLengthMinutes * MINUTE_MS;
  }

  /** When shift `k` starts. Equal handoffs make an empty shift (one inside a skipped hour). */
  handoff(k: number): number {
    return instantOf(this.zone, this.epochWallClockMs + k * this.shiftMs);
  }

  /** The shift at `instantMs`, which is at or after the layer's start. */
  shiftAt(instantMs: number): number {
    const elapsed = wallClockOf(this.zone, instantMs) - this.epochWallClockMs;
    let k = Math.max(0, Math.floor(elapsed / this.shiftMs));
    // Near an offset change the wall clock misleads by up to the change: step to the right shift.
    while (k > 0 && this.handoff(k) > instantMs) {
      k--;
    }
    while (this.handoff(k + 1) <= instantMs) {
      k++;
    }
    return k;
  }

  member(k: number): string {
    return this.layer.members[k % this.layer.members.length];
  }
}

/**
 * Who the layer puts on call in `[fromMs, toMs)`, in time order, clipped to the period, the
 * layer's start and end, and its restrictions.
 *
 * @internal
 */
export function layerSegments(
  zone: IANAZone,
  layer: RotationLayer,
  fromMs: number,
  toMs: number,
  budget: SegmentBudget,
): LayerSegment[] {
  const from = Math.max(fromMs, layer.startMs);
  const to = Math.min(toMs, layer.endMs ?? Infinity);
  if (from >= to) {
    return [];
  }
  // Wall-clock shifts differ from elapsed time by an hour at most per change: the estimate is
  // close enough to refuse a period that is far too dense without computing any of it.
  const shiftMs = layer.shiftLengthMinutes * MINUTE_MS;
  budget.expect(Math.floor((to - from) / shiftMs) - 2);
  const clock = new LayerClock(zone, layer);
  const shifts: LayerSegment[] = [];
  let k = clock.shiftAt(from);
  let start = clock.handoff(k);
  while (start < to) {
    const end = clock.handoff(k + 1);
    const clippedStart = Math.max(start, from);
    const clippedEnd = Math.min(end, to);
    if (clippedStart < clippedEnd) {
      budget.add();
      shifts.push({
        startMs: clippedStart,
        endMs: clippedEnd,
        user: clock.member(k),
      });
    }
    k++;
    start = end;
  }
  if (layer.restrictions.length === 0) {
    return shifts;
  }
  return intersect(
    shifts,
    restrictionWindows(zone, layer.restrictions, from, to, budget),
    budget,
  );
}

/** The restriction windows overlapping `[fromMs, toMs)`, merged, clipped, in time order. */
function restrictionWindows(
  zone: IANAZone,
  restrictions: readonly RotationRestriction[],
  fromMs: number,
  toMs: number,
  budget: SegmentBudget,
): Array<[number, number]> {
  // A window may start the day before and run past midnight.
  const firstDay = dayOf(wallClockOf(zone, fromMs)).day - 1;
  const lastDay = dayOf(wallClockOf(zone, toMs)).day;
  const windows: Array<[number, number]> = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const { weekday } = dayOf(day * DAY_MS);
    for (const restriction of restrictions) {
      if (!restriction.days.includes(weekday)) {
        continue;
      }
      const closes =
        restriction.toMinutes > restriction.fromMinutes
          ? restriction.toMinutes
          : restriction.toMinutes + 24 * 60;
      const start = instantOf(
        zone,
        day * DAY_MS + restriction.fromMinutes * MINUTE_MS,
      );
      const end = instantOf(zone, day * DAY_MS + closes * MINUTE_MS);
      const clippedStart = Math.max(start, fromMs);
      const clippedEnd = Math.min(end, toMs);
      if (clippedStart < clippedEnd) {
        budget.add();
        windows.push([clippedStart, clippedEnd]);
      }
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window[0] <= last[1]) {
      last[1] = Math.max(last[1], window[1]);
    } else {
      merged.push([...window]);
    }
  }
  return merged;
}

/** The parts of the shifts inside the windows; both lists are sorted and non-overlapping. */
function intersect(
  shifts: readonly LayerSegment[],
  windows: ReadonlyArray<[number, number]>,
  budget: SegmentBudget,
): LayerSegment[] {
  const result: LayerSegment[] = [];
  let w = 0;
  for (const shift of shifts) {
    while (w < windows.length && windows[w][1] <= shift.startMs) {
      w++;
    }
    for (let i = w; i < windows.length && windows[i][0] < shift.endMs; i++) {
      const startMs = Math.max(shift.startMs, windows[i][0]);
      const endMs = Math.min(shift.endMs, windows[i][1]);
      if (startMs < endMs) {
        budget.add();
        result.push({ startMs, endMs, user: shift.user });
      }
    }
  }
  return result;
}
