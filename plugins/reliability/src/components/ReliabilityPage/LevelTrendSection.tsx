import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';

/** Entities per level per day, stacked; a sentence states the first and last day for readers. */
export function LevelTrendSection(props: { scorecardId: string }) {
  const api = useApi(reliabilityApiRef);
  const theme = useTheme();
  const history = useAsync(
    () => api.getScorecardHistory(props.scorecardId),
    [api, props.scorecardId],
  );
  if (history.loading) {
    return <Progress />;
  }
  if (history.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the level history"
        error={history.error}
      />
    );
  }
  const days = history.value?.days ?? [];
  if (days.length === 0) {
    return (
      <InfoCard title="Levels over time">
        <Typography>
          No history yet: a point is recorded each day the scorecards are
          evaluated.
        </Typography>
      </InfoCard>
    );
  }
  const levelNames = days[0].levels.map(level => level.name);
  const data = days.map(day => ({
    day: day.day,
    'No level': day.noLevel,
    ...Object.fromEntries(day.levels.map(l => [l.name, l.entities])),
  }));
  const palette = [
    theme.palette.grey[500],
    '#cd7f32',
    '#9e9e9e',
    '#d4af37',
    theme.palette.primary.main,
    theme.palette.secondary.main,
  ];
  const describe = (day: (typeof days)[number]) =>
    `${day.day}: ${day.levels
      .map(l => `${l.entities} ${l.name}`)
      .join(', ')}, ${day.noLevel} no level`;
  return (
    <InfoCard title="Levels over time">
      <Typography variant="body2">
        {describe(days[0])}.{' '}
        {days.length > 1 ? `${describe(days[days.length - 1])}.` : ''}
      </Typography>
      <div style={{ width: '100%', height: 300 }} aria-hidden>
        <ResponsiveContainer>
          <AreaChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {['No level', ...levelNames].map((name, index) => (
              <Area
                key={name}
                type="stepAfter"
                dataKey={name}
                stackId="levels"
                stroke={palette[index % palette.length]}
                fill={palette[index % palette.length]}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </InfoCard>
  );
}
