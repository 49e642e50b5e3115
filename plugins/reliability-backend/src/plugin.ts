import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { applyDatabaseMigrations } from './database/migrations';
import { reliabilitySliSourcesExtensionPoint } from '@reliability/backstage-plugin-node';
import { createRouter } from './service/router';
import { SliSourceRegistry } from './service/SliSourceRegistry';

/**
 * The Reliability backend plugin: SLOs, error budgets, on-call and scorecards for catalog entities.
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
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ database, httpAuth, httpRouter }) {
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(knex);
        }
        httpRouter.use(await createRouter({ httpAuth }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
