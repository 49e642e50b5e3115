import {
  RunbookFlagStatus,
  RunbookFlagView,
  RunbookWalkOutcome,
  RunbookWalkStep,
  RunbookWalkView,
} from '@reliability/backstage-plugin-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

const WALKS = 'reliability_runbook_walks';
const REVISIONS = 'reliability_runbook_revisions';
const FLAGS = 'reliability_runbook_flags';

/**
 * A walk to record.
 *
 * @internal
 */
export interface NewRunbookWalk {
  entityRef: string;
  alert?: string;
  path: RunbookWalkStep[];
  outcome: RunbookWalkOutcome;
  walkedBy: string;
  walkedAtMs: number;
  contentHash: string;
}

/**
 * A flag to create.
 *
 * @internal
 */
export interface NewRunbookFlag {
  entityRef: string;
  node: string;
  comment: string;
  createdBy: string;
  createdAtMs: number;
}

/**
 * Walks, content revisions and flags of decision-tree runbooks.
 *
 * @internal
 */
export interface RunbookWalkStore {
  recordWalk(walk: NewRunbookWalk): Promise<RunbookWalkView>;
  /** Newest first. */
  listWalks(entityRef: string, limit: number): Promise<RunbookWalkView[]>;
  /**
   * Notes the content the runbook has now and returns when it was first seen: the time of this
   * call for content not seen before, else the time it was first noted.
   */
  noteRevision(
    entityRef: string,
    contentHash: string,
    atMs: number,
  ): Promise<number>;
  /** When the runbook's current content was first seen; undefined when never noted. */
  getRevision(
    entityRef: string,
  ): Promise<{ contentHash: string; changedAtMs: number } | undefined>;
  createFlag(flag: NewRunbookFlag): Promise<RunbookFlagView>;
  /** Oldest first; all flags without `status`. */
  listFlags(
    entityRef: string,
    options?: { status?: RunbookFlagStatus; limit?: number },
  ): Promise<RunbookFlagView[]>;
  /**
   * Resolves an open flag of the entity; a flag resolved before stays as it was. Undefined when
   * the entity has no flag with that id.
   */
  resolveFlag(
    entityRef: string,
    id: string,
    resolution: { by: string; atMs: number; comment?: string },
  ): Promise<RunbookFlagView | undefined>;
}

type WalkRow = {
  id: string;
  entity_ref: string;
  alert: string | null;
  path: string;
  outcome: RunbookWalkOutcome;
  walked_by: string;
  walked_at: string | number;
  content_hash: string;
};

type FlagRow = {
  id: string;
  entity_ref: string;
  node_id: string;
  comment: string;
  created_by: string;
  created_at: string | number;
  status: RunbookFlagStatus;
  resolved_by: string | null;
  resolved_at: string | number | null;
  resolution: string | null;
};

function iso(ms: string | number): string {
  return new Date(Number(ms)).toISOString();
}

function toWalk(row: WalkRow): RunbookWalkView {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    ...(row.alert !== null ? { alert: row.alert } : {}),
    path: JSON.parse(row.path),
    outcome: row.outcome,
    walkedBy: row.walked_by,
    walkedAt: iso(row.walked_at),
    contentHash: row.content_hash,
  };
}

function toFlag(row: FlagRow): RunbookFlagView {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    node: row.node_id,
    comment: row.comment,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    status: row.status,
    ...(row.resolved_by !== null ? { resolvedBy: row.resolved_by } : {}),
    ...(row.resolved_at !== null ? { resolvedAt: iso(row.resolved_at) } : {}),
    ...(row.resolution !== null ? { resolution: row.resolution } : {}),
  };
}

/** Entity refs are stored in lower case, as Backstage compares them. */
function key(entityRef: string): string {
  return entityRef.toLowerCase();
}

/**
 * The {@link RunbookWalkStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @internal
 */
export class DatabaseRunbookWalkStore implements RunbookWalkStore {
  static create(options: { knex: Knex }): DatabaseRunbookWalkStore {
    return new DatabaseRunbookWalkStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async recordWalk(walk: NewRunbookWalk): Promise<RunbookWalkView> {
    const row: WalkRow = {
      id: randomUUID(),
      entity_ref: key(walk.entityRef),
      alert: walk.alert ?? null,
      path: JSON.stringify(walk.path),
      outcome: walk.outcome,
      walked_by: walk.walkedBy,
      walked_at: walk.walkedAtMs,
      content_hash: walk.contentHash,
    };
    await this.knex(WALKS).insert(row);
    return toWalk(row);
  }

  async listWalks(
    entityRef: string,
    limit: number,
  ): Promise<RunbookWalkView[]> {
    const rows = await this.knex<WalkRow>(WALKS)
      .where('entity_ref', key(entityRef))
      .orderBy([
        { column: 'walked_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(toWalk);
  }

  async noteRevision(
    entityRef: string,
    contentHash: string,
    atMs: number,
  ): Promise<number> {
    const ref = key(entityRef);
    await this.knex(REVISIONS)
      .insert({ entity_ref: ref, content_hash: contentHash, changed_at: atMs })
      .onConflict('entity_ref')
      .ignore();
    // Another content was stored before: this one is new now. Concurrent readers of the same
    // new content may each set their own time; they differ by the time between two requests.
    await this.knex(REVISIONS)
      .where('entity_ref', ref)
      .whereNot('content_hash', contentHash)
      .update({ content_hash: contentHash, changed_at: atMs });
    const revision = await this.getRevision(ref);
    return revision?.changedAtMs ?? atMs;
  }

  async getRevision(
    entityRef: string,
  ): Promise<{ contentHash: string; changedAtMs: number } | undefined> {
    const row = await this.knex(REVISIONS)
      .where('entity_ref', key(entityRef))
      .first();
    return row
      ? { contentHash: row.content_hash, changedAtMs: Number(row.changed_at) }
      : undefined;
  }

  async createFlag(flag: NewRunbookFlag): Promise<RunbookFlagView> {
    const row: FlagRow = {
      id: randomUUID(),
      entity_ref: key(flag.entityRef),
      node_id: flag.node,
      comment: flag.comment,
      created_by: flag.createdBy,
      created_at: flag.createdAtMs,
      status: 'open',
      resolved_by: null,
      resolved_at: null,
      resolution: null,
    };
    await this.knex(FLAGS).insert(row);
    return toFlag(row);
  }

  async listFlags(
    entityRef: string,
    options: { status?: RunbookFlagStatus; limit?: number } = {},
  ): Promise<RunbookFlagView[]> {
    let query = this.knex<FlagRow>(FLAGS)
      .where('entity_ref', key(entityRef))
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    if (options.status) {
      query = query.where('status', options.status);
    }
    if (options.limit) {
      query = query.limit(options.limit);
    }
    return (await query).map(toFlag);
  }

  async resolveFlag(
    entityRef: string,
    id: string,
    resolution: { by: string; atMs: number; comment?: string },
  ): Promise<RunbookFlagView | undefined> {
    const ref = key(entityRef);
    // Only an open flag changes, so that two owners resolving at once keep the first's note.
    await this.knex(FLAGS)
      .where({ entity_ref: ref, id, status: 'open' })
      .update({
        status: 'resolved',
        resolved_by: resolution.by,
        resolved_at: resolution.atMs,
        resolution: resolution.comment ?? null,
      });
    const row = await this.knex<FlagRow>(FLAGS)
      .where({ entity_ref: ref, id })
      .first();
    return row ? toFlag(row as FlagRow) : undefined;
  }
}
