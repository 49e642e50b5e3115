import type { JsonObject } from '@backstage/config';
/*
 * bench/vs-tech-insights: Tech Insights (backend 3.x with the json-rules-engine fact checker)
 * and the Reliability scorecard service, in one process, on the same entities, facts and 15
 * checks, each on its own database of the same kind (SQLite file, or PostgreSQL with
 * `--database postgres`). See README.md for what is timed on each side and why it is fair.
 *
 *   yarn bench:vs-tech-insights [--sizes 1000,5000,10000] [--database sqlite|postgres]
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  DatabaseService,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  buildTechInsightsContext,
  createFactRetrieverRegistration,
} from '@backstage-community/plugin-tech-insights-backend';
import {
  JsonRuleBooleanCheckResult,
  JsonRulesEngineFactCheckerFactory,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import {
  builtInScorecardChecks,
  ScorecardCheckRegistry,
} from '../../plugins/reliability-common/src';
import { applyDatabaseMigrations } from '../../plugins/reliability-backend/src/database/migrations';
import {
  DatabaseScorecardStore,
  DefaultScorecardService,
} from '../../plugins/reliability-backend/src/scorecards';
import { mapWithConcurrency } from '../../plugins/reliability-backend/src/evaluation/mapWithConcurrency';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  benchEntity,
  CHECK_IDS,
  entityFacts,
  entityRefOf,
  SCORECARD,
  TECH_INSIGHTS_CHECKS,
  TECH_INSIGHTS_RETRIEVERS,
} from './workload';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = option('sizes', process.env.BENCH_SIZES ?? '1000,5000,10000')
  .split(',')
  .map(Number);
const DATABASE = option('database', process.env.BENCH_DATABASE ?? 'sqlite');
const PG_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432';
/** What `techInsights.checksRunConcurrency` defaults to in the bulk `/checks/run` route. */
const TECH_INSIGHTS_CHECKS_CONCURRENCY = 100;

if (!['sqlite', 'postgres'].includes(DATABASE)) {
  throw new Error(
    `--database must be sqlite or postgres, not "${DATABASE}" (PostgreSQL is reached at BENCH_PG_URL)`,
  );
}
if (SIZES.some(size => !Number.isInteger(size) || size < 1)) {
  throw new Error(
    `--sizes must be positive integers separated by commas, e.g. 1000,10000`,
  );
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const seconds = (millis: number) => (millis / 1000).toFixed(2);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

interface BenchDatabase {
  knex: Knex;
  size(): Promise<number>;
  close(): Promise<void>;
}

/** A fresh database of the kind asked for: a SQLite file, or a PostgreSQL database dropped after. */
async function openDatabase(name: string): Promise<BenchDatabase> {
  if (DATABASE === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'reliability-bench-vs-ti-'));
    const file = join(dir, `${name}.sqlite`);
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

/**
 * The catalog served from memory, paged by name as the catalog does, so that the catalog's own
 * cost stays out of both sides' figures.
 */
function memoryCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(entities.map(e => [entityRefOf(e), e]));
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
      const items = entities.slice(offset, offset + limit);
      const next = offset + limit;
      return {
        items,
        totalItems: entities.length,
        pageInfo: next < entities.length ? { nextCursor: String(next) } : {},
      };
    },
  };
  return catalog as unknown as CatalogService;
}

/**
 * A scheduler that keeps the tasks it is given and runs one when asked, awaiting it, so that a
 * task's work can be timed from start to end. Both plugins register their work as tasks.
 */
function manualScheduler() {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const scheduler: SchedulerService = {
    async scheduleTask(task) {
      tasks.set(task.id, task);
    },
    async cancelTask(id) {
      tasks.delete(id);
    },
    async triggerTask(id) {
      await tasks.get(id)?.fn(new AbortController().signal);
    },
    createScheduledTaskRunner() {
      return {
        run: async (task: SchedulerServiceTaskInvocationDefinition) => {
          tasks.set(task.id, task);
        },
      };
    },
    async getScheduledTasks() {
      return [...tasks.keys()].map(id => ({
        id,
        scope: 'global' as const,
        settings: { version: 1 },
      }));
    },
  };
  return {
    scheduler,
    taskIds: () => [...tasks.keys()],
    run: async (id: string) => {
      const task = tasks.get(id);
      if (!task) {
        throw new Error(`no task ${id} was scheduled`);
      }
      await task.fn(new AbortController().signal);
    },
  };
}

