import type { ScorecardCheck } from '../ScorecardCheck';
import {
  actionableRatioMinCheck,
  pagesPerShiftMaxCheck,
} from './alertQualityChecks';
import {
  dashboardLinkPresentCheck,
  descriptionPresentCheck,
  ownerIsGroupCheck,
  tierDeclaredCheck,
} from './entityChecks';
import { entityPredicateCheck } from './entityPredicate';
import { onCallMinPeopleCheck, onCallResolvesCheck } from './onCallChecks';
import {
  pageAlertsHaveRunbookEntryPointsCheck,
  pagingAlertsHaveRunbooksCheck,
  runbookFreshCheck,
  runbookPresentCheck,
  runbooksReachableCheck,
  runbookWalkedCheck,
} from './runbookChecks';
import {
  errorBudgetNotExhaustedCheck,
  errorBudgetPolicyDeclaredCheck,
  sloDefinedCheck,
  sloFilesValidCheck,
  sloMetCheck,
} from './sloChecks';

export {
  actionableRatioMinCheck,
  pagesPerShiftMaxCheck,
} from './alertQualityChecks';
export {
  DASHBOARD_ANNOTATIONS,
  dashboardLinkPresentCheck,
  descriptionPresentCheck,
  ownerIsGroupCheck,
  tierDeclaredCheck,
} from './entityChecks';
export { entityPredicateCheck } from './entityPredicate';
export type { EntityPredicateParams } from './entityPredicate';
export { onCallMinPeopleCheck, onCallResolvesCheck } from './onCallChecks';
export {
  pageAlertsHaveRunbookEntryPointsCheck,
  pagingAlertsHaveRunbooksCheck,
  runbookFreshCheck,
  runbookPresentCheck,
  runbooksReachableCheck,
  runbookWalkedCheck,
} from './runbookChecks';
export {
  errorBudgetNotExhaustedCheck,
  errorBudgetPolicyDeclaredCheck,
  sloDefinedCheck,
  sloFilesValidCheck,
  sloMetCheck,
} from './sloChecks';

/**
 * Every built-in scorecard check, in the order the docs list them.
 *
 * @public
 */
export const builtInScorecardChecks: readonly ScorecardCheck[] = [
  ownerIsGroupCheck,
  descriptionPresentCheck,
  tierDeclaredCheck,
  dashboardLinkPresentCheck,
  onCallResolvesCheck,
  onCallMinPeopleCheck,
  runbookPresentCheck,
  runbooksReachableCheck,
  runbookFreshCheck,
  pagingAlertsHaveRunbooksCheck,
  pageAlertsHaveRunbookEntryPointsCheck,
  runbookWalkedCheck,
  sloDefinedCheck,
  sloFilesValidCheck,
  sloMetCheck,
  errorBudgetNotExhaustedCheck,
  errorBudgetPolicyDeclaredCheck,
  pagesPerShiftMaxCheck,
  actionableRatioMinCheck,
  entityPredicateCheck,
];
