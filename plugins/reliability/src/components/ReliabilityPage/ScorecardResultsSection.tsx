import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import GetApp from '@material-ui/icons/GetApp';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  reliabilityApiRef,
  ScorecardDefinitionView,
  ScorecardResultView,
  ScorecardResultsFilter,
} from '../../api';
import { formatInstant, formatRelative } from '../../lib/format';
import { levelText } from '../EntityScorecardCard';
import { StatusLabel } from '../StatusLabel';
import { REVIEW_TABLE_OPTIONS } from './tableOptions';

const PAGE_SIZE = 50;

const columns: TableColumn<ScorecardResultView>[] = [
  {
    title: 'Entity',
    render: row => <EntityRefLink entityRef={row.entityRef} />,
  },
  { title: 'Scorecard', field: 'title' },
  {
    title: 'Level',
    render: row => (
      <StatusLabel tone={row.level ? 'ok' : 'warning'}>
        {levelText(row)}
      </StatusLabel>
    ),
  },
  {
    title: 'Failing checks',
    render: row =>
      row.checks
        .filter(check => check.status === 'fail' || check.status === 'unknown')
        .map(check => `${check.title} (${check.status})`)
        .join(', ') || 'none',
  },
  {
    title: 'Owner',
    render: row =>
      row.ownerRef ? <EntityRefLink entityRef={row.ownerRef} /> : 'none',
  },
  {
    title: 'Exemptions',
    render: row =>
      row.checks
        .filter(check => check.exemption)
        .map(
          check =>
            `${check.title}: “${
              check.exemption!.reason
            }”, until ${formatInstant(check.exemption!.expiresAt)}`,
        )
        .join('; ') || 'none',
  },
  { title: 'Tier', render: row => row.tier ?? 'none' },
  { title: 'Evaluated', render: row => formatRelative(row.evaluatedAt) },
];

function Select(props: {
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      select
      // An id lets MUI name the select by its label for screen readers.
      id={`reliability-filter-${props.label
        .toLowerCase()
        .replace(/\W+/g, '-')}`}
      label={props.label}
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      style={{ minWidth: 140 }}
      size="small"
    >
      {props.options.map(([value, label]) => (
        <MenuItem key={value} value={value}>
          {label}
        </MenuItem>
      ))}
    </TextField>
  );
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * Scorecard results across the catalog: filters, sort, cursor pages and a CSV export of the same
 * filters (downloaded through the API client, so with the user's credentials).
 */
export function ScorecardResultsSection(props: {
  scorecards: ScorecardDefinitionView[];
}) {
  const api = useApi(reliabilityApiRef);
  const [filter, setFilter] = useState<ScorecardResultsFilter>({
    sort: 'entity',
    order: 'asc',
  });
  // The cursors of the pages before the current one, to go back.
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const cursor = cursors[cursors.length - 1];
  const page = useAsync(
    () => api.listScorecardResults({ ...filter, cursor, limit: PAGE_SIZE }),
    [api, JSON.stringify(filter), cursor],
  );
  const [exported, exportCsv] = useAsyncFn(async () => {
    download(
      await api.exportScorecardResultsCsv(filter),
      'scorecard-results.csv',
    );
  }, [api, JSON.stringify(filter)]);

  const update = (change: Partial<ScorecardResultsFilter>) => {
    setFilter(current => ({ ...current, ...change }));
    setCursors([undefined]);
  };
  const chosen = props.scorecards.find(s => s.id === filter.scorecard);
  const levels = [
    ...new Set(
      (chosen ? [chosen] : props.scorecards).flatMap(s =>
        s.levels.map(l => l.name),
      ),
    ),
  ];

  return (
    <InfoCard title="Scorecard results">
      <Box
        display="flex"
        flexWrap="wrap"
        style={{ gap: 16 }}
        mb={2}
        component="form"
        aria-label="Filters"
        onSubmit={event => event.preventDefault()}
      >
        <Select
          label="Scorecard"
          value={filter.scorecard ?? ''}
          options={[
            ['', 'All'],
            ...props.scorecards.map(s => [s.id, s.title] as [string, string]),
          ]}
          onChange={value =>
            update({ scorecard: value || undefined, level: undefined })
          }
        />
        <TextField
          label="Owner"
          placeholder="group:default/payments"
          size="small"
          value={filter.owner ?? ''}
          onChange={event => update({ owner: event.target.value || undefined })}
        />
        <Select
          label="Tier"
          value={filter.tier ?? ''}
          options={[
            ['', 'All'],
            ['1', '1'],
            ['2', '2'],
            ['3', '3'],
            ['4', '4'],
          ]}
          onChange={value => update({ tier: value || undefined })}
        />
        <TextField
          label="Kind"
          placeholder="component"
          size="small"
          value={filter.kind ?? ''}
          onChange={event => update({ kind: event.target.value || undefined })}
        />
        <Select
          label="Level"
          value={filter.level ?? ''}
          options={[
            ['', 'All'],
            ['none', 'No level'],
            ...levels.map(name => [name, name] as [string, string]),
          ]}
          onChange={value => update({ level: value || undefined })}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={Boolean(filter.exempted)}
              onChange={event =>
                update({ exempted: event.target.checked || undefined })
              }
            />
          }
          label="Exempted only"
        />
        <Select
          label="Sort by"
          value={filter.sort ?? 'entity'}
          options={[
            ['entity', 'Entity'],
            ['level', 'Level'],
            ['owner', 'Owner'],
            ['evaluatedAt', 'Evaluated'],
          ]}
          onChange={value =>
            update({ sort: value as ScorecardResultsFilter['sort'] })
          }
        />
        <Select
          label="Order"
          value={filter.order ?? 'asc'}
          options={[
            ['asc', 'Ascending'],
            ['desc', 'Descending'],
          ]}
          onChange={value => update({ order: value as 'asc' | 'desc' })}
        />
        <Button
          startIcon={<GetApp />}
          onClick={() => exportCsv()}
          disabled={exported.loading}
        >
          Download CSV
        </Button>
      </Box>
      {exported.error && (
        <Typography color="error" role="alert">
          Could not export the CSV: {exported.error.message}
        </Typography>
      )}
      {page.loading && <Progress />}
      {page.error && (
        <ResponseErrorPanel
          title="Could not load the scorecard results"
          error={page.error}
        />
      )}
      {page.value && page.value.items.length === 0 && (
        <Typography>
          No results match these filters.{' '}
          {props.scorecards.length === 0
            ? 'No scorecard is configured: add one under reliability.scorecards in app-config.yaml.'
            : 'Clear a filter, or wait for the scheduled evaluation to reach new entities.'}
        </Typography>
      )}
      {page.value && page.value.items.length > 0 && (
        <Table<ScorecardResultView>
          title={`Page ${cursors.length}`}
          // The page is sorted by the server ("Sort by" above); sorting one page of it in the
          // browser would contradict that.
          options={{ ...REVIEW_TABLE_OPTIONS, sorting: false }}
          columns={columns}
          data={page.value.items}
        />
      )}
      <Box display="flex" style={{ gap: 8 }} mt={1}>
        <Button
          disabled={cursors.length <= 1}
          onClick={() => setCursors(current => current.slice(0, -1))}
        >
          Previous page
        </Button>
        <Button
          disabled={!page.value?.nextCursor}
          onClick={() =>
            setCursors(current => [...current, page.value!.nextCursor!])
          }
        >
          Next page
        </Button>
      </Box>
    </InfoCard>
  );
}
