import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ForwardedError, stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AlertSource } from '@reliability/backstage-plugin-node';
import { AlertStore } from './AlertStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The first pull of a source reaches back this far, so alert quality has a history at once. */
const FIRST_PULL_MS = 30 * DAY_MS;
/**
 * Each pull re-reads this much before where the last one ended: incidents acknowledged or
 * resolved late show up again and merge, and clock skew between us and the source cannot leave a
 * hole. The store is idempotent, so the overlap costs requests, not rows.
 */
const OVERLAP_MS = 60 * 60 * 1000;
const PAGE_SIZE = 500;

/**
 * Pulls alerts from every registered source on a schedule and stores them idempotently. Each
 * source keeps its own progress, so one failing source neither blocks the others nor loses its
 * place.
 *
 * @internal
 */
export class AlertPuller {
  static create(options: {
    sources: () => AlertSource[];
    store: AlertStore;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    now?: () => number;
  }): AlertPuller {
    return new AlertPuller(options);
  }

  private constructor(
    private readonly options: {
      sources: () => AlertSource[];
      store: AlertStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  async schedule(
    scheduler: SchedulerService,
    frequency = { minutes: 5 },
  ): Promise<void> {
    await scheduler.scheduleTask({
      id: 'reliability-pull-alerts',
      frequency,
      timeout: { minutes: 10 },
      initialDelay: { seconds: 30 },
      fn: async signal => {
        await this.pullAll(signal);
      },
    });
  }

  /** Pulls every source once; throws when every source failed. */
  async pullAll(
    signal?: AbortSignal,
  ): Promise<Array<{ source: string; stored?: number; error?: string }>> {
    const sources = this.options.sources();
    if (sources.length === 0) {
      return [];
    }
    const entities = await this.catalogEntities();
    const results = [];
    for (const source of sources) {
      signal?.throwIfAborted();
      results.push(await this.pullSource(source, entities, signal));
    }
    const failed = results.filter(r => r.error);
    if (failed.length === results.length) {
      throw new ForwardedError(
        'Every alert source failed',
        new Error(failed.map(f => `${f.source}: ${f.error}`).join('; ')),
      );
    }
    return results;
  }

  private async pullSource(
    source: AlertSource,
    entities: Entity[],
    signal?: AbortSignal,
  ): Promise<{ source: string; stored?: number; error?: string }> {
    const { store, logger } = this.options;
    const now = (this.options.now ?? Date.now)();
    const mapped = entities.filter(entity => {
      try {
        return source.supports(entity);
      } catch {
        return false;
      }
    });
    if (mapped.length === 0) {
      return { source: source.type, stored: 0 };
    }
    try {
      const state = await store.getPullState(source.type);
      const since = state
        ? Math.max(state.pulledUntil - OVERLAP_MS, now - FIRST_PULL_MS)
        : now - FIRST_PULL_MS;
      const records = await source.pull({
        entities: mapped,
        since: new Date(since),
        until: new Date(now),
        signal,
      });
      const known = new Set(mapped.map(e => entityRefOf(e)));
      const valid = records.filter(record => {
        if (
          record.source !== source.type ||
          !known.has(record.entityRef.toLocaleLowerCase('en-US'))
        ) {
          logger.warn(
            `Alert source ${source.type} returned ${record.source}/${record.externalId} for ${record.entityRef}, which it was not asked about; ignored`,
          );
          return false;
        }
        return true;
      });
      const { inserted, merged } = valid.length
        ? await store.upsertAlerts(valid, now)
        : { inserted: 0, merged: 0 };
      await store.setPullState(source.type, {
        pulledUntil: now,
        attemptedAt: now,
      });
      logger.info(
        `Pulled ${records.length} alerts from ${source.type} for ${mapped.length} entities: ${inserted} new, ${merged} updated`,
      );
      return { source: source.type, stored: inserted };
    } catch (error) {
      const message = stringifyError(error);
      logger.warn(`Pulling alerts from ${source.type} failed: ${message}`);
      await store
        .setPullState(source.type, { error: message, attemptedAt: now })
        .catch(() => undefined);
      return { source: source.type, error: message };
    }
  }

  private async catalogEntities(): Promise<Entity[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page: any = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : {
              filter: { kind: ['component', 'system', 'resource', 'group'] },
              fields: ['kind', 'metadata', 'spec.owner', 'relations'],
              limit: PAGE_SIZE,
            },
        { credentials },
      );
      entities.push(...page.items);
      cursor = page.pageInfo?.nextCursor;
    } while (cursor);
    return entities;
  }
}

/** Entity refs compare case-insensitively, as the catalog compares them. */
function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
