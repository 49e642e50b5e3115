import { Children, ReactNode } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { RELIABILITY_SLOS_ANNOTATION } from '@reliability/backstage-plugin-common';
import { EntityReleaseGateCard } from '../EntityReleaseGateCard';
import { MissingSlosAnnotation } from '../MissingSlosAnnotation';
import { EntitySloSection } from './EntitySloSection';

/**
 * Props of {@link EntityReliabilityContent}.
 *
 * @public
 */
export interface EntityReliabilityContentProps {
  /** Where the "read more" button of the empty state goes; defaults to the OpenSLO spec. */
  docsUrl?: string;
  /**
   * More cards for the tab (on-call, runbook, alert quality, scorecard), each laid out in the
   * grid below the SLOs. In the new frontend system, extensions attached to the tab's `cards`
   * input arrive here.
   */
  children?: ReactNode;
}

/**
 * The entity's Reliability tab: its SLOs (or how to add them), then any further reliability
 * cards.
 *
 * @public
 */
export function EntityReliabilityContent(props: EntityReliabilityContentProps) {
  const { entity } = useEntity();
  const annotated = Boolean(
    entity.metadata.annotations?.[RELIABILITY_SLOS_ANNOTATION]?.trim(),
  );
  return (
    <Grid container spacing={3}>
      {annotated && (
        <Grid item xs={12}>
          <EntityReleaseGateCard />
        </Grid>
      )}
      <Grid item xs={12}>
        {annotated ? (
          <EntitySloSection entity={entity} />
        ) : (
          <MissingSlosAnnotation entity={entity} docsUrl={props.docsUrl} />
        )}
      </Grid>
      {Children.toArray(props.children).map((card, index) => (
        <Grid item xs={12} md={6} key={index}>
          {card}
        </Grid>
      ))}
    </Grid>
  );
}
