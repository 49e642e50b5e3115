import { EntityAlertQualityCard } from '../EntityAlertQualityCard';
import { EntityOnCallCard } from '../EntityOnCallCard';
import { EntityRunbooksCard } from '../EntityRunbooksCard';
import { EntityRunbookWalkCard } from '../EntityRunbookWalkCard';
import { EntityScorecardCard } from '../EntityScorecardCard';
import {
  EntityReliabilityContent,
  EntityReliabilityContentProps,
} from './EntityReliabilityContent';

/**
 * The tab as the legacy frontend system mounts it: without children, the on-call, runbooks,
 * alert-quality and scorecard cards below the SLOs; with children, those instead. (The new
 * frontend system attaches the cards to the tab's `cards` input.)
 */
export function EntityReliabilityContentWithCards(
  props: EntityReliabilityContentProps,
) {
  const { children, ...rest } = props;
  return (
    <EntityReliabilityContent {...rest}>
      {children ?? [
        <EntityOnCallCard key="oncall" />,
        <EntityRunbooksCard key="runbooks" />,
        <EntityRunbookWalkCard key="runbook-walk" />,
        <EntityAlertQualityCard key="alert-quality" />,
        <EntityScorecardCard key="scorecard" />,
      ]}
    </EntityReliabilityContent>
  );
}
