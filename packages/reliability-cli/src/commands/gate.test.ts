import {
  decideRelease,
  mergeReleasePolicies,
  ReleaseGateView,
} from '@reliability/backstage-plugin-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { runCli } from '../__testUtils__/runCli';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const TOKEN = 'static-token-of-ci';

/** The gate's answer for an SLO with this much budget left, as the backend builds it. */
function answer(
  entityRef: string,
  remaining: number,
  release?: string,
): ReleaseGateView {
  const policy = mergeReleasePolicies({ allowDuringBlock: ['fix'] });
  return {
    ...decideRelease({
      entityTitle: 'Checkout',
      policy,
      nowMs: NOW,
      releaseKind: release,
      slos: [
        {
          id: 'checkout-availability',
          name: 'availability',
          displayName: 'Checkout availability',
          remaining,
          burnRates: [{ window: '1h', windowMs: 3_600_000, burnRate: 2 }],
          pageAlert: 'ok',
          stale: false,
          window: { type: 'rolling', durationMs: 30 * 86_400_000 },
        },
      ],
    }),
    entityRef,
    policy,
    policySources: ['default'],
    policyProblems: [],
  };
}

/** A local server answering `/api/reliability/gate/...` as the backend does. */
let server: http.Server;
let backend: string;
const requests: Array<{ url: string; authorization?: string }> = [];

beforeAll(async () => {
  const budgets: Record<string, number> = {
    'component/default/checkout': -0.258,
    'component/default/search': 0.9,
    'component/default/cart': 0.1,
  };
  server = http.createServer((req, res) => {
    requests.push({ url: req.url!, authorization: req.headers.authorization });
    const url = new URL(req.url!, 'http://localhost');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      send(401, {
        error: { name: 'AuthenticationError', message: 'Missing credentials' },
      });
      return;
    }
    const match = /^\/api\/reliability\/gate\/(.+)$/.exec(url.pathname);
    const remaining = match ? budgets[match[1]] : undefined;
    if (remaining === undefined) {
      send(404, {
        error: {
          name: 'NotFoundError',
          message: `No entity ${match?.[1]} in the catalog`,
        },
      });
      return;
    }
    const [kind, namespace, name] = match![1].split('/');
    send(
      200,
      answer(
        `${kind}:${namespace}/${name}`,
        remaining,
        url.searchParams.get('release') ?? undefined,
      ),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.RELIABILITY_TOKEN = TOKEN;
});

afterAll(async () => {
  delete process.env.RELIABILITY_TOKEN;
  await new Promise(resolve => server.close(resolve));
});

describe('reliability gate', () => {
  it('exits 2 on a block, printing one line with the reason', async () => {
    const run = await runCli(
      'gate',
      'component:default/checkout',
      '--backend',
      backend,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /^block component:default\/checkout: Releases blocked: Checkout availability has spent its budget \(\u221225\.8 %\); not expected to lift at the current burn$/m,
    );
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(requests[requests.length - 1]).toEqual({
      url: '/api/reliability/gate/component/default/checkout',
      authorization: `Bearer ${TOKEN}`,
    });
  });

  it('exits 0 when allowed, the kind and namespace defaulting', async () => {
    const run = await runCli('gate', 'search', '--backend', `${backend}/`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'allow component:default/search: Releases allowed: every SLO of Checkout is within its budget\n',
    );
  });

  it('exits 0 on a warning by default and 1 with --warn-exit-code 1', async () => {
    expect(
      (await runCli('gate', 'component:default/cart', '--backend', backend))
        .code,
    ).toBe(0);
    const strict = await runCli(
      'gate',
      'component:default/cart',
      '--backend',
      backend,
      '--warn-exit-code',
      '1',
    );
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(
      /^warn component:default\/cart: Releases allowed with a warning/,
    );
  });

  it('passes the release kind, and a fix passes the block as a warning', async () => {
    const run = await runCli(
      'gate',
      'component:default/checkout',
      '--backend',
      `${backend}/api/reliability`,
      '--release',
      'fix',
    );
    expect(run.code).toBe(0);
    expect(requests[requests.length - 1].url).toBe(
      '/api/reliability/gate/component/default/checkout?release=fix',
    );
  });

  it('prints the whole answer with --json', async () => {
    const run = await runCli(
      'gate',
      'component:default/checkout',
      '--backend',
      backend,
      '--json',
    );
    expect(run.code).toBe(2);
    const parsed = JSON.parse(run.stdout);
    expect(parsed).toMatchObject({
      decision: 'block',
      allowed: false,
      rule: 'budget-exhausted',
    });
  });

  it('exits 3 with the hint when the token is missing or wrong', async () => {
    const run = await runCli(
      'gate',
      'checkout',
      '--backend',
      backend,
      '--token-env',
      'NO_SUCH_TOKEN_VARIABLE',
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'reliability: the gate answered 401: Missing credentials (set NO_SUCH_TOKEN_VARIABLE to a token of backend.auth.externalAccess)\n',
    );
  });

  it('exits 3 for an unknown entity and for a backend that does not answer', async () => {
    const unknown = await runCli(
      'gate',
      'component:default/nope',
      '--backend',
      backend,
    );
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain(
      'No entity component/default/nope in the catalog',
    );
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    const down = await runCli(
      'gate',
      'checkout',
      '--backend',
      `http://127.0.0.1:${port}`,
    );
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(
      /cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/,
    );
  });

  it('exits 2 with usage for a malformed entity ref or backend URL', async () => {
    expect(
      (await runCli('gate', 'component:default/', '--backend', backend)).code,
    ).toBe(2);
    expect(
      (await runCli('gate', 'checkout', '--backend', 'not a url')).code,
    ).toBe(2);
  });
});
