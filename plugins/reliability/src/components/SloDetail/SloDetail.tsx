import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import Close from '@material-ui/icons/Close';
import { Slo } from '../../api';
import { useSloHistory } from '../../hooks';
import { formatTimeWindow, sloTitle } from '../../lib/format';
import { BurnRates } from '../SloStatus';
import { SloCharts } from './SloCharts';
import { BudgetAdjustmentList } from '../BudgetAdjustments';
import { TimeRangeOption, TimeRangePicker } from './TimeRangePicker';

const DAY_MS = 24 * 60 * 60 * 1000;
// Sloth SLOs are evaluated over 30 days.
const DEFAULT_WINDOW_MS = 30 * DAY_MS;

/** The ranges offered: a day, a week, the SLO's own window and a quarter. */
export function timeRangeOptions(slo: Slo): TimeRangeOption[] {
  const windowMs =
    slo.timeWindow?.type === 'rolling'
      ? slo.timeWindow.durationMs
      : DEFAULT_WINDOW_MS;
  const options = new Map<number, string>([
    [DAY_MS, '24 hours'],
    [7 * DAY_MS, '7 days'],
    [windowMs, `${Math.round(windowMs / DAY_MS)} days (SLO window)`],
    [90 * DAY_MS, '90 days'],
  ]);
  return [...options]
    .sort(([a], [b]) => a - b)
    .map(([rangeMs, label]) => ({ rangeMs, label }));
}

/**
 * One SLO's history: budget burn-down, SLI and burn rates over a range the user picks, opening
 * on the SLO's own window.
 */
export function SloDetail(props: { slo: Slo; onClose?: () => void }) {
  const { slo, onClose } = props;
  const options = timeRangeOptions(slo);
  const windowOption = options.find(o => o.label.includes('SLO window'));
  const [range, setRange] = useState(() => ({
    rangeMs: windowOption?.rangeMs ?? 7 * DAY_MS,
    now: Date.now(),
  }));
  const history = useSloHistory(slo.id, range.rangeMs, range.now);

  return (
    <InfoCard
      title={`History of ${sloTitle(slo)}`}
      subheader={`${slo.description ?? ''} Objective ${
        slo.objective.targetPercent
      }% over ${formatTimeWindow(slo.timeWindow)}${
        slo.sourceFile ? `, defined in ${slo.sourceFile}` : ''
      }.`.trim()}
      action={
        onClose && (
          <IconButton aria-label="Close the history" onClick={onClose}>
            <Close />
          </IconButton>
        )
      }
    >
      <Box mb={2}>
        <TimeRangePicker
          options={options}
          value={range.rangeMs}
          onChange={rangeMs => setRange({ rangeMs, now: Date.now() })}
        />
      </Box>
      {history.loading && <Progress />}
      {history.error && <ResponseErrorPanel error={history.error} />}
      {history.value && (
        <SloCharts slo={slo} history={history.value} rangeMs={range.rangeMs} />
      )}
      <Box mt={2}>
        <Typography variant="subtitle1" component="h3">
          Burn rate per alert window now
        </Typography>
        <BurnRates slo={slo} />
      </Box>
      <BudgetAdjustmentList slo={slo} />
    </InfoCard>
  );
}
