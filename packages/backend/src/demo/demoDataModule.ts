import {
  DatabaseService,
  LoggerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { DEMO_ALERT_SOURCE, demoAlertsOfDay } from './demoAlerts';
import {
  DAY_MS,
  DEMO_HISTORY_MS,
  DEMO_SLOS,
  DemoSlo,
  HOUR_MS,
  MINUTE_MS,
  demoHour,
  demoMinute,
} from './demoSli';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

// The Reliability plugin's tables (plugins/reliability-backend/migrations). This module writes
// them directly because the push API only accepts the last week and Alertmanager cannot send
// acknowledgements; it is the example's, not the plugin's, so it may know the schema.
const MINUTES = 'reliability_sli_buckets';
const HOURS = 'reliability_sli_hour_buckets';
const ALERTS = 'reliability_alerts';
/** Minutes newer than this are written as minutes, older as hours (the push minute retention). */
const MINUTE_SPAN_MS = 7 * DAY_MS;
const CHUNK = 200;

interface Span {
  first: number | undefined;
  end: number | undefined;
}

async function storedSpan(knex: Knex, sloId: string): Promise<Span> {
  const [minutes] = await knex(MINUTES)
    .where('slo_id', sloId)
    .min({ first: 'bucket_start' })
    .max({ last: 'bucket_start' });
  const [hours] = await knex(HOURS)
    .where('slo_id', sloId)
    .min({ first: 'bucket_start' })
    .max({ last: 'bucket_start' });
  const firsts = [minutes?.first, hours?.first]
    .filter(v => v !== null && v !== undefined)
    .map(Number);
  const ends = [
    minutes?.last === null || minutes?.last === undefined
      ? undefined
      : Number(minutes.last) + MINUTE_MS,
    hours?.last === null || hours?.last === undefined
      ? undefined
      : Number(hours.last) + HOUR_MS,
  ].filter((v): v is number => v !== undefined);
  return {
    first: firsts.length ? Math.min(...firsts) : undefined,
    end: ends.length ? Math.max(...ends) : undefined,
  };
}

async function insertIgnoring(
  knex: Knex,
  table: string,
  rows: Array<Record<string, unknown>>,
  key: string | string[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await knex.transaction(async tx => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx(table)
        .insert(rows.slice(i, i + CHUNK))
        .onConflict(key as string[])
        .ignore();
    }
  });
}

/**
 * Writes what is missing of one SLO's demo data up to `nowMs`: on an empty store, hours for the
 * older part of the demo history and minutes for the last week; later, only the minutes since the
 * last stored one, so the SLO stays live. The anchor (where the incidents sit) is the first
 * start, recovered from the earliest stored bucket, so restarts do not move the incidents.
 */
async function seedSli(
  knex: Knex,
  slo: DemoSlo,
  stream: number,
  nowMs: number,
): Promise<number> {
  const nowMinute = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  const span = await storedSpan(knex, slo.sloId);
  // The demo history starts exactly DEMO_HISTORY_MS before the anchor, so the anchor is known
  // from the earliest stored bucket on every later start.
  const anchor =
    span.first === undefined
      ? Math.floor(nowMinute / HOUR_MS) * HOUR_MS
      : span.first + DEMO_HISTORY_MS;
  const rows = (t: number, v: { good: number; total: number }) => ({
    slo_id: slo.sloId,
    bucket_start: t,
    good: v.good,
    total: v.total,
  });

  if (span.end === undefined) {
    const minutesFrom =
      Math.floor((nowMinute - MINUTE_SPAN_MS) / HOUR_MS) * HOUR_MS;
    const hours = [];
    for (let t = anchor - DEMO_HISTORY_MS; t < minutesFrom; t += HOUR_MS) {
      hours.push(rows(t, demoHour(slo, t, anchor, stream)));
    }
    await insertIgnoring(knex, HOURS, hours, ['slo_id', 'bucket_start']);
    span.end = minutesFrom;
  }
  const minutes = [];
  for (let t = span.end; t < nowMinute; t += MINUTE_MS) {
    minutes.push(rows(t, demoMinute(slo, t, anchor, stream)));
  }
  await insertIgnoring(knex, MINUTES, minutes, ['slo_id', 'bucket_start']);
  return minutes.length;
}

