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
import { reliabilityApiRef, Slo } from '../../api';
import { formatBurnRate, sloTitle } from '../../lib/format';
import { BudgetBar, PolicyStateLabel } from '../SloStatus';
import { REVIEW_TABLE_OPTIONS } from './tableOptions';

const SHOWN = 10;
const PAGE_SIZE = 500;

/** The burn rate over an SLO's shortest alert window; `undefined` when unknown. */
export function shortestWindowBurnRate(slo: Slo): number | undefined {
  const rates = [...(slo.status?.burnRates ?? [])].sort(
    (a, b) => a.windowMs - b.windowMs,
  );
  return rates[0]?.burnRate ?? undefined;
}

/** SLOs sorted by their shortest window's burn rate, highest first; unknown rates are left out. */
export function burningFastest(slos: Slo[], count = SHOWN): Slo[] {
  return slos
    .filter(slo => shortestWindowBurnRate(slo) !== undefined)
    .sort((a, b) => shortestWindowBurnRate(b)! - shortestWindowBurnRate(a)!)
    .slice(0, count);
}

const columns: TableColumn<Slo>[] = [
  { title: 'SLO', render: slo => <strong>{sloTitle(slo)}</strong> },
  {
    title: 'Entity',
    render: slo => <EntityRefLink entityRef={slo.entityRef} />,
  },
  {
    title: 'Burn rate (shortest window)',
    render: slo => {
      const rate = [...(slo.status?.burnRates ?? [])].sort(
        (a, b) => a.windowMs - b.windowMs,
      )[0];
      return `${formatBurnRate(rate?.burnRate)} over ${rate?.window}`;
    },
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
];

/** The SLOs burning their budget fastest right now. */
export function BurningSlosSection() {
  const api = useApi(reliabilityApiRef);
  const slos = useAsync(async () => {
    const page = await api.listSlos({ limit: PAGE_SIZE });
    return { total: page.items.length, burning: burningFastest(page.items) };
  }, [api]);
  if (slos.loading) {
    return <Progress />;
  }
  if (slos.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the catalog's SLOs"
        error={slos.error}
      />
    );
  }
  const value = slos.value!;
  if (value.burning.length === 0) {
    return (
      <InfoCard title="Burning fastest">
        <Typography>
          {value.total === 0
            ? 'No SLOs in the catalog yet: add the reliability/slos annotation to a service.'
            : `None of the ${value.total} SLOs has a known burn rate yet: they wait for SLI data.`}
        </Typography>
      </InfoCard>
    );
  }
  return (
    <Table<Slo>
      title="Burning fastest"
      subtitle={`Of ${value.total} SLOs, by the burn rate over their shortest alert window`}
      options={REVIEW_TABLE_OPTIONS}
      columns={columns}
      data={value.burning}
    />
  );
}
