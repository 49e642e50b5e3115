import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  EntityOnCall,
  EntityRunbookTreeView,
  RunbookFlagView,
  RunbookWalkStep,
  RunbookWalkView,
  MonthlyReliabilityReport,
  MonthlyReportCsvTable,
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
import type {
  BlockedReleaseView,
  ReleaseDecisionRecordView,
  ReleaseGateView,
  ReleaseOverrideView,
} from '@reliability/backstage-plugin-common';

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

  /** Who is on call for the entity now and next, the escalation chain, and where that came from. */
  getEntityOnCall(entity: CompoundEntityRef): Promise<EntityOnCall>;
  /** Who is on call for everything an owner owns; a user ref includes their groups. */
  getOwnerOnCall(ownerRef: string): Promise<OwnerOnCall>;

  /** The entity's runbooks with their reachability, and paging alerts that have none. */
  getEntityRunbooks(entity: CompoundEntityRef): Promise<EntityRunbooks>;
  /** The Markdown of a repository runbook (unrendered; render it sanitized). */
  getRunbookContent(
    entity: CompoundEntityRef,
    runbookId: string,
  ): Promise<RunbookContent>;

  /** The entity's alerts triggered in the period, oldest first. */
  listEntityAlerts(
    entity: CompoundEntityRef,
    request?: AlertPeriodRequest & { limit?: number },
  ): Promise<{ items: ReliabilityAlert[] }>;
  /** Alert quality of the entity over the period. */
  getEntityAlertQuality(
    entity: CompoundEntityRef,
    request?: AlertPeriodRequest,
  ): Promise<AlertQualityView>;
  /** Alert quality of every entity a group owns, together and per entity. */
  getOwnerAlertQuality(
    ownerRef: string,
    request?: AlertPeriodRequest,
  ): Promise<AlertQualityView>;
  /**
   * Marks a page actionable or not; a `ResponseError` with status 403 when the user lacks the
   * permission `reliability.alert.triage`.
   */
  triageAlert(alertId: string, actionable: boolean): Promise<ReliabilityAlert>;

  /** Every applicable scorecard's latest result for the entity, and its active exemptions. */
  getEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecards>;
  /** Evaluates the entity's scorecards now. */
  evaluateEntityScorecards(
    entity: CompoundEntityRef,
  ): Promise<EntityScorecards>;
  /** The scorecard definitions. */
  listScorecards(): Promise<{ items: ScorecardDefinitionView[] }>;
  /** A page of the latest scorecard results across the catalog. */
  listScorecardResults(
    request?: ListScorecardResultsRequest,
  ): Promise<ScorecardResultPage>;
  /** The filtered results as a CSV file (every matching result, all pages). */
  exportScorecardResultsCsv(filter?: ScorecardResultsFilter): Promise<Blob>;
  /** A scorecard rolled up per owner, system or domain. */
  getScorecardRollups(
    scorecardId: string,
    groupBy?: 'owner' | 'system' | 'domain',
  ): Promise<ScorecardRollups>;
  /** Entities per level per day. */
  getScorecardHistory(
    scorecardId: string,
    request?: AlertPeriodRequest & { owner?: string },
  ): Promise<ScorecardHistory>;
  /** Every scorecard campaign. */
  listCampaigns(): Promise<{ items: ScorecardCampaignView[] }>;
  /** A campaign's progress. */
  getCampaignProgress(
    campaignId: string,
  ): Promise<ScorecardCampaignProgressView>;
  /** The entity's decision-tree runbook with its problems, freshness and open flags. */
  getEntityRunbookTree(
    entity: CompoundEntityRef,
  ): Promise<EntityRunbookTreeView>;
  /** Records a walk through the entity's runbook; the backend checks that it follows the tree. */
  recordRunbookWalk(
    entity: CompoundEntityRef,
    walk: { alert?: string; path: RunbookWalkStep[] },
  ): Promise<RunbookWalkView>;
  /** Flags a step as wrong or outdated; needs `reliability.runbook.flag.create`. */
  flagRunbookStep(
    entity: CompoundEntityRef,
    flag: { node: string; comment: string },
  ): Promise<RunbookFlagView>;
  /** Resolves a flag; needs `reliability.runbook.flag.resolve` for the entity. */
  resolveRunbookFlag(
    entity: CompoundEntityRef,
    flagId: string,
    comment?: string,
  ): Promise<RunbookFlagView>;
  /**
   * The monthly reliability report of a group, system or domain (`owner`, an entity ref), or of
   * the organisation without one; `month` is `YYYY-MM`.
   */
  getMonthlyReport(request: {
    owner?: string;
    month: string;
  }): Promise<MonthlyReliabilityReport>;
  /**
   * The same report as a Markdown or CSV file; `table` picks the CSV's table (the SLOs by
   * default, or the release gate's entities or overrides).
   */
  downloadMonthlyReport(
    request: { owner?: string; month: string },
    format: 'md' | 'csv',
    table?: MonthlyReportCsvTable,
  ): Promise<Blob>;
  /**
   * The release gate's decision for an entity, without recording it as a decision (the
   * portal's view; CI, Flagger and Argo Rollouts ask the backend directly).
   */
  getReleaseGate(
    entity: CompoundEntityRef,
    options?: { release?: string },
  ): Promise<ReleaseGateView>;
  /** The gate's recent answers for an entity, newest first. */
  listReleaseDecisions(
    entity: CompoundEntityRef,
  ): Promise<{ items: ReleaseDecisionRecordView[] }>;
  /** The entity's release overrides, newest first. */
  listReleaseOverrides(
    entity: CompoundEntityRef,
  ): Promise<{ items: ReleaseOverrideView[] }>;
  /** Grants a time-boxed override; needs `reliability.release.override`. */
  grantReleaseOverride(
    entity: CompoundEntityRef,
    override: { reason: string; expiresAt: string },
  ): Promise<ReleaseOverrideView>;
  /** Revokes an active override; needs `reliability.release.override`. */
  revokeReleaseOverride(overrideId: string): Promise<ReleaseOverrideView>;
  /** The entities whose releases are blocked, for the review page. */
  listBlockedReleases(): Promise<{ items: BlockedReleaseView[] }>;
  /** The entity's exemptions and requests in every state, their audit trail and policy. */
  getEntityExemptions(entity: CompoundEntityRef): Promise<EntityExemptions>;
  /** Asks for an exemption of one check, pending an approver's decision. */
  requestExemption(
    entity: CompoundEntityRef,
    request: ScorecardExemptionRequest,
  ): Promise<ScorecardExemptionView>;
  /** Exemptions across the catalog; `state: 'pending'` is the approvers' queue. */
  listExemptions(filter?: {
    state?: ScorecardExemptionState;
    scorecard?: string;
  }): Promise<{ items: ScorecardExemptionView[] }>;
  /** Grants or refuses a pending request (refusing needs a comment). */
  decideExemption(
    exemptionId: string,
    decision: { decision: 'grant' | 'refuse'; comment?: string },
  ): Promise<ScorecardExemptionView>;
  /** Revokes an exemption in force. */
  revokeExemption(exemptionId: string): Promise<ScorecardExemptionView>;
  /** Starts a campaign (`reliability.campaign.create`). */
  createCampaign(
    campaign: ScorecardCampaignInput & { id: string; scorecardId: string },
  ): Promise<ScorecardCampaignView>;
  /** Edits an open campaign; its scorecard stays. */
  updateCampaign(
    campaignId: string,
    campaign: ScorecardCampaignInput,
  ): Promise<ScorecardCampaignView>;
  /** Closes a campaign. */
  closeCampaign(campaignId: string): Promise<ScorecardCampaignView>;
  /** Where the scorecards come from and what is wrong with their files. */
  getScorecardDefinitionStatus(): Promise<ScorecardDefinitionStatus>;
  /** Tries a draft scorecard (YAML text) on the whole catalog, storing nothing. */
  dryRunScorecard(yaml: string): Promise<ScorecardDryRunView>;
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
