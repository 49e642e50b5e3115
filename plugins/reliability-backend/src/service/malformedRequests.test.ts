/**
 * Malformed and hostile requests against every route of the whole plugin (express.json, the
 * OpenAPI validator, the handlers and the error handler all real). Cases are generated from the
 * spec's parameters and bodies, plus hand-written nasty ones, and each is one of two kinds:
 * - a bad input (a date that is no RFC 3339 date, `limit=0x10`, a body of the wrong type, ...)
 *   must be refused with a 4xx whose JSON error says what was wrong; an answer below 400 fails;
 * - an odd but acceptable input (a strange entity name, an empty value that means "absent")
 *   may succeed or be refused, but must never end in a 5xx.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  fillPath,
  listSpecOperations,
  SpecOperation,
  SpecParameter,
} from './__testUtils__/apiRoutes';
import {
  ReliabilityTestBackend,
  startReliabilityBackend,
  WEBHOOK_TOKEN,
} from './__testUtils__/startReliabilityBackend';

jest.setTimeout(120_000);

const MB = 1024 * 1024;

/** Valid values, so that one bad value at a time is what a case tests. */
const validPath: Record<string, string> = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout',
  sloId: 'checkout-availability',
  runbookId: 'abc123',
  alertId: '0123456789abcdef0123456789abcdef',
  scorecardId: 'readiness',
  exemptionId: 'exemption-1',
  campaignId: 'silver-q4',
  flagId: '00000000-0000-4000-8000-000000000000',
  overrideId: 'override-1',
  adjustmentId: 'adjustment-1',
};
const validQuery: Record<string, string> = {
  owner: 'group:default/payments',
};

/** Path segments as they go on the wire (already percent-encoded). */
const nastySegments = [
  '..%2F..',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%2e%2e%2f%2e%2e',
  '%00',
  'checkout%00.json',
  '%E2%80%AEkcehc', // RTL override
  '%F0%9F%92%A9', // emoji
  '%ED%A0%80', // a lone surrogate, as invalid UTF-8
  '%', // a broken escape
  '%zz',
  'x'.repeat(300),
  'x'.repeat(8000),
  'Component',
  '-',
];

/** Query values as they go on the wire. An empty value means "absent", so it is not here. */
const nastyQueryValues = [
  '%00',
  '%ED%A0%80',
  '%E2%80%AE%F0%9F%92%A9',
  '%',
  'x'.repeat(600),
  '..%2F..%2Fetc%2Fpasswd',
  'abc',
  '-1',
  '0',
  '1.5',
  '1e309',
  '99999999999999999999',
  'NaN',
  '%5B%5D', // []
  '%7B%7D', // {}
  '%FF%FE',
];

/** Raw values; they are percent-encoded when sent, so that the validator lets them through. */
const badDates = [
  '0', // Date.parse: 2000-01-01
  '-1', // Date.parse: 2001-01-01
  '12', // Date.parse: 2001-12-01
  '2026', // a year alone
  '2026-11', // a month alone
  '2026-11-01T10:00:00', // a time without its offset
  '2026-11-01 10:00:00Z',
  '2026-11-1',
  'Sun, 01 Nov 2026 10:00:00 GMT', // RFC 2822, which Date.parse reads too
  '11/01/2026',
  '2026-11-01T10:00:00+25:00',
  '2026-11-01T24:00:00Z',
  ' 2026-11-01',
  '1762000000000', // epoch milliseconds
  '2026-13-45',
  'yesterday',
  '275760-09-14T00:00:00Z',
  '+275760-09-13T00:00:00.000Z', // the last millisecond JavaScript dates reach
  '-271821-04-20T00:00:00.000Z', // the first one
  '-271821-04-20',
  '0000-00-00',
  '0001-01-01T00:00:00Z',
  '2026-02-30T25:61:61Z',
  '1e20',
];

const badCursors = [
  'bm90IGEgY3Vyc29y', // "not a cursor" in base64
  Buffer.from(JSON.stringify({ sort: 'level', value: 1 })).toString(
    'base64url',
  ),
  Buffer.from(
    JSON.stringify({
      sort: 'entity',
      order: 'asc',
      value: { $gt: '' },
      scorecardId: 'readiness',
      entityRef: "' OR 1=1 --",
    }),
  ).toString('base64url'),
  Buffer.from('{"sort":"entity"').toString('base64url'),
  '____',
];

