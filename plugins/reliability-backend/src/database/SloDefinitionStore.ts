import { InputError } from '@backstage/errors';
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import { Knex } from 'knex';
import { retryingTransaction, sortedByKey } from './retryingTransaction';

const ENTITIES = 'reliability_slo_entities';
const DEFINITIONS = 'reliability_slo_definitions';
const EVALUATIONS = 'reliability_slo_evaluations';

/**
 * A problem met while reading an entity's SLO files: a file that could not be read, a location
 * that could not be resolved, or a validation problem of the parser. `at` says when it was found.
 *
 * @internal
 */
export interface SloLoadProblem {
  /**
   * What went wrong: a `location` of the annotation could not be resolved, a file could not be
   * `read`, its content failed `validation`, or its SLO id is in `conflict` with another entity's.
   */
  kind: 'location' | 'read' | 'validation' | 'conflict';
  /** The resolved file location, or the annotation value when nothing could be resolved. */
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** When the problem was found, epoch milliseconds. */
  at: number;
}

/**
 * What was remembered of one SLO file at its last read.
 *
 * @internal
 */
export interface SloFileState {
  /** The resolved location: a URL, or `file:` and an absolute path. */
  file: string;
  /** The ETag of the content last parsed; absent when the last read failed, to force a re-read. */
  etag?: string;
}

/**
 * An entity with SLO files and the state of its last read.
 *
 * @internal
 */
export interface SloEntityRecord {
  entityRef: string;
  /** `spec.owner` as a full entity ref. */
  owner?: string;
  /** The `reliability/tier` annotation. */
  tier?: string;
  /** The locations as written in the annotation. */
  locations: string[];
  files: SloFileState[];
  /** Problems of the last attempt; errors mean some SLOs may be the last good ones. */
  errors: SloLoadProblem[];
  lastAttemptAt: number;
  /** The last attempt without errors; `undefined` when there was none. */
  lastSuccessAt?: number;
}

/**
 * One stored SLO with the entity that declares it.
 *
 * @internal
 */
export interface StoredSloDefinition {
  sloId: string;
  entityRef: string;
  sourceFile: string;
  slo: ServiceLevelObjective;
  owner?: string;
  tier?: string;
}

/**
 * The outcome of reading an entity's SLO files, saved by {@link SloDefinitionStore.saveEntity}.
 *
 * @internal
 */
export interface EntitySloUpdate {
  entityRef: string;
  owner?: string;
  tier?: string;
  locations: string[];
  files: SloFileState[];
  /**
   * SLOs of the files that were read and are valid. They replace every stored SLO of the entity
   * except those of `keepSourceFiles`.
   */
  slos: Array<{ slo: ServiceLevelObjective; sourceFile: string }>;
  /** Files that could not be read or are broken: their last good SLOs stay. */
  keepSourceFiles: string[];
  errors: SloLoadProblem[];
  attemptedAt: number;
}

/**
 * Filters and page of {@link SloDefinitionStore.listSlos}.
 *
 * @internal
 */
export interface ListSlosQuery {
  /** Full entity ref of the owner, e.g. `group:default/payments`. */
  owner?: string;
  tier?: string;
  /**
   * Budget policy state of the latest evaluation. `unknown` also matches SLOs that have not been
   * evaluated yet.
   */
  state?: string;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

/**
 * Stores the SLOs of catalog entities and the state of reading them.
 *
 * SLO ids are global: the push API, the SLI bucket store and the generated Prometheus rules all
 * key on the id alone. An id therefore belongs to the first entity that stored it; another
 * entity declaring the same id gets a conflict problem instead, until the first one drops it.
 *
 * @internal
 */
export interface SloDefinitionStore {
  /**
   * Saves one read of an entity in one transaction and returns the ids that were refused
   * because another entity owns them (those are also added to the entity's errors).
   */
  saveEntity(update: EntitySloUpdate): Promise<{ conflicts: string[] }>;
  /**
   * Records an attempt that found every file unchanged: updates owner, tier and the attempt
   * time, and the success time when the stored read had no errors.
   */
  touchEntity(options: {
    entityRef: string;
    owner?: string;
    tier?: string;
    attemptedAt: number;
  }): Promise<void>;
  /** Removes an entity and its SLOs (it left the catalog or dropped the annotation). */
  removeEntity(entityRef: string): Promise<void>;
  getEntity(entityRef: string): Promise<SloEntityRecord | undefined>;
  listEntityRefs(): Promise<string[]>;
  /** The SLOs of one entity, ordered by id. */
  listEntitySlos(entityRef: string): Promise<StoredSloDefinition[]>;
  getSlo(sloId: string): Promise<StoredSloDefinition | undefined>;
  /** Every SLO, ordered by id; what the evaluation works through. */
  listAllSlos(): Promise<StoredSloDefinition[]>;
  /** A page of SLOs ordered by id, for the organisation-wide view. */
  listSlos(
    query: ListSlosQuery,
  ): Promise<{ items: StoredSloDefinition[]; nextCursor?: string }>;
}

type DbRow = Record<string, any>;

function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string' || text === '') {
    return fallback;
  }
  return JSON.parse(text) as T;
}

