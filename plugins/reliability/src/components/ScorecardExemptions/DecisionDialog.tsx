import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ScorecardExemptionView } from '../../api';
import { ExemptionSummary } from './ExemptionSummary';

/** Grants or refuses one request with a comment; refusing needs one, so the owner learns why. */
export function DecisionDialog(props: {
  exemption: ScorecardExemptionView;
  decision: 'grant' | 'refuse';
  onSubmit: (comment: string) => Promise<void>;
  onClose: () => void;
}) {
  const { exemption, decision, onSubmit, onClose } = props;
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const verb = decision === 'grant' ? 'Grant' : 'Refuse';
  const missing = decision === 'refuse' && comment.trim() === '';
  const submit = async () => {
    setSending(true);
    setError(undefined);
    try {
      await onSubmit(comment.trim());
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="reliability-decision-title">
      <DialogTitle id="reliability-decision-title">
        {verb} the exemption request
      </DialogTitle>
      <DialogContent>
        <ExemptionSummary exemption={exemption} showEntity />
        <TextField
          id="reliability-decision-comment"
          label="Comment"
          required={decision === 'refuse'}
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          value={comment}
          onChange={event => setComment(event.target.value)}
          helperText={
            decision === 'refuse'
              ? 'Tell the owner why, so they can fix the check or ask again'
              : 'Optional'
          }
          inputProps={{ maxLength: 2000 }}
        />
        {error && (
          <Typography color="error" role="alert">
            Could not {verb.toLowerCase()} it: {error}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={sending || missing}
          onClick={submit}
        >
          {verb}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
