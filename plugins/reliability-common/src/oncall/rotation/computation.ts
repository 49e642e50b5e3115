/**
 * What every public computation shares: checking its inputs, bounding its work and formatting
 * instants, so that none of them throws.
 */
import { DateTime, IANAZone } from 'luxon';
import type { RotationResult, RotationShiftSource } from './model';
import { ROTATION_MAX_SEGMENTS } from './model';
import { SegmentBudget, SegmentLimitReached } from './layerSegments';
import type { ScheduleSegment } from './finalSegments';
import { sameSource } from './finalSegments';

/** @internal */
export type Instant = Date | string | number;

/**
 * Epoch milliseconds of a Date, epoch number or ISO 8601 string with an offset, or why not.
 *
 * @internal
 */
export function instantMs(
  value: Instant,
  what: string,
): { ms: number } | { error: string } {
  let ms = NaN;
  if (value instanceof Date) {
    ms = value.getTime();
  } else if (typeof value === 'number') {
    ms = value;
  } else if (typeof value === 'string') {
    const parsed = DateTime.fromISO(value, { setZone: true });
    // Without an offset a string means different instants on different machines.
    ms =
      /(Z|[+-]\d{2}(:?\d{2})?)$/.test(value.trim()) && parsed.isValid
        ? parsed.toMillis()
        : NaN;
  }
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) {
    return {
      error: `${what} is not a valid instant: pass a Date, epoch milliseconds or an ISO 8601 string with an offset such as 2026-01-05T09:00:00+01:00`,
    };
  }
  return { ms };
}

/**
 * Runs a computation with a segment budget; a zone the rotation names but this runtime does not
 * know, and a budget overrun, become error results.
 *
 * @internal
 */
export function compute<T>(
  timeZone: string,
  limitMessage: string,
  run: (zone: IANAZone, budget: SegmentBudget) => T,
): RotationResult<T> {
  if (!IANAZone.isValidZone(timeZone)) {
    return {
      ok: false,
      error: `the rotation's time zone "${timeZone}" is unknown: write an IANA zone name such as Europe/Berlin`,
    };
  }
  try {
    return {
      ok: true,
      value: run(
        IANAZone.create(timeZone),
        new SegmentBudget(ROTATION_MAX_SEGMENTS),
      ),
    };
  } catch (error) {
    if (error instanceof SegmentLimitReached) {
      return {
        ok: false,
        error: `${limitMessage}: the schedule has more than ${error.limit} segments there`,
      };
    }
    return {
      ok: false,
      error: `the rotation could not be computed: ${
        error instanceof Error ? error.message : String(error)
      }`,
    };
  }
}

/**
 * ISO 8601 with the offset of the zone at that instant: `2026-03-30T09:00:00+02:00`.
 *
 * @internal
 */
export function formatInstant(ms: number, zone: IANAZone): string {
  return (
    DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ??
    new Date(ms).toISOString()
  );
}

/**
 * Schedule segments joined by person: consecutive segments of the same user merge into one
 * stretch, whatever produced them.
 *
 * @internal
 */
export interface PersonStretch {
  user: string;
  startMs: number;
  endMs: number;
  sources: RotationShiftSource[];
  /** The segments the stretch is made of, in time order. */
  segments: ScheduleSegment[];
}

/** @internal */
export function mergeByPerson(
  segments: readonly ScheduleSegment[],
): PersonStretch[] {
  const stretches: PersonStretch[] = [];
  for (const segment of segments) {
    const last = stretches[stretches.length - 1];
    if (last && last.user === segment.user && last.endMs === segment.startMs) {
      last.endMs = segment.endMs;
      last.segments.push(segment);
      if (!last.sources.some(source => sameSource(source, segment.source))) {
        last.sources.push(segment.source);
      }
    } else {
      stretches.push({
        user: segment.user,
        startMs: segment.startMs,
        endMs: segment.endMs,
        sources: [segment.source],
        segments: [segment],
      });
    }
  }
  return stretches;
}