/** JSON texts with unicode that JSON.stringify would not write as is. */
const unicodeStrings = [
  '\u202epayments',
  '💩'.repeat(50),
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
];

interface Case {
  what: string;
  /** `refused`: a bad input, which must get a 4xx. `handled`: anything but a 5xx. */
  expect: 'refused' | 'handled';
  method: string;
  url: string;
  /** A raw JSON (or other) text. */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

function queryString(values: Record<string, string>): string {
  const text = Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return text ? `?${text}` : '';
}

function requiredQueryOf(op: SpecOperation): Record<string, string> {
  return Object.fromEntries(
    op.parameters
      .filter(p => p.in === 'query' && p.required)
      .map(p => [p.name, validQuery[p.name] ?? 'x']),
  );
}

function valueOfType(schema: Record<string, any>): unknown {
  if (schema.type === 'string') return 'text';
  if (schema.type === 'number' || schema.type === 'integer') return 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [];
  return {};
}

function wrongValuesFor(schema: Record<string, any>): unknown[] {
  const wrong: unknown[] = [null, { nested: true }, ['list']];
  if (schema.type !== 'string') wrong.push('text', '');
  if (schema.type !== 'number' && schema.type !== 'integer') wrong.push(42);
  if (schema.type !== 'boolean') wrong.push(false);
  if (schema.type === 'string') {
    wrong.push('x'.repeat((schema.maxLength ?? 10_000) + 1), ...unicodeStrings);
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    wrong.push(-1, 1e308, -0.5);
  }
  return wrong;
}

/** A valid-looking body: every required property with a value of its type. */
function bodySkeleton(schema: Record<string, any>): Record<string, unknown> {
  return Object.fromEntries(
    (schema.required ?? []).map((name: string) => [
      name,
      valueOfType(schema.properties?.[name] ?? {}),
    ]),
  );
}

function deeplyNested(depth: number): string {
  return `{"a":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
}

/** The cases of one operation, generated from its parameters and body. */
function casesOf(op: SpecOperation): Case[] {
  const cases: Case[] = [];
  const query = requiredQueryOf(op);
  const url = (path: Record<string, string>, q: Record<string, string>) =>
    `/api/reliability${op.path.replace(
      /\{([A-Za-z0-9_]+)\}/g,
      (_m, name: string) => path[name],
    )}${queryString(q)}`;
  const validPathEncoded = Object.fromEntries(
    Object.entries(validPath).map(([k, v]) => [k, encodeURIComponent(v)]),
  );
  const base = url(validPathEncoded, query);
  const body = op.body
    ? JSON.stringify(bodySkeleton(op.body.schema))
    : undefined;
  const add = (
    what: string,
    c: Omit<Case, 'what' | 'method' | 'expect'> & { expect?: Case['expect'] },
  ) => cases.push({ what, method: op.method, body, expect: 'refused', ...c });

  for (const param of op.parameters.filter(p => p.in === 'path')) {
    for (const segment of nastySegments) {
      // A strange name is refused or not found, but may also be a name the catalog holds.
      add(`path ${param.name}=${segment.slice(0, 40)}`, {
        url: url({ ...validPathEncoded, [param.name]: segment }, query),
        expect: 'handled',
      });
    }
  }

  const queryParams = op.parameters.filter(p => p.in === 'query');
  for (const param of queryParams) {
    const strict = strictnessOf(op, param) === 'strict';
    for (const value of [...nastyQueryValues, ...valuesFor(param)]) {
      add(`query ${param.name}=${value.slice(0, 40)}`, {
        url: url(validPathEncoded, { ...query, [param.name]: value }),
        expect: strict ? 'refused' : 'handled',
      });
    }
    add(`query ${param.name} empty`, {
      url: url(validPathEncoded, { ...query, [param.name]: '' }),
      // Empty is absent, which a required parameter may not be.
      expect: param.required ? 'refused' : 'handled',
    });
    add(`query ${param.name} given twice`, {
      url: `${base}${base.includes('?') ? '&' : '?'}${param.name}=a&${
        param.name
      }=b`,
    });
    add(`query ${param.name} with brackets`, {
      url: `${base}${base.includes('?') ? '&' : '?'}${param.name}[$gt]=a`,
    });
    if (param.required) {
      const { [param.name]: _omitted, ...rest } = query;
      add(`query ${param.name} missing`, { url: url(validPathEncoded, rest) });
    }
  }
  add('an unknown query parameter', {
    url: `${base}${base.includes('?') ? '&' : '?'}nope=1`,
  });
  add('a query parameter with a bracketed name', {
    url: `${base}${base.includes('?') ? '&' : '?'}owner[$gt]=`,
  });

  if (op.body) {
    const schema = op.body.schema;
    for (const [what, text] of [
      ['an empty body', ''],
      ['a JSON array', '[]'],
      ['a JSON string', '"text"'],
      ['a JSON number', '42'],
      ['JSON null', 'null'],
      ['truncated JSON', '{"a":'],
      ['JSON with a trailing comma', '{"a":1,}'],
      ['a lone surrogate escape', '{"a":"\\ud800"}'],
      ['a NUL escape', '{"a":"\\u0000"}'],
      ['JSON nested 100 deep', deeplyNested(100)],
      ['JSON nested 100,000 deep', deeplyNested(100_000)],
      [
        'an array nested 100,000 deep',
        `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      ],
      [
        '__proto__ keys',
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
      ],
    ] as const) {
      add(what, { url: base, body: text });
    }
    add('a body of another content type', {
      url: base,
      body: 'actionable=true',
      contentType: 'application/x-www-form-urlencoded',
    });
    add('a text body', {
      url: base,
      body: body ?? '{}',
      contentType: 'text/plain',
    });
    add('a body over the 5 MB limit', {
      url: base,
      body: JSON.stringify({
        ...bodySkeleton(schema),
        padding: 'x'.repeat(5 * MB + 10),
      }),
    });
    add('a body just under the 5 MB limit', {
      url: base,
      expect: 'handled',
      body: JSON.stringify({
        ...bodySkeleton(schema),
        padding: 'x'.repeat(5 * MB - 1000),
      }),
    });
    add('an extra field', {
      url: base,
      body: JSON.stringify({ ...bodySkeleton(schema), unexpected: 1 }),
    });
    for (const name of schema.required ?? []) {
      const { [name]: _omitted, ...rest } = bodySkeleton(schema);
      add(`body ${name} missing`, { url: base, body: JSON.stringify(rest) });
    }
    for (const [name, property] of Object.entries<Record<string, any>>(
      schema.properties ?? {},
    )) {
      for (const wrong of wrongValuesFor(property)) {
        add(`body ${name}=${JSON.stringify(wrong)?.slice(0, 40)}`, {
          url: base,
          body: JSON.stringify({ ...bodySkeleton(schema), [name]: wrong }),
        });
      }
    }
  }
  return cases;
}

