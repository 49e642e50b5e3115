/**
 * Benchmark of SLO history from SLI data: 1,000 SLOs, each a 90-day history chart recomputed
 * from minute buckets. Per SLO the series covers the 90 days plus the SLO window and longest alert
 * window before them (120 days, 172,800 minute buckets), as the history route fetches it; timed is
 * what the route computes: the prefix sums (`createSliSeries`) and the budget engine at each of
 * the 500 steps (`computeSloHistory`). Generating the data is not timed.
 *
 * Run from the repository root: `yarn bench:history`.
 */
import {
  computeSloHistory,
  createSliSeries,
} from '../../plugins/reliability-common/src/budget';
import { ServiceLevelObjective } from '../../plugins/reliability-common/src/spec/model';

const SLO_COUNT = 1000;
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const RANGE_MS = 90 * DAY;
const LOOKBACK_MS = 30 * DAY;
const BUCKETS = (RANGE_MS + LOOKBACK_MS) / MINUTE;
const STEP_MS = Math.ceil(RANGE_MS / 500 / MINUTE) * MINUTE;
const END_MS = Date.UTC(2024, 5, 1);
const START_MS = END_MS - RANGE_MS - LOOKBACK_MS;

type HistorySlo = Pick<
  ServiceLevelObjective,
  'objective' | 'budgetingMethod' | 'timeWindow'
>;

/** mulberry32, seeded per SLO so that every run sees the same data. */
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

function sloOf(index: number): HistorySlo {
  const target = TARGETS[index % TARGETS.length];
  return {
    budgetingMethod: 'Occurrences',
    objective: { target, targetPercent: target * 100 },
    timeWindow: {
      type: 'rolling',
      durationMs: (index % 2 === 0 ? 30 : 28) * DAY,
    },
  };
}

/** Minute counts: a daily wave, errors around the budget, a few incidents, 0.1% gaps. */
function dataOf(
  index: number,
  target: number,
): { good: Float64Array; total: Float64Array } {
  const next = random(index + 1);
  const good = new Float64Array(BUCKETS);
  const total = new Float64Array(BUCKETS);
  const incidents = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
    Math.floor(next() * BUCKETS),
  );
  for (let i = 0; i < BUCKETS; i++) {
    if (next() < 0.001) {
      good[i] = NaN;
      total[i] = NaN;
      continue;
    }
    const t = 100 * (1 + 0.5 * Math.sin((2 * Math.PI * (i % 1440)) / 1440));
    const inIncident = incidents.some(start => i >= start && i < start + 30);
    const errorRate = inIncident ? 0.2 : (1 - target) * next();
    total[i] = Math.round(t);
    good[i] = Math.round(t * (1 - errorRate));
  }
  return { good, total };
}

function main() {
  let timedNs = 0n;
  let points = 0;
  let withBudget = 0;
  const cpuBefore = process.cpuUsage();
  let slowestMs = 0;
  for (let index = 0; index < SLO_COUNT; index++) {
    const slo = sloOf(index);
    const { good, total } = dataOf(index, slo.objective.target);
    const started = process.hrtime.bigint();
    const series = createSliSeries({
      method: slo.budgetingMethod,
      startMs: START_MS,
      bucketMs: MINUTE,
      good,
      total,
    });
    const history = computeSloHistory(
      slo,
      series,
      { fromMs: END_MS - RANGE_MS, toMs: END_MS, stepMs: STEP_MS },
      { defaultPeriodMs: 30 * DAY },
    );
    const elapsed = process.hrtime.bigint() - started;
    timedNs += elapsed;
    slowestMs = Math.max(slowestMs, Number(elapsed) / 1e6);
    points += history.steps.length;
    withBudget += history.steps.filter(
      s => s.budgetRemaining !== undefined,
    ).length;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = Number(timedNs) / 1e9;
  console.log(
    `${SLO_COUNT} SLOs, ${BUCKETS} minute buckets each (90-day range + 30-day lookback), step ${
      STEP_MS / MINUTE
    } min`,
  );
  console.log(
    `${points} history points (${withBudget} with budget remaining); slowest SLO ${slowestMs.toFixed(
      1,
    )} ms; process CPU (including data generation) ${(
      (cpu.user + cpu.system) /
      1e6
    ).toFixed(1)} s`,
  );
  console.log(
    `history: ${SLO_COUNT} SLOs x 90 days of minutes in ${seconds.toFixed(
      2,
    )} s, ${((seconds * 1000) / SLO_COUNT).toFixed(2)} ms per SLO (${
      points / SLO_COUNT
    } points each)`,
  );
}

main();
