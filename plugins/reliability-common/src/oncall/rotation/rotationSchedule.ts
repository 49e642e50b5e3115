import type { OnCallShift } from '../../alertQuality/model';
import {
  compute,
  formatInstant,
  Instant,
  instantMs,
  mergeByPerson,
} from './computation';
import { finalSegments } from './finalSegments';
import {
  Rotation,
  ROTATION_MAX_PERIOD_DAYS,
  RotationResult,
  RotationSchedule,
} from './model';
import { DAY_MS } from './wallClock';

/**
 * A period `[from, to)`: Dates, epoch milliseconds or ISO 8601 strings with an offset.
 *
 * @public
 */
export interface RotationPeriod {
  from: Date | string | number;
  to: Date | string | number;
}

/**
 * The final schedule of a period: who is on call when (consecutive stretches of the same person
 * merged, overrides applied) and where nobody is. Periods longer than
 * {@link ROTATION_MAX_PERIOD_DAYS} days, or holding more than {@link ROTATION_MAX_SEGMENTS}
 * segments, are refused with an error.
 *
 * @public
 */
export function computeRotationSchedule(
  rotation: Rotation,
  period: RotationPeriod,
): RotationResult<RotationSchedule> {
  const bounds = periodBounds(period);
  if ('error' in bounds) {
    return { ok: false, error: bounds.error };
  }
  const { fromMs, toMs } = bounds;
  return compute(
    rotation.timeZone,
    'the period is too dense to compute at once; ask for a shorter one',
    (zone, budget) => {
      const { segments, gaps } = finalSegments(
        rotation,
        zone,
        fromMs,
        toMs,
        budget,
      );
      return {
        shifts: mergeByPerson(segments).map(stretch => ({
          user: stretch.user,
          start: formatInstant(stretch.startMs, zone),
          end: formatInstant(stretch.endMs, zone),
          startMs: stretch.startMs,
          endMs: stretch.endMs,
          sources: stretch.sources,
        })),
        gaps: gaps.map(([startMs, endMs]) => ({
          start: formatInstant(startMs, zone),
          end: formatInstant(endMs, zone),
          startMs,
          endMs,
        })),
      };
    },
  );
}

/**
 * The final schedule of a period as alert-quality shifts, each in the rotation's time zone.
 *
 * @public
 */
export function computeRotationOnCallShifts(
  rotation: Rotation,
  period: RotationPeriod,
): RotationResult<OnCallShift[]> {
  const schedule = computeRotationSchedule(rotation, period);
  if (!schedule.ok) {
    return schedule;
  }
  return {
    ok: true,
    value: schedule.value.shifts.map(shift => ({
      user: shift.user,
      start: shift.start,
      end: shift.end,
      timeZone: rotation.timeZone,
    })),
  };
}

function periodBounds(
  period: RotationPeriod,
): { fromMs: number; toMs: number } | { error: string } {
  const from = instantMs(period?.from as Instant, 'the period start (from)');
  if ('error' in from) {
    return from;
  }
  const to = instantMs(period?.to as Instant, 'the period end (to)');
  if ('error' in to) {
    return to;
  }
  if (to.ms < from.ms) {
    return {
      error: 'the period ends before it starts: pass from before to',
    };
  }
  const days = (to.ms - from.ms) / DAY_MS;
  if (days > ROTATION_MAX_PERIOD_DAYS) {
    return {
      error: `the period is ${Math.ceil(
        days,
      )} days long, more than the ${ROTATION_MAX_PERIOD_DAYS} days computed at once: ask for shorter periods`,
    };
  }
  return { fromMs: from.ms, toMs: to.ms };
}
