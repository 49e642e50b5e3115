import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';

const DURATIONS = [
  { label: '1 hour', hours: 1 },
  { label: '4 hours', hours: 4 },
  { label: '1 day', hours: 24 },
  { label: '3 days', hours: 72 },
  { label: '7 days', hours: 168 },
];

/** Grants a time-boxed override: a reason and how long it lasts. */
export function ReleaseOverrideForm(props: {
  onGrant: (override: { reason: string; expiresAt: string }) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState(4);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onGrant({
        reason: reason.trim(),
        expiresAt: new Date(Date.now() + hours * 3_600_000).toISOString(),
      });
      setReason('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box
      component="form"
      aria-label="Grant a release override"
      mt={2}
      onSubmit={(event: { preventDefault(): void }) => {
        event.preventDefault();
        submit();
      }}
    >
      <Typography variant="subtitle2" component="h4">
        Grant an override
      </Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="flex-start"
        style={{ gap: 8 }}
      >
        <TextField
          id="release-override-reason"
          label="Reason"
          required
          size="small"
          value={reason}
          onChange={event => setReason(event.target.value)}
          inputProps={{ maxLength: 2000 }}
          style={{ minWidth: 260 }}
        />
        <TextField
          id="release-override-lasts"
          select
          label="Lasts"
          size="small"
          value={hours}
          onChange={event => setHours(Number(event.target.value))}
        >
          {DURATIONS.map(d => (
            <MenuItem key={d.hours} value={d.hours}>
              {d.label}
            </MenuItem>
          ))}
        </TextField>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={busy || reason.trim() === ''}
        >
          Grant override
        </Button>
      </Box>
      {error && (
        <Typography variant="body2" color="error" role="alert">
          {error}
        </Typography>
      )}
    </Box>
  );
}
