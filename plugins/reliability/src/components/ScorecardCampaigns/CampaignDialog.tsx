import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ScorecardAppliesTo } from '@reliability/backstage-plugin-common';
import type {
  ScorecardCampaignInput,
  ScorecardCampaignView,
  ScorecardDefinitionView,
} from '../../api';

/** `a, b` → `['a', 'b']`; empty → undefined (no filter on that field). */
function list(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map(item => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function slug(text: string) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/**
 * Creates a campaign (scorecard, target level, which entities by owner, tier, kind and system,
 * due date) or edits an open one (everything but its scorecard).
 */
export function CampaignDialog(props: {
  scorecards: ScorecardDefinitionView[];
  campaign?: ScorecardCampaignView;
  onSubmit: (
    input: ScorecardCampaignInput & { id: string; scorecardId: string },
  ) => Promise<void>;
  onClose: () => void;
}) {
  const { campaign, scorecards } = props;
  const [title, setTitle] = useState(campaign?.title ?? '');
  const [scorecardId, setScorecardId] = useState(
    campaign?.scorecardId ?? scorecards[0]?.id ?? '',
  );
  const scorecard = scorecards.find(s => s.id === scorecardId);
  const [targetLevel, setTargetLevel] = useState(
    campaign?.targetLevel ?? scorecard?.levels[0]?.name ?? '',
  );
  const [dueDate, setDueDate] = useState(campaign?.dueDate.slice(0, 10) ?? '');
  const filter = campaign?.filter ?? {};
  const [owner, setOwner] = useState((filter.owner ?? []).join(', '));
  const [tier, setTier] = useState((filter.tier ?? []).join(', '));
  const [kind, setKind] = useState((filter.kind ?? []).join(', '));
  const [system, setSystem] = useState((filter.system ?? []).join(', '));
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  const tiers = list(tier)?.map(Number);
  const tierProblem =
    tiers && tiers.some(t => ![1, 2, 3, 4].includes(t))
      ? 'Tiers are 1 to 4'
      : undefined;
  const incomplete =
    !title.trim() ||
    !scorecardId ||
    !targetLevel ||
    !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) ||
    Boolean(tierProblem);

  const submit = async () => {
    setSending(true);
    setError(undefined);
    const selection: ScorecardAppliesTo = {
      owner: list(owner),
      tier: tiers as ScorecardAppliesTo['tier'],
      kind: list(kind),
      system: list(system),
    };
    const defined = Object.fromEntries(
      Object.entries(selection).filter(([, value]) => value !== undefined),
    ) as ScorecardAppliesTo;
    try {
      await props.onSubmit({
        id: campaign?.id ?? slug(title),
        scorecardId,
        title: title.trim(),
        targetLevel,
        dueDate,
        filter: Object.keys(defined).length > 0 ? defined : undefined,
      });
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="reliability-campaign-title"
    >
      <DialogTitle id="reliability-campaign-title">
        {campaign ? `Edit “${campaign.title}”` : 'New campaign'}
      </DialogTitle>
      <DialogContent>
        <TextField
          id="reliability-campaign-name"
          label="Title"
          required
          fullWidth
          margin="dense"
          value={title}
          onChange={e => setTitle(e.target.value)}
          helperText={campaign ? undefined : `Id: ${slug(title) || '…'}`}
        />
        <TextField
          id="reliability-campaign-scorecard"
          select
          label="Scorecard"
          fullWidth
          margin="dense"
          disabled={Boolean(campaign)}
          value={scorecardId}
          onChange={e => {
            setScorecardId(e.target.value);
            setTargetLevel(
              scorecards.find(s => s.id === e.target.value)?.levels[0]?.name ??
                '',
            );
          }}
        >
          {scorecards.map(s => (
            <MenuItem key={s.id} value={s.id}>
              {s.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="reliability-campaign-level"
          select
          label="Target level"
          fullWidth
          margin="dense"
          value={targetLevel}
          onChange={e => setTargetLevel(e.target.value)}
        >
          {(scorecard?.levels ?? []).map(level => (
            <MenuItem key={level.name} value={level.name}>
              {level.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="reliability-campaign-due"
          label="Due date"
          type="date"
          required
          margin="dense"
          value={dueDate}
          onChange={e => setDueDate(e.target.value)}
          InputLabelProps={{ shrink: true }}
        />
        <Typography variant="subtitle2" style={{ marginTop: 16 }}>
          Which entities (comma-separated; empty means any)
        </Typography>
        <TextField
          id="reliability-campaign-owner"
          label="Owners"
          placeholder="group:default/payments"
          fullWidth
          margin="dense"
          value={owner}
          onChange={e => setOwner(e.target.value)}
        />
        <TextField
          id="reliability-campaign-tier"
          label="Tiers"
          placeholder="1, 2"
          margin="dense"
          value={tier}
          error={Boolean(tierProblem)}
          helperText={tierProblem}
          onChange={e => setTier(e.target.value)}
        />
        <TextField
          id="reliability-campaign-kind"
          label="Kinds"
          placeholder="Component"
          margin="dense"
          value={kind}
          onChange={e => setKind(e.target.value)}
        />
        <TextField
          id="reliability-campaign-system"
          label="Systems"
          placeholder="system:default/shop"
          fullWidth
          margin="dense"
          value={system}
          onChange={e => setSystem(e.target.value)}
        />
        {error && (
          <Typography color="error" role="alert">
            Could not save the campaign: {error}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={sending || incomplete}
          onClick={submit}
        >
          {campaign ? 'Save' : 'Start campaign'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
