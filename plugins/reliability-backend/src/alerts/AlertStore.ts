import { AlertRecord, StoredAlert } from '@reliability/backstage-plugin-common';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import {
  retryingTransaction,
  sortedByKey,
} from '../database/retryingTransaction';

const ALERTS = 'reliability_alerts';
const PULLS = 'reliability_alert_pulls';
/** Rows per statement: well under SQLite's 999 bound parameters with 22 columns. */
const CHUNK = 40;

/**
 * A stored alert with the id the API names it by.
 *
 * @internal
 */
export interface StoredAlertWithId extends StoredAlert {
  id: string;
}

/**
 * Where alerts are kept. Writes are idempotent: the same occurrence reported again (a re-delivered
 * webhook, an overlapping pull, another replica) merges into its row instead of adding one.
 *
 * @internal
 */
export interface AlertStore {
  /** Stores or merges the records in one transaction; says how many rows were new. */
  upsertAlerts(
    records: AlertRecord[],
    nowMs: number,
  ): Promise<{ inserted: number; merged: number }>;
  /** Alerts of the entities triggered in [fromMs, toMs), oldest first. */
  listAlerts(query: {
    entityRefs: string[];
    fromMs: number;
    toMs: number;
    limit: number;
  }): Promise<StoredAlertWithId[]>;
  getAlert(id: string): Promise<StoredAlertWithId | undefined>;
  /** Records a responder's verdict; `undefined` when there is no such alert. */
  triageAlert(
    id: string,
    verdict: { actionable: boolean; by: string; atMs: number },
  ): Promise<StoredAlertWithId | undefined>;
  getPullState(
    source: string,
  ): Promise<{ pulledUntil: number; error?: string } | undefined>;
  setPullState(
    source: string,
    state: { pulledUntil?: number; error?: string; attemptedAt: number },
  ): Promise<void>;
  /** Number of stored alerts, for tests and fault checks. */
  countAlerts(): Promise<number>;
}

type AlertRow = {
  id: string;
  source: string;
  external_id: string;
  entity_ref: string;
  alert_name: string | null;
  fingerprint: string | null;
  summary: string | null;
  urgency: string;
  status: string;
  triggered_at: number | string;
  acknowledged_at: number | string | null;
  acknowledged_by: string | null;
  resolved_at: number | string | null;
  resolved_by: string | null;
  responder: string | null;
  url: string | null;
  runbook_url: string | null;
  actionable: boolean | number | null;
  triaged_by: string | null;
  triaged_at: number | string | null;
  deliveries: number;
  updated_at: number | string;
};

const STATUS_RANK: Record<AlertRecord['status'], number> = {
  triggered: 0,
  acknowledged: 1,
  resolved: 2,
};

/**
 * The id of an alert occurrence: a hash of its source and external id, the same on every replica.
 *
 * @internal
 */
export function alertId(source: string, externalId: string): string {
  return createHash('sha256')
    .update(`${source}\u0000${externalId}`)
    .digest('hex')
    .slice(0, 32);
}

