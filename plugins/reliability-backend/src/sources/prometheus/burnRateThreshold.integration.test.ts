/**
 * The page threshold at its very edge, decided in both places that decide it: the alert rule
 * `generatePrometheusRules` writes, evaluated by a real Prometheus, and `evaluateBurnRateAlerts`,
 * which the API shows. Both must say "not firing" for an error ratio of exactly factor × budget
 * and "firing" just above it, or the page a team gets and the state its dashboard shows disagree.
 *
 * The numbers are exact in binary floating point: a target of 93.75% leaves a budget of 1/16,
 * and 14.4 × 1/16 is the very double 0.9 is. The SLI recordings the alert reads (the error ratio
 * over 5m, 30m, 1h and 6h) are backfilled with those values directly, so that nothing between
 * the counters and the ratio can round them.
 */
import {
  ServiceLevelObjective,
  createSliSeries,
  evaluateBurnRateAlerts,
  findAlertWindows,
  generatePrometheusRules,
  toPrometheusRulesYaml,
} from '@reliability/backstage-plugin-common';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  RunningPrometheus,
  ensurePrometheusInstalled,
  runPromtool,
  startPrometheus,
} from '../../__testUtils__/prometheus';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The ratio each SLO burns at over the last hour; before it, nothing fails. */
const RATIOS = { 'at-threshold': 0.9, 'above-threshold': 0.901 } as const;

/**
 * The error ratio of each window the page alert reads, for an hour at `ratio` after five quiet
 * ones: the 5m, 30m and 1h windows burn at `ratio`, the 6h window at a sixth of it, so that
 * only the quick pair (1h and 5m, factor 14.4) is near its threshold and the slow pair (6h and
 * 30m, factor 6) is well below its own.
 */
function windowRatio(window: string, ratio: number): number {
  return window === '6h' ? ratio / 6 : ratio;
}

const location = { file: 'slos.yaml', line: 1, column: 1, path: '' };

function slo(name: keyof typeof RATIOS): ServiceLevelObjective {
  return {
    id: `edge-${name}`,
    name,
    service: 'edge',
    labels: {},
    budgetingMethod: 'Occurrences',
    objective: { target: 0.9375, targetPercent: 93.75 },
    sli: {
      kind: 'events',
      errorQuery: 'sum(rate(requests_total{code=~"5.."}[{{.window}}]))',
      totalQuery: 'sum(rate(requests_total[{{.window}}]))',
    },
    alerting: {
      name: 'EdgeHighErrorRate',
      labels: {},
      annotations: {},
      page: { disabled: false, labels: {}, annotations: {} },
      ticket: { disabled: true, labels: {}, annotations: {} },
    },
    source: { format: 'prometheus/v1', location },
  };
}

const slos = [slo('at-threshold'), slo('above-threshold')];

/** The page alert's expression, and the recorded ratios it reads with their label matchers. */
function pageAlert() {
  const generated = generatePrometheusRules(slos);
  expect(generated.problems).toEqual([]);
  const alerts = generated.groups
    .flatMap(group => group.rules)
    .filter(
      (rule): rule is Extract<typeof rule, { alert: string }> =>
        'alert' in rule,
    );
  // One page alert per SLO; its expression differs only in the SLO's label matchers.
  expect(alerts).toHaveLength(2);
  return { alerts, groups: generated.groups };
}

