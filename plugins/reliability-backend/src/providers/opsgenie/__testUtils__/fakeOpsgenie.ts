/**
 * A local stand-in for the Opsgenie REST API v2 (node:http on 127.0.0.1 and a free port) that
 * answers from an in-memory dataset the way docs.opsgenie.com documents: `GenieKey`
 * authentication, the `{ data, took, requestId }` envelope, `paging` links on alert lists,
 * `{ message, took, requestId }` errors. It records every request, and faults can be scripted
 * (429 with or without `Retry-After`, 5xx, malformed JSON, any status).
 */
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  OpsgenieAlert,
  OpsgenieEscalation,
  OpsgenieParticipant,
  OpsgenieSchedule,
  OpsgenieTeam,
  OpsgenieTimelinePeriod,
} from '../types';

/** An alert in the dataset; `teams` is what `teams:` queries match and is not sent back. */
export interface FakeOpsgenieAlert extends OpsgenieAlert {
  teams?: string[];
}

/** The data the fake serves. */
export interface FakeOpsgenieData {
  teams: OpsgenieTeam[];
  schedules: OpsgenieSchedule[];
  /** On-call participants by schedule id. */
  onCalls: Record<string, OpsgenieParticipant[]>;
  /** Next on-call participants by schedule id. */
  nextOnCalls: Record<string, OpsgenieParticipant[]>;
  /** Final timeline rotations by schedule id. */
  timelines: Record<
    string,
    Array<{ id: string; name: string; periods: OpsgenieTimelinePeriod[] }>
  >;
  escalations: OpsgenieEscalation[];
  alerts: FakeOpsgenieAlert[];
}

/** A request the fake received. */
export interface RecordedOpsgenieRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
}

/**
 * A scripted answer that replaces the next matching request's normal one: a status with an
 * Opsgenie error body, or a raw body (malformed JSON).
 */
export interface FakeOpsgenieFault {
  /** Only requests to this path; any path when absent. */
  path?: string;
  status?: number;
  headers?: Record<string, string>;
  /** Sent as is instead of an error envelope. */
  rawBody?: string;
}

export interface FakeOpsgenie {
  /** `http://127.0.0.1:<port>` */
  url: string;
  apiKey: string;
  data: FakeOpsgenieData;
  requests: RecordedOpsgenieRequest[];
  /** Queues faults; each answers one matching request, in order. */
  fail(...faults: FakeOpsgenieFault[]): void;
  close(): Promise<void>;
}

export function emptyOpsgenieData(): FakeOpsgenieData {
  return {
    teams: [],
    schedules: [],
    onCalls: {},
    nextOnCalls: {},
    timelines: {},
    escalations: [],
    alerts: [],
  };
}

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const UNIT_MS = { days: 86_400_000, weeks: 7 * 86_400_000 } as const;

