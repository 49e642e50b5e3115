/*
 * bench/scale: the scorecard service end to end at 10,000 and 100,000 entities, on SQLite (a
 * file) and on PostgreSQL (a fresh database on BENCH_PG_URL, dropped afterwards).
 *
 * - Wiring: the plugin's services over the bench's database, as `plugin.ts` wires them: the SLO
 *   services of `createReliabilityServices` (push SLI source), `DefaultOnCallService` with the
 *   rotation provider (rotation files beside the groups, read from disk), `DefaultRunbookService`
 *   on `DatabaseRunbookCheckStore`, `RunbookTreeService`, `AlertQualityService` on
 *   `DatabaseAlertStore`, and `DefaultScorecardService` with `ScorecardFactsCollector`, the
 *   scorecard store and the fact store. The catalog (components, their groups, people and
 *   systems) is served from memory; the scheduler keeps tasks without running them and the
 *   UrlReader refuses every URL, so nothing runs in the background or reaches the network.
 * - Seeding (not timed; its time and rows are printed): see `seed.ts`. SLO definitions saved as
 *   the catalog loader saves them, push SLI buckets and one cycle of the real evaluator for the
 *   snapshots, runbook links and their stored checks, and 30 days of alerts delivered to the
 *   Alertmanager receiver.
 * - Evaluation (timed): `evaluateAll` with one scorecard of 3 levels and 15 checks from config:
 *   facts collected from the stored data, checks evaluated, results, history and facts stored.
 *   Then the pass/fail/unknown count of each check; the bench fails when a check is unknown for
 *   every entity (its facts were not collected).
 * - Review API at the largest size: the real scorecard routes over HTTP (every result page of
 *   500, p50/p99; the owner, level and tier filters; the CSV), and one entity's stored read.
 *
 * Not measured here: the SLO evaluation cycle on stored push data at scale (bench/slo-cycle).
 *
 *   yarn bench:scale [--sizes 10000,100000] [--databases sqlite,postgres]
 */
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { ScmIntegrations } from '@backstage/integration';
import {
  builtInScorecardChecks,
  ScorecardCheckRegistry,
} from '../../plugins/reliability-common/src';
import { applyDatabaseMigrations } from '../../plugins/reliability-backend/src/database/migrations';
import {
  DatabaseScorecardStore,
  DefaultScorecardService,
  ScorecardFactsCollector,
} from '../../plugins/reliability-backend/src/scorecards';
import { AlertEntityResolver } from '../../plugins/reliability-backend/src/alerts/AlertEntityResolver';
import { AlertmanagerReceiver } from '../../plugins/reliability-backend/src/alerts/AlertmanagerReceiver';
import { AlertQualityService } from '../../plugins/reliability-backend/src/alerts/AlertQualityService';
import { DatabaseAlertStore } from '../../plugins/reliability-backend/src/alerts/AlertStore';
import { readAlertmanagerOptions } from '../../plugins/reliability-backend/src/alerts/config';
import { DefaultSloFileReader } from '../../plugins/reliability-backend/src/catalog/SloFileReader';
import { DatabaseRunbookWalkStore } from '../../plugins/reliability-backend/src/database/RunbookWalkStore';
import { DatabaseScorecardFactStore } from '../../plugins/reliability-backend/src/database/ScorecardFactStore';
import { DatabaseSliBucketStore } from '../../plugins/reliability-backend/src/database/SliBucketStore';
import { createReliabilityServices } from '../../plugins/reliability-backend/src/evaluation';
import { DatabaseOnCallAnswerStore } from '../../plugins/reliability-backend/src/oncall/OnCallAnswerStore';
import { DefaultOnCallService } from '../../plugins/reliability-backend/src/oncall/OnCallService';
import { RotationOnCallProvider } from '../../plugins/reliability-backend/src/providers/rotation/RotationOnCallProvider';
import {
  DatabaseRunbookCheckStore,
  DefaultRunbookService,
  RunbookTreeReader,
  RunbookTreeService,
} from '../../plugins/reliability-backend/src/runbooks';
import { PushSliSource } from '../../plugins/reliability-backend/src/sources/push/PushSliSource';
import { registerScorecardRoutes } from '../../plugins/reliability-backend/src/service/scorecardRoutes';
import { spec } from '../../plugins/reliability-backend/src/schema/openapi.generated';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  component,
  organisation,
  SeededRows,
  seedAlerts,
  seedRunbookChecks,
  seedSlos,
} from './seed';
import { syntheticFacts } from './syntheticFacts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
/**
 * `collected`: facts collected by the plugin's collector from seeded stores; `synthetic`: facts
 * made up per entity (no seeding), to measure evaluation, store and review API at 100,000.
 */
