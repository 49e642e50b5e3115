import {
  parseReliabilityTier,
  RELIABILITY_TIER_ANNOTATION,
} from '../catalog/annotations';
import type {
  EntityBasicFacts,
  EntityLinkFact,
  ScorecardJsonValue,
} from './facts';

/**
 * What the catalog knows beyond the entity itself.
 *
 * @public
 */
export interface EntityBasicFactsOptions {
  /** Whether the owner resolves to a Group; leave out when it was not looked up. */
  ownerIsGroup?: boolean;
  /** The domain, usually read from the entity's system. */
  domainRef?: string;
}

type JsonObject = { readonly [key: string]: ScorecardJsonValue };

/**
 * Reads the basic facts of a catalog entity (as JSON, e.g. a catalog `Entity`). Owner and system refs are completed the
 * way Backstage completes them (`payments` in namespace `default` becomes
 * `group:default/payments`) and lower-cased, so that they compare equal to refs elsewhere.
 *
 * @public
 */
export function entityBasicFacts(
  entity: object,
  options: EntityBasicFactsOptions = {},
): EntityBasicFacts {
  const root = entity as JsonObject;
  const metadata = objectAt(root, 'metadata');
  const spec = objectAt(root, 'spec');
  const kind = textAt(root, 'kind') ?? '';
  const namespace = textAt(metadata, 'namespace') ?? 'default';
  const name = textAt(metadata, 'name') ?? '';
  const annotations = textRecord(metadata.annotations);
  const owner = textAt(spec, 'owner');
  const system = textAt(spec, 'system');
  const tier = annotations[RELIABILITY_TIER_ANNOTATION];
  return {
    ref: `${kind}:${namespace}/${name}`.toLowerCase(),
    kind,
    namespace,
    name,
    title: textAt(metadata, 'title'),
    description: textAt(metadata, 'description'),
    type: textAt(spec, 'type'),
    lifecycle: textAt(spec, 'lifecycle'),
    ownerRef: owner ? completeRef(owner, 'group', namespace) : undefined,
    ownerIsGroup: options.ownerIsGroup,
    systemRef: system ? completeRef(system, 'system', namespace) : undefined,
    domainRef: options.domainRef?.toLowerCase(),
    tier: tier === undefined ? undefined : parseReliabilityTier(tier),
    annotations,
    labels: textRecord(metadata.labels),
    links: readLinks(metadata.links),
    raw: entity,
  };
}

/**
 * Completes an entity ref the way Backstage does and lower-cases it: `payments` with kind
 * `group` in namespace `default` becomes `group:default/payments`.
 *
 * @internal
 */
export function completeRef(
  ref: string,
  defaultKind: string,
  defaultNamespace: string,
): string {
  const colon = ref.indexOf(':');
  const kind = colon >= 0 ? ref.slice(0, colon) : defaultKind;
  const rest = colon >= 0 ? ref.slice(colon + 1) : ref;
  const withNamespace = rest.includes('/')
    ? rest
    : `${defaultNamespace}/${rest}`;
  return `${kind}:${withNamespace}`.toLowerCase();
}

function objectAt(value: JsonObject, key: string): JsonObject {
  const item = value[key];
  return item !== null && typeof item === 'object' && !Array.isArray(item)
    ? item
    : {};
}

function textAt(value: JsonObject, key: string): string | undefined {
  const item = value[key];
  return typeof item === 'string' ? item : undefined;
}

function textRecord(
  value: ScorecardJsonValue | undefined,
): Record<string, string> {
  const record: Record<string, string> = {};
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') {
        record[key] = item;
      }
    }
  }
  return record;
}

function readLinks(value: ScorecardJsonValue | undefined): EntityLinkFact[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const links: EntityLinkFact[] = [];
  for (const item of value) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const url = textAt(item, 'url');
      if (url) {
        links.push({
          url,
          title: textAt(item, 'title'),
          type: textAt(item, 'type'),
        });
      }
    }
  }
  return links;
}