/**
 * Whether every value of {@link nastyQueryValues} is a bad value of a parameter (`strict`: dates,
 * numbers, words from a list, cursors, durations, scorecard ids and levels), or whether some are
 * acceptable (`free`: entity refs and kinds, where `abc` or `0` are names like any other).
 */
function strictnessOf(
  op: SpecOperation,
  param: SpecParameter,
): 'strict' | 'free' {
  if (param.schema.enum) return 'strict';
  if (param.schema.type === 'integer') return 'strict';
  if (
    ['from', 'to', 'limit', 'cursor', 'step', 'scorecard', 'level'].includes(
      param.name,
    )
  ) {
    return 'strict';
  }
  // A scorecard tier is 1 to 4; an SLO's tier is a name its files give.
  if (param.name === 'tier' && op.path.startsWith('/scorecards')) {
    return 'strict';
  }
  return 'free';
}

/** Values for one parameter from its schema and name, percent-encoded. */
function valuesFor(param: SpecParameter): string[] {
  const values: string[] = [];
  if (param.schema.enum) {
    values.push('nope', param.schema.enum[0].toUpperCase());
  }
  if (param.name === 'from' || param.name === 'to') {
    values.push(...badDates);
  }
  if (param.name === 'cursor') {
    values.push(...badCursors);
  }
  if (param.name === 'limit' || param.name === 'tier') {
    values.push(
      '-5',
      '100000',
      '2147483648',
      '0x10', // Number: 16
      '0o7',
      '0b1',
      '1e1', // Number: 10
      '1e309', // Number: Infinity
      '1.0',
      '+5',
      '05',
      ' 5',
      '5 ',
      'Infinity',
    );
  }
  if (/owner|entityRef/.test(param.name)) {
    values.push(
      'group:default/../..',
      'group:default/\u0000',
      ':/',
      'a:b:c/d/e',
      'user:\u202e',
    );
  }
  return values.map(encodeURIComponent);
}

