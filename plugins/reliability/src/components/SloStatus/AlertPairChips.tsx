import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { Slo } from '../../api';
import { formatBurnRate } from '../../lib/format';
import { alertWindowPairs } from '../../lib/thresholds';

const useStyles = makeStyles(theme => ({
  chips: { display: 'flex', flexWrap: 'wrap', gap: 4, margin: '2px 0 6px' },
  over: {
    // error.main under white text is 3.7:1; the dark shade passes WCAG AA (4.5:1).
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
    fontWeight: 'bold',
  },
  // Read by screen readers instead of the compact label.
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

/**
 * The window pairs of one alert severity as compact chips, e.g. "1h·5m 0.3×", showing the lower
 * of the two burn rates (the condition fires when both exceed the threshold). A chip over its
 * threshold is filled and says "over" in words, so it stands out without relying on colour.
 */
export function AlertPairChips(props: {
  slo: Slo;
  severity: 'page' | 'ticket';
}) {
  const classes = useStyles();
  const rates = new Map(
    (props.slo.status?.burnRates ?? []).map(b => [b.window, b.burnRate]),
  );
  const pairs = alertWindowPairs(props.slo).filter(
    p => p.severity === props.severity,
  );
  if (pairs.length === 0) {
    return null;
  }
  return (
    <Box component="ul" className={classes.chips} p={0}>
      {pairs.map(pair => {
        const short = rates.get(pair.shortWindow);
        const long = rates.get(pair.longWindow);
        const known =
          short !== undefined &&
          short !== null &&
          long !== undefined &&
          long !== null;
        const burn = known ? Math.min(short, long) : null;
        const over = burn !== null && burn > pair.threshold;
        const description = `${props.severity} over ${pair.longWindow} and ${
          pair.shortWindow
        }: burn rate ${formatBurnRate(burn)}, fires above ${formatBurnRate(
          pair.threshold,
        )}${over ? ' (over the threshold)' : ''}`;
        return (
          <li
            key={`${pair.longWindow}-${pair.shortWindow}`}
            style={{ listStyle: 'none' }}
          >
            <Chip
              size="small"
              className={over ? classes.over : undefined}
              title={description}
              label={
                <>
                  <span aria-hidden>
                    {`${pair.longWindow}·${pair.shortWindow} ${formatBurnRate(
                      burn,
                    )}${over ? ' over' : ''}`}
                  </span>
                  <span className={classes.hidden}>{description}</span>
                </>
              }
            />
          </li>
        );
      })}
    </Box>
  );
}
