/*
 * The action in a backend with the real Reliability plugin (its router, gate service, policy
 * resolution from config and decision store), a mock catalog and mock credentials: what a
 * template run gets and what the gate records of it.
 */
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
// The real gate to ask, in the test only: the module itself talks to it over HTTP.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import reliabilityFeatures from '@reliability/backstage-plugin-backend';
import request from 'supertest';
import scaffolderModuleReliability from '../index';

jest.setTimeout(60_000);

const JANE = 'user:default/jane';

function component(name: string, tier: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'reliability/tier': tier },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/shop',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/shop' }],
  };
}

const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('reliability:gate:check against the Reliability backend', () => {
  let backend: TestBackend;
  let action: TemplateAction<any, any, any>;

  beforeAll(async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    const scaffolder = createBackendPlugin({
      pluginId: 'scaffolder',
      register(env) {
        env.registerExtensionPoint(scaffolderActionsExtensionPoint, {
          addActions: (...added) => actions.push(...added),
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });
    backend = await startTestBackend({
      features: [
        reliabilityFeatures,
        scaffolder,
        scaffolderModuleReliability,
        catalogServiceMock.factory({
          entities: [
            component('steady', '2'),
            component('fresh', '3'),
            component('frozen', '1'),
            shop,
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            reliability: {
              release: {
                tiers: {
                  // No SLOs yet: tier 2 lets that through, tier 3 warns (the default).
                  '2': { onUnknownData: 'allow' },
                  '1': {
                    freezes: [
                      {
                        name: 'Migration freeze',
                        start: '2000-01-01',
                        end: '2999-01-01',
                        allow: ['fix'],
                      },
                    ],
                  },
                },
              },
            },
          },
        }),
      ],
    });
    [action] = actions;
  });

  afterAll(async () => {
    await backend?.stop();
  });

  function context(input: Record<string, unknown>, isDryRun = false) {
    const logger = mockServices.logger.mock();
    const ctx = {
      ...createMockActionContext({ input: input as any, logger }),
      isDryRun,
      getInitiatorCredentials: async () => mockCredentials.user(JANE),
    };
    return { ctx, logger };
  }

  const outputs = (ctx: { output: unknown }) =>
    Object.fromEntries((ctx.output as jest.Mock).mock.calls);

  async function decisions(name: string) {
    const res = await request(backend.server)
      .get(`/api/reliability/gate/component/default/${name}/decisions`)
      .set('Authorization', mockCredentials.user.header(JANE));
    expect(res.status).toBe(200);
    return res.body.items as Array<{ requestedBy: string; decision: string }>;
  }

  it('allows, and the gate records the decision with the template user as the one who asked', async () => {
    const { ctx } = context({ entityRef: 'component:default/steady' });
    await action.handler(ctx);
    expect(outputs(ctx)).toMatchObject({
      decision: 'allow',
      allowed: true,
      url: 'http://localhost:3000/catalog/default/component/steady/reliability',
    });
    const recorded = await decisions('steady');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ requestedBy: JANE, decision: 'allow' });
  });

  it('passes a warning by default and fails on it with failOn: warn', async () => {
    const passing = context({ entityRef: 'fresh' });
    await action.handler(passing.ctx);
    expect(outputs(passing.ctx)).toMatchObject({
      decision: 'warn',
      rule: 'no-slos',
    });
    const failing = context({ entityRef: 'fresh', failOn: 'warn' });
    await expect(action.handler(failing.ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('(failOn: warn)'),
    });
  });

  it('fails on a block with the gate’s reason and when it lifts', async () => {
    const { ctx } = context({ entityRef: 'frozen' });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(
        /^The release gate stops component:default\/frozen: .*Migration freeze.*expected to lift at 2999-01-01T00:00:00/,
      ),
    });
    expect(outputs(ctx)).toMatchObject({
      decision: 'block',
      rule: 'freeze',
      expectedLiftAt: expect.stringMatching(/^2999-01-01T00:00:00/),
    });
  });

  it('lets a fix through the freeze that allows it', async () => {
    const { ctx } = context({ entityRef: 'frozen', release: 'fix' });
    await action.handler(ctx);
    expect(outputs(ctx).decision).not.toBe('block');
    expect(outputs(ctx).allowed).toBe(true);
  });

  it('records nothing in a dry run, and does not fail on the block', async () => {
    const before = await decisions('frozen');
    const { ctx, logger } = context({ entityRef: 'frozen' }, true);
    await action.handler(ctx);
    expect(outputs(ctx).decision).toBe('block');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^Dry run: a real run would stop here: /),
    );
    expect(await decisions('frozen')).toHaveLength(before.length);
  });

  it('fails clearly for an entity that is not in the catalog', async () => {
    const { ctx } = context({ entityRef: 'component:default/nope' });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        'No entity component:default/nope in the catalog',
      ),
    });
  });
});
