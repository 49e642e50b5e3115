/*
 * The monthly report of the payments team for the current month, from the running backend,
 * against the entity and team APIs figure for figure; a system's pages against the
 * alert-quality API; the release blocks and overrides against the gate's routes; and its
 * Markdown and CSV downloads. On SQLite and on PostgreSQL (the gate's and the alerts' stores).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import {
  ExampleBackend,
  startExampleBackend,
} from '../__testUtils__/exampleBackend';
import { EXAMPLE_WEBHOOK_TOKEN } from '../__testUtils__/exampleBackendServer';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * 60 * MINUTE;

jest.setTimeout(60_000);
const PAYMENTS = encodeURIComponent('group:default/payments');
const SYSTEM = encodeURIComponent('system:default/examples');

/** The PostgreSQL server of the store tests; without one this fails loudly, as they do. */
function postgresUrl(): string {
  const key = Object.keys(process.env)
    .filter(name =>
      /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(name),
    )
    .sort()
    .pop();
  if (!key) {
    throw new Error(
      'No PostgreSQL for the report test: run it through `./dev test`, or set ' +
        'BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (e.g. POSTGRES15) to a server.',
    );
  }
  return process.env[key]!;
}

/** Drops the databases the backend made on PostgreSQL with `prefix`. */
async function dropDatabases(url: string, prefix: string) {
  const knex = knexFactory({ client: 'pg', connection: url });
  try {
    const { rows } = await knex.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await knex.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await knex.destroy();
  }
}

