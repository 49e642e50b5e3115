import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { reliabilityCampaignCreatePermission } from '@reliability/backstage-plugin-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  reliabilityApiRef,
  ScorecardCampaignProgressView,
  ScorecardCampaignView,
  ScorecardDefinitionView,
} from '../../api';
import { formatRatio } from '../../lib/format';
import { CampaignDialog } from '../ScorecardCampaigns/CampaignDialog';
import { StatusLabel, StatusTone } from '../StatusLabel';

const REMAINING_SHOWN = 10;

const STATES: Record<
  ScorecardCampaignProgressView['state'],
  { tone: StatusTone; text: string }
> = {
  'on-track': { tone: 'ok', text: 'Open, on track' },
  late: { tone: 'error', text: 'Open, late' },
  done: { tone: 'ok', text: 'Open, every entity at the target' },
  closed: { tone: 'neutral', text: 'Closed' },
};

const NEEDS = `Needs the permission ${reliabilityCampaignCreatePermission.name}`;

function Campaign(props: {
  progress: ScorecardCampaignProgressView;
  canManage: boolean;
  onEdit: (campaign: ScorecardCampaignView) => void;
  onClose: (campaign: ScorecardCampaignView) => void;
}) {
  const { progress, canManage } = props;
  const { campaign } = progress;
  const theme = useTheme();
  const share = progress.share ?? 0;
  let due = `due ${campaign.dueDate}`;
  if (progress.state === 'closed') {
    due = `closed ${campaign.closedAt?.slice(0, 10) ?? ''}`;
  } else if (progress.daysLeft !== null) {
    due = progress.overdue
      ? `overdue by ${-progress.daysLeft} days`
      : `${progress.daysLeft} days left`;
  }
  const label = `${campaign.title}: ${progress.atOrAboveTarget} of ${
    progress.entities
  } at ${campaign.targetLevel} or above (${formatRatio(
    progress.share,
    0,
  )}), ${due}`;
  const state = STATES[progress.state] ?? STATES['on-track'];
  const history = progress.history.map(point => ({
    day: point.day,
    share: point.share === null ? null : Math.round(point.share * 100),
  }));
  return (
    <Box component="section" aria-label={campaign.title} mb={3}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="h6" component="h3">
          {campaign.title}
        </Typography>
        <StatusLabel tone={state.tone}>{state.text}</StatusLabel>
      </Box>
      <Typography variant="body2">{label}</Typography>
      <LinearProgress
        variant="determinate"
        value={Math.round(share * 100)}
        aria-label={label}
      />
      {progress.problem && (
        <StatusLabel tone="warning">{progress.problem}</StatusLabel>
      )}
      {progress.state !== 'closed' && (
        <Box display="flex" alignItems="center" style={{ gap: 8 }} mt={1}>
          <Button
            size="small"
            variant="outlined"
            disabled={!canManage}
            onClick={() => props.onEdit(campaign)}
          >
            Edit
          </Button>
          <Button
            size="small"
            variant="outlined"
            disabled={!canManage}
            onClick={() => props.onClose(campaign)}
          >
            Close campaign
          </Button>
          {!canManage && (
            <Typography variant="caption" color="textSecondary">
              {NEEDS}
            </Typography>
          )}
        </Box>
      )}
      {history.length > 1 && (
        <>
          <Typography variant="body2" style={{ marginTop: 8 }}>
            Progress: {history[0].share ?? 'no'}% on {history[0].day},{' '}
            {history[history.length - 1].share ?? 'no'}% on{' '}
            {history[history.length - 1].day}.
          </Typography>
          <div style={{ width: '100%', height: 200 }} aria-hidden>
            <ResponsiveContainer>
              <LineChart data={history}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis domain={[0, 100]} unit="%" />
                <Tooltip />
                <Line
                  type="stepAfter"
                  dataKey="share"
                  name={`At ${campaign.targetLevel} or above`}
                  stroke={theme.palette.primary.main}
                  dot={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
      {progress.teams.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2" component="h4">
            Per team
          </Typography>
          <ul aria-label={`Teams of ${campaign.title}`} style={{ margin: 0 }}>
            {progress.teams.map(team => (
              <li key={team.ownerRef ?? 'none'}>
                <Typography variant="body2" component="span">
                  {team.ownerRef ? (
                    <EntityRefLink entityRef={team.ownerRef} />
                  ) : (
                    'no owner'
                  )}
                  : {team.atOrAboveTarget} of {team.entities}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
      {progress.remaining.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2" component="h4">
            Still below {campaign.targetLevel}
          </Typography>
          <ul
            aria-label={`Still below ${campaign.targetLevel}`}
            style={{ margin: 0 }}
          >
            {progress.remaining.slice(0, REMAINING_SHOWN).map(item => (
              <li key={item.entityRef}>
                <Typography variant="body2" component="span">
                  <EntityRefLink entityRef={item.entityRef} /> (
                  {item.level ?? 'no level'})
                  {item.failing.length > 0 &&
                    `: fails ${item.failing.join(', ')}`}
                </Typography>
              </li>
            ))}
          </ul>
          {progress.remaining.length > REMAINING_SHOWN && (
            <Typography variant="body2">
              and {progress.remaining.length - REMAINING_SHOWN} more
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
}

/**
 * Every campaign: its state (open on track, late, done, closed), progress over time, per team,
 * the entities still short and what they fail; with new/edit/close for holders of
 * `reliability.campaign.create` (disabled, with the reason, for others).
 */
export function CampaignsSection(props: {
  scorecards?: ScorecardDefinitionView[];
}) {
  const api = useApi(reliabilityApiRef);
  const permission = usePermission({
    permission: reliabilityCampaignCreatePermission,
  });
  const canManage = !permission.loading && permission.allowed;
  const [editing, setEditing] = useState<ScorecardCampaignView | 'new'>();
  const [actionError, setActionError] = useState<string>();
  const campaigns = useAsyncRetry(async () => {
    const { items } = await api.listCampaigns();
    return Promise.all(items.map(c => api.getCampaignProgress(c.id)));
  }, [api]);
  const scorecards = props.scorecards ?? [];

  let body;
  if (campaigns.loading && !campaigns.value) {
    body = <Progress />;
  } else if (campaigns.error) {
    body = (
      <ResponseErrorPanel
        title="Could not load the campaigns"
        error={campaigns.error}
      />
    );
  } else if (campaigns.value!.length === 0) {
    body = (
      <Typography>
        No campaigns yet. A campaign brings a set of entities to a level by a
        date, e.g. every tier-1 service at Silver by the end of the quarter.
      </Typography>
    );
  } else {
    body = campaigns.value!.map(progress => (
      <Campaign
        key={progress.campaign.id}
        progress={progress}
        canManage={canManage}
        onEdit={campaign => setEditing(campaign)}
        onClose={async campaign => {
          setActionError(undefined);
          try {
            await api.closeCampaign(campaign.id);
            campaigns.retry();
          } catch (e) {
            setActionError((e as Error).message);
          }
        }}
      />
    ));
  }
  return (
    <InfoCard
      title="Campaigns"
      action={
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          {!permission.loading && !permission.allowed && (
            <Typography variant="caption" color="textSecondary">
              {NEEDS}
            </Typography>
          )}
          <Button
            color="primary"
            variant="contained"
            size="small"
            disabled={!canManage || scorecards.length === 0}
            onClick={() => setEditing('new')}
          >
            New campaign
          </Button>
        </Box>
      }
    >
      {actionError && (
        <Typography color="error" role="alert">
          {actionError}
        </Typography>
      )}
      {body}
      {editing && (
        <CampaignDialog
          scorecards={scorecards}
          campaign={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSubmit={async input => {
            if (editing === 'new') {
              await api.createCampaign(input);
            } else {
              const { id: _id, scorecardId: _scorecard, ...edit } = input;
              await api.updateCampaign(editing.id, edit);
            }
            campaigns.retry();
          }}
        />
      )}
    </InfoCard>
  );
}
