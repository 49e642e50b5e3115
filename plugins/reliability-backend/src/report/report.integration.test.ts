/*
 * The monthly report of the payments team for the current month, from the running backend,
 * against the entity and team APIs figure for figure; and its Markdown and CSV downloads.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ExampleBackend,
  startExampleBackend,
} from '../__testUtils__/exampleBackend';
import { EXAMPLE_WEBHOOK_TOKEN } from '../__testUtils__/exampleBackendServer';

const PORT = 7054;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

jest.setTimeout(60_000);
const PAYMENTS = encodeURIComponent('group:default/payments');

let backend: ExampleBackend;
let month: string;
let availabilityId: string;
/** What was posted this month, for the expected figures. */
let posted: { good: number; total: number; alerts: number[] };

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

beforeAll(async () => {
  backend = await startExampleBackend({ port: PORT, evaluationSeconds: 2 });
  const nowMs = Date.now();
  month = new Date(nowMs).toISOString().slice(0, 7);
  const monthStart = Date.parse(`${month}-01T00:00:00Z`);
  const checkout = await until(
    "checkout's SLOs",
    () => backend.api('reliability/entities/component/default/checkout/slos'),
    view =>
      view.slos.some(
        (slo: any) => slo.id === 'checkout-checkout-availability-0',
      ),
  );
  availabilityId = 'checkout-checkout-availability-0';
  if (checkout.slos.length === 0) throw new Error('checkout has no SLOs');
  // Three hours of data with one bad hour, inside this month when it is that old.
  const end = Math.floor(nowMs / MINUTE) * MINUTE;
  const buckets = Array.from({ length: 180 }, (_, i) => ({
    start: end - (180 - i) * MINUTE,
    good: i >= 60 && i < 120 ? 9900 : 10000,
    total: 10000,
  })).filter(bucket => bucket.start >= monthStart);
  posted = {
    good: buckets.reduce((sum, b) => sum + b.good, 0),
    total: buckets.reduce((sum, b) => sum + b.total, 0),
    alerts: [],
  };
  if (buckets.length > 0) {
    await backend.api(`reliability/slos/${availabilityId}/events`, {
      method: 'POST',
      body: { buckets },
    });
  }
  // Three pages this month, each resolved after a while, as Alertmanager sends them.
  const alerts = [1, 2, 3]
    .map(i => ({
      startsAt: end - i * 20 * MINUTE,
      endsAt: end - i * 20 * MINUTE + i * 3 * MINUTE,
      i,
    }))
    .filter(alert => alert.startsAt >= monthStart);
  for (const a of alerts) {
    for (const status of ['firing', 'resolved'] as const) {
      const res = await fetch(
        `${backend.url}/api/reliability/alerts/alertmanager`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${EXAMPLE_WEBHOOK_TOKEN}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            version: '4',
            groupKey: '{}:{alertname="CheckoutHighErrorRate"}',
            status,
            receiver: 'backstage',
            groupLabels: {},
            commonLabels: {},
            commonAnnotations: {},
            externalURL: 'http://alertmanager:9093',
            alerts: [
              {
                status,
                labels: {
                  alertname:
                    a.i === 3 ? 'PaymentsLatency' : 'CheckoutHighErrorRate',
                  backstage_entity:
                    a.i === 3
                      ? 'component:default/payments'
                      : 'component:default/checkout',
                  severity: 'page',
                },
                annotations: { summary: 'burning' },
                startsAt: new Date(a.startsAt).toISOString(),
                endsAt:
                  status === 'resolved'
                    ? new Date(a.endsAt).toISOString()
                    : '0001-01-01T00:00:00Z',
                fingerprint: `fp${a.i}`,
              },
            ],
          }),
        },
      );
      if (res.status !== 200) {
        throw new Error(
          `The webhook answered ${res.status}: ${await res.text()}`,
        );
      }
    }
    posted.alerts.push(a.endsAt - a.startsAt);
  }
  if (buckets.length > 0) {
    await until(
      'checkout availability to be evaluated with its data',
      () => backend.api('reliability/entities/component/default/checkout/slos'),
      // A number, not just "not null": before the first evaluation there is no status at all.
      view =>
        typeof view.slos.find((slo: any) => slo.id === availabilityId)?.status
          ?.sli === 'number',
    );
  }
}, 300_000);

/** `GET /slos/{id}/history` from `from` to `to` with `step`. */
function history(sloId: string, from: number, to: number, step: string) {
  return backend.api(
    `reliability/slos/${sloId}/history?from=${encodeURIComponent(
      new Date(from).toISOString(),
    )}&to=${encodeURIComponent(new Date(to).toISOString())}&step=${step}`,
  );
}

afterAll(async () => {
  await backend?.stop();
});

