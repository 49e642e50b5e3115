/**
 * A fake PagerDuty REST API v2 on 127.0.0.1 and a free port, answering from an in-memory dataset
 * with the documented response shapes (references as `{ id, type, summary, self, html_url }`,
 * classic pagination with `offset`, `limit`, `more`, `total`, errors as
 * `{ error: { message, code } }`). It records every request so that tests assert what the client
 * sent, and can be scripted to fail: 429 with `Retry-After`, 5xx, malformed bodies.
 */
import { AddressInfo } from 'node:net';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';

/** A request the fake received; repeated parameters (`include[]`) keep every value. */
export interface RecordedPagerDutyRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: IncomingMessage['headers'];
}

export interface FakeUser {
  id: string;
  name: string;
  email: string;
  time_zone?: string;
}

export interface FakeSchedule {
  id: string;
  name: string;
}

export interface FakeEscalationPolicy {
  id: string;
  name: string;
  rules: Array<{
    delayMinutes: number;
    targets: Array<{ type: 'user' | 'schedule'; id: string }>;
  }>;
}

export interface FakeService {
  id: string;
  name: string;
  escalationPolicyId: string;
  integrationKeys?: string[];
}

export interface FakeOnCall {
  userId: string;
  scheduleId?: string;
  escalationPolicyId: string;
  level: number;
  /** ISO 8601; absent for a permanent on-call. */
  start?: string;
  end?: string;
}

export interface FakeIncident {
  id: string;
  title: string;
  serviceId: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low';
  createdAt: string;
  incidentKey?: string;
  assigneeIds?: string[];
  acknowledgements?: Array<{ at: string; userId: string }>;
  resolvedAt?: string;
  lastStatusChangeBy?: string;
}

export interface FakeLogEntry {
  id: string;
  type: string;
  createdAt: string;
  /** A user id, or a service id for entries agents like integrations wrote. */
  agentId?: string;
  /** For `notify_log_entry`. */
  userId?: string;
  /** For `assign_log_entry`. */
  assigneeIds?: string[];
}

export interface FakePagerDutyData {
  users: FakeUser[];
  schedules: FakeSchedule[];
  escalationPolicies: FakeEscalationPolicy[];
  services: FakeService[];
  oncalls: FakeOnCall[];
  incidents: FakeIncident[];
  logEntries: Record<string, FakeLogEntry[]>;
}

/** A scripted answer; a string body is sent as it is, anything else as JSON. */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakePagerDuty {
  url: string;
  /** The token the fake accepts as `Authorization: Token token=<token>`. */
  token: string;
  data: FakePagerDutyData;
  requests: RecordedPagerDutyRequest[];
  /**
   * Answers the next `times` requests (whose path starts with `pathPrefix`, when given) with
   * `answer` instead of the dataset.
   */
  failNext(
    answer: FakeAnswer,
    options?: { times?: number; pathPrefix?: string },
  ): void;
  close(): Promise<void>;
}

const HTML = 'https://acme.pagerduty.com';

export function emptyData(): FakePagerDutyData {
  return {
    users: [],
    schedules: [],
    escalationPolicies: [],
    services: [],
    oncalls: [],
    incidents: [],
    logEntries: {},
  };
}

