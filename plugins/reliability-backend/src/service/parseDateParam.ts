import { InputError } from '@backstage/errors';

/** 1970-01-01: nothing this plugin stores is older. */
const EARLIEST_MS = 0;
/** 9999-12-31T23:59:59.999Z: the last date ISO 8601 writes without an expanded year. */
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Reads an optional date query parameter such as `from` or `to` as epoch milliseconds. Dates
 * outside 1970–9999 are refused: JavaScript reads years up to ±275760, and a period computed back
 * from one near that edge is no date at all, which used to end in a 500 when it was printed.
 *
 * @internal
 */
export function parseDateParam(
  value: unknown,
  field: string,
): number | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(`'${field}' must be given once, as text`);
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(
      `'${field}' must be an ISO 8601 date or date-time such as 2026-11-01 or 2026-11-01T10:00:00Z, got "${value}"`,
    );
  }
  if (ms < EARLIEST_MS || ms > LATEST_MS) {
    throw new InputError(
      `'${field}' must be a date from 1970 to 9999, got "${value}"`,
    );
  }
  return ms;
}
