export { OpsgenieClient } from './OpsgenieClient';
export type {
  OpsgenieApi,
  OpsgenieCallOptions,
  OpsgenieClientOptions,
  OpsgeniePage,
} from './OpsgenieClient';
export {
  OPSGENIE_FLAVOUR,
  OpsgenieOnCallProvider,
} from './OpsgenieOnCallProvider';
export type {
  OpsgenieFlavour,
  OpsgenieOnCallProviderOptions,
} from './OpsgenieOnCallProvider';
export {
  OpsgenieAlertSource,
  opsgenieAlertQuery,
  opsgenieUrgency,
} from './OpsgenieAlertSource';
export type {
  OpsgenieAlertFlavour,
  OpsgenieAlertSourceOptions,
} from './OpsgenieAlertSource';
export { OPSGENIE_API_URLS, readOpsgenieConfig } from './config';
export type { OpsgenieConfig, OpsgenieRegion } from './config';
export type { OpsgenieUserRefResolver } from './webLinks';
export type * from './types';
