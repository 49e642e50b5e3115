/**
 * Benchmark of the scorecard dry run: the example scorecard of app-config.yaml, sent as YAML
 * text as the review page sends it, tried on the stored facts of 10,000 entities in a real SQLite
 * database (a file, as a deployment without PostgreSQL keeps it). Timed: the whole
 * `ScorecardService.dryRun` (parse and validate the draft, read and decode every entity's facts,
 * read the exemptions in force, evaluate, summarize). Not timed: generating and storing the facts.
 *
 * Run from the repository root: `yarn bench:scorecard-dry-run`. Goal: under 2 s.
 */
import { ConfigReader } from '@backstage/config';
import {
  builtInScorecardChecks,
  entityBasicFacts,
  EntityFacts,
  ScorecardCheckRegistry,
} from '@reliability/backstage-plugin-common';
import knexFactory from 'knex';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { applyDatabaseMigrations } from '../../plugins/reliability-backend/src/database/migrations';
import { DatabaseScorecardFactStore } from '../../plugins/reliability-backend/src/database/ScorecardFactStore';
import {
  DatabaseScorecardStore,
  DefaultScorecardService,
} from '../../plugins/reliability-backend/src/scorecards';

const SIZE = 10_000;
const GOAL_SECONDS = 2;

/** mulberry32: seedable, so that every run sees the same catalog. */
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

/** Entity `index`: complete, partial and missing facts, so that every level is reached. */
function entityFacts(index: number, next: () => number): EntityFacts {
  const name = `service-${index}`;
  const annotations: Record<string, string> = {};
  if (next() < 0.8) annotations['reliability/tier'] = String(1 + (index % 4));
  if (next() < 0.8) annotations['reliability/slos'] = 'slos.yaml';
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: index % 10 === 0 ? 'API' : 'Component',
    metadata: {
      name,
      namespace: 'default',
      description: next() < 0.9 ? `The ${name}.` : undefined,
      annotations,
      links:
        next() < 0.6
          ? [
              {
                url: `https://grafana.example.com/d/${name}`,
                type: 'dashboard',
              },
            ]
          : [],
    },
    spec: {
      type: 'service',
      lifecycle: next() < 0.7 ? 'production' : 'experimental',
      owner: `group:default/team-${index % 400}`,
      system: `system-${index % 1000}`,
    },
  };
  const slos = annotations['reliability/slos'] ? 1 + (index % 3) : 0;
  return {
    entity: entityBasicFacts(entity, { ownerIsGroup: next() < 0.95 }),
    slos: {
      filesDeclared: slos > 0,
      fileProblemCount: next() < 0.05 ? 1 : 0,
      fileProblemMessages: [],
      slos: Array.from({ length: slos }, (_, slo) => ({
        id: `${name}-${slo}`,
        name: `${name} SLO ${slo}`,
        objectiveMet: next() < 0.85,
        budgetRemainingRatio: next() - 0.1,
        policyDeclared: next() < 0.6,
      })),
    },
    onCall: {
      resolved: next() < 0.85,
      source: 'rotation',
      live: true,
      people: 3,
    },
    runbooks: {
      count: Math.floor(next() * 3),
      unreachable: [],
      newestUpdateAgeDays: Math.floor(next() * 365),
    },
  };
}

/** The example scorecard, as YAML text: `reliability.scorecards` of the root app-config.yaml. */
function exampleScorecardYaml(): string {
  const config = parseDocument(
    readFileSync(join(__dirname, '../../app-config.yaml'), 'utf8'),
  ).toJS() as { reliability: { scorecards: unknown[] } };
  return stringify({ scorecards: config.reliability.scorecards });
}

const silentLogger = {
  info: () => {},
  warn: () => {},
  debug: () => {},
  error: (message: string) => console.error(message),
  child: () => silentLogger,
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-dry-run-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'reliability.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await applyDatabaseMigrations(knex);
    const factStore = DatabaseScorecardFactStore.create({ knex });
    const next = random(SIZE);
    const facts = Array.from({ length: SIZE }, (_, i) => entityFacts(i, next));
    for (let i = 0; i < facts.length; i += 1000) {
      await factStore.writeFacts(facts.slice(i, i + 1000), Date.now());
    }
    const service = await DefaultScorecardService.create({
      config: new ConfigReader({}),
      logger: silentLogger,
      // The dry run asks neither the catalog nor auth: it reads the stored facts only.
      catalog: {} as never,
      auth: {} as never,
      store: DatabaseScorecardStore.create({ knex }),
      facts: { collectMany: async () => [] },
      checks: ScorecardCheckRegistry.create(builtInScorecardChecks),
      factStore,
    });
    const yaml = exampleScorecardYaml();

    const start = process.hrtime.bigint();
    const run = await service.dryRun({ yaml });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const peakMb = process.resourceUsage().maxRSS / 1024;

    if (!run.summaries.length || run.entitiesWithFacts !== SIZE) {
      throw new Error(
        `the dry run did not see the catalog: ${JSON.stringify(run.problems)}`,
      );
    }
    const [summary] = run.summaries;
    const [worst] = summary.checks;
    console.error(
      `  ${summary.entities} entities in scope, ${summary.notApplicable} outside appliesTo; goal < ${GOAL_SECONDS} s`,
    );
    console.log(
      `scorecard-dry-run: ${SIZE} entities in ${seconds.toFixed(
        3,
      )} s, levels ${summary.levels
        .map(level => `${level.name} ${level.entities}`)
        .join(' / ')} / none ${summary.noLevel}, most failed ${worst.id} (${
        worst.failed
      }), peak RSS ${peakMb.toFixed(0)} MB`,
    );
    if (seconds >= GOAL_SECONDS) {
      process.exitCode = 1;
    }
  } finally {
    await knex.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
