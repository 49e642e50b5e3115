import { ConflictError } from '@backstage/errors';
import type { ReleaseDecision } from '@reliability/backstage-plugin-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { retryingTransaction } from './retryingTransaction';

const OVERRIDES = 'reliability_release_overrides';
const OVERRIDE_AUDIT = 'reliability_release_override_audit';
const DECISIONS = 'reliability_release_decisions';
const GATE_STATE = 'reliability_release_gate_state';
const GATE_TRANSITIONS = 'reliability_release_gate_transitions';
const ADJUSTMENTS = 'reliability_budget_adjustments';
const ADJUSTMENT_AUDIT = 'reliability_budget_adjustment_audit';

/** Decisions kept per entity: enough for the entity page and an audit of the last days. */
const DECISIONS_KEPT_PER_ENTITY = 200;

/**
 * Whether an override still counts.
 *
 * @internal
 */
export type ReleaseOverrideState = 'active' | 'expired' | 'revoked';

/**
 * A stored override. Times are ISO 8601.
 *
 * @internal
 */
export interface StoredReleaseOverride {
  id: string;
  entityRef: string;
  reason: string;
  approver: string;
  expiresAt: string;
  grantedAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  state: ReleaseOverrideState;
}

/**
 * One grant or revocation of an override.
 *
 * @internal
 */
export interface ReleaseOverrideAuditRecord {
  overrideId: string;
  entityRef: string;
  action: 'grant' | 'revoke';
  actor: string;
  at: string;
  details: StoredReleaseOverride;
}

/**
 * One answer of the gate, as recorded.
 *
 * @internal
 */
export interface RecordedReleaseDecision {
  entityRef: string;
  decision: ReleaseDecision;
  rule: string;
  summary: string;
  releaseKind: string | null;
  /** Who or what asked: a user or service ref, or `flagger:<namespace>/<canary>`. */
  requestedBy: string;
  /** `api`, or `flagger:<webhook type>`. */
  via: string;
  decidedAt: string;
}

/**
 * A budget adjustment declared through the API. Times are ISO 8601.
 *
 * @internal
 */
export interface StoredBudgetAdjustment {
  id: string;
  sloId: string;
  entityRef: string;
  name: string;
  description: string | null;
  firstEventStart: string;
  durationMs: number;
  rrule: string | null;
  createdBy: string;
  createdAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

/**
 * One declaration or withdrawal of a budget adjustment.
 *
 * @internal
 */
export interface BudgetAdjustmentAuditRecord {
  adjustmentId: string;
  action: 'create' | 'withdraw';
  actor: string;
  at: string;
  details: StoredBudgetAdjustment;
}

/**
 * Storage of the release gate: overrides and their audit, decisions, the last gate state per
 * entity, and budget adjustments with their audit.
 *
 * @internal
 */
export interface ReleaseGateStore {
  grantOverride(
    override: {
      entityRef: string;
      reason: string;
      approver: string;
      expiresAtMs: number;
    },
    nowMs: number,
  ): Promise<StoredReleaseOverride>;
  /** `undefined` when unknown; `ConflictError` when expired or revoked already. */
  revokeOverride(
    id: string,
    revokedBy: string,
    nowMs: number,
  ): Promise<StoredReleaseOverride | undefined>;
  getOverride(
    id: string,
    nowMs: number,
  ): Promise<StoredReleaseOverride | undefined>;
  listOverrides(
    filter: { entityRef?: string; state?: ReleaseOverrideState },
    nowMs: number,
  ): Promise<StoredReleaseOverride[]>;
  listOverrideAudit(id: string): Promise<ReleaseOverrideAuditRecord[]>;

  /** Records a decision and keeps the newest few hundred per entity. */
  recordDecision(decision: RecordedReleaseDecision): Promise<void>;
  listDecisions(
    entityRef: string,
    limit: number,
  ): Promise<RecordedReleaseDecision[]>;
  /** Stores the entity's gate state and returns the one before (absent the first time). */
  swapGateState(
    entityRef: string,
    state: { decision: ReleaseDecision; summary: string },
    nowMs: number,
  ): Promise<ReleaseDecision | undefined>;
  /**
   * The entity's gate state changes in [fromMs, toMs), oldest first, preceded by the last one
   * before `fromMs` (the state the period began with), if any.
   */
  listGateTransitions(
    entityRef: string,
    fromMs: number,
    toMs: number,
  ): Promise<Array<{ decision: ReleaseDecision; at: string }>>;
  /** The entities whose last recorded state is `block`, with since when and why. */
  listBlockedEntities(): Promise<
    Array<{ entityRef: string; since: string; summary: string }>
  >;

