import { createExplainErrorBudgetAction } from './createExplainErrorBudgetAction';
import { createGetEntityReliabilityAction } from './createGetEntityReliabilityAction';
import { createGetReleaseGateAction } from './createGetReleaseGateAction';
import { createListBurningSlosAction } from './createListBurningSlosAction';
import { createListTeamFailingChecksAction } from './createListTeamFailingChecksAction';
import { createTriageAlertAction } from './createTriageAlertAction';
import { createWhoIsOnCallAction } from './createWhoIsOnCallAction';
import { ReliabilityActionsOptions } from './ReliabilityActionsOptions';

export type { ReliabilityActionsOptions } from './ReliabilityActionsOptions';

/**
 * Registers the suite's actions with the actions registry, so that the MCP actions backend
 * (and any other actions client) can call them as `reliability:<name>`.
 *
 * @internal
 */
export function registerReliabilityActions(
  options: ReliabilityActionsOptions,
): void {
  createGetEntityReliabilityAction(options);
  createListBurningSlosAction(options);
  createWhoIsOnCallAction(options);
  createExplainErrorBudgetAction(options);
  createListTeamFailingChecksAction(options);
  createGetReleaseGateAction(options);
  createTriageAlertAction(options);
}
