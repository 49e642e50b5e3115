import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ScorecardExemptionView } from '../../api';
import { formatInstant, formatRelative } from '../../lib/format';
import { StatusLabel } from '../StatusLabel';
import { EXEMPTION_STATES } from './exemptionStates';

function Who(props: { refText?: string }) {
  if (!props.refText) {
    return <>somebody</>;
  }
  return props.refText.startsWith('service:') ? (
    <>{props.refText}</>
  ) : (
    <EntityRefLink entityRef={props.refText} />
  );
}

/** One exemption or request: its state, check, reason, expiry and who did what. */
export function ExemptionSummary(props: {
  exemption: ScorecardExemptionView;
  checkTitle?: string;
  showEntity?: boolean;
}) {
  const { exemption, checkTitle, showEntity } = props;
  const state = EXEMPTION_STATES[exemption.state];
  return (
    <Box>
      <StatusLabel tone={state.tone}>
        <strong>{checkTitle ?? exemption.checkId}</strong>
        {showEntity && (
          <>
            {' '}
            of <EntityRefLink entityRef={exemption.entityRef} />
          </>
        )}
        : {state.text}
      </StatusLabel>
      <Typography variant="body2">“{exemption.reason}”</Typography>
      <Typography variant="body2" color="textSecondary">
        {exemption.state === 'expired' ? 'Expired' : 'Until'}{' '}
        {formatInstant(exemption.expiresAt)} (
        {formatRelative(exemption.expiresAt)})
        {exemption.requestedBy && (
          <>
            {' · requested by '}
            <Who refText={exemption.requestedBy} />
          </>
        )}
        {exemption.grantedBy && (
          <>
            {' · granted by '}
            <Who refText={exemption.grantedBy} />
          </>
        )}
        {exemption.refusedBy && (
          <>
            {' · refused by '}
            <Who refText={exemption.refusedBy} />
          </>
        )}
        {exemption.revokedBy && (
          <>
            {' · revoked by '}
            <Who refText={exemption.revokedBy} />
          </>
        )}
      </Typography>
      {exemption.decisionComment && (
        <Typography variant="body2">
          Approver’s comment: “{exemption.decisionComment}”
        </Typography>
      )}
    </Box>
  );
}
