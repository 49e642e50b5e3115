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
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  MonthlyReliabilityReport,
  MonthlyReportCsvTable,
  MonthlyReportSlo,
  formatReportDuration,
} from '@reliability/backstage-plugin-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { reliabilityApiRef } from '../../api';
import { ReportReleasesSection } from './ReportReleasesSection';

const ORGANISATION = 'organisation';

const useStyles = makeStyles(theme => ({
  pickers: { display: 'flex', gap: theme.spacing(2), flexWrap: 'wrap' },
  // Printed on A4: the app's sidebar, header and the pickers stay on screen only.
  '@global': {
    '@media print': {
      '@page': { size: 'A4', margin: '12mm' },
      'nav, [class*="BackstageSidebar"], [class*="MuiDrawer"], header, [data-print="hide"]':
        { display: 'none !important' },
      'main, [class*="BackstageContent"]': { padding: '0 !important' },
      body: { background: '#fff !important', fontSize: '10pt' },
      'table, .MuiTableCell-root': { fontSize: '9pt !important' },
      '.MuiTableCell-root': { padding: '2px 6px !important' },
      '.MuiPaper-root': { boxShadow: 'none !important' },
      'section, .MuiCard-root': { breakInside: 'avoid' },
    },
  },
}));

function currentMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

