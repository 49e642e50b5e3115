import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { ScorecardRollups } from '../../api';
import { formatRatio } from '../../lib/format';
import { REVIEW_TABLE_OPTIONS } from './tableOptions';

type Group = ScorecardRollups['groups'][number];

/** Entities per level for each team, and their weakest check. */
export function TeamRollupsSection(props: {
  rollups: { loading: boolean; error?: Error; value?: ScorecardRollups };
  levels: string[];
}) {
  const { rollups } = props;
  if (rollups.loading) {
    return <Progress />;
  }
  if (rollups.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the team rollups"
        error={rollups.error}
      />
    );
  }
  const groups = rollups.value?.groups ?? [];
  if (groups.length === 0) {
    return (
      <InfoCard title="Teams">
        <Typography>
          No results to roll up yet: the scheduled evaluation has not reached
          any entity, or no entity has an owner.
        </Typography>
      </InfoCard>
    );
  }
  const columns: TableColumn<Group>[] = [
    {
      title: 'Team',
      render: group =>
        group.key ? <EntityRefLink entityRef={group.key} /> : 'No owner',
    },
    { title: 'Entities', field: 'entities' },
    { title: 'No level', field: 'noLevel' },
    ...props.levels.map(
      (name): TableColumn<Group> => ({
        title: name,
        render: group =>
          `${group.levels.find(l => l.name === name)?.entities ?? 0}`,
      }),
    ),
    {
      title: 'Weakest check',
      render: group => {
        const weakest = [...group.checks].sort(
          (a, b) => a.passRate - b.passRate,
        )[0];
        return weakest
          ? `${weakest.id}: ${formatRatio(weakest.passRate, 0)} pass`
          : 'none';
      },
    },
  ];
  return (
    <Table<Group>
      title="Teams"
      options={REVIEW_TABLE_OPTIONS}
      columns={columns}
      data={groups}
    />
  );
}
