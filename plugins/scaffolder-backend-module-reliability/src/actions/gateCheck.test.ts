/*
 * The action against a local server that answers as the Reliability backend's
 * `GET /gate/{kind}/{namespace}/{name}` does (openapi.yaml, releaseGateRoutes.ts): 200 with a
 * ReleaseGateView whatever the decision, decided here by the gate's own `decideRelease`; 401
 * without a bearer token; 404 and 403 with Backstage's error body.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  decideRelease,
  mergeReleasePolicies,
  ReleaseGateSloState,
  ReleaseGateView,
  ReleasePolicyOverrides,
} from '@reliability/backstage-plugin-common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createReliabilityGateCheckAction } from './gateCheck';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const HOUR = 3_600_000;

function slo(name: string, remaining: number, burnRate: number) {
  return {
    id: `shop-${name}`,
    name,
    displayName: `Shop ${name}`,
    remaining,
    burnRates: [{ window: '1h', windowMs: HOUR, burnRate }],
    pageAlert: 'ok',
    stale: false,
    window: { type: 'rolling', durationMs: 30 * 24 * HOUR },
  } satisfies ReleaseGateSloState;
}

/** The SLO states of each entity the server knows; anything else is 404. */
const entities: Record<
  string,
  { slos: ReleaseGateSloState[]; policy?: ReleasePolicyOverrides }
> = {
  'component:default/healthy': { slos: [slo('availability', 0.8, 0.5)] },
  'component:default/low': { slos: [slo('availability', 0.1, 1.2)] },
  'component:default/spent': {
    slos: [slo('availability', -0.258, 0.5)],
    policy: { allowDuringBlock: ['fix'] },
  },
};

interface Seen {
  path: string;
  query: URLSearchParams;
  authorization?: string;
}

const errorBody = (name: string, message: string, statusCode: number) =>
  JSON.stringify({
    error: { name, message },
    request: { method: 'GET', url: '/' },
    response: { statusCode },
  });

