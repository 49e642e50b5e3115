import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createReliabilityGateCheckAction } from './actions/gateCheck';

/**
 * Adds the scaffolder action `reliability:gate:check`, which asks the Reliability backend's
 * release gate before a template deploys.
 *
 * @public
 */
export const scaffolderModuleReliability = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'reliability',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, discovery, auth, config }) {
        scaffolder.addActions(
          createReliabilityGateCheckAction({
            discovery,
            auth,
            appBaseUrl: config.getOptionalString('app.baseUrl'),
          }),
        );
      },
    });
  },
});
