/**
 * "Now" as the caller gave it (a `Date` or epoch milliseconds), or the current time, so that
 * expiry and due dates can be tested without a clock.
 *
 * @internal
 */
export function nowMs(now: Date | number | undefined): number {
  if (now === undefined) {
    return Date.now();
  }
  return typeof now === 'number' ? now : now.getTime();
}
