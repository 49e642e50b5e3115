/**
 * Reads `reliability.jsm`: the site's cloud id, the Atlassian account and API token the
 * operations API is called with, and optionally another API origin (a proxy, a local server).
 */
import { Config } from '@backstage/config';

/**
 * The settings of `reliability.jsm`, checked and resolved.
 *
 * @public
 */
export interface JsmConfig {
  cloudId: string;
  email: string;
  /** Secret: never log it. */
  apiToken: string;
  /** The operations API of the site: `<apiUrl>/jsm/ops/api/<cloudId>/v1`. */
  baseUrl: string;
}

const KEY = 'reliability.jsm';
/** The Atlassian API gateway that serves every cloud site's operations API. */
export const JSM_DEFAULT_API_URL = 'https://api.atlassian.com';
const CLOUD_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(key: string, problem: string): Error {
  return new Error(`Invalid config at ${KEY}.${key}: ${problem}`);
}

function required(config: Config, key: string, how: string): string {
  const value = config.getOptionalString(key)?.trim();
  if (!value) {
    throw invalid(key, `missing; ${how}`);
  }
  return value;
}

/**
 * Reads `reliability.jsm`; `undefined` when it is absent. Throws an error naming the key when
 * a value is wrong.
 *
 * @public
 */
export function readJsmConfig(config: Config): JsmConfig | undefined {
  const jsm = config.getOptionalConfig(KEY);
  if (!jsm) {
    return undefined;
  }
  const cloudId = required(
    jsm,
    'cloudId',
    'set it to the site\'s cloud id (the "cloudId" of https://<site>.atlassian.net/_edge/tenant_info)',
  );
  if (!CLOUD_ID.test(cloudId)) {
    throw invalid('cloudId', `"${cloudId}" is not a cloud id (a UUID)`);
  }
  const email = required(
    jsm,
    'email',
    'set it to the Atlassian account the API token belongs to',
  );
  const apiToken = required(
    jsm,
    'apiToken',
    'create an API token for the account at id.atlassian.com (Security > API tokens)',
  );
  const apiUrlValue = jsm.getOptionalString('apiUrl') ?? JSM_DEFAULT_API_URL;
  let apiUrl: URL;
  try {
    apiUrl = new URL(apiUrlValue);
  } catch {
    throw invalid('apiUrl', `"${apiUrlValue}" is not a URL`);
  }
  if (
    (apiUrl.protocol !== 'https:' && apiUrl.protocol !== 'http:') ||
    apiUrl.search ||
    apiUrl.hash ||
    apiUrl.username
  ) {
    throw invalid(
      'apiUrl',
      `"${apiUrlValue}" must be an http(s) URL without query, fragment or credentials`,
    );
  }
  const origin = `${apiUrl.origin}${apiUrl.pathname}`.replace(/\/+$/, '');
  return {
    cloudId: cloudId.toLowerCase(),
    email,
    apiToken,
    baseUrl: `${origin}/jsm/ops/api/${cloudId.toLowerCase()}/v1`,
  };
}
