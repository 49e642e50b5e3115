import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { reliabilityExemptionApprovePermission } from '@reliability/backstage-plugin-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef, ScorecardExemptionView } from '../../api';
import { DecisionDialog } from './DecisionDialog';
import { ExemptionSummary } from './ExemptionSummary';

const NEEDS_APPROVER = `Needs the permission ${reliabilityExemptionApprovePermission.name}`;

/**
 * The approvers' queue on the review page: pending requests to grant or refuse with a comment,
 * and the exemptions in force to revoke. Everybody sees both; only approvers can act, the others
 * see the buttons disabled with the permission they lack.
 */
export function ExemptionQueueSection() {
  const api = useApi(reliabilityApiRef);
  const approver = usePermission({
    permission: reliabilityExemptionApprovePermission,
  });
  const lists = useAsyncRetry(async () => {
    const [pending, active] = await Promise.all([
      api.listExemptions({ state: 'pending' }),
      api.listExemptions({ state: 'active' }),
    ]);
    return { pending: pending.items, active: active.items };
  }, [api]);
  const [deciding, setDeciding] = useState<{
    exemption: ScorecardExemptionView;
    decision: 'grant' | 'refuse';
  }>();
  const [revokeError, setRevokeError] = useState<string>();

  if (lists.loading && !lists.value) {
    return <Progress />;
  }
  if (lists.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the exemptions"
        error={lists.error}
      />
    );
  }
  const { pending, active } = lists.value!;
  const disabled = approver.loading || !approver.allowed;
  const reason = !approver.loading && !approver.allowed && (
    <Typography variant="caption" color="textSecondary">
      {NEEDS_APPROVER}
    </Typography>
  );

  const revoke = async (exemption: ScorecardExemptionView) => {
    setRevokeError(undefined);
    try {
      await api.revokeExemption(exemption.id);
      lists.retry();
    } catch (e) {
      setRevokeError((e as Error).message);
    }
  };

  return (
    <>
      <InfoCard title={`Exemption requests (${pending.length} pending)`}>
        {pending.length === 0 ? (
          <Typography>
            No request is waiting. Owners request exemptions from the scorecard
            card of their entity.
          </Typography>
        ) : (
          <ul
            aria-label="Pending exemption requests"
            style={{ listStyle: 'none', paddingLeft: 0 }}
          >
            {pending.map(exemption => (
              <Box component="li" key={exemption.id} mb={2}>
                <ExemptionSummary exemption={exemption} showEntity />
                <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                  <Button
                    size="small"
                    color="primary"
                    variant="outlined"
                    disabled={disabled}
                    onClick={() =>
                      setDeciding({ exemption, decision: 'grant' })
                    }
                  >
                    Grant
                  </Button>
                  <Button
                    size="small"
                    variant="outlined"
                    disabled={disabled}
                    onClick={() =>
                      setDeciding({ exemption, decision: 'refuse' })
                    }
                  >
                    Refuse
                  </Button>
                  {reason}
                </Box>
              </Box>
            ))}
          </ul>
        )}
      </InfoCard>
      <Box mt={2}>
        <InfoCard title={`Exemptions in force (${active.length})`}>
          {revokeError && (
            <Typography color="error" role="alert">
              Could not revoke: {revokeError}
            </Typography>
          )}
          {active.length === 0 ? (
            <Typography>No exemption is in force.</Typography>
          ) : (
            <ul
              aria-label="Exemptions in force"
              style={{ listStyle: 'none', paddingLeft: 0 }}
            >
              {active.map(exemption => (
                <Box component="li" key={exemption.id} mb={2}>
                  <ExemptionSummary exemption={exemption} showEntity />
                  <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                    <Button
                      size="small"
                      variant="outlined"
                      disabled={disabled}
                      onClick={() => revoke(exemption)}
                    >
                      Revoke
                    </Button>
                    {reason}
                  </Box>
                </Box>
              ))}
            </ul>
          )}
        </InfoCard>
      </Box>
      {deciding && (
        <DecisionDialog
          exemption={deciding.exemption}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onSubmit={async comment => {
            await api.decideExemption(deciding.exemption.id, {
              decision: deciding.decision,
              comment: comment || undefined,
            });
            lists.retry();
          }}
        />
      )}
    </>
  );
}
