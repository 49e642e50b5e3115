/**
 * The client of the Jira Service Management operations REST API
 * (`https://api.atlassian.com/jsm/ops/api/{cloudId}/v1`), which took over Opsgenie's resources:
 * schedules and who is on call, timelines, escalations (per team) and alerts. Its answers carry
 * no `{ data }` envelope, lists come as `{ values, links: { next } }` paged by `offset` and
 * `size`, schedules name their team by `teamId`, and people are Atlassian account ids. It
 * answers in Opsgenie's shapes ({@link OpsgenieApi}), so that the Opsgenie provider and alert
 * source read JSM unchanged. Every call only reads and goes through {@link withRetries}
 * (network errors, 429 and 5xx, `Retry-After` honoured); the API token is sent as Basic
 * authentication with the account's email and never appears in an error.
 */
import {
  AuthenticationError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  JsonResponse,
  fetchJson,
  httpStatusError,
  responseExcerpt,
} from '../../net/fetchJson';
import { RetryPolicy, Sleep, withRetries } from '../../net/retry';
import {
  OpsgenieApi,
  OpsgenieCallOptions,
  OpsgeniePage,
} from '../opsgenie/OpsgenieClient';
import {
  OpsgenieAlert,
  OpsgenieEscalation,
  OpsgenieNextOnCall,
  OpsgenieOnCall,
  OpsgenieParticipant,
  OpsgenieSchedule,
  OpsgenieScheduleTimeline,
  OpsgenieTeam,
} from '../opsgenie/types';
import { JsmConfig } from './config';

/**
 * How to reach the JSM operations API.
 *
 * @public
 */
export interface JsmClientOptions {
  /** The site's operations API, e.g. `https://api.atlassian.com/jsm/ops/api/<cloudId>/v1`. */
  baseUrl: string;
  /** The Atlassian account the token belongs to. */
  email: string;
  apiToken: string;
  /** Timeout of one HTTP request. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Most pages one list call reads. Default 50 (5,000 alerts). */
  maxPages?: number;
  fetch?: typeof fetch;
  sleep?: Sleep;
}

const PAGE_SIZE = 100;

type Params = Record<string, string>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** People are account ids in JSM; the Opsgenie model names users, so the id stands in. */
function withNames(participants: unknown): OpsgenieParticipant[] | undefined {
  if (!Array.isArray(participants)) {
    return undefined;
  }
  return participants.filter(isObject).map(p => {
    const participant = p as OpsgenieParticipant;
    return {
      ...participant,
      name: participant.name ?? participant.id,
      onCallParticipants: withNames(participant.onCallParticipants),
    };
  });
}

/**
 * A client of the JSM operations REST API that answers as {@link OpsgenieApi}.
 *
 * @public
 */
export class JsmClient implements OpsgenieApi {
  readonly baseUrl: string;
  readonly #authorization: string;
  readonly #timeoutMs: number;
  readonly #retry?: Partial<RetryPolicy>;
  readonly #maxPages: number;
  readonly #fetch: typeof fetch;
  readonly #sleep?: Sleep;

  static fromConfig(
    config: JsmConfig,
    options: Omit<JsmClientOptions, 'baseUrl' | 'email' | 'apiToken'> = {},
  ): JsmClient {
    return new JsmClient({
      ...options,
      baseUrl: config.baseUrl,
      email: config.email,
      apiToken: config.apiToken,
    });
  }

