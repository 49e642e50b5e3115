import { useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { BlockedReleasesSection } from './BlockedReleasesSection';
import { BurningSlosSection } from './BurningSlosSection';
import { CampaignsSection } from './CampaignsSection';
import { LevelTrendSection } from './LevelTrendSection';
import { ScorecardResultsSection } from './ScorecardResultsSection';
import { TeamAlertQualitySection } from './TeamAlertQualitySection';
import { TeamRollupsSection } from './TeamRollupsSection';
import { ExemptionQueueSection } from '../ScorecardExemptions';
import { DefinitionProblemsPanel, DryRunSection } from '../ScorecardAuthoring';

const TABS = [
  'Scorecards',
  'Teams',
  'Level trend',
  'Campaigns',
  'Burning SLOs',
  'Alert quality',
  'Blocked releases',
  'Exemptions',
  'Dry run',
] as const;

/**
 * The platform review page: scorecard results across the catalog, team rollups, the level trend,
 * campaigns, the SLOs burning fastest and alert quality per team.
 */
export function ReliabilityPage() {
  const api = useApi(reliabilityApiRef);
  const [tab, setTab] = useState(0);
  const scorecards = useAsync(() => api.listScorecards(), [api]);
  const [chosenId, setChosenId] = useState<string>();
  const definitions = scorecards.value?.items ?? [];
  const scorecard = definitions.find(s => s.id === chosenId) ?? definitions[0];
  const rollups = useAsync(
    async () =>
      scorecard ? api.getScorecardRollups(scorecard.id, 'owner') : undefined,
    [api, scorecard?.id],
  );
  const teams = (rollups.value?.groups ?? [])
    .map(group => group.key)
    .filter((key): key is string => Boolean(key?.startsWith('group:')));

  const needsScorecard = tab === 1 || tab === 2;
  let section;
  if (tab === 0) {
    section = <ScorecardResultsSection scorecards={definitions} />;
  } else if (needsScorecard && !scorecard) {
    section = (
      <InfoCard title={TABS[tab]}>
        <Typography>
          No scorecard is configured: define one under{' '}
          <code>reliability.scorecards</code> in app-config.yaml.
        </Typography>
      </InfoCard>
    );
  } else if (tab === 1) {
    section = (
      <TeamRollupsSection
        rollups={rollups}
        levels={scorecard!.levels.map(l => l.name)}
      />
    );
  } else if (tab === 2) {
    section = <LevelTrendSection scorecardId={scorecard!.id} />;
  } else if (tab === 3) {
    section = <CampaignsSection scorecards={definitions} />;
  } else if (tab === 4) {
    section = <BurningSlosSection />;
  } else if (tab === 6) {
    section = <BlockedReleasesSection />;
  } else if (tab === 7) {
    section = <ExemptionQueueSection />;
  } else if (tab === 8) {
    section = <DryRunSection />;
  } else {
    section = rollups.loading ? (
      <Progress />
    ) : (
      <TeamAlertQualitySection teams={teams} />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Reliability"
        subtitle="Readiness, SLOs and alert quality across the catalog"
      />
      <Content>
        <DefinitionProblemsPanel />
        {scorecards.error && (
          <ResponseErrorPanel
            title="Could not load the scorecard definitions"
            error={scorecards.error}
          />
        )}
        <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={2}>
          <Tabs
            value={tab}
            onChange={(_event, value: number) => setTab(value)}
            indicatorColor="primary"
            variant="scrollable"
            aria-label="Review sections"
          >
            {TABS.map((label, index) => (
              <Tab
                key={label}
                label={label}
                id={`reliability-review-tab-${index}`}
                aria-controls="reliability-review-tabpanel"
              />
            ))}
          </Tabs>
          {needsScorecard && definitions.length > 1 && (
            <TextField
              select
              size="small"
              label="Scorecard"
              value={scorecard?.id ?? ''}
              onChange={event => setChosenId(event.target.value)}
            >
              {definitions.map(s => (
                <MenuItem key={s.id} value={s.id}>
                  {s.title}
                </MenuItem>
              ))}
            </TextField>
          )}
        </Box>
        <div
          role="tabpanel"
          id="reliability-review-tabpanel"
          aria-labelledby={`reliability-review-tab-${tab}`}
        >
          {section}
        </div>
      </Content>
    </Page>
  );
}
