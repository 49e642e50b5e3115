import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilitySliSourcesExtensionPoint } from '@reliability/backstage-plugin-node';
import { PrometheusSliSource } from '../sources/prometheus';

/**
 * SLI data from Prometheus-compatible HTTP APIs named in `reliability.prometheus.instances`.
 * Without instances it still registers, so that Prometheus SLOs show "Prometheus is not
 * configured" instead of "no source".
 *
 * @public
 */
export const reliabilityPrometheusSliSourceModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'prometheus-sli-source',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sliSources: reliabilitySliSourcesExtensionPoint,
      },
      async init({ config, logger, sliSources }) {
        sliSources.addSliSource(
          PrometheusSliSource.fromConfig(config, { logger }),
        );
      },
    });
  },
});
