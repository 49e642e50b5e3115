/**
 * Reads `reliability.opsgenie`: the API key, which Opsgenie instance (US or EU, or an explicit
 * URL such as a proxy) to call, and the account's web UI domain for links.
 */
import { Config } from '@backstage/config';

/**
 * The Opsgenie API base URLs by instance, as the REST API docs name them.
 *
 * @public
 */
export const OPSGENIE_API_URLS = Object.freeze({
  us: 'https://api.opsgenie.com',
  eu: 'https://api.eu.opsgenie.com',
});

/**
 * An Opsgenie instance: the US one or the EU one.
 *
 * @public
 */
export type OpsgenieRegion = keyof typeof OPSGENIE_API_URLS;

/**
 * The settings of `reliability.opsgenie`, checked and resolved.
 *
 * @public
 */
export interface OpsgenieConfig {
  /** The `GenieKey` of an API integration. Secret: never log it. */
  apiKey: string;
  region: OpsgenieRegion;
  /** Base URL of the REST API, without a trailing slash: `apiUrl` or the region's. */
  apiUrl: string;
  /**
   * Origin of the account's web UI, e.g. `https://acme.app.opsgenie.com`; links to teams,
   * schedules and alerts are only made when it is known.
   */
  webUrl?: string;
}

const KEY = 'reliability.opsgenie';
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

function invalid(key: string, problem: string): Error {
  return new Error(`Invalid config at ${KEY}.${key}: ${problem}`);
}

function readHttpUrl(value: string, key: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(key, `"${value}" is not a URL; write e.g. ${example}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(key, `"${value}" must be an http(s) URL, e.g. ${example}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw invalid(
      key,
      `"${url.origin}${url.pathname}" must have no query, fragment or credentials`,
    );
  }
  return url;
}

/**
 * The web UI origin for `domain`: a full URL as the Opsgenie frontend plugin takes it
 * (`https://acme.app.eu.opsgenie.com/`), or only the account's subdomain (`acme`), which is
 * completed for the region.
 */
function readWebUrl(domain: string, region: OpsgenieRegion): string {
  const value = domain.trim();
  if (/^https?:\/\//i.test(value)) {
    const url = readHttpUrl(value, 'domain', 'https://acme.app.opsgenie.com');
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  }
  if (!SUBDOMAIN.test(value)) {
    throw invalid(
      'domain',
      `"${domain}" is neither the account's subdomain (acme for acme.app.opsgenie.com) nor a URL`,
    );
  }
  const host = region === 'eu' ? 'app.eu.opsgenie.com' : 'app.opsgenie.com';
  return `https://${value.toLowerCase()}.${host}`;
}

/**
 * Reads `reliability.opsgenie`; `undefined` when it is absent. Throws an error naming the key
 * when a value is wrong.
 *
 * @public
 */
export function readOpsgenieConfig(config: Config): OpsgenieConfig | undefined {
  const opsgenie = config.getOptionalConfig(KEY);
  if (!opsgenie) {
    return undefined;
  }
  const apiKey = opsgenie.getOptionalString('apiKey')?.trim();
  if (!apiKey) {
    throw invalid(
      'apiKey',
      'missing; set it to the key of an Opsgenie API integration (Settings > Integrations > API)',
    );
  }
  const regionValue = opsgenie.getOptionalString('region') ?? 'us';
  if (regionValue !== 'us' && regionValue !== 'eu') {
    throw invalid('region', `"${regionValue}" is not one of us, eu`);
  }
  const region: OpsgenieRegion = regionValue;
  const apiUrlValue = opsgenie.getOptionalString('apiUrl');
  const apiUrl = apiUrlValue
    ? (() => {
        const url = readHttpUrl(
          apiUrlValue,
          'apiUrl',
          'https://api.eu.opsgenie.com',
        );
        return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
      })()
    : OPSGENIE_API_URLS[region];
  const domain = opsgenie.getOptionalString('domain');
  return {
    apiKey,
    region,
    apiUrl,
    webUrl: domain ? readWebUrl(domain, region) : undefined,
  };
}