/** Hand-written cases with the words their answer must contain. */
const handWritten: Array<
  Omit<Case, 'expect'> & { status: number; says: RegExp }
> = [
  {
    what: 'a scorecard history from after its to',
    method: 'GET',
    url: '/api/reliability/scorecards/readiness/history?from=2026-11-02&to=2026-11-01',
    status: 400,
    says: /'from' must be before 'to'/,
  },
  {
    what: 'a scorecard history at the first JavaScript date',
    method: 'GET',
    url: '/api/reliability/scorecards/readiness/history?to=-271821-04-20T00%3A00%3A00.000Z',
    status: 400,
    says: /'to' must be an RFC 3339 \/ ISO 8601 date/,
  },
  {
    what: 'a scorecard history from before 1970',
    method: 'GET',
    url: '/api/reliability/scorecards/readiness/history?from=1969-12-31T23%3A59%3A59Z',
    status: 400,
    says: /'from' must be a date from 1970 to 9999/,
  },
  {
    what: 'an alert period ending at the first JavaScript date',
    method: 'GET',
    url: '/api/reliability/entities/component/default/checkout/alert-quality?to=-271821-04-20T00%3A00%3A00.000Z',
    status: 400,
    says: /'to' must be an RFC 3339 \/ ISO 8601 date/,
  },
  {
    what: 'a bad month',
    method: 'GET',
    url: '/api/reliability/scorecards/readiness/history?from=2026-13-45',
    status: 400,
    says: /'from' must be an RFC 3339 \/ ISO 8601 date/,
  },
  ...[
    '/entities/component/default/checkout/alerts',
    '/entities/component/default/checkout/alert-quality',
    '/alert-quality?owner=group%3Adefault%2Fpayments',
    '/scorecards/readiness/history',
  ].flatMap(route =>
    ['0', '-1'].map(to => ({
      what: `to=${to} on ${route.replace(/\?.*/, '')}`,
      method: 'GET',
      url: `/api/reliability${route}${route.includes('?') ? '&' : '?'}to=${to}`,
      status: 400,
      says: /^'to' must be an RFC 3339 \/ ISO 8601 date or date-time/,
    })),
  ),
  ...[
    ['/slos', 500],
    ['/entities/component/default/checkout/alerts', 5000],
    ['/scorecards/results', 500],
  ].flatMap(([route, max]) =>
    ['0x10', '1e309'].map(limit => ({
      what: `limit=${limit} on ${route}`,
      method: 'GET',
      url: `/api/reliability${route}?limit=${limit}`,
      status: 400,
      says: new RegExp(
        `^'limit' must be a whole number from 1 to ${max}, in decimal digits, got "${limit}"`,
      ),
    })),
  ),
  {
    what: 'a negative limit',
    method: 'GET',
    url: '/api/reliability/scorecards/results?limit=-1',
    status: 400,
    says: /'limit' must be a whole number from 1 to 500/,
  },
  {
    what: 'a random cursor',
    method: 'GET',
    url: '/api/reliability/scorecards/results?cursor=bm90IGEgY3Vyc29y',
    status: 400,
    says: /'cursor' is not a cursor of this listing/,
  },
  {
    what: 'an unknown SLO state',
    method: 'GET',
    url: '/api/reliability/slos?state=on-fire',
    status: 400,
    says: /state/,
  },
  {
    what: 'an owner that is no entity ref',
    method: 'GET',
    url: '/api/reliability/oncall?owner=a:b:c/d/e',
    status: 400,
    says: /Parameter 'owner' must be url encoded/,
  },
  {
    what: 'an encoded path traversal in an entity name',
    method: 'GET',
    url: '/api/reliability/entities/component/default/..%2F..%2Fetc/slos',
    status: 404,
    says: /No entity component:default\/\.\.\/\.\.\/etc/,
  },
  {
    what: 'an invalid percent escape in a path',
    method: 'GET',
    url: '/api/reliability/entities/component/default/%ED%A0%80/slos',
    status: 400,
    says: /malformed uri/,
  },
  {
    what: 'a push body just over 100 kB, which the spec allows',
    method: 'POST',
    url: '/api/reliability/slos/checkout-availability/events',
    body: JSON.stringify({
      buckets: Array.from({ length: 3000 }, (_, i) => ({
        start: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
        good: 99,
        total: 100,
      })),
    }),
    // Past the body parser and validation: the SLO does not exist.
    status: 404,
    says: /No SLO/,
  },
  {
    what: 'a body over 5 MB',
    method: 'POST',
    url: '/api/reliability/campaigns',
    body: JSON.stringify({ title: 'x'.repeat(5 * MB + 10) }),
    status: 413,
    says: /limit is 5,242,880 bytes \(5 MB\) and this one is 5,242,9\d\d bytes/,
  },
  {
    what: 'deeply nested JSON in the webhook',
    method: 'POST',
    url: '/api/reliability/alerts/alertmanager',
    body: deeplyNested(100_000),
    status: 400,
    says: /Not an Alertmanager webhook payload/,
  },
];

