/**
 * One alert reported by two sources: Jira Service Management serves the alerts of the Opsgenie
 * account it was migrated from under the same alert ids, so a team whose entities are mapped to
 * both (during a migration, or with the Opsgenie annotations kept) has each such alert stored
 * twice, once per source. Both rows are kept (the store is keyed by source and external id, and
 * either source may stop reporting); alert quality reads them as one alert.
 */
import { StoredAlertWithId } from './AlertStore';

/**
 * Which source continues which: `continues.get('jsm') === 'opsgenie'` when the `jsm` source
 * reports the alerts of the `opsgenie` source again, under the same external ids.
 *
 * @internal
 */
export type ContinuedSources = ReadonlyMap<string, string>;

/** The source an alert's history starts at, following `continues` links (cycles stop). */
function originOf(source: string, continues: ContinuedSources): string {
  const seen = new Set<string>([source]);
  let current = source;
  for (;;) {
    const previous = continues.get(current);
    if (!previous || seen.has(previous)) {
      return current;
    }
    seen.add(previous);
    current = previous;
  }
}

function earlier(a?: string, b?: string): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

const RANK = { triggered: 0, acknowledged: 1, resolved: 2 } as const;

/**
 * Two reports of one alert as one: the row of the source the history started at keeps its id
 * (links and triage verdicts stay valid), the earliest trigger, acknowledgement and resolution
 * of either win, with who did them, status only moves forward, and a verdict given on either
 * row counts.
 */
function merge(
  kept: StoredAlertWithId,
  other: StoredAlertWithId,
): StoredAlertWithId {
  const acknowledgedAt = earlier(kept.acknowledgedAt, other.acknowledgedAt);
  const resolvedAt = earlier(kept.resolvedAt, other.resolvedAt);
  const merged: StoredAlertWithId = {
    ...other,
    ...kept,
    triggeredAt: earlier(kept.triggeredAt, other.triggeredAt)!,
    urgency:
      kept.urgency === 'high' || other.urgency === 'high' ? 'high' : 'low',
    status: RANK[other.status] > RANK[kept.status] ? other.status : kept.status,
    deliveries: kept.deliveries + other.deliveries,
  };
  if (acknowledgedAt) {
    merged.acknowledgedAt = acknowledgedAt;
    merged.acknowledgedBy =
      acknowledgedAt === kept.acknowledgedAt
        ? kept.acknowledgedBy ?? other.acknowledgedBy
        : other.acknowledgedBy ?? kept.acknowledgedBy;
  }
  if (resolvedAt) {
    merged.resolvedAt = resolvedAt;
    merged.resolvedBy =
      resolvedAt === kept.resolvedAt
        ? kept.resolvedBy ?? other.resolvedBy
        : other.resolvedBy ?? kept.resolvedBy;
  }
  if (kept.actionable === undefined && other.actionable !== undefined) {
    merged.actionable = other.actionable;
    if (other.triagedBy) merged.triagedBy = other.triagedBy;
    if (other.triagedAt) merged.triagedAt = other.triagedAt;
  }
  return merged;
}

/**
 * The alerts with every alert that a continuing source reported again merged into the row of
 * the source its history started at; order is kept (by the first row of each alert).
 *
 * @internal
 */
export function mergeContinuedAlerts(
  alerts: StoredAlertWithId[],
  continues: ContinuedSources,
): StoredAlertWithId[] {
  if (continues.size === 0) {
    return alerts;
  }
  const byKey = new Map<string, number>();
  const result: StoredAlertWithId[] = [];
  for (const alert of alerts) {
    const origin = originOf(alert.source, continues);
    if (origin === alert.source && !continuedBySomeone(origin, continues)) {
      result.push(alert);
      continue;
    }
    const key = `${origin}\u0000${alert.externalId}`;
    const index = byKey.get(key);
    if (index === undefined) {
      byKey.set(key, result.length);
      result.push(alert);
      continue;
    }
    const present = result[index];
    // The row of the source nearer the origin is kept.
    result[index] =
      depth(present.source, continues) <= depth(alert.source, continues)
        ? merge(present, alert)
        : merge(alert, present);
  }
  return result;
}

function continuedBySomeone(source: string, continues: ContinuedSources) {
  for (const previous of continues.values()) {
    if (previous === source) return true;
  }
  return false;
}

function depth(source: string, continues: ContinuedSources): number {
  let count = 0;
  const seen = new Set<string>([source]);
  for (let current = continues.get(source); current; ) {
    if (seen.has(current)) break;
    seen.add(current);
    count += 1;
    current = continues.get(current);
  }
  return count;
}
