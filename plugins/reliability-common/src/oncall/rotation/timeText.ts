/**
 * The time notations of rotation files: local date-times (`2026-01-05T09:00`), times of day
 * (`09:00`, `24:00`), weekdays (`mon`) and durations (`1w`, `12h`, `1h30m`).
 */
import { parsePrometheusDuration } from '../../windows/duration';
import { DAY_MS, MINUTE_MS } from './wallClock';

/**
 * A date-time as written: a wall-clock time of the rotation's zone, or an instant when the text
 * carries an offset (`Z`, `+01:00`).
 *
 * @internal
 */
export type WrittenDateTime =
  | { type: 'wallClock'; wallClockMs: number }
  | { type: 'instant'; instantMs: number };

/** @internal */
export const DATE_TIME_RULE =
  "expected a date and time such as 2026-01-05T09:00 (wall-clock time in the rotation's timeZone), 2026-01-05 (midnight) or 2026-01-05T09:00+01:00";

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Years outside this range are typos (`20026`) rather than rotations. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2999;

/**
 * Reads a date-time; `undefined` when it is malformed or names a day or time that does not exist
 * (2026-02-30, 25:00).
 *
 * @internal
 */
export function parseDateTime(text: string): WrittenDateTime | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [1, 2, 3].map(index => Number(match[index]));
  const [hour, minute, second] = [4, 5, 6].map(index =>
    match[index] === undefined ? 0 : Number(match[index]),
  );
  if (
    year < FIRST_YEAR ||
    year > LAST_YEAR ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  const wallClockMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClockMs);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  const offset = match[7];
  if (offset === undefined) {
    return { type: 'wallClock', wallClockMs };
  }
  if (offset === 'Z') {
    return { type: 'instant', instantMs: wallClockMs };
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetHours = Number(offset.slice(1, 3));
  const offsetMinutes = Number(offset.slice(4, 6));
  if (offsetHours > 18 || offsetMinutes > 59) {
    return undefined;
  }
  return {
    type: 'instant',
    instantMs:
      wallClockMs - sign * (offsetHours * 60 + offsetMinutes) * MINUTE_MS,
  };
}

/** @internal */
export const TIME_OF_DAY_RULE =
  'expected a time of day as HH:MM on a 24-hour clock, such as "09:00" or "17:30" ("24:00" for the end of the day)';

const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

/**
 * Minutes since midnight of `HH:MM`; `24:00` (1440) only when `allowEndOfDay`.
 *
 * @internal
 */
export function parseTimeOfDay(
  text: string,
  allowEndOfDay: boolean,
): number | undefined {
  const match = TIME_OF_DAY.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour === 24 && minute === 0 && allowEndOfDay) {
    return 24 * 60;
  }
  return hour <= 23 && minute <= 59 ? hour * 60 + minute : undefined;
}

/**
 * The weekdays a restriction may name, with their ISO numbers (Monday 1 … Sunday 7).
 *
 * @internal
 */
export const WEEKDAYS: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

/** @internal */
export const DURATION_RULE =
  'expected a duration such as 1w, 2d, 12h, 30m or 1h30m (whole numbers of w, d, h and m, in that order)';

/** Prometheus' syntax without years, seconds and milliseconds: rotations turn on minutes. */
const DURATION = /^(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?$/;

/**
 * Minutes of a duration such as `1w` or `1h30m`; `undefined` when malformed or zero.
 *
 * @internal
 */
export function parseDurationMinutes(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) {
    return undefined;
  }
  const ms = parsePrometheusDuration(trimmed);
  if (ms === undefined || ms > 1000 * DAY_MS) {
    return undefined;
  }
  return ms / MINUTE_MS;
}
