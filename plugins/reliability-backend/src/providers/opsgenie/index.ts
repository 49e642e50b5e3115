export { OpsgenieClient } from './OpsgenieClient';
export type {
  OpsgenieCallOptions,
  OpsgenieClientOptions,
  OpsgeniePage,
} from './OpsgenieClient';
export { OpsgenieOnCallProvider } from './OpsgenieOnCallProvider';
export type { OpsgenieOnCallProviderOptions } from './OpsgenieOnCallProvider';
export {
  OpsgenieAlertSource,
  opsgenieAlertQuery,
  opsgenieUrgency,
} from './OpsgenieAlertSource';
export type { OpsgenieAlertSourceOptions } from './OpsgenieAlertSource';
export { OPSGENIE_API_URLS, readOpsgenieConfig } from './config';
export type { OpsgenieConfig, OpsgenieRegion } from './config';
export type { OpsgenieUserRefResolver } from './webLinks';
export type * from './types';
