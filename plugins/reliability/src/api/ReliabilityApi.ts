import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntitySloRules,
  EntitySlos,
  ListSlosRequest,
  SloHistory,
  SloHistoryRequest,
  SloPage,
} from './types';

/**
 * The Reliability backend as the frontend sees it. Every method throws a `ResponseError` from
 * `@backstage/errors` when the backend answers with an error.
 *
 * @public
 */
export interface ReliabilityApi {
  /** An entity's SLOs with their latest evaluation and the problems of its SLO files. */
  getEntitySlos(entity: CompoundEntityRef): Promise<EntitySlos>;
  /** The Prometheus rule groups for an entity's SLOs, as JSON. */
  getEntityRules(entity: CompoundEntityRef): Promise<EntitySloRules>;
  /** The Prometheus rule groups for an entity's SLOs, as a YAML rules file. */
  getEntityRulesYaml(entity: CompoundEntityRef): Promise<string>;
  /** Re-reads an entity's SLO files now and returns the result. */
  refreshEntitySlos(entity: CompoundEntityRef): Promise<EntitySlos>;
  /** A page of the organisation-wide SLO listing. */
  listSlos(request?: ListSlosRequest): Promise<SloPage>;
  /** An SLO's SLI, budget remaining and burn rates over time. */
  getSloHistory(
    sloId: string,
    request?: SloHistoryRequest,
  ): Promise<SloHistory>;
}

/**
 * The {@link ReliabilityApi}; `plugin.reliability.api`.
 *
 * @public
 */
export const reliabilityApiRef = createApiRef<ReliabilityApi>().with({
  id: 'plugin.reliability.api',
  pluginId: 'reliability',
});
