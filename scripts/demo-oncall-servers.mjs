#!/usr/bin/env node
// DEMO servers for the example catalog's Jira Service Management and GoAlert teams. Neither a JSM
// site nor a GoAlert instance can be reached from a developer's machine without an account, so
// this serves INVENTED data the way each API answers (the shapes the backend's tests check
// against their local fakes), on loopback only:
// - Jira Service Management operations REST API at http://127.0.0.1:7610/jsm/ops/api/<cloudId>/v1
//   for the "billing" team (examples/teams/billing): schedules, who is on call now and next, the
//   schedule timeline, the team's escalation, and a week of alerts tagged `invoices`;
// - GoAlert's GraphQL API at http://127.0.0.1:7611/api/graphql for the two services of "ledger"
//   (examples/services/ledger): services with escalation policies and on-call users, schedule
//   shifts, and a week of alerts. It answers the operations of the backend's fixed query document
//   by name, as a GoAlert API key bound to that document does.
// Every person, team and alert here is made up, and named "Demo …" where the API has names.
// Rotations are computed from the current time, so the demo always has someone on call.
// Run: ./dev node scripts/demo-oncall-servers.mjs [--jsm-port 7610] [--goalert-port 7611]
//      [--exit-with <pid>]   (stop when that process ends, e.g. the shell of `./dev start`)
// The matching config is in app-config.yaml (reliability.jsm, reliability.goalert).
import { createServer } from 'node:http';

const args = process.argv.slice(2);
const option = (name, fallback) =>
  args.includes(name) ? args[args.indexOf(name) + 1] : fallback;
const JSM_PORT = Number(
  option('--jsm-port', process.env.RELIABILITY_DEMO_JSM_PORT ?? 7610),
);
const GOALERT_PORT = Number(
  option('--goalert-port', process.env.RELIABILITY_DEMO_GOALERT_PORT ?? 7611),
);
const DEMO_JSM_CLOUD_ID = '00000000-0000-4000-8000-00000000de30';
const DEMO_JSM_EMAIL = 'demo@example.com';
const DEMO_JSM_TOKEN = 'demo-jsm-token';
const DEMO_GOALERT_KEY = 'demo-goalert-key';
const JSM_TEAM = '00000000-0000-4000-8000-0000000b1111';
const LEDGER_API = '00000000-0000-4000-8000-00000001ed01';
const LEDGER_WORKER = '00000000-0000-4000-8000-00000001ed02';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const iso = ms => new Date(ms).toISOString();

/** Periods of a rotation handing over every `length` ms from `anchor`, covering [from, to). */
function rotation(people, anchor, length, from, to) {
  const periods = [];
  let index = Math.floor((from - anchor) / length);
  for (
    let start = anchor + index * length;
    start < to;
    start += length, index++
  ) {
    const person =
      people[((index % people.length) + people.length) % people.length];
    periods.push({ person, start, end: start + length });
  }
  return periods;
}

