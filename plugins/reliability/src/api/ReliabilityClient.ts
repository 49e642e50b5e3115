import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ReliabilityApi } from './ReliabilityApi';
import {
  EntitySloRules,
  EntitySlos,
  ListSlosRequest,
  SloHistory,
  SloHistoryRequest,
  SloPage,
} from './types';

/**
 * Talks to the Reliability backend through the discovery and fetch APIs, so requests carry the
 * user's Backstage token.
 *
 * @public
 */
export class ReliabilityClient implements ReliabilityApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntitySlos(entity: CompoundEntityRef): Promise<EntitySlos> {
    return this.json(`${entityPath(entity)}/slos`);
  }

  async getEntityRules(entity: CompoundEntityRef): Promise<EntitySloRules> {
    return this.json(`${entityPath(entity)}/rules?format=json`);
  }

  async getEntityRulesYaml(entity: CompoundEntityRef): Promise<string> {
    const res = await this.request(`${entityPath(entity)}/rules?format=yaml`);
    return res.text();
  }

  async refreshEntitySlos(entity: CompoundEntityRef): Promise<EntitySlos> {
    return this.json(`${entityPath(entity)}/refresh`, { method: 'POST' });
  }

  async listSlos(request: ListSlosRequest = {}): Promise<SloPage> {
    const query = new URLSearchParams();
    for (const key of ['owner', 'tier', 'state', 'cursor'] as const) {
      const value = request[key];
      if (value !== undefined && value !== '') {
        query.set(key, value);
      }
    }
    if (request.limit !== undefined) {
      query.set('limit', String(request.limit));
    }
    return this.json(`/slos${queryString(query)}`);
  }

  async getSloHistory(
    sloId: string,
    request: SloHistoryRequest = {},
  ): Promise<SloHistory> {
    const query = new URLSearchParams();
    if (request.from) {
      query.set('from', request.from.toISOString());
    }
    if (request.to) {
      query.set('to', request.to.toISOString());
    }
    if (request.step) {
      query.set('step', request.step);
    }
    return this.json(
      `/slos/${encodeURIComponent(sloId)}/history${queryString(query)}`,
    );
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    const res = await this.request(path, init);
    return (await res.json()) as T;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const res = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res;
  }
}

function entityPath(entity: CompoundEntityRef): string {
  // The backend matches entity refs case-insensitively but its route pattern wants each part
  // as one path segment, so every part is encoded (names may hold dots, namespaces underscores).
  return `/entities/${[entity.kind, entity.namespace, entity.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

function queryString(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `?${text}` : '';
}
