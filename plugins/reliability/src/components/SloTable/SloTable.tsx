import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import Schedule from '@material-ui/icons/Schedule';
import { Slo } from '../../api';
import {
  formatDurationMs,
  formatInstant,
  formatRatio,
  formatRelative,
  formatTimeWindow,
  sloTitle,
} from '../../lib/format';
import {
  AlertStateLabel,
  BudgetBar,
  BurnRates,
  PolicyStateLabel,
} from '../SloStatus';

/** Time to exhaustion in words: `3d 4h`, `exhausted`, `not burning`, `unknown`. */
export function exhaustionText(slo: Slo): string {
  const forecast = slo.status?.forecast;
  switch (forecast?.status) {
    case 'exhausted':
      return 'exhausted';
    case 'not-burning':
      return 'not burning';
    case 'burning':
      return forecast.timeToExhaustionMs === null
        ? 'burning'
        : formatDurationMs(forecast.timeToExhaustionMs);
    default:
      return 'unknown';
  }
}

function SliCell({ slo }: { slo: Slo }) {
  const status = slo.status;
  if (!status) {
    return <Typography variant="body2">not evaluated yet</Typography>;
  }
  const notes: Record<string, string> = {
    'no-traffic': 'no traffic',
    'no-data': 'no data',
  };
  const note = status.sliStatus ? notes[status.sliStatus] : undefined;
  return (
    <>
      <Typography variant="body2">{formatRatio(status.sli, 3)}</Typography>
      {note && (
        <Typography variant="caption" color="textSecondary">
          {note}
        </Typography>
      )}
    </>
  );
}

/** Whether the values are current, or since when they are the last good ones and why. */
export function FreshnessCell({ slo }: { slo: Slo }) {
  const status = slo.status;
  if (!status) {
    return (
      <Typography variant="body2" color="textSecondary">
        waiting for the first evaluation
      </Typography>
    );
  }
  if (status.stale && status.staleSince) {
    return (
      <Box display="flex" style={{ gap: 4 }}>
        <Schedule fontSize="small" color="error" aria-hidden />
        <Box>
          <Typography variant="body2" title={formatInstant(status.staleSince)}>
            <strong>Stale</strong> since {formatRelative(status.staleSince)}
          </Typography>
          {status.error && (
            <Typography variant="caption" color="textSecondary" component="div">
              {status.error}
            </Typography>
          )}
        </Box>
      </Box>
    );
  }
  return (
    <>
      <Typography variant="body2" title={formatInstant(status.evaluatedAt)}>
        current, evaluated {formatRelative(status.evaluatedAt)}
      </Typography>
      {status.error && (
        <Typography variant="caption" color="textSecondary" component="div">
          {status.error}
        </Typography>
      )}
    </>
  );
}

/**
 * The entity's SLOs, one row each. The SLO name is a button, so the detail opens from the
 * keyboard as well as by clicking the row.
 */
export function SloTable(props: {
  slos: Slo[];
  selectedId?: string;
  onSelect: (slo: Slo) => void;
}) {
  const { slos, selectedId, onSelect } = props;
  const columns: TableColumn<Slo>[] = [
    {
      title: 'SLO',
      field: 'name',
      render: slo => (
        <>
          <Link
            component="button"
            variant="body2"
            onClick={(event: React.MouseEvent) => {
              event.stopPropagation();
              onSelect(slo);
            }}
            aria-pressed={slo.id === selectedId}
            aria-label={`Show history of ${sloTitle(slo)}`}
            style={{ textAlign: 'left' }}
          >
            <strong>{sloTitle(slo)}</strong>
          </Link>
          <Typography variant="caption" color="textSecondary" component="div">
            objective {formatRatio(slo.objective.target, 3)}
          </Typography>
        </>
      ),
    },
    {
      title: 'Window',
      render: slo => (
        <Typography variant="body2">
          {formatTimeWindow(slo.timeWindow)}
        </Typography>
      ),
    },
    { title: 'SLI now', render: slo => <SliCell slo={slo} /> },
    {
      title: 'Budget remaining',
      render: slo => <BudgetBar remaining={slo.status?.budget?.remaining} />,
    },
    { title: 'Burn rate', render: slo => <BurnRates slo={slo} /> },
    {
      title: 'Alerts',
      render: slo =>
        slo.status?.alerts ? (
          <>
            <AlertStateLabel alert="Page" state={slo.status.alerts.page} />
            <AlertStateLabel alert="Ticket" state={slo.status.alerts.ticket} />
          </>
        ) : (
          <Typography variant="body2" color="textSecondary">
            no alert windows
          </Typography>
        ),
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
    {
      title: 'Time to exhaustion',
      render: slo => (
        <Typography variant="body2">{exhaustionText(slo)}</Typography>
      ),
    },
    { title: 'Freshness', render: slo => <FreshnessCell slo={slo} /> },
  ];

  return (
    <Table<Slo>
      title="Service level objectives"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={slos}
      onRowClick={(_event, slo) => slo && onSelect(slo)}
    />
  );
}
