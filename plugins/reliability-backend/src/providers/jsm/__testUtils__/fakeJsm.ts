/**
 * A local stand-in for the Jira Service Management operations REST API (node:http on
 * 127.0.0.1 and a free port), answering from an in-memory dataset as developer.atlassian.com
 * documents it: everything under `/jsm/ops/api/{cloudId}/v1`, Basic authentication with an
 * account's email and API token, bodies without an envelope, lists as
 * `{ values, count, links: { next } }` paged by `offset` and `size`, schedules naming their team
 * by `teamId`, escalations listed per team, people as account ids, alert list items without
 * their `report` (read with `GET /alerts/{id}`), and `{ message }` errors. The alert search
 * syntax is Opsgenie's, so the Opsgenie fake's matcher answers it. It records every request;
 * faults can be scripted (429 with or without `Retry-After`, 5xx, any status).
 */
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  OpsgenieEscalation,
  OpsgenieParticipant,
  OpsgenieTimelinePeriod,
} from '../../opsgenie/types';
import {
  FakeOpsgenieAlert,
  FakeOpsgenieFault,
  HttpError,
  RecordedOpsgenieRequest,
  matcher,
} from '../../opsgenie/__testUtils__/fakeOpsgenie';

export const FAKE_JSM_CLOUD_ID = '0c6f6c3e-5b1a-4a8e-9a51-6a3a2f0e7d11';

export interface FakeJsmSchedule {
  id: string;
  name: string;
  timezone?: string;
  enabled?: boolean;
  teamId?: string;
}

export interface FakeJsmData {
  /** Team ids that exist. */
  teams: string[];
  schedules: FakeJsmSchedule[];
  onCalls: Record<string, OpsgenieParticipant[]>;
  nextOnCalls: Record<string, OpsgenieParticipant[]>;
  timelines: Record<
    string,
    Array<{ id: string; name: string; periods: OpsgenieTimelinePeriod[] }>
  >;
  /** Escalations by team id. */
  escalations: Record<string, Omit<OpsgenieEscalation, 'ownerTeam'>[]>;
  alerts: FakeOpsgenieAlert[];
}

export interface FakeJsm {
  /** The `apiUrl` to configure: `http://127.0.0.1:<port>`. */
  url: string;
  /** The operations API of the fake site. */
  baseUrl: string;
  email: string;
  apiToken: string;
  data: FakeJsmData;
  requests: RecordedOpsgenieRequest[];
  fail(...faults: FakeOpsgenieFault[]): void;
  /** While set, every request is answered with this status (an outage); unset it to recover. */
  outage?: number;
  close(): Promise<void>;
}

export function emptyJsmData(): FakeJsmData {
  return {
    teams: [],
    schedules: [],
    onCalls: {},
    nextOnCalls: {},
    timelines: {},
    escalations: {},
    alerts: [],
  };
}

const UNIT_MS = { days: 86_400_000, weeks: 7 * 86_400_000 } as const;
const MAX_SIZE = 100;

