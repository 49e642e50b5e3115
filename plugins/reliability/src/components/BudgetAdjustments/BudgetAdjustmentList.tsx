import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { budgetAdjustmentWindows } from '@reliability/backstage-plugin-common';
import { DateTime } from 'luxon';
import { Slo } from '../../api';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead upcoming occurrences are listed. */
const UPCOMING_MS = 30 * DAY_MS;

/**
 * What the UI says of every adjustment: the backend's budget, history, policy and gate leave the
 * windows out; the generated Prometheus rules (Sloth's) cannot, so Prometheus-side burn alerts
 * still fire during them.
 */
export const PROMETHEUS_ADJUSTMENT_NOTE =
  'Budget adjustments are left out of the budget, history, policy and release gate here; the generated Prometheus rules and their burn-rate alerts cannot honour them (Sloth rules see every event).';

/** An adjustment's occurrence that is running now or starts within 30 days. */
export interface AdjustmentOccurrence {
  name: string;
  source: 'file' | 'api';
  startMs: number;
  endMs: number;
  active: boolean;
}

/** The active and upcoming occurrences of an SLO's file-declared adjustments, soonest first. */
export function activeAndUpcomingAdjustments(
  slo: Slo,
  nowMs: number,
): AdjustmentOccurrence[] {
  return (slo.budgetAdjustments ?? [])
    .flatMap(adjustment => {
      const next = budgetAdjustmentWindows(
        {
          firstEventStartMs: Date.parse(adjustment.firstEventStart),
          durationMs: adjustment.durationMs,
          rrule: adjustment.rrule ?? undefined,
        },
        nowMs,
        nowMs + UPCOMING_MS,
      )[0];
      return next
        ? [
            {
              name: adjustment.displayName ?? adjustment.name,
              source: adjustment.source,
              startMs: next.startMs,
              endMs: next.endMs,
              active: next.startMs <= nowMs,
            },
          ]
        : [];
    })
    .sort((a, b) => a.startMs - b.startMs);
}

const when = (ms: number) =>
  DateTime.fromMillis(ms).toLocaleString(DateTime.DATETIME_MED);

/**
 * The SLO's active and upcoming budget adjustments, with the note that Prometheus rules do not
 * honour them. Renders nothing for an SLO without adjustments.
 */
export function BudgetAdjustmentList(props: { slo: Slo; nowMs?: number }) {
  const { slo } = props;
  if ((slo.budgetAdjustments ?? []).length === 0) {
    return null;
  }
  const occurrences = activeAndUpcomingAdjustments(
    slo,
    props.nowMs ?? Date.now(),
  );
  return (
    <Box mt={2} component="section" aria-label="Budget adjustments">
      <Typography variant="subtitle1" component="h3">
        Budget adjustments
      </Typography>
      {occurrences.length === 0 ? (
        <Typography variant="body2">
          None active or in the next 30 days.
        </Typography>
      ) : (
        <ul>
          {occurrences.map(o => (
            <li key={`${o.name}-${o.startMs}`}>
              <Typography variant="body2" component="span">
                {o.active ? 'Active' : 'Upcoming'}: {o.name}, {when(o.startMs)}{' '}
                to {when(o.endMs)}
                {o.source === 'file' ? ' (declared in the SLO file)' : ''}
              </Typography>
            </li>
          ))}
        </ul>
      )}
      <Typography variant="body2" color="textSecondary">
        {PROMETHEUS_ADJUSTMENT_NOTE}
      </Typography>
    </Box>
  );
}