function ms(value: string | undefined): number | null {
  if (value === undefined) {
    return null;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

function num(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

function iso(value: number | string | null): string | undefined {
  return value === null ? undefined : new Date(Number(value)).toISOString();
}

function toRow(record: AlertRecord, nowMs: number): AlertRow {
  const triggeredAt = ms(record.triggeredAt);
  if (triggeredAt === null) {
    throw new TypeError(
      `Alert ${record.source}/${record.externalId} has an invalid triggeredAt '${record.triggeredAt}'`,
    );
  }
  return {
    id: alertId(record.source, record.externalId),
    source: record.source,
    external_id: record.externalId,
    entity_ref: record.entityRef,
    alert_name: record.alertName ?? null,
    fingerprint: record.fingerprint ?? null,
    summary: record.summary ?? null,
    urgency: record.urgency,
    status: record.status,
    triggered_at: triggeredAt,
    acknowledged_at: ms(record.acknowledgedAt),
    acknowledged_by: record.acknowledgedBy ?? null,
    resolved_at: ms(record.resolvedAt),
    resolved_by: record.resolvedBy ?? null,
    responder: record.responder ?? null,
    url: record.url ?? null,
    runbook_url: record.runbookUrl ?? null,
    actionable: null,
    triaged_by: null,
    triaged_at: null,
    deliveries: 1,
    updated_at: nowMs,
  };
}

/** The earlier of two optional times, with the value that came with it. */
function earliest<T>(
  a: { at: number | null; by: T },
  b: { at: number | null; by: T },
): { at: number | null; by: T } {
  if (a.at === null) {
    return b.at === null ? { at: null, by: a.by ?? b.by } : b;
  }
  if (b.at === null || a.at <= b.at) {
    return a;
  }
  return b;
}

/** The status the times alone imply: resolved (2), acknowledged (1) or triggered (0). */
function lifecycleRank(
  resolvedAt: number | null,
  acknowledgedAt: number | null,
): number {
  if (resolvedAt !== null) {
    return 2;
  }
  return acknowledgedAt !== null ? 1 : 0;
}

/**
 * How a report merges into the stored row. Every rule is order-independent, so deliveries that
 * arrive late or twice give the same row: the earliest trigger, acknowledgement and resolution
 * win (with who did them), status only moves forward, and text fields keep the newest non-empty
 * value. The responder's verdict is never touched by a source.
 *
 * @internal
 */
export function mergeAlertRows(
  stored: AlertRow,
  incoming: AlertRow,
  nowMs: number,
): AlertRow {
  const ack = earliest(
    { at: num(stored.acknowledged_at), by: stored.acknowledged_by },
    { at: num(incoming.acknowledged_at), by: incoming.acknowledged_by },
  );
  const resolved = earliest(
    { at: num(stored.resolved_at), by: stored.resolved_by },
    { at: num(incoming.resolved_at), by: incoming.resolved_by },
  );
  const rank = Math.max(
    STATUS_RANK[stored.status as AlertRecord['status']] ?? 0,
    STATUS_RANK[incoming.status as AlertRecord['status']] ?? 0,
    lifecycleRank(resolved.at, ack.at),
  );
  const status = (
    Object.keys(STATUS_RANK) as Array<AlertRecord['status']>
  ).find(key => STATUS_RANK[key] === rank)!;
  return {
    ...stored,
    entity_ref: incoming.entity_ref,
    alert_name: incoming.alert_name ?? stored.alert_name,
    fingerprint: incoming.fingerprint ?? stored.fingerprint,
    summary: incoming.summary ?? stored.summary,
    // A page stays high urgency once any delivery said so.
    urgency:
      stored.urgency === 'high' || incoming.urgency === 'high' ? 'high' : 'low',
    status,
    triggered_at: Math.min(
      Number(stored.triggered_at),
      Number(incoming.triggered_at),
    ),
    acknowledged_at: ack.at,
    acknowledged_by: ack.by,
    resolved_at: resolved.at,
    resolved_by: resolved.by,
    responder: incoming.responder ?? stored.responder,
    url: incoming.url ?? stored.url,
    runbook_url: incoming.runbook_url ?? stored.runbook_url,
    deliveries: stored.deliveries + 1,
    updated_at: nowMs,
  };
}

function fromRow(row: AlertRow): StoredAlertWithId {
  const alert: StoredAlertWithId = {
    id: row.id,
    source: row.source,
    externalId: row.external_id,
    entityRef: row.entity_ref,
    urgency: row.urgency === 'high' ? 'high' : 'low',
    status: row.status as AlertRecord['status'],
    triggeredAt: iso(row.triggered_at)!,
    deliveries: Number(row.deliveries),
  };
  const optional: Partial<StoredAlertWithId> = {
    alertName: row.alert_name ?? undefined,
    fingerprint: row.fingerprint ?? undefined,
    summary: row.summary ?? undefined,
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by ?? undefined,
    resolvedAt: iso(row.resolved_at),
    resolvedBy: row.resolved_by ?? undefined,
    responder: row.responder ?? undefined,
    url: row.url ?? undefined,
    runbookUrl: row.runbook_url ?? undefined,
    actionable: row.actionable === null ? undefined : Boolean(row.actionable),
    triagedBy: row.triaged_by ?? undefined,
    triagedAt: iso(row.triaged_at),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) {
      (alert as any)[key] = value;
    }
  }
  return alert;
}

/**
 * The {@link AlertStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @internal
 */
export class DatabaseAlertStore implements AlertStore {
  static create(options: { knex: Knex }): DatabaseAlertStore {
    return new DatabaseAlertStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async upsertAlerts(
    records: AlertRecord[],
    nowMs: number,
  ): Promise<{ inserted: number; merged: number }> {
    // Reports of one occurrence within a batch merge before they reach the database.
    const byId = new Map<string, AlertRow>();
    for (const record of records) {
      const row = toRow(record, nowMs);
      const earlier = byId.get(row.id);
      byId.set(row.id, earlier ? mergeAlertRows(earlier, row, nowMs) : row);
    }
    // One lock order for every writer: two replicas merging the same alerts wait for each
    // other instead of each holding a row the other needs.
    const rows = sortedByKey([...byId.values()], row => [row.id]);
    return retryingTransaction(this.knex, async tx => {
      let inserted = 0;
      let merged = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        // Insert what is new; a concurrent replica inserting the same id makes this a no-op,
        // and the row is then merged below under a row lock. No conflict target: the id and
        // (source, external_id) are both unique, and PostgreSQL arbitrates only the target's
        // index, so a replica's concurrent insert could still fail on the other with 23505.
        const created: Array<{ id: string }> = await tx(ALERTS)
          .insert(chunk)
          .onConflict()
          .ignore()
          .returning('id');
        const createdIds = new Set(created.map(r => r.id));
        inserted += createdIds.size;
        let query = tx<AlertRow>(ALERTS)
          .whereIn(
            'id',
            chunk.map(r => r.id),
          )
          .orderBy('id');
        if (tx.client.config.client === 'pg') {
          query = query.forUpdate();
        }
        const stored = new Map((await query).map(row => [row.id, row]));
        for (const row of chunk) {
          const current = stored.get(row.id);
          if (!current || createdIds.has(row.id)) {
            continue;
          }
          merged += 1;
          const next = mergeAlertRows(current, row, nowMs);
          const { id, ...changes } = next;
          await tx(ALERTS).where({ id }).update(changes);
        }
      }
      return { inserted, merged };
    });
  }

  async listAlerts(query: {
    entityRefs: string[];
    fromMs: number;
    toMs: number;
    limit: number;
  }): Promise<StoredAlertWithId[]> {
    if (query.entityRefs.length === 0) {
      return [];
    }
    const rows: AlertRow[] = [];
    // Bounded IN lists: a team may own hundreds of entities.
    for (let i = 0; i < query.entityRefs.length; i += 500) {
      rows.push(
        ...(await this.knex<AlertRow>(ALERTS)
          .whereIn('entity_ref', query.entityRefs.slice(i, i + 500))
          .where('triggered_at', '>=', query.fromMs)
          .where('triggered_at', '<', query.toMs)
          .orderBy('triggered_at', 'asc')
          .limit(query.limit)),
      );
    }
    rows.sort((a, b) => Number(a.triggered_at) - Number(b.triggered_at));
    return rows.slice(0, query.limit).map(fromRow);
  }

  async getAlert(id: string): Promise<StoredAlertWithId | undefined> {
    const row = await this.knex<AlertRow>(ALERTS).where({ id }).first();
    return row && fromRow(row);
  }

  async triageAlert(
    id: string,
    verdict: { actionable: boolean; by: string; atMs: number },
  ): Promise<StoredAlertWithId | undefined> {
    const updated = await this.knex(ALERTS).where({ id }).update({
      actionable: verdict.actionable,
      triaged_by: verdict.by,
      triaged_at: verdict.atMs,
    });
    return updated ? this.getAlert(id) : undefined;
  }

  async getPullState(
    source: string,
  ): Promise<{ pulledUntil: number; error?: string } | undefined> {
    const row = await this.knex(PULLS).where({ source }).first();
    if (!row) {
      return undefined;
    }
    return {
      pulledUntil: Number(row.pulled_until),
      ...(row.error ? { error: row.error } : {}),
    };
  }

  async setPullState(
    source: string,
    state: { pulledUntil?: number; error?: string; attemptedAt: number },
  ): Promise<void> {
    const existing = await this.getPullState(source);
    const pulledUntil = state.pulledUntil ?? existing?.pulledUntil ?? 0;
    await this.knex(PULLS)
      .insert({
        source,
        pulled_until: pulledUntil,
        error: state.error ?? null,
        attempted_at: state.attemptedAt,
      })
      .onConflict('source')
      .merge(['pulled_until', 'error', 'attempted_at']);
  }

  async countAlerts(): Promise<number> {
    const [{ count }] = await this.knex(ALERTS).count({ count: '*' });
    return Number(count);
  }
}
