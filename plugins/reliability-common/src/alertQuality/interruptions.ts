import { compareStrings } from './compare';
import { DateTime } from 'luxon';
import {
  AlertUrgency,
  ValidatedAlertPage,
  ValidatedOnCallShift,
} from './model';
import { isKnownTimeZone } from './timestamps';

/**
 * When, in the responder's own day, a page interrupted them.
 *
 * - `business-hours`: working days within working hours (Mon–Fri 08:00–18:00 by default).
 * - `sleep-hours`: within sleep hours (22:00–08:00 by default) on any day.
 * - `off-hours`: the rest: evenings, and weekend days outside sleep hours.
 *
 * @public
 */
export type InterruptionPeriod = 'business-hours' | 'off-hours' | 'sleep-hours';

/**
 * The responder's day. Hours are local wall-clock hours from 0 to 24 and may be fractional
 * (`8.5` is 08:30). A range whose start is after its end wraps past midnight.
 *
 * @public
 */
export interface ResponderHours {
  /** Working hours, [start, end). Default 8 to 18. */
  businessStartHour: number;
  businessEndHour: number;
  /** Working days as ISO weekday numbers, 1 = Monday … 7 = Sunday. Default Monday to Friday. */
  businessDays: readonly number[];
  /** Sleep hours, [start, end), any day. Default 22 to 8. Sleep wins where it overlaps work. */
  sleepStartHour: number;
  sleepEndHour: number;
}

/**
 * Mon–Fri 08:00–18:00 at work, 22:00–08:00 asleep.
 *
 * @public
 */
export const DEFAULT_RESPONDER_HOURS: ResponderHours = {
  businessStartHour: 8,
  businessEndHour: 18,
  businessDays: [1, 2, 3, 4, 5],
  sleepStartHour: 22,
  sleepEndHour: 8,
};

function inHourRange(hour: number, start: number, end: number): boolean {
  if (start <= end) {
    return hour >= start && hour < end;
  }
  return hour >= start || hour < end;
}

function checkHours(hours: ResponderHours): void {
  const named: Array<[string, number]> = [
    ['businessStartHour', hours.businessStartHour],
    ['businessEndHour', hours.businessEndHour],
    ['sleepStartHour', hours.sleepStartHour],
    ['sleepEndHour', hours.sleepEndHour],
  ];
  for (const [name, value] of named) {
    if (!Number.isFinite(value) || value < 0 || value > 24) {
      throw new RangeError(
        `${name} must be an hour from 0 to 24, not ${value}`,
      );
    }
  }
  for (const day of hours.businessDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new RangeError(
        `businessDays must hold ISO weekdays 1 (Monday) to 7 (Sunday), not ${day}`,
      );
    }
  }
}

/**
 * Which period an instant falls in for someone in the given IANA time zone. Daylight-saving
 * changes are applied: 06:30 UTC on the last Monday of March is 08:30 in Berlin, so business hours.
 *
 * @public
 */
export function classifyInterruptionTime(
  epochMs: number,
  timeZone: string,
  hours: ResponderHours = DEFAULT_RESPONDER_HOURS,
): InterruptionPeriod {
  checkHours(hours);
  if (!isKnownTimeZone(timeZone)) {
    throw new RangeError(
      `"${timeZone}" is not an IANA time zone such as Europe/Berlin`,
    );
  }
  const local = DateTime.fromMillis(epochMs, { zone: timeZone });
  const hour =
    local.hour +
    local.minute / 60 +
    local.second / 3600 +
    local.millisecond / 3_600_000;
  if (inHourRange(hour, hours.sleepStartHour, hours.sleepEndHour)) {
    return 'sleep-hours';
  }
  if (
    hours.businessDays.includes(local.weekday) &&
    inHourRange(hour, hours.businessStartHour, hours.businessEndHour)
  ) {
    return 'business-hours';
  }
  return 'off-hours';
}

/**
 * Interruptions per period.
 *
 * @public
 */
export interface InterruptionCounts {
  businessHours: number;
  offHours: number;
  sleepHours: number;
  total: number;
}

/**
 * When one page interrupted its responder.
 *
 * @public
 */
