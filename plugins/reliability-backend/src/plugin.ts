import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { reliabilityPermissions } from '@reliability/backstage-plugin-common';
import { reliabilitySliSourcesExtensionPoint } from '@reliability/backstage-plugin-node';
import { applyDatabaseMigrations } from './database/migrations';
import { DatabaseSliBucketStore } from './database/SliBucketStore';
import { createReliabilityServices } from './evaluation';
import { createRouter } from './service/router';
import { SliSourceRegistry } from './service/SliSourceRegistry';
import { readPushOptions, SliEventIngestor } from './sources/push';

/**
 * The Reliability backend plugin: reads the SLO files catalog entities point at, evaluates their
 * error budgets on a schedule and serves them under `/api/reliability`. SLI sources come from
 * modules through `reliabilitySliSourcesExtensionPoint`; the package's default export adds the
 * built-in ones.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const sliSources = new SliSourceRegistry();
    env.registerExtensionPoint(reliabilitySliSourcesExtensionPoint, sliSources);

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init(deps) {
        const { config, database, httpRouter, permissionsRegistry } = deps;
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(knex);
        }
        permissionsRegistry.addPermissions(reliabilityPermissions);

        const reliability = await createReliabilityServices({
          knex,
          scheduler: deps.scheduler,
          urlReader: deps.urlReader,
          catalog: deps.catalog,
          auth: deps.auth,
          config,
          logger: deps.logger,
          sliSources,
        });
        const events = SliEventIngestor.create({
          store: DatabaseSliBucketStore.create({ knex }),
          slos: reliability.definitions,
          minuteRetentionMs: readPushOptions(config).minuteRetentionMs,
        });

        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            logger: deps.logger,
            slos: reliability.service,
            events,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
