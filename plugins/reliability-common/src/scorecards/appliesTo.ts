import type { ScorecardAppliesTo } from './definitions';
import { completeRef } from './entityBasicFacts';
import type { EntityBasicFacts } from './facts';

/**
 * A compiled {@link ScorecardAppliesTo}: whether the filter takes the entity.
 *
 * @internal
 */
export type EntityFilter = (entity: EntityBasicFacts) => boolean;

function lowerSet(values: readonly string[] | undefined) {
  return values ? new Set(values.map(value => value.toLowerCase())) : undefined;
}

/** Set lookup that lower-cases only when the value is not already found as written. */
function hasText(set: ReadonlySet<string>, value: string | undefined): boolean {
  return (
    value !== undefined && (set.has(value) || set.has(value.toLowerCase()))
  );
}

/**
 * Compiles a filter once, so that matching an entity allocates nothing in the common case.
 *
 * @internal
 */
export function compileAppliesTo(filter: ScorecardAppliesTo): EntityFilter {
  const kinds = lowerSet(filter.kind);
  const types = lowerSet(filter.type);
  const lifecycles = lowerSet(filter.lifecycle);
  const namespaces = lowerSet(filter.namespace);
  const tiers = filter.tier ? new Set<number>(filter.tier) : undefined;
  // Owner refs are completed like Backstage does; the namespace default is `default`.
  const owners = filter.owner
    ? new Set(filter.owner.map(owner => completeRef(owner, 'group', 'default')))
    : undefined;
  const systems = filter.system
    ? new Set(
        filter.system.map(system => completeRef(system, 'system', 'default')),
      )
    : undefined;
  return entity =>
    (!kinds || hasText(kinds, entity.kind)) &&
    (!types || hasText(types, entity.type)) &&
    (!lifecycles || hasText(lifecycles, entity.lifecycle)) &&
    (!namespaces || hasText(namespaces, entity.namespace)) &&
    (!tiers || (entity.tier !== undefined && tiers.has(entity.tier))) &&
    (!owners || hasText(owners, entity.ownerRef)) &&
    (!systems || hasText(systems, entity.systemRef));
}
