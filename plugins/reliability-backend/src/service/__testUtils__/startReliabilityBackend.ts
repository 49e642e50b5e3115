import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import knexFactory, { Knex } from 'knex';
import reliabilityFeatures from '../../index';

/** The Alertmanager webhook token the test backends are configured with. */
export const WEBHOOK_TOKEN = 'route-security-webhook-token';

/** The token of Flagger's webhook the test backends are configured with. */
export const FLAGGER_TOKEN = 'route-security-flagger-token';

/** The one component the catalog holds, readable by every caller. */
export const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
};

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** The scorecard the test backends are configured with. */
export const readiness = {
  id: 'readiness',
  title: 'Production readiness',
  appliesTo: { kind: ['Component'] },
  levels: [
    { name: 'Bronze', checks: [{ check: 'owner-is-group' }] },
    { name: 'Silver', checks: [{ check: 'runbook-present' }] },
  ],
};

/** A running backend with the whole plugin, and the database it writes to. */
export interface ReliabilityTestBackend {
  backend: TestBackend;
  knex: Knex;
  /** Every row of every table of the plugin, to tell whether a request wrote anything. */
  snapshot(): Promise<Record<string, unknown[]>>;
  stop(): Promise<void>;
}

/**
 * Starts the whole plugin (`src/index.ts`: plugin and built-in modules) as an app would, with a
 * mock catalog, an in-memory SQLite database, the Alertmanager webhook enabled and one scorecard.
 * Requests without an Authorization header have no credentials; send
 * `mockCredentials.user.header()` to be a user. Permission decisions are all `permission`.
 */
export async function startReliabilityBackend(options: {
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}): Promise<ReliabilityTestBackend> {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const backend = await startTestBackend({
    features: [
      reliabilityFeatures,
      catalogServiceMock.factory({ entities: [checkout, payments] }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            alertmanager: { webhookToken: WEBHOOK_TOKEN },
            release: { flagger: { webhookToken: FLAGGER_TOKEN } },
            scorecards: [readiness],
          },
        },
      }),
      mockServices.permissions.factory({ result: options.permission }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return {
    backend,
    knex,
    async snapshot() {
      const tables: Array<{ name: string }> = await knex('sqlite_master')
        .where({ type: 'table' })
        .whereNot('name', 'like', 'sqlite_%')
        .select('name')
        .orderBy('name');
      const rows: Record<string, unknown[]> = {};
      for (const { name } of tables) {
        rows[name] = await knex(name).select();
      }
      return rows;
    },
    async stop() {
      await backend.stop();
      await knex.destroy();
    },
  };
}
