import {
  coreServices,
  createBackendModule,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  AlertSource,
  OnCallProvider,
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
import {
  GoAlertAlertSource,
  GoAlertOnCallProvider,
} from '../providers/goalert';
import {
  jsmAlertSourceFromConfig,
  jsmOnCallProviderFromConfig,
} from '../providers/jsm';
import { RotationOnCallProvider } from '../providers/rotation/RotationOnCallProvider';

/**
 * A module adding an incident tool as on-call provider and alert source, each only when the tool
 * is configured (`fromConfig` answers `undefined` otherwise).
 */
function incidentToolModule(options: {
  moduleId: string;
  provider: (
    config: Config,
    logger: LoggerService,
  ) => OnCallProvider | undefined;
  source: (config: Config, logger: LoggerService) => AlertSource | undefined;
}) {
  return createBackendModule({
    pluginId: 'reliability',
    moduleId: options.moduleId,
    register(env) {
      env.registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          onCallProviders: reliabilityOnCallProvidersExtensionPoint,
          alertSources: reliabilityAlertSourcesExtensionPoint,
        },
        async init({ config, logger, onCallProviders, alertSources }) {
          const provider = options.provider(config, logger);
          const source = options.source(config, logger);
          if (provider) onCallProviders.addOnCallProvider(provider);
          if (source) alertSources.addAlertSource(source);
        },
      });
    },
  });
}

/**
 * PagerDuty as on-call provider and alert source for entities annotated
 * `pagerduty.com/service-id` or `pagerduty.com/integration-key`. Does nothing until
 * `reliability.pagerduty` is configured.
 *
 * @public
 */
export const reliabilityPagerDutyModule = incidentToolModule({
  moduleId: 'pagerduty',
  provider: (config, logger) =>
    PagerDutyOnCallProvider.fromConfig(config, { logger }),
  source: (config, logger) =>
    PagerDutyAlertSource.fromConfig(config, { logger }),
});

/**
 * Opsgenie as on-call provider and alert source for entities annotated `opsgenie.com/team` or
 * `opsgenie.com/component-selector`. Does nothing until `reliability.opsgenie` is configured.
 *
 * @public
 */
export const reliabilityOpsgenieModule = incidentToolModule({
  moduleId: 'opsgenie',
  provider: (config, logger) =>
    OpsgenieOnCallProvider.fromConfig(config, { logger }),
  source: (config, logger) =>
    OpsgenieAlertSource.fromConfig(config, { logger }),
});

/**
 * Jira Service Management operations as on-call provider (entities annotated
 * `jsm.atlassian.com/team-id`) and alert source (`jsm.atlassian.com/alert-query`, or the
 * Opsgenie annotations kept from before a migration). Does nothing until `reliability.jsm` is
 * configured.
 *
 * @public
 */
export const reliabilityJsmModule = incidentToolModule({
  moduleId: 'jsm',
  provider: (config, logger) => jsmOnCallProviderFromConfig(config, { logger }),
  source: (config, logger) => jsmAlertSourceFromConfig(config, { logger }),
});

/**
 * GoAlert as on-call provider and alert source for entities annotated `goalert.me/service-id`
 * (one service id, or several separated by commas). Does nothing until `reliability.goalert` is
 * configured.
 *
 * @public
 */
export const reliabilityGoAlertModule = incidentToolModule({
  moduleId: 'goalert',
  provider: (config, logger) =>
    GoAlertOnCallProvider.fromConfig(config, { logger }),
  source: (config, logger) => GoAlertAlertSource.fromConfig(config, { logger }),
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
