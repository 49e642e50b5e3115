import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ForwardedError, stringifyError } from '@backstage/errors';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  RELIABILITY_SLOS_ANNOTATION as SLOS_ANNOTATION,
  RELIABILITY_TIER_ANNOTATION as TIER_ANNOTATION,
  SloParseResult,
  SloSourceFile,
  parseReliabilityTier,
} from '@reliability/backstage-plugin-common';
import {
  SloDefinitionStore,
  SloEntityRecord,
  SloFileState,
  SloLoadProblem,
} from '../database/SloDefinitionStore';
import { mapWithConcurrency } from '../evaluation/mapWithConcurrency';
import { CatalogRefreshSettings, readCatalogRefreshSettings } from './config';
import {
  ResolvedSloLocation,
  parseSlosAnnotation,
  resolveSloLocation,
} from './resolveSloLocations';
import { SloFileReader } from './SloFileReader';

/** Entities are fetched from the catalog in pages of this size. */
const PAGE_SIZE = 100;
/** Entities read in parallel; each reads its files one after the other. */
const ENTITY_CONCURRENCY = 4;

/**
 * What happened to one entity in a refresh:
 *
 * - `updated`: its files were read and the result stored (SLOs and/or problems).
 * - `unchanged`: every file was unchanged since the last read; nothing was parsed.
 * - `removed`: it no longer has the annotation, or left the catalog; its SLOs were removed.
 * - `not-found`: asked for one entity that the catalog does not have (its SLOs were removed).
 * - `failed`: something unexpected (e.g. the database) failed; its last state stays.
 *
 * @internal
 */
export type EntityRefreshOutcome =
  | 'updated'
  | 'unchanged'
  | 'removed'
  | 'not-found'
  | 'failed';

/**
 * Counts of one refresh of every entity.
 *
 * @internal
 */
export interface CatalogRefreshSummary {
  entities: number;
  updated: number;
  unchanged: number;
  failed: number;
  removed: number;
  /** Entities whose stored state has errors after this refresh. */
  withErrors: number;
}

/**
 * Reads the SLO files of catalog entities that have the `reliability/slos` annotation and
 * stores their SLOs, or their problems, per entity.
 *
 * @internal
 */
export interface EntitySloLoader {
  /** Registers the periodic refresh of every entity (task `reliability-catalog-refresh`). */
  schedule(scheduler: SchedulerService): Promise<void>;
  /** Refreshes every annotated entity, and forgets entities that lost the annotation. */
  refreshAll(signal?: AbortSignal): Promise<CatalogRefreshSummary>;
  /** Refreshes one entity now, e.g. after it changed. */
  refreshEntity(entityRef: string): Promise<EntityRefreshOutcome>;
}

/**
 * Parses SLO files; `parseSloFiles` of the common package.
 *
 * @internal
 */
export type SloFilesParser = (files: SloSourceFile[]) => SloParseResult;

type FileRead =
  | { status: 'read'; content: string; etag?: string }
  | { status: 'unchanged' }
  | { status: 'failed'; error: unknown };

/**
 * The {@link EntitySloLoader} of the plugin.
 *
 * SLO ids are unique across the catalog (see `SloDefinitionStore`): the first entity to store
 * an id keeps it and any other entity declaring it gets a conflict error on its page.
 *
 * @internal
 */
