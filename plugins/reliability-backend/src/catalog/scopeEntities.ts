import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Kinds that hold or group entities rather than run: never counted as a scope's entities. */
const CONTAINER_KINDS = ['group', 'user', 'location', 'system', 'domain'];

/**
 * The entities a group owns, a system holds, or the systems of a domain hold, as the caller
 * may read them, without groups, users, locations, systems and domains: the entities the
 * monthly report and the alert quality of a system or domain cover. `undefined` for another
 * kind of subject.
 *
 * @internal
 */
export async function entitiesOfScope(
  catalog: CatalogService,
  subject: Entity,
  credentials: BackstageCredentials,
  limit: number,
): Promise<string[] | undefined> {
  const subjectRef = stringifyEntityRef(subject);
  const query = async (filter: Record<string, string | string[]>) =>
    (
      await catalog.queryEntities(
        {
          filter,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
          limit,
        },
        { credentials },
      )
    ).items;
  const runnable = (entities: Entity[]) =>
    entities
      .filter(e => !CONTAINER_KINDS.includes(e.kind.toLowerCase()))
      .map(e => stringifyEntityRef(e));
  switch (subject.kind.toLowerCase()) {
    case 'group':
      return runnable(await query({ 'relations.ownedBy': subjectRef }));
    case 'system':
      return runnable(await query({ 'relations.partOf': subjectRef }));
    case 'domain': {
      const systems = (await query({ 'relations.partOf': subjectRef }))
        .filter(e => e.kind.toLowerCase() === 'system')
        .map(e => stringifyEntityRef(e));
      return systems.length > 0
        ? runnable(await query({ 'relations.partOf': systems }))
        : [];
    }
    default:
      return undefined;
  }
}

/**
 * The owner groups of the entities (their `ownedBy` relations), sorted: whose on-call shifts
 * carry the pages of a system, a domain or the organisation.
 *
 * @internal
 */
export async function ownersOfEntities(
  catalog: CatalogService,
  entityRefs: string[],
  credentials: BackstageCredentials,
): Promise<string[]> {
  const owners = new Set<string>();
  for (let i = 0; i < entityRefs.length; i += 500) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: entityRefs.slice(i, i + 500),
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'relations'],
      },
      { credentials },
    );
    for (const item of items) {
      for (const relation of item?.relations ?? []) {
        if (relation.type === RELATION_OWNED_BY) {
          owners.add(relation.targetRef.toLowerCase());
        }
      }
    }
  }
  return [...owners].sort();
}
