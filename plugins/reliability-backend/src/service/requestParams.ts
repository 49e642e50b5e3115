import { InputError } from '@backstage/errors';

/**
 * Strict readers for query parameters, one for each kind of value the API takes. Every route
 * reads its dates and numbers here, so that all of them accept the same forms and refuse the
 * rest with a 400 that names the parameter and the form it takes. They are strict on purpose:
 * `Date.parse` reads `0` as the year 2000 and `-1` as 2001, and `Number` reads `0x10` as 16 and
 * `1e309` as Infinity, so a typo became a silently different query instead of an error.
 */

/** 1970-01-01: nothing this plugin stores is older. */
const EARLIEST_MS = 0;
/** 9999-12-31T23:59:59.999Z: the last date ISO 8601 writes without an expanded year. */
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** What the date readers accept, as their errors say it. */
export const DATE_FORM =
  'an RFC 3339 / ISO 8601 date or date-time such as 2026-11-01 or 2026-11-01T10:00:00Z';

/**
 * `YYYY-MM-DD`, optionally followed by a time `THH:MM[:SS[.fraction]]` and a UTC offset (`Z` or
 * `±HH:MM`). A date alone is midnight UTC; a time needs its offset, as RFC 3339 demands, since a
 * time without one means "the server's local time", which a caller cannot know.
 */
const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:\d{2}))?$/;

/** Decimal digits with an optional minus sign, no leading zeros: what `limit=16` looks like. */
const INTEGER_PATTERN = /^-?(?:0|[1-9]\d*)$/;

/** Returns the one text value of a parameter, `undefined` when absent or empty. */
function textOf(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    // Express reads `?to=a&to=b` as an array and `?to[x]=1` as an object.
    throw new InputError(`'${name}' must be given once, as text`);
  }
  return value;
}

/**
 * Reads an optional date parameter such as `from` or `to` as epoch milliseconds: an RFC 3339 /
 * ISO 8601 calendar date or date-time (see {@link DATE_FORM}) from 1970 to 9999. Days that do not
 * exist (2026-02-30), hours past 23 and offsets past ±23:59 are refused, not rolled over.
 *
 * @internal
 */
export function parseDateParam(
  value: unknown,
  name: string,
): number | undefined {
  const text = textOf(value, name);
  if (text === undefined) {
    return undefined;
  }
  const match = DATE_PATTERN.exec(text);
  const ms = match ? dateOf(match) : undefined;
  if (ms === undefined) {
    throw new InputError(`'${name}' must be ${DATE_FORM}, got "${text}"`);
  }
  if (ms < EARLIEST_MS || ms > LATEST_MS) {
    throw new InputError(
      `'${name}' must be a date from 1970 to 9999, got "${text}"`,
    );
  }
  return ms;
}

/** The epoch milliseconds of a matched date, or `undefined` when a field is out of its range. */
function dateOf(match: RegExpExecArray): number | undefined {
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour ?? 0);
  const mi = Number(minute ?? 0);
  const s = Number(second ?? 0);
  // Milliseconds from the first three digits of the fraction; finer digits cannot be stored.
  const msPart = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return undefined;
  }
  if (h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (offset && offset.toUpperCase() !== 'Z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) {
      return undefined;
    }
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s, msPart) - offsetMinutes * 60_000;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Bounds and default of an integer parameter.
 *
 * @internal
 */
export interface IntegerParamOptions {
  min: number;
  max: number;
  /** The value when the parameter is absent or empty; without one, `undefined`. */
  default?: number;
}

/**
 * Reads an integer parameter such as `limit`: decimal digits only (no `0x10`, `1e3`, `1.0` or
 * `+5`), from `min` to `max`; the default when absent.
 *
 * @internal
 */
export function parseIntegerParam(
  value: unknown,
  name: string,
  options: IntegerParamOptions & { default: number },
): number;
/** @internal */
export function parseIntegerParam(
  value: unknown,
  name: string,
  options: IntegerParamOptions,
): number | undefined;
export function parseIntegerParam(
  value: unknown,
  name: string,
  options: IntegerParamOptions,
): number | undefined {
  // The spec types some integers as integers, so a value may arrive already as a number.
  const text = typeof value === 'number' ? String(value) : textOf(value, name);
  if (text === undefined) {
    return options.default;
  }
  const n = INTEGER_PATTERN.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < options.min || n > options.max) {
    throw new InputError(
      `'${name}' must be a whole number from ${options.min} to ${options.max}, in decimal digits, got "${text}"`,
    );
  }
  return n;
}

/**
 * Reads one value of a parameter that takes one of a few words, such as `order=asc`; the default
 * when absent (`undefined` without one). Matching is exact: `ASC` is refused, so that one query has one spelling.
 *
 * @internal
 */
export function parseEnumParam<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  defaultValue: T,
): T;
/** @internal */
export function parseEnumParam<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
): T | undefined;
export function parseEnumParam<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  defaultValue?: T,
): T | undefined {
  const text = textOf(value, name);
  if (text === undefined) {
    return defaultValue;
  }
  if (!(allowed as readonly string[]).includes(text)) {
    throw new InputError(
      `'${name}' must be ${allowed.slice(0, -1).join(', ')} or ${
        allowed[allowed.length - 1]
      }, got "${text}"`,
    );
  }
  return text as T;
}

/**
 * Reads an optional free-text parameter: `undefined` when absent or empty, a 400 when it is given
 * more than once or with brackets.
 *
 * @internal
 */
export function parseTextParam(
  value: unknown,
  name: string,
): string | undefined {
  return textOf(value, name);
}
