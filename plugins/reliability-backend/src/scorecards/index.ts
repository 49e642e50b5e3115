export { DatabaseScorecardStore, utcDay } from './ScorecardStore';
export type * from './ScorecardStore';
export {
  RELIABILITY_ERROR_BUDGET_POLICY_ANNOTATION,
  ScorecardFactsCollector,
} from './ScorecardFactsCollector';
export type { ScorecardFactSources } from './ScorecardFactsCollector';
export {
  DefaultScorecardService,
  measureStoredCampaign,
} from './ScorecardService';
export type {
  ScorecardCampaignRequest,
  ScorecardDraft,
  ScorecardDryRun,
  ScorecardEvaluationSummary,
  ScorecardExemptionRequest,
  ScorecardFactsSource,
  ScorecardService,
} from './ScorecardService';
export { ScorecardCheckCollector } from './ScorecardCheckCollector';
export {
  ScorecardNotifier,
  SCORECARD_NOTIFICATION_TOPIC,
} from './ScorecardNotifier';
export { ScorecardDefinitionSource } from './ScorecardDefinitionSource';
export type { ScorecardSourceProblem } from './ScorecardDefinitionSource';
export {
  DEFAULT_EXEMPTION_SETTINGS,
  DEFAULT_SCORECARD_SCHEDULE,
  readExemptionSettings,
  readScorecardSchedule,
} from './config';
export {
  countLevelsPerDay,
  csvCell,
  scorecardDefinitionView,
  scorecardResultView,
} from './scorecardViews';
export { storedEntityFacts } from './storedEntityFacts';
export { campaignState, campaignTeams } from './campaignViews';
export type { ScorecardCampaignState } from './campaignViews';
