/**
 * The client of GoAlert's GraphQL API (`POST /api/graphql`), authenticated with a GraphQL API
 * key as `Authorization: Bearer …`. Every request sends {@link GOALERT_QUERY_DOCUMENT}, the
 * document the key is bound to, and names one of its operations. The operations only read, so
 * each request goes through {@link withRetries} (network errors, 429 and 5xx, `Retry-After`
 * honoured). GraphQL errors (answered with status 200) become typed errors: a key bound to
 * another document is a configuration error that says how to fix it.
 */
import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  JsonResponse,
  fetchJson,
  httpStatusError,
  responseExcerpt,
} from '../../net/fetchJson';
import { RetryPolicy, Sleep, withRetries } from '../../net/retry';
import { GoAlertConfig } from './config';
import {
  GOALERT_QUERY_DOCUMENT,
  GoAlertAlertPage,
  GoAlertSchedule,
  GoAlertService,
} from './queries';

/**
 * How to reach GoAlert.
 *
 * @public
 */
export interface GoAlertClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Timeout of one HTTP request. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Most pages one alert search reads. Default 20 (20,000 alerts). */
  maxPages?: number;
  fetch?: typeof fetch;
  sleep?: Sleep;
}

/** The largest page GoAlert serves (`first` is validated to 1–1000). */
const PAGE_SIZE = 1000;
/** GoAlert filters alerts by at most 50 services per search. */
export const GOALERT_MAX_SERVICES_PER_SEARCH = 50;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A client of GoAlert's GraphQL API.
 *
 * @public
 */
export class GoAlertClient {
  readonly baseUrl: string;
  readonly #apiKey: string;
  readonly #timeoutMs: number;
  readonly #retry?: Partial<RetryPolicy>;
  readonly #maxPages: number;
  readonly #fetch: typeof fetch;
  readonly #sleep?: Sleep;

  static fromConfig(
    config: GoAlertConfig,
    options: Omit<GoAlertClientOptions, 'baseUrl' | 'apiKey'> = {},
  ): GoAlertClient {
    return new GoAlertClient({
      ...options,
      baseUrl: config.baseUrl,
      apiKey: config.apiKey,
    });
  }

  constructor(options: GoAlertClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = options.retry;
    this.#maxPages = Math.max(1, options.maxPages ?? 20);
    this.#fetch = options.fetch ?? ((...args) => fetch(...args));
    this.#sleep = options.sleep;
  }

  /** A service with its escalation policy and who is on call at each step. */
  async getService(
    id: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<GoAlertService> {
    const data = await this.#query('ReliabilityService', { id }, options);
    if (!isObject(data.service)) {
      throw new NotFoundError(`GoAlert has no service with id "${id}"`);
    }
    return data.service as unknown as GoAlertService;
  }

  /** A schedule with its shifts overlapping `[start, end)`. */
  async getScheduleShifts(
    id: string,
    options: { start: Date; end: Date; signal?: AbortSignal },
  ): Promise<GoAlertSchedule> {
    const data = await this.#query(
      'ReliabilityScheduleShifts',
      {
        id,
        start: options.start.toISOString(),
        end: options.end.toISOString(),
      },
      options,
    );
    if (!isObject(data.schedule)) {
      throw new NotFoundError(`GoAlert has no schedule with id "${id}"`);
    }
    return data.schedule as unknown as GoAlertSchedule;
  }

