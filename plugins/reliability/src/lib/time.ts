import { DateTime } from 'luxon';

/**
 * An instant in the viewer's own zone with the zone named, so that a shift handed over in
 * Berlin reads right in New York: `Mon 2 Mar, 09:00 EST`.
 */
export function formatInViewerZone(iso: string | undefined): string {
  if (!iso) {
    return 'unknown';
  }
  const time = DateTime.fromISO(iso, { setZone: true });
  return time.isValid ? time.toLocal().toFormat('ccc d LLL, HH:mm ZZZZ') : iso;
}

/**
 * How long ago something changed, in days for anything older than a day (`40 days ago`, not
 * `1 month ago`): the age of a runbook is judged in days.
 */
export function formatAge(iso: string, now: DateTime = DateTime.now()): string {
  const time = DateTime.fromISO(iso);
  if (!time.isValid) {
    return iso;
  }
  const unit = now.diff(time, 'days').days >= 1 ? 'days' : undefined;
  return time.toRelative({ base: now, ...(unit ? { unit } : {}) }) ?? iso;
}
