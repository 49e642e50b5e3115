import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { ReleaseGateView } from '../../api';
import { StatusLabel, StatusTone } from '../StatusLabel';
import { useReleaseDecision } from './useReleaseGate';

const TONES: Record<ReleaseGateView['decision'], StatusTone> = {
  allow: 'ok',
  warn: 'warning',
  block: 'error',
};

/** The gate's decision as a status label with its one-line summary. */
export function ReleaseGateBadge(props: { gate: ReleaseGateView }) {
  const { gate } = props;
  return (
    <span data-testid="release-gate-badge" data-decision={gate.decision}>
      <StatusLabel tone={TONES[gate.decision]}>{gate.summary}</StatusLabel>
    </span>
  );
}

/**
 * The release badge of the current entity, loading the gate itself: for the summary card and
 * anywhere an entity is in context.
 *
 * @public
 */
export function EntityReleaseGateBadge() {
  const { entity } = useEntity();
  const gate = useReleaseDecision(entity);
  if (gate.loading && !gate.value) return <Progress />;
  if (gate.error || !gate.value) {
    return (
      <Typography variant="body2" color="textSecondary">
        The release gate could not be asked:{' '}
        {gate.error?.message ?? 'no answer'}
      </Typography>
    );
  }
  return <ReleaseGateBadge gate={gate.value} />;
}
