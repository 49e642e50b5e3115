import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilitySliSourcesExtensionPoint } from '@reliability/backstage-plugin-node';
import { DatabaseSliBucketStore } from '../database/SliBucketStore';
import {
  PushSliSource,
  readPushOptions,
  SliBucketRollUp,
} from '../sources/push';

/**
 * The embedded default SLI source: counts pushed to `POST /slos/{sloId}/events`, kept in the
 * plugin database and rolled up from minutes to hours on a schedule. Registers through the
 * extension point like any third-party source.
 *
 * @public
 */
export const reliabilityPushSliSourceModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'push-sli-source',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        sliSources: reliabilitySliSourcesExtensionPoint,
      },
      async init({ database, config, logger, scheduler, sliSources }) {
        const store = DatabaseSliBucketStore.create({
          knex: await database.getClient(),
        });
        sliSources.addSliSource(PushSliSource.create({ store }));
        await SliBucketRollUp.create({
          ...readPushOptions(config),
          store,
          logger,
        }).schedule(scheduler);
      },
    });
  },
});