/** A deterministic pseudo-random sequence, so that the demo week looks the same on each run. */
function sequence(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

// ---------------------------------------------------------------- Jira Service Management ----
// JSM names people by Atlassian account id.
const JSM_PEOPLE = [
  '5b10ac8d82e05b22cc7de301',
  '5b10ac8d82e05b22cc7de302',
  '5b10ac8d82e05b22cc7de303',
];
const JSM_LEAD = '5b10ac8d82e05b22cc7de309';
const MONDAY_9 = Date.parse('2026-01-05T09:00:00Z');
const jsmWeek = (from, to) => rotation(JSM_PEOPLE, MONDAY_9, WEEK, from, to);

function jsmAlerts(now) {
  const random = sequence(42);
  const alerts = [];
  for (let i = 0; i < 14; i++) {
    const createdMs =
      now - 7 * DAY + i * 12 * HOUR + Math.floor(random() * 6 * HOUR);
    if (createdMs >= now) break;
    const closed = i < 12;
    const ackTime = Math.floor((2 + random() * 20) * MINUTE);
    const closeTime = ackTime + Math.floor((5 + random() * 60) * MINUTE);
    alerts.push({
      id: `demo-jsm-alert-${i + 1}`,
      tinyId: String(100 + i),
      alias: i % 3 === 0 ? 'invoice-queue-lag' : `invoices-5xx-${i}`,
      message:
        i % 3 === 0 ? 'Demo: invoice queue lag' : 'Demo: invoices API 5xx rate',
      status: closed ? 'closed' : 'open',
      acknowledged: closed || i === 12,
      priority: i % 4 === 0 ? 'P1' : 'P3',
      tags: ['invoices'],
      createdAt: iso(createdMs),
      source: 'Demo',
      report: {
        ...(closed || i === 12
          ? { ackTime, acknowledgedBy: JSM_PEOPLE[i % 3] }
          : {}),
        ...(closed ? { closeTime, closedBy: JSM_PEOPLE[i % 3] } : {}),
      },
    });
  }
  return alerts;
}

function jsmRoute(path, query, now) {
  const paged = (all, extra = {}) => {
    const offset = Number(query.offset ?? 0);
    const size = Math.min(100, Number(query.size ?? 20));
    const values = all.slice(offset, offset + size);
    const next =
      offset + size < all.length
        ? `/jsm/ops/api/${DEMO_JSM_CLOUD_ID}/v1${path}?${new URLSearchParams({
            ...query,
            offset: String(offset + size),
          })}`
        : undefined;
    return { values, count: all.length, links: next ? { next } : {}, ...extra };
  };
  if (path === '/schedules') {
    return paged([
      {
        id: 'demo-billing-schedule',
        name: 'Demo billing primary',
        timezone: 'Europe/Paris',
        enabled: true,
        teamId: JSM_TEAM,
      },
    ]);
  }
  const schedule =
    /^\/schedules\/demo-billing-schedule\/(on-calls|next-on-calls|timeline)$/.exec(
      path,
    );
  if (schedule) {
    const at = query.date ? Date.parse(query.date) : now;
    const [current, next] = jsmWeek(at, at + 1);
    const following = jsmWeek(current.end, current.end + 1)[0];
    if (schedule[1] === 'on-calls') {
      return { onCallParticipants: [{ id: current.person, type: 'user' }] };
    }
    if (schedule[1] === 'next-on-calls') {
      const person = (next ?? following).person;
      return {
        nextOnCallRecipients: [{ id: person, type: 'user' }],
        exactNextOnCallRecipients: [{ id: person, type: 'user' }],
      };
    }
    const unit = { days: DAY, weeks: WEEK, months: 30 * DAY }[
      query.intervalUnit ?? 'weeks'
    ];
    const end = at + Number(query.interval ?? 1) * unit;
    return {
      startDate: iso(at),
      endDate: iso(end),
      finalTimeline: {
        rotations: [
          {
            id: 'demo-weekly',
            name: 'Demo weekly',
            order: 1,
            periods: jsmWeek(at, end).map(p => ({
              startDate: iso(Math.max(at, p.start)),
              endDate: iso(Math.min(end, p.end)),
              type: 'default',
              recipient: { id: p.person, type: 'user' },
            })),
          },
        ],
      },
    };
  }
  if (path === `/teams/${JSM_TEAM}/escalations`) {
    return paged([
      {
        id: 'demo-billing-escalation',
        name: 'Demo billing escalation',
        rules: [
          {
            condition: 'if-not-acked',
            notifyType: 'default',
            delay: { timeAmount: 0, timeUnit: 'minutes' },
            recipient: { type: 'schedule', id: 'demo-billing-schedule' },
          },
          {
            condition: 'if-not-acked',
            notifyType: 'default',
            delay: { timeAmount: 15, timeUnit: 'minutes' },
            recipient: { type: 'user', id: JSM_LEAD },
          },
        ],
      },
    ]);
  }
  if (path === '/alerts') {
    // The Opsgenie search syntax the backend sends: `(tag:x) AND createdAt >= a AND createdAt < b`.
    const tag = /tag:"?([\w-]+)"?/.exec(query.query ?? '')?.[1];
    const since = Number(
      /createdAt >= (\d+)/.exec(query.query ?? '')?.[1] ?? 0,
    );
    const until = Number(
      /createdAt < (\d+)/.exec(query.query ?? '')?.[1] ?? Infinity,
    );
    return paged(
      jsmAlerts(now)
        // Only tag searches are answered here: the demo alerts belong to no team.
        .filter(a => tag !== undefined && a.tags.includes(tag))
        .filter(
          a =>
            Date.parse(a.createdAt) >= since && Date.parse(a.createdAt) < until,
        )
        // List items are the thinner record, without the report.
        .map(({ report: _report, ...alert }) => alert),
    );
  }
  const alert = /^\/alerts\/([^/]+)$/.exec(path);
  if (alert) {
    const found = jsmAlerts(now).find(
      a => a.id === decodeURIComponent(alert[1]),
    );
    if (found) return found;
  }
  return undefined;
}

// ------------------------------------------------------------------------------- GoAlert ----
const GOALERT_USERS = [
  { id: 'demo-user-1', name: 'Demo Dana', email: 'dana.demo@example.com' },
  { id: 'demo-user-2', name: 'Demo Fox', email: 'fox.demo@example.com' },
  { id: 'demo-user-3', name: 'Demo Walter', email: 'walter.demo@example.com' },
];
const DAY_8 = Date.parse('2026-01-05T08:00:00Z');
const SCHEDULES = {
  'demo-ledger-primary': {
    name: 'Demo ledger primary',
    timeZone: 'America/New_York',
    shifts: (from, to) =>
      rotation(GOALERT_USERS.slice(0, 2), DAY_8, DAY, from, to),
  },
  'demo-ledger-worker': {
    name: 'Demo ledger worker',
    timeZone: 'UTC',
    shifts: (from, to) =>
      rotation([GOALERT_USERS[1], GOALERT_USERS[2]], DAY_8, WEEK, from, to),
  },
};
const SERVICES = {
  [LEDGER_API]: {
    name: 'Demo ledger API',
    schedule: 'demo-ledger-primary',
    delay: 10,
  },
  [LEDGER_WORKER]: {
    name: 'Demo ledger worker',
    schedule: 'demo-ledger-worker',
    delay: 20,
  },
};

function goalertService(id, now) {
  const service = SERVICES[id];
  if (!service) return null;
  const schedule = SCHEDULES[service.schedule];
  const onNow = schedule.shifts(now, now + 1)[0].person;
  const lead = GOALERT_USERS[2];
  return {
    id,
    name: service.name,
    escalationPolicy: {
      id: `policy-${service.schedule}`,
      name: `${service.name} policy`,
      repeat: 1,
      steps: [
        {
          stepNumber: 0,
          delayMinutes: service.delay,
          targets: [
            { id: service.schedule, type: 'schedule', name: schedule.name },
          ],
        },
        {
          stepNumber: 1,
          delayMinutes: 30,
          targets: [{ id: lead.id, type: 'user', name: lead.name }],
        },
      ],
    },
    onCallUsers: [
      { userID: onNow.id, userName: onNow.name, stepNumber: 0 },
      { userID: lead.id, userName: lead.name, stepNumber: 1 },
    ],
  };
}

function goalertAlerts(now) {
  const random = sequence(7);
  const alerts = [];
  for (let i = 0; i < 18; i++) {
    const createdMs =
      now - 7 * DAY + i * 9 * HOUR + Math.floor(random() * 5 * HOUR);
    if (createdMs >= now) break;
    const serviceID = i % 3 === 2 ? LEDGER_WORKER : LEDGER_API;
    const schedule = SCHEDULES[SERVICES[serviceID].schedule];
    const person = schedule.shifts(createdMs, createdMs + 1)[0].person;
    const closed = i < 16;
    const ackMs = createdMs + Math.floor((1 + random() * 15) * MINUTE);
    const closeMs = ackMs + Math.floor((3 + random() * 45) * MINUTE);
    const log = [
      { timestamp: iso(createdMs), message: 'Created via Demo integration' },
      {
        timestamp: iso(createdMs + 5_000),
        message: `Notification sent to ${person.name} (SMS)`,
      },
      ...(closed || i === 16
        ? [{ timestamp: iso(ackMs), message: `Acknowledged by ${person.name}` }]
        : []),
      ...(closed
        ? [{ timestamp: iso(closeMs), message: `Closed by ${person.name}` }]
        : []),
    ];
    alerts.push({
      id: String(5000 + i),
      alertID: 5000 + i,
      status: closed
        ? 'StatusClosed'
        : i === 16
        ? 'StatusAcknowledged'
        : 'StatusUnacknowledged',
      summary:
        serviceID === LEDGER_API
          ? 'Demo: ledger API latency'
          : 'Demo: ledger worker backlog',
      createdAt: iso(createdMs),
      serviceID,
      metrics: closed
        ? {
            closedAt: iso(closeMs),
            timeToAck: `PT${Math.round((ackMs - createdMs) / 1000)}S`,
            timeToClose: `PT${Math.round((closeMs - createdMs) / 1000)}S`,
          }
        : null,
      recentEvents: {
        nodes: [...log].reverse(),
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    });
  }
  return alerts;
}

function goalertOperation(name, variables, now) {
  switch (name) {
    case 'ReliabilityService':
      return { service: goalertService(variables.id, now) };
    case 'ReliabilityScheduleShifts': {
      const schedule = SCHEDULES[variables.id];
      if (!schedule) return { schedule: null };
      const start = Date.parse(variables.start);
      const end = Date.parse(variables.end);
      return {
        schedule: {
          id: variables.id,
          name: schedule.name,
          timeZone: schedule.timeZone,
          shifts: schedule.shifts(start, end).map(p => ({
            userID: p.person.id,
            user: p.person,
            start: iso(p.start),
            end: iso(p.end),
            truncated: p.end > end,
          })),
        },
      };
    }
    case 'ReliabilityAlerts': {
      const input = variables.input ?? {};
      const first = input.first ?? 15;
      const offset = input.after
        ? Number(Buffer.from(input.after, 'base64url').toString())
        : 0;
      const matches = goalertAlerts(now)
        .filter(
          a =>
            !input.filterByServiceID ||
            input.filterByServiceID.includes(a.serviceID),
        )
        .filter(
          a => !input.notCreatedBefore || a.createdAt >= input.notCreatedBefore,
        )
        .filter(a => !input.createdBefore || a.createdAt < input.createdBefore);
      const hasNextPage = offset + first < matches.length;
      return {
        alerts: {
          nodes: matches.slice(offset, offset + first),
          pageInfo: {
            hasNextPage,
            endCursor: hasNextPage
              ? Buffer.from(String(offset + first)).toString('base64url')
              : null,
          },
        },
      };
    }
    default:
      return undefined;
  }
}

// ------------------------------------------------------------------------------- servers ----
function json(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

const jsm = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const expected = `Basic ${Buffer.from(
    `${DEMO_JSM_EMAIL}:${DEMO_JSM_TOKEN}`,
  ).toString('base64')}`;
  if (request.headers.authorization !== expected) {
    return json(response, 401, { code: 401, message: 'Unauthorized' });
  }
  const prefix = `/jsm/ops/api/${DEMO_JSM_CLOUD_ID}/v1`;
  const body = url.pathname.startsWith(prefix)
    ? jsmRoute(
        url.pathname.slice(prefix.length),
        Object.fromEntries(url.searchParams),
        Date.now(),
      )
    : undefined;
  return body === undefined
    ? json(response, 404, { message: `No demo resource at ${url.pathname}` })
    : json(response, 200, body);
});

const goalert = createServer((request, response) => {
  const chunks = [];
  request.on('data', chunk => chunks.push(chunk));
  request.on('end', () => {
    if (request.method !== 'POST' || request.url !== '/api/graphql') {
      return json(response, 404, { errors: [{ message: 'not found' }] });
    }
    if (request.headers.authorization !== `Bearer ${DEMO_GOALERT_KEY}`) {
      response.writeHead(401, { 'Content-Type': 'text/plain' });
      return response.end('unauthorized');
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return json(response, 400, {
        errors: [{ message: 'json body could not be decoded' }],
      });
    }
    const data = goalertOperation(
      body.operationName,
      body.variables ?? {},
      Date.now(),
    );
    return data === undefined
      ? json(response, 422, {
          errors: [
            {
              message: 'wrong query for API key',
              extensions: { code: 'invalid_query' },
            },
          ],
          data: null,
        })
      : json(response, 200, { data });
  });
});

for (const [server, port] of [
  [jsm, JSM_PORT],
  [goalert, GOALERT_PORT],
]) {
  server.on('error', error => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `[demo] port ${port} is taken (demo servers already running?); not starting them`
        : `[demo] ${error.message}`,
    );
    process.exit(error.code === 'EADDRINUSE' ? 0 : 1);
  });
}
const parent = Number(option('--exit-with', 0));
if (parent) {
  // Ends with the process that started it, so that no demo server outlives `./dev start`.
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 2000).unref();
  process.on('exit', () => {
    jsm.close();
    goalert.close();
  });
}
jsm.listen(JSM_PORT, '127.0.0.1', () =>
  console.log(
    `[demo] Jira Service Management demo API on http://127.0.0.1:${JSM_PORT} (invented data)`,
  ),
);
goalert.listen(GOALERT_PORT, '127.0.0.1', () =>
  console.log(
    `[demo] GoAlert demo GraphQL API on http://127.0.0.1:${GOALERT_PORT} (invented data)`,
  ),
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    jsm.close();
    goalert.close();
    process.exit(0);
  });
}
