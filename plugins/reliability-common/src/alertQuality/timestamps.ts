import { DateTime, IANAZone } from 'luxon';

/** An offset (`Z`, `+02:00`, `+0200`, `+02`) at the end of an ISO 8601 date-time. */
const OFFSET_SUFFIX = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Parses an ISO 8601 date-time that carries an offset into epoch milliseconds.
 * Returns a sentence saying what is wrong instead when it cannot.
 */
export function parseAlertTimestamp(
  value: unknown,
): { ms: number } | { error: string } {
  if (typeof value !== 'string' || value.trim() === '') {
    return {
      error: `expected an ISO 8601 date-time with an offset, such as 2025-03-31T06:30:00Z, but got ${describe(
        value,
      )}`,
    };
  }
  const text = value.trim();
  if (!text.includes('T') || !OFFSET_SUFFIX.test(text)) {
    return {
      error: `"${text}" has no time or no offset (Z or ±hh:mm); without one its instant depends on the reader's time zone`,
    };
  }
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) {
    return {
      error: `"${text}" is not a valid ISO 8601 date-time (${
        parsed.invalidExplanation ?? parsed.invalidReason
      })`,
    };
  }
  return { ms: parsed.toMillis() };
}

/**
 * Answers of {@link isKnownTimeZone}, by name. Luxon asks Intl by building a `DateTimeFormat` on
 * every call, about 60 µs; alert quality asks it for every page and shift, which was a fifth of a
 * scorecard cycle's CPU (bench:scale). Zone names are few; the bound keeps garbage input from
 * growing it without end.
 */
const knownTimeZones = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 1000;

/** True for an IANA time zone name luxon (and so the browser's Intl) knows. */
export function isKnownTimeZone(zone: string): boolean {
  const remembered = knownTimeZones.get(zone);
  if (remembered !== undefined) {
    return remembered;
  }
  const known = IANAZone.isValidZone(zone);
  if (knownTimeZones.size >= MAX_REMEMBERED_ZONES) {
    knownTimeZones.clear();
  }
  knownTimeZones.set(zone, known);
  return known;
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    return 'an empty string';
  }
  return `a ${typeof value}`;
}
