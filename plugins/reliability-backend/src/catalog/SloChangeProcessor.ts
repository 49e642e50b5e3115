import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CatalogProcessor,
  CatalogProcessorCache,
} from '@backstage/plugin-catalog-node';
import {
  RELIABILITY_SLOS_ANNOTATION,
  RELIABILITY_TIER_ANNOTATION,
} from '@reliability/backstage-plugin-common';

/**
 * Tells the Reliability plugin that an entity's SLO-relevant fields changed.
 *
 * @internal
 */
export type SloChangeNotifier = (entityRef: string) => Promise<void>;

const FINGERPRINT_KEY = 'reliability-slo-fingerprint';

/**
 * A catalog processor that notices when an entity's SLO locations, tier, owner or source location
 * change, and asks the Reliability plugin to re-read that entity's SLO files at once instead of
 * at its next scheduled refresh. The catalog publishes no entity-change events, so this is the
 * hook: the processor's cache (kept per entity by the catalog, across restarts) holds what was
 * last notified.
 *
 * @internal
 */
export class SloChangeProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      notify: SloChangeNotifier;
      logger: LoggerService;
    },
  ) {}

  getProcessorName(): string {
    return 'ReliabilitySloChangeProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: unknown,
    _emit: unknown,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    const annotations = entity.metadata.annotations ?? {};
    if (!annotations[RELIABILITY_SLOS_ANNOTATION]) {
      return entity;
    }
    const fingerprint = JSON.stringify([
      annotations[RELIABILITY_SLOS_ANNOTATION],
      annotations[RELIABILITY_TIER_ANNOTATION] ?? null,
      annotations['backstage.io/source-location'] ?? null,
      annotations['backstage.io/managed-by-location'] ?? null,
      (entity.spec as { owner?: unknown } | undefined)?.owner ?? null,
    ]);
    if ((await cache.get<string>(FINGERPRINT_KEY)) === fingerprint) {
      return entity;
    }
    const entityRef = stringifyEntityRef(entity);
    try {
      await this.options.notify(entityRef);
      // Only remembered once the plugin heard it, so a failed notice is retried next round.
      await cache.set(FINGERPRINT_KEY, fingerprint);
    } catch (error) {
      this.options.logger.debug(
        `Could not ask the reliability plugin to refresh ${entityRef}; its scheduled refresh will pick the change up: ${error}`,
      );
    }
    return entity;
  }
}
