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
import useAsync from 'react-use/esm/useAsync';
import { BlockedReleaseView, reliabilityApiRef } from '../../api';
import { REVIEW_TABLE_OPTIONS } from './tableOptions';

const columns: TableColumn<BlockedReleaseView>[] = [
  {
    title: 'Entity',
    render: row => <EntityRefLink entityRef={row.entityRef} />,
  },
  { title: 'Why', field: 'summary' },
  {
    title: 'Blocked since',
    render: row => new Date(row.since).toLocaleString(),
  },
];

/** The entities whose releases the gate blocks now, with why and since when. */
export function BlockedReleasesSection() {
  const api = useApi(reliabilityApiRef);
  const blocked = useAsync(() => api.listBlockedReleases(), [api]);
  if (blocked.loading) return <Progress />;
  if (blocked.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the blocked releases"
        error={blocked.error}
      />
    );
  }
  const items = blocked.value?.items ?? [];
  if (items.length === 0) {
    return (
      <InfoCard title="Blocked releases">
        <Typography>
          No entity's releases are blocked: every error budget is within its
          release policy.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <Table<BlockedReleaseView>
      title={`Blocked releases (${items.length})`}
      options={REVIEW_TABLE_OPTIONS}
      columns={columns}
      data={items}
    />
  );
}