export interface PageInterruption {
  pageId: string;
  responder: string;
  period: InterruptionPeriod;
  timeZone: string;
  /** Where the zone came from: the page, the responder's shift, or the default. */
  timeZoneSource: 'page' | 'shift' | 'default';
  /** The trigger time on the responder's clock, ISO 8601 with their offset. */
  localTime: string;
}

/**
 * Interruptions split by period, overall and per responder.
 *
 * @public
 */
export interface InterruptionReport {
  total: InterruptionCounts;
  /** Per responder user ref, sorted by user ref. */
  byResponder: Array<{ responder: string; counts: InterruptionCounts }>;
  /** One entry per counted page, in input order. */
  pages: PageInterruption[];
}

/**
 * Options of the interruption split.
 *
 * @public
 */
export interface InterruptionOptions {
  hours?: Partial<ResponderHours>;
  /** Zone for responders whose page and shift name none. Default `UTC`. */
  defaultTimeZone?: string;
  /** Which urgencies interrupt a person. Default `['high']`. */
  urgencies?: readonly AlertUrgency[];
}

function emptyCounts(): InterruptionCounts {
  return { businessHours: 0, offHours: 0, sleepHours: 0, total: 0 };
}

function add(counts: InterruptionCounts, period: InterruptionPeriod): void {
  counts.total += 1;
  if (period === 'business-hours') {
    counts.businessHours += 1;
  } else if (period === 'sleep-hours') {
    counts.sleepHours += 1;
  } else {
    counts.offHours += 1;
  }
}

/**
 * Splits the interrupting pages (high urgency by default) into business, off and sleep hours on
 * the responder's clock. The responder's zone is the page's `responderTimeZone`, else the zone of
 * the responder's shift containing the trigger time, else `defaultTimeZone` (UTC).
 *
 * Throws a `RangeError` when the hours or the default zone are invalid (a configuration error);
 * invalid zones in the data were already reported by validation.
 *
 * @public
 */
export function measureInterruptions(
  pages: readonly ValidatedAlertPage[],
  shifts: readonly ValidatedOnCallShift[],
  options: InterruptionOptions = {},
): InterruptionReport {
  const hours: ResponderHours = {
    ...DEFAULT_RESPONDER_HOURS,
    ...options.hours,
  };
  checkHours(hours);
  const defaultTimeZone = options.defaultTimeZone ?? 'UTC';
  if (!isKnownTimeZone(defaultTimeZone)) {
    throw new RangeError(
      `defaultTimeZone "${defaultTimeZone}" is not an IANA time zone`,
    );
  }
  const urgencies = options.urgencies ?? ['high'];

  const total = emptyCounts();
  const byResponder = new Map<string, InterruptionCounts>();
  const interruptions: PageInterruption[] = [];
  for (const page of pages) {
    if (!urgencies.includes(page.page.urgency)) {
      continue;
    }
    const responder = page.page.responder;
    let timeZone = defaultTimeZone;
    let timeZoneSource: PageInterruption['timeZoneSource'] = 'default';
    if (page.responderTimeZone) {
      timeZone = page.responderTimeZone;
      timeZoneSource = 'page';
    } else {
      const shift = shifts.find(
        s =>
          s.timeZone !== undefined &&
          s.shift.user === responder &&
          page.triggeredAtMs >= s.startMs &&
          page.triggeredAtMs < s.endMs,
      );
      if (shift?.timeZone) {
        timeZone = shift.timeZone;
        timeZoneSource = 'shift';
      }
    }
    const period = classifyInterruptionTime(
      page.triggeredAtMs,
      timeZone,
      hours,
    );
    add(total, period);
    const counts = byResponder.get(responder) ?? emptyCounts();
    add(counts, period);
    byResponder.set(responder, counts);
    interruptions.push({
      pageId: page.page.id,
      responder,
      period,
      timeZone,
      timeZoneSource,
      localTime: DateTime.fromMillis(page.triggeredAtMs, {
        zone: timeZone,
      }).toISO()!,
    });
  }
  return {
    total,
    byResponder: [...byResponder.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([responder, counts]) => ({ responder, counts })),
    pages: interruptions,
  };
}
