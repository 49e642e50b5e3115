/*
 * bench/load: many concurrent clients against the Reliability API's main read routes (entity
 * SLOs, SLO list, on-call, runbooks, alert quality, scorecards) and the Alertmanager webhook
 * receiver, on one backend started as a child process, first on SQLite, then on PostgreSQL.
 * Each client sends its next request as soon as the previous one is answered, cycling through
 * the routes. Prints requests/s, p50/p99 and errors per route and per database; the last lines
 * are one summary per database:
 *
 *   load: <sqlite|postgres> 200 clients x 60 s in <seconds> s, <n> req/s, p50 <ms> ms, p99 <ms> ms, <n> errors
 *
 *   yarn bench:load
 *   LOAD_CLIENTS=50 LOAD_SECONDS=10 LOAD_DATABASES=sqlite yarn bench:load   (a quick run)
 *   LOAD_PG_URL=postgresql://postgres:postgres@127.0.0.1:5432 (the default)
 */
import knexFactory from 'knex';
import { Agent, request } from 'node:http';
import {
  BACKEND_PROCESS_TOKEN,
  BACKEND_PROCESS_WEBHOOK_TOKEN,
  BackendProcess,
  startBackendProcess,
} from '../../plugins/reliability-backend/src/__testUtils__/backendProcesses';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const WARM_UP_SECONDS = Number(process.env.LOAD_WARM_UP_SECONDS ?? 3);
const DATABASES = (process.env.LOAD_DATABASES ?? 'sqlite,postgres')
  .split(',')
  .map(d => d.trim())
  .filter(
    (d): d is 'sqlite' | 'postgres' => d === 'sqlite' || d === 'postgres',
  );
const PG_URL =
  process.env.LOAD_PG_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432';

interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: () => string;
}

/** A firing alert of one of 50 recurring fingerprints: new occurrences and re-deliveries mix. */
function alertmanagerPayload(): string {
  const n = Math.floor(Math.random() * 50);
  const startsAt = new Date(
    Math.floor(Date.now() / 600_000) * 600_000,
  ).toISOString();
  return JSON.stringify({
    version: '4',
    status: 'firing',
    receiver: 'backstage',
    groupLabels: {},
    commonLabels: { backstage_entity: 'component:default/checkout' },
    commonAnnotations: {},
    alerts: [
      {
        status: 'firing',
        labels: { alertname: `LoadAlert${n}`, severity: 'critical' },
        annotations: { summary: 'load bench' },
        startsAt,
        fingerprint: `load${n}`,
      },
    ],
  });
}

const API = '/api/reliability';
const ROUTES: Route[] = [
  ['entity SLOs', `${API}/entities/component/default/checkout/slos`],
  ['SLO list', `${API}/slos?limit=50`],
  ['on-call', `${API}/entities/component/default/checkout/oncall`],
  ['runbooks', `${API}/entities/component/default/checkout/runbooks`],
  [
    'alert quality',
    `${API}/alert-quality?owner=${encodeURIComponent(
      'group:default/payments',
    )}`,
  ],
  ['scorecards', `${API}/scorecards`],
].map(([name, path]) => ({
  name,
  method: 'GET' as const,
  path,
  token: BACKEND_PROCESS_TOKEN,
}));
ROUTES.push({
  name: 'alertmanager webhook',
  method: 'POST',
  path: `${API}/alerts/alertmanager`,
  token: BACKEND_PROCESS_WEBHOOK_TOKEN,
  body: alertmanagerPayload,
});

function send(
  agent: Agent,
  url: URL,
  route: Route,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = route.body?.();
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: route.path,
        method: route.method,
        agent,
        headers: {
          authorization: `Bearer ${route.token}`,
          ...(body
            ? {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
              }
            : {}),
        },
      },
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => {
          if (text.length < 500) text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface RouteStats {
  latenciesMs: number[];
  errors: number;
  firstError?: string;
}

async function load(backend: BackendProcess, seconds: number) {
  const url = new URL(backend.url);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const stats = new Map<string, RouteStats>(
    ROUTES.map(r => [r.name, { latenciesMs: [], errors: 0 }]),
  );
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; Date.now() < deadline; i++) {
        const route = ROUTES[i % ROUTES.length];
        const routeStats = stats.get(route.name)!;
        const start = process.hrtime.bigint();
        try {
          const { status, body } = await send(agent, url, route);
          if (status < 200 || status >= 300) {
            routeStats.errors += 1;
            routeStats.firstError ??= `${status} ${body.slice(0, 200)}`;
          }
        } catch (error) {
          routeStats.errors += 1;
          routeStats.firstError ??= String(error);
        }
        routeStats.latenciesMs.push(
          Number(process.hrtime.bigint() - start) / 1e6,
        );
      }
    }),
  );
  agent.destroy();
  return stats;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

const fmt = (n: number) => n.toFixed(1);

async function run(database: 'sqlite' | 'postgres'): Promise<string> {
  const prefix = `rel_load_${process.pid}_${Date.now().toString(36)}_`;
  const started = Date.now();
  const backend = await startBackendProcess({
    database,
    pgUrl: PG_URL,
    databasePrefix: prefix,
  });
  try {
    await load(backend, WARM_UP_SECONDS);
    const measuredFrom = Date.now();
    const stats = await load(backend, SECONDS);
    const measuredSeconds = (Date.now() - measuredFrom) / 1000;
    const all: number[] = [];
    let errors = 0;
    for (const [name, s] of stats) {
      const sorted = [...s.latenciesMs].sort((a, b) => a - b);
      all.push(...sorted);
      errors += s.errors;
      console.log(
        `  ${database} ${name}: ${sorted.length} requests, ${fmt(
          sorted.length / measuredSeconds,
        )} req/s, p50 ${fmt(percentile(sorted, 50))} ms, p99 ${fmt(
          percentile(sorted, 99),
        )} ms, ${s.errors} errors${
          s.firstError ? ` (first: ${s.firstError})` : ''
        }`,
      );
    }
    all.sort((a, b) => a - b);
    return `load: ${database} ${CLIENTS} clients x ${SECONDS} s in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s, ${(all.length / measuredSeconds).toFixed(
      0,
    )} req/s, p50 ${fmt(percentile(all, 50))} ms, p99 ${fmt(
      percentile(all, 99),
    )} ms, ${errors} errors`;
  } finally {
    await backend.stop();
    if (database === 'postgres') {
      const admin = knexFactory({ client: 'pg', connection: PG_URL });
      try {
        const { rows } = await admin.raw(
          'SELECT datname FROM pg_database WHERE datname LIKE ?',
          [`${prefix}%`],
        );
        for (const { datname } of rows) {
          await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
        }
      } finally {
        await admin.destroy();
      }
    }
  }
}

async function main() {
  const summaries: string[] = [];
  for (const database of DATABASES) {
    summaries.push(await run(database));
  }
  for (const summary of summaries) {
    console.log(summary);
  }
}

main().catch(error => {
  console.error(`load: failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