function pct(value: number | null, digits: number): string {
  return value === null ? '–' : `${(value * 100).toFixed(digits)} %`;
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

const sloColumns: TableColumn<MonthlyReportSlo>[] = [
  { title: 'Entity', field: 'entityRef' },
  { title: 'SLO', field: 'name' },
  { title: 'Target', render: slo => `${slo.targetPercent} %` },
  { title: 'Attainment', field: 'attainment' },
  { title: 'SLI', render: slo => pct(slo.sli, 3) },
  { title: 'Budget consumed', render: slo => pct(slo.budgetConsumed, 1) },
  { title: 'Budget left', render: slo => pct(slo.budgetRemaining, 1) },
  {
    title: 'Worst day',
    render: slo =>
      slo.worstDay ? `${slo.worstDay.day} (${pct(slo.worstDay.sli, 2)})` : '–',
  },
];

function ReportBody(props: { report: MonthlyReliabilityReport }) {
  const { report } = props;
  const { summary, pages } = report;
  return (
    <>
      <Box mb={2}>
        <Typography variant="h5" component="h2">
          {report.subject}, {report.month}
        </Typography>
        <Typography>
          {summary.met} of {summary.slos} SLOs met their objective (
          {summary.missed} missed, {summary.unknown} unknown).
          {report.partial
            ? ` The month is not over: figures as of ${report.generatedAt}.`
            : ''}
        </Typography>
      </Box>
      <Table
        title="SLOs"
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={sloColumns}
        data={report.slos}
      />
      {pages && (
        <Box mt={2} component="section">
          <InfoCard title="Pages">
            <Typography>
              {pages.pages} pages; per shift:{' '}
              {pages.pagesPerShift === null
                ? '–'
                : pages.pagesPerShift.toFixed(2)}{' '}
              over {pages.shifts} shifts; MTTA{' '}
              {formatReportDuration(pages.mttaMs)}, MTTR{' '}
              {formatReportDuration(pages.mttrMs)}; {pages.sleepHourPages} in
              sleep hours, {pages.offHourPages} off hours.
            </Typography>
            {pages.noisiest.length > 0 && (
              <Typography>
                Noisiest:{' '}
                {pages.noisiest
                  .map(a => `${a.alertName} (${a.service}, ${a.pages})`)
                  .join(', ')}
              </Typography>
            )}
          </InfoCard>
        </Box>
      )}
      <ReportReleasesSection releases={report.releases} />
      <Box mt={2} component="section">
        <InfoCard title="Scorecards">
          <Typography>
            {report.levelChanges.length === 0
              ? 'No level changed this month.'
              : report.levelChanges
                  .map(
                    c =>
                      `${c.entityRef}: ${c.from ?? 'none'} → ${
                        c.to ?? 'none'
                      } (${c.scorecardId}, ${c.at.slice(0, 10)})`,
                  )
                  .join('; ')}
          </Typography>
          {report.campaigns.map(c => (
            <Typography key={c.id}>
              {c.title}: {c.reached} of {c.entities} at {c.targetLevel}
              {c.deadline ? `, due ${c.deadline.slice(0, 10)}` : ''}
            </Typography>
          ))}
        </InfoCard>
      </Box>
    </>
  );
}

/**
 * The monthly reliability report (`/reliability/report?owner=&month=`): an owner (group,
 * system, domain or the organisation) and month picker, the report, Markdown and CSV downloads,
 * and a print stylesheet that fits it on A4.
 */
export function ReliabilityReportPage() {
  const classes = useStyles();
  const api = useApi(reliabilityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? ORGANISATION;
  const month = params.get('month') ?? currentMonth();
  const request = {
    owner: owner === ORGANISATION ? undefined : owner,
    month,
  };
  const owners = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: ['Group', 'System', 'Domain'] },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title'],
    });
    return items
      .map(entity => ({
        ref: stringifyEntityRef(entity),
        label: `${
          entity.metadata.title ?? entity.metadata.name
        } (${entity.kind.toLowerCase()})`,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi]);
  const report = useAsync(
    () => api.getMonthlyReport(request),
    [api, owner, month],
  );
  const [downloaded, downloadAs] = useAsyncFn(
    async (format: 'md' | 'csv', table?: MonthlyReportCsvTable) => {
      const blob = table
        ? await api.downloadMonthlyReport(request, format, table)
        : await api.downloadMonthlyReport(request, format);
      const subject = (report.value?.subject ?? owner).replace(
        /[^a-z0-9-]+/gi,
        '-',
      );
      download(
        blob,
        `reliability-${subject}-${month}${table ? `-${table}` : ''}.${format}`,
      );
    },
    [api, owner, month, report.value?.subject],
  );
  const choose = (change: { owner?: string; month?: string }) =>
    setParams({ owner: change.owner ?? owner, month: change.month ?? month });

  return (
    <Page themeId="tool">
      <Header
        title="Monthly reliability report"
        subtitle="SLO attainment, pages, readiness and releases for one month"
      />
      <Content>
        <Box className={classes.pickers} mb={2} data-print="hide">
          <TextField
            select
            label="Owner"
            variant="outlined"
            size="small"
            style={{ minWidth: 280 }}
            value={owner}
            onChange={event => choose({ owner: event.target.value })}
          >
            <MenuItem value={ORGANISATION}>The whole organisation</MenuItem>
            {(owners.value ?? []).map(option => (
              <MenuItem key={option.ref} value={option.ref}>
                {option.label}
              </MenuItem>
            ))}
            {owner !== ORGANISATION &&
              !owners.value?.some(option => option.ref === owner) && (
                <MenuItem value={owner}>{owner}</MenuItem>
              )}
          </TextField>
          <TextField
            label="Month"
            type="month"
            variant="outlined"
            size="small"
            value={month}
            InputLabelProps={{ shrink: true }}
            inputProps={{ max: currentMonth() }}
            onChange={event =>
              event.target.value && choose({ month: event.target.value })
            }
          />
          <Button variant="outlined" onClick={() => downloadAs('md')}>
            Download Markdown
          </Button>
          <Button variant="outlined" onClick={() => downloadAs('csv')}>
            Download CSV
          </Button>
          {(report.value?.releases.entities.length ?? 0) > 0 && (
            <Button
              variant="outlined"
              onClick={() => downloadAs('csv', 'releases')}
            >
              Download release CSV
            </Button>
          )}
          {(report.value?.releases.total.overrides ?? 0) > 0 && (
            <Button
              variant="outlined"
              onClick={() => downloadAs('csv', 'overrides')}
            >
              Download overrides CSV
            </Button>
          )}
          <Button variant="outlined" onClick={() => window.print()}>
            Print
          </Button>
        </Box>
        {downloaded.error && <ResponseErrorPanel error={downloaded.error} />}
        {report.loading && <Progress />}
        {report.error && <ResponseErrorPanel error={report.error} />}
        {report.value && <ReportBody report={report.value} />}
      </Content>
    </Page>
  );
}
