import type { ScorecardExemptionState } from '../../api';
import type { StatusTone } from '../StatusLabel';

/** How each exemption state reads, with a tone that is never the only carrier of meaning. */
export const EXEMPTION_STATES: Record<
  ScorecardExemptionState,
  { tone: StatusTone; text: string }
> = {
  pending: { tone: 'warning', text: 'Requested, pending approval' },
  active: { tone: 'ok', text: 'Granted' },
  refused: { tone: 'error', text: 'Refused' },
  expired: { tone: 'unknown', text: 'Expired' },
  revoked: { tone: 'unknown', text: 'Revoked' },
};

/** What each audit action means, as a past-tense verb phrase. */
export const AUDIT_ACTIONS: Record<string, string> = {
  request: 'requested',
  grant: 'granted',
  refuse: 'refused',
  revoke: 'revoked',
  expire: 'expired',
  remind: 'owner reminded of the expiry',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of a time in UTC, as a date input takes it. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The last day an exemption requested now may run to. */
export function latestExpiryDay(maxDurationDays: number, nowMs: number) {
  return isoDay(nowMs + maxDurationDays * DAY_MS);
}
