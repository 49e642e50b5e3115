import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatRatio } from '../../lib/format';

const useStyles = makeStyles(theme => ({
  bar: { height: 8, borderRadius: 4, minWidth: 80 },
  healthy: { backgroundColor: theme.palette.success.main },
  low: { backgroundColor: theme.palette.warning.main },
  empty: { backgroundColor: theme.palette.error.main },
}));

/** The text for a share of error budget left: `42% left`, `overspent by 12%`, `unknown`. */
export function budgetText(remaining: number | null | undefined): string {
  if (remaining === null || remaining === undefined) {
    return 'unknown';
  }
  if (remaining < 0) {
    return `overspent by ${formatRatio(-remaining, 1)}`;
  }
  return `${formatRatio(remaining, 1)} left`;
}

/**
 * The error budget left as a bar with its value in words beside it; the bar is a labelled
 * progressbar for screen readers.
 */
export function BudgetBar(props: { remaining: number | null | undefined }) {
  const classes = useStyles();
  const { remaining } = props;
  const text = budgetText(remaining);
  const known = remaining !== null && remaining !== undefined;
  const value = known ? Math.max(0, Math.min(1, remaining)) * 100 : 0;
  let barClass = classes.healthy;
  if (known && remaining <= 0) {
    barClass = classes.empty;
  } else if (known && remaining < 0.25) {
    barClass = classes.low;
  }
  return (
    <Box minWidth={100}>
      {known && (
        <LinearProgress
          variant="determinate"
          value={value}
          className={classes.bar}
          classes={{ bar: barClass }}
          aria-label={`Error budget: ${text}`}
        />
      )}
      <Typography variant="caption" component="div">
        {text}
      </Typography>
    </Box>
  );
}