  createAdjustment(
    adjustment: Omit<
      StoredBudgetAdjustment,
      'id' | 'createdAt' | 'withdrawnAt' | 'withdrawnBy'
    >,
    nowMs: number,
  ): Promise<StoredBudgetAdjustment>;
  /** `undefined` when unknown; `ConflictError` when withdrawn already. */
  withdrawAdjustment(
    id: string,
    withdrawnBy: string,
    nowMs: number,
  ): Promise<StoredBudgetAdjustment | undefined>;
  getAdjustment(id: string): Promise<StoredBudgetAdjustment | undefined>;
  /** Adjustments not withdrawn, of one SLO or all. */
  listAdjustments(filter: {
    sloId?: string;
    entityRef?: string;
  }): Promise<StoredBudgetAdjustment[]>;
  listAdjustmentAudit(id: string): Promise<BudgetAdjustmentAuditRecord[]>;
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: unknown) =>
  ms === null || ms === undefined ? null : iso(Number(ms));

function overrideState(row: any, nowMs: number): ReleaseOverrideState {
  if (row.revoked_at !== null && row.revoked_at !== undefined) return 'revoked';
  return Number(row.expires_at) <= nowMs ? 'expired' : 'active';
}

function toOverride(row: any, nowMs: number): StoredReleaseOverride {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    reason: row.reason,
    approver: row.approver,
    expiresAt: iso(row.expires_at),
    grantedAt: iso(row.granted_at),
    revokedAt: isoOrNull(row.revoked_at),
    revokedBy: row.revoked_by ?? null,
    state: overrideState(row, nowMs),
  };
}

function toAdjustment(row: any): StoredBudgetAdjustment {
  return {
    id: row.id,
    sloId: row.slo_id,
    entityRef: row.entity_ref,
    name: row.name,
    description: row.description ?? null,
    firstEventStart: iso(row.first_event_start),
    durationMs: Number(row.duration_ms),
    rrule: row.rrule ?? null,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    withdrawnAt: isoOrNull(row.withdrawn_at),
    withdrawnBy: row.withdrawn_by ?? null,
  };
}

/**
 * The {@link ReleaseGateStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @internal
 */
