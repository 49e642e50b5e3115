import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
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
  AlertPairChips,
  AlertStateLabel,
  BudgetBar,
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

const URGENCY: Record<string, number> = {
  exhausted: 0,
  warning: 1,
  healthy: 2,
  unknown: 3,
};

/**
 * SLOs by urgency: exhausted, then burning (warning), then healthy, then not yet known; within a
 * state the one with the least budget left first, then by name.
 */
export function sortByUrgency(slos: Slo[]): Slo[] {
  const remaining = (slo: Slo) =>
    slo.status?.budget?.remaining ?? Number.POSITIVE_INFINITY;
  return [...slos].sort(
    (a, b) =>
      (URGENCY[a.status?.policy.state ?? 'unknown'] ?? 3) -
        (URGENCY[b.status?.policy.state ?? 'unknown'] ?? 3) ||
      remaining(a) - remaining(b) ||
      sloTitle(a).localeCompare(sloTitle(b)),
  );
}

const useStyles = makeStyles(theme => ({
  table: { tableLayout: 'fixed', width: '100%' },
  name: { width: '19%' },
  sli: { width: '11%' },
  budget: { width: '14%' },
  alerts: { width: '18%' },
  policy: { width: '17%' },
  exhaustion: { width: '11%' },
  detail: { width: '10%' },
  cell: { verticalAlign: 'top', overflowWrap: 'anywhere' },
  // A bar rather than a tint: the secondary text of the row keeps its 4.5:1 on the card.
  selected: {
    boxShadow: `inset 4px 0 0 ${theme.palette.primary.main}`,
  },
}));

/**
 * The entity's SLOs for scanning, most urgent first: one line per SLO name with its objective and
 * window beneath, the SLI now, the budget bar, the page and ticket alerts with their window
 * pairs as chips, the policy and the time to exhaustion. A plain table: the SLO name is each
 * row's header, and the history opens from an explicit button, not a clickable row. Fits a
 * 1280-pixel screen without scrolling sideways.
 */
export function SloTable(props: {
  slos: Slo[];
  selectedId?: string;
  onSelect: (slo: Slo) => void;
  /** The id of the element holding the open SLO's history, for `aria-controls`. */
  detailId?: string;
}) {
  const { slos, selectedId, onSelect, detailId } = props;
  const classes = useStyles();
  const header = (label: string, className: string) => (
    <TableCell scope="col" className={className}>
      {label}
    </TableCell>
  );
  return (
    <Paper>
      <Box px={2} pt={2}>
        <Typography variant="h5" component="h2" id="slo-table-title">
          Service level objectives
        </Typography>
      </Box>
      <Table
        size="small"
        className={classes.table}
        aria-labelledby="slo-table-title"
      >
        <TableHead>
          <TableRow>
            {header('SLO', classes.name)}
            {header('SLI now', classes.sli)}
            {header('Budget remaining', classes.budget)}
            {header('Burn-rate alerts', classes.alerts)}
            {header('Policy', classes.policy)}
            {header('Time to exhaustion', classes.exhaustion)}
            <TableCell scope="col" className={classes.detail}>
              <span>History</span>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sortByUrgency(slos).map(slo => {
            const open = slo.id === selectedId;
            return (
              <TableRow
                key={slo.id}
                className={open ? classes.selected : undefined}
              >
                <TableCell component="th" scope="row" className={classes.cell}>
                  <Typography variant="body2">
                    <strong>{sloTitle(slo)}</strong>
                  </Typography>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    <span>
                      objective {formatRatio(slo.objective.target, 3)}
                    </span>
                    {' · '}
                    <span>{formatTimeWindow(slo.timeWindow)}</span>
                  </Typography>
                </TableCell>
                <TableCell className={classes.cell}>
                  <SliCell slo={slo} />
                  <FreshnessCell slo={slo} />
                </TableCell>
                <TableCell className={classes.cell}>
                  <BudgetBar remaining={slo.status?.budget?.remaining} />
                </TableCell>
                <TableCell className={classes.cell}>
                  {slo.status?.alerts ? (
                    <>
                      <AlertStateLabel
                        alert="Page"
                        state={slo.status.alerts.page}
                      />
                      <AlertPairChips slo={slo} severity="page" />
                      <AlertStateLabel
                        alert="Ticket"
                        state={slo.status.alerts.ticket}
                      />
                      <AlertPairChips slo={slo} severity="ticket" />
                    </>
                  ) : (
                    <Typography variant="body2" color="textSecondary">
                      no alert windows
                    </Typography>
                  )}
                </TableCell>
                <TableCell className={classes.cell}>
                  <PolicyStateLabel
                    state={slo.status?.policy.state ?? 'unknown'}
                    reason={slo.status?.policy.reason ?? 'Not evaluated yet.'}
                  />
                </TableCell>
                <TableCell className={classes.cell}>
                  <Typography variant="body2">{exhaustionText(slo)}</Typography>
                </TableCell>
                <TableCell className={classes.cell}>
                  <Button
                    size="small"
                    variant={open ? 'contained' : 'outlined'}
                    onClick={() => onSelect(slo)}
                    aria-expanded={open}
                    aria-controls={open ? detailId : undefined}
                    aria-label={`${
                      open ? 'Hide' : 'Show'
                    } history of ${sloTitle(slo)}`}
                  >
                    {open ? 'Hide' : 'Show'}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