interface SideResult {
  millis: number;
  /** Per entity ref, per check id: passed or not. */
  answers: Map<string, Map<string, boolean>>;
  detail: string;
}

async function runOurs(
  size: number,
  entities: Entity[],
  catalog: CatalogService,
): Promise<SideResult> {
  const factsByRef = new Map(
    entities.map((e, i) => [entityRefOf(e), entityFacts(e, i)]),
  );
  const db = await openDatabase(`rel_bench_vsti_ours_${process.pid}_${size}`);
  try {
    await applyDatabaseMigrations(db.knex);
    const store = DatabaseScorecardStore.create({ knex: db.knex });
    const service = await DefaultScorecardService.create({
      config: new ConfigReader({
        reliability: { scorecards: [SCORECARD] },
      } as unknown as JsonObject),
      logger: mockServices.rootLogger({ level: 'warn' }),
      catalog,
      auth: mockServices.auth(),
      store,
      checks: ScorecardCheckRegistry.create(builtInScorecardChecks),
      facts: {
        collectMany: async batch =>
          batch.map(entity => factsByRef.get(entityRefOf(entity))!),
      },
    });
    const start = process.hrtime.bigint();
    const summary = await service.evaluateAll();
    const millis = ms(start);
    if (summary.results !== size || summary.failedEntities) {
      throw new Error(
        `ours evaluated ${summary.results} of ${size} (${summary.failedEntities} failed)`,
      );
    }
    const answers = new Map<string, Map<string, boolean>>();
    for (const { result } of await store.listScorecardResults(SCORECARD.id)) {
      answers.set(
        result.entityRef,
        new Map(
          result.checks.map(check => {
            if (check.checkStatus !== 'pass' && check.checkStatus !== 'fail') {
              throw new Error(
                `ours answered ${check.checkStatus} for ${check.id} of ${result.entityRef}: ${check.message}`,
              );
            }
            return [check.id, check.checkStatus === 'pass'];
          }),
        ),
      );
    }
    const [{ history }] = await db
      .knex('reliability_scorecard_history')
      .count({ history: '*' });
    return {
      millis,
      answers,
      detail: `${
        answers.size
      } results and ${history} history rows stored, database ${mb(
        await db.size(),
      )} MB`,
    };
  } finally {
    await db.close();
  }
}

