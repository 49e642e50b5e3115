/*
 * bench/api-load: 100 concurrent keep-alive connections for 30 s against the Reliability API's
 * `GET /entities/component/default/checkout/slos`, then the same against the catalog's
 * `GET /entities/by-name/component/default/checkout`, on one backend started as a child process,
 * in 15 alternating rounds of 2 s each (of the default 30 s). Each runs 3 s of unmeasured warm-up first. Prints p50/p99 of each and their ratio; the last
 * line is the summary the issue asks for.
 *
 *   yarn bench:api-load [--seconds 30] [--connections 100]
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SECONDS = option('seconds', 30);
const CONNECTIONS = option('connections', 100);
// BENCH_PORT moves the backend off 7017, e.g. beside a running `yarn start`.
const PORT = Number(process.env.BENCH_PORT ?? 7017);
const WARM_UP_SECONDS = 3;
const ROUNDS = 15;
const TOKEN = 'bench-token-0123456789';

interface LoadResult {
  latenciesMs: number[];
  errors: number;
}

function get(agent: Agent, path: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: PORT,
        path,
        agent,
        headers: { authorization: `Bearer ${TOKEN}` },
      },
      res => {
        res.resume();
        res.on('end', () => resolvePromise(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function load(
  agent: Agent,
  path: string,
  seconds: number,
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const start = process.hrtime.bigint();
        try {
          const status = await get(agent, path);
          if (status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        latenciesMs.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  return { latenciesMs, errors };
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function waitFor(path: string, timeoutMs: number) {
  const agent = new Agent();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await get(agent, path)) === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `backend did not answer 200 on ${path} within ${timeoutMs / 1000} s`,
  );
}

async function main() {
  const server = spawn(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      resolve(__dirname, 'server.ts'),
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, BENCH_PORT: String(PORT) },
    },
  );
  const started = Date.now();
  try {
    const slosPath =
      '/api/reliability/entities/component/default/checkout/slos';
    const catalogPath =
      '/api/catalog/entities/by-name/component/default/checkout';
    await waitFor(catalogPath, 120_000);
    await waitFor(slosPath, 60_000);
    // A short warm-up of each endpoint first (connections, caches, JIT), not measured.
    // One pool of keep-alive connections per endpoint for the whole run: rounds measure
    // requests, not connection set-up.
    const slosAgent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const catalogAgent = new Agent({
      keepAlive: true,
      maxSockets: CONNECTIONS,
    });
    await load(slosAgent, slosPath, WARM_UP_SECONDS);
    await load(catalogAgent, catalogPath, WARM_UP_SECONDS);
    // Alternating rounds, so that whatever else the machine does weighs on both alike.
    const reliability: LoadResult = { latenciesMs: [], errors: 0 };
    const catalog: LoadResult = { latenciesMs: [], errors: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [agent, path, into] of [
        [slosAgent, slosPath, reliability],
        [catalogAgent, catalogPath, catalog],
      ] as const) {
        const result = await load(agent, path, SECONDS / ROUNDS);
        into.latenciesMs.push(...result.latenciesMs);
        into.errors += result.errors;
      }
    }
    slosAgent.destroy();
    catalogAgent.destroy();
    const r = [...reliability.latenciesMs].sort((a, b) => a - b);
    const c = [...catalog.latenciesMs].sort((a, b) => a - b);
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      `reliability GET …/slos: ${r.length} requests, p50 ${fmt(
        percentile(r, 50),
      )} ms, p99 ${fmt(percentile(r, 99))} ms, ${(r.length / SECONDS).toFixed(
        0,
      )} req/s`,
    );
    console.log(
      `catalog GET …/by-name: ${c.length} requests, p50 ${fmt(
        percentile(c, 50),
      )} ms, p99 ${fmt(percentile(c, 99))} ms, ${(c.length / SECONDS).toFixed(
        0,
      )} req/s`,
    );
    const ratio = percentile(r, 99) / percentile(c, 99);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `api-load: p99 ${fmt(percentile(r, 99))} ms vs catalog ${fmt(
        percentile(c, 99),
      )} ms, ratio ${ratio.toFixed(2)}, errors ${
        reliability.errors + catalog.errors
      } in ${seconds} s`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch(error => {
  console.error(`api-load: failed: ${error.message}`);
  process.exitCode = 1;
});