  constructor(options: JsmClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#authorization = `Basic ${Buffer.from(
      `${options.email}:${options.apiToken}`,
    ).toString('base64')}`;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = options.retry;
    this.#maxPages = Math.max(1, options.maxPages ?? 50);
    this.#fetch = options.fetch ?? ((...args) => fetch(...args));
    this.#sleep = options.sleep;
  }

  /**
   * The team of the annotation's id. Teams are Atlassian teams, read through other APIs; here
   * the id is all the provider needs (schedules and escalations name their team by it).
   */
  async getTeam(teamId: string): Promise<OpsgenieTeam> {
    return { id: teamId, name: teamId };
  }

  /** Every schedule (`GET /schedules`), its team (`teamId`) as the owner team. */
  async listSchedules(
    options: OpsgenieCallOptions = {},
  ): Promise<OpsgenieSchedule[]> {
    const { items } = await this.#list('/schedules', {}, options, [
      'id',
      'name',
    ]);
    return items.map(item => {
      const schedule = item as unknown as OpsgenieSchedule;
      return {
        ...schedule,
        // JSM names the team by `teamId`; an Opsgenie-style `ownerTeam` is read as well.
        ownerTeam:
          schedule.ownerTeam ??
          (typeof item.teamId === 'string' ? { id: item.teamId } : undefined),
      };
    });
  }

  async getOnCalls(
    scheduleId: string,
    options: OpsgenieCallOptions & { date: Date },
  ): Promise<OpsgenieOnCall> {
    const path = `/schedules/${encodeURIComponent(scheduleId)}/on-calls`;
    const body = await this.#record(
      path,
      { flat: 'false', date: options.date.toISOString() },
      options,
    );
    return { onCallParticipants: withNames(body.onCallParticipants) };
  }

  async getNextOnCalls(
    scheduleId: string,
    options: OpsgenieCallOptions & { date: Date },
  ): Promise<OpsgenieNextOnCall> {
    const path = `/schedules/${encodeURIComponent(scheduleId)}/next-on-calls`;
    const body = await this.#record(
      path,
      { flat: 'false', date: options.date.toISOString() },
      options,
    );
    return {
      nextOnCallRecipients: withNames(body.nextOnCallRecipients),
      exactNextOnCallRecipients: withNames(body.exactNextOnCallRecipients),
    };
  }

  async getScheduleTimeline(
    scheduleId: string,
    options: OpsgenieCallOptions & {
      date: Date;
      interval: number;
      intervalUnit: 'days' | 'weeks' | 'months';
    },
  ): Promise<OpsgenieScheduleTimeline> {
    const path = `/schedules/${encodeURIComponent(scheduleId)}/timeline`;
    const body = await this.#record(
      path,
      {
        interval: String(options.interval),
        intervalUnit: options.intervalUnit,
        date: options.date.toISOString(),
      },
      options,
    );
    const timeline = body as OpsgenieScheduleTimeline;
    for (const rotation of timeline.finalTimeline?.rotations ?? []) {
      for (const period of rotation.periods ?? []) {
        if (period.recipient && !period.recipient.name) {
          period.recipient.name = period.recipient.id;
        }
      }
    }
    return timeline;
  }

  /** The team's escalations (`GET /teams/{teamId}/escalations`); none without a team. */
  async listEscalations(
    options: OpsgenieCallOptions & { team?: OpsgenieTeam } = {},
  ): Promise<OpsgenieEscalation[]> {
    const { team } = options;
    if (!team) {
      return [];
    }
    const { items } = await this.#list(
      `/teams/${encodeURIComponent(team.id)}/escalations`,
      {},
      options,
      ['id', 'name'],
    );
    // Recipients come as `{ type, id }`; the provider names schedules by their own name.
    return items.map(item => ({
      ...(item as unknown as OpsgenieEscalation),
      ownerTeam: team,
    }));
  }

  /**
   * Alerts matching the search `query` (`GET /alerts`), oldest first. List items may lack the
   * `report` (acknowledgement and close times); those of acknowledged or closed alerts are then
   * read one by one (`GET /alerts/{id}`).
   */
  async listAlerts(
    query: string,
    options: OpsgenieCallOptions = {},
  ): Promise<OpsgeniePage<OpsgenieAlert>> {
    const page = await this.#list(
      '/alerts',
      { query, sort: 'createdAt', order: 'asc' },
      options,
      ['id', 'createdAt'],
    );
    const items: OpsgenieAlert[] = [];
    for (const item of page.items) {
      const alert = item as unknown as OpsgenieAlert;
      const needsReport =
        !alert.report && (alert.acknowledged || alert.status === 'closed');
      items.push(
        needsReport
          ? ((await this.#record(
              `/alerts/${encodeURIComponent(alert.id)}`,
              {},
              options,
            )) as unknown as OpsgenieAlert)
          : alert,
      );
    }
    return { items, truncated: page.truncated };
  }

  async #list(
    path: string,
    params: Params,
    options: OpsgenieCallOptions,
    required: string[],
  ): Promise<{ items: Array<Record<string, unknown>>; truncated: boolean }> {
    const items: Array<Record<string, unknown>> = [];
    let offset = 0;
    for (let page = 1; ; page++) {
      const body = await this.#get(
        path,
        { ...params, offset: String(offset), size: String(PAGE_SIZE) },
        options,
      );
      if (!isObject(body) || !Array.isArray(body.values)) {
        throw this.#malformed(path, 'the body has no "values" list');
      }
      body.values.forEach((value: unknown, index: number) => {
        if (!isObject(value)) {
          throw this.#malformed(path, `values[${index}] is not an object`);
        }
        for (const key of required) {
          if (typeof value[key] !== 'string') {
            throw this.#malformed(
              path,
              `values[${index}].${key} is not a string`,
            );
          }
        }
        items.push(value);
      });
      const next = isObject(body.links) ? body.links.next : undefined;
      if (typeof next !== 'string' || !next || body.values.length === 0) {
        return { items, truncated: false };
      }
      if (page >= this.#maxPages) {
        return { items, truncated: true };
      }
      // Only the offset of `links.next` is used, on this client's own base URL, so that the
      // token never goes to a host an answer names.
      const nextOffset = Number(
        new URL(next, this.baseUrl).searchParams.get('offset'),
      );
      if (!Number.isInteger(nextOffset) || nextOffset <= offset) {
        throw this.#malformed(path, `links.next "${next}" does not move on`);
      }
      offset = nextOffset;
    }
  }

  async #record(
    path: string,
    params: Params,
    options: OpsgenieCallOptions,
  ): Promise<Record<string, unknown>> {
    const body = await this.#get(path, params, options);
    if (!isObject(body)) {
      throw this.#malformed(path, 'the body is not an object');
    }
    return body;
  }

  async #get(
    path: string,
    params: Params,
    options: OpsgenieCallOptions,
  ): Promise<unknown> {
    const search = new URLSearchParams(params).toString();
    const url = `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
    return withRetries(
      async () => {
        const response = await fetchJson({
          url,
          headers: {
            Authorization: this.#authorization,
            Accept: 'application/json',
          },
          timeoutMs: this.#timeoutMs,
          signal: options.signal,
          fetch: this.#fetch,
          unreachableError: (detail, cause) =>
            new ServiceUnavailableError(
              `Jira Service Management at ${this.baseUrl} could not be reached: ${detail}`,
              cause,
            ),
        });
        return this.#read(response, path);
      },
      {
        idempotent: true,
        policy: this.#retry,
        signal: options.signal,
        sleep: this.#sleep,
      },
    );
  }

  #read(response: JsonResponse, path: string): unknown {
    const { status, text, json } = response;
    const body = isObject(json) ? json : undefined;
    const errorMessages = Array.isArray(body?.errorMessages)
      ? body!.errorMessages.filter(m => typeof m === 'string').join('; ')
      : '';
    const message =
      (typeof body?.message === 'string' && body.message) ||
      errorMessages ||
      responseExcerpt(text);
    const error = httpStatusError(
      response,
      `Jira Service Management answered ${status} to GET ${path}: ${message}`,
      {
        401: what =>
          new AuthenticationError(
            `${what}. The API token was rejected: check reliability.jsm.email and reliability.jsm.apiToken`,
          ),
        403: what =>
          new NotAllowedError(
            `${what}. The account lacks the rights for this: it needs access to the team's operations (schedules, escalations and alerts)`,
          ),
      },
    );
    if (error) {
      throw error;
    }
    if (json === undefined) {
      throw this.#malformed(
        path,
        `the body is not JSON: ${text.trim().slice(0, 100) || 'empty'}`,
      );
    }
    return json;
  }

  #malformed(path: string, problem: string): Error {
    return new ServiceUnavailableError(
      `Jira Service Management answered GET ${path} with a malformed body: ${problem}`,
    );
  }
}