export function errorBody(message: string, code?: number, errors?: string[]) {
  return {
    error: {
      message,
      ...(code ? { code } : {}),
      ...(errors ? { errors } : {}),
    },
  };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    ...headers,
  });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export async function startFakePagerDuty(
  options: { token?: string; data?: FakePagerDutyData } = {},
): Promise<FakePagerDuty> {
  const token = options.token ?? 'test-token';
  const data = options.data ?? emptyData();
  const requests: RecordedPagerDutyRequest[] = [];
  const faults: Array<{
    answer: FakeAnswer;
    remaining: number;
    pathPrefix?: string;
  }> = [];
  const api = (path: string) => `http://api.invalid${path}`;

  const ref = (
    type: string,
    id: string,
    summary: string,
    htmlPath: string,
  ) => ({
    id,
    type: `${type}_reference`,
    summary,
    self: api(`/${type}s/${id}`),
    html_url: `${HTML}${htmlPath}`,
  });
  const userRef = (id: string) => {
    const user = data.users.find(u => u.id === id);
    return ref('user', id, user?.name ?? id, `/users/${id}`);
  };
  const fullUser = (id: string) => {
    const user = data.users.find(u => u.id === id)!;
    return {
      ...userRef(id),
      type: 'user',
      name: user.name,
      email: user.email,
      time_zone: user.time_zone ?? 'Etc/UTC',
    };
  };
  const scheduleRef = (id: string) => {
    const schedule = data.schedules.find(s => s.id === id);
    return ref('schedule', id, schedule?.name ?? id, `/schedules/${id}`);
  };
  const serviceRef = (id: string) => {
    const service = data.services.find(s => s.id === id);
    return {
      ...ref('service', id, service?.name ?? id, `/service-directory/${id}`),
    };
  };
  const agentRef = (id: string) =>
    data.users.some(u => u.id === id) ? userRef(id) : serviceRef(id);
  const policyRef = (id: string) => {
    const policy = data.escalationPolicies.find(p => p.id === id);
    return ref(
      'escalation_policy',
      id,
      policy?.name ?? id,
      `/escalation_policies/${id}`,
    );
  };
  const fullPolicy = (id: string) => {
    const policy = data.escalationPolicies.find(p => p.id === id)!;
    return {
      ...policyRef(id),
      type: 'escalation_policy',
      name: policy.name,
      num_loops: 0,
      escalation_rules: policy.rules.map((rule, index) => ({
        id: `${id}R${index + 1}`,
        escalation_delay_in_minutes: rule.delayMinutes,
        targets: rule.targets.map(target =>
          target.type === 'user' ? userRef(target.id) : scheduleRef(target.id),
        ),
      })),
    };
  };
  const renderService = (service: FakeService, include: string[]) => ({
    ...serviceRef(service.id),
    type: 'service',
    name: service.name,
    status: 'active',
    escalation_policy: include.includes('escalation_policies')
      ? fullPolicy(service.escalationPolicyId)
      : policyRef(service.escalationPolicyId),
    integrations: (service.integrationKeys ?? []).map((key, index) => {
      const integrationRef = {
        id: `${service.id}I${index + 1}`,
        type: 'events_api_v2_inbound_integration_reference',
        summary: 'Events API v2',
        self: api(
          `/services/${service.id}/integrations/${service.id}I${index + 1}`,
        ),
        html_url: `${HTML}/services/${service.id}/integrations/${service.id}I${
          index + 1
        }`,
      };
      return include.includes('integrations')
        ? {
            ...integrationRef,
            type: 'events_api_v2_inbound_integration',
            integration_key: key,
          }
        : integrationRef;
    }),
  });
  const renderIncident = (incident: FakeIncident) => ({
    id: incident.id,
    type: 'incident',
    summary: `[#1] ${incident.title}`,
    self: api(`/incidents/${incident.id}`),
    html_url: `${HTML}/incidents/${incident.id}`,
    incident_number: 1,
    title: incident.title,
    created_at: incident.createdAt,
    updated_at: incident.resolvedAt ?? incident.createdAt,
    status: incident.status,
    incident_key: incident.incidentKey ?? null,
    service: serviceRef(incident.serviceId),
    assignments:
      incident.status === 'resolved'
        ? []
        : (incident.assigneeIds ?? []).map(id => ({
            at: incident.createdAt,
            assignee: userRef(id),
          })),
    acknowledgements:
      incident.status === 'acknowledged'
        ? (incident.acknowledgements ?? []).map(a => ({
            at: a.at,
            acknowledger: userRef(a.userId),
          }))
        : [],
    last_status_change_at: incident.resolvedAt ?? incident.createdAt,
    last_status_change_by: incident.lastStatusChangeBy
      ? agentRef(incident.lastStatusChangeBy)
      : serviceRef(incident.serviceId),
    resolved_at: incident.resolvedAt ?? null,
    urgency: incident.urgency,
  });
  const renderLogEntry = (incidentId: string, entry: FakeLogEntry) => ({
    id: entry.id,
    type: entry.type,
    summary: entry.type,
    self: api(`/log_entries/${entry.id}?incident_id=${incidentId}`),
    html_url: `${HTML}/incidents/${incidentId}/log_entries/${entry.id}`,
    created_at: entry.createdAt,
    agent: entry.agentId ? agentRef(entry.agentId) : null,
    channel: { type: 'api' },
    incident: { id: incidentId, type: 'incident_reference' },
    ...(entry.userId ? { user: userRef(entry.userId) } : {}),
    ...(entry.assigneeIds ? { assignees: entry.assigneeIds.map(userRef) } : {}),
  });

  function paginate(
    response: ServerResponse,
    query: Record<string, string[]>,
    key: string,
    items: unknown[],
  ) {
    const limit = Math.min(Number(query.limit?.[0] ?? 25), 100);
    const offset = Number(query.offset?.[0] ?? 0);
    const page = items.slice(offset, offset + limit);
    sendJson(response, 200, {
      [key]: page,
      limit,
      offset,
      more: offset + limit < items.length,
      total: query.total?.[0] === 'true' ? items.length : null,
    });
  }

  const server = createServer(
    (request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const query: Record<string, string[]> = {};
      for (const [name, value] of url.searchParams) {
        (query[name] ??= []).push(value);
      }
      const path = url.pathname;
      requests.push({
        method: request.method ?? '',
        path,
        query,
        headers: request.headers,
      });

      const fault = faults.find(
        f => !f.pathPrefix || path.startsWith(f.pathPrefix),
      );
      if (fault) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) {
          faults.splice(faults.indexOf(fault), 1);
        }
        sendJson(
          response,
          fault.answer.status ?? 200,
          fault.answer.body ?? '',
          fault.answer.headers,
        );
        return;
      }
      if (request.headers.authorization !== `Token token=${token}`) {
        sendJson(response, 401, errorBody('Unauthorized'));
        return;
      }
      const notFound = () =>
        sendJson(response, 404, errorBody('Not Found', 2100));
      const include = query['include[]'] ?? [];
      const time = (name: string, fallback: number) =>
        query[name] ? Date.parse(query[name][0]) : fallback;

      const serviceId = /^\/services\/([^/]+)$/.exec(path)?.[1];
      const policyId = /^\/escalation_policies\/([^/]+)$/.exec(path)?.[1];
      const logIncidentId = /^\/incidents\/([^/]+)\/log_entries$/.exec(
        path,
      )?.[1];
      if (serviceId) {
        const service = data.services.find(s => s.id === serviceId);
        if (!service) {
          notFound();
          return;
        }
        sendJson(response, 200, { service: renderService(service, include) });
      } else if (path === '/services') {
        const q = (query.query?.[0] ?? '').toLowerCase();
        const services = data.services.filter(
          s =>
            !q ||
            s.name.toLowerCase().includes(q) ||
            (s.integrationKeys ?? []).some(key => key.toLowerCase() === q),
        );
        paginate(
          response,
          query,
          'services',
          services.map(s => renderService(s, include)),
        );
      } else if (policyId) {
        if (!data.escalationPolicies.some(p => p.id === policyId)) {
          notFound();
          return;
        }
        sendJson(response, 200, { escalation_policy: fullPolicy(policyId) });
      } else if (path === '/oncalls') {
        const now = Date.now();
        const since = time('since', now);
        const until = time('until', now);
        const policyIds = query['escalation_policy_ids[]'];
        let oncalls = data.oncalls
          .filter(o => !policyIds || policyIds.includes(o.escalationPolicyId))
          .filter(
            o =>
              (o.start === undefined || Date.parse(o.start) <= until) &&
              (o.end === undefined || Date.parse(o.end) > since),
          )
          .sort(
            (a, b) =>
              (a.start ? Date.parse(a.start) : 0) -
              (b.start ? Date.parse(b.start) : 0),
          );
        if (query.earliest?.[0] === 'true') {
          const seen = new Set<string>();
          oncalls = oncalls.filter(o => {
            const key = `${o.escalationPolicyId}|${o.level}|${o.userId}`;
            if (seen.has(key)) {
              return false;
            }
            seen.add(key);
            return true;
          });
        }
        paginate(
          response,
          query,
          'oncalls',
          oncalls.map(o => ({
            user: include.includes('users')
              ? fullUser(o.userId)
              : userRef(o.userId),
            schedule: o.scheduleId ? scheduleRef(o.scheduleId) : null,
            escalation_policy: policyRef(o.escalationPolicyId),
            escalation_level: o.level,
            start: o.start ?? null,
            end: o.end ?? null,
          })),
        );
      } else if (path === '/incidents') {
        const since = time('since', 0);
        const until = time('until', Number.MAX_SAFE_INTEGER);
        const serviceIds = query['service_ids[]'];
        const statuses = query['statuses[]'] ?? ['triggered', 'acknowledged'];
        const incidents = data.incidents.filter(
          i =>
            (!serviceIds || serviceIds.includes(i.serviceId)) &&
            statuses.includes(i.status) &&
            Date.parse(i.createdAt) >= since &&
            Date.parse(i.createdAt) < until,
        );
        paginate(response, query, 'incidents', incidents.map(renderIncident));
      } else if (logIncidentId) {
        const incidentId = logIncidentId;
        if (!data.incidents.some(i => i.id === incidentId)) {
          notFound();
          return;
        }
        // PagerDuty lists the newest entry first.
        const entries = [...(data.logEntries[incidentId] ?? [])]
          .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
          .map(entry => renderLogEntry(incidentId, entry));
        paginate(response, query, 'log_entries', entries);
      } else {
        notFound();
      }
    },
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    data,
    requests,
    failNext(answer, failOptions = {}) {
      faults.push({
        answer,
        remaining: failOptions.times ?? 1,
        pathPrefix: failOptions.pathPrefix,
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
