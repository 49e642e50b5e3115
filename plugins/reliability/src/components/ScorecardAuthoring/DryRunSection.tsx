import { useState } from 'react';
import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { usePermission } from '@backstage/plugin-permission-react';
import { reliabilityScorecardDryRunPermission } from '@reliability/backstage-plugin-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { reliabilityApiRef, ScorecardDryRunView } from '../../api';

/** The backend's own message (a 400 lists the draft's problems), else the error's. */
function messageOf(error: Error): string {
  const body = (error as ResponseError).body as
    | { error?: { message?: string } }
    | undefined;
  return body?.error?.message ?? error.message;
}

/** A starting point: a scorecard file as `reliability.scorecardLocations` would point at. */
export const DRAFT_TEMPLATE = `scorecards:
  - id: draft-readiness
    title: Draft readiness
    appliesTo: { kind: [Component] }
    levels:
      - name: Bronze
        checks:
          - check: owner-is-group
          - check: description-present
      - name: Silver
        checks:
          - check: tier-declared
          - check: slo-defined
`;

type Summary = ScorecardDryRunView['summaries'][number];
type CheckRow = Summary['checks'][number];

const checkColumns: TableColumn<CheckRow>[] = [
  { title: 'Check', field: 'title' },
  { title: 'Level', field: 'level' },
  { title: 'Would fail', field: 'failed' },
  { title: 'No data', field: 'unknown' },
  { title: 'Exempt', field: 'exempt' },
];

function SummaryView(props: { summary: Summary }) {
  const { summary } = props;
  const theme = useTheme();
  const data = [
    { level: 'No level', entities: summary.noLevel },
    ...summary.levels.map(level => ({
      level: level.name,
      entities: level.entities,
    })),
  ];
  const sentence = `${summary.scorecardId}: of ${
    summary.entities
  } entities, ${summary.levels
    .map(level => `${level.entities} would land at ${level.name}`)
    .join(', ')} and ${summary.noLevel} at no level; ${
    summary.notApplicable
  } are outside its appliesTo.`;
  return (
    <Box component="section" aria-label={`Dry run of ${summary.scorecardId}`}>
      <Typography variant="body1" paragraph>
        {sentence}
      </Typography>
      <div style={{ width: '100%', height: 240 }} aria-hidden>
        <ResponsiveContainer>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="level" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="entities" fill={theme.palette.primary.main} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table<CheckRow>
        title="Checks that would fail most"
        options={{ paging: false, search: false, sorting: false }}
        columns={checkColumns}
        data={summary.checks}
      />
    </Box>
  );
}

/**
 * The dry run: paste a draft scorecard file and see, before publishing it, how many entities of
 * the catalog would land at each level and which checks would fail most. Runs on the facts the
 * last scheduled evaluation stored; stores nothing. Only for holders of
 * `reliability.scorecard.dry-run`: others see the button disabled with the reason.
 */
export function DryRunSection() {
  const api = useApi(reliabilityApiRef);
  const permission = usePermission({
    permission: reliabilityScorecardDryRunPermission,
  });
  const [yaml, setYaml] = useState(DRAFT_TEMPLATE);
  const [run, start] = useAsyncFn(() => api.dryRunScorecard(yaml), [api, yaml]);
  const denied = !permission.loading && !permission.allowed;
  return (
    <InfoCard title="Dry run of a draft scorecard">
      <Typography variant="body2" paragraph>
        Paste a scorecard file (the format of the files under{' '}
        <code>reliability.scorecardLocations</code>). It is tried on every
        entity’s stored facts; nothing is saved.
      </Typography>
      <TextField
        label="Draft scorecard (YAML)"
        multiline
        fullWidth
        minRows={12}
        variant="outlined"
        value={yaml}
        onChange={event => setYaml(event.target.value)}
        inputProps={{ spellCheck: false, style: { fontFamily: 'monospace' } }}
      />
      <Box display="flex" alignItems="center" style={{ gap: 8 }} my={2}>
        <Button
          variant="contained"
          color="primary"
          disabled={permission.loading || denied || run.loading}
          onClick={() => start()}
        >
          Run on the catalog
        </Button>
        {denied && (
          <Typography variant="caption" color="textSecondary">
            Needs the permission {reliabilityScorecardDryRunPermission.name}
          </Typography>
        )}
      </Box>
      {run.error && (
        <Box role="alert">
          <Typography color="error">The dry run did not run:</Typography>
          <ul
            aria-label="Draft problems"
            style={{ paddingLeft: 20, margin: 0 }}
          >
            {messageOf(run.error)
              .split('\n')
              .filter(line => line.trim() !== '')
              .map((line, index) => (
                <li key={index}>
                  <Typography variant="body2" component="span">
                    {line}
                  </Typography>
                </li>
              ))}
          </ul>
        </Box>
      )}
      {run.value && (
        <>
          <Typography variant="caption" color="textSecondary" component="div">
            Tried on {run.value.entitiesWithFacts} entities in{' '}
            {run.value.durationMs} ms.
            {run.value.entitiesWithFacts === 0 &&
              ' No facts are stored yet: they are kept by the scheduled scorecard evaluation.'}
          </Typography>
          {run.value.summaries.map(summary => (
            <SummaryView key={summary.scorecardId} summary={summary} />
          ))}
        </>
      )}
    </InfoCard>
  );
}
