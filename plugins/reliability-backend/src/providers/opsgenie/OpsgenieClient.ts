/**
 * The client of the Opsgenie REST API v2: teams, schedules and who is on call, escalations and
 * alerts. It only reads, so every call is idempotent and goes through {@link withRetries}
 * (network errors, 429 and 5xx, `Retry-After` honoured). Answers are checked against the
 * documented envelope (`{ data, took, requestId }`, lists with `paging`), and statuses become
 * typed errors from `@backstage/errors`. The API key is sent as `Authorization: GenieKey …`
 * and never appears in an error message.
 */
import {
  AuthenticationError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { DateTime } from 'luxon';
import {
  JsonResponse,
  fetchJson,
  httpStatusError,
  responseExcerpt,
} from '../../net/fetchJson';
import { RetryPolicy, Sleep, withRetries } from '../../net/retry';
import { OpsgenieConfig } from './config';
import {
  OpsgenieAlert,
  OpsgenieEscalation,
  OpsgenieNextOnCall,
  OpsgenieOnCall,
  OpsgenieSchedule,
  OpsgenieScheduleTimeline,
  OpsgenieTeam,
} from './types';

/**
 * How to reach the Opsgenie API.
 *
 * @public
 */
export interface OpsgenieClientOptions {
  apiKey: string;
  /** Base URL of the REST API, e.g. `https://api.eu.opsgenie.com`. */
  apiUrl: string;
  /** Timeout of one HTTP request. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Most pages one list call reads before it stops. Default 50 (5,000 alerts). */
  maxPages?: number;
  /** Replaces the global `fetch`, for tests. */
  fetch?: typeof fetch;
  /** Replaces the backoff wait, for tests. */
  sleep?: Sleep;
}

/**
 * Options of one call.
 *
 * @public
 */
export interface OpsgenieCallOptions {
  signal?: AbortSignal;
}

/**
 * A paginated list as read: its items, and whether the page cap stopped the reading early.
 *
 * @public
 */
export interface OpsgeniePage<T> {
  items: T[];
  truncated: boolean;
}

/**
 * What the on-call provider and the alert source read from an Opsgenie-shaped API: Opsgenie's
 * own REST API v2, or Jira Service Management operations, whose API kept Opsgenie's resources
 * under other paths and envelopes (see the JSM client).
 *
 * @public
 */
export interface OpsgenieApi {
  getTeam(name: string, options?: OpsgenieCallOptions): Promise<OpsgenieTeam>;
  listSchedules(options?: OpsgenieCallOptions): Promise<OpsgenieSchedule[]>;
  getOnCalls(
    scheduleId: string,
    options: OpsgenieCallOptions & { date: Date },
  ): Promise<OpsgenieOnCall>;
  getNextOnCalls(
    scheduleId: string,
    options: OpsgenieCallOptions & { date: Date },
  ): Promise<OpsgenieNextOnCall>;
  getScheduleTimeline(
    scheduleId: string,
    options: OpsgenieCallOptions & {
      date: Date;
      interval: number;
      intervalUnit: 'days' | 'weeks' | 'months';
    },
  ): Promise<OpsgenieScheduleTimeline>;
  /** The escalations; `team` lets APIs that list escalations per team ask for its own. */
  listEscalations(
    options?: OpsgenieCallOptions & { team?: OpsgenieTeam },
  ): Promise<OpsgenieEscalation[]>;
  listAlerts(
    query: string,
    options?: OpsgenieCallOptions,
  ): Promise<OpsgeniePage<OpsgenieAlert>>;
}

/** The largest page the API serves. */
const MAX_LIMIT = 100;

type Params = Record<string, string>;

interface Envelope {
  data?: unknown;
  paging?: { next?: unknown };
  message?: unknown;
  requestId?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A time as the who-is-on-call and timeline endpoints document it:
 * `yyyy-MM-dd'T'HH:mm:ssZ` with a numeric offset (`2017-01-15T08:00:00+02:00`), here in UTC.
 *
 * @internal
 */
export function formatOpsgenieDate(date: Date): string {
  return DateTime.fromJSDate(date, { zone: 'utc' }).toFormat(
    "yyyy-MM-dd'T'HH:mm:ssZZ",
  );
}

/**
 * A client of the Opsgenie REST API v2.
 *
 * @public
 */
export class OpsgenieClient implements OpsgenieApi {
  readonly apiUrl: string;
  readonly #apiKey: string;
  readonly #timeoutMs: number;
  readonly #retry?: Partial<RetryPolicy>;
  readonly #maxPages: number;
  readonly #fetch: typeof fetch;
  readonly #sleep?: Sleep;

  /** A client for `reliability.opsgenie` as {@link readOpsgenieConfig} read it. */
  static fromConfig(
    config: OpsgenieConfig,
    options: Omit<OpsgenieClientOptions, 'apiKey' | 'apiUrl'> = {},
  ): OpsgenieClient {
    return new OpsgenieClient({
      ...options,
      apiKey: config.apiKey,
      apiUrl: config.apiUrl,
    });
  }

  constructor(options: OpsgenieClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = options.retry;
    this.#maxPages = Math.max(1, options.maxPages ?? 50);
    this.#fetch = options.fetch ?? ((...args) => fetch(...args));
    this.#sleep = options.sleep;
  }

  /** The team named `name` (`GET /v2/teams/{name}?identifierType=name`). */
  async getTeam(
    name: string,
    options: OpsgenieCallOptions = {},
  ): Promise<OpsgenieTeam> {
    const path = `/v2/teams/${encodeURIComponent(name)}`;
    const data = await this.#getData(path, { identifierType: 'name' }, options);
    return this.#expectRecord<OpsgenieTeam>(data, path, ['id', 'name']);
  }

  /** Every schedule of the account (`GET /v2/schedules`), which the API does not paginate. */
  async listSchedules(
    options: OpsgenieCallOptions = {},
  ): Promise<OpsgenieSchedule[]> {
    const path = '/v2/schedules';
    const data = await this.#getData(path, {}, options);
    return this.#expectList<OpsgenieSchedule>(data, path, ['id', 'name']);
  }

  /**
   * Who is on call in a schedule at `date` (`GET /v2/schedules/{id}/on-calls`), with
   * `flat=false` so that participants come with their ids and types.
   */
  async getOnCalls(
    scheduleId: string,
    options: OpsgenieCallOptions & { date: Date },
  ): Promise<OpsgenieOnCall> {
    const path = `/v2/schedules/${encodeURIComponent(scheduleId)}/on-calls`;
    const data = await this.#getData(
      path,
      {
        scheduleIdentifierType: 'id',
        flat: 'false',
        date: formatOpsgenieDate(options.date),
      },
      options,
    );
    return this.#expectRecord<OpsgenieOnCall>(data, path, []);
  }

  /** Who is on call next in a schedule after `date` (`GET /v2/schedules/{id}/next-on-calls`). */
  async getNextOnCalls(
    scheduleId: string,
    options: OpsgenieCallOptions & { date: Date },
  ): Promise<OpsgenieNextOnCall> {
    const path = `/v2/schedules/${encodeURIComponent(
      scheduleId,
    )}/next-on-calls`;
    const data = await this.#getData(
      path,
      {
        scheduleIdentifierType: 'id',
        flat: 'false',
        date: formatOpsgenieDate(options.date),
      },
      options,
    );
    return this.#expectRecord<OpsgenieNextOnCall>(data, path, []);
  }

  /**
   * A schedule's timeline from `date` for `interval` `intervalUnit`s
   * (`GET /v2/schedules/{id}/timeline`).
   */
  async getScheduleTimeline(
    scheduleId: string,
    options: OpsgenieCallOptions & {
      date: Date;
      interval: number;
      intervalUnit: 'days' | 'weeks' | 'months';
    },
  ): Promise<OpsgenieScheduleTimeline> {
    const path = `/v2/schedules/${encodeURIComponent(scheduleId)}/timeline`;
    const data = await this.#getData(
      path,
      {
        identifierType: 'id',
        interval: String(options.interval),
        intervalUnit: options.intervalUnit,
        date: formatOpsgenieDate(options.date),
      },
      options,
    );
    return this.#expectRecord<OpsgenieScheduleTimeline>(data, path, []);
  }

  /** Every escalation policy of the account (`GET /v2/escalations`), not paginated. */
  async listEscalations(
    options: OpsgenieCallOptions = {},
  ): Promise<OpsgenieEscalation[]> {
    const path = '/v2/escalations';
    const data = await this.#getData(path, {}, options);
    return this.#expectList<OpsgenieEscalation>(data, path, ['id', 'name']);
  }

  /**
   * The alerts matching an Opsgenie search `query` (`GET /v2/alerts`), oldest first, read page
   * by page (100 a page) until the API gives no `paging.next` or the page cap is reached.
   */
  async listAlerts(
    query: string,
    options: OpsgenieCallOptions = {},
  ): Promise<OpsgeniePage<OpsgenieAlert>> {
    const path = '/v2/alerts';
    let params: Params = {
      query,
      offset: '0',
      limit: String(MAX_LIMIT),
      sort: 'createdAt',
      order: 'asc',
    };
    const items: OpsgenieAlert[] = [];
    for (let page = 1; ; page++) {
      const body = await this.#get(path, params, options);
      items.push(
        ...this.#expectList<OpsgenieAlert>(body.data, path, [
          'id',
          'createdAt',
        ]),
      );
      const next = this.#nextParams(body, path, params);
      if (!next) {
        return { items, truncated: false };
      }
      if (page >= this.#maxPages) {
        return { items, truncated: true };
      }
      params = next;
    }
  }

  /**
   * The query of the next page from `paging.next`. Only its query string is used, on this
   * client's own base URL, so that the API key is never sent to a host a response names.
   */
  #nextParams(
    body: Envelope,
    path: string,
    current: Params,
  ): Params | undefined {
    const next = body.paging?.next;
    if (next === undefined || next === null || next === '') {
      return undefined;
    }
    if (typeof next !== 'string') {
      throw this.#malformed(path, 'paging.next is not a string');
    }
    let url: URL;
    try {
      url = new URL(next, this.apiUrl);
    } catch {
      throw this.#malformed(path, `paging.next "${next}" is not a URL`);
    }
    const params = Object.fromEntries(url.searchParams.entries());
    // A next page that asks for the same page again would never end.
    if (params.offset === current.offset) {
      throw this.#malformed(
        path,
        `paging.next asks for offset ${params.offset} again`,
      );
    }
    return params;
  }

  async #getData(
    path: string,
    params: Params,
    options: OpsgenieCallOptions,
  ): Promise<unknown> {
    return (await this.#get(path, params, options)).data;
  }

  async #get(
    path: string,
    params: Params,
    options: OpsgenieCallOptions,
  ): Promise<Envelope> {
    const search = new URLSearchParams(params).toString();
    const url = `${this.apiUrl}${path}${search ? `?${search}` : ''}`;
    return withRetries(
      async () => {
        const response = await this.#send(url, options.signal);
        return this.#read(response, path);
      },
      {
        // Every call only reads: sending one twice cannot change anything.
        idempotent: true,
        policy: this.#retry,
        signal: options.signal,
        sleep: this.#sleep,
      },
    );
  }

  async #send(url: string, signal: AbortSignal | undefined) {
    return fetchJson({
      url,
      headers: {
        Authorization: `GenieKey ${this.#apiKey}`,
        Accept: 'application/json',
      },
      timeoutMs: this.#timeoutMs,
      signal,
      fetch: this.#fetch,
      unreachableError: (detail, cause) =>
        new ServiceUnavailableError(
          `Opsgenie at ${this.apiUrl} could not be reached: ${detail}`,
          cause,
        ),
    });
  }

  #read(response: JsonResponse, path: string): Envelope {
    const { status, text, json: body } = response;
    const envelope = isObject(body) ? (body as Envelope) : undefined;
    const message =
      typeof envelope?.message === 'string'
        ? envelope.message
        : responseExcerpt(text);
    const requestId =
      typeof envelope?.requestId === 'string'
        ? ` (request id ${envelope.requestId})`
        : '';
    const error = httpStatusError(
      response,
      `Opsgenie answered ${status} to GET ${path}: ${message}${requestId}`,
      {
        401: what =>
          new AuthenticationError(
            `${what}. The API key was rejected: check reliability.opsgenie.apiKey and that the integration is enabled`,
          ),
        402: what => this.#notAllowed(what),
        403: what => this.#notAllowed(what),
      },
    );
    if (error) {
      throw error;
    }
    if (body === undefined) {
      throw this.#malformed(
        path,
        `the body is not JSON: ${text.trim().slice(0, 100) || 'empty'}`,
      );
    }
    if (!envelope || !('data' in envelope)) {
      throw this.#malformed(path, 'the body has no "data" field');
    }
    return envelope;
  }

  #notAllowed(what: string): Error {
    return new NotAllowedError(
      `${what}. The API key lacks the rights for this: give its API integration read access and no team restriction that hides this resource`,
    );
  }

  #malformed(path: string, problem: string): Error {
    return new ServiceUnavailableError(
      `Opsgenie answered GET ${path} with a malformed body: ${problem}`,
    );
  }

  #expectRecord<T>(data: unknown, path: string, required: string[]): T {
    if (!isObject(data)) {
      throw this.#malformed(path, '"data" is not an object');
    }
    for (const key of required) {
      if (typeof data[key] !== 'string') {
        throw this.#malformed(path, `data.${key} is not a string`);
      }
    }
    return data as T;
  }

  #expectList<T>(data: unknown, path: string, required: string[]): T[] {
    if (!Array.isArray(data)) {
      throw this.#malformed(path, '"data" is not a list');
    }
    data.forEach((item, index) => {
      if (!isObject(item)) {
        throw this.#malformed(path, `data[${index}] is not an object`);
      }
      for (const key of required) {
        if (typeof item[key] !== 'string') {
          throw this.#malformed(path, `data[${index}].${key} is not a string`);
        }
      }
    });
    return data as T[];
  }
}
