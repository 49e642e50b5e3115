import { ConflictError, InputError } from '@backstage/errors';
import type {
  ScorecardAppliesTo,
  ScorecardExemption,
  ScorecardResult,
} from '@reliability/backstage-plugin-common';
import { Knex } from 'knex';
import {
  retryingTransaction,
  sortedByKey,
} from '../database/retryingTransaction';
import { createHash, randomUUID } from 'node:crypto';

const RESULTS = 'reliability_scorecard_results';
const HISTORY = 'reliability_scorecard_history';
const EXEMPTIONS = 'reliability_scorecard_exemptions';
const AUDIT = 'reliability_scorecard_exemption_audit';
const CAMPAIGNS = 'reliability_scorecard_campaigns';
const PROGRESS = 'reliability_scorecard_campaign_progress';
const ENTITY_STATE = 'reliability_scorecard_entity_state';

/** Rows per statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

/**
 * The catalog fields of an entity that listings filter on and campaigns match, stored beside
 * its result so that neither needs the catalog.
 *
 * @internal
 */
export interface ScorecardEntityColumns {
  kind: string;
  namespace: string;
  type?: string;
  lifecycle?: string;
  tier?: number;
}

/**
 * A result to store: what the engine gave, and the entity fields stored beside it.
 *
 * @internal
 */
export interface ScorecardResultWrite {
  result: ScorecardResult;
  entity: ScorecardEntityColumns;
}

/**
 * A stored latest result.
 *
 * @internal
 */
export interface StoredScorecardResult {
  result: ScorecardResult;
  entity: ScorecardEntityColumns;
  /** ISO 8601. */
  evaluatedAt: string;
}

/**
 * What a write replaced: the previous level, so that callers can tell drops. `previous` is
 * absent the first time the entity is stored for the scorecard.
 *
 * @internal
 */
export interface ScorecardResultTransition {
  scorecardId: string;
  entityRef: string;
  previous?: { level?: string; levelIndex: number };
  current: { level?: string; levelIndex: number };
  /** Whether the level or any check status differs from the stored result. */
  changed: boolean;
}

/**
 * Sort keys of the organisation listing.
 *
 * @internal
 */
export type ScorecardResultSort = 'entity' | 'level' | 'owner' | 'evaluatedAt';

/**
 * Filters, sort and page of {@link ScorecardStore.listResults}.
 *
 * @internal
 */
export interface ListScorecardResultsQuery {
  scorecardId?: string;
  /** A full owner ref in lower case. */
  ownerRef?: string;
  tier?: number;
  /** Compared in lower case. */
  kind?: string;
  /** A level name (case-insensitive), or `null` for entities that reached no level. */
  level?: string | null;
  /**
   * Only results with an exemption in force at this time (epoch milliseconds) for one of their
   * checks.
   */
  exemptedAt?: number;
  sort?: ScorecardResultSort;
  order?: 'asc' | 'desc';
  /** 1 to 1000. */
  limit: number;
  /** An opaque cursor from a previous page; `InputError` when it cannot be read. */
  cursor?: string;
}

/**
 * One history row: a change, or the daily snapshot.
 *
 * @internal
 */
export interface ScorecardHistoryEntry {
  scorecardId: string;
  entityRef: string;
  ownerRef?: string;
  level?: string;
  levelIndex: number;
  /** Check id to counted status. */
  checks: Record<string, string>;
  reason: 'change' | 'snapshot';
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** ISO 8601. */
  recordedAt: string;
}

/**
 * The level of one entity on one day: the last history row of that day.
 *
 * @internal
 */
export interface ScorecardDailyLevel {
  day: string;
  entityRef: string;
  ownerRef?: string;
  level?: string;
  levelIndex: number;
}

/**
 * Where an exemption stands. A request is `pending` until an approver grants it (then it is
 * `active` until it expires or is revoked) or refuses it; a request still pending at its expiry
 * date is `expired` and can no longer be granted.
 *
 * @internal
 */
export type ScorecardExemptionState =
  | 'pending'
  | 'active'
  | 'refused'
  | 'expired'
  | 'revoked';

/**
 * A stored exemption or exemption request.
 *
 * @internal
 */
export interface StoredScorecardExemption
  extends Omit<ScorecardExemption, 'grantedBy'> {
  id: string;
  state: ScorecardExemptionState;
  /** Who asked for it; absent when it was granted directly. */
  requestedBy?: string;
  /** ISO 8601. */
  requestedAt?: string;
  /** Absent until it is granted. */
  grantedBy?: string;
  /** ISO 8601; absent until it is granted. */
  grantedAt?: string;
  refusedBy?: string;
  refusedAt?: string;
  /** The approver's comment on granting or refusing. */
  decisionComment?: string;
  revokedAt?: string;
  revokedBy?: string;
  /** When the owner was reminded of the coming expiry. */
  remindedAt?: string;
}

/**
 * An exemption in force: granted, and neither expired nor revoked.
 *
 * @internal
 */
export type ActiveScorecardExemption = StoredScorecardExemption &
  ScorecardExemption;

/**
 * A request for an exemption, before anyone decided on it.
 *
 * @internal
 */