  /**
   * The alerts of up to 50 services created in `[since, until)`, oldest first, read page by
   * page (1,000 a page) until `hasNextPage` is false or the page cap is reached.
   */
  async listAlerts(options: {
    serviceIds: string[];
    since: Date;
    until: Date;
    signal?: AbortSignal;
  }): Promise<{ items: GoAlertAlertPage['nodes']; truncated: boolean }> {
    if (options.serviceIds.length > GOALERT_MAX_SERVICES_PER_SEARCH) {
      throw new RangeError(
        `GoAlert searches at most ${GOALERT_MAX_SERVICES_PER_SEARCH} services at once`,
      );
    }
    const items: GoAlertAlertPage['nodes'] = [];
    let after = '';
    for (let page = 1; ; page++) {
      const data = await this.#query(
        'ReliabilityAlerts',
        {
          input: {
            filterByServiceID: options.serviceIds,
            notCreatedBefore: options.since.toISOString(),
            createdBefore: options.until.toISOString(),
            sort: 'dateIDReverse',
            first: PAGE_SIZE,
            after,
          },
        },
        options,
      );
      const connection = data.alerts;
      if (!isObject(connection) || !Array.isArray(connection.nodes)) {
        throw this.#malformed(
          'ReliabilityAlerts',
          'alerts.nodes is not a list',
        );
      }
      items.push(...(connection.nodes as GoAlertAlertPage['nodes']));
      const info = connection.pageInfo as
        | GoAlertAlertPage['pageInfo']
        | undefined;
      if (!info?.hasNextPage) {
        return { items, truncated: false };
      }
      if (!info.endCursor || info.endCursor === after) {
        throw this.#malformed(
          'ReliabilityAlerts',
          'pageInfo.hasNextPage without a new endCursor',
        );
      }
      if (page >= this.#maxPages) {
        return { items, truncated: true };
      }
      after = info.endCursor;
    }
  }

  async #query(
    operationName: string,
    variables: Record<string, unknown>,
    options: { signal?: AbortSignal },
  ): Promise<Record<string, unknown>> {
    const url = `${this.baseUrl}/api/graphql`;
    const body = JSON.stringify({
      query: GOALERT_QUERY_DOCUMENT,
      operationName,
      variables,
    });
    return withRetries(
      async () => {
        const response = await fetchJson({
          url,
          method: 'POST',
          headers: {
            Authorization: `Bearer ${this.#apiKey}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
          },
          body,
          timeoutMs: this.#timeoutMs,
          signal: options.signal,
          fetch: this.#fetch,
          unreachableError: (detail, cause) =>
            new ServiceUnavailableError(
              `GoAlert at ${this.baseUrl} could not be reached: ${detail}`,
              cause,
            ),
        });
        return this.#read(response, operationName);
      },
      {
        // Every operation of the document is a query: sending one twice changes nothing.
        idempotent: true,
        policy: this.#retry,
        signal: options.signal,
        sleep: this.#sleep,
      },
    );
  }

  #read(
    response: JsonResponse,
    operationName: string,
  ): Record<string, unknown> {
    const { status, text, json } = response;
    // GoAlert answers GraphQL errors with 200, and those it finds before executing (a query
    // the key is not bound to, a validation error) with 422: both carry `errors`.
    if ((status === 200 || status === 422) && isObject(json)) {
      this.#throwGraphQLErrors(json, operationName);
    }
    const error = httpStatusError(
      response,
      `GoAlert answered ${status} to ${operationName}: ${responseExcerpt(
        text,
      )}`,
      {
        401: what =>
          new AuthenticationError(
            `${what}. The API key was rejected (expired or deleted?): check reliability.goalert.apiKey`,
          ),
      },
    );
    if (error) {
      throw error;
    }
    if (!isObject(json)) {
      throw this.#malformed(
        operationName,
        `the body is not a JSON object: ${
          text.trim().slice(0, 100) || 'empty'
        }`,
      );
    }
    if (!isObject(json.data)) {
      throw this.#malformed(operationName, 'the body has no "data" object');
    }
    return json.data;
  }

  #throwGraphQLErrors(json: Record<string, unknown>, operationName: string) {
    const errors = Array.isArray(json.errors)
      ? json.errors.filter(isObject)
      : [];
    if (errors.length > 0) {
      const messages = errors
        .map(e => (typeof e.message === 'string' ? e.message : 'unknown error'))
        .join('; ');
      const codes = errors.map(e =>
        isObject(e.extensions) ? e.extensions.code : undefined,
      );
      if (codes.includes('invalid_query')) {
        throw new AuthenticationError(
          `GoAlert refused ${operationName}: ${messages}. The API key in reliability.goalert.apiKey is bound to another query document: create a key with the document in the backend README (GOALERT_QUERY_DOCUMENT)`,
        );
      }
      if (/unauthorized|permission/i.test(messages)) {
        throw new NotAllowedError(
          `GoAlert refused ${operationName}: ${messages}`,
        );
      }
      throw new ServiceUnavailableError(
        `GoAlert answered ${operationName} with errors: ${messages}`,
      );
    }
  }

  #malformed(operationName: string, problem: string): Error {
    return new ServiceUnavailableError(
      `GoAlert answered ${operationName} with a malformed body: ${problem}`,
    );
  }
}
