import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef, Slo } from '../../api';
import { formatTimeWindow, sloTitle } from '../../lib/format';
import { BudgetBar, PolicyStateLabel } from '../SloStatus';
import { countByState } from '../EntityReliabilitySummaryCard/worstSlo';
import { FreshnessCell } from '../SloTable';

// The backend's largest page; the review page pages through more once it grows filters.
const PAGE_SIZE = 500;

const columns: TableColumn<Slo>[] = [
  { title: 'SLO', render: slo => <strong>{sloTitle(slo)}</strong> },
  {
    title: 'Entity',
    render: slo => <EntityRefLink entityRef={slo.entityRef} />,
  },
  {
    title: 'Objective',
    render: slo =>
      `${slo.objective.targetPercent}% over ${formatTimeWindow(
        slo.timeWindow,
      )}`,
  },
  {
    title: 'Budget remaining',
    render: slo => <BudgetBar remaining={slo.status?.budget?.remaining} />,
  },
  {
    title: 'Policy',
    render: slo => (
      <PolicyStateLabel
        state={slo.status?.policy.state ?? 'unknown'}
        reason={slo.status?.policy.reason ?? 'Not evaluated yet.'}
      />
    ),
  },
  { title: 'Freshness', render: slo => <FreshnessCell slo={slo} /> },
];

/**
 * The suite's page: the catalog's SLOs counted by budget policy state, and listed with their
 * budgets. The review views arrive with their own issues.
 */
export function ReliabilityPage() {
  const api = useApi(reliabilityApiRef);
  const status = useAsync(async () => {
    const page = await api.listSlos({ limit: PAGE_SIZE });
    return {
      items: page.items,
      byState: countByState(page.items),
      more: Boolean(page.nextCursor),
    };
  }, [api]);

  return (
    <Page themeId="tool">
      <Header
        title="Reliability"
        subtitle="SLOs, error budgets, on-call and readiness of your services"
      />
      <Content>
        {status.loading && <Progress />}
        {status.error && (
          <ResponseErrorPanel
            title="Could not load the catalog's SLOs"
            error={status.error}
          />
        )}
        {status.value && (
          <>
            <InfoCard title="SLOs in the catalog">
              <Typography>
                {status.value.items.length}
                {status.value.more ? '+' : ''} SLOs
              </Typography>
              {status.value.byState.map(([state, count]) => (
                <Typography key={state}>
                  {state}: {count}
                </Typography>
              ))}
            </InfoCard>
            {status.value.items.length > 0 && (
              <Table<Slo>
                title="All SLOs"
                options={{ paging: false, search: true, padding: 'dense' }}
                columns={columns}
                data={status.value.items}
              />
            )}
          </>
        )}
      </Content>
    </Page>
  );
}