const FACTS = option('facts', 'collected');
if (FACTS !== 'collected' && FACTS !== 'synthetic') {
  throw new Error(`--facts is collected or synthetic, not ${FACTS}`);
}
const SIZES = option('sizes', FACTS === 'collected' ? '10000' : '10000,100000')
  .split(',')
  .map(Number);
const DATABASES = option('databases', 'sqlite,postgres').split(',');
const PG_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432';

const SCORECARD = {
  id: 'production-readiness',
  title: 'Production readiness',
  appliesTo: { kind: ['Component'] },
  levels: [
    {
      name: 'Bronze',
      checks: [
        { check: 'owner-is-group' },
        { check: 'description-present' },
        { check: 'tier-declared' },
        {
          check: 'entity-predicate',
          id: 'has-techdocs',
          params: {
            path: 'metadata.annotations.backstage.io/techdocs-ref',
            op: 'exists',
          },
        },
        {
          check: 'entity-predicate',
          id: 'known-type',
          params: {
            path: 'spec.type',
            op: 'in',
            value: ['service', 'website'],
          },
        },
      ],
    },
    {
      name: 'Silver',
      checks: [
        { check: 'oncall-resolves' },
        { check: 'oncall-min-people', params: { min: 3 } },
        { check: 'runbook-present' },
        { check: 'slo-defined' },
        {
          check: 'entity-predicate',
          id: 'cost-center',
          params: {
            path: 'metadata.labels.example.com/cost-center',
            op: 'matches',
            value: '^cc-[0-9]+$',
          },
        },
      ],
    },
    {
      name: 'Gold',
      checks: [
        { check: 'slo-met' },
        { check: 'error-budget-not-exhausted' },
        { check: 'runbook-fresh', params: { days: 90 } },
        { check: 'pages-per-shift-max', params: { max: 2 } },
        {
          check: 'entity-predicate',
          id: 'tagged-java',
          params: { path: 'metadata.tags', op: 'equals', value: 'java' },
        },
      ],
    },
  ],
};

/**
 * The catalog served from memory, so that the catalog's own cost stays out of the figures: by ref
 * in a Map, paged by name with the kind filter the scorecard service sends, and the few filters
 * the facts collector's services send to `getEntities`.
 */
function memoryCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(
    entities.map(e => [stringifyEntityRef(e).toLowerCase(), e]),
  );
  const sorted = [...entities].sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : 1,
  );
  const lower = (value: unknown) =>
    (Array.isArray(value) ? value : [value]).map(v => String(v).toLowerCase());
  /** The entities matching a filter of `kind`, `spec.profile.email` or one annotation. */
  const matching = (filter: Record<string, unknown> | undefined) => {
    let items = sorted;
    for (const [key, value] of Object.entries(filter ?? {})) {
      const wanted = new Set(lower(value));
      let field: (e: Entity) => unknown;
      if (key === 'kind') {
        field = e => e.kind;
      } else if (key === 'spec.profile.email') {
        field = e => (e.spec as any)?.profile?.email;
      } else if (key.startsWith('metadata.annotations.')) {
        const annotation = key.slice('metadata.annotations.'.length);
        field = e => e.metadata.annotations?.[annotation];
      } else {
        throw new Error(`the bench's memory catalog cannot filter on ${key}`);
      }
      items = items.filter(e => {
        const v = field(e);
        return v !== undefined && wanted.has(String(v).toLowerCase());
      });
    }
    return items;
  };
  const catalog = {
    async getEntityByRef(ref: string) {
      return byRef.get(ref.toLowerCase());
    },
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      return {
        items: request.entityRefs.map(ref => byRef.get(ref.toLowerCase())),
      };
    },
    async getEntities(request: {
      filter?: Record<string, unknown>;
      limit?: number;
    }) {
      return { items: matching(request.filter).slice(0, request.limit) };
    },
    async queryEntities(request: {
      filter?: Record<string, unknown>;
      cursor?: string;
      limit?: number;
    }) {
      // The cursor carries the filter, as the catalog's does.
      const { filter, offset } = request.cursor
        ? JSON.parse(request.cursor)
        : { filter: request.filter, offset: 0 };
      const all = matching(filter);
      const limit = request.limit ?? 1000;
      const items = all.slice(offset, offset + limit);
      const next = offset + limit;
      return {
        items,
        totalItems: all.length,
        pageInfo:
          next < all.length
            ? { nextCursor: JSON.stringify({ filter, offset: next }) }
            : {},
      };
    },
  };
  return catalog as unknown as CatalogService;
}

