/**
 * The client of one PagerDuty account's REST API v2. It only reads (GET), so every request is
 * idempotent and goes through {@link withRetries}: network errors, 429 (waiting as long as
 * `Retry-After` or `ratelimit-reset` ask) and 5xx are retried with capped backoff. Statuses become
 * typed errors; bodies are checked against the documented shapes so that a malformed answer says
 * which field was wrong. The API token never appears in an error or a log line.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { z } from 'zod';
import {
  JsonResponse,
  fetchJson,
  httpStatusError,
  responseExcerpt,
} from '../../net/fetchJson';
import {
  RetryPolicy,
  RetryableError,
  Sleep,
  parseRetryAfterMs,
  withRetries,
} from '../../net/retry';
import { PagerDutyConfigError } from './PagerDutyConfigError';
import {
  PagerDutyEscalationPolicy,
  PagerDutyIncident,
  PagerDutyLogEntry,
  PagerDutyOnCall,
  PagerDutyService,
  escalationPolicyResponse,
  listItemSchemas,
  pageMeta,
  serviceResponse,
} from './schemas';

/**
 * PagerDuty's public API endpoint; EU accounts use `https://api.eu.pagerduty.com`.
 *
 * @public
 */
export const PAGERDUTY_DEFAULT_API_BASE_URL = 'https://api.pagerduty.com';

/**
 * The largest page PagerDuty serves with classic pagination.
 *
 * @public
 */
export const PAGERDUTY_MAX_PAGE_SIZE = 100;

/**
 * How to reach one PagerDuty account.
 *
 * @public
 */
export interface PagerDutyClientOptions {
  /** The account id from config (`default` for a single account), used in error messages. */
  accountId: string;
  /** A REST API key, sent as `Authorization: Token token=<key>`. */
  apiToken: string;
  /** Default {@link PAGERDUTY_DEFAULT_API_BASE_URL}. */
  apiBaseUrl?: string;
  /**
   * The config key of the token, named when PagerDuty rejects it. Default
   * `reliability.pagerduty.apiToken`.
   */
  tokenConfigKey?: string;
  /** Timeout of one HTTP request. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Items per page, at most 100. Default 100. */
  pageSize?: number;
  /**
   * Pages read of one list before giving up with an error, so that a runaway query cannot keep
   * a scheduled task busy. Default 50 (5,000 items at the default page size).
   */
  maxPages?: number;
  logger?: LoggerService;
  /** Replaces the global `fetch`, for tests. */
  fetch?: typeof fetch;
  /** Replaces the backoff wait, for tests. */
  sleep?: Sleep;
}

/**
 * Options every call takes.
 *
 * @public
 */
export interface PagerDutyCallOptions {
  signal?: AbortSignal;
}

type Query = Array<[string, string]>;

const ACCEPT = 'application/vnd.pagerduty+json;version=2';

/** `{ "error": { "message", "code", "errors" } }`, PagerDuty's error body. */
const errorBody = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    code: z.number().optional(),
    errors: z.array(z.string()).optional(),
  }),
});

function describeError({ text, json }: JsonResponse): string {
  const parsed = errorBody.safeParse(json);
  if (!parsed.success) {
    return responseExcerpt(text);
  }
  const { message, code, errors } = parsed.data.error;
  const head = [message ?? 'error', code !== undefined ? `(code ${code})` : '']
    .filter(Boolean)
    .join(' ');
  return errors?.length ? `${head}: ${errors.join('; ')}` : head;
}