function gateServer(seen: Seen[]) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    seen.push({
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
    });
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    };
    if (!/^Bearer .+/.test(req.headers.authorization ?? '')) {
      send(401, errorBody('AuthenticationError', 'No token', 401));
      return;
    }
    const match = /^\/api\/reliability\/gate\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(
      url.pathname,
    );
    if (!match) {
      send(404, errorBody('NotFoundError', 'No route', 404));
      return;
    }
    const entityRef = `${match[1]}:${match[2]}/${match[3]}`;
    if (entityRef === 'component:default/secret') {
      send(
        403,
        errorBody(
          'NotAllowedError',
          'You may not read component:default/secret',
          403,
        ),
      );
      return;
    }
    const entity = entities[entityRef];
    if (!entity) {
      send(
        404,
        errorBody(
          'NotFoundError',
          `No entity ${entityRef} in the catalog`,
          404,
        ),
      );
      return;
    }
    const policy = mergeReleasePolicies(entity.policy);
    const decision = decideRelease({
      entityTitle: match[3],
      policy,
      slos: entity.slos,
      nowMs: NOW,
      releaseKind: url.searchParams.get('release') ?? undefined,
    });
    const view: ReleaseGateView = {
      ...decision,
      entityRef,
      policy,
      policySources: ['default'],
      policyProblems: [],
    };
    send(200, JSON.stringify(view));
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('reliability:gate:check', () => {
  const seen: Seen[] = [];
  const server = gateServer(seen);
  let baseUrl: string;
  const auth = mockServices.auth();

  beforeAll(async () => {
    baseUrl = await listen(server);
  });
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  function action(reliabilityUrl = () => `${baseUrl}/api/reliability`) {
    return createReliabilityGateCheckAction({
      discovery: {
        getBaseUrl: async () => reliabilityUrl(),
        getExternalBaseUrl: async () => reliabilityUrl(),
      },
      auth,
      appBaseUrl: 'https://backstage.example.com/',
    });
  }

  function context(input: Record<string, unknown>, isDryRun = false) {
    const logger = mockServices.logger.mock();
    // createMockActionContext takes neither of the last two from its options.
    const ctx = {
      ...createMockActionContext({ input: input as any, logger }),
      isDryRun,
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/jane'),
    };
    return { ctx, logger };
  }

  it('lets an entity within its budget release and says so', async () => {
    const { ctx, logger } = context({ entityRef: 'healthy' });
    await action().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('decision', 'allow');
    expect(ctx.output).toHaveBeenCalledWith('allowed', true);
    expect(ctx.output).toHaveBeenCalledWith('rule', 'within-budget');
    expect(ctx.output).toHaveBeenCalledWith(
      'url',
      'https://backstage.example.com/catalog/default/component/healthy/reliability',
    );
    expect(ctx.output).not.toHaveBeenCalledWith(
      'expectedLiftAt',
      expect.anything(),
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Release gate for component:default\/healthy: allow: /,
      ),
    );
    // A real run is recorded (no preview), asked as the template's user.
    expect(seen).toHaveLength(1);
    expect(seen[0].path).toBe(
      '/api/reliability/gate/component/default/healthy',
    );
    expect(seen[0].query.get('preview')).toBeNull();
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: mockCredentials.user('user:default/jane'),
      targetPluginId: 'reliability',
    });
    expect(seen[0].authorization).toBe(`Bearer ${token}`);
  });

  it('passes a warning with failOn: block, logging each reason', async () => {
    const { ctx, logger } = context({ entityRef: 'component:default/low' });
    await action().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('decision', 'warn');
    const reasons = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'reasons',
    )?.[1];
    expect(reasons).toEqual([expect.stringContaining('Shop availability')]);
    expect(logger.info).toHaveBeenCalledWith(
      `  warn (low-budget): ${reasons[0]}`,
    );
  });

  it('fails on a warning with failOn: warn', async () => {
    const { ctx } = context({
      entityRef: 'component:default/low',
      failOn: 'warn',
    });
    await expect(action().handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(
        /^The release gate stops component:default\/low: .*Shop availability.*\(failOn: warn\)$/,
      ),
    });
    // The outputs are there for the steps that look at them before it failed.
    expect(ctx.output).toHaveBeenCalledWith('decision', 'warn');
  });

  it('fails on a block with the gate’s reason', async () => {
    const { ctx } = context({ entityRef: 'component:default/spent' });
    const failure = action().handler(ctx);
    await expect(failure).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'Shop availability has spent its budget (\u221225.8 %)',
      ),
    });
    expect(ctx.output).toHaveBeenCalledWith('decision', 'block');
    expect(ctx.output).toHaveBeenCalledWith('rule', 'budget-exhausted');
  });

  it('lets a fix pass a block when the policy allows it', async () => {
    const { ctx } = context({
      entityRef: 'component:default/spent',
      release: 'fix',
    });
    await action().handler(ctx);
    expect(seen[0].query.get('release')).toBe('fix');
    expect(ctx.output).toHaveBeenCalledWith('decision', 'warn');
    expect(ctx.output).toHaveBeenCalledWith('rule', 'release-kind');
  });

  it('previews in a dry run and does not fail on a block', async () => {
    const { ctx, logger } = context(
      { entityRef: 'component:default/spent' },
      true,
    );
    await action().handler(ctx);
    expect(seen[0].query.get('preview')).toBe('true');
    expect(ctx.output).toHaveBeenCalledWith('decision', 'block');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^Dry run: a real run would stop here: /),
    );
  });

  it('fails clearly for an entity the gate does not know', async () => {
    const { ctx } = context({ entityRef: 'component:default/nope' });
    await expect(action().handler(ctx)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringMatching(
        /^The release gate knows no entity component:default\/nope .*No entity component:default\/nope in the catalog.*Check the step's entityRef\.$/,
      ),
    });
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('fails with the reason when the user may not ask', async () => {
    const { ctx } = context({ entityRef: 'component:default/secret' });
    await expect(action().handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'You may not ask the release gate for component:default/secret: You may not read component:default/secret',
    });
  });

  it('rejects an entityRef that is no entity ref before asking', async () => {
    const { ctx } = context({ entityRef: 'component:default/' });
    await expect(action().handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('component:default/checkout'),
    });
    expect(seen).toHaveLength(0);
  });

  describe('when the backend is down', () => {
    let downUrl: string;
    beforeAll(async () => {
      // A port that was just listening and is closed: connection refused.
      const closed = createServer();
      downUrl = await listen(closed);
      await new Promise(resolve => closed.close(resolve));
    });

    it('fails saying the gate could not be reached', async () => {
      const { ctx } = context({ entityRef: 'healthy' });
      await expect(
        action(() => `${downUrl}/api/reliability`).handler(ctx),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(
          /^cannot reach the Reliability backend at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED; set onNoAnswer: continue/,
        ),
      });
    });

    it('goes on with decision unknown with onNoAnswer: continue', async () => {
      const { ctx, logger } = context({
        entityRef: 'healthy',
        onNoAnswer: 'continue',
      });
      await action(() => `${downUrl}/api/reliability`).handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('decision', 'unknown');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('ECONNREFUSED'),
      );
    });
  });

  it('reports a 5xx as the gate failing, not as a decision', async () => {
    const failing = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(errorBody('ServiceUnavailableError', 'Database is down', 503));
    });
    const url = await listen(failing);
    try {
      const { ctx } = context({ entityRef: 'healthy' });
      await expect(
        action(() => `${url}/api/reliability`).handler(ctx),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining(
          'the release gate answered 503: Database is down',
        ),
      });
      expect(ctx.output).not.toHaveBeenCalled();
    } finally {
      await new Promise(resolve => failing.close(resolve));
    }
  });
});
