import type { SpecProblem } from '../../../problems';
import type { SloTimeWindow } from '../../model';
import type { YamlObject } from '../../yaml/YamlObject';
import { checkCalendar } from '../calendarWindow';
import {
  DurationShorthandUnit,
  durationShorthandMs,
  parseDurationShorthand,
} from '../durationShorthand';
import type { OpenSloV1TimeWindow } from './schema';

const CALENDAR_UNITS: Partial<
  Record<
    DurationShorthandUnit,
    Extract<SloTimeWindow, { type: 'calendar' }>['unit']
  >
> = {
  d: 'Day',
  w: 'Week',
  M: 'Month',
  Q: 'Quarter',
  Y: 'Year',
};

/**
 * Turns an OpenSLO v1 `spec.timeWindow` (a list of exactly one window) into the model's window;
 * `undefined` when none is given (the caller's default period applies, as for Sloth files) or
 * when an error was reported.
 *
 * @internal
 */
export function toTimeWindow(
  windows: readonly OpenSloV1TimeWindow[] | undefined,
  object: YamlObject,
  problems: SpecProblem[],
): SloTimeWindow | undefined {
  if (windows === undefined) {
    return undefined;
  }
  const path = ['spec', 'timeWindow'];
  if (windows.length !== 1) {
    problems.push(
      object.problem(
        windows.length === 0 ? path : [...path, 1],
        `an SLO has exactly one time window, got ${windows.length}`,
      ),
    );
    return undefined;
  }
  const window = windows[0];
  const at = [...path, 0];
  // The schema has checked the syntax already.
  const duration = parseDurationShorthand(window.duration)!;

  if (window.isRolling && window.calendar) {
    problems.push(
      object.problem(
        [...at, 'calendar'],
        'a rolling window has no calendar: remove "calendar", or set isRolling: false for a calendar-aligned window',
      ),
    );
    return undefined;
  }
  if (window.isRolling) {
    return { type: 'rolling', durationMs: durationShorthandMs(duration) };
  }
  const calendar = window.calendar;
  if (!calendar) {
    problems.push(
      object.problem(
        at,
        'set isRolling: true for a rolling window, or add "calendar" (startTime and timeZone) for a calendar-aligned one',
      ),
    );
    return undefined;
  }

  let unit = CALENDAR_UNITS[duration.unit];
  if (duration.unit === 'm') {
    // A calendar cannot be aligned to minutes, and the spec's own example writes `1m` meaning one
    // month (its comment says so): read it as months, and say so.
    unit = 'Month';
    problems.push(
      object.problem(
        [...at, 'duration'],
        `"${window.duration}" is read as ${duration.count} month(s): "m" means minutes in OpenSLO, which a calendar-aligned window cannot be; write ${duration.count}M`,
        'warning',
      ),
    );
  } else if (!unit) {
    problems.push(
      object.problem(
        [...at, 'duration'],
        `a calendar-aligned window is a whole number of days (d), weeks (w), months (M), quarters (Q) or years (Y), not hours ("${window.duration}")`,
      ),
    );
  }
  const aligned = checkCalendar(
    calendar,
    { object, path: [...at, 'calendar'] },
    problems,
  );
  if (!unit || !aligned) {
    return undefined;
  }
  return { type: 'calendar', count: duration.count, unit, ...aligned };
}