export interface ScorecardExemptionRequestWrite {
  entityRef: string;
  scorecardId: string;
  checkId: string;
  reason: string;
  /** ISO 8601. */
  expiresAt: string;
  requestedBy: string;
}

/**
 * An approver's decision on a pending request.
 *
 * @internal
 */
export interface ScorecardExemptionDecision {
  decision: 'grant' | 'refuse';
  by: string;
  comment?: string;
}

/**
 * One audit record of an exemption.
 *
 * @internal
 */
export interface ScorecardExemptionAuditRecord {
  exemptionId: string;
  action: 'request' | 'grant' | 'refuse' | 'revoke' | 'expire' | 'remind';
  /** Who did it; absent for expiry and reminders. */
  actor?: string;
  /** ISO 8601. */
  at: string;
  /** The exemption as it was then. */
  details: Record<string, unknown>;
}

/**
 * A stored campaign.
 *
 * @internal
 */
export interface StoredScorecardCampaign {
  id: string;
  title: string;
  scorecardId: string;
  targetLevel: string;
  filter?: ScorecardAppliesTo;
  dueDate: string;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
  updatedBy?: string;
  updatedAt?: string;
  /** Set once it is closed: it then records no progress and sends no reminders. */
  closedBy?: string;
  closedAt?: string;
}

/**
 * What editing a campaign may change.
 *
 * @internal
 */
export interface ScorecardCampaignEdit {
  title: string;
  targetLevel: string;
  filter?: ScorecardAppliesTo;
  dueDate: string;
}

/**
 * A campaign's progress on one day.
 *
 * @internal
 */
export interface ScorecardCampaignProgressPoint {
  campaignId: string;
  day: string;
  entities: number;
  atOrAboveTarget: number;
}

/**
 * Where scorecard results, their history, exemptions and campaigns are kept.
 *
 * @internal
 */
export interface ScorecardStore {
  /**
   * Stores the latest results in one transaction, adds a history row when a result changed and
   * a snapshot on the first write of a UTC day, and tells what each write replaced.
   */
  writeResults(
    writes: readonly ScorecardResultWrite[],
    nowMs: number,
  ): Promise<ScorecardResultTransition[]>;
  /** Deletes results not written since `beforeMs` (entities gone or no longer in scope). */
  deleteResultsEvaluatedBefore(beforeMs: number): Promise<number>;
  /** Deletes history older than `beforeMs`. */
  deleteHistoryBefore(beforeMs: number): Promise<number>;
  listEntityResults(entityRef: string): Promise<StoredScorecardResult[]>;
  listScorecardResults(scorecardId: string): Promise<StoredScorecardResult[]>;
  listResults(
    query: ListScorecardResultsQuery,
  ): Promise<{ items: StoredScorecardResult[]; nextCursor?: string }>;
  listHistory(query: {
    scorecardId: string;
    entityRef: string;
    fromMs: number;
    toMs: number;
  }): Promise<ScorecardHistoryEntry[]>;
  /** The last level per entity and UTC day in `[fromDay, toDay]`, ordered by day. */
  listDailyLevels(query: {
    scorecardId: string;
    fromDay: string;
    toDay: string;
    entityRef?: string;
    ownerRef?: string;
  }): Promise<ScorecardDailyLevel[]>;

  /** Stores an exemption granted directly, without a request. */
  createExemption(
    exemption: ScorecardExemption,
    nowMs: number,
  ): Promise<StoredScorecardExemption>;
  /** Stores a pending request, audited as `request`. */
  requestExemption(
    request: ScorecardExemptionRequestWrite,
    nowMs: number,
  ): Promise<StoredScorecardExemption>;
  /**
   * Grants or refuses a pending request; `undefined` for an unknown id, `ConflictError` when it
   * is not pending any more (decided already, or its expiry date passed).
   */
  decideExemption(
    id: string,
    decision: ScorecardExemptionDecision,
    nowMs: number,
  ): Promise<StoredScorecardExemption | undefined>;
  getExemption(
    id: string,
    nowMs: number,
  ): Promise<StoredScorecardExemption | undefined>;
  listExemptions(
    query: {
      entityRef?: string;
      scorecardId?: string;
      state?: ScorecardExemptionState;
    },
    nowMs: number,
  ): Promise<StoredScorecardExemption[]>;
  /** The exemptions in force, for evaluation. */
  listActiveExemptions(nowMs: number): Promise<ActiveScorecardExemption[]>;
  /** Revokes an active exemption; `ConflictError` when it is not active. */
  revokeExemption(
    id: string,
    revokedBy: string,
    nowMs: number,
  ): Promise<StoredScorecardExemption | undefined>;
  /** Records the expiry of granted exemptions first seen expired now, and returns them. */
  recordExpiredExemptions(nowMs: number): Promise<StoredScorecardExemption[]>;
  /**
   * Claims the active exemptions that expire within `withinMs` and whose owner was not
   * reminded yet: each is marked reminded (and audited) by exactly one caller, even when two
   * replicas ask at once, and returned to that caller only.
   */
  claimExemptionReminders(
    withinMs: number,
    nowMs: number,
  ): Promise<StoredScorecardExemption[]>;
  listExemptionAudit(id: string): Promise<ScorecardExemptionAuditRecord[]>;
  /** Every audit record of the entity's exemptions, oldest first. */
  listEntityExemptionAudit(
    entityRef: string,
  ): Promise<ScorecardExemptionAuditRecord[]>;