export class DatabaseReleaseGateStore implements ReleaseGateStore {
  static create(options: { knex: Knex }): DatabaseReleaseGateStore {
    return new DatabaseReleaseGateStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async grantOverride(
    override: {
      entityRef: string;
      reason: string;
      approver: string;
      expiresAtMs: number;
    },
    nowMs: number,
  ): Promise<StoredReleaseOverride> {
    const row = {
      id: randomUUID(),
      entity_ref: override.entityRef.toLowerCase(),
      reason: override.reason,
      approver: override.approver,
      expires_at: override.expiresAtMs,
      granted_at: nowMs,
      revoked_at: null,
      revoked_by: null,
    };
    const granted = toOverride(row, nowMs);
    await retryingTransaction(this.knex, async tx => {
      await tx(OVERRIDES).insert(row);
      await tx(OVERRIDE_AUDIT).insert({
        override_id: row.id,
        entity_ref: row.entity_ref,
        action: 'grant',
        actor: override.approver,
        details: JSON.stringify(granted),
        at: nowMs,
      });
    });
    return granted;
  }

  async revokeOverride(
    id: string,
    revokedBy: string,
    nowMs: number,
  ): Promise<StoredReleaseOverride | undefined> {
    return retryingTransaction(this.knex, async tx => {
      const row = await tx(OVERRIDES).where('id', id).first();
      if (!row) return undefined;
      const state = overrideState(row, nowMs);
      if (state !== 'active') {
        throw new ConflictError(
          `The override '${id}' is ${state} already and cannot be revoked`,
        );
      }
      await tx(OVERRIDES)
        .where('id', id)
        .update({ revoked_at: nowMs, revoked_by: revokedBy });
      const revoked = toOverride(
        { ...row, revoked_at: nowMs, revoked_by: revokedBy },
        nowMs,
      );
      await tx(OVERRIDE_AUDIT).insert({
        override_id: id,
        entity_ref: row.entity_ref,
        action: 'revoke',
        actor: revokedBy,
        details: JSON.stringify(revoked),
        at: nowMs,
      });
      return revoked;
    });
  }

  async getOverride(id: string, nowMs: number) {
    const row = await this.knex(OVERRIDES).where('id', id).first();
    return row ? toOverride(row, nowMs) : undefined;
  }

  async listOverrides(
    filter: { entityRef?: string; state?: ReleaseOverrideState },
    nowMs: number,
  ): Promise<StoredReleaseOverride[]> {
    let query = this.knex(OVERRIDES).select('*');
    if (filter.entityRef)
      query = query.where('entity_ref', filter.entityRef.toLowerCase());
    if (filter.state === 'active') {
      query = query.whereNull('revoked_at').where('expires_at', '>', nowMs);
    } else if (filter.state === 'expired') {
      query = query.whereNull('revoked_at').where('expires_at', '<=', nowMs);
    } else if (filter.state === 'revoked') {
      query = query.whereNotNull('revoked_at');
    }
    const rows = await query
      .orderBy([
        { column: 'granted_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(1000);
    return rows.map(row => toOverride(row, nowMs));
  }

  async listOverrideAudit(id: string): Promise<ReleaseOverrideAuditRecord[]> {
    const rows = await this.knex(OVERRIDE_AUDIT)
      .where('override_id', id)
      .orderBy('id');
    return rows.map(row => ({
      overrideId: row.override_id,
      entityRef: row.entity_ref,
      action: row.action,
      actor: row.actor,
      at: iso(row.at),
      details: JSON.parse(row.details),
    }));
  }

  async recordDecision(decision: RecordedReleaseDecision): Promise<void> {
    const entityRef = decision.entityRef.toLowerCase();
    await this.knex(DECISIONS).insert({
      entity_ref: entityRef,
      decision: decision.decision,
      rule: decision.rule,
      summary: decision.summary,
      release_kind: decision.releaseKind,
      requested_by: decision.requestedBy.slice(0, 255),
      via: decision.via.slice(0, 32),
      decided_at: Date.parse(decision.decidedAt),
    });
    // Trim: the rows past the newest few hundred of this entity.
    const cutoff = await this.knex(DECISIONS)
      .where('entity_ref', entityRef)
      .orderBy('id', 'desc')
      .offset(DECISIONS_KEPT_PER_ENTITY)
      .first('id');
    if (cutoff) {
      await this.knex(DECISIONS)
        .where('entity_ref', entityRef)
        .where('id', '<=', cutoff.id)
        .delete();
    }
  }

  async listDecisions(
    entityRef: string,
    limit: number,
  ): Promise<RecordedReleaseDecision[]> {
    const rows = await this.knex(DECISIONS)
      .where('entity_ref', entityRef.toLowerCase())
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(row => ({
      entityRef: row.entity_ref,
      decision: row.decision,
      rule: row.rule,
      summary: row.summary,
      releaseKind: row.release_kind ?? null,
      requestedBy: row.requested_by,
      via: row.via,
      decidedAt: iso(row.decided_at),
    }));
  }

  async swapGateState(
    entityRef: string,
    state: { decision: ReleaseDecision; summary: string },
    nowMs: number,
  ): Promise<ReleaseDecision | undefined> {
    const ref = entityRef.toLowerCase();
    const { decision, summary } = state;
    return retryingTransaction(this.knex, async tx => {
      const before = await tx(GATE_STATE).where('entity_ref', ref).first();
      if (!before) {
        await tx(GATE_STATE)
          .insert({ entity_ref: ref, decision, summary, updated_at: nowMs })
          .onConflict('entity_ref')
          .merge();
        await tx(GATE_TRANSITIONS).insert({
          entity_ref: ref,
          decision,
          at: nowMs,
        });
      } else if (before.decision !== decision) {
        await tx(GATE_STATE)
          .where('entity_ref', ref)
          .update({ decision, summary, updated_at: nowMs });
        await tx(GATE_TRANSITIONS).insert({
          entity_ref: ref,
          decision,
          at: nowMs,
        });
      } else if (before.summary !== summary) {
        // Same decision, new reason (the budget moved): keep `since`.
        await tx(GATE_STATE).where('entity_ref', ref).update({ summary });
      }
      return before?.decision;
    });
  }

  async listGateTransitions(entityRef: string, fromMs: number, toMs: number) {
    const ref = entityRef.toLowerCase();
    const [before] = await this.knex(GATE_TRANSITIONS)
      .where('entity_ref', ref)
      .where('at', '<', fromMs)
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(1);
    const during = await this.knex(GATE_TRANSITIONS)
      .where('entity_ref', ref)
      .where('at', '>=', fromMs)
      .where('at', '<', toMs)
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(10_000);
    return [...(before ? [before] : []), ...during].map(row => ({
      decision: row.decision as ReleaseDecision,
      at: iso(row.at),
    }));
  }

  async listBlockedEntities() {
    const rows = await this.knex(GATE_STATE)
      .where('decision', 'block')
      .orderBy('entity_ref')
      .limit(10_000);
    return rows.map(row => ({
      entityRef: row.entity_ref as string,
      since: iso(row.updated_at),
      summary: row.summary as string,
    }));
  }

  async createAdjustment(
    adjustment: Omit<
      StoredBudgetAdjustment,
      'id' | 'createdAt' | 'withdrawnAt' | 'withdrawnBy'
    >,
    nowMs: number,
  ): Promise<StoredBudgetAdjustment> {
    const row = {
      id: randomUUID(),
      slo_id: adjustment.sloId,
      entity_ref: adjustment.entityRef.toLowerCase(),
      name: adjustment.name,
      description: adjustment.description,
      first_event_start: Date.parse(adjustment.firstEventStart),
      duration_ms: adjustment.durationMs,
      rrule: adjustment.rrule,
      created_by: adjustment.createdBy,
      created_at: nowMs,
      withdrawn_at: null,
      withdrawn_by: null,
    };
    const created = toAdjustment(row);
    await retryingTransaction(this.knex, async tx => {
      await tx(ADJUSTMENTS).insert(row);
      await tx(ADJUSTMENT_AUDIT).insert({
        adjustment_id: row.id,
        action: 'create',
        actor: adjustment.createdBy,
        details: JSON.stringify(created),
        at: nowMs,
      });
    });
    return created;
  }

  async withdrawAdjustment(id: string, withdrawnBy: string, nowMs: number) {
    return retryingTransaction(this.knex, async tx => {
      const row = await tx(ADJUSTMENTS).where('id', id).first();
      if (!row) return undefined;
      if (row.withdrawn_at !== null && row.withdrawn_at !== undefined) {
        throw new ConflictError(
          `The budget adjustment '${id}' is withdrawn already`,
        );
      }
      await tx(ADJUSTMENTS)
        .where('id', id)
        .update({ withdrawn_at: nowMs, withdrawn_by: withdrawnBy });
      const withdrawn = toAdjustment({
        ...row,
        withdrawn_at: nowMs,
        withdrawn_by: withdrawnBy,
      });
      await tx(ADJUSTMENT_AUDIT).insert({
        adjustment_id: id,
        action: 'withdraw',
        actor: withdrawnBy,
        details: JSON.stringify(withdrawn),
        at: nowMs,
      });
      return withdrawn;
    });
  }

  async getAdjustment(id: string) {
    const row = await this.knex(ADJUSTMENTS).where('id', id).first();
    return row ? toAdjustment(row) : undefined;
  }

  async listAdjustments(filter: { sloId?: string; entityRef?: string }) {
    let query = this.knex(ADJUSTMENTS).whereNull('withdrawn_at');
    if (filter.sloId) query = query.where('slo_id', filter.sloId);
    if (filter.entityRef)
      query = query.where('entity_ref', filter.entityRef.toLowerCase());
    const rows = await query
      .orderBy([
        { column: 'first_event_start', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(1000);
    return rows.map(toAdjustment);
  }

  async listAdjustmentAudit(
    id: string,
  ): Promise<BudgetAdjustmentAuditRecord[]> {
    const rows = await this.knex(ADJUSTMENT_AUDIT)
      .where('adjustment_id', id)
      .orderBy('id');
    return rows.map(row => ({
      adjustmentId: row.adjustment_id,
      action: row.action,
      actor: row.actor,
      at: iso(row.at),
      details: JSON.parse(row.details),
    }));
  }
}
