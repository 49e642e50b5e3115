import {
  EntitySlosView,
  ScorecardResultView,
} from '@reliability/backstage-plugin-common';
import { scorecardResultView } from '../scorecards';
import { ReliabilityActionsOptions } from './ReliabilityActionsOptions';

/**
 * An entity's SLOs as `GET /entities/{kind}/{namespace}/{name}/slos` answers them: read now when
 * the scheduled refresh has not reached the entity yet. The caller checked readability.
 */
export async function readEntitySlos(
  options: Pick<ReliabilityActionsOptions, 'slos'>,
  entityRef: string,
): Promise<EntitySlosView> {
  const result = await options.slos.getEntitySlos(entityRef);
  return result.loaded ? result : options.slos.refreshEntity(entityRef);
}

/**
 * An entity's scorecard results as `GET /entities/{kind}/{namespace}/{name}/scorecards` answers
 * them: evaluated now when the scheduled run has not reached the entity yet.
 */
export async function readEntityScorecards(
  options: Pick<ReliabilityActionsOptions, 'scorecards' | 'scorecardStore'>,
  entityRef: string,
): Promise<ScorecardResultView[]> {
  const { scorecards, scorecardStore } = options;
  let stored = await scorecardStore.listEntityResults(entityRef.toLowerCase());
  if (stored.length === 0 && scorecards.listScorecards().length > 0) {
    stored = await scorecards.evaluateEntity(entityRef.toLowerCase());
  }
  return stored.map(item =>
    scorecardResultView(item, scorecards.getScorecard(item.result.scorecardId)),
  );
}