describe('the monthly reliability report', () => {
  it("matches the entity and team APIs figure for figure for the payments team's month", async () => {
    const report = await backend.api(
      `reliability/report?owner=${PAYMENTS}&month=${month}`,
    );
    expect(report).toMatchObject({
      subject: 'group:default/payments',
      scope: 'group',
      month,
      partial: true,
    });
    const team = await backend.api(`reliability/oncall?owner=${PAYMENTS}`);
    expect(report.entities).toEqual(
      team.entities.map((e: any) => e.entityRef).sort(),
    );

    let compared = 0;
    for (const entityRef of report.entities) {
      const [kind, rest] = entityRef.split(':');
      const [namespace, name] = rest.split('/');
      const view = await backend.api(
        `reliability/entities/${kind}/${namespace}/${name}/slos`,
      );
      for (const slo of view.slos) {
        const row = report.slos.find((r: any) => r.id === slo.id);
        expect(row).toBeDefined();
        // The report and this read may straddle an evaluation: both read the same stored data.
        expect(row.sli).toBe(slo.status?.sli ?? null);
        expect(row.budgetRemaining).toBe(slo.status?.budget?.remaining ?? null);
        expect(row.budgetConsumed).toBe(slo.status?.budget?.consumed ?? null);
        expect(row.policyState).toBe(slo.status?.policy.state ?? 'unknown');
        expect(row.targetPercent).toBe(slo.objective.targetPercent);
        const remaining = slo.status?.budget?.remaining ?? null;
        const attainment =
          remaining !== null && remaining < 0 ? 'missed' : 'met';
        expect(row.attainment).toBe(
          remaining === null ? 'unknown' : attainment,
        );
        // Whole days, then the day so far, as the report reads them.
        const to = Date.parse(report.pages.to);
        const startOfDay = Math.floor(to / DAY) * DAY;
        const points = [
          ...(startOfDay > Date.parse(report.from)
            ? (await history(slo.id, Date.parse(report.from), startOfDay, '1d'))
                .points
            : []),
          ...(to > startOfDay
            ? (
                await history(
                  slo.id,
                  startOfDay,
                  to,
                  `${(to - startOfDay) / MINUTE}m`,
                )
              ).points
            : []),
        ];
        const days = points.filter((p: any) => p.stepSli !== null);
        const worst = days.reduce(
          (min: any, p: any) => (!min || p.stepSli < min.stepSli ? p : min),
          undefined,
        );
        expect(row.worstDay?.sli ?? null).toBe(worst?.stepSli ?? null);
        compared++;
      }
    }
    expect(compared).toBe(report.slos.length);
    expect(report.summary.slos).toBe(compared);
    const availability = report.slos.find((r: any) => r.id === availabilityId);
    expect(availability.sli).toBe(
      posted.total > 0 ? posted.good / posted.total : null,
    );
    // The worst day is compared with the history API's in the loop above, not with what this
    // test posted: history is written once per history interval (5 minutes), so the minutes just
    // posted may not have a history point yet.

    const quality = await backend.api(
      `reliability/alert-quality?owner=${PAYMENTS}&from=${encodeURIComponent(
        report.pages.from,
      )}&to=${encodeURIComponent(report.pages.to)}`,
    );
    const summary = quality.report.onCallLoad.summary;
    expect(report.pages).toEqual({
      from: quality.from,
      to: quality.to,
      pages: quality.report.pagesUsed,
      pagesPerShift:
        summary.state === 'known' ? summary.meanPagesPerShift : null,
      shifts: quality.shiftsKnown,
      pagesPer12Hours: quality.pagesPer12Hours,
      mttaMs:
        quality.report.responseTimes.mtta.state === 'known'
          ? quality.report.responseTimes.mtta.meanMs
          : null,
      mttrMs:
        quality.report.responseTimes.mttr.state === 'known'
          ? quality.report.responseTimes.mttr.meanMs
          : null,
      sleepHourPages: quality.report.interruptions.total.sleepHours,
      offHourPages: quality.report.interruptions.total.offHours,
      noisiest: quality.report.alerts.slice(0, 5).map((a: any) => ({
        alertName: a.alertName ?? a.alertKey,
        service: a.service,
        pages: a.pages,
        noiseRatio: a.noiseRatio.state === 'known' ? a.noiseRatio.value : null,
      })),
    });
    expect(report.pages.pages).toBe(posted.alerts.length);
    expect(report.pages.mttrMs).toBe(
      posted.alerts.length > 0
        ? posted.alerts.reduce((sum, ms) => sum + ms, 0) / posted.alerts.length
        : null,
    );
  });

  it('downloads as Markdown and CSV with the same figures', async () => {
    const report = await backend.api(
      `reliability/report?owner=${PAYMENTS}&month=${month}`,
    );
    const res = await fetch(
      `${backend.url}/api/reliability/report.csv?owner=${PAYMENTS}&month=${month}`,
      {
        headers: {
          authorization: `Bearer ${mockCredentials.user.token(
            'user:default/guest',
          )}`,
        },
      },
    );
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(
      `reliability-group-default-payments-${month}.csv`,
    );
    const rows = (await res.text()).trim().split('\r\n');
    expect(rows[0]).toBe(
      'month,subject,entity,slo_id,slo,target_percent,attainment,sli,budget_consumed,budget_remaining,worst_day,worst_day_sli',
    );
    expect(rows).toHaveLength(report.slos.length + 1);
    const markdown = await backend.api(
      `reliability/report.md?owner=${PAYMENTS}&month=${month}`,
    );
    expect(markdown).toContain(
      `# Reliability report: group:default/payments, ${month}`,
    );
    for (const slo of report.slos) {
      expect(markdown).toContain(`| ${slo.entityRef} | ${slo.name} |`);
    }
  });

  it('refuses a month that is not one, and an owner the caller cannot read', async () => {
    await expect(
      backend.api(`reliability/report?owner=${PAYMENTS}&month=2026-13`),
    ).rejects.toThrow(/400/);
    await expect(
      backend.api(`reliability/report?owner=${PAYMENTS}&month=2999-01`),
    ).rejects.toThrow(/has not started yet/);
    await expect(
      backend.api(
        `reliability/report?owner=${encodeURIComponent(
          'component:default/checkout',
        )}&month=${month}`,
      ),
    ).rejects.toThrow(/must be a group, a system or a domain/);
    const outsider = await backend.api(
      `reliability/report?owner=${PAYMENTS}&month=${month}`,
      { user: 'user:default/outsider' },
    );
    expect(outsider.entities).not.toContain('component:default/checkout');
    expect(JSON.stringify(outsider.slos)).not.toMatch(/checkout/);
  });
});