/** Zod issues as `oncalls[3].escalation_level: Invalid input: expected number, …`. */
function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map(issue => {
      const path = issue.path
        .map((part, index) => {
          if (typeof part === 'number') {
            return `[${part}]`;
          }
          return index === 0 ? String(part) : `.${String(part)}`;
        })
        .join('');
      return `${path || 'the body'}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The wait a 429 asks for: `Retry-After` when sent, else PagerDuty's `ratelimit-reset` (seconds
 * until the rate-limit window resets).
 */
function rateLimitWaitMs(headers: Headers): number | undefined {
  const retryAfter = parseRetryAfterMs(headers.get('retry-after'));
  if (retryAfter !== undefined) {
    return retryAfter;
  }
  const reset = headers.get('ratelimit-reset')?.trim();
  return reset && /^\d+(\.\d+)?$/.test(reset)
    ? Number(reset) * 1000
    : undefined;
}

/**
 * A read-only client of one PagerDuty account (REST API v2).
 *
 * @public
 */
export class PagerDutyClient {
  readonly accountId: string;
  readonly apiBaseUrl: string;
  readonly #token: string;
  readonly #tokenConfigKey: string;
  readonly #timeoutMs: number;
  readonly #retry?: Partial<RetryPolicy>;
  readonly #pageSize: number;
  readonly #maxPages: number;
  readonly #logger?: LoggerService;
  readonly #fetch: typeof fetch;
  readonly #sleep?: Sleep;

  constructor(options: PagerDutyClientOptions) {
    this.accountId = options.accountId;
    this.apiBaseUrl = (
      options.apiBaseUrl ?? PAGERDUTY_DEFAULT_API_BASE_URL
    ).replace(/\/+$/, '');
    this.#token = options.apiToken;
    this.#tokenConfigKey =
      options.tokenConfigKey ?? 'reliability.pagerduty.apiToken';
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = options.retry;
    this.#pageSize = Math.min(
      PAGERDUTY_MAX_PAGE_SIZE,
      Math.max(1, options.pageSize ?? PAGERDUTY_MAX_PAGE_SIZE),
    );
    this.#maxPages = Math.max(1, options.maxPages ?? 50);
    this.#logger = options.logger;
    this.#fetch = options.fetch ?? ((...args) => fetch(...args));
    this.#sleep = options.sleep;
  }

  /**
   * One service with its escalation policy in full (`GET /services/{id}`,
   * `include[]=escalation_policies`). Throws `NotFoundError` for an unknown id.
   */
  async getService(
    serviceId: string,
    options: PagerDutyCallOptions = {},
  ): Promise<PagerDutyService> {
    const body = await this.#get(
      `/services/${encodeURIComponent(serviceId)}`,
      [
        ['time_zone', 'UTC'],
        ['include[]', 'escalation_policies'],
      ],
      serviceResponse,
      options.signal,
    );
    return body.service;
  }

  /**
   * The service an Events API integration key belongs to, or `undefined`. Like the PagerDuty
   * Backstage plugin, it searches `GET /services?query=<key>` with `include[]=integrations`; a
   * service whose integrations list the key wins, and a single hit is taken as it is (PagerDuty
   * does not always expand the key of every integration type).
   */
  async findServiceByIntegrationKey(
    integrationKey: string,
    options: PagerDutyCallOptions = {},
  ): Promise<PagerDutyService | undefined> {
    const services = await this.#paginate(
      '/services',
      [
        ['query', integrationKey],
        ['time_zone', 'UTC'],
        ['include[]', 'integrations'],
        ['include[]', 'escalation_policies'],
      ],
      'services',
      options.signal,
    );
    const exact = services.find(service =>
      service.integrations?.some(
        integration => integration.integration_key === integrationKey,
      ),
    );
    return exact ?? (services.length === 1 ? services[0] : undefined);
  }

  /** One escalation policy with its rules (`GET /escalation_policies/{id}`). */
  async getEscalationPolicy(
    policyId: string,
    options: PagerDutyCallOptions = {},
  ): Promise<PagerDutyEscalationPolicy> {
    const body = await this.#get(
      `/escalation_policies/${encodeURIComponent(policyId)}`,
      [],
      escalationPolicyResponse,
      options.signal,
    );
    return body.escalation_policy;
  }

  /**
   * On-call entries overlapping `[since, until]` for the policies (`GET /oncalls`), users in full
   * (`include[]=users`, for their email and time zone). With `earliest`, only the earliest entry
   * per policy, level and user, which is how PagerDuty answers "who is next".
   */
  async listOnCalls(
    request: {
      escalationPolicyIds: string[];
      since: Date;
      until: Date;
      earliest?: boolean;
    },
    options: PagerDutyCallOptions = {},
  ): Promise<PagerDutyOnCall[]> {
    const query: Query = [
      ['time_zone', 'UTC'],
      ['include[]', 'users'],
      ...request.escalationPolicyIds.map(
        id => ['escalation_policy_ids[]', id] as [string, string],
      ),
      ['since', request.since.toISOString()],
      ['until', request.until.toISOString()],
    ];
    if (request.earliest) {
      query.push(['earliest', 'true']);
    }
    return this.#paginate('/oncalls', query, 'oncalls', options.signal);
  }

  /**
   * Incidents of any status created in `[since, until]` on the services (`GET /incidents`).
   * PagerDuty allows at most 6 months per request; longer ranges are the caller's to split.
   */
  async listIncidents(
    request: { serviceIds: string[]; since: Date; until: Date },
    options: PagerDutyCallOptions = {},
  ): Promise<PagerDutyIncident[]> {
    const query: Query = [
      ['time_zone', 'UTC'],
      ...request.serviceIds.map(
        id => ['service_ids[]', id] as [string, string],
      ),
      ['statuses[]', 'triggered'],
      ['statuses[]', 'acknowledged'],
      ['statuses[]', 'resolved'],
      ['since', request.since.toISOString()],
      ['until', request.until.toISOString()],
      ['sort_by', 'created_at:asc'],
    ];
    return this.#paginate('/incidents', query, 'incidents', options.signal);
  }

  /** Every log entry of one incident (`GET /incidents/{id}/log_entries`). */
  async listIncidentLogEntries(
    incidentId: string,
    options: PagerDutyCallOptions = {},
  ): Promise<PagerDutyLogEntry[]> {
    return this.#paginate(
      `/incidents/${encodeURIComponent(incidentId)}/log_entries`,
      [['time_zone', 'UTC']],
      'log_entries',
      options.signal,
    );
  }

  /**
   * Reads every page of a classic-paginated list (`offset`, `limit`, `more`), up to the page cap.
   */
  async #paginate<K extends keyof typeof listItemSchemas>(
    path: string,
    query: Query,
    key: K,
    signal: AbortSignal | undefined,
  ): Promise<Array<z.infer<(typeof listItemSchemas)[K]>>> {
    const pageSchema = pageMeta.extend({
      [key]: z.array(listItemSchemas[key]),
    });
    const items: Array<z.infer<(typeof listItemSchemas)[K]>> = [];
    let offset = 0;
    for (let page = 1; ; page++) {
      if (page > this.#maxPages) {
        throw new InputError(
          `PagerDuty account "${this.accountId}": GET ${path} has more than ${
            this.#maxPages * this.#pageSize
          } ${key.replace('_', ' ')} (${
            this.#maxPages
          } pages); ask for a shorter time range or fewer services`,
        );
      }
      const body = await this.#get(
        path,
        [
          ...query,
          ['limit', String(this.#pageSize)],
          ['offset', String(offset)],
          ['total', 'false'],
        ],
        pageSchema,
        signal,
      );
      const pageItems = (body as Record<string, unknown>)[key] as Array<
        z.infer<(typeof listItemSchemas)[K]>
      >;
      items.push(...pageItems);
      if (!body.more || pageItems.length === 0) {
        return items;
      }
      offset += pageItems.length;
    }
  }

  async #get<S extends z.ZodType>(
    path: string,
    query: Query,
    schema: S,
    signal: AbortSignal | undefined,
  ): Promise<z.infer<S>> {
    const search = new URLSearchParams(query).toString();
    const url = `${this.apiBaseUrl}${path}${search ? `?${search}` : ''}`;
    return withRetries(
      async () => {
        const response = await this.#send(url, path, signal);
        this.#check(response, path);
        return this.#parse(response, schema, path);
      },
      {
        // Every call is a GET: sending it twice cannot change anything.
        idempotent: true,
        policy: this.#retry,
        signal,
        sleep: this.#sleep,
        onRetry: ({ attempt, delayMs, error }) =>
          this.#logger?.debug(
            `PagerDuty account "${
              this.accountId
            }": retry ${attempt} of GET ${path} in ${Math.round(
              delayMs,
            )} ms after: ${error.message}`,
          ),
      },
    );
  }

  async #send(
    url: string,
    path: string,
    signal: AbortSignal | undefined,
  ): Promise<JsonResponse> {
    return fetchJson({
      url,
      headers: {
        Authorization: `Token token=${this.#token}`,
        Accept: ACCEPT,
        'Content-Type': 'application/json',
      },
      timeoutMs: this.#timeoutMs,
      signal,
      fetch: this.#fetch,
      unreachableError: detail =>
        new ServiceUnavailableError(
          `PagerDuty account "${this.accountId}" at ${this.apiBaseUrl} could not be reached for GET ${path}: ${detail}`,
        ),
    });
  }

  #check(response: JsonResponse, path: string): void {
    const what = `PagerDuty account "${
      this.accountId
    }" answered GET ${path} with ${response.status}: ${describeError(
      response,
    )}`;
    const error = httpStatusError(response, what, {
      429: message =>
        new RetryableError(
          new ServiceUnavailableError(`${message} (rate limited)`),
          rateLimitWaitMs(response.headers),
        ),
      401: message =>
        new PagerDutyConfigError(
          `${message}. The API token is wrong, revoked or not a REST API key; set a valid one in ${
            this.#tokenConfigKey
          }`,
        ),
      403: message =>
        new PagerDutyConfigError(
          `${message}. The API token may not read this; use a key (or a user) with read access to services, escalation policies, on-calls and incidents in ${
            this.#tokenConfigKey
          }`,
        ),
      // Reads are not known to answer 422; one is taken as a server fault, as this client always
      // has, rather than as bad input.
      422: message => new ServiceUnavailableError(message),
    });
    if (error) {
      throw error;
    }
  }

  #parse<S extends z.ZodType>(
    { text, json }: JsonResponse,
    schema: S,
    path: string,
  ): z.infer<S> {
    const prefix = `PagerDuty account "${this.accountId}" answered GET ${path} with a malformed body`;
    if (json === undefined) {
      const start = text.trim().slice(0, 80);
      throw new ServiceUnavailableError(
        `${prefix}: it is not JSON (${
          start ? `starts with "${start}"` : 'empty'
        })`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ServiceUnavailableError(
        `${prefix}: ${describeIssues(parsed.error.issues)}`,
      );
    }
    return parsed.data;
  }
}
