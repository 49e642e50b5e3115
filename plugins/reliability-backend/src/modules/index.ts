export { reliabilityPushSliSourceModule } from './pushSliSourceModule';
export { reliabilityHttpProbeSliSourceModule } from './httpProbeSliSourceModule';
export { reliabilityPrometheusSliSourceModule } from './prometheusSliSourceModule';
export { catalogModuleReliabilitySloRefresh } from './catalogSloRefreshModule';
export {
  reliabilityPagerDutyModule,
  reliabilityOpsgenieModule,
  reliabilityJsmModule,
  reliabilityGoAlertModule,
  reliabilityRotationOnCallModule,
} from './onCallProviderModules';