export async function startFakeJsm(
  data: FakeJsmData = emptyJsmData(),
  credentials = { email: 'ops@example.com', apiToken: 'test-jsm-token' },
): Promise<FakeJsm> {
  const requests: RecordedOpsgenieRequest[] = [];
  const faults: FakeOpsgenieFault[] = [];
  const prefix = `/jsm/ops/api/${FAKE_JSM_CLOUD_ID}/v1`;
  let origin = '';
  const fake = {} as FakeJsm;
  const expectedAuth = `Basic ${Buffer.from(
    `${credentials.email}:${credentials.apiToken}`,
  ).toString('base64')}`;

  function paged(
    path: string,
    query: Record<string, string>,
    all: unknown[],
  ): unknown {
    const offset = Number(query.offset ?? '0');
    const size = Number(query.size ?? '20');
    if (!(size >= 1 && size <= MAX_SIZE) || !(offset >= 0)) {
      throw new HttpError(
        400,
        `size must be 1 to ${MAX_SIZE}, offset at least 0`,
      );
    }
    const values = all.slice(offset, offset + size);
    const next =
      offset + size < all.length
        ? `${origin}${prefix}${path}?${new URLSearchParams({
            ...query,
            offset: String(offset + size),
            size: String(size),
          })}`
        : undefined;
    return { values, count: all.length, links: next ? { next } : {} };
  }

  function route(path: string, query: Record<string, string>): unknown {
    if (path === '/schedules') {
      return paged(path, query, data.schedules);
    }
    const scheduleMatch =
      /^\/schedules\/([^/]+)\/(on-calls|next-on-calls|timeline)$/.exec(path);
    if (scheduleMatch) {
      const id = decodeURIComponent(scheduleMatch[1]);
      const schedule = data.schedules.find(s => s.id === id);
      if (!schedule) {
        throw new HttpError(404, `Schedule with id [${id}] does not exist`);
      }
      if (scheduleMatch[2] === 'on-calls') {
        return { onCallParticipants: data.onCalls[id] ?? [] };
      }
      if (scheduleMatch[2] === 'next-on-calls') {
        const next = data.nextOnCalls[id] ?? [];
        return { nextOnCallRecipients: next, exactNextOnCallRecipients: next };
      }
      const start = query.date ? Date.parse(query.date) : Date.now();
      const unit = (query.intervalUnit ?? 'weeks') as keyof typeof UNIT_MS;
      if (Number.isNaN(start) || !(unit in UNIT_MS)) {
        throw new HttpError(400, 'Invalid date or intervalUnit');
      }
      const end = start + Number(query.interval ?? '1') * UNIT_MS[unit];
      const iso = (ms: number) => new Date(ms).toISOString();
      return {
        startDate: iso(start),
        endDate: iso(end),
        finalTimeline: {
          rotations: (data.timelines[id] ?? []).map(rotation => ({
            ...rotation,
            periods: rotation.periods
              .filter(
                p =>
                  Date.parse(p.startDate) < end &&
                  Date.parse(p.endDate) > start,
              )
              .map(p => ({
                ...p,
                recipient: p.recipient && { ...p.recipient },
                startDate: iso(Math.max(start, Date.parse(p.startDate))),
                endDate: iso(Math.min(end, Date.parse(p.endDate))),
              })),
          })),
        },
      };
    }
    const escalationMatch = /^\/teams\/([^/]+)\/escalations$/.exec(path);
    if (escalationMatch) {
      const teamId = decodeURIComponent(escalationMatch[1]);
      if (!data.teams.includes(teamId)) {
        throw new HttpError(404, `Team with id [${teamId}] does not exist`);
      }
      return paged(path, query, data.escalations[teamId] ?? []);
    }
    if (path === '/alerts') {
      const direction = query.order === 'asc' ? 1 : -1;
      const matches = data.alerts
        .filter(matcher(query.query ?? ''))
        .sort(
          (a, b) =>
            direction * (Date.parse(a.createdAt) - Date.parse(b.createdAt)),
        )
        // List items are the thinner record: no report.
        .map(({ teams: _teams, report: _report, ...alert }) => alert);
      return paged(path, query, matches);
    }
    const alertMatch = /^\/alerts\/([^/]+)$/.exec(path);
    if (alertMatch) {
      const id = decodeURIComponent(alertMatch[1]);
      const alert = data.alerts.find(a => a.id === id);
      if (!alert) {
        throw new HttpError(404, `Alert with id [${id}] does not exist`);
      }
      const { teams: _teams, ...detail } = alert;
      return detail;
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
      const send = (
        status: number,
        body: unknown,
        headers: Record<string, string> = {},
      ) => {
        response.writeHead(status, {
          'Content-Type': 'application/json',
          ...headers,
        });
        response.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (fake.outage) {
        send(fake.outage, { message: `Outage ${fake.outage}` });
        return;
      }
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
      if (request.headers.authorization !== expectedAuth) {
        send(401, { code: 401, message: 'Unauthorized' });
        return;
      }
      if (request.method !== 'GET') {
        send(405, { message: 'Method not allowed' });
        return;
      }
      if (!url.pathname.startsWith(`${prefix}/`)) {
        send(404, { message: `No site with the cloud id of ${url.pathname}` });
        return;
      }
      try {
        send(200, route(url.pathname.slice(prefix.length), recorded.query));
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
  Object.assign(fake, {
    url: origin,
    baseUrl: `${origin}${prefix}`,
    ...credentials,
    data,
    requests,
    fail(...more: FakeOpsgenieFault[]) {
      faults.push(...more);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  });
  return fake;
}
