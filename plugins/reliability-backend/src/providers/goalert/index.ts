export {
  GoAlertClient,
  GOALERT_MAX_SERVICES_PER_SEARCH,
} from './GoAlertClient';
export type { GoAlertClientOptions } from './GoAlertClient';
export { GoAlertOnCallProvider } from './GoAlertOnCallProvider';
export type {
  GoAlertOnCallProviderOptions,
  GoAlertUserRefResolver,
} from './GoAlertOnCallProvider';
export { GoAlertAlertSource } from './GoAlertAlertSource';
export type { GoAlertAlertSourceOptions } from './GoAlertAlertSource';
export { GOALERT_QUERY_DOCUMENT } from './queries';
export { readGoAlertConfig } from './config';
export type { GoAlertConfig } from './config';