function flattenUsers(participants: OpsgenieParticipant[]): string[] {
  return participants.flatMap(participant =>
    participant.type === 'user'
      ? [participant.name ?? '']
      : flattenUsers(participant.onCallParticipants ?? []),
  );
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replace(/\\"/g, '"')
    : trimmed;
}

/**
 * A small subset of Opsgenie's alert search syntax: `AND`/`OR` of `createdAt` comparisons with
 * epoch milliseconds and `field:value` terms for tag, tags, teams, status, alias and message.
 * Anything else is answered 422, as Opsgenie answers queries it cannot parse. JSM kept the
 * syntax, so its fake reuses this.
 */
export function matcher(query: string): (alert: FakeOpsgenieAlert) => boolean {
  const stripped = query.trim().replace(/^\((.*)\)$/, '$1');
  if (!stripped) {
    return () => true;
  }
  const ands = stripped.split(/\s+AND\s+/);
  if (ands.length > 1) {
    const all = ands.map(matcher);
    return alert => all.every(match => match(alert));
  }
  const ors = stripped.split(/\s+OR\s+/);
  if (ors.length > 1) {
    const any = ors.map(matcher);
    return alert => any.some(match => match(alert));
  }
  const comparison = /^createdAt\s*(>=|<=|>|<)\s*(\d+)$/.exec(stripped);
  if (comparison) {
    const [, operator, value] = comparison;
    const bound = Number(value);
    return alert => {
      const at = Date.parse(alert.createdAt);
      switch (operator) {
        case '>=':
          return at >= bound;
        case '<=':
          return at <= bound;
        case '>':
          return at > bound;
        default:
          return at < bound;
      }
    };
  }
  const term = /^(tag|tags|teams|status|alias|message)\s*:\s*(.+)$/.exec(
    stripped,
  );
  if (term) {
    const [, field, raw] = term;
    const value = unquote(raw);
    return alert => {
      switch (field) {
        case 'tag':
        case 'tags':
          return (alert.tags ?? []).includes(value);
        case 'teams':
          return (alert.teams ?? []).includes(value);
        default:
          return (alert as unknown as Record<string, unknown>)[field] === value;
      }
    };
  }
  throw new HttpError(422, `Invalid query: ${stripped}`);
}

/** Starts the fake; `data` can be changed by the test at any time. */
export async function startFakeOpsgenie(
  data: FakeOpsgenieData = emptyOpsgenieData(),
  apiKey = 'test-genie-key',
): Promise<FakeOpsgenie> {
  const requests: RecordedOpsgenieRequest[] = [];
  const faults: FakeOpsgenieFault[] = [];
  let requestCount = 0;
  let origin = '';

  function route(path: string, query: Record<string, string>): unknown {
    const teamMatch = /^\/v2\/teams\/([^/]+)$/.exec(path);
    if (teamMatch) {
      const identifier = decodeURIComponent(teamMatch[1]);
      const byName = query.identifierType === 'name';
      const team = data.teams.find(t =>
        byName ? t.name === identifier : t.id === identifier,
      );
      if (!team) {
        throw new HttpError(
          404,
          `No team exists with ${byName ? 'name' : 'id'} [${identifier}]`,
        );
      }
      return { data: team };
    }
    if (path === '/v2/schedules') {
      return { data: data.schedules, expandable: ['rotation'] };
    }
    const match =
      /^\/v2\/schedules\/([^/]+)\/(on-calls|next-on-calls|timeline)$/.exec(
        path,
      );
    if (match) {
      const identifier = decodeURIComponent(match[1]);
      const byName =
        (query.scheduleIdentifierType ?? query.identifierType) === 'name';
      const schedule = data.schedules.find(s =>
        byName ? s.name === identifier : s.id === identifier,
      );
      if (!schedule) {
        throw new HttpError(
          404,
          `Schedule with identifier [${identifier}] does not exist`,
        );
      }
      const parent = {
        id: schedule.id,
        name: schedule.name,
        enabled: schedule.enabled ?? true,
      };
      const flat = query.flat === 'true';
      if (match[2] === 'on-calls') {
        const participants = data.onCalls[schedule.id] ?? [];
        return {
          data: flat
            ? { _parent: parent, onCallRecipients: flattenUsers(participants) }
            : { _parent: parent, onCallParticipants: participants },
        };
      }
      if (match[2] === 'next-on-calls') {
        const participants = data.nextOnCalls[schedule.id] ?? [];
        return {
          data: flat
            ? {
                _parent: parent,
                nextOnCallParticipants: flattenUsers(participants),
                exactNextOnCallParticipants: flattenUsers(participants),
              }
            : {
                _parent: parent,
                nextOnCallRecipients: participants,
                exactNextOnCallRecipients: participants,
              },
        };
      }
      const start = query.date ? Date.parse(query.date) : Date.now();
      const unit = (query.intervalUnit ?? 'weeks') as keyof typeof UNIT_MS;
      if (Number.isNaN(start) || !(unit in UNIT_MS)) {
        throw new HttpError(422, 'Invalid date or intervalUnit');
      }
      const end = start + Number(query.interval ?? '1') * UNIT_MS[unit];
      const iso = (ms: number) => new Date(ms).toISOString();
      const rotations = (data.timelines[schedule.id] ?? []).map(rotation => ({
        ...rotation,
        periods: rotation.periods
          .filter(
            p => Date.parse(p.startDate) < end && Date.parse(p.endDate) > start,
          )
          .map(p => ({
            ...p,
            startDate: iso(Math.max(start, Date.parse(p.startDate))),
            endDate: iso(Math.min(end, Date.parse(p.endDate))),
          })),
      }));
      return {
        data: {
          _parent: parent,
          startDate: iso(start),
          endDate: iso(end),
          finalTimeline: { rotations },
        },
        expandable: ['base', 'forwarding', 'override'],
      };
    }
    if (path === '/v2/escalations') {
      return { data: data.escalations };
    }
    if (path === '/v2/alerts') {
      const offset = Number(query.offset ?? '0');
      const limit = Number(query.limit ?? '20');
      if (!(limit >= 1 && limit <= 100) || !(offset >= 0)) {
        throw new HttpError(422, 'limit must be 1 to 100, offset at least 0');
      }
      const direction = query.order === 'asc' ? 1 : -1;
      const matches = data.alerts
        .filter(matcher(query.query ?? ''))
        .sort(
          (a, b) =>
            direction * (Date.parse(a.createdAt) - Date.parse(b.createdAt)),
        );
      const page = matches
        .slice(offset, offset + limit)
        .map(({ teams: _teams, ...alert }) => alert);
      const link = (at: number) =>
        `${origin}/v2/alerts?${new URLSearchParams({
          ...query,
          offset: String(at),
          limit: String(limit),
        })}`;
      const lastOffset = Math.max(
        0,
        Math.floor((matches.length - 1) / limit) * limit,
      );
      return {
        data: page,
        paging: {
          ...(offset + limit < matches.length
            ? { next: link(offset + limit) }
            : {}),
          first: link(0),
          last: link(lastOffset),
        },
      };
    }
    throw new HttpError(404, `No route for ${path}`);
  }

  const server = createServer(
    (request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const recorded: RecordedOpsgenieRequest = {
        method: request.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams.entries()),
        headers: request.headers,
      };
      requests.push(recorded);
      requestCount += 1;
      const requestId = `request-${requestCount}`;
      const send = (
        status: number,
        body: unknown,
        headers: Record<string, string> = {},
      ) => {
        response.writeHead(status, {
          'Content-Type': 'application/json',
          ...headers,
        });
        response.end(
          typeof body === 'string'
            ? body
            : JSON.stringify({ ...(body as object), took: 0.01, requestId }),
        );
      };

      const faultIndex = faults.findIndex(
        fault => !fault.path || fault.path === recorded.path,
      );
      if (faultIndex >= 0) {
        const [fault] = faults.splice(faultIndex, 1);
        send(
          fault.status ?? 200,
          fault.rawBody ?? { message: `Scripted failure ${fault.status}` },
          fault.headers,
        );
        return;
      }
      if (request.headers.authorization !== `GenieKey ${apiKey}`) {
        send(401, { message: 'Could not authenticate' });
        return;
      }
      if (request.method !== 'GET') {
        send(405, { message: 'Method not allowed' });
        return;
      }
      try {
        send(200, route(recorded.path, recorded.query));
      } catch (error) {
        if (error instanceof HttpError) {
          send(error.status, { message: error.message });
        } else {
          send(500, { message: String(error) });
        }
      }
    },
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    apiKey,
    data,
    requests,
    fail(...more) {
      faults.push(...more);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