/** The plugin's alert id: a hash of source and external id (see its AlertStore). */
function alertId(source: string, externalId: string): string {
  return createHash('sha256')
    .update(`${source}\u0000${externalId}`)
    .digest('hex')
    .slice(0, 32);
}

/** The demo alerts of the last 30 days that have resolved by `nowMs`; known ones are kept. */
async function seedAlerts(knex: Knex, nowMs: number): Promise<void> {
  const today = Math.floor(nowMs / DAY_MS);
  const rows = [];
  for (let day = today - 30; day <= today; day++) {
    for (const alert of demoAlertsOfDay(day)) {
      if (alert.resolvedAt === null || alert.resolvedAt > nowMs) {
        continue;
      }
      rows.push({
        id: alertId(DEMO_ALERT_SOURCE, alert.externalId),
        source: DEMO_ALERT_SOURCE,
        external_id: alert.externalId,
        entity_ref: alert.entityRef,
        alert_name: alert.alertName,
        fingerprint: `demo-${alert.entityRef}-${alert.alertName}`,
        summary: alert.summary,
        urgency: alert.urgency,
        status: 'resolved',
        triggered_at: alert.triggeredAt,
        acknowledged_at: alert.acknowledgedAt,
        acknowledged_by: alert.acknowledgedBy,
        resolved_at: alert.resolvedAt,
        resolved_by: alert.acknowledgedBy,
        responder: alert.responder,
        url: null,
        runbook_url: null,
        actionable: null,
        triaged_by: null,
        triaged_at: null,
        deliveries: 1,
        updated_at: alert.resolvedAt,
      });
    }
  }
  await insertIgnoring(knex, ALERTS, rows, 'id');
}

/**
 * Seeds and then keeps up the example's demo data in one go: every pushed SLO of the example
 * catalog and a month of alerts. Idempotent: what is stored is never rewritten.
 */
export async function seedDemoData(
  knex: Knex,
  nowMs: number,
  logger?: LoggerService,
): Promise<void> {
  let minutes = 0;
  for (const [stream, slo] of DEMO_SLOS.entries()) {
    minutes += await seedSli(knex, slo, stream + 1, nowMs);
  }
  await seedAlerts(knex, nowMs);
  if (minutes > 60) {
    logger?.info(
      `Seeded DEMO data: ${minutes} minute buckets for ${DEMO_SLOS.length} example SLOs and a month of example alerts (set RELIABILITY_DEMO_DATA=false to start empty)`,
    );
  }
}

/** `example.demoData`: on unless set to false (`RELIABILITY_DEMO_DATA=false`). */
export function isDemoDataEnabled(value: unknown): boolean {
  return !(value === false || value === 'false' || value === '0');
}

/**
 * The example app's demo data, so that the first `./dev start` shows live budgets, charts and
 * alert quality without any other command. Kept out of the plugin: a real installation starts
 * with its own data. Seeds once the plugin's migrations have run (a startup hook), then adds the
 * new minute every minute.
 */
export const reliabilityDemoDataModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'example-demo-data',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ config, database, lifecycle, logger, scheduler }) {
        if (!isDemoDataEnabled(config.getOptional('example.demoData'))) {
          logger.info('Demo data is off (example.demoData is false)');
          return;
        }
        lifecycle.addStartupHook(async () => {
          const knex = await database.getClient();
          try {
            await seedDemoData(knex, Date.now(), logger);
          } catch (error) {
            // The app works without demo data; say why it is missing rather than not starting.
            logger.warn(`Could not seed the demo data: ${error}`);
          }
          await scheduler.scheduleTask({
            id: 'reliability-example-demo-data',
            frequency: { minutes: 1 },
            timeout: { minutes: 1 },
            fn: async () => seedDemoData(knex, Date.now(), logger),
          });
        });
      },
    });
  },
});
