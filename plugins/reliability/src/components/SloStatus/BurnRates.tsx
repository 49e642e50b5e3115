import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Slo } from '../../api';
import { formatBurnRate } from '../../lib/format';
import { burnRateThresholds } from '../../lib/thresholds';

/**
 * The burn rate per alert window against the thresholds it feeds, e.g.
 * "1h: 20× (page > 14.4×) ▲": the arrow and the word "over" say a threshold is crossed.
 */
export function BurnRates(props: { slo: Slo }) {
  const { slo } = props;
  const burnRates = slo.status?.burnRates ?? [];
  if (burnRates.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none
      </Typography>
    );
  }
  const thresholds = burnRateThresholds(slo);
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {burnRates.map(({ window, burnRate }) => {
        const limits = thresholds.get(window) ?? [];
        const crossed = limits.filter(
          l => burnRate !== null && burnRate > l.threshold,
        );
        return (
          <li key={window}>
            <Typography variant="caption" component="span">
              {window}:{' '}
              {crossed.length > 0 ? (
                <strong>{formatBurnRate(burnRate)}</strong>
              ) : (
                formatBurnRate(burnRate)
              )}
              {limits.length > 0 &&
                ` (${limits
                  .map(l => `${l.severity} > ${formatBurnRate(l.threshold)}`)
                  .join(', ')})`}
              {crossed.length > 0 && ' ▲ over'}
            </Typography>
          </li>
        );
      })}
    </Box>
  );
}
