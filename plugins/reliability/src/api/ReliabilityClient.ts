import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ReliabilityApi } from './ReliabilityApi';
import type {
  EntityOnCall,
  EntityRunbookTreeView,
  RunbookFlagView,
  RunbookWalkStep,
  RunbookWalkView,
  MonthlyReliabilityReport,
  MonthlyReportCsvTable,
  BlockedReleaseView,
  ReleaseDecisionRecordView,
  ReleaseGateView,
  ReleaseOverrideView,
} from '@reliability/backstage-plugin-common';
import {
  AlertPeriodRequest,
  AlertQualityView,
  EntityRunbooks,
  EntityExemptions,
  EntityScorecards,
  EntitySloRules,
  EntitySlos,
  ListScorecardResultsRequest,
  ListSlosRequest,
  OwnerOnCall,
  ReliabilityAlert,
  RunbookContent,
  ScorecardCampaignInput,
  ScorecardCampaignProgressView,
  ScorecardCampaignView,
  ScorecardDefinitionStatus,
  ScorecardDefinitionView,
  ScorecardDryRunView,
  ScorecardExemptionRequest,
  ScorecardExemptionState,
  ScorecardExemptionView,
  ScorecardHistory,
  ScorecardResultPage,
  ScorecardResultsFilter,
  ScorecardRollups,
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

  async getEntityOnCall(entity: CompoundEntityRef): Promise<EntityOnCall> {
    return this.json(`${entityPath(entity)}/oncall`);
  }

  async getOwnerOnCall(ownerRef: string): Promise<OwnerOnCall> {
    return this.json(
      `/oncall${queryString(new URLSearchParams({ owner: ownerRef }))}`,
    );
  }

  async getEntityRunbooks(entity: CompoundEntityRef): Promise<EntityRunbooks> {
    return this.json(`${entityPath(entity)}/runbooks`);
  }

  async getRunbookContent(
    entity: CompoundEntityRef,
    runbookId: string,
  ): Promise<RunbookContent> {
    return this.json(
      `${entityPath(entity)}/runbooks/${encodeURIComponent(runbookId)}/content`,
    );
  }

  async listEntityAlerts(
    entity: CompoundEntityRef,
    request: AlertPeriodRequest & { limit?: number } = {},
  ): Promise<{ items: ReliabilityAlert[] }> {
    const query = periodQuery(request);
    if (request.limit !== undefined) {
      query.set('limit', String(request.limit));
    }
    return this.json(`${entityPath(entity)}/alerts${queryString(query)}`);
  }

  async getEntityAlertQuality(
    entity: CompoundEntityRef,
    request: AlertPeriodRequest = {},
  ): Promise<AlertQualityView> {
    return this.json(
      `${entityPath(entity)}/alert-quality${queryString(periodQuery(request))}`,
    );
  }

  async getOwnerAlertQuality(
    ownerRef: string,
    request: AlertPeriodRequest = {},
  ): Promise<AlertQualityView> {
    const query = periodQuery(request);
    query.set('owner', ownerRef);
    return this.json(`/alert-quality${queryString(query)}`);
  }

  async triageAlert(
    alertId: string,
    actionable: boolean,
  ): Promise<ReliabilityAlert> {
    return this.json(`/alerts/${encodeURIComponent(alertId)}/triage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ actionable }),
    });
  }

  async getEntityScorecards(
    entity: CompoundEntityRef,
  ): Promise<EntityScorecards> {
    return this.json(`${entityPath(entity)}/scorecards`);
  }

  async evaluateEntityScorecards(
    entity: CompoundEntityRef,
  ): Promise<EntityScorecards> {
    return this.json(`${entityPath(entity)}/scorecards/evaluate`, {
      method: 'POST',
    });
  }

  async listScorecards(): Promise<{ items: ScorecardDefinitionView[] }> {
    return this.json('/scorecards');
  }

  async listScorecardResults(
    request: ListScorecardResultsRequest = {},
  ): Promise<ScorecardResultPage> {
    const query = filterQuery(request);
    if (request.limit !== undefined) {
      query.set('limit', String(request.limit));
    }
    if (request.cursor) {
      query.set('cursor', request.cursor);
    }
    return this.json(`/scorecards/results${queryString(query)}`);
  }

  async exportScorecardResultsCsv(
    filter: ScorecardResultsFilter = {},
  ): Promise<Blob> {
    const res = await this.request(
      `/scorecards/results.csv${queryString(filterQuery(filter))}`,
    );
    return res.blob();
  }

  async getScorecardRollups(
    scorecardId: string,
    groupBy: 'owner' | 'system' | 'domain' = 'owner',
  ): Promise<ScorecardRollups> {
    return this.json(
      `/scorecards/${encodeURIComponent(
        scorecardId,
      )}/rollups?groupBy=${groupBy}`,
    );
  }

  async getScorecardHistory(
    scorecardId: string,
    request: AlertPeriodRequest & { owner?: string } = {},
  ): Promise<ScorecardHistory> {
    const query = periodQuery(request);
    if (request.owner) {
      query.set('owner', request.owner);
    }
    return this.json(
      `/scorecards/${encodeURIComponent(scorecardId)}/history${queryString(
        query,
      )}`,
    );
  }

  async listCampaigns(): Promise<{ items: ScorecardCampaignView[] }> {
    return this.json('/campaigns');
  }

  async getCampaignProgress(
    campaignId: string,
  ): Promise<ScorecardCampaignProgressView> {
    return this.json(`/campaigns/${encodeURIComponent(campaignId)}/progress`);
  }

  async getEntityRunbookTree(
    entity: CompoundEntityRef,
  ): Promise<EntityRunbookTreeView> {
    return this.json(`${entityPath(entity)}/runbook-tree`);
  }

  async recordRunbookWalk(
    entity: CompoundEntityRef,
    walk: { alert?: string; path: RunbookWalkStep[] },
  ): Promise<RunbookWalkView> {
    return this.json(`${entityPath(entity)}/runbook-tree/walks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(walk),
    });
  }

  async flagRunbookStep(
    entity: CompoundEntityRef,
    flag: { node: string; comment: string },
  ): Promise<RunbookFlagView> {
    return this.json(`${entityPath(entity)}/runbook-tree/flags`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(flag),
    });
  }

  async resolveRunbookFlag(
    entity: CompoundEntityRef,
    flagId: string,
    comment?: string,
  ): Promise<RunbookFlagView> {
    return this.json(
      `${entityPath(entity)}/runbook-tree/flags/${encodeURIComponent(
        flagId,
      )}/resolve`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(comment ? { comment } : {}),
      },
    );
  }

  async getMonthlyReport(request: {
    owner?: string;
    month: string;
  }): Promise<MonthlyReliabilityReport> {
    return this.json(`/report${reportQuery(request)}`);
  }

  async downloadMonthlyReport(
    request: { owner?: string; month: string },
    format: 'md' | 'csv',
    table?: MonthlyReportCsvTable,
  ): Promise<Blob> {
    const query = reportQuery(request);
    const res = await this.request(
      `/report.${format}${query}${
        format === 'csv' && table ? `&table=${encodeURIComponent(table)}` : ''
      }`,
    );
    return res.blob();
  }

  async getReleaseGate(
    entity: CompoundEntityRef,
    options: { release?: string } = {},
  ): Promise<ReleaseGateView> {
    const query = new URLSearchParams({ preview: 'true' });
    if (options.release) {
      query.set('release', options.release);
    }
    return this.json(`${gatePath(entity)}?${query}`);
  }

  async listReleaseDecisions(
    entity: CompoundEntityRef,
  ): Promise<{ items: ReleaseDecisionRecordView[] }> {
    return this.json(`${gatePath(entity)}/decisions`);
  }

  async listReleaseOverrides(
    entity: CompoundEntityRef,
  ): Promise<{ items: ReleaseOverrideView[] }> {
    return this.json(`${gatePath(entity)}/overrides`);
  }

  async grantReleaseOverride(
    entity: CompoundEntityRef,
    override: { reason: string; expiresAt: string },
  ): Promise<ReleaseOverrideView> {
    return this.json(`${gatePath(entity)}/overrides`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(override),
    });
  }

  async revokeReleaseOverride(
    overrideId: string,
  ): Promise<ReleaseOverrideView> {
    return this.json(
      `/release-overrides/${encodeURIComponent(overrideId)}/revoke`,
      { method: 'POST' },
    );
  }

  async listBlockedReleases(): Promise<{ items: BlockedReleaseView[] }> {
    return this.json('/gate/blocked');
  }

  async getEntityExemptions(
    entity: CompoundEntityRef,
  ): Promise<EntityExemptions> {
    return this.json(`${entityPath(entity)}/exemptions`);
  }

  async requestExemption(
    entity: CompoundEntityRef,
    request: ScorecardExemptionRequest,
  ): Promise<ScorecardExemptionView> {
    return this.send(
      `${entityPath(entity)}/exemption-requests`,
      'POST',
      request,
    );
  }

  async listExemptions(
    filter: { state?: ScorecardExemptionState; scorecard?: string } = {},
  ): Promise<{ items: ScorecardExemptionView[] }> {
    const params = new URLSearchParams();
    if (filter.state) params.set('state', filter.state);
    if (filter.scorecard) params.set('scorecard', filter.scorecard);
    const query = params.toString();
    return this.json(`/exemptions${query ? `?${query}` : ''}`);
  }

  async decideExemption(
    exemptionId: string,
    decision: { decision: 'grant' | 'refuse'; comment?: string },
  ): Promise<ScorecardExemptionView> {
    return this.send(
      `/exemptions/${encodeURIComponent(exemptionId)}/decision`,
      'POST',
      decision,
    );
  }

  async revokeExemption(exemptionId: string): Promise<ScorecardExemptionView> {
    return this.send(
      `/exemptions/${encodeURIComponent(exemptionId)}/revoke`,
      'POST',
    );
  }

  async createCampaign(
    campaign: ScorecardCampaignInput & { id: string; scorecardId: string },
  ): Promise<ScorecardCampaignView> {
    return this.send('/campaigns', 'POST', campaign);
  }

  async updateCampaign(
    campaignId: string,
    campaign: ScorecardCampaignInput,
  ): Promise<ScorecardCampaignView> {
    return this.send(
      `/campaigns/${encodeURIComponent(campaignId)}`,
      'POST',
      campaign,
    );
  }

  async closeCampaign(campaignId: string): Promise<ScorecardCampaignView> {
    return this.send(
      `/campaigns/${encodeURIComponent(campaignId)}/close`,
      'POST',
    );
  }

  async getScorecardDefinitionStatus(): Promise<ScorecardDefinitionStatus> {
    return this.json('/scorecards/definition-status');
  }

  async dryRunScorecard(yaml: string): Promise<ScorecardDryRunView> {
    return this.send('/scorecards/dry-run', 'POST', { yaml });
  }

  private async send<T>(
    path: string,
    method: 'POST' | 'PUT',
    body?: unknown,
  ): Promise<T> {
    return this.json(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
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

function reportQuery(request: { owner?: string; month: string }): string {
  const query = new URLSearchParams({ month: request.month });
  if (request.owner) {
    query.set('owner', request.owner);
  }
  return queryString(query);
}

function gatePath(entity: CompoundEntityRef): string {
  return `/gate/${[entity.kind, entity.namespace, entity.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

function queryString(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `?${text}` : '';
}

function periodQuery(request: AlertPeriodRequest): URLSearchParams {
  const query = new URLSearchParams();
  if (request.from) {
    query.set('from', request.from.toISOString());
  }
  if (request.to) {
    query.set('to', request.to.toISOString());
  }
  return query;
}

function filterQuery(filter: ScorecardResultsFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of [
    'scorecard',
    'owner',
    'tier',
    'kind',
    'level',
    'sort',
    'order',
  ] as const) {
    const value = filter[key];
    if (value !== undefined && value !== '') {
      query.set(key, value);
    }
  }
  if (filter.exempted) {
    query.set('exempted', 'true');
  }
  return query;
}
