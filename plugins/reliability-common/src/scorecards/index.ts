export type {
  AlertQualityFacts,
  EntityBasicFacts,
  EntityFacts,
  EntityLinkFact,
  OnCallFacts,
  RunbookFacts,
  RunbookTreeFacts,
  ScorecardJsonValue,
  SloFact,
  SloFacts,
} from './facts';
export { entityBasicFacts } from './entityBasicFacts';
export type { EntityBasicFactsOptions } from './entityBasicFacts';
export type {
  ScorecardCheck,
  ScorecardCheckOutcome,
  ScorecardCheckStatus,
} from './ScorecardCheck';
export { ScorecardCheckRegistry } from './ScorecardCheckRegistry';
export * from './checks';
export { formatScorecardDefinitionProblem } from './definitions';
export type {
  ScorecardAppliesTo,
  ScorecardCheckReference,
  ScorecardDefinition,
  ScorecardDefinitionProblem,
  ScorecardLevel,
} from './definitions';
export { parseScorecardDefinitions } from './parseScorecardDefinitions';
export { parseScorecardFile } from './parseScorecardFile';
export type { ParseScorecardFileOptions } from './parseScorecardFile';
export { summarizeScorecardDryRun } from './summarizeScorecardDryRun';
export type { ScorecardDryRunSummary } from './summarizeScorecardDryRun';
export type {
  ParseScorecardDefinitionsOptions,
  ScorecardDefinitionsParse,
} from './parseScorecardDefinitions';
export type {
  ScorecardCheckResult,
  ScorecardCheckResultStatus,
  ScorecardExemption,
  ScorecardLevelResult,
  ScorecardResult,
} from './results';
export { evaluateScorecard, evaluateScorecards } from './evaluateScorecard';
export type { ScorecardEvaluationOptions } from './evaluateScorecard';
export { rollupScorecardResults } from './rollupScorecardResults';
export type {
  ScorecardCheckRollup,
  ScorecardLevelRollup,
  ScorecardRollupGroup,
  ScorecardRollupGroupBy,
} from './rollupScorecardResults';
export { measureScorecardCampaign } from './measureScorecardCampaign';
export type {
  ScorecardCampaign,
  ScorecardCampaignProgress,
} from './measureScorecardCampaign';
