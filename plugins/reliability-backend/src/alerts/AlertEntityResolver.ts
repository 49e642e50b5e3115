import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Maps an alert to the entity through one of its labels: the label's value is looked up as the
 * value of a catalog annotation, e.g. label `service` → annotation `reliability/alert-service`.
 *
 * @internal
 */
export interface LabelAnnotationMatcher {
  label: string;
  annotation: string;
}

/**
 * Where an alert belongs, or why it belongs nowhere.
 *
 * @internal
 */
export type AlertEntityMatch =
  | { entityRef: string; reason?: undefined }
  | { entityRef?: undefined; reason: string };

const CACHE_TTL_MS = 60_000;
const MAX_CACHE_ENTRIES = 10_000;

/**
 * Finds the catalog entity of an alert from its labels: first the `backstage_entity` label (an
 * entity ref, kind `component` and namespace `default` when omitted), then each label → annotation
 * matcher in order. Every answer is checked against the catalog, so a typo in a label shows up as
 * an unmapped alert rather than as alerts of an entity that does not exist. Answers are cached
 * for a minute because Alertmanager re-sends the same alerts every group interval.
 *
 * @internal
 */
export class AlertEntityResolver {
  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    entityLabel: string;
    matchers: LabelAnnotationMatcher[];
    now?: () => number;
  }): AlertEntityResolver {
    return new AlertEntityResolver(options);
  }

  private readonly cache = new Map<
    string,
    { at: number; match: Promise<AlertEntityMatch> }
  >();

  private constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      entityLabel: string;
      matchers: LabelAnnotationMatcher[];
      now?: () => number;
    },
  ) {}

  async resolve(labels: Record<string, string>): Promise<AlertEntityMatch> {
    const { entityLabel, matchers } = this.options;
    const reasons: string[] = [];
    const ref = labels[entityLabel];
    if (ref) {
      const match = await this.cached(`ref\u0000${ref}`, () =>
        this.lookUpRef(ref),
      );
      if (match.reason === undefined) {
        return match;
      }
      reasons.push(match.reason);
    }
    for (const { label, annotation } of matchers) {
      const value = labels[label];
      if (!value) {
        continue;
      }
      const match = await this.cached(
        `annotation\u0000${annotation}\u0000${value}`,
        () => this.lookUpAnnotation(annotation, value),
      );
      if (match.reason === undefined) {
        return match;
      }
      reasons.push(match.reason);
    }
    if (reasons.length === 0) {
      const labelsTried = [entityLabel, ...matchers.map(m => m.label)];
      reasons.push(
        `it has none of the labels ${labelsTried.join(
          ', ',
        )}: add a '${entityLabel}' label with the entity ref`,
      );
    }
    return { reason: reasons.join('; ') };
  }

  private async cached(
    key: string,
    lookUp: () => Promise<AlertEntityMatch>,
  ): Promise<AlertEntityMatch> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_TTL_MS) {
      return hit.match;
    }
    if (this.cache.size >= MAX_CACHE_ENTRIES) {
      this.cache.clear();
    }
    const match = lookUp();
    this.cache.set(key, { at: now, match });
    // A failed lookup (catalog down) must not be remembered.
    match.catch(() => this.cache.delete(key));
    return match;
  }

  private async lookUpRef(value: string): Promise<AlertEntityMatch> {
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      return {
        reason: `label ${this.options.entityLabel}="${value}" is not an entity ref such as component:default/checkout`,
      };
    }
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    return entity
      ? { entityRef: stringifyEntityRef(entity) }
      : {
          reason: `label ${this.options.entityLabel}="${value}" names ${entityRef}, which is not in the catalog`,
        };
  }

  private async lookUpAnnotation(
    annotation: string,
    value: string,
  ): Promise<AlertEntityMatch> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { [`metadata.annotations.${annotation}`]: value },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        limit: 2,
      },
      { credentials },
    );
    if (items.length === 0) {
      return {
        reason: `no entity has the annotation ${annotation}: ${value}`,
      };
    }
    // Several entities claiming one label value is a catalog mistake; the first keeps the alert.
    return { entityRef: stringifyEntityRef(items[0]) };
  }
}
