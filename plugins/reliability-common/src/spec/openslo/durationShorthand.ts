/**
 * OpenSLO's duration shorthand: a positive whole number and one unit letter, `m` minutes, `h`
 * hours, `d` days, `w` weeks, `M` months, `Q` quarters, `Y` years (`30d`, `1M`).
 */

/**
 * The unit letters of the duration shorthand.
 *
 * @internal
 */
export type DurationShorthandUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

/**
 * A parsed duration shorthand.
 *
 * @internal
 */
export interface DurationShorthand {
  count: number;
  unit: DurationShorthandUnit;
}

/**
 * The shorthand's syntax; a leading zero is allowed as the OpenSLO SDK allows it, zero is not.
 *
 * @internal
 */
export const DURATION_SHORTHAND = /^(\d+)([mhdwMQY])$/;

/**
 * What the shorthand looks like, for messages.
 *
 * @internal
 */
export const DURATION_SHORTHAND_RULE =
  'expected a duration such as 5m, 1h, 28d, 4w, 1M, 1Q or 1Y (a whole number and one of m, h, d, w, M, Q, Y)';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Lengths of the units. The spec leaves months, quarters and years to implementations; these are
 * the OpenSLO SDK's (30, 90 and 365 days), used only where a fixed length is needed.
 */
const UNIT_MS: Record<DurationShorthandUnit, number> = {
  m: MINUTE_MS,
  h: 60 * MINUTE_MS,
  d: DAY_MS,
  w: 7 * DAY_MS,
  M: 30 * DAY_MS,
  Q: 90 * DAY_MS,
  Y: 365 * DAY_MS,
};

/**
 * Parses `30d` into `{ count: 30, unit: 'd' }`; `undefined` for anything else, including `0d`.
 *
 * @internal
 */
export function parseDurationShorthand(
  text: string,
): DurationShorthand | undefined {
  const match = DURATION_SHORTHAND.exec(text);
  if (!match) {
    return undefined;
  }
  const count = Number(match[1]);
  if (!Number.isSafeInteger(count) || count <= 0) {
    return undefined;
  }
  return { count, unit: match[2] as DurationShorthandUnit };
}

/**
 * The length of a duration in milliseconds (months, quarters and years at 30, 90 and 365 days).
 *
 * @internal
 */
export function durationShorthandMs(duration: DurationShorthand): number {
  return duration.count * UNIT_MS[duration.unit];
}
