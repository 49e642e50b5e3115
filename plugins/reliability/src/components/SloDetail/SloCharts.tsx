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
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Slo, SloHistory } from '../../api';
import { formatBurnRate, formatRatio } from '../../lib/format';
import { burnRateThresholds } from '../../lib/thresholds';
import { PROMETHEUS_ADJUSTMENT_NOTE } from '../BudgetAdjustments';

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
  /** Points with a value; without any the chart says why instead of drawing empty axes. */
  points: number;
  noData: string;
  children: React.ReactElement;
}) {
  return (
    <Box component="figure" m={0} data-chart-points={props.points}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      {props.points === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.noData}
        </Typography>
      ) : (
        <div role="img" aria-label={`${props.title}. ${props.summary}`}>
          <ResponsiveContainer width="100%" height={220}>
            {props.children}
          </ResponsiveContainer>
        </div>
      )}
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
 * Why a series has no point in the range, in words: the backend's reason when it gave one,
 * else what the points say.
 */
export function noDataText(
  what: string,
  history: SloHistory,
  hasOtherValues: boolean,
): string {
  if (history.noDataReason) {
    return `No ${what} in this range: ${history.noDataReason}.`;
  }
  if (history.points.length === 0) {
    return `No ${what} in this range: the backend has no SLI data or evaluations for it yet.`;
  }
  return hasOtherValues
    ? `No ${what} in this range: the SLI data has no traffic in these steps.`
    : `No ${what} in this range: no SLI data covers it.`;
}

const count = (values: Array<number | null | undefined>) =>
  values.filter(v => v !== null && v !== undefined).length;

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
    // The SLI of each step shows an incident as a dip; history from past evaluations only
    // knows the window's SLI.
    sli:
      (point.stepSli ?? point.sli) === null
        ? null
        : (point.stepSli ?? (point.sli as number)) * 100,
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
  const fromHistory = history.burnRateThresholds ?? [];
  const thresholdLines =
    fromHistory.length > 0
      ? [
          ...new Map(
            fromHistory.map(
              t =>
                [
                  t.burnRate,
                  { severity: t.severity, threshold: t.burnRate },
                ] as const,
            ),
          ).values(),
        ]
      : [
          ...new Map(
            [...burnRateThresholds(slo).values()]
              .flat()
              .map(t => [t.threshold, t] as const),
          ).values(),
        ];
  const policy = history.policyThresholds;
  const alerts = history.alerts ?? [];
  const budgetPoints = count(rows.map(r => r.budget));
  const sliPoints = count(rows.map(r => r.sli));
  const burnPoints = count(windows.flatMap(w => rows.map(r => r[`burn:${w}`])));
  const anyValues = budgetPoints + sliPoints + burnPoints > 0;
  const alertText =
    alerts.length === 0
      ? ' No alerts fired in this range.'
      : ` ${alerts.length} alert${
          alerts.length === 1 ? '' : 's'
        } fired in this range (marked as vertical lines): ${alerts
          .slice(0, 5)
          .map(
            a =>
              `${a.alertName ?? 'alert'} at ${DateTime.fromISO(
                a.triggeredAt,
              ).toLocaleString(DateTime.DATETIME_MED)}`,
          )
          .join(', ')}${alerts.length > 5 ? ', …' : ''}.`;
  const adjustments = history.budgetAdjustments ?? [];
  const adjustmentText =
    adjustments.length === 0
      ? ''
      : ` ${adjustments.length} budget adjustment window${
          adjustments.length === 1 ? '' : 's'
        } (shaded, left out of the budget): ${adjustments
          .slice(0, 5)
          .map(
            a =>
              `${a.name} from ${DateTime.fromISO(a.start).toLocaleString(
                DateTime.DATETIME_MED,
              )} to ${DateTime.fromISO(a.end).toLocaleString(
                DateTime.DATETIME_MED,
              )}`,
          )
          .join(', ')}${
          adjustments.length > 5 ? ', …' : ''
        }. ${PROMETHEUS_ADJUSTMENT_NOTE}`;
  const adjustmentAreas = adjustments.map(a => (
    <ReferenceArea
      key={`${a.id}-${a.start}`}
      x1={Math.max(Date.parse(a.start), Date.parse(history.from))}
      x2={Math.min(Date.parse(a.end), Date.parse(history.to))}
      fill={theme.palette.info.main}
      fillOpacity={0.15}
      ifOverflow="hidden"
      label={{ value: a.name, position: 'insideTop', fontSize: 11 }}
    />
  ));
  const xAxis = (
    <XAxis
      dataKey="time"
      type="number"
      scale="time"
      // The whole range asked for, so that where the data starts shows.
      domain={[Date.parse(history.from), Date.parse(history.to)]}
      allowDataOverflow
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
          points={budgetPoints}
          noData={noDataText('budget remaining', history, anyValues)}
          summary={`${describeSeries(
            'Budget remaining',
            rows.map(r => r.budget as number | null),
            v => formatRatio(v / 100, 1),
          )}${
            policy
              ? ` Warning below ${formatRatio(
                  policy.warningRemainingBelow,
                  1,
                )}, exhausted at ${formatRatio(
                  policy.exhaustedRemainingAtOrBelow,
                  1,
                )}.`
              : ''
          }${alertText}${adjustmentText}`}
        >
          <LineChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            {xAxis}
            <YAxis unit="%" width={50} />
            {adjustmentAreas}
            <Tooltip
              labelFormatter={tooltipLabel}
              formatter={(v: number) => percent(v)}
            />
            <ReferenceLine
              y={(policy?.exhaustedRemainingAtOrBelow ?? 0) * 100}
              stroke={theme.palette.error.main}
              label="exhausted"
            />
            {policy && (
              <ReferenceLine
                y={policy.warningRemainingBelow * 100}
                stroke={theme.palette.warning.main}
                strokeDasharray="6 3"
                label={`warning ${formatRatio(
                  policy.warningRemainingBelow,
                  1,
                )}`}
              />
            )}
            {alerts.map(alert => (
              <ReferenceLine
                key={`${alert.triggeredAt}-${alert.alertName}`}
                x={Date.parse(alert.triggeredAt)}
                stroke={
                  alert.urgency === 'high'
                    ? theme.palette.error.light
                    : theme.palette.warning.light
                }
                strokeDasharray="2 2"
              />
            ))}
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
          title="SLI per step vs objective"
          points={sliPoints}
          noData={noDataText('SLI', history, anyValues)}
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
          points={burnPoints}
          noData={noDataText('burn rate', history, anyValues)}
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