  /** `ConflictError` when the id is taken. */
  createCampaign(
    campaign: Omit<StoredScorecardCampaign, 'createdAt'>,
    nowMs: number,
  ): Promise<StoredScorecardCampaign>;
  getCampaign(id: string): Promise<StoredScorecardCampaign | undefined>;
  /** `undefined` for an unknown id, `ConflictError` when it is closed. */
  updateCampaign(
    id: string,
    edit: ScorecardCampaignEdit,
    by: string,
    nowMs: number,
  ): Promise<StoredScorecardCampaign | undefined>;
  /** `undefined` for an unknown id, `ConflictError` when it is closed already. */
  closeCampaign(
    id: string,
    by: string,
    nowMs: number,
  ): Promise<StoredScorecardCampaign | undefined>;
  /**
   * Marks the campaign reminded for `week` (its Monday); true for exactly one caller per week,
   * however many replicas ask.
   */
  claimCampaignReminder(id: string, week: string): Promise<boolean>;
  listCampaigns(): Promise<StoredScorecardCampaign[]>;
  /** Keeps one point per campaign and day: a later point of the same day replaces it. */
  recordCampaignProgress(
    points: readonly ScorecardCampaignProgressPoint[],
    nowMs: number,
  ): Promise<void>;
  listCampaignProgress(
    campaignId: string,
  ): Promise<ScorecardCampaignProgressPoint[]>;

  /**
   * Stores the exhausted SLOs of each entity and returns what was stored before (absent for an
   * entity seen the first time), in one transaction.
   */
  swapExhaustedSlos(
    entries: ReadonlyArray<{ entityRef: string; sloIds: readonly string[] }>,
    nowMs: number,
  ): Promise<Map<string, string[]>>;
}

/**
 * The UTC day of a time, YYYY-MM-DD.
 *
 * @internal
 */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function signatureOf(result: ScorecardResult): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        result.levelIndex,
        result.checks.map(check => [check.id, check.status]),
      ]),
    )
    .digest('hex');
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

function optional<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

