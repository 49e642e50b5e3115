import type {
  EntityFacts,
  ReliabilityTier,
} from '@reliability/backstage-plugin-common';
import { parseEntityRef } from '@backstage/catalog-model';
import type { StoredScorecardResult } from './ScorecardStore';

/**
 * The entity facts a campaign filter needs (kind, type, lifecycle, tier, namespace, owner),
 * rebuilt from the fields stored beside a result, so that measuring a campaign needs neither
 * the catalog nor the other services.
 *
 * @internal
 */
export function storedEntityFacts(stored: StoredScorecardResult): EntityFacts {
  const { result, entity } = stored;
  const { name } = parseEntityRef(result.entityRef);
  return {
    entity: {
      ref: result.entityRef,
      kind: entity.kind,
      namespace: entity.namespace,
      name,
      type: entity.type,
      lifecycle: entity.lifecycle,
      tier: entity.tier as ReliabilityTier | undefined,
      ownerRef: result.ownerRef,
      systemRef: result.systemRef,
      domainRef: result.domainRef,
      annotations: {},
      labels: {},
      links: [],
      raw: {},
    },
  };
}
