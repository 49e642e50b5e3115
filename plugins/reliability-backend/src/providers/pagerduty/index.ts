export {
  PagerDutyClient,
  PAGERDUTY_DEFAULT_API_BASE_URL,
  PAGERDUTY_MAX_PAGE_SIZE,
} from './PagerDutyClient';
export type {
  PagerDutyCallOptions,
  PagerDutyClientOptions,
} from './PagerDutyClient';
export { PagerDutyAccounts } from './PagerDutyAccounts';
export type { PagerDutyAccountsOptions } from './PagerDutyAccounts';
export { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';
export type {
  PagerDutyOnCallProviderOptions,
  ResolveUserRef,
} from './PagerDutyOnCallProvider';
export { PagerDutyAlertSource } from './PagerDutyAlertSource';
export type { PagerDutyAlertSourceOptions } from './PagerDutyAlertSource';
export { PagerDutyConfigError } from './PagerDutyConfigError';
export { readPagerDutyConfig, PAGERDUTY_DEFAULT_ACCOUNT_ID } from './config';
export type { PagerDutyAccountConfig, PagerDutyConfig } from './config';
export { PAGERDUTY_ACCOUNT_ANNOTATION, pagerDutyMappingFor } from './mapping';
export type {
  PagerDutyEscalationPolicy,
  PagerDutyIncident,
  PagerDutyLogEntry,
  PagerDutyOnCall,
  PagerDutyReference,
  PagerDutyService,
  PagerDutyUser,
} from './schemas';