function iso(value: unknown): string {
  return new Date(num(value)).toISOString();
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

const SORT_COLUMNS: Record<ScorecardResultSort, string> = {
  entity: 'entity_ref',
  level: 'level_index',
  owner: 'owner_ref',
  evaluatedAt: 'evaluated_at',
};

interface Cursor {
  sort: ScorecardResultSort;
  order: 'asc' | 'desc';
  value: string | number;
  scorecardId: string;
  entityRef: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(
  text: string,
  sort: ScorecardResultSort,
  order: 'asc' | 'desc',
): Cursor {
  const invalid = new InputError(
    "'cursor' is not a cursor of this listing: pass the nextCursor of the previous page unchanged, with the same sort and order",
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const cursor = parsed as Partial<Cursor> | null;
  if (
    !cursor ||
    typeof cursor !== 'object' ||
    cursor.sort !== sort ||
    cursor.order !== order ||
    (typeof cursor.value !== 'string' && typeof cursor.value !== 'number') ||
    typeof cursor.scorecardId !== 'string' ||
    typeof cursor.entityRef !== 'string'
  ) {
    throw invalid;
  }
  return cursor as Cursor;
}

function toStoredResult(row: any): StoredScorecardResult {
  return {
    result: JSON.parse(row.result),
    entity: {
      kind: row.kind,
      namespace: row.namespace,
      type: optional(row.entity_type),
      lifecycle: optional(row.lifecycle),
      tier: row.tier === null ? undefined : num(row.tier),
    },
    evaluatedAt: iso(row.evaluated_at),
  };
}

function exemptionState(row: any, nowMs: number): ScorecardExemptionState {
  if (row.status === 'refused') {
    return 'refused';
  }
  if (row.revoked_at !== null && row.revoked_at !== undefined) {
    return 'revoked';
  }
  if (num(row.expires_at) <= nowMs) {
    return 'expired';
  }
  return row.status === 'pending' ? 'pending' : 'active';
}

function toExemption(row: any, nowMs: number): StoredScorecardExemption {
  const exemption: StoredScorecardExemption = {
    id: row.id,
    entityRef: row.entity_ref,
    scorecardId: row.scorecard_id,
    checkId: row.check_id,
    reason: row.reason,
    expiresAt: iso(row.expires_at),
    state: exemptionState(row, nowMs),
  };
  const optionalText: Array<[keyof StoredScorecardExemption, string]> = [
    ['requestedBy', 'requested_by'],
    ['grantedBy', 'granted_by'],
    ['refusedBy', 'refused_by'],
    ['decisionComment', 'decision_comment'],
    ['revokedBy', 'revoked_by'],
  ];
  for (const [key, column] of optionalText) {
    if (row[column] !== null && row[column] !== undefined) {
      (exemption as any)[key] = row[column];
    }
  }
  const optionalTimes: Array<[keyof StoredScorecardExemption, string]> = [
    ['requestedAt', 'requested_at'],
    ['grantedAt', 'granted_at'],
    ['refusedAt', 'refused_at'],
    ['revokedAt', 'revoked_at'],
    ['remindedAt', 'reminded_at'],
  ];
  for (const [key, column] of optionalTimes) {
    if (row[column] !== null && row[column] !== undefined) {
      (exemption as any)[key] = iso(row[column]);
    }
  }
  return exemption;
}

function exemptionRow(
  fields: Partial<Record<string, unknown>> & {
    entity_ref: string;
    scorecard_id: string;
    check_id: string;
    reason: string;
    expires_at: number;
    status: 'pending' | 'granted' | 'refused';
  },
) {
  return {
    id: randomUUID(),
    requested_by: null,
    requested_at: null,
    granted_by: null,
    granted_at: null,
    refused_by: null,
    refused_at: null,
    decision_comment: null,
    revoked_at: null,
    revoked_by: null,
    expiry_recorded_at: null,
    reminded_at: null,
    ...fields,
  };
}

function toCampaign(row: any): StoredScorecardCampaign {
  const campaign: StoredScorecardCampaign = {
    id: row.id,
    title: row.title,
    scorecardId: row.scorecard_id,
    targetLevel: row.target_level,
    dueDate: row.due_date,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
  };
  if (row.filter) {
    campaign.filter = JSON.parse(row.filter);
  }
  if (row.updated_at !== null && row.updated_at !== undefined) {
    campaign.updatedAt = iso(row.updated_at);
    campaign.updatedBy = row.updated_by;
  }
  if (row.closed_at !== null && row.closed_at !== undefined) {
    campaign.closedAt = iso(row.closed_at);
    campaign.closedBy = row.closed_by;
  }
  return campaign;
}

/**
 * The {@link ScorecardStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @internal
 */
export class DatabaseScorecardStore implements ScorecardStore {
  static create(options: { knex: Knex }): DatabaseScorecardStore {
    return new DatabaseScorecardStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async writeResults(
    writes: readonly ScorecardResultWrite[],
    nowMs: number,
  ): Promise<ScorecardResultTransition[]> {
    const day = utcDay(nowMs);
    // Sorted by (scorecard, entity), so that concurrent writers lock rows in one order.
    const sorted = sortedByKey(writes, w => [
      w.result.scorecardId,
      w.result.entityRef,
    ]);
    return retryingTransaction(this.knex, async tx => {
      const transitions: ScorecardResultTransition[] = [];
      const byScorecard = new Map<string, ScorecardResultWrite[]>();
      for (const write of sorted) {
        const list = byScorecard.get(write.result.scorecardId) ?? [];
        list.push(write);
        byScorecard.set(write.result.scorecardId, list);
      }
      for (const [scorecardId, list] of byScorecard) {
        for (const chunk of chunks(list)) {
          const previous = new Map<string, any>(
            (
              await tx(RESULTS)
                .where('scorecard_id', scorecardId)
                .whereIn(
                  'entity_ref',
                  chunk.map(write => write.result.entityRef),
                )
                .select(
                  'entity_ref',
                  'level',
                  'level_index',
                  'signature',
                  'history_day',
                )
            ).map(row => [row.entity_ref, row]),
          );
          const rows = [];
          const history = [];
          for (const { result, entity } of chunk) {
            const before = previous.get(result.entityRef);
            const signature = signatureOf(result);
            const changed = !before || before.signature !== signature;
            if (changed || before.history_day !== day) {
              history.push({
                scorecard_id: scorecardId,
                entity_ref: result.entityRef,
                owner_ref: result.ownerRef ?? '',
                level: result.level ?? null,
                level_index: result.levelIndex,
                checks: JSON.stringify(
                  Object.fromEntries(
                    result.checks.map(check => [check.id, check.status]),
                  ),
                ),
                reason: changed ? 'change' : 'snapshot',
                day,
                recorded_at: nowMs,
              });
            }
            rows.push({
              scorecard_id: scorecardId,
              entity_ref: result.entityRef,
              kind: entity.kind.toLowerCase(),
              namespace: entity.namespace.toLowerCase(),
              entity_type: entity.type ?? null,
              lifecycle: entity.lifecycle ?? null,
              tier: entity.tier ?? null,
              owner_ref: result.ownerRef ?? '',
              system_ref: result.systemRef ?? null,
              domain_ref: result.domainRef ?? null,
              level: result.level ?? null,
              level_index: result.levelIndex,
              result: JSON.stringify(result),
              signature,
              history_day: day,
              evaluated_at: nowMs,
            });
            transitions.push({
              scorecardId,
              entityRef: result.entityRef,
              previous: before
                ? {
                    level: optional(before.level),
                    levelIndex: num(before.level_index),
                  }
                : undefined,
              current: { level: result.level, levelIndex: result.levelIndex },
              changed,
            });
          }
          if (rows.length > 0) {
            await tx(RESULTS)
              .insert(rows)
              .onConflict(['scorecard_id', 'entity_ref'])
              .merge();
          }
          if (history.length > 0) {
            await tx(HISTORY).insert(history);
          }
        }
      }
      return transitions;
    });
  }

  async deleteResultsEvaluatedBefore(beforeMs: number): Promise<number> {
    return this.knex(RESULTS).where('evaluated_at', '<', beforeMs).delete();
  }

  async deleteHistoryBefore(beforeMs: number): Promise<number> {
    return this.knex(HISTORY).where('recorded_at', '<', beforeMs).delete();
  }

  async listEntityResults(entityRef: string): Promise<StoredScorecardResult[]> {
    const rows = await this.knex(RESULTS)
      .where('entity_ref', entityRef.toLowerCase())
      .orderBy('scorecard_id');
    return rows.map(toStoredResult);
  }

  async listScorecardResults(
    scorecardId: string,
  ): Promise<StoredScorecardResult[]> {
    const rows = await this.knex(RESULTS)
      .where('scorecard_id', scorecardId)
      .orderBy('entity_ref');
    return rows.map(toStoredResult);
  }

  async listResults(
    query: ListScorecardResultsQuery,
  ): Promise<{ items: StoredScorecardResult[]; nextCursor?: string }> {
    const sort = query.sort ?? 'entity';
    const order = query.order ?? 'asc';
    const column = SORT_COLUMNS[sort];
    const cmp = order === 'asc' ? '>' : '<';
    const builder = this.knex(RESULTS);
    if (query.scorecardId !== undefined) {
      builder.where('scorecard_id', query.scorecardId);
    }
    if (query.ownerRef !== undefined) {
      builder.where('owner_ref', query.ownerRef);
    }
    if (query.tier !== undefined) {
      builder.where('tier', query.tier);
    }
    if (query.kind !== undefined) {
      builder.where('kind', query.kind.toLowerCase());
    }
    if (query.level === null) {
      builder.whereNull('level');
    } else if (query.level !== undefined) {
      builder.whereRaw('LOWER(level) = ?', [query.level.toLowerCase()]);
    }
    if (query.exemptedAt !== undefined) {
      const at = query.exemptedAt;
      builder.whereExists(sub =>
        sub
          .select(this.knex.raw('1'))
          .from(EXEMPTIONS)
          .whereRaw(`${EXEMPTIONS}.entity_ref = ${RESULTS}.entity_ref`)
          .whereRaw(`${EXEMPTIONS}.scorecard_id = ${RESULTS}.scorecard_id`)
          .where(`${EXEMPTIONS}.status`, 'granted')
          .whereNull(`${EXEMPTIONS}.revoked_at`)
          .where(`${EXEMPTIONS}.expires_at`, '>', at),
      );
    }
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor, sort, order);
      // Keyset pagination on (sort column, scorecard, entity): stable under concurrent writes.
      builder.where(outer =>
        outer
          .where(column, cmp, cursor.value)
          .orWhere(inner =>
            inner
              .where(column, cursor.value)
              .where(tie =>
                tie
                  .where('scorecard_id', cmp, cursor.scorecardId)
                  .orWhere(last =>
                    last
                      .where('scorecard_id', cursor.scorecardId)
                      .where('entity_ref', cmp, cursor.entityRef),
                  ),
              ),
          ),
      );
    }
    const rows = await builder
      .orderBy([
        { column, order },
        { column: 'scorecard_id', order },
        { column: 'entity_ref', order },
      ])
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toStoredResult),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({
              sort,
              order,
              value:
                typeof last[column] === 'string'
                  ? last[column]
                  : num(last[column]),
              scorecardId: last.scorecard_id,
              entityRef: last.entity_ref,
            })
          : undefined,
    };
  }

  async listHistory(query: {
    scorecardId: string;
    entityRef: string;
    fromMs: number;
    toMs: number;
  }): Promise<ScorecardHistoryEntry[]> {
    const rows = await this.knex(HISTORY)
      .where({
        scorecard_id: query.scorecardId,
        entity_ref: query.entityRef.toLowerCase(),
      })
      .where('recorded_at', '>=', query.fromMs)
      .where('recorded_at', '<', query.toMs)
      .orderBy([
        { column: 'recorded_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(row => ({
      scorecardId: row.scorecard_id,
      entityRef: row.entity_ref,
      ownerRef: row.owner_ref || undefined,
      level: optional(row.level),
      levelIndex: num(row.level_index),
      checks: JSON.parse(row.checks),
      reason: row.reason,
      day: row.day,
      recordedAt: iso(row.recorded_at),
    }));
  }

  async listDailyLevels(query: {
    scorecardId: string;
    fromDay: string;
    toDay: string;
    entityRef?: string;
    ownerRef?: string;
  }): Promise<ScorecardDailyLevel[]> {
    const builder = this.knex(HISTORY)
      .where('scorecard_id', query.scorecardId)
      .where('day', '>=', query.fromDay)
      .where('day', '<=', query.toDay)
      .select('day', 'entity_ref', 'owner_ref', 'level', 'level_index')
      .orderBy([
        { column: 'day', order: 'asc' },
        { column: 'entity_ref', order: 'asc' },
        { column: 'recorded_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    if (query.entityRef !== undefined) {
      builder.where('entity_ref', query.entityRef.toLowerCase());
    }
    if (query.ownerRef !== undefined) {
      builder.where('owner_ref', query.ownerRef);
    }
    // At most one snapshot per entity and day plus its changes, so the rows stay few; the last
    // row of each entity's day wins.
    const latest = new Map<string, ScorecardDailyLevel>();
    for (const row of await builder) {
      latest.set(`${row.day}\u0000${row.entity_ref}`, {
        day: row.day,
        entityRef: row.entity_ref,
        ownerRef: row.owner_ref || undefined,
        level: optional(row.level),
        levelIndex: num(row.level_index),
      });
    }
    return [...latest.values()];
  }

  async createExemption(
    exemption: ScorecardExemption,
    nowMs: number,
  ): Promise<StoredScorecardExemption> {
    const row = exemptionRow({
      entity_ref: exemption.entityRef.toLowerCase(),
      scorecard_id: exemption.scorecardId,
      check_id: exemption.checkId,
      reason: exemption.reason,
      expires_at: Date.parse(exemption.expiresAt),
      status: 'granted',
      granted_by: exemption.grantedBy,
      granted_at: nowMs,
    });
    const stored = toExemption(row, nowMs);
    await retryingTransaction(this.knex, async tx => {
      await tx(EXEMPTIONS).insert(row);
      await tx(AUDIT).insert(
        auditRow(stored, 'grant', exemption.grantedBy, nowMs),
      );
    });
    return stored;
  }

  async requestExemption(
    request: ScorecardExemptionRequestWrite,
    nowMs: number,
  ): Promise<StoredScorecardExemption> {
    const row = exemptionRow({
      entity_ref: request.entityRef.toLowerCase(),
      scorecard_id: request.scorecardId,
      check_id: request.checkId,
      reason: request.reason,
      expires_at: Date.parse(request.expiresAt),
      status: 'pending',
      requested_by: request.requestedBy,
      requested_at: nowMs,
    });
    const stored = toExemption(row, nowMs);
    await retryingTransaction(this.knex, async tx => {
      await tx(EXEMPTIONS).insert(row);
      await tx(AUDIT).insert(
        auditRow(stored, 'request', request.requestedBy, nowMs),
      );
    });
    return stored;
  }

  async decideExemption(
    id: string,
    decision: ScorecardExemptionDecision,
    nowMs: number,
  ): Promise<StoredScorecardExemption | undefined> {
    return retryingTransaction(this.knex, async tx => {
      const row = await tx(EXEMPTIONS).where('id', id).first();
      if (!row) {
        return undefined;
      }
      const state = exemptionState(row, nowMs);
      if (state !== 'pending') {
        throw new ConflictError(
          `The exemption request '${id}' is ${state}, not pending: it cannot be ${
            decision.decision === 'grant' ? 'granted' : 'refused'
          } any more`,
        );
      }
      const update =
        decision.decision === 'grant'
          ? {
              status: 'granted',
              granted_by: decision.by,
              granted_at: nowMs,
              decision_comment: decision.comment ?? null,
            }
          : {
              status: 'refused',
              refused_by: decision.by,
              refused_at: nowMs,
              decision_comment: decision.comment ?? null,
            };
      // The status guard makes a concurrent second decision update nothing.
      const updated = await tx(EXEMPTIONS)
        .where({ id, status: 'pending' })
        .update(update);
      if (updated !== 1) {
        throw new ConflictError(
          `The exemption request '${id}' was decided by someone else a moment ago`,
        );
      }
      const decided = toExemption({ ...row, ...update }, nowMs);
      await tx(AUDIT).insert(
        auditRow(decided, decision.decision, decision.by, nowMs),
      );
      return decided;
    });
  }

  async getExemption(
    id: string,
    nowMs: number,
  ): Promise<StoredScorecardExemption | undefined> {
    const row = await this.knex(EXEMPTIONS).where('id', id).first();
    return row ? toExemption(row, nowMs) : undefined;
  }

  async listExemptions(
    query: {
      entityRef?: string;
      scorecardId?: string;
      state?: ScorecardExemptionState;
    },
    nowMs: number,
  ): Promise<StoredScorecardExemption[]> {
    const builder = this.knex(EXEMPTIONS).orderBy([
      { column: 'expires_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    if (query.entityRef !== undefined) {
      builder.where('entity_ref', query.entityRef.toLowerCase());
    }
    if (query.scorecardId !== undefined) {
      builder.where('scorecard_id', query.scorecardId);
    }
    switch (query.state) {
      case 'refused':
        builder.where('status', 'refused');
        break;
      case 'revoked':
        builder.whereNot('status', 'refused').whereNotNull('revoked_at');
        break;
      case 'active':
        builder
          .where('status', 'granted')
          .whereNull('revoked_at')
          .where('expires_at', '>', nowMs);
        break;
      case 'pending':
        builder.where('status', 'pending').where('expires_at', '>', nowMs);
        break;
      case 'expired':
        builder
          .whereNot('status', 'refused')
          .whereNull('revoked_at')
          .where('expires_at', '<=', nowMs);
        break;
      default:
    }
    return (await builder).map(row => toExemption(row, nowMs));
  }

  async listActiveExemptions(
    nowMs: number,
  ): Promise<ActiveScorecardExemption[]> {
    return (await this.listExemptions({ state: 'active' }, nowMs)).filter(
      (exemption): exemption is ActiveScorecardExemption =>
        exemption.grantedBy !== undefined,
    );
  }

  async revokeExemption(
    id: string,
    revokedBy: string,
    nowMs: number,
  ): Promise<StoredScorecardExemption | undefined> {
    return retryingTransaction(this.knex, async tx => {
      const row = await tx(EXEMPTIONS).where('id', id).first();
      if (!row) {
        return undefined;
      }
      const state = exemptionState(row, nowMs);
      if (state !== 'active') {
        throw new ConflictError(
          `The exemption '${id}' is ${state}, not active, and cannot be revoked`,
        );
      }
      await tx(EXEMPTIONS)
        .where('id', id)
        .update({ revoked_at: nowMs, revoked_by: revokedBy });
      const revoked = toExemption(
        { ...row, revoked_at: nowMs, revoked_by: revokedBy },
        nowMs,
      );
      await tx(AUDIT).insert(auditRow(revoked, 'revoke', revokedBy, nowMs));
      return revoked;
    });
  }

  async recordExpiredExemptions(
    nowMs: number,
  ): Promise<StoredScorecardExemption[]> {
    return retryingTransaction(this.knex, async tx => {
      const rows = await tx(EXEMPTIONS)
        .whereIn('status', ['granted', 'pending'])
        .whereNull('revoked_at')
        .whereNull('expiry_recorded_at')
        .where('expires_at', '<=', nowMs);
      const expired = sortedByKey(rows, (row: { id: string }) => [row.id]).map(
        row => toExemption(row, nowMs),
      );
      for (const chunk of chunks(expired)) {
        await tx(EXEMPTIONS)
          .whereIn(
            'id',
            chunk.map(exemption => exemption.id),
          )
          .update({ expiry_recorded_at: nowMs });
        await tx(AUDIT).insert(
          chunk.map(exemption =>
            auditRow(exemption, 'expire', undefined, nowMs),
          ),
        );
      }
      return expired;
    });
  }

  async claimExemptionReminders(
    withinMs: number,
    nowMs: number,
  ): Promise<StoredScorecardExemption[]> {
    const candidates = await this.knex(EXEMPTIONS)
      .where('status', 'granted')
      .whereNull('revoked_at')
      .whereNull('reminded_at')
      .where('expires_at', '>', nowMs)
      .where('expires_at', '<=', nowMs + withinMs)
      .orderBy('id');
    const claimed: StoredScorecardExemption[] = [];
    for (const row of candidates) {
      // One row at a time, guarded on reminded_at: of two replicas, one updates it and the
      // other updates nothing, so each reminder is sent once.
      const reminded = await retryingTransaction(this.knex, async tx => {
        const updated = await tx(EXEMPTIONS)
          .where('id', row.id)
          .whereNull('reminded_at')
          .update({ reminded_at: nowMs });
        if (updated !== 1) {
          return undefined;
        }
        const exemption = toExemption({ ...row, reminded_at: nowMs }, nowMs);
        await tx(AUDIT).insert(auditRow(exemption, 'remind', undefined, nowMs));
        return exemption;
      });
      if (reminded) {
        claimed.push(reminded);
      }
    }
    return claimed;
  }

  async listExemptionAudit(
    id: string,
  ): Promise<ScorecardExemptionAuditRecord[]> {
    const rows = await this.knex(AUDIT)
      .where('exemption_id', id)
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toAuditRecord);
  }

  async listEntityExemptionAudit(
    entityRef: string,
  ): Promise<ScorecardExemptionAuditRecord[]> {
    const rows = await this.knex(`${AUDIT} as audit`)
      .join(`${EXEMPTIONS} as exemption`, 'exemption.id', 'audit.exemption_id')
      .where('exemption.entity_ref', entityRef.toLowerCase())
      .select('audit.*')
      .orderBy([
        { column: 'audit.at', order: 'asc' },
        { column: 'audit.id', order: 'asc' },
      ]);
    return rows.map(toAuditRecord);
  }

  async createCampaign(
    campaign: Omit<StoredScorecardCampaign, 'createdAt'>,
    nowMs: number,
  ): Promise<StoredScorecardCampaign> {
    const row = {
      id: campaign.id,
      title: campaign.title,
      scorecard_id: campaign.scorecardId,
      target_level: campaign.targetLevel,
      filter: campaign.filter ? JSON.stringify(campaign.filter) : null,
      due_date: campaign.dueDate,
      created_by: campaign.createdBy,
      created_at: nowMs,
    };
    const inserted = await this.knex(CAMPAIGNS)
      .insert(row)
      .onConflict('id')
      .ignore()
      .returning('id');
    // SQLite and PostgreSQL both return no row when the conflict was ignored.
    if (inserted.length === 0) {
      throw new ConflictError(
        `A campaign with id '${campaign.id}' exists already; choose another id`,
      );
    }
    return toCampaign(row);
  }

  async getCampaign(id: string): Promise<StoredScorecardCampaign | undefined> {
    const row = await this.knex(CAMPAIGNS).where('id', id).first();
    return row ? toCampaign(row) : undefined;
  }

  async updateCampaign(
    id: string,
    edit: ScorecardCampaignEdit,
    by: string,
    nowMs: number,
  ): Promise<StoredScorecardCampaign | undefined> {
    return retryingTransaction(this.knex, async tx => {
      const row = await tx(CAMPAIGNS).where('id', id).first();
      if (!row) {
        return undefined;
      }
      if (row.closed_at !== null) {
        throw new ConflictError(
          `The campaign '${id}' is closed and cannot be edited; start a new one`,
        );
      }
      const update = {
        title: edit.title,
        target_level: edit.targetLevel,
        filter: edit.filter ? JSON.stringify(edit.filter) : null,
        due_date: edit.dueDate,
        updated_at: nowMs,
        updated_by: by,
      };
      await tx(CAMPAIGNS).where('id', id).update(update);
      return toCampaign({ ...row, ...update });
    });
  }

  async closeCampaign(
    id: string,
    by: string,
    nowMs: number,
  ): Promise<StoredScorecardCampaign | undefined> {
    return retryingTransaction(this.knex, async tx => {
      const row = await tx(CAMPAIGNS).where('id', id).first();
      if (!row) {
        return undefined;
      }
      const closed = await tx(CAMPAIGNS)
        .where('id', id)
        .whereNull('closed_at')
        .update({ closed_at: nowMs, closed_by: by });
      if (closed !== 1) {
        throw new ConflictError(`The campaign '${id}' is closed already`);
      }
      return toCampaign({ ...row, closed_at: nowMs, closed_by: by });
    });
  }

  async claimCampaignReminder(id: string, week: string): Promise<boolean> {
    const updated = await this.knex(CAMPAIGNS)
      .where('id', id)
      .whereNull('closed_at')
      .where(builder =>
        builder.whereNull('reminded_week').orWhereNot('reminded_week', week),
      )
      .update({ reminded_week: week });
    return updated === 1;
  }

  async listCampaigns(): Promise<StoredScorecardCampaign[]> {
    const rows = await this.knex(CAMPAIGNS).orderBy('id');
    return rows.map(toCampaign);
  }

  async recordCampaignProgress(
    points: readonly ScorecardCampaignProgressPoint[],
    nowMs: number,
  ): Promise<void> {
    const sorted = sortedByKey(points, p => [p.campaignId, p.day]);
    await retryingTransaction(this.knex, async tx => {
      for (const chunk of chunks(sorted)) {
        await tx(PROGRESS)
          .insert(
            chunk.map(point => ({
              campaign_id: point.campaignId,
              day: point.day,
              entities: point.entities,
              at_or_above: point.atOrAboveTarget,
              recorded_at: nowMs,
            })),
          )
          .onConflict(['campaign_id', 'day'])
          .merge();
      }
    });
  }

  async listCampaignProgress(
    campaignId: string,
  ): Promise<ScorecardCampaignProgressPoint[]> {
    const rows = await this.knex(PROGRESS)
      .where('campaign_id', campaignId)
      .orderBy('day');
    return rows.map(row => ({
      campaignId: row.campaign_id,
      day: row.day,
      entities: num(row.entities),
      atOrAboveTarget: num(row.at_or_above),
    }));
  }

  async swapExhaustedSlos(
    entries: ReadonlyArray<{ entityRef: string; sloIds: readonly string[] }>,
    nowMs: number,
  ): Promise<Map<string, string[]>> {
    const sorted = sortedByKey(entries, e => [e.entityRef]);
    return retryingTransaction(this.knex, async tx => {
      const previous = new Map<string, string[]>();
      for (const chunk of chunks(sorted)) {
        const rows = await tx(ENTITY_STATE).whereIn(
          'entity_ref',
          chunk.map(entry => entry.entityRef),
        );
        for (const row of rows) {
          previous.set(row.entity_ref, JSON.parse(row.exhausted_slos));
        }
        await tx(ENTITY_STATE)
          .insert(
            chunk.map(entry => ({
              entity_ref: entry.entityRef,
              exhausted_slos: JSON.stringify([...entry.sloIds].sort()),
              updated_at: nowMs,
            })),
          )
          .onConflict('entity_ref')
          .merge();
      }
      return previous;
    });
  }
}

function toAuditRecord(row: any): ScorecardExemptionAuditRecord {
  const record: ScorecardExemptionAuditRecord = {
    exemptionId: row.exemption_id,
    action: row.action,
    at: iso(row.at),
    details: JSON.parse(row.details),
  };
  if (row.actor !== null) {
    record.actor = row.actor;
  }
  return record;
}

function auditRow(
  exemption: StoredScorecardExemption,
  action: ScorecardExemptionAuditRecord['action'],
  actor: string | undefined,
  nowMs: number,
) {
  const { state: _state, ...details } = exemption;
  return {
    exemption_id: exemption.id,
    action,
    actor: actor ?? null,
    details: JSON.stringify(details),
    at: nowMs,
  };
}