async function runTechInsights(
  size: number,
  entities: Entity[],
  catalog: CatalogService,
): Promise<SideResult> {
  const factsByRef = new Map(
    entities.map((e, i) => [entityRefOf(e), entityFacts(e, i)]),
  );
  const db = await openDatabase(`rel_bench_vsti_ti_${process.pid}_${size}`);
  try {
    const logger = mockServices.rootLogger({ level: 'warn' });
    const auth = mockServices.auth();
    const { scheduler, run } = manualScheduler();
    // The retrievers a Tech Insights user writes: page the catalog, make each entity's facts.
    const factRetrievers = TECH_INSIGHTS_RETRIEVERS.map(spec => {
      const retriever: FactRetriever = {
        id: spec.id,
        version: '0.1.0',
        entityFilter: [{ kind: 'component' }],
        schema: spec.schema,
        handler: async () => {
          const credentials = await auth.getOwnServiceCredentials();
          const facts = [];
          let cursor: string | undefined;
          do {
            const page = await catalog.queryEntities(
              cursor
                ? { cursor, limit: 1000 }
                : { filter: { kind: 'component' }, limit: 1000 },
              { credentials },
            );
            for (const entity of page.items) {
              facts.push({
                entity: {
                  namespace: entity.metadata.namespace ?? 'default',
                  kind: entity.kind,
                  name: entity.metadata.name,
                },
                facts: spec.facts(
                  factsByRef.get(entityRefOf(entity))!,
                  entity,
                ) as Record<string, any>,
              });
            }
            cursor = page.pageInfo.nextCursor;
          } while (cursor);
          return facts;
        },
      };
      return createFactRetrieverRegistration({
        cadence: '0 * * * *',
        factRetriever: retriever,
        lifecycle: { timeToLive: { days: 30 } },
      });
    });
    const database: DatabaseService = {
      getClient: async () => db.knex,
      migrations: { skip: false },
    };
    const context = await buildTechInsightsContext({
      factRetrievers,
      factCheckerFactory: new JsonRulesEngineFactCheckerFactory({
        checks: TECH_INSIGHTS_CHECKS,
        logger,
      }),
      config: new ConfigReader({}),
      discovery: mockServices.discovery(),
      database,
      logger,
      scheduler,
      auth,
      urlReader: {} as UrlReaderService,
    });
    const factChecker = context.factChecker!;
    const refs = entities.map(entityRefOf);

    const start = process.hrtime.bigint();
    // The retrievers are separate scheduled tasks, so they may run at the same time.
    await Promise.all(TECH_INSIGHTS_RETRIEVERS.map(spec => run(spec.id)));
    const factsMillis = ms(start);
    // As the bulk `POST /checks/run` route does, without its HTTP and JSON.
    const results = await mapWithConcurrency(
      refs,
      TECH_INSIGHTS_CHECKS_CONCURRENCY,
      ref =>
        factChecker.runChecks(ref) as Promise<JsonRuleBooleanCheckResult[]>,
    );
    const millis = ms(start);

    const answers = new Map<string, Map<string, boolean>>();
    refs.forEach((ref, i) => {
      answers.set(
        ref,
        new Map(results[i].map(result => [result.check.id, result.result])),
      );
    });
    const [{ facts }] = await db.knex('facts').count({ facts: '*' });
    return {
      millis,
      answers,
      detail: `facts retrieved and stored in ${seconds(
        factsMillis,
      )} s, checks run in ${seconds(
        millis - factsMillis,
      )} s; ${facts} fact rows stored, database ${mb(await db.size())} MB`,
    };
  } finally {
    await db.close();
  }
}

/** Every entity, every check: the same answer on both sides, or an error naming the first few. */
function compareAnswers(
  entities: Entity[],
  ours: SideResult,
  theirs: SideResult,
): number {
  const differences: string[] = [];
  let compared = 0;
  for (const entity of entities) {
    const ref = entityRefOf(entity);
    for (const checkId of CHECK_IDS) {
      const a = ours.answers.get(ref)?.get(checkId);
      const b = theirs.answers.get(ref)?.get(checkId);
      if (a === undefined || b === undefined || a !== b) {
        differences.push(
          `${ref} ${checkId}: ours ${a ?? 'missing'}, tech-insights ${
            b ?? 'missing'
          }`,
        );
      }
      compared++;
    }
  }
  if (differences.length > 0) {
    throw new Error(
      `the two answer differently on ${
        differences.length
      } of ${compared} entity checks, e.g.\n  ${differences
        .slice(0, 10)
        .join('\n  ')}`,
    );
  }
  return compared;
}

async function main() {
  let last = '';
  for (const size of SIZES) {
    const entities = Array.from({ length: size }, (_, i) => benchEntity(i));
    const catalog = memoryCatalog(entities);
    const ours = await runOurs(size, entities, catalog);
    const theirs = await runTechInsights(size, entities, catalog);
    const compared = compareAnswers(entities, ours, theirs);
    const passed = [...ours.answers.values()].reduce(
      (n, checks) => n + [...checks.values()].filter(Boolean).length,
      0,
    );
    const ratio = theirs.millis / ours.millis;
    console.log(
      `${DATABASE} ${size} entities x ${
        CHECK_IDS.length
      } checks: ours ${seconds(ours.millis)} s (${
        ours.detail
      }); tech-insights ${seconds(theirs.millis)} s (${
        theirs.detail
      }); same answer on all ${compared} entity checks (${passed} pass); ratio ${ratio.toFixed(
        1,
      )}`,
    );
    last = `vs-tech-insights: ${size} entities, ours ${seconds(
      ours.millis,
    )} s, tech-insights ${seconds(theirs.millis)} s, ratio ${ratio.toFixed(1)}`;
  }
  console.log(last);
}

main().catch(error => {
  console.error(`vs-tech-insights: failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
