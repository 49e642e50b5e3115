export { JsmClient } from './JsmClient';
export type { JsmClientOptions } from './JsmClient';
export {
  JSM_ALERT_FLAVOUR,
  JSM_FLAVOUR,
  jsmAlertQuery,
  jsmAlertSourceFromConfig,
  jsmOnCallProviderFromConfig,
} from './JsmProviders';
export { JSM_DEFAULT_API_URL, readJsmConfig } from './config';
export type { JsmConfig } from './config';
