/*
 * One backend as its own process: the catalog on the example catalog and the Reliability plugin
 * with its built-in modules, on SQLite in memory or on a PostgreSQL server, with a static token
 * for callers and an Alertmanager webhook token. Started with
 * `node -r @backstage/cli/config/nodeTransform.cjs` by `startBackendProcess` of
 * plugins/reliability-backend/src/__testUtils__/backendProcesses.ts: by this bench, and twice as
 * the replicas of the two-replica fault test. It lives here, beside bench/api-load/server.ts,
 * because it needs the catalog and permission backends, which the plugin package does not
 * depend on.
 *
 * Environment:
 *   RELIABILITY_PORT         port to listen on (loopback)
 *   RELIABILITY_DB           `sqlite` (default) or `postgres`
 *   RELIABILITY_PG_URL       PostgreSQL connection string, for `postgres`
 *   RELIABILITY_DB_PREFIX    database name prefix, so that a test owns its databases
 *   RELIABILITY_EVAL_SECONDS frequency of the SLO evaluation (default 60)
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { resolve } from 'node:path';
import {
  BACKEND_PROCESS_TOKEN,
  BACKEND_PROCESS_WEBHOOK_TOKEN,
} from '../../plugins/reliability-backend/src/__testUtils__/backendProcesses';

/**
 * Prefixes each line written to stdout with the epoch milliseconds it was written at, so that a
 * test reading two replicas' logs can order what they did without pipe delays in between.
 */
function timestampStdout() {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: any[]) =>
    write(
      String(chunk).replace(/^(?=.)/gm, `${Date.now()} `),
      ...rest,
    )) as typeof process.stdout.write;
}

function main() {
  timestampStdout();
  const root = resolve(__dirname, '../..');
  const port = Number(process.env.RELIABILITY_PORT ?? 7027);
  const evalSeconds = Number(process.env.RELIABILITY_EVAL_SECONDS ?? 60);
  const database =
    process.env.RELIABILITY_DB === 'postgres'
      ? {
          client: 'pg',
          connection: process.env.RELIABILITY_PG_URL,
          prefix: process.env.RELIABILITY_DB_PREFIX ?? 'backstage_plugin_',
        }
      : { client: 'better-sqlite3', connection: ':memory:' };
  const file = (path: string) => ({
    type: 'file',
    target: resolve(root, path),
  });

  const backend = createBackend();
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://127.0.0.1:${port}`,
          listen: { port, host: '127.0.0.1' },
          database,
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: BACKEND_PROCESS_TOKEN, subject: 'test' },
              },
            ],
          },
        },
        catalog: {
          rules: [
            {
              allow: [
                'Component',
                'System',
                'API',
                'Group',
                'User',
                'Location',
              ],
            },
          ],
          locations: [
            file('examples/entities.yaml'),
            file('examples/org.yaml'),
            file('examples/teams/payments/catalog-info.yaml'),
            file('examples/services/checkout/catalog-info.yaml'),
            file('examples/services/payments/catalog-info.yaml'),
            file('examples/services/status-page/catalog-info.yaml'),
          ],
        },
        reliability: {
          evaluation: { frequency: { seconds: evalSeconds } },
          catalog: { refreshFrequency: { seconds: 5 } },
          alertmanager: { webhookToken: BACKEND_PROCESS_WEBHOOK_TOKEN },
        },
      },
    }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    import('@backstage/plugin-permission-backend-module-allow-all-policy'),
  );
  backend.add(import('@reliability/backstage-plugin-backend'));
  backend.start().catch(error => {
    // A replica that cannot start must say why and exit, not hang.
    process.stderr.write(`backend failed to start: ${error?.stack ?? error}\n`);
    process.exit(1);
  });
}

if (require.main === module) {
  main();
}
