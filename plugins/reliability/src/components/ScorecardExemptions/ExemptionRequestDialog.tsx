import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ScorecardExemptionRequest } from '../../api';
import { isoDay, latestExpiryDay } from './exemptionStates';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Asks for the reason and the expiry (tomorrow to the configured maximum) of an exemption of one
 * check, and sends the request; the backend's answer to a bad request is shown in the dialog.
 */
export function ExemptionRequestDialog(props: {
  open: boolean;
  scorecardId: string;
  check: { id: string; title: string };
  maxDurationDays: number;
  onSubmit: (request: ScorecardExemptionRequest) => Promise<void>;
  onClose: () => void;
}) {
  const { open, scorecardId, check, maxDurationDays, onSubmit, onClose } =
    props;
  const nowMs = Date.now();
  const earliest = isoDay(nowMs + DAY_MS);
  const latest = latestExpiryDay(maxDurationDays, nowMs);
  const [reason, setReason] = useState('');
  const [expiry, setExpiry] = useState(
    latestExpiryDay(Math.min(30, maxDurationDays), nowMs),
  );
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  const expiryProblem =
    !/^\d{4}-\d{2}-\d{2}$/.test(expiry) || expiry < earliest || expiry > latest
      ? `Pick a day from ${earliest} to ${latest} (at most ${maxDurationDays} days)`
      : undefined;
  const reasonProblem =
    reason.trim() === '' ? 'Say why the check cannot pass yet' : undefined;

  const submit = async () => {
    setSending(true);
    setError(undefined);
    try {
      await onSubmit({
        scorecardId,
        checkId: check.id,
        reason: reason.trim(),
        // The end of the chosen day in UTC, so that the exemption covers the whole day.
        expiresAt: `${expiry}T23:59:59.000Z`,
      });
      setReason('');
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="reliability-exemption-request-title"
    >
      <DialogTitle id="reliability-exemption-request-title">
        Request an exemption of “{check.title}”
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          While an exemption is granted the check counts as passed. A platform
          approver decides on the request; you will be reminded before it
          expires.
        </Typography>
        <TextField
          id="reliability-exemption-reason"
          label="Reason"
          required
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          value={reason}
          onChange={event => setReason(event.target.value)}
          error={reason !== '' && Boolean(reasonProblem)}
          helperText="What is under way to fix it, e.g. a ticket"
          inputProps={{ maxLength: 2000 }}
        />
        <TextField
          id="reliability-exemption-expiry"
          label="Expires on"
          type="date"
          required
          margin="normal"
          value={expiry}
          onChange={event => setExpiry(event.target.value)}
          error={Boolean(expiryProblem)}
          helperText={expiryProblem ?? `At most ${maxDurationDays} days`}
          InputLabelProps={{ shrink: true }}
          inputProps={{ min: earliest, max: latest }}
        />
        {error && (
          <Typography color="error" role="alert">
            Could not send the request: {error}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={sending || Boolean(reasonProblem || expiryProblem)}
          onClick={submit}
        >
          Send request
        </Button>
      </DialogActions>
    </Dialog>
  );
}
