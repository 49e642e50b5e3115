import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { reliabilityApiRef, ReliabilityAlert } from '../../api';
import { isForbidden } from '../../lib/alertFigures';

/**
 * The responder's verdict on a page: actionable or not. A toggle group, so the verdict given is
 * announced as pressed; a refusal says which permission is missing.
 */
export function TriageControl(props: {
  alert: ReliabilityAlert;
  onTriaged: (alert: ReliabilityAlert) => void;
}) {
  const api = useApi(reliabilityApiRef);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  // No verdict yet: neither button is pressed.
  let value: 'actionable' | 'not-actionable' | null = null;
  if (props.alert.actionable !== undefined) {
    value = props.alert.actionable ? 'actionable' : 'not-actionable';
  }

  const triage = async (actionable: boolean) => {
    setSaving(true);
    setProblem(undefined);
    try {
      props.onTriaged(await api.triageAlert(props.alert.id, actionable));
    } catch (error) {
      setProblem(
        isForbidden(error)
          ? 'You may not triage pages: ask an admin for the permission reliability.alert.triage.'
          : `Could not save the verdict: ${(error as Error).message}`,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={value}
        aria-label={`Verdict on ${props.alert.alertName ?? 'this page'}`}
        onChange={(_event, next: string | null) => {
          if (next !== null && next !== value) {
            triage(next === 'actionable');
          }
        }}
      >
        <ToggleButton value="actionable" disabled={saving}>
          Actionable
        </ToggleButton>
        <ToggleButton value="not-actionable" disabled={saving}>
          Not actionable
        </ToggleButton>
      </ToggleButtonGroup>
      {problem && (
        <Typography variant="body2" color="error" role="alert">
          {problem}
        </Typography>
      )}
    </Box>
  );
}