interface Violation {
  what: string;
  url: string;
  status: number;
  problem: string;
  body: unknown;
}

/** What is wrong with an answer, or `undefined` when it is fine. */
function problemOf(
  res: request.Response,
  expected: Case['expect'],
): string | undefined {
  if (res.status >= 500) {
    return 'a server error';
  }
  if (res.status < 400) {
    return expected === 'refused'
      ? `a bad input accepted with ${res.status}`
      : undefined;
  }
  if (!/application\/json/.test(res.headers['content-type'] ?? '')) {
    return `a ${res.headers['content-type']} error body`;
  }
  const error = res.body?.error;
  if (
    typeof error?.name !== 'string' ||
    typeof error?.message !== 'string' ||
    !error.message.trim()
  ) {
    return 'no { error: { name, message } }';
  }
  if (/Internal Server Error|^Error$/i.test(error.message)) {
    return 'a message that says nothing';
  }
  if (/\n\s+at .+:\d+:\d+/.test(error.message) || error.stack) {
    return 'a stack trace';
  }
  return undefined;
}

async function sendCase(
  backend: ReliabilityTestBackend,
  c: Omit<Case, 'expect'>,
) {
  const server = backend.backend.server;
  let req =
    c.method === 'POST'
      ? request(server).post(c.url)
      : request(server).get(c.url);
  req = req.set(
    'authorization',
    c.url.endsWith('/alerts/alertmanager')
      ? `Bearer ${WEBHOOK_TOKEN}`
      : mockCredentials.user.header(),
  );
  for (const [name, value] of Object.entries(c.headers ?? {})) {
    req = req.set(name, value);
  }
  if (c.body !== undefined) {
    req = req
      .set('content-type', c.contentType ?? 'application/json')
      .send(c.body);
  }
  return req;
}

describe('malformed requests', () => {
  let backend: ReliabilityTestBackend;

  beforeAll(async () => {
    backend = await startReliabilityBackend({
      permission: AuthorizeResult.ALLOW,
    });
  });

  afterAll(() => backend.stop());

  const operations = listSpecOperations();

  it('generates cases for every operation of the spec', () => {
    for (const op of operations) {
      expect({ op: op.key, cases: casesOf(op).length }).toEqual({
        op: op.key,
        cases: expect.any(Number),
      });
      expect(casesOf(op).length).toBeGreaterThan(0);
    }
  });

  it.each(operations.map(op => [op.key, op] as const))(
    '%s refuses every generated bad input with a clear 4xx and answers no request with a 5xx',
    async (_key, op) => {
      const violations: Violation[] = [];
      for (const c of casesOf(op)) {
        const res = await sendCase(backend, c);
        const problem = problemOf(res, c.expect);
        if (problem) {
          violations.push({
            what: c.what,
            url: c.url.slice(0, 200),
            status: res.status,
            problem,
            body: res.body,
          });
        }
      }
      expect(violations).toEqual([]);
    },
  );

  it.each(handWritten.map(c => [c.what, c] as const))(
    'answers %s as it should',
    async (_what, c) => {
      const res = await sendCase(backend, c);
      expect(problemOf(res, 'refused')).toBeUndefined();
      expect({ status: res.status, message: res.body?.error?.message }).toEqual(
        {
          status: c.status,
          message: expect.stringMatching(c.says),
        },
      );
    },
  );
});

// Keeps `fillPath` in use here too, so that path templates fail loudly when a parameter is new.
it('has an example value for every path parameter of the spec', () => {
  for (const op of listSpecOperations()) {
    expect(() => fillPath(op.path, validPath)).not.toThrow();
  }
});