/** OpenMetrics text of every ratio series an alert expression reads, one sample a minute. */
function recordedRatios(expressions: string[], endMs: number): string {
  const lines: string[] = [];
  const series = new Map<string, string[]>();
  for (const expr of expressions) {
    for (const [, metric, matchers] of expr.matchAll(
      /(slo:sli_error:ratio_rate\w+)\{([^}]*)\}/g,
    )) {
      const labels = series.get(metric) ?? [];
      // `{a="x", b="y"}` as a matcher; as OpenMetrics labels, without the spaces.
      labels.push(
        [...matchers.matchAll(/(\w+)="([^"]*)"/g)]
          .map(([, label, value]) => `${label}="${value}"`)
          .join(','),
      );
      series.set(metric, labels);
    }
  }
  for (const [metric, labelSets] of series) {
    lines.push(`# TYPE ${metric} gauge`);
    const window = metric.replace('slo:sli_error:ratio_rate', '');
    for (const matchers of new Set(labelSets)) {
      const name = /sloth_slo="([^"]+)"/.exec(matchers)?.[1] as
        | keyof typeof RATIOS
        | undefined;
      if (!name || !(name in RATIOS)) {
        throw new Error(`An unexpected SLO in the alert: ${matchers}`);
      }
      for (let t = endMs - 10 * MINUTE; t <= endMs; t += MINUTE) {
        lines.push(
          `${metric}{${matchers},sloth_window="${window}"} ${windowRatio(
            window,
            RATIOS[name],
          )} ${t / 1000}`,
        );
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

describe('the page threshold in Prometheus and in the budget engine', () => {
  // A past instant on a whole minute: promtool backfills only whole 2-hour blocks before now.
  const END = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
  let workDir: string;
  let prometheus: RunningPrometheus | undefined;
  let alerts: ReturnType<typeof pageAlert>['alerts'];

  beforeAll(async () => {
    const binaries = await ensurePrometheusInstalled();
    workDir = await mkdtemp(join(tmpdir(), 'reliability-threshold-it-'));
    const tsdbDir = join(workDir, 'tsdb');
    await mkdir(tsdbDir);
    const generated = pageAlert();
    alerts = generated.alerts;
    const rulesFile = join(workDir, 'rules.yml');
    await writeFile(rulesFile, toPrometheusRulesYaml(generated.groups));
    await runPromtool(binaries, ['check', 'rules', rulesFile]);
    const metricsFile = join(workDir, 'ratios.om');
    await writeFile(
      metricsFile,
      recordedRatios(
        alerts.map(a => a.expr),
        END,
      ),
    );
    await runPromtool(binaries, [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--quiet',
      metricsFile,
      tsdbDir,
    ]);
    prometheus = await startPrometheus(binaries, { tsdbDir });
  }, 600_000);

  afterAll(async () => {
    await prometheus?.stop();
    if (workDir) {
      await rm(workDir, { recursive: true, force: true });
    }
  });

  async function firingInPrometheus(expr: string): Promise<boolean> {
    const url = new URL('/api/v1/query', prometheus!.url);
    url.searchParams.set('query', expr);
    url.searchParams.set('time', String(END / 1000));
    const body = (await (await fetch(url)).json()) as {
      status: string;
      data: { resultType: string; result: unknown[] };
    };
    expect(body.status).toBe('success');
    return body.data.result.length > 0;
  }

  /** The budget engine on the same history: 1000 events a minute, `ratio` bad in the last hour. */
  function firingInEngine(ratio: number): boolean {
    const minutes = (6 * HOUR) / MINUTE;
    const bad = Math.round(ratio * 1000);
    const series = createSliSeries({
      method: 'Occurrences',
      startMs: END - 6 * HOUR,
      bucketMs: MINUTE,
      good: new Float64Array(minutes).map((_, i) =>
        i >= minutes - 60 ? 1000 - bad : 1000,
      ),
      total: new Float64Array(minutes).fill(1000),
    });
    const evaluation = evaluateBurnRateAlerts(
      series,
      0.0625,
      findAlertWindows(30 * DAY)!,
      END,
    );
    // The same error ratios as the recordings hold, to the last bit.
    const [pageQuick, pageSlow] = evaluation.conditions;
    expect(pageQuick.long.measurement.errorRatio).toBe(ratio);
    expect(pageQuick.short.measurement.errorRatio).toBe(ratio);
    expect(pageSlow.long.measurement.errorRatio).toBe(windowRatio('6h', ratio));
    return evaluation.severity === 'page';
  }

  it.each([
    ['at-threshold', false],
    ['above-threshold', true],
  ] as const)(
    'agrees on %s: the page fires %s in both',
    async (name, fires) => {
      const alert = alerts.find(a => a.expr.includes(`sloth_slo="${name}"`));
      expect(alert).toBeDefined();
      // The threshold as the rule prints it: the factor and the budget, compared with `>`.
      expect(alert!.expr).toContain('> (14.4 * 0.0625)');
      expect({
        prometheus: await firingInPrometheus(alert!.expr),
        engine: firingInEngine(RATIOS[name]),
      }).toEqual({ prometheus: fires, engine: fires });
    },
  );
});
