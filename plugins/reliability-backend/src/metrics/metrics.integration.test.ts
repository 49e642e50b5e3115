/*
 * Scrapes the running backend's Prometheus endpoint, as Prometheus does, and checks the
 * documented series of the example SLOs against the REST API's values.
 */
import {
  ExampleBackend,
  startExampleBackend,
} from '../__testUtils__/exampleBackend';
import { RELIABILITY_METRICS } from './ReliabilityMetrics';

const PORT = 7050;
const METRICS_PORT = 7051;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Reads the Prometheus text format: `name{a="b",…} value`. */
function parseExposition(text: string): {
  samples: Sample[];
  types: Map<string, string>;
  help: Map<string, string>;
} {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  for (const line of text.split('\n')) {
    const meta = /^# (TYPE|HELP) (\S+) (.*)$/.exec(line);
    if (meta) {
      (meta[1] === 'TYPE' ? types : help).set(meta[2], meta[3]);
      continue;
    }
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!sample) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(
      /(\w+)="((?:[^"\\]|\\.)*)"/g,
    )) {
      labels[key] = value.replace(/\\(.)/g, '$1');
    }
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return { samples, types, help };
}

jest.setTimeout(60_000);

let backend: ExampleBackend;

async function scrape() {
  const res = await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`);
  expect(res.status).toBe(200);
  return parseExposition(await res.text());
}

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && done(last)) return last;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

let availabilityId: string;

beforeAll(async () => {
  backend = await startExampleBackend({
    port: PORT,
    evaluationSeconds: 2,
    env: { RELIABILITY_METRICS_PORT: String(METRICS_PORT) },
  });
  const checkout = await until(
    "checkout's SLOs",
    () => backend.api('reliability/entities/component/default/checkout/slos'),
    view =>
      view.slos.some(
        (slo: any) => slo.id === 'checkout-checkout-availability-0',
      ),
  );
  availabilityId = checkout.slos.find(
    (slo: any) => slo.id === 'checkout-checkout-availability-0',
  ).id;
  // Two hours at 0.05 % errors against a 0.1 % budget: burning, budget partly left.
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  await backend.api(`reliability/slos/${availabilityId}/events`, {
    method: 'POST',
    body: {
      buckets: Array.from({ length: 120 }, (_, i) => ({
        start: end - (120 - i) * MINUTE,
        good: 9995,
        total: 10000,
      })),
    },
  });
  await until(
    'checkout availability to be evaluated with its pushed data',
    () => backend.api('reliability/entities/component/default/checkout/slos'),
    view =>
      view.slos.find((slo: any) => slo.id === availabilityId)?.status?.sli ===
      0.9995,
  );
  // On-call coverage and scorecard levels come from scheduled tasks: wait for their first runs.
  await until(
    'on-call coverage and the scorecard level of checkout',
    scrape,
    ({ samples }) =>
      [
        RELIABILITY_METRICS.onCallCovered,
        RELIABILITY_METRICS.scorecardLevel,
      ].every(name =>
        samples.some(
          s =>
            s.name === name && s.labels.entity === 'component:default/checkout',
        ),
      ),
  );
}, 300_000);

afterAll(async () => {
  await backend?.stop();
});

describe('the Prometheus series of the Reliability backend', () => {
  it('documents each series as a gauge with a help text', async () => {
    const { types, help } = await scrape();
    const names = Object.values(RELIABILITY_METRICS);
    expect(names.map(name => [name, types.get(name)])).toEqual(
      names.map(name => [name, 'gauge']),
    );
    for (const name of names) {
      expect(help.get(name)?.length).toBeGreaterThan(20);
    }
  });

  it("serves the example SLOs' budget, SLI, burn rates and policy with the API's values", async () => {
    const [{ samples }, page] = await Promise.all([
      scrape(),
      backend.api('reliability/slos?limit=500'),
    ]);
    const of = (name: string, labels: Record<string, string>) =>
      samples.filter(
        s =>
          s.name === name &&
          Object.entries(labels).every(([k, v]) => s.labels[k] === v),
      );
    const slos = page.items as any[];
    expect(slos.length).toBeGreaterThan(3);
    for (const slo of slos) {
      const labels = {
        entity: slo.entityRef.toLowerCase(),
        slo: slo.id,
        owner: slo.owner ?? 'unknown',
      };
      expect(of(RELIABILITY_METRICS.target, labels).map(s => s.value)).toEqual([
        slo.objective.target,
      ]);
      const state = slo.status?.policy.state ?? 'unknown';
      expect(
        of(RELIABILITY_METRICS.policyState, labels)
          .filter(s => s.value === 1)
          .map(s => s.labels.state),
      ).toEqual([state]);
      expect(of(RELIABILITY_METRICS.policyState, labels)).toHaveLength(4);
      const remaining = slo.status?.budget?.remaining ?? null;
      expect(
        of(RELIABILITY_METRICS.budgetRemaining, labels).map(s => s.value),
      ).toEqual(remaining === null ? [] : [remaining]);
    }

    const availability = slos.find(slo => slo.id === availabilityId);
    const labels = {
      entity: 'component:default/checkout',
      slo: availabilityId,
      owner: 'group:default/payments',
    };
    expect(of(RELIABILITY_METRICS.sli, labels).map(s => s.value)).toEqual([
      0.9995,
    ]);
    expect(availability.status.budget.remaining).toBeGreaterThan(0);
    expect(
      of(RELIABILITY_METRICS.budgetRemaining, labels).map(s => s.value),
    ).toEqual([availability.status.budget.remaining]);
    // Windows that hold all two hours of data keep their value between evaluations.
    const rates = of(RELIABILITY_METRICS.burnRate, labels);
    expect(rates.map(s => s.labels.window).sort()).toEqual(
      availability.status.burnRates
        .filter((r: any) => r.burnRate !== null)
        .map((r: any) => r.window)
        .sort(),
    );
    const longWindows = availability.status.burnRates.filter(
      (rate: any) => rate.windowMs >= 6 * HOUR,
    );
    expect(longWindows.length).toBeGreaterThan(0);
    for (const rate of longWindows) {
      expect(
        rates.find(s => s.labels.window === rate.window)?.value,
      ).toBeCloseTo(rate.burnRate, 9);
    }
  });

  it('serves scorecard levels and on-call coverage as the API tells them', async () => {
    const [{ samples }, scorecards, onCall] = await Promise.all([
      scrape(),
      backend.api('reliability/entities/component/default/checkout/scorecards'),
      backend.api('reliability/entities/component/default/checkout/oncall'),
    ]);
    const level = samples.filter(
      s =>
        s.name === RELIABILITY_METRICS.scorecardLevel &&
        s.labels.entity === 'component:default/checkout',
    );
    expect(
      level.map(s => [s.labels.scorecard, s.labels.level, s.value]).sort(),
    ).toEqual(
      scorecards.scorecards
        .map((s: any) => [s.scorecardId, s.level ?? 'none', s.levelIndex])
        .sort(),
    );
    expect(level.length).toBeGreaterThan(0);
    const covered = samples.filter(
      s =>
        s.name === RELIABILITY_METRICS.onCallCovered &&
        s.labels.entity === 'component:default/checkout',
    );
    expect(onCall.now.length).toBeGreaterThan(0);
    expect(covered.map(s => [s.labels.owner, s.value])).toEqual([
      ['group:default/payments', 1],
    ]);
  });
});
