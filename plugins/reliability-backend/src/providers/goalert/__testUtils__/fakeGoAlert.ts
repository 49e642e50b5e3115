/**
 * A local stand-in for GoAlert's GraphQL API (node:http on 127.0.0.1 and a free port). It
 * executes requests with the `graphql` reference implementation against the part of GoAlert's
 * schema the suite reads, written with GoAlert's own type, field, argument and enum names
 * (`graphql2/schema.graphql` of target/goalert), so that a misspelt field or a wrong argument
 * fails here as it would there. Like GoAlert it serves `POST /api/graphql`, takes a GraphQL API
 * key as `Authorization: Bearer …` and accepts only the query document the key was created
 * with (or none: the key's own), answering another one with the `invalid_query` error; it
 * validates `alerts` searches as GoAlert does (at most 50 services, `first` 1–1000), pages them
 * by opaque cursor, and answers parse and validation errors with 422. It records every
 * request; faults (429 with `Retry-After`, 5xx) and outages can be scripted.
 */
import { IncomingMessage, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  GraphQLError,
  GraphQLScalarType,
  buildSchema,
  execute,
  parse,
  validate,
} from 'graphql';

const SCHEMA_SDL = `
scalar ISOTimestamp
scalar ISODuration

enum TargetType {
  escalationPolicy
  notificationChannel
  slackChannel
  notificationPolicy
  rotation
  service
  schedule
  user
  integrationKey
  userOverride
  notificationRule
  contactMethod
  heartbeatMonitor
  calendarSubscription
  userSession
}

enum AlertStatus {
  StatusAcknowledged
  StatusClosed
  StatusUnacknowledged
}

enum AlertSearchSort {
  statusID
  dateID
  dateIDReverse
}

type Target {
  id: ID!
  type: TargetType!
  name: String!
}

type EscalationPolicyStep {
  id: ID!
  stepNumber: Int!
  delayMinutes: Int!
  targets: [Target!]! @deprecated(reason: "use actions instead")
}

type EscalationPolicy {
  id: ID!
  name: String!
  description: String!
  repeat: Int!
  steps: [EscalationPolicyStep!]!
}

type ServiceOnCallUser {
  userID: ID!
  userName: String!
  stepNumber: Int!
}

type Service {
  id: ID!
  name: String!
  description: String!
  escalationPolicyID: ID!
  escalationPolicy: EscalationPolicy
  onCallUsers: [ServiceOnCallUser!]!
}

type User {
  id: ID!
  name: String!
  email: String!
}

type OnCallShift {
  userID: ID!
  user: User
  start: ISOTimestamp!
  end: ISOTimestamp!
  truncated: Boolean!
}

type Schedule {
  id: ID!
  name: String!
  description: String!
  timeZone: String!
  shifts(start: ISOTimestamp!, end: ISOTimestamp!, userIDs: [ID!]): [OnCallShift!]!
}

type AlertMetric {
  escalated: Boolean!
  closedAt: ISOTimestamp!
  timeToAck: ISODuration!
  timeToClose: ISODuration!
}

type PageInfo {
  endCursor: String
  hasNextPage: Boolean!
}

type AlertLogEntry {
  id: Int!
  alertID: Int!
  timestamp: ISOTimestamp!
  message: String!
}

type AlertLogEntryConnection {
  nodes: [AlertLogEntry!]!
  pageInfo: PageInfo!
}

input AlertRecentEventsOptions {
  limit: Int
  after: String = ""
  since: ISOTimestamp
}

type Alert {
  id: ID!
  alertID: Int!
  status: AlertStatus!
  summary: String!
  details: String!
  createdAt: ISOTimestamp!
  serviceID: ID!
  metrics: AlertMetric
  recentEvents(input: AlertRecentEventsOptions): AlertLogEntryConnection!
}

type AlertConnection {
  nodes: [Alert!]!
  pageInfo: PageInfo!
}

input AlertSearchOptions {
  filterByStatus: [AlertStatus!]
  filterByServiceID: [ID!]
  search: String = ""
  first: Int = 15
  after: String = ""
  favoritesOnly: Boolean = false
  includeNotified: Boolean = false
  omit: [Int!]
  sort: AlertSearchSort = statusID
  createdBefore: ISOTimestamp
  notCreatedBefore: ISOTimestamp
  closedBefore: ISOTimestamp
  notClosedBefore: ISOTimestamp
}

type Query {
  service(id: ID!): Service
  schedule(id: ID!): Schedule
  alerts(input: AlertSearchOptions): AlertConnection!
}
`;

