import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef, ScorecardCampaignProgressView } from '../../api';
import { formatRatio } from '../../lib/format';
import { StatusLabel } from '../StatusLabel';

const REMAINING_SHOWN = 10;

function Campaign(props: { progress: ScorecardCampaignProgressView }) {
  const { progress } = props;
  const { campaign } = progress;
  const share = progress.share ?? 0;
  let due = `due ${campaign.dueDate}`;
  if (progress.daysLeft !== null) {
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
  return (
    <Box component="section" aria-label={campaign.title} mb={3}>
      <Typography variant="h6" component="h3">
        {campaign.title}
      </Typography>
      <Typography variant="body2">{label}</Typography>
      <LinearProgress
        variant="determinate"
        value={Math.round(share * 100)}
        aria-label={label}
      />
      {progress.overdue && <StatusLabel tone="error">Overdue</StatusLabel>}
      {progress.problem && (
        <StatusLabel tone="warning">{progress.problem}</StatusLabel>
      )}
      {progress.remaining.length > 0 && (
        <Typography variant="body2" component="div">
          Still below {campaign.targetLevel}:{' '}
          {progress.remaining.slice(0, REMAINING_SHOWN).map((item, index) => (
            <span key={item.entityRef}>
              {index > 0 && ', '}
              <EntityRefLink entityRef={item.entityRef} /> (
              {item.level ?? 'no level'})
            </span>
          ))}
          {progress.remaining.length > REMAINING_SHOWN &&
            ` and ${progress.remaining.length - REMAINING_SHOWN} more`}
        </Typography>
      )}
    </Box>
  );
}

/** Every campaign with a progress bar, its due date and who is still below the target. */
export function CampaignsSection() {
  const api = useApi(reliabilityApiRef);
  const campaigns = useAsync(async () => {
    const { items } = await api.listCampaigns();
    return Promise.all(items.map(c => api.getCampaignProgress(c.id)));
  }, [api]);
  if (campaigns.loading) {
    return <Progress />;
  }
  if (campaigns.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the campaigns"
        error={campaigns.error}
      />
    );
  }
  return (
    <InfoCard title="Campaigns">
      {campaigns.value!.length === 0 ? (
        <Typography>
          No campaigns yet. Start one with{' '}
          <code>POST /api/reliability/campaigns</code> (scorecard, target level,
          due date), e.g. "every tier-1 service at Silver by the end of the
          quarter"; it needs the permission reliability.campaign.create.
        </Typography>
      ) : (
        campaigns.value!.map(progress => (
          <Campaign key={progress.campaign.id} progress={progress} />
        ))
      )}
    </InfoCard>
  );
}