function toNumber(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

function encodeCursor(afterSloId: string): string {
  return Buffer.from(JSON.stringify({ after: afterSloId }), 'utf8').toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    if (typeof parsed?.after === 'string') {
      return parsed.after;
    }
  } catch {
    // Reported below, whatever was wrong with it.
  }
  throw new InputError('Invalid cursor');
}

/**
 * The knex-backed {@link SloDefinitionStore}, on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseSloDefinitionStore implements SloDefinitionStore {
  static create(options: { knex: Knex }): DatabaseSloDefinitionStore {
    return new DatabaseSloDefinitionStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async saveEntity(update: EntitySloUpdate): Promise<{ conflicts: string[] }> {
    return retryingTransaction(this.knex, async tx => {
      const ids = update.slos.map(s => s.slo.id);
      const taken = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await tx(DEFINITIONS)
          .select('slo_id', 'entity_ref')
          .whereIn('slo_id', ids.slice(i, i + 500))
          .andWhereNot('entity_ref', update.entityRef);
        for (const row of rows) {
          taken.set(row.slo_id, row.entity_ref);
        }
      }
      const conflicts: SloLoadProblem[] = update.slos
        .filter(s => taken.has(s.slo.id))
        .map(s => ({
          kind: 'conflict',
          file: s.sourceFile,
          line: s.slo.source.location.line,
          column: s.slo.source.location.column,
          path: s.slo.source.location.path,
          message: `SLO id '${s.slo.id}' is already used by ${taken.get(
            s.slo.id,
          )}; SLO ids must be unique across the catalog, so this SLO is ignored`,
          severity: 'error',
          at: update.attemptedAt,
        }));
      const errors = [...update.errors, ...conflicts];
      const failed = errors.some(e => e.severity === 'error');

      const entityRow = {
        entity_ref: update.entityRef,
        owner: update.owner ?? null,
        tier: update.tier ?? null,
        locations: JSON.stringify(update.locations),
        files: JSON.stringify(update.files),
        errors: JSON.stringify(errors),
        last_attempt_at: update.attemptedAt,
      };
      await tx(ENTITIES)
        .insert({
          ...entityRow,
          last_success_at: failed ? null : update.attemptedAt,
        })
        .onConflict('entity_ref')
        .merge(
          failed
            ? entityRow
            : { ...entityRow, last_success_at: update.attemptedAt },
        );

      // Everything the entity had, except the last good SLOs of files that failed now, is
      // replaced; that also drops SLOs of files no longer listed in the annotation.
      let remove = tx(DEFINITIONS).where('entity_ref', update.entityRef);
      if (update.keepSourceFiles.length > 0) {
        remove = remove.whereNotIn('source_file', update.keepSourceFiles);
      }
      await remove.delete();

      // Sorted, so that concurrent writers lock rows in one order.
      const rows = sortedByKey(update.slos, s => [s.slo.id])
        .filter(s => !taken.has(s.slo.id))
        .map(s => ({
          slo_id: s.slo.id,
          entity_ref: update.entityRef,
          source_file: s.sourceFile,
          definition: JSON.stringify(s.slo),
        }));
      for (let i = 0; i < rows.length; i += 200) {
        // A kept SLO of a broken file may share an id with a new one: the new one wins.
        await tx(DEFINITIONS)
          .insert(rows.slice(i, i + 200))
          .onConflict('slo_id')
          .merge(['source_file', 'definition']);
      }
      return {
        conflicts: update.slos
          .filter(s => taken.has(s.slo.id))
          .map(s => s.slo.id),
      };
    });
  }

  async touchEntity(options: {
    entityRef: string;
    owner?: string;
    tier?: string;
    attemptedAt: number;
  }): Promise<void> {
    const row = await this.knex(ENTITIES)
      .where('entity_ref', options.entityRef)
      .first('errors');
    if (!row) {
      return;
    }
    const errors = parseJson<SloLoadProblem[]>(row.errors, []);
    const failed = errors.some(e => e.severity === 'error');
    await this.knex(ENTITIES)
      .where('entity_ref', options.entityRef)
      .update({
        owner: options.owner ?? null,
        tier: options.tier ?? null,
        last_attempt_at: options.attemptedAt,
        ...(failed ? {} : { last_success_at: options.attemptedAt }),
      });
  }

  async removeEntity(entityRef: string): Promise<void> {
    await retryingTransaction(this.knex, async tx => {
      await tx(DEFINITIONS).where('entity_ref', entityRef).delete();
      await tx(ENTITIES).where('entity_ref', entityRef).delete();
    });
  }

  async getEntity(entityRef: string): Promise<SloEntityRecord | undefined> {
    const row = await this.knex(ENTITIES)
      .where('entity_ref', entityRef)
      .first();
    if (!row) {
      return undefined;
    }
    return {
      entityRef: row.entity_ref,
      owner: row.owner ?? undefined,
      tier: row.tier ?? undefined,
      locations: parseJson<string[]>(row.locations, []),
      files: parseJson<SloFileState[]>(row.files, []),
      errors: parseJson<SloLoadProblem[]>(row.errors, []),
      lastAttemptAt: Number(row.last_attempt_at),
      lastSuccessAt: toNumber(row.last_success_at),
    };
  }

  async listEntityRefs(): Promise<string[]> {
    const rows = await this.knex(ENTITIES)
      .select('entity_ref')
      .orderBy('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async listEntitySlos(entityRef: string): Promise<StoredSloDefinition[]> {
    const rows = await this.selectDefinitions()
      .where(`${DEFINITIONS}.entity_ref`, entityRef)
      .orderBy(`${DEFINITIONS}.slo_id`);
    return rows.map(toDefinition);
  }

  async getSlo(sloId: string): Promise<StoredSloDefinition | undefined> {
    const row = await this.selectDefinitions()
      .where(`${DEFINITIONS}.slo_id`, sloId)
      .first();
    return row ? toDefinition(row) : undefined;
  }

  async listAllSlos(): Promise<StoredSloDefinition[]> {
    const rows = await this.selectDefinitions().orderBy(
      `${DEFINITIONS}.slo_id`,
    );
    return rows.map(toDefinition);
  }

  async listSlos(
    query: ListSlosQuery,
  ): Promise<{ items: StoredSloDefinition[]; nextCursor?: string }> {
    let select = this.selectDefinitions();
    if (query.owner !== undefined) {
      select = select.where(`${ENTITIES}.owner`, query.owner);
    }
    if (query.tier !== undefined) {
      select = select.where(`${ENTITIES}.tier`, query.tier);
    }
    if (query.state !== undefined) {
      const state = query.state;
      const evaluated = this.knex(EVALUATIONS).select('slo_id');
      select = select.where(builder => {
        builder.whereIn(
          `${DEFINITIONS}.slo_id`,
          evaluated.clone().where('policy_state', state),
        );
        if (state === 'unknown') {
          builder.orWhereNotIn(`${DEFINITIONS}.slo_id`, evaluated.clone());
        }
      });
    }
    if (query.cursor !== undefined) {
      select = select.where(
        `${DEFINITIONS}.slo_id`,
        '>',
        decodeCursor(query.cursor),
      );
    }
    // One extra row tells whether there is a next page without a count query.
    const rows = await select
      .orderBy(`${DEFINITIONS}.slo_id`)
      .limit(query.limit + 1);
    const items = rows.slice(0, query.limit).map(toDefinition);
    return {
      items,
      nextCursor:
        rows.length > query.limit
          ? encodeCursor(items[items.length - 1].sloId)
          : undefined,
    };
  }

  private selectDefinitions(): Knex.QueryBuilder<DbRow, DbRow[]> {
    return this.knex(DEFINITIONS)
      .join(ENTITIES, `${ENTITIES}.entity_ref`, `${DEFINITIONS}.entity_ref`)
      .select(
        `${DEFINITIONS}.slo_id`,
        `${DEFINITIONS}.entity_ref`,
        `${DEFINITIONS}.source_file`,
        `${DEFINITIONS}.definition`,
        `${ENTITIES}.owner`,
        `${ENTITIES}.tier`,
      );
  }
}

function toDefinition(row: DbRow): StoredSloDefinition {
  return {
    sloId: row.slo_id,
    entityRef: row.entity_ref,
    sourceFile: row.source_file,
    slo: JSON.parse(row.definition),
    owner: row.owner ?? undefined,
    tier: row.tier ?? undefined,
  };
}
