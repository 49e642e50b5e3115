import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { SUSTAINABLE_PAGES_PER_12_HOURS } from '@reliability/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { AlertQualityView, reliabilityApiRef } from '../../api';
import { formatAlertRatio, formatMeanDuration } from '../../lib/alertFigures';
import { StatusLabel } from '../StatusLabel';
import { REVIEW_TABLE_OPTIONS } from './tableOptions';

type Row = { team: string; view?: AlertQualityView; error?: string };

const columns: TableColumn<Row>[] = [
  { title: 'Team', render: row => <EntityRefLink entityRef={row.team} /> },
  {
    title: 'Pages',
    render: row => (row.view ? row.view.report.pagesGiven : row.error),
  },
  {
    title: 'Pages per 12 h',
    render: row =>
      row.view && (
        <StatusLabel
          tone={
            row.view.pagesPer12Hours > SUSTAINABLE_PAGES_PER_12_HOURS
              ? 'warning'
              : 'ok'
          }
        >
          {row.view.pagesPer12Hours.toFixed(2)}
        </StatusLabel>
      ),
  },
  {
    title: 'Actionable',
    render: row =>
      row.view && formatAlertRatio(row.view.report.noise.actionableRatio),
  },
  {
    title: 'MTTA',
    render: row =>
      row.view && formatMeanDuration(row.view.report.responseTimes.mtta),
  },
  {
    title: 'Sleep-hour pages',
    render: row => row.view?.report.interruptions.total.sleepHours,
  },
];

/** Alert quality over the last 30 days for each team of the rollup. */
export function TeamAlertQualitySection(props: { teams: string[] }) {
  const api = useApi(reliabilityApiRef);
  const rows = useAsync(
    () =>
      Promise.all(
        props.teams.map(async (team): Promise<Row> => {
          try {
            return { team, view: await api.getOwnerAlertQuality(team) };
          } catch (error) {
            return { team, error: (error as Error).message };
          }
        }),
      ),
    [api, props.teams.join(',')],
  );
  if (rows.loading) {
    return <Progress />;
  }
  if (rows.error) {
    return (
      <ResponseErrorPanel
        title="Could not load alert quality"
        error={rows.error}
      />
    );
  }
  if (props.teams.length === 0) {
    return (
      <InfoCard title="Alert quality by team">
        <Typography>
          No teams yet: teams come from the owners in the scorecard rollup.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <Table<Row>
      title="Alert quality by team (last 30 days)"
      options={REVIEW_TABLE_OPTIONS}
      columns={columns}
      data={rows.value!}
    />
  );
}
