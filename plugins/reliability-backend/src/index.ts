/**
 * The Reliability backend plugin with its built-in SLI sources (push, HTTP probes, Prometheus),
 * on-call providers (catalog rotations, PagerDuty, Opsgenie, Jira Service Management, GoAlert)
 * and alert sources.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import {
  catalogModuleReliabilitySloRefresh,
  reliabilityHttpProbeSliSourceModule,
  reliabilityPrometheusSliSourceModule,
  reliabilityPushSliSourceModule,
  reliabilityGoAlertModule,
  reliabilityJsmModule,
  reliabilityOpsgenieModule,
  reliabilityPagerDutyModule,
  reliabilityRotationOnCallModule,
} from './modules';
import { reliabilityPlugin } from './plugin';

export { reliabilityPlugin } from './plugin';
export * from './modules';

/**
 * The plugin together with its built-in SLI source modules and the catalog module that reports
 * entity changes, so that
 * `backend.add(import('@reliability/backstage-plugin-backend'))` is all an app needs.
 *
 * @public
 */
export default createBackendFeatureLoader({
  *loader() {
    yield reliabilityPlugin;
    yield reliabilityPushSliSourceModule;
    yield reliabilityHttpProbeSliSourceModule;
    yield reliabilityPrometheusSliSourceModule;
    yield catalogModuleReliabilitySloRefresh;
    yield reliabilityRotationOnCallModule;
    yield reliabilityPagerDutyModule;
    yield reliabilityOpsgenieModule;
    // After Opsgenie: an entity keeping its Opsgenie annotations is answered by Opsgenie while
    // both are configured.
    yield reliabilityJsmModule;
    yield reliabilityGoAlertModule;
  },
});
