import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Slo, SloHistory } from '../../api';
import { formatBurnRate, formatRatio } from '../../lib/format';
import { burnRateThresholds } from '../../lib/thresholds';

interface ChartRow {
  time: number;
  [series: string]: number | null;
}

const LINE_COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#7f7f7f',
];
const DASHES = ['', '6 3', '2 2', '8 3 2 3'];

function formatTick(ms: number, rangeMs: number): string {
  const time = DateTime.fromMillis(ms);
  return rangeMs <= 2 * 24 * 60 * 60 * 1000
    ? time.toFormat('HH:mm')
    : time.toFormat('LLL d');
}

/** A sentence describing a series, read by screen readers instead of the drawing. */
export function describeSeries(
  name: string,
  values: Array<number | null>,
  format: (value: number) => string,
): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) {
    return `${name}: no data in this range.`;
  }
  const first = known[0];
  const last = known[known.length - 1];
  const min = Math.min(...known);
  const max = Math.max(...known);
  return `${name}: ${format(first)} at the start, ${format(
    last,
  )} at the end; lowest ${format(min)}, highest ${format(max)}.`;
}

function ChartFigure(props: {
  title: string;
  summary: string;
  children: React.ReactElement;
}) {
  return (
    <Box component="figure" m={0}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      <div role="img" aria-label={`${props.title}. ${props.summary}`}>
        <ResponsiveContainer width="100%" height={220}>
          {props.children}
        </ResponsiveContainer>
      </div>
      <Typography
        variant="caption"
        color="textSecondary"
        component="figcaption"
      >
        {props.summary}
      </Typography>
    </Box>
  );
}

/**
 * Three charts of an SLO's history: the error budget burning down over the range, the SLI
 * against the objective, and the burn rate per window against its alert thresholds. Each has a
 * text summary so the charts are not the only way to read the data.
 */
export function SloCharts(props: {
  slo: Slo;
  history: SloHistory;
  rangeMs: number;
}) {
  const { slo, history, rangeMs } = props;
  const theme = useTheme();
  const rows: ChartRow[] = history.points.map(point => ({
    time: Date.parse(point.time),
    budget: point.budgetRemaining === null ? null : point.budgetRemaining * 100,
    sli: point.sli === null ? null : point.sli * 100,
    ...Object.fromEntries(
      Object.entries(point.burnRates).map(([window, rate]) => [
        `burn:${window}`,
        rate,
      ]),
    ),
  }));
  const windows = [
    ...new Set(history.points.flatMap(point => Object.keys(point.burnRates))),
  ];
  const thresholds = burnRateThresholds(slo);
  const thresholdLines = [
    ...new Map(
      [...thresholds.values()].flat().map(t => [t.threshold, t] as const),
    ).values(),
  ];
  const xAxis = (
    <XAxis
      dataKey="time"
      type="number"
      scale="time"
      domain={['dataMin', 'dataMax']}
      tickFormatter={(ms: number) => formatTick(ms, rangeMs)}
    />
  );
  const tooltipLabel = (ms: number) =>
    DateTime.fromMillis(ms).toLocaleString(DateTime.DATETIME_MED);
  const percent = (value: number) => formatRatio(value / 100, 3);

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <ChartFigure
          title="Error budget remaining (burn-down)"
          summary={describeSeries(
            'Budget remaining',
            rows.map(r => r.budget as number | null),
            v => formatRatio(v / 100, 1),
          )}
        >
          <LineChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            {xAxis}
            <YAxis unit="%" width={50} />
            <Tooltip
              labelFormatter={tooltipLabel}
              formatter={(v: number) => percent(v)}
            />
            <ReferenceLine
              y={0}
              stroke={theme.palette.error.main}
              label="exhausted"
            />
            <Line
              type="stepAfter"
              dataKey="budget"
              name="Budget remaining"
              stroke={LINE_COLOURS[0]}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ChartFigure>
      </Grid>
      <Grid item xs={12} md={6}>
        <ChartFigure
          title="SLI over time"
          summary={`${describeSeries(
            'SLI',
            rows.map(r => r.sli as number | null),
            v => formatRatio(v / 100, 3),
          )} Objective ${formatRatio(slo.objective.target, 3)}.`}
        >
          <LineChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            {xAxis}
            <YAxis unit="%" width={60} domain={['auto', 100]} />
            <Tooltip
              labelFormatter={tooltipLabel}
              formatter={(v: number) => percent(v)}
            />
            <ReferenceLine
              y={slo.objective.target * 100}
              stroke={theme.palette.warning.main}
              strokeDasharray="6 3"
              label={`objective ${formatRatio(slo.objective.target, 3)}`}
            />
            <Line
              type="monotone"
              dataKey="sli"
              name="SLI"
              stroke={LINE_COLOURS[2]}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ChartFigure>
      </Grid>
      <Grid item xs={12}>
        <ChartFigure
          title="Burn rate vs alert thresholds"
          summary={
            windows.length === 0
              ? 'Burn rate: no data in this range.'
              : `${windows
                  .map(window =>
                    describeSeries(
                      `Burn rate over ${window}`,
                      rows.map(
                        r => (r[`burn:${window}`] ?? null) as number | null,
                      ),
                      formatBurnRate,
                    ),
                  )
                  .join(' ')}${
                  thresholdLines.length > 0
                    ? ` Thresholds: ${thresholdLines
                        .map(
                          t => `${t.severity} ${formatBurnRate(t.threshold)}`,
                        )
                        .join(', ')}.`
                    : ''
                }`
          }
        >
          <LineChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            {xAxis}
            <YAxis width={50} />
            <Tooltip
              labelFormatter={tooltipLabel}
              formatter={(v: number) => formatBurnRate(v)}
            />
            <Legend />
            {thresholdLines.map(t => (
              <ReferenceLine
                key={t.threshold}
                y={t.threshold}
                stroke={
                  t.severity === 'page'
                    ? theme.palette.error.main
                    : theme.palette.warning.main
                }
                strokeDasharray="4 4"
                label={`${t.severity} ${formatBurnRate(t.threshold)}`}
              />
            ))}
            {windows.map((window, index) => (
              <Line
                key={window}
                type="monotone"
                dataKey={`burn:${window}`}
                name={window}
                stroke={LINE_COLOURS[index % LINE_COLOURS.length]}
                strokeDasharray={DASHES[index % DASHES.length]}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ChartFigure>
      </Grid>
    </Grid>
  );
}