/** Keeps the tasks it is given and never runs them: the bench runs what it measures itself. */
const recordingScheduler = {
  async scheduleTask() {},
  async triggerTask() {},
  async getScheduledTasks() {
    return [];
  },
  createScheduledTaskRunner() {
    return { run: async () => {} };
  },
} as unknown as SchedulerService;

/** The bench reaches no network: every file it reads is local (`file:` locations). */
const offlineUrlReader: UrlReaderService = {
  async readUrl(url: string) {
    throw new Error(`the bench reads no URL (${url})`);
  },
  async readTree(url: string) {
    throw new Error(`the bench reads no URL (${url})`);
  },
  async search(url: string) {
    throw new Error(`the bench reads no URL (${url})`);
  },
};

/**
 * The services of the plugin over `knex`, wired as `plugin.ts` wires them: the SLO services, the
 * rotation on-call provider (rotation files beside the groups), runbooks and runbook trees, alert
 * quality and the Alertmanager receiver, and the scorecard service with the real facts collector.
 */
async function wire(knex: Knex, catalog: CatalogService) {
  const synthetic = FACTS === 'synthetic';
  const config = new ConfigReader({
    reliability: { scorecards: [SCORECARD] },
  });
  const logger = mockServices.rootLogger({ level: 'warn' });
  const auth = mockServices.auth();
  const urlReader = offlineUrlReader;
  const scheduler = recordingScheduler;
  const buckets = DatabaseSliBucketStore.create({ knex });
  const reliability = await createReliabilityServices({
    knex,
    scheduler,
    urlReader,
    catalog,
    auth,
    config,
    logger,
    // The push source, as the built-in push module adds it.
    sliSources: { list: () => [PushSliSource.create({ store: buckets })] },
  });
  const integrations = ScmIntegrations.fromConfig(config);
  const onCall = DefaultOnCallService.create({
    catalog,
    auth,
    logger,
    // As `reliabilityRotationOnCallModule` adds it.
    providers: [
      RotationOnCallProvider.create({
        reader: DefaultSloFileReader.create({ urlReader }),
        integrations,
      }),
    ],
    store: DatabaseOnCallAnswerStore.create({ knex }),
  });
  const loadEntity = async (
    entityRef: string,
    { credentials }: { credentials?: BackstageCredentials },
  ) =>
    (await catalog.getEntityByRef(entityRef, {
      credentials: credentials ?? (await auth.getOwnServiceCredentials()),
    })) ?? undefined;
  const loadSloDefinitions = async (entityRef: string) =>
    (await reliability.definitions.listEntitySlos(entityRef)).map(
      row => row.slo,
    );
  const runbookChecks = DatabaseRunbookCheckStore.create({ knex });
  const runbooks = DefaultRunbookService.create({
    store: runbookChecks,
    urlReader,
    config,
    logger,
    loadEntity,
    loadSloDefinitions,
  });
  const runbookTrees = RunbookTreeService.create({
    reader: RunbookTreeReader.create({
      fileReader: DefaultSloFileReader.create({ urlReader }),
      integrations,
    }),
    store: DatabaseRunbookWalkStore.create({ knex }),
    loadEntity,
    loadSloDefinitions,
  });
  const alerts = DatabaseAlertStore.create({ knex });
  const alertQuality = AlertQualityService.create({
    store: alerts,
    onCall,
    catalog,
    auth,
    // No alert source module continues another here.
    continuedSources: () => new Map(),
  });
  const alertmanagerOptions = readAlertmanagerOptions(config);
  const receiver = AlertmanagerReceiver.create({
    store: alerts,
    resolver: AlertEntityResolver.create({
      catalog,
      auth,
      entityLabel: alertmanagerOptions.entityLabel,
      matchers: alertmanagerOptions.matchers,
    }),
    urgencyRules: alertmanagerOptions.urgencyRules,
  });
  const collector = ScorecardFactsCollector.create({
    catalog,
    auth,
    logger,
    slos: reliability.service,
    onCall,
    runbooks,
    alertQuality,
    runbookTrees,
    pagedAlertNames: async (entityRef, period) =>
      (await alertQuality.listEntityAlerts(entityRef, period, 5000)).flatMap(
        alert =>
          alert.urgency === 'high' && alert.alertName ? [alert.alertName] : [],
      ),
  });
  // What the collector returned, summed: the facts the evaluation worked on.
  const collected = {
    entities: 0,
    slos: 0,
    pages: 0,
    runbooks: 0,
    onCallResolved: 0,
    missingAreas: 0,
  };
  const store = DatabaseScorecardStore.create({ knex });
  const service = await DefaultScorecardService.create({
    config,
    logger,
    catalog,
    auth,
    store,
    checks: ScorecardCheckRegistry.create(builtInScorecardChecks),
    facts: {
      collectMany: async batch => {
        const facts = synthetic
          ? batch.map(e =>
              syntheticFacts(e, Number(e.metadata.name.split('-')[1])),
            )
          : await collector.collectMany(batch);
        for (const f of facts) {
          collected.entities += 1;
          collected.slos += f.slos?.slos.length ?? 0;
          collected.pages += f.alertQuality?.pages ?? 0;
          collected.runbooks += f.runbooks?.count ?? 0;
          collected.onCallResolved += f.onCall?.resolved ? 1 : 0;
          collected.missingAreas +=
            Number(!f.slos) +
            Number(!f.onCall) +
            Number(!f.runbooks) +
            Number(!f.alertQuality);
        }
        return facts;
      },
    },
    urlReader,
    factStore: DatabaseScorecardFactStore.create({ knex }),
  });
  return {
    service,
    store,
    collected,
    reliability,
    buckets,
    runbookChecks,
    integrations,
    receiver,
    loadSloDefinitions,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
/** Peak RSS of this process so far, in bytes. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

async function openDatabase(kind: string, name: string) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'reliability-bench-scale-'));
    const file = join(dir, 'scale.sqlite');
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
    return {
      knex,
      size: async () => statSync(file).size,
      close: async () => {
        await knex.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = knexFactory({ client: 'pg', connection: PG_URL });
  await admin.raw('DROP DATABASE IF EXISTS ??', [name]);
  await admin.raw('CREATE DATABASE ??', [name]);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString() });
  return {
    knex,
    size: async () =>
      Number(
        (await knex.raw('SELECT pg_database_size(current_database()) AS s'))
          .rows[0].s,
      ),
    close: async () => {
      await knex.destroy();
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      await admin.destroy();
    },
  };
}

async function count(knex: Knex, table: string): Promise<number> {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}

/** Serves the real scorecard routes over HTTP on a free port. */
async function serveRoutes(
  service: DefaultScorecardService,
  store: DatabaseScorecardStore,
  catalog: CatalogService,
) {
  const router = createValidatedOpenApiRouter(spec);
  router.use(express.json());
  registerScorecardRoutes(router, {
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user(),
    }),
    // Allows everything; the read check still asks the catalog per result page.
    permissions: mockServices.permissions(),
    catalog,
    scorecards: service,
    store,
  });
  const server = express()
    .use(router)
    .use(mockErrorHandler())
    .listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async get(path: string) {
      const start = process.hrtime.bigint();
      const res = await fetch(`${base}${path}`);
      const text = await res.text();
      if (res.status !== 200) {
        throw new Error(
          `GET ${path} answered ${res.status}: ${text.slice(0, 300)}`,
        );
      }
      return { ms: ms(start), text };
    },
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

async function reviewApi(
  http: Awaited<ReturnType<typeof serveRoutes>>,
  size: number,
) {
  const pages: number[] = [];
  let cursor: string | null = null;
  let rows = 0;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const { ms: took, text } = await http.get(
      `/scorecards/results?scorecard=${SCORECARD.id}&limit=500${query}`,
    );
    const body = JSON.parse(text);
    rows += body.items.length;
    cursor = body.nextCursor;
    pages.push(took);
  } while (cursor);
  pages.sort((a, b) => a - b);
  const filters: Record<string, number> = {};
  for (const [name, query] of [
    ['owner', `owner=${encodeURIComponent('group:default/team-7')}`],
    ['level', 'level=Silver'],
    ['tier', 'tier=2'],
  ]) {
    filters[name] = (
      await http.get(
        `/scorecards/results?scorecard=${SCORECARD.id}&limit=500&${query}`,
      )
    ).ms;
  }
  const csv = await http.get(
    `/scorecards/results.csv?scorecard=${SCORECARD.id}`,
  );
  const reads: number[] = [];
  for (let i = 0; i < 50; i++) {
    reads.push(
      (
        await http.get(
          `/entities/component/default/service-${(i * 997) % size}/scorecards`,
        )
      ).ms,
    );
  }
  reads.sort((a, b) => a - b);
  return { pages, rows, filters, csv, reads };
}

