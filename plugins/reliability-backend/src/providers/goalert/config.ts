/**
 * Reads `reliability.goalert`: where the GoAlert instance is, the API key (created with the
 * suite's query document), and the origin of its web UI when links should point elsewhere.
 */
import { Config } from '@backstage/config';

/**
 * The settings of `reliability.goalert`, checked and resolved.
 *
 * @public
 */
export interface GoAlertConfig {
  /** Origin (and path prefix, if any) of the instance, without a trailing slash. */
  baseUrl: string;
  /** A GraphQL API key bound to `GOALERT_QUERY_DOCUMENT`. Secret: never log it. */
  apiKey: string;
  /** Origin of the web UI for links; default `baseUrl`. */
  webUrl: string;
}

const KEY = 'reliability.goalert';

function invalid(key: string, problem: string): Error {
  return new Error(`Invalid config at ${KEY}.${key}: ${problem}`);
}

function readUrl(value: string, key: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(
      key,
      `"${value}" is not a URL; write e.g. https://goalert.example.com`,
    );
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    throw invalid(
      key,
      `"${value}" must be an http(s) URL without query, fragment or credentials`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Reads `reliability.goalert`; `undefined` when it is absent. Throws an error naming the key
 * when a value is wrong.
 *
 * @public
 */
export function readGoAlertConfig(config: Config): GoAlertConfig | undefined {
  const goalert = config.getOptionalConfig(KEY);
  if (!goalert) {
    return undefined;
  }
  const baseUrlValue = goalert.getOptionalString('baseUrl')?.trim();
  if (!baseUrlValue) {
    throw invalid(
      'baseUrl',
      'missing; set it to the address of your GoAlert instance, e.g. https://goalert.example.com',
    );
  }
  const apiKey = goalert.getOptionalString('apiKey')?.trim();
  if (!apiKey) {
    throw invalid(
      'apiKey',
      'missing; create a GraphQL API key in GoAlert (Admin > API Keys, role user) with the query document the backend README gives',
    );
  }
  const baseUrl = readUrl(baseUrlValue, 'baseUrl');
  const webUrlValue = goalert.getOptionalString('webUrl')?.trim();
  return {
    baseUrl,
    apiKey,
    webUrl: webUrlValue ? readUrl(webUrlValue, 'webUrl') : baseUrl,
  };
}