export class DefaultEntitySloLoader implements EntitySloLoader {
  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    config: Config;
    logger: LoggerService;
    store: SloDefinitionStore;
    reader: SloFileReader;
    parse: SloFilesParser;
    /** Epoch milliseconds; for tests. */
    now?: () => number;
  }): DefaultEntitySloLoader {
    return new DefaultEntitySloLoader(
      options.catalog,
      options.auth,
      ScmIntegrations.fromConfig(options.config),
      readCatalogRefreshSettings(options.config),
      options.logger,
      options.store,
      options.reader,
      options.parse,
      options.now ?? Date.now,
    );
  }

  private constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly integrations: ScmIntegrationRegistry,
    private readonly settings: CatalogRefreshSettings,
    private readonly logger: LoggerService,
    private readonly store: SloDefinitionStore,
    private readonly reader: SloFileReader,
    private readonly parse: SloFilesParser,
    private readonly now: () => number,
  ) {}

  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: 'reliability-catalog-refresh',
      frequency: this.settings.frequency,
      timeout: this.settings.timeout,
      // One replica reads the files per cycle; the others serve what it stored.
      scope: 'global',
      fn: async signal => {
        await this.refreshAll(signal);
      },
    });
  }

  async refreshAll(signal?: AbortSignal): Promise<CatalogRefreshSummary> {
    const started = this.now();
    const summary: CatalogRefreshSummary = {
      entities: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      removed: 0,
      withErrors: 0,
    };
    const seen = new Set<string>();
    try {
      const credentials = await this.auth.getOwnServiceCredentials();
      let cursor: string | undefined;
      do {
        const page = await this.catalog.queryEntities(
          cursor
            ? { cursor, limit: PAGE_SIZE }
            : {
                filter: {
                  [`metadata.annotations.${SLOS_ANNOTATION}`]:
                    CATALOG_FILTER_EXISTS,
                },
                fields: [
                  'kind',
                  'metadata.name',
                  'metadata.namespace',
                  'metadata.annotations',
                  'spec.owner',
                ],
                limit: PAGE_SIZE,
              },
          { credentials },
        );
        await mapWithConcurrency(
          page.items,
          ENTITY_CONCURRENCY,
          async entity => {
            const entityRef = stringifyEntityRef(entity);
            seen.add(entityRef);
            const { outcome, hasErrors } = await this.refreshEntitySafely(
              entity,
              signal,
            );
            summary.entities += 1;
            summary[outcome] += 1;
            summary.withErrors += hasErrors ? 1 : 0;
          },
        );
        cursor = page.pageInfo.nextCursor;
      } while (cursor && !signal?.aborted);
    } catch (error) {
      throw new ForwardedError(
        'Failed to refresh SLOs from the catalog',
        error,
      );
    }

    // Only a complete listing tells which entities are gone; an aborted one tells nothing.
    if (!signal?.aborted) {
      for (const entityRef of await this.store.listEntityRefs()) {
        if (!seen.has(entityRef)) {
          await this.store.removeEntity(entityRef);
          summary.removed += 1;
        }
      }
    }
    this.logger.info(
      `Refreshed SLOs of ${summary.entities} entities in ${
        this.now() - started
      } ms: ${summary.updated} updated, ${summary.unchanged} unchanged, ${
        summary.failed
      } failed, ${summary.removed} removed, ${summary.withErrors} with errors`,
    );
    return summary;
  }

  async refreshEntity(entityRef: string): Promise<EntityRefreshOutcome> {
    const ref = stringifyEntityRef(parseEntityRef(entityRef));
    const credentials = await this.auth.getOwnServiceCredentials();
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      await this.store.removeEntity(ref);
      return 'not-found';
    }
    if (!entity.metadata.annotations?.[SLOS_ANNOTATION]) {
      await this.store.removeEntity(ref);
      return 'removed';
    }
    const { outcome } = await this.refreshEntityState(entity);
    return outcome;
  }

  private async refreshEntitySafely(
    entity: Entity,
    signal?: AbortSignal,
  ): Promise<{
    outcome: 'updated' | 'unchanged' | 'failed';
    hasErrors: boolean;
  }> {
    try {
      return await this.refreshEntityState(entity, signal);
    } catch (error) {
      // One entity never stops the others; its last stored state stays.
      this.logger.warn(
        `Failed to refresh the SLOs of ${stringifyEntityRef(
          entity,
        )}: ${stringifyError(error)}`,
      );
      return { outcome: 'failed', hasErrors: true };
    }
  }

  private async refreshEntityState(
    entity: Entity,
    signal?: AbortSignal,
  ): Promise<{ outcome: 'updated' | 'unchanged'; hasErrors: boolean }> {
    const entityRef = stringifyEntityRef(entity);
    const attemptedAt = this.now();
    const previous = await this.store.getEntity(entityRef);
    const owner = ownerOf(entity);
    const tier = tierOf(entity);
    const locations = parseSlosAnnotation(
      entity.metadata.annotations?.[SLOS_ANNOTATION],
    );

    const errors: SloLoadProblem[] = [];
    const problem = (
      kind: 'location' | 'read',
      file: string,
      message: string,
    ): SloLoadProblem => ({
      kind,
      file,
      line: 1,
      column: 1,
      path: '',
      message,
      severity: 'error',
      at: attemptedAt,
    });

    const resolved: ResolvedSloLocation[] = [];
    for (const location of locations) {
      try {
        const file = resolveSloLocation(entity, location, this.integrations);
        if (!resolved.some(r => r.file === file.file)) {
          resolved.push(file);
        }
      } catch (error) {
        errors.push(problem('location', location, (error as Error).message));
      }
    }
    if (locations.length === 0) {
      errors.push(
        problem(
          'location',
          entityRef,
          `The ${SLOS_ANNOTATION} annotation lists no SLO file locations`,
        ),
      );
    }

    const previousEtags = new Map(
      (previous?.files ?? []).map(f => [f.file, f.etag]),
    );
    const reads = new Map<string, FileRead>();
    for (const file of resolved) {
      reads.set(
        file.file,
        await this.readFile(file, previousEtags.get(file.file), signal),
      );
    }

    if (
      previous &&
      errors.length === 0 &&
      // A conflict may be gone without any file changing: the other entity dropped the id.
      !previous.errors.some(e => e.kind === 'conflict') &&
      sameFiles(previous, resolved) &&
      [...reads.values()].every(r => r.status === 'unchanged')
    ) {
      await this.store.touchEntity({ entityRef, owner, tier, attemptedAt });
      return {
        outcome: 'unchanged',
        hasErrors: previous.errors.some(e => e.severity === 'error'),
      };
    }

    // Something changed, so every file is parsed again, and the unchanged ones are needed too.
    for (const file of resolved) {
      if (reads.get(file.file)?.status === 'unchanged') {
        reads.set(file.file, await this.readFile(file, undefined, signal));
      }
    }

    const sources: SloSourceFile[] = [];
    const files: SloFileState[] = [];
    const keepSourceFiles = new Set<string>();
    for (const file of resolved) {
      const read = reads.get(file.file)!;
      if (read.status === 'read') {
        sources.push({ path: file.file, content: read.content });
        files.push({ file: file.file, etag: read.etag });
      } else {
        // No ETag is kept for a failed read, so that the next refresh reads the file again.
        files.push({ file: file.file });
        keepSourceFiles.add(file.file);
        errors.push(
          problem(
            'read',
            file.file,
            `Could not read the SLO file '${file.location}': ${
              read.status === 'failed'
                ? stringifyError(read.error)
                : 'it changed while it was read'
            }`,
          ),
        );
      }
    }
    if (resolved.length < locations.length) {
      // A location that cannot be resolved now may be one whose SLOs were stored before.
      for (const file of previous?.files ?? []) {
        if (!resolved.some(r => r.file === file.file)) {
          keepSourceFiles.add(file.file);
        }
      }
    }

    const parsed =
      sources.length > 0 ? this.parse(sources) : { slos: [], problems: [] };
    for (const p of parsed.problems) {
      errors.push({ ...p, kind: 'validation', at: attemptedAt });
      if (p.severity === 'error') {
        // A file with errors contributes no SLOs; its last good ones stay.
        keepSourceFiles.add(p.file);
      }
    }

    const { conflicts } = await this.store.saveEntity({
      entityRef,
      owner,
      tier,
      locations,
      files,
      slos: parsed.slos.map(slo => ({
        slo,
        sourceFile: slo.source.location.file,
      })),
      keepSourceFiles: [...keepSourceFiles],
      errors,
      attemptedAt,
    });
    return {
      outcome: 'updated',
      hasErrors:
        conflicts.length > 0 || errors.some(e => e.severity === 'error'),
    };
  }

  private async readFile(
    file: ResolvedSloLocation,
    etag: string | undefined,
    signal?: AbortSignal,
  ): Promise<FileRead> {
    try {
      const result = await this.reader.read(file.target, { etag, signal });
      return result === 'unchanged'
        ? { status: 'unchanged' }
        : { status: 'read', content: result.content, etag: result.etag };
    } catch (error) {
      return { status: 'failed', error };
    }
  }
}

function sameFiles(
  previous: SloEntityRecord,
  resolved: ResolvedSloLocation[],
): boolean {
  const before = new Set(previous.files.map(f => f.file));
  return (
    before.size === resolved.length && resolved.every(r => before.has(r.file))
  );
}

/** The tier as `1` to `4` whichever way it is written (`tier-1`), so that the listing filters on one. */
function tierOf(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[TIER_ANNOTATION]?.trim();
  if (!value) {
    return undefined;
  }
  return String(parseReliabilityTier(value) ?? value);
}

/** `spec.owner` as a full entity ref, so that the listing filters on one spelling. */
function ownerOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
      }),
    );
  } catch {
    return owner;
  }
}
