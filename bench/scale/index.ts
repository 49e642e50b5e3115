/*
 * bench/scale: the scorecard service end to end at 10,000 and 100,000 entities, on SQLite (a
 * file) and on PostgreSQL (a fresh database on BENCH_PG_URL, dropped afterwards).
 *
 * - Evaluation: `DefaultScorecardService.evaluateAll` with the real store, check registry and
 *   definitions (one scorecard, 3 levels, 15 checks, from config), paging a catalog served from
 *   memory; facts come from a synthetic source (the same for every run). Results and history
 *   are written to the database as in production.
 * - Review API at the largest size: the real scorecard routes over HTTP (every result page of
 *   500, p50/p99; the owner, level and tier filters; the CSV), and one entity's stored read.
 *
 * Not measured here yet: the facts collectors on stored SLO, on-call, runbook and alert data, and
 * the SLO evaluation cycle on stored push data.
 *
 *   yarn bench:scale [--sizes 10000,100000] [--databases sqlite,postgres]
 */
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  builtInScorecardChecks,
  entityBasicFacts,
  EntityFacts,
  ScorecardCheckRegistry,
} from '../../plugins/reliability-common/src';
import { applyDatabaseMigrations } from '../../plugins/reliability-backend/src/database/migrations';
import {
  DatabaseScorecardStore,
  DefaultScorecardService,
} from '../../plugins/reliability-backend/src/scorecards';
import { registerScorecardRoutes } from '../../plugins/reliability-backend/src/service/scorecardRoutes';
import { spec } from '../../plugins/reliability-backend/src/schema/openapi.generated';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = option('sizes', '10000,100000').split(',').map(Number);
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

/** The catalog entity `index`: a mix of complete and incomplete metadata. */
function entity(index: number) {
  const name = `service-${index}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description: index % 10 ? `The ${name}.` : '',
      annotations: {
        'reliability/tier': String(1 + (index % 4)),
        ...(index % 3 ? { 'backstage.io/techdocs-ref': 'dir:.' } : {}),
      },
      labels:
        index % 7 ? { 'example.com/cost-center': `cc-${index % 97}` } : {},
      tags: index % 2 ? ['java'] : ['go'],
    },
    spec: {
      type: ['service', 'website', 'library'][index % 3],
      lifecycle: 'production',
      owner: `group:default/team-${index % 400}`,
      system: `system-${index % 1000}`,
    },
  };
}

/** Facts of entity `index`, deterministic, so that every run stores the same results. */
function facts(e: ReturnType<typeof entity>, index: number): EntityFacts {
  const sloCount = index % 4;
  return {
    entity: entityBasicFacts(e as Entity, { ownerIsGroup: index % 20 !== 0 }),
    slos: {
      filesDeclared: sloCount > 0,
      fileProblemCount: 0,
      fileProblemMessages: [],
      slos: Array.from({ length: sloCount }, (_, slo) => ({
        id: `${e.metadata.name}-${slo}`,
        name: `SLO ${slo}`,
        objectiveMet: (index + slo) % 5 !== 0,
        budgetRemainingRatio: ((index * 7 + slo) % 100) / 100 - 0.05,
        policyDeclared: index % 2 === 0,
      })),
    },
    onCall: {
      resolved: index % 9 !== 0,
      source: 'pagerduty',
      live: true,
      people: index % 6,
    },
    runbooks: {
      count: index % 3,
      reachableCount: undefined,
      unreachable: [],
      newestUpdateAgeDays: index % 200,
      pagingAlertsWithoutRunbook: index % 2,
    },
    alertQuality: {
      pages: index % 40,
      pagesPerShift: (index % 5) * 0.75,
      actionableRatio: (index % 10) / 10,
    },
  };
}

/**
 * The catalog served from memory: the three calls the scorecard service and routes make, by ref
 * in a Map and paged by name, so that the catalog's own cost stays out of the figures.
 */
function memoryCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(
    entities.map(e => [
      `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase(),
      e,
    ]),
  );
  const sorted = [...entities].sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : 1,
  );
  const catalog = {
    async getEntityByRef(ref: string) {
      return byRef.get(ref.toLowerCase());
    },
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      return {
        items: request.entityRefs.map(ref => byRef.get(ref.toLowerCase())),
      };
    },
    async queryEntities(request: { cursor?: string; limit?: number }) {
      const offset = request.cursor ? Number(request.cursor) : 0;
      const limit = request.limit ?? 1000;
      const items = sorted.slice(offset, offset + limit);
      const next = offset + limit;
      return {
        items,
        totalItems: sorted.length,
        pageInfo: next < sorted.length ? { nextCursor: String(next) } : {},
      };
    },
  };
  return catalog as unknown as CatalogService;
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

async function main() {
  const started = Date.now();
  const evaluations: string[] = [];
  for (const kind of DATABASES) {
    for (const size of SIZES) {
      const entities = Array.from({ length: size }, (_, i) => entity(i));
      const factsByRef = new Map(
        entities.map((e, i) => [
          `component:default/${e.metadata.name}`,
          facts(e, i),
        ]),
      );
      const catalog = memoryCatalog(entities as Entity[]);
      const db = await openDatabase(
        kind,
        `rel_bench_scale_${process.pid}_${size}`,
      );
      try {
        await applyDatabaseMigrations(db.knex);
        const store = DatabaseScorecardStore.create({ knex: db.knex });
        const service = await DefaultScorecardService.create({
          config: new ConfigReader({
            reliability: { scorecards: [SCORECARD] },
          }),
          logger: mockServices.rootLogger({ level: 'warn' }),
          catalog,
          auth: mockServices.auth(),
          store,
          checks: ScorecardCheckRegistry.create(builtInScorecardChecks),
          facts: {
            collectMany: async batch =>
              batch.map(
                e => factsByRef.get(`component:default/${e.metadata.name}`)!,
              ),
          },
        });
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
        const line = `${kind} ${size} entities: evaluated and stored in ${seconds.toFixed(
          1,
        )} s (${results} results, ${history} history rows, database ${mb(
          await db.size(),
        )} MB, peak RSS ${mb(peakRss())} MB)`;
        console.log(line);
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
      }
    }
  }
  console.log(
    `scale: scorecards of ${SIZES.join(' and ')} entities on ${DATABASES.join(
      ' and ',
    )} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${evaluations.join(
      ', ',
    )}`,
  );
}

main().catch(error => {
  console.error(`scale: failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
