/**
 * Benchmark of the error budget engine: 1,000 SLOs × 30 days of 1-minute buckets (43,200 each).
 * For every SLO it builds the SLI series (prefix sums) and evaluates the budget, the burn rates of
 * the alert windows and the period, the burn-rate alerts, the exhaustion forecast and the budget
 * policy. Only that computation is timed; generating the data is not.
 *
 * Run from the repository root: `yarn bench:budget-engine`.
 */
import {
  BudgetingMethod,
  ErrorBudgetEvaluationOptions,
  SliSeriesInput,
  createSliSeries,
  evaluateErrorBudget,
} from '../../plugins/reliability-common/src/budget';
import {
  ServiceLevelObjective,
  SloTimeWindow,
} from '../../plugins/reliability-common/src/spec/model';
import { findAlertWindows } from '../../plugins/reliability-common/src/windows';

const SLO_COUNT = 1000;
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const BUCKETS = (30 * DAY) / MINUTE;
// 1 March 2024, UTC: the 30 days cover the spring DST change of the Berlin calendar SLOs.
const START_MS = Date.UTC(2024, 2, 1);

type BenchSlo = Pick<
  ServiceLevelObjective,
  'objective' | 'budgetingMethod' | 'timeWindow'
>;

interface BenchCase {
  slo: BenchSlo;
  input: SliSeriesInput;
  options: ErrorBudgetEvaluationOptions;
}

/** mulberry32: a small, fast, seedable generator, so that every run sees the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TARGETS = [0.99, 0.995, 0.999, 0.9995];

const METHODS: BudgetingMethod[] = [
  ...Array<BudgetingMethod>(8).fill('Occurrences'),
  'Timeslices',
  'RatioTimeslices',
];

const WINDOWS: SloTimeWindow[] = [
  { type: 'rolling', durationMs: 30 * DAY },
  { type: 'rolling', durationMs: 28 * DAY },
  { type: 'rolling', durationMs: 30 * DAY },
  {
    type: 'calendar',
    unit: 'Month',
    count: 1,
    startTime: '2024-01-01 00:00:00',
    timeZone: 'Europe/Berlin',
  },
];

/** Traffic over a day, minute by minute: between half and one and a half times the mean. */
const DAILY_WAVE = Float64Array.from(
  { length: 1440 },
  (_, minute) => 1 + 0.5 * Math.sin((2 * Math.PI * minute) / 1440),
);

/**
 * One SLO and its data: a mix of budgeting methods (80% Occurrences, 10% Timeslices, 10%
 * RatioTimeslices) and windows (30d and 28d rolling, calendar months in Europe/Berlin), daily
 * traffic waves, baseline errors around the budget, a few incidents, 0.1% gaps, and one SLO in 50
 * without any traffic.
 */
function generateCase(index: number): BenchCase {
  const next = random(index + 1);
  const target = TARGETS[index % TARGETS.length];
  const budget = 1 - target;
  const method = METHODS[index % METHODS.length];
  const timeWindow = WINDOWS[index % WINDOWS.length];
  const slo: BenchSlo = {
    budgetingMethod: method,
    objective: {
      target,
      targetPercent: target * 100,
      ...(method === 'Timeslices'
        ? { timeSliceTarget: 0.95, timeSliceWindowMs: MINUTE }
        : {}),
    },
    timeWindow,
  };

  const silent = index % 50 === 49;
  const baseRate = 50 + next() * 5000;
  const baseErrorRate = budget * (0.1 + next() * 1.1);
  const incidents = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
    const start = Math.floor(next() * BUCKETS);
    return {
      start,
      end: start + 5 + Math.floor(next() * 240),
      errorRate: Math.min(1, budget * (5 + next() * 30)),
    };
  });

  const good = new Float64Array(BUCKETS);
  const total = new Float64Array(BUCKETS);
  const errorRates = new Float64Array(BUCKETS).fill(baseErrorRate);
  for (const incident of incidents) {
    errorRates.fill(incident.errorRate, incident.start, incident.end);
  }
  for (let i = 0; i < BUCKETS; i++) {
    if (next() < 0.001) {
      good[i] = NaN;
      total[i] = NaN;
      continue;
    }
    const events = silent
      ? 0
      : Math.round(baseRate * DAILY_WAVE[i % 1440] * (0.9 + 0.2 * next()));
    const bad = Math.min(
      events,
      Math.round(events * errorRates[i] * (0.5 + next())),
    );
    total[i] = events;
    good[i] = events - bad;
  }

  return {
    slo,
    input: {
      method,
      startMs: START_MS,
      bucketMs: MINUTE,
      good,
      total,
      timeSliceTarget: slo.objective.timeSliceTarget,
    },
    // Calendar months have no default alert windows; evaluate them with the 30-day ones.
    options:
      timeWindow.type === 'calendar'
        ? { alertWindows: findAlertWindows(30 * DAY) }
        : {},
  };
}

function print(text: string) {
  process.stdout.write(`${text}\n`);
}

function seconds(ns: bigint): number {
  return Number(ns) / 1e9;
}

function count(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, n]) => `${value} ${n}`)
    .join(', ');
}

function main() {
  process.stdout.write(
    `generating ${SLO_COUNT} SLOs x ${BUCKETS} 1-minute buckets (deterministic)... `,
  );
  const generationStart = process.hrtime.bigint();
  const cases = Array.from({ length: SLO_COUNT }, (_, i) => generateCase(i));
  const generationNs = process.hrtime.bigint() - generationStart;
  print(`${seconds(generationNs).toFixed(2)} s (not measured)`);

  const states: string[] = [];
  const severities: string[] = [];
  let buildNs = 0n;
  let evaluateNs = 0n;
  let windowCount = 0;
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const { slo, input, options } of cases) {
    const t0 = process.hrtime.bigint();
    const series = createSliSeries(input);
    const t1 = process.hrtime.bigint();
    const result = evaluateErrorBudget(slo, series, options);
    const t2 = process.hrtime.bigint();
    buildNs += t1 - t0;
    evaluateNs += t2 - t1;
    windowCount += result.burnRates.length + 1;
    states.push(result.policy.state);
    severities.push(result.alerts?.severity ?? 'no alert windows');
  }
  const totalNs = process.hrtime.bigint() - start;
  const cpu = process.cpuUsage(cpuBefore);

  const totalSeconds = seconds(totalNs);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const bucketCount = SLO_COUNT * BUCKETS;
  const lines = [
    `series build (one O(n) prefix-sum pass per SLO): ${seconds(
      buildNs,
    ).toFixed(3)} s`,
    `evaluation (${windowCount} windows incl. periods, alerts, forecasts, policies): ${seconds(
      evaluateNs,
    ).toFixed(3)} s`,
    `per SLO: ${((totalSeconds / SLO_COUNT) * 1e3).toFixed(3)} ms` +
      ' (one cold run: JIT warm-up and garbage collection included)',
    // Wall time well above CPU time means the process waited for a core: other load on the machine.
    `CPU time of the process meanwhile: ${cpuSeconds.toFixed(3)} s`,
    `policy states: ${count(states)}`,
    `alert severities: ${count(severities)}`,
    `budget-engine: ${SLO_COUNT} SLOs x ${BUCKETS} buckets in ${totalSeconds.toFixed(
      3,
    )} s (${Math.round(bucketCount / totalSeconds)} buckets/s)`,
  ];
  print(lines.join('\n'));
}

main();
