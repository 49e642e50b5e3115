import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilitySliSourcesExtensionPoint } from '@reliability/backstage-plugin-node';
import { DatabaseSliBucketStore } from '../database/SliBucketStore';
import { DatabaseSloDefinitionStore } from '../database/SloDefinitionStore';
import { SsrfGuard } from '../net';
import {
  DatabaseHttpProbeStatusStore,
  HttpProbeRunner,
  HttpProbeSliSource,
  readProbeTimeoutMs,
} from '../sources/probe';

/**
 * Synthetic HTTP probes declared by SLOs: runs them on a schedule, only against allow-listed,
 * non-private hosts, and serves their results as SLI data.
 *
 * @public
 */
export const reliabilityHttpProbeSliSourceModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'http-probe-sli-source',
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
        const knex = await database.getClient();
        const store = DatabaseSliBucketStore.create({ knex });
        const statuses = DatabaseHttpProbeStatusStore.create({ knex });
        sliSources.addSliSource(HttpProbeSliSource.create({ store, statuses }));
        await HttpProbeRunner.create({
          slos: DatabaseSloDefinitionStore.create({ knex }),
          store,
          statuses,
          guard: SsrfGuard.fromConfig(config),
          logger,
          timeoutMs: readProbeTimeoutMs(config),
        }).schedule(scheduler);
      },
    });
  },
});
