import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ScorecardCheck } from '@reliability/backstage-plugin-common';

/**
 * Lets backend modules add scorecard checks that scorecards can then name by id, next to the
 * built-in ones. A check is a pure function over the facts the backend collects for an entity;
 * ids must be unique, and adding a taken id fails at startup.
 *
 * @public
 */
export interface ReliabilityScorecardChecksExtensionPoint {
  addScorecardCheck(...checks: ScorecardCheck[]): void;
}

/**
 * The extension point for scorecard checks (`ScorecardCheck` from the common package).
 *
 * @public
 */
export const reliabilityScorecardChecksExtensionPoint =
  createExtensionPoint<ReliabilityScorecardChecksExtensionPoint>({
    id: 'reliability.scorecard-checks',
  });
