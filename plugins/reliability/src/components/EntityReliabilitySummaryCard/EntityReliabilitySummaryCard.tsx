import { ReactNode } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { RELIABILITY_SLOS_ANNOTATION } from '@reliability/backstage-plugin-common';
import { useEntitySlos } from '../../hooks';
import { sloTitle } from '../../lib/format';
import { BudgetBar, PolicyStateLabel } from '../SloStatus';
import { exhaustionText } from '../SloTable';
import { countByState, worstSlo } from './worstSlo';
import { Entity } from '@backstage/catalog-model';
import { EntityOnCallNow } from '../EntityOnCallCard';
import { EntityScorecardLevel } from '../EntityScorecardCard';
import { EntityReleaseGateBadge } from '../EntityReleaseGateCard';

/**
 * Props of {@link EntityReliabilitySummaryCard}.
 *
 * @public
 */
export interface EntityReliabilitySummaryCardProps {
  /** The path of the Reliability tab below the entity page; default `reliability`. */
  tabPath?: string;
  /**
   * Slot: who is on call now, under "On call now". Defaults to the entity's on-call from the
   * backend; `null` leaves it out.
   */
  onCall?: ReactNode;
  /**
   * Slot: the production-readiness scorecard level, under "Readiness". Defaults to the levels
   * of the entity's scorecards; `null` leaves it out.
   */
  scorecard?: ReactNode;
}

function Slot(props: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={props.title} mt={2}>
      <Typography variant="overline" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function SloSummary(props: { entity: Entity }) {
  const slos = useEntitySlos(props.entity);
  if (slos.loading && !slos.value) {
    return <Progress />;
  }
  if (slos.error) {
    return (
      <ResponseErrorPanel title="Could not load the SLOs" error={slos.error} />
    );
  }
  const value = slos.value;
  if (!value) {
    return <Progress />;
  }
  const worst = worstSlo(value.slos);
  const problems = value.errors.filter(e => e.severity === 'error').length;
  return (
    <>
      {worst ? (
        <>
          <Typography variant="overline" component="h3">
            Worst SLO now
          </Typography>
          <Typography variant="subtitle1">{sloTitle(worst)}</Typography>
          <PolicyStateLabel
            state={worst.status?.policy.state ?? 'unknown'}
            reason={worst.status?.policy.reason ?? 'Not evaluated yet.'}
          />
          <Box mt={1}>
            <BudgetBar remaining={worst.status?.budget?.remaining} />
          </Box>
          <Typography variant="body2">
            Time to exhaustion: {exhaustionText(worst)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {value.slos.length} SLO{value.slos.length === 1 ? '' : 's'}:{' '}
            {countByState(value.slos)
              .map(([state, count]) => `${count} ${state}`)
              .join(', ')}
          </Typography>
        </>
      ) : (
        <Typography variant="body2">
          The SLO files declare no SLOs yet.
        </Typography>
      )}
      {problems > 0 && (
        <Typography variant="body2" color="error">
          {problems} problem{problems === 1 ? '' : 's'} in the SLO files: see
          the Reliability tab.
        </Typography>
      )}
    </>
  );
}

/**
 * A compact card for the entity overview: the SLO that most needs attention now, linking to the
 * Reliability tab.
 *
 * @public
 */
export function EntityReliabilitySummaryCard(
  props: EntityReliabilitySummaryCardProps,
) {
  const { entity } = useEntity();
  const entityLink = useEntityRefLink();
  const tabLink = `${entityLink(entity).replace(/\/$/, '')}/${
    props.tabPath ?? 'reliability'
  }`;
  const annotated = Boolean(
    entity.metadata.annotations?.[RELIABILITY_SLOS_ANNOTATION]?.trim(),
  );
  const onCall =
    props.onCall === undefined ? <EntityOnCallNow /> : props.onCall;
  const scorecard =
    props.scorecard === undefined ? <EntityScorecardLevel /> : props.scorecard;
  return (
    <InfoCard
      title="Reliability"
      deepLink={{ title: 'Open the Reliability tab', link: tabLink }}
    >
      {annotated ? (
        <SloSummary entity={entity} />
      ) : (
        <Typography variant="body2">
          No SLOs yet: add the <code>{RELIABILITY_SLOS_ANNOTATION}</code>{' '}
          annotation. The Reliability tab shows how.
        </Typography>
      )}
      {annotated && (
        <Slot title="Releases">
          <EntityReleaseGateBadge />
        </Slot>
      )}
      {onCall !== null && <Slot title="On call now">{onCall}</Slot>}
      {scorecard !== null && <Slot title="Readiness">{scorecard}</Slot>}
    </InfoCard>
  );
}
