import {
  EntitySlosView,
  ServiceLevelObjective,
  SloHistoryView,
  SloPageView,
  SloPolicyState,
  SloView,
} from '@reliability/backstage-plugin-common';

// The views are the API's JSON shapes, shared with the frontend through the common package.
export type {
  EntitySlosView,
  SloHistoryPointView,
  SloHistoryView,
  SloLoadErrorView,
  SloPageView,
  SloStatusView,
  SloTimeWindowView,
  SloView,
} from '@reliability/backstage-plugin-common';

/**
 * Filters and page of {@link ReliabilityService.listSlos}.
 *
 * @internal
 */
export interface ListSlosRequest {
  /** Owner entity ref; `team-a` means `group:default/team-a`. */
  owner?: string;
  tier?: string;
  state?: SloPolicyState;
  /** 1 to 500; default 50. */
  limit?: number;
  cursor?: string;
}

/**
 * What the router uses: SLOs, their status and history, as plain JSON. Permission checks are the
 * router's: it makes sure the caller may read the entity before asking.
 *
 * @internal
 */
export interface ReliabilityService {
  /** An entity's SLOs with their latest evaluation and the problems of its SLO files. */
  getEntitySlos(entityRef: string): Promise<EntitySlosView>;
  /** The parsed SLOs of an entity, e.g. to generate its Prometheus rules. */
  getEntitySloDefinitions(entityRef: string): Promise<ServiceLevelObjective[]>;
  /** One SLO; throws `NotFoundError` when no entity declares it. */
  getSlo(sloId: string): Promise<SloView>;
  /**
   * An SLO's history in `[from, to)`, downsampled to the latest point per step. Throws
   * `NotFoundError` for an unknown SLO and `InputError` for a bad range or step.
   */
  getSloHistory(
    sloId: string,
    range: { from: Date; to: Date; stepMs: number },
  ): Promise<SloHistoryView>;
  /** A page of SLOs across the organisation, ordered by id. */
  listSlos(request: ListSlosRequest): Promise<SloPageView>;
  /**
   * Reads an entity's SLO files now and returns the result. Throws `NotFoundError` when the
   * catalog has no such entity.
   */
  refreshEntity(entityRef: string): Promise<EntitySlosView>;
}