export interface FakeGoAlertUser {
  id: string;
  name: string;
  email: string;
}

export interface FakeGoAlertService {
  id: string;
  name: string;
  escalationPolicy: {
    id: string;
    name: string;
    repeat: number;
    steps: Array<{
      stepNumber: number;
      delayMinutes: number;
      targets: Array<{ id: string; type: string; name: string }>;
    }>;
  };
  /** Who is on call at each step now, as GoAlert computes it. */
  onCallUsers: Array<{ userID: string; userName: string; stepNumber: number }>;
}

export interface FakeGoAlertSchedule {
  id: string;
  name: string;
  timeZone: string;
  shifts: Array<{ userID: string; start: string; end: string }>;
}

export interface FakeGoAlertAlert {
  alertID: number;
  status: 'StatusAcknowledged' | 'StatusClosed' | 'StatusUnacknowledged';
  summary: string;
  createdAt: string;
  serviceID: string;
  metrics?: { closedAt: string; timeToAck: string; timeToClose: string };
  /** Log entries, oldest first. */
  log?: Array<{ timestamp: string; message: string }>;
}

export interface FakeGoAlertData {
  users: FakeGoAlertUser[];
  services: FakeGoAlertService[];
  schedules: FakeGoAlertSchedule[];
  alerts: FakeGoAlertAlert[];
}

export interface RecordedGoAlertRequest {
  headers: IncomingMessage['headers'];
  body: { query?: string; operationName?: string; variables?: any };
}

export interface FakeGoAlertFault {
  status: number;
  headers?: Record<string, string>;
  /** Only requests of this operation; any when absent. */
  operationName?: string;
  /** How many matching requests are served normally before this fault answers one. */
  after?: number;
}

export interface FakeGoAlert {
  url: string;
  apiKey: string;
  data: FakeGoAlertData;
  requests: RecordedGoAlertRequest[];
  fail(...faults: FakeGoAlertFault[]): void;
  /** While set, every request is answered with this status. */
  outage?: number;
  close(): Promise<void>;
}

export function emptyGoAlertData(): FakeGoAlertData {
  return { users: [], services: [], schedules: [], alerts: [] };
}

const passThrough = (name: string) =>
  new GraphQLScalarType({
    name,
    serialize: value => value,
    parseValue: value => value,
    parseLiteral: ast => ('value' in ast ? ast.value : null),
  });

function buildFakeSchema() {
  const schema = buildSchema(SCHEMA_SDL);
  for (const name of ['ISOTimestamp', 'ISODuration']) {
    const type = schema.getType(name) as GraphQLScalarType;
    const replacement = passThrough(name);
    type.serialize = replacement.serialize;
    type.parseValue = replacement.parseValue;
    type.parseLiteral = replacement.parseLiteral;
  }
  return schema;
}

function encodeCursor(state: object): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decodeCursor(cursor: string): any {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new GraphQLError('parse cursor: invalid');
  }
}

