import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { SloChangeProcessor } from '../catalog/SloChangeProcessor';

/**
 * A catalog module: when an entity's SLO annotations, tier, owner or location change, it asks the
 * Reliability plugin (`POST /entities/{kind}/{namespace}/{name}/refresh`) to re-read its SLO files
 * right away.
 *
 * @public
 */
export const catalogModuleReliabilitySloRefresh = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'reliability-slo-refresh',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ auth, discovery, logger, processing }) {
        processing.addProcessor(
          new SloChangeProcessor({
            logger,
            notify: async entityRef => {
              const [kind, rest] = entityRef.split(':', 2);
              const [namespace, name] = rest.split('/', 2);
              const { token } = await auth.getPluginRequestToken({
                onBehalfOf: await auth.getOwnServiceCredentials(),
                targetPluginId: 'reliability',
              });
              const baseUrl = await discovery.getBaseUrl('reliability');
              const res = await fetch(
                `${baseUrl}/entities/${[kind, namespace, name]
                  .map(encodeURIComponent)
                  .join('/')}/refresh`,
                {
                  method: 'POST',
                  headers: { authorization: `Bearer ${token}` },
                },
              );
              if (!res.ok) {
                throw await ResponseError.fromResponse(res);
              }
            },
          }),
        );
      },
    });
  },
});
