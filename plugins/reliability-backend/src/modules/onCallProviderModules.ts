import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import {
  reliabilityAlertSourcesExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
} from '@reliability/backstage-plugin-node';
import { DefaultSloFileReader } from '../catalog/SloFileReader';
import {
  OpsgenieAlertSource,
  OpsgenieOnCallProvider,
} from '../providers/opsgenie';
import {
  PagerDutyAlertSource,
  PagerDutyOnCallProvider,
} from '../providers/pagerduty';
import { RotationOnCallProvider } from '../providers/rotation/RotationOnCallProvider';

/**
 * PagerDuty as on-call provider and alert source for entities annotated
 * `pagerduty.com/service-id` or `pagerduty.com/integration-key`. Does nothing until
 * `reliability.pagerduty` is configured.
 *
 * @public
 */
export const reliabilityPagerDutyModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'pagerduty',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        onCallProviders: reliabilityOnCallProvidersExtensionPoint,
        alertSources: reliabilityAlertSourcesExtensionPoint,
      },
      async init({ config, logger, onCallProviders, alertSources }) {
        const provider = PagerDutyOnCallProvider.fromConfig(config, { logger });
        const source = PagerDutyAlertSource.fromConfig(config, { logger });
        if (provider) onCallProviders.addOnCallProvider(provider);
        if (source) alertSources.addAlertSource(source);
      },
    });
  },
});

/**
 * Opsgenie as on-call provider and alert source for entities annotated `opsgenie.com/team` or
 * `opsgenie.com/component-selector`. Does nothing until `reliability.opsgenie` is configured.
 *
 * @public
 */
export const reliabilityOpsgenieModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'opsgenie',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        onCallProviders: reliabilityOnCallProvidersExtensionPoint,
        alertSources: reliabilityAlertSourcesExtensionPoint,
      },
      async init({ config, logger, onCallProviders, alertSources }) {
        const provider = OpsgenieOnCallProvider.fromConfig(config, { logger });
        const source = OpsgenieAlertSource.fromConfig(config, { logger });
        if (provider) onCallProviders.addOnCallProvider(provider);
        if (source) alertSources.addAlertSource(source);
      },
    });
  },
});

/**
 * Catalog-native rotations: Groups annotated `reliability/rotation` with a rotation file in their
 * repository. Needs no account anywhere.
 *
 * @public
 */
export const reliabilityRotationOnCallModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'rotation-oncall',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        urlReader: coreServices.urlReader,
        onCallProviders: reliabilityOnCallProvidersExtensionPoint,
      },
      async init({ config, urlReader, onCallProviders }) {
        onCallProviders.addOnCallProvider(
          RotationOnCallProvider.create({
            reader: DefaultSloFileReader.create({ urlReader }),
            integrations: ScmIntegrations.fromConfig(config),
          }),
        );
      },
    });
  },
});
