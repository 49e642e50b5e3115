import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EntityRunbooksView,
  RunbookContent,
  ServiceLevelObjective,
} from '@reliability/backstage-plugin-common';

// The views are the API's JSON shapes, shared with the frontend through the common package.
export type {
  EntityRunbooksView,
  PagingAlertWithoutRunbook,
  Runbook,
  RunbookAlert,
  RunbookCheckOutcome,
  RunbookCheckView,
  RunbookContent,
  RunbookOrigin,
  RunbookProblem,
  RunbookView,
} from '@reliability/backstage-plugin-common';

/**
 * What a run of {@link RunbookService.checkAll} did.
 *
 * @internal
 */
export interface RunbookCheckSummary {
  entities: number;
  runbooks: number;
  reachable: number;
  unreachable: number;
  refused: number;
  /** Entities that could not be checked at all (not in the catalog, database failure). */
  failedEntities: number;
}

/**
 * Options of the calls that read the catalog on behalf of someone.
 *
 * @internal
 */
export interface RunbookRequestOptions {
  /** Passed to the entity loader; the scheduled checks pass none. */
  credentials?: BackstageCredentials;
  signal?: AbortSignal;
}

/**
 * Loads a catalog entity by its full ref; `undefined` when the catalog does not have it (or
 * `credentials` may not see it). Without credentials, the plugin's own are meant.
 *
 * @internal
 */
export type RunbookEntityLoader = (
  entityRef: string,
  options: { credentials?: BackstageCredentials },
) => Promise<Entity | undefined>;

/**
 * Loads the parsed SLOs of an entity, e.g.
 * `ref => store.listEntitySlos(ref).then(rows => rows.map(r => r.slo))`.
 *
 * @internal
 */
export type RunbookSloDefinitionsLoader = (
  entityRef: string,
) => Promise<ServiceLevelObjective[]>;

/**
 * Collects, reads and checks the runbooks of catalog entities.
 *
 * @internal
 */
export interface RunbookService {
  /** The entity's runbooks with their latest checks; NotFoundError when it is not in the catalog. */
  getEntityRunbooks(
    entityRef: string,
    options?: RunbookRequestOptions,
  ): Promise<EntityRunbooksView>;
  /**
   * The Markdown of one runbook; NotFoundError for an unknown runbook, InputError for one that is
   * not a Markdown file in a repository.
   */
  getRunbookContent(
    entityRef: string,
    runbookId: string,
    options?: RunbookRequestOptions,
  ): Promise<RunbookContent>;
  /** Checks every runbook of the entity now, stores the results and returns the entity's view. */
  checkEntity(
    entityRef: string,
    options?: RunbookRequestOptions,
  ): Promise<EntityRunbooksView>;
  /**
   * Checks the runbooks of many entities, a few at a time; failures are logged per entity and
   * counted, never thrown.
   */
  checkAll(
    entityRefs: readonly string[],
    options?: { signal?: AbortSignal },
  ): Promise<RunbookCheckSummary>;
}