/** Starts the fake; its `apiKey` works only with `boundQuery`, as a GoAlert key does. */
export async function startFakeGoAlert(options: {
  boundQuery: string;
  data?: FakeGoAlertData;
  apiKey?: string;
}): Promise<FakeGoAlert> {
  const data = options.data ?? emptyGoAlertData();
  const apiKey = options.apiKey ?? 'test-goalert-key';
  const schema = buildFakeSchema();
  const faults: FakeGoAlertFault[] = [];
  const requests: RecordedGoAlertRequest[] = [];
  const fake = {} as FakeGoAlert;

  const userOf = (id: string) => data.users.find(u => u.id === id) ?? null;
  const alertNode = (alert: FakeGoAlertAlert) => ({
    ...alert,
    id: String(alert.alertID),
    details: '',
    metrics: alert.status === 'StatusClosed' ? alert.metrics ?? null : null,
    recentEvents: ({ input }: { input?: { limit?: number } }) => {
      const log = [...(alert.log ?? [])].reverse(); // newest first, as GoAlert lists them
      const limit = input?.limit ?? 15;
      return {
        nodes: log.slice(0, limit).map((entry, index) => ({
          id: index + 1,
          alertID: alert.alertID,
          ...entry,
        })),
        pageInfo: { hasNextPage: log.length > limit, endCursor: null },
      };
    },
  });

  const root = {
    service: ({ id }: { id: string }) => {
      const service = data.services.find(s => s.id === id);
      return service
        ? {
            ...service,
            description: '',
            escalationPolicyID: service.escalationPolicy.id,
            escalationPolicy: {
              ...service.escalationPolicy,
              description: '',
              steps: service.escalationPolicy.steps.map(step => ({
                ...step,
                id: `${service.escalationPolicy.id}-${step.stepNumber}`,
              })),
            },
          }
        : null;
    },
    schedule: ({ id }: { id: string }) => {
      const schedule = data.schedules.find(s => s.id === id);
      if (!schedule) {
        return null;
      }
      return {
        ...schedule,
        description: '',
        shifts: ({ start, end }: { start: string; end: string }) => {
          const startMs = Date.parse(start);
          const endMs = Date.parse(end);
          if (
            Number.isNaN(startMs) ||
            Number.isNaN(endMs) ||
            endMs <= startMs
          ) {
            throw new GraphQLError('invalid time range');
          }
          return schedule.shifts
            .filter(
              s => Date.parse(s.start) < endMs && Date.parse(s.end) > startMs,
            )
            .map(s => ({
              ...s,
              user: userOf(s.userID),
              truncated: Date.parse(s.end) > endMs,
            }));
        },
      };
    },
    alerts: ({ input = {} }: { input?: any }) => {
      const first = input.first ?? 15;
      if (first < 1 || first > 1000) {
        throw new GraphQLError('First must be between 1 and 1000');
      }
      // As in GoAlert, a cursor carries the search it continues; other options are ignored.
      const search = input.after
        ? decodeCursor(input.after)
        : { ...input, offset: 0 };
      const services: string[] | undefined = search.filterByServiceID;
      if (services && services.length > 50) {
        throw new GraphQLError('ServiceIDs must be between 0 and 50');
      }
      const matches = data.alerts
        .filter(a => !services || services.includes(a.serviceID))
        .filter(
          a =>
            !search.notCreatedBefore ||
            Date.parse(a.createdAt) >= Date.parse(search.notCreatedBefore),
        )
        .filter(
          a =>
            !search.createdBefore ||
            Date.parse(a.createdAt) < Date.parse(search.createdBefore),
        )
        .sort((a, b) => {
          const byDate =
            Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
            a.alertID - b.alertID;
          return search.sort === 'dateIDReverse' ? byDate : -byDate;
        });
      const page = matches.slice(search.offset, search.offset + first);
      const hasNextPage = search.offset + first < matches.length;
      return {
        nodes: page.map(alertNode),
        pageInfo: {
          hasNextPage,
          endCursor: hasNextPage
            ? encodeCursor({ ...search, offset: search.offset + first })
            : null,
        },
      };
    },
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', async () => {
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
      let body: RecordedGoAlertRequest['body'] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        send(400, { errors: [{ message: 'json body could not be decoded' }] });
        return;
      }
      requests.push({ headers: request.headers, body });
      if (fake.outage) {
        send(fake.outage, 'upstream unavailable', {
          'Content-Type': 'text/plain',
        });
        return;
      }
      const index = faults.findIndex(
        f => !f.operationName || f.operationName === body.operationName,
      );
      const fault =
        index >= 0 && !(faults[index].after && faults[index].after-- > 0)
          ? faults.splice(index, 1)[0]
          : undefined;
      if (fault) {
        send(fault.status, `Scripted failure ${fault.status}`, {
          'Content-Type': 'text/plain',
          ...fault.headers,
        });
        return;
      }
      if (request.method !== 'POST' || request.url !== '/api/graphql') {
        send(404, 'not found', { 'Content-Type': 'text/plain' });
        return;
      }
      if (request.headers.authorization !== `Bearer ${apiKey}`) {
        send(401, 'unauthorized', { 'Content-Type': 'text/plain' });
        return;
      }
      const query = body.query || options.boundQuery;
      if (query !== options.boundQuery) {
        send(422, {
          errors: [
            {
              message: 'wrong query for API key',
              extensions: { code: 'invalid_query' },
            },
          ],
          data: null,
        });
        return;
      }
      let document;
      try {
        document = parse(query);
      } catch (error) {
        send(422, {
          errors: [{ message: (error as Error).message }],
          data: null,
        });
        return;
      }
      const invalid = validate(schema, document);
      if (invalid.length > 0) {
        send(422, { errors: invalid.map(e => e.toJSON()), data: null });
        return;
      }
      const result = await execute({
        schema,
        document,
        rootValue: root,
        operationName: body.operationName,
        variableValues: body.variables,
      });
      send(200, result);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    data,
    requests,
    fail(...more: FakeGoAlertFault[]) {
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