/** Pass, fail and unknown counts of every check over the stored results. */
async function checkOutcomes(store: DatabaseScorecardStore) {
  const counts = new Map<
    string,
    { pass: number; fail: number; unknown: number }
  >();
  for (const { result } of await store.listScorecardResults(SCORECARD.id)) {
    for (const check of result.checks) {
      const tally = counts.get(check.id) ?? { pass: 0, fail: 0, unknown: 0 };
      tally[check.checkStatus] += 1;
      counts.set(check.id, tally);
    }
  }
  return counts;
}

async function main() {
  const started = Date.now();
  const evaluations: string[] = [];
  for (const kind of DATABASES) {
    for (const size of SIZES) {
      const dir = mkdtempSync(
        join(tmpdir(), 'reliability-bench-scale-catalog-'),
      );
      const components = Array.from({ length: size }, (_, i) =>
        component(i, { dir }),
      );
      const catalog = memoryCatalog([...components, ...organisation({ dir })]);
      const db = await openDatabase(
        kind,
        `rel_bench_scale_${process.pid}_${size}`,
      );
      try {
        await applyDatabaseMigrations(db.knex);
        const wired = await wire(db.knex, catalog);
        const { service, store } = wired;

        if (FACTS === 'collected') {
          // Seeding, not timed in the evaluation.
          const seedStart = process.hrtime.bigint();
          const nowMs = Date.now();
          const rows: SeededRows = {
            sloEntities: 0,
            slos: 0,
            buckets: 0,
            runbookChecks: 0,
            alertDeliveries: 0,
            alerts: 0,
          };
          await seedSlos({
            components,
            definitions: wired.reliability.definitions,
            buckets: wired.buckets,
            nowMs,
            rows,
          });
          const cycleStart = process.hrtime.bigint();
          const cycle = await wired.reliability.evaluator.evaluateAll();
          const cycleSeconds = ms(cycleStart) / 1000;
          if (cycle.evaluated !== rows.slos) {
            throw new Error(
              `the SLO evaluation evaluated ${cycle.evaluated} of ${rows.slos} SLOs (${cycle.failed} failed)`,
            );
          }
          await seedRunbookChecks({
            components,
            store: wired.runbookChecks,
            integrations: wired.integrations,
            loadSlos: wired.loadSloDefinitions,
            nowMs,
            rows,
          });
          await seedAlerts({ size, receiver: wired.receiver, nowMs, rows });
          const snapshots = await count(db.knex, 'reliability_slo_evaluations');
          console.log(
            `${kind} ${size} entities: seeded in ${(
              ms(seedStart) / 1000
            ).toFixed(1)} s: ${rows.slos} SLOs of ${
              rows.sloEntities
            } entities, ${
              rows.buckets
            } SLI buckets, ${snapshots} SLO snapshots (one evaluator cycle, ${cycleSeconds.toFixed(
              1,
            )} s), ${rows.runbookChecks} runbook checks, ${
              rows.alerts
            } alerts in ${
              rows.alertDeliveries
            } Alertmanager deliveries; database ${mb(
              await db.size(),
            )} MB, peak RSS ${mb(peakRss())} MB`,
          );
        }

        const start = process.hrtime.bigint();
        const summary = await service.evaluateAll();
        const seconds = ms(start) / 1000;
        if (summary.results !== size || summary.failedEntities) {
          throw new Error(
            `evaluated ${summary.results} of ${size} (${summary.failedEntities} failed)`,
          );
        }
        const results = await count(db.knex, 'reliability_scorecard_results');
        const history = await count(db.knex, 'reliability_scorecard_history');
        const factRows = await count(db.knex, 'reliability_scorecard_facts');
        const { collected } = wired;
        const line = `${kind} ${size} entities: ${
          FACTS === 'collected' ? 'facts collected' : 'synthetic facts'
        }, evaluated and stored in ${seconds.toFixed(1)} s (facts from ${
          collected.slos
        } SLOs, ${collected.pages} alerts, ${
          collected.runbooks
        } runbooks, on-call of ${collected.onCallResolved} entities, ${
          collected.missingAreas
        } areas not collected; ${results} results, ${history} history rows, ${factRows} fact rows, database ${mb(
          await db.size(),
        )} MB, peak RSS ${mb(peakRss())} MB)`;
        console.log(line);

        const outcomes = await checkOutcomes(store);
        console.log(
          `${kind} ${size} check outcomes pass/fail/unknown: ${[...outcomes]
            .map(([id, c]) => `${id} ${c.pass}/${c.fail}/${c.unknown}`)
            .join(', ')}`,
        );
        const neverKnown = [...outcomes]
          .filter(([, c]) => c.unknown === size)
          .map(([id]) => id);
        if (outcomes.size === 0 || neverKnown.length) {
          throw new Error(
            `checks answered "unknown" for every entity (their facts were not collected): ${
              neverKnown.join(', ') || 'no check results at all'
            }`,
          );
        }
        evaluations.push(
          `${kind} ${size} evaluated in ${seconds.toFixed(1)} s`,
        );
        if (size === Math.max(...SIZES)) {
          const http = await serveRoutes(service, store, catalog);
          try {
            const r = await reviewApi(http, size);
            const review = `${kind} review API at ${size}: ${
              r.pages.length
            } pages of 500 (${r.rows} rows) p50 ${percentile(
              r.pages,
              50,
            ).toFixed(0)} ms p99 ${percentile(r.pages, 99).toFixed(
              0,
            )} ms; filters owner ${r.filters.owner.toFixed(
              0,
            )} ms, level ${r.filters.level.toFixed(
              0,
            )} ms, tier ${r.filters.tier.toFixed(0)} ms; CSV ${(
              r.csv.ms / 1000
            ).toFixed(1)} s (${
              r.csv.text.split('\n').length - 2
            } rows); one entity's stored read p50 ${percentile(
              r.reads,
              50,
            ).toFixed(0)} ms p99 ${percentile(r.reads, 99).toFixed(
              0,
            )} ms; peak RSS ${mb(peakRss())} MB`;
            console.log(review);
          } finally {
            await http.close();
          }
        }
      } finally {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  console.log(
    `scale: scorecards of ${SIZES.join(' and ')} entities on ${DATABASES.join(
      ' and ',
    )} (${FACTS} facts) in ${((Date.now() - started) / 1000).toFixed(
      1,
    )} s, ${evaluations.join(', ')}`,
  );
}

main().catch(error => {
  console.error(`scale: failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
