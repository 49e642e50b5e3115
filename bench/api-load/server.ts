/*
 * The backend under load: the catalog and the Reliability plugin on the example catalog, on an
 * in-memory SQLite, with a static token for the load generator. Started by ./index.ts as a
 * child process so that the load generator does not share its event loop.
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const port = Number(process.env.BENCH_PORT ?? 7017);

const backend = createBackend();
backend.add(
  mockServices.rootConfig.factory({
    data: {
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { port, host: '127.0.0.1' },
        database: { client: 'better-sqlite3', connection: ':memory:' },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: 'bench-token-0123456789', subject: 'bench' },
            },
          ],
        },
      },
      catalog: {
        rules: [
          {
            allow: ['Component', 'System', 'API', 'Group', 'User', 'Location'],
          },
        ],
        locations: [
          { type: 'file', target: resolve(root, 'examples/entities.yaml') },
          { type: 'file', target: resolve(root, 'examples/org.yaml') },
          {
            type: 'file',
            target: resolve(
              root,
              'examples/services/checkout/catalog-info.yaml',
            ),
          },
          {
            type: 'file',
            target: resolve(
              root,
              'examples/services/payments/catalog-info.yaml',
            ),
          },
        ],
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
backend.start();