describe.each([
  { database: 'SQLite', port: 7054, postgres: false },
  { database: 'PostgreSQL', port: 7056, postgres: true },
])('the monthly reliability report on $database', ({ port, postgres }) => {
  let backend: ExampleBackend;
  let month: string;
  let availabilityId: string;
  /** What was posted this month, for the expected figures. */
  let posted: {
    good: number;
    total: number;
    alerts: number[];
    alertEntities: string[];
  };
  /** The gate's answers this test asked for (each recorded as a decision). */
  let gateAnswers: Array<{ entityRef: string; decision: string }>;
  const prefix = `reltest_report_${process.pid}_`;

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
    if (postgres) await dropDatabases(postgresUrl(), prefix);
    backend = await startExampleBackend({
      port,
      evaluationSeconds: 2,
      env: postgres
        ? {
            RELIABILITY_POSTGRES_URL: postgresUrl(),
            RELIABILITY_DATABASE_PREFIX: prefix,
          }
        : {},
    });
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
      alertEntities: [],
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
      posted.alertEntities.push(
        a.i === 3 ? 'component:default/payments' : 'component:default/checkout',
      );
    }
    if (buckets.length > 0) {
      await until(
        'checkout availability to be evaluated with its data',
        () =>
          backend.api('reliability/entities/component/default/checkout/slos'),
        // A number, not just "not null": before the first evaluation there is no status at all.
        view =>
          typeof view.slos.find((slo: any) => slo.id === availabilityId)?.status
            ?.sli === 'number',
      );
    }
    // The release gate asked as CI asks it: each answer is recorded as a decision, the ones
    // without a release kind also as the gate's state. Then two overrides, one revoked.
    gateAnswers = [];
    for (const path of [
      'component/default/checkout',
      'component/default/checkout',
      'component/default/checkout?release=fix',
      'component/default/payments',
    ]) {
      const answer = await backend.api(`reliability/gate/${path}`);
      gateAnswers.push({
        entityRef: answer.entityRef,
        decision: answer.decision,
      });
    }
    const overridesPath =
      'reliability/gate/component/default/checkout/overrides';
    await backend.api(overridesPath, {
      method: 'POST',
      body: {
        reason: 'Hotfix for the payment outage',
        expiresAt: new Date(nowMs + 2 * HOUR).toISOString(),
      },
    });
    const revoked = await backend.api(overridesPath, {
      method: 'POST',
      body: {
        reason: 'Granted by mistake',
        expiresAt: new Date(nowMs + HOUR).toISOString(),
      },
    });
    await backend.api(`reliability/release-overrides/${revoked.id}/revoke`, {
      method: 'POST',
      user: 'user:default/lead',
    });
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
    if (postgres) await dropDatabases(postgresUrl(), prefix);
  });

  /** The report's pages as they follow from an alert-quality answer. */
  function pagesOfQuality(quality: any) {
    const summary = quality.report.onCallLoad.summary;
    return {
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
    };
  }

  function gatePath(entityRef: string): string {
    const [kind, rest] = entityRef.split(':');
    const [namespace, name] = rest.split('/');
    return `reliability/gate/${kind}/${namespace}/${name}`;
  }

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
    expect(report.pages).toEqual(pagesOfQuality(quality));
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
    expect(JSON.stringify(outsider.pages)).not.toMatch(/checkout/);
    expect(JSON.stringify(outsider.releases)).not.toMatch(/checkout/);
    const outsiderSystem = await backend.api(
      `reliability/report?owner=${SYSTEM}&month=${month}`,
      { user: 'user:default/outsider' },
    );
    expect(outsiderSystem.entities).not.toContain('component:default/checkout');
    expect(JSON.stringify(outsiderSystem.pages)).not.toMatch(/checkout/);
  });

  it("carries a system's pages as the alert-quality API answers them for the system's entities", async () => {
    const report = await backend.api(
      `reliability/report?owner=${SYSTEM}&month=${month}`,
    );
    expect(report).toMatchObject({
      subject: 'system:default/examples',
      scope: 'system',
    });
    expect(report.pages).not.toBeNull();
    const quality = await backend.api(
      `reliability/alert-quality?owner=${SYSTEM}&from=${encodeURIComponent(
        report.pages.from,
      )}&to=${encodeURIComponent(report.pages.to)}`,
    );
    expect(report.pages).toEqual(pagesOfQuality(quality));
    expect([...quality.entities.map((e: any) => e.entityRef)].sort()).toEqual(
      report.entities,
    );
    // The same pages, entity by entity, from each entity's alert-quality API.
    let pages = 0;
    for (const entityRef of report.entities) {
      const [kind, rest] = entityRef.split(':');
      const [namespace, name] = rest.split('/');
      const own = await backend.api(
        `reliability/entities/${kind}/${namespace}/${name}/alert-quality?from=${encodeURIComponent(
          report.pages.from,
        )}&to=${encodeURIComponent(report.pages.to)}`,
      );
      pages += own.report.pagesUsed;
    }
    expect(report.pages.pages).toBe(pages);
    // Only this test pages the example backend: the system holds checkout and payments.
    expect(report.pages.pages).toBe(
      posted.alertEntities.filter(ref => report.entities.includes(ref)).length,
    );
    expect(report.pages.pages).toBe(posted.alerts.length);
  });

  it("carries the organisation's pages over its entities", async () => {
    const report = await backend.api(`reliability/report?month=${month}`);
    expect(report.scope).toBe('organisation');
    expect(report.pages).not.toBeNull();
    expect(report.pages.pages).toBe(
      posted.alertEntities.filter(ref => report.entities.includes(ref)).length,
    );
  });

  it("counts the month's release decisions, time blocked and overrides as the gate's routes serve them", async () => {
    // The blocked gates before and after the report: a gate blocked with the same `since` in
    // both was blocked, its change stored, all the while the report was read.
    const blockedBefore = (await backend.api('reliability/gate/blocked')).items;
    const report = await backend.api(
      `reliability/report?owner=${PAYMENTS}&month=${month}`,
    );
    const from = Date.parse(report.from);
    const end = Math.min(Date.parse(report.to), Date.parse(report.generatedAt));
    const inMonth = (iso: string) =>
      Date.parse(iso) >= from && Date.parse(iso) < end;
    // Read after the report: only this test records decisions (the background refresh stores
    // the gate's state, not decisions), so the routes answer what the report read.
    const blockedAfter = (await backend.api('reliability/gate/blocked')).items;
    const blocked = blockedAfter.filter((after: any) =>
      blockedBefore.some(
        (before: any) =>
          before.entityRef === after.entityRef && before.since === after.since,
      ),
    );
    // Per entity: what the report says, and what the routes and this test's own asks say.
    const reported: unknown[] = [];
    const expected: unknown[] = [];
    let decisions = 0;
    let overrides = 0;
    for (const entityRef of report.entities) {
      const path = gatePath(entityRef);
      const recorded = (
        await backend.api(`${path}/decisions?limit=200`)
      ).items.filter((d: any) => inMonth(d.decidedAt));
      const granted = (await backend.api(`${path}/overrides`)).items.filter(
        (o: any) => inMonth(o.grantedAt),
      );
      const row = report.releases.entities.find(
        (e: any) => e.entityRef === entityRef,
      );
      const asked = gateAnswers.filter(
        a => a.entityRef === entityRef.toLowerCase(),
      );
      // Blocked from before the report until after it: blocked at its end, at least since then.
      const block = blocked.find(
        (b: any) => b.entityRef === entityRef.toLowerCase(),
      );
      const blockedAtLeast = block
        ? end - Math.max(from, Date.parse(block.since))
        : 0;
      reported.push({
        entityRef,
        listed: row !== undefined,
        decisions: row?.decisions ?? 0,
        blockDecisions: row?.blockDecisions ?? 0,
        warnDecisions: row?.warnDecisions ?? 0,
        askedBlocks: row?.blockDecisions ?? 0,
        overrides: row?.overrides ?? [],
        // The gate's answers without a release kind were stored as its state: a time is known.
        blockedKnown: row ? row.blockedMs !== null : false,
        blockedAtEnd: row?.blockedAtEnd ?? false,
        blockedEnough: (row?.blockedMs ?? 0) >= blockedAtLeast,
      });
      expected.push({
        entityRef,
        listed: recorded.length > 0 || granted.length > 0 || row !== undefined,
        decisions: recorded.length,
        blockDecisions: recorded.filter((d: any) => d.decision === 'block')
          .length,
        warnDecisions: recorded.filter((d: any) => d.decision === 'warn')
          .length,
        // What this test asked, as the route serves it, as the report counts it.
        askedBlocks: asked.filter(a => a.decision === 'block').length,
        overrides: granted
          .map((o: any) => ({
            id: o.id,
            entityRef: o.entityRef,
            approver: o.approver,
            reason: o.reason,
            from: o.grantedAt,
            to: o.expiresAt,
            revokedAt: o.revokedAt,
            revokedBy: o.revokedBy,
          }))
          .sort(
            (a: any, b: any) =>
              a.from.localeCompare(b.from) || a.id.localeCompare(b.id),
          ),
        blockedKnown:
          asked.length > 0 || (row ? row.blockedMs !== null : false),
        blockedAtEnd: block ? true : row?.blockedAtEnd ?? false,
        blockedEnough: true,
      });
      expect(recorded).toHaveLength(asked.length);
      decisions += recorded.length;
      overrides += granted.length;
    }
    expect(reported).toEqual(expected);
    expect(report.releases.total.decisions).toBe(decisions);
    expect(report.releases.total.overrides).toBe(overrides);
    const checkout = report.releases.entities.find(
      (e: any) => e.entityRef === 'component:default/checkout',
    );
    expect(checkout.decisions).toBe(3);
    expect(
      checkout.overrides
        .map((o: any) => [o.reason, o.approver, o.revokedBy])
        .sort(),
    ).toEqual([
      ['Granted by mistake', 'user:default/guest', 'user:default/lead'],
      ['Hotfix for the payment outage', 'user:default/guest', null],
    ]);
    const markdown = await backend.api(
      `reliability/report.md?owner=${PAYMENTS}&month=${month}`,
    );
    expect(markdown).toContain('## Release gate');
    expect(markdown).toContain(
      `| component:default/checkout | 3 | ${checkout.blockDecisions} | ${checkout.warnDecisions} |`,
    );
    const csv = await backend.api(
      `reliability/report.csv?owner=${PAYMENTS}&month=${month}&table=overrides`,
    );
    expect(csv.trim().split('\r\n')).toHaveLength(1 + overrides);
  });
});
