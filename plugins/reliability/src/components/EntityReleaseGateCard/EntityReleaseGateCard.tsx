import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { reliabilityReleaseOverridePermission } from '@reliability/backstage-plugin-common';
import {
  reliabilityApiRef,
  ReleaseDecisionRecordView,
  ReleaseOverrideView,
} from '../../api';
import { ReleaseGateBadge } from './ReleaseGateBadge';
import { ReleaseOverrideForm } from './ReleaseOverrideForm';
import { useReleaseGate } from './useReleaseGate';

const decisionColumns: TableColumn<ReleaseDecisionRecordView>[] = [
  {
    title: 'When',
    field: 'decidedAt',
    render: d => new Date(d.decidedAt).toLocaleString(),
  },
  { title: 'Asked by', field: 'requestedBy' },
  { title: 'Through', field: 'via' },
  { title: 'Kind', render: d => d.releaseKind ?? 'release' },
  { title: 'Answer', field: 'decision' },
  { title: 'Why', field: 'summary' },
];

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString();
}

/**
 * The Reliability tab's release card: the gate's decision and reasons, when a block should lift,
 * the active overrides (with the form to grant one and revoke buttons, for those allowed), and
 * the gate's recent decisions.
 *
 * @public
 */
export function EntityReleaseGateCard() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const state = useReleaseGate(entity);
  const { allowed: mayOverride } = usePermission({
    permission: reliabilityReleaseOverridePermission,
  });
  if (state.loading && !state.value) {
    return (
      <InfoCard title="Releases">
        <Progress />
      </InfoCard>
    );
  }
  if (state.error || !state.value) {
    return (
      <ResponseErrorPanel
        title="Could not ask the release gate"
        error={state.error ?? new Error('no answer')}
      />
    );
  }
  const { gate, overrides, decisions } = state.value;
  const active = overrides.filter(o => o.state === 'active');
  const ref = getCompoundEntityRef(entity);
  const revoke = async (override: ReleaseOverrideView) => {
    await api.revokeReleaseOverride(override.id);
    state.retry();
  };
  return (
    <InfoCard title="Releases">
      <ReleaseGateBadge gate={gate} />
      {gate.reasons.length > 0 && (
        <Box component="ul" mt={1} mb={1} pl={3}>
          {gate.reasons.map((reason, index) => (
            <li key={index}>
              <Typography variant="body2">
                <strong>{reason.effect}</strong> ({reason.rule}):{' '}
                {reason.message}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      {gate.decision === 'block' && (
        <Typography variant="body2" color="textSecondary">
          {gate.expectedLiftAt
            ? `Expected to lift at ${formatTime(
                gate.expectedLiftAt,
              )} at the current burn.`
            : 'Not expected to lift at the current burn.'}
          {gate.expectedLift ? ` ${gate.expectedLift}.` : ''}
        </Typography>
      )}
      {gate.policyProblems.length > 0 && (
        <Typography variant="body2" color="error">
          The entity's release policy has problems and is not applied:{' '}
          {gate.policyProblems
            .map(p => `${p.file}:${p.line} ${p.path} ${p.message}`)
            .join('; ')}
        </Typography>
      )}
      <Box mt={2} component="section" aria-label="Overrides">
        <Typography variant="subtitle2" component="h4">
          Active overrides
        </Typography>
        {active.length === 0 ? (
          <Typography variant="body2">None.</Typography>
        ) : (
          active.map(override => (
            <Box
              key={override.id}
              display="flex"
              alignItems="center"
              style={{ gap: 8 }}
            >
              <Typography variant="body2">
                {override.reason}: granted by {override.approver}, until{' '}
                {formatTime(override.expiresAt)}
              </Typography>
              {mayOverride && (
                <Button size="small" onClick={() => revoke(override)}>
                  Revoke
                </Button>
              )}
            </Box>
          ))
        )}
      </Box>
      {mayOverride && (
        <ReleaseOverrideForm
          onGrant={async override => {
            await api.grantReleaseOverride(ref, override);
            state.retry();
          }}
        />
      )}
      <Box mt={2}>
        <Table<ReleaseDecisionRecordView>
          title="Recent decisions"
          options={{
            paging: false,
            search: false,
            padding: 'dense',
            toolbar: true,
            // Sortable, draggable headers put buttons inside buttons (axe nested-interactive).
            sorting: false,
            draggable: false,
          }}
          columns={decisionColumns}
          data={decisions}
          emptyContent={
            <Box p={2}>
              <Typography variant="body2">
                Nobody has asked the gate yet: CI, Flagger or Argo Rollouts
                record their answers here.
              </Typography>
            </Box>
          }
        />
      </Box>
    </InfoCard>
  );
}
