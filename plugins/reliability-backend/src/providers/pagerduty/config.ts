import { Config } from '@backstage/config';
import { PagerDutyConfigError } from './PagerDutyConfigError';

/**
 * One PagerDuty account as configured.
 *
 * @public
 */
export interface PagerDutyAccountConfig {
  /** `default` for the single-account form. */
  id: string;
  apiToken: string;
  apiBaseUrl?: string;
  eventsBaseUrl?: string;
  /** The config key of `apiToken`, for error messages that tell where to fix it. */
  tokenConfigKey: string;
}

/**
 * `reliability.pagerduty`, read and checked.
 *
 * @public
 */
export interface PagerDutyConfig {
  accounts: PagerDutyAccountConfig[];
  /** The account of entities without a `pagerduty.com/account` annotation. */
  defaultAccountId: string;
}

/**
 * The account id of the single-account form.
 *
 * @public
 */
export const PAGERDUTY_DEFAULT_ACCOUNT_ID = 'default';

const ROOT = 'reliability.pagerduty';

function readUrl(config: Config, key: string, where: string) {
  const value = config.getOptionalString(key);
  if (value === undefined) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PagerDutyConfigError(
      `${where}.${key} must be an absolute http(s) URL such as https://api.pagerduty.com, got "${value}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PagerDutyConfigError(
      `${where}.${key} must be an http(s) URL, got "${value}"`,
    );
  }
  return value;
}

function readToken(config: Config, where: string): string {
  const token = config.getOptionalString('apiToken');
  if (!token?.trim()) {
    throw new PagerDutyConfigError(
      `${where}.apiToken is missing or empty: set it to a PagerDuty REST API key (Integrations → API Access Keys), e.g. from \${PAGERDUTY_API_TOKEN}`,
    );
  }
  return token.trim();
}

/**
 * Reads `reliability.pagerduty`: either one account (`apiToken`, `apiBaseUrl`, `eventsBaseUrl`)
 * or `accounts: [{ id, apiToken, apiBaseUrl, eventsBaseUrl, isDefault }]`. Returns `undefined`
 * when the key is absent; throws {@link PagerDutyConfigError} naming the key when it is wrong.
 * With several accounts and none marked `isDefault`, the first is the default.
 *
 * @public
 */
export function readPagerDutyConfig(
  config: Config,
): PagerDutyConfig | undefined {
  const pagerDuty = config.getOptionalConfig(ROOT);
  if (!pagerDuty) {
    return undefined;
  }
  const accountConfigs = pagerDuty.getOptionalConfigArray('accounts');
  if (!accountConfigs) {
    return {
      accounts: [
        {
          id: PAGERDUTY_DEFAULT_ACCOUNT_ID,
          apiToken: readToken(pagerDuty, ROOT),
          apiBaseUrl: readUrl(pagerDuty, 'apiBaseUrl', ROOT),
          eventsBaseUrl: readUrl(pagerDuty, 'eventsBaseUrl', ROOT),
          tokenConfigKey: `${ROOT}.apiToken`,
        },
      ],
      defaultAccountId: PAGERDUTY_DEFAULT_ACCOUNT_ID,
    };
  }
  if (pagerDuty.has('apiToken')) {
    throw new PagerDutyConfigError(
      `${ROOT} has both apiToken and accounts: put the token into one of the accounts instead`,
    );
  }
  if (accountConfigs.length === 0) {
    throw new PagerDutyConfigError(
      `${ROOT}.accounts is empty: add at least one { id, apiToken } or remove ${ROOT}`,
    );
  }
  const accounts: PagerDutyAccountConfig[] = [];
  const defaults: string[] = [];
  accountConfigs.forEach((account, index) => {
    const where = `${ROOT}.accounts[${index}]`;
    const id = account.getOptionalString('id')?.trim();
    if (!id) {
      throw new PagerDutyConfigError(
        `${where}.id is missing: name the account, as entities' pagerduty.com/account annotation does`,
      );
    }
    if (accounts.some(other => other.id === id)) {
      throw new PagerDutyConfigError(
        `${where}.id "${id}" is used by an earlier account: account ids must be unique`,
      );
    }
    accounts.push({
      id,
      apiToken: readToken(account, where),
      apiBaseUrl: readUrl(account, 'apiBaseUrl', where),
      eventsBaseUrl: readUrl(account, 'eventsBaseUrl', where),
      tokenConfigKey: `${where}.apiToken`,
    });
    if (account.getOptionalBoolean('isDefault')) {
      defaults.push(id);
    }
  });
  if (defaults.length > 1) {
    throw new PagerDutyConfigError(
      `${ROOT}.accounts: ${defaults
        .map(id => `"${id}"`)
        .join(' and ')} are both marked isDefault; mark only one`,
    );
  }
  return { accounts, defaultAccountId: defaults[0] ?? accounts[0].id };
}
