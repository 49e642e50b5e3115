import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AlertStore } from '../alerts/AlertStore';
import { ReliabilityService } from '../evaluation';
import { OnCallService } from '../oncall/OnCallService';
import { RunbookService, RunbookTreeService } from '../runbooks';
import { ReleaseGateService } from '../release';
import { ScorecardService, ScorecardStore } from '../scorecards';

/**
 * What the actions need: the same services the REST routes read, so that an assistant sees the
 * numbers the portal shows.
 *
 * @internal
 */
export interface ReliabilityActionsOptions {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  catalog: CatalogService;
  slos: ReliabilityService;
  onCall: OnCallService;
  runbooks: RunbookService;
  /** Decision-tree runbooks; without it the entity action answers `decisionTree: null`. */
  runbookTrees?: RunbookTreeService;
  /** The release gate; without it there is no `get-release-gate` action. */
  releaseGate?: ReleaseGateService;
  alerts: AlertStore;
  scorecards: ScorecardService;
  scorecardStore: ScorecardStore;
  /** The current time; `Date.now` by default. */
  now?: () => number;
}

/**
 * Reads an entity ref an assistant wrote: `checkout`, `component:checkout` or
 * `component:default/checkout`; the kind defaults to `defaultKind`.
 */
export function parseActionEntityRef(
  value: string,
  field: string,
  defaultKind: string,
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `'${field}' must be an entity ref such as ${defaultKind}:default/payments, got '${value}'`,
    );
  }
}

/**
 * The entity's ref when the caller may read it in the catalog. Unknown and unreadable entities
 * throw the same `NotFoundError` as the REST routes, so that an action does not reveal what
 * exists.
 */
export async function readableEntityRef(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<string> {
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
  return stringifyEntityRef(entity);
}

/** The refs among `refs` the caller may read, in lower case, one catalog request per 500. */
export async function readableEntityRefs(
  catalog: CatalogService,
  refs: Iterable<string>,
  credentials: BackstageCredentials,
  fields: string[] = ['kind', 'metadata.name', 'metadata.namespace'],
): Promise<Map<string, { system?: string }>> {
  const unique = [...new Set([...refs].map(ref => ref.toLowerCase()))];
  const readable = new Map<string, { system?: string }>();
  for (let i = 0; i < unique.length; i += 500) {
    const entityRefs = unique.slice(i, i + 500);
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs, fields },
      { credentials },
    );
    items.forEach((item, index) => {
      if (item) {
        const system = (item.spec as { system?: unknown } | undefined)?.system;
        readable.set(entityRefs[index], {
          system: typeof system === 'string' ? system : undefined,
        });
      }
    });
  }
  return readable;
}
