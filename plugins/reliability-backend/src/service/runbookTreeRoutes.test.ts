import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { Entity } from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DefaultSloFileReader } from '../catalog/SloFileReader';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseRunbookWalkStore } from '../database/RunbookWalkStore';
import { RunbookTreeReader } from '../runbooks/RunbookTreeReader';
import { RunbookTreeService } from '../runbooks/RunbookTreeService';
import { spec } from '../schema/openapi.generated';
import { registerRunbookTreeRoutes } from './runbookTreeRoutes';

// Each test migrates a database and compiles the spec's response schemas: on a loaded machine
// (a CI run at load 12) that took longer than Jest's default 5 s.
jest.setTimeout(30_000);

const T0 = Date.parse('2026-12-01T03:00:00Z');
const RUNBOOK = `apiVersion: reliability.dev/v1
kind: Runbook
metadata:
  name: checkout
spec:
  start: burning
  entryPoints:
    - alert: CheckoutHighErrorRate
      node: burning
    - alert: CheckoutLatencyHigh
      node: slow
  nodes:
    burning:
      question: Do both windows burn?
      answers:
        - answer: Both
          next: page
        - answer: Only the short one
          next: slow
    page:
      title: Page payments
      action: Hand over.
      end: escalate
    slow:
      action: Look tomorrow.
      end: resolved
`;

let knex: Knex;
let dir: string;

beforeEach(async () => {
  knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  await applyDatabaseMigrations(knex);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runbook-tree-routes-'));
  await fs.writeFile(path.join(dir, 'runbook.yaml'), RUNBOOK);
  await fs.writeFile(
    path.join(dir, 'broken.yaml'),
    RUNBOOK.replace('next: slow\n', 'next: nowhere\n'),
  );
});

afterEach(async () => {
  await knex.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

function component(name: string, runbook?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${dir}/catalog-info.yaml`,
        ...(runbook ? { 'reliability/runbook': runbook } : {}),
      },
    },
    spec: { type: 'service', owner: 'group:default/payments' },
  };
}

type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY;

function createApp(
  options: {
    create?: Decision;
    resolve?: Decision;
    credentials?:
      | ReturnType<typeof mockCredentials.user>
      | ReturnType<typeof mockCredentials.none>;
  } = {},
) {
  const entities = [
    component('checkout', './runbook.yaml'),
    component('broken', './broken.yaml'),
    component('markdown', './runbook.md'),
    component('missing', './nothing-here.yaml'),
  ];
  const hidden = component('hidden', './runbook.yaml');
  const serviceCatalog = catalogServiceMock({
    entities: [...entities, hidden],
  });
  const runbookTrees = RunbookTreeService.create({
    reader: RunbookTreeReader.create({
      fileReader: DefaultSloFileReader.create({
        urlReader: mockServices.urlReader.mock(),
      }),
      integrations: ScmIntegrations.fromConfig(mockServices.rootConfig()),
    }),
    store: DatabaseRunbookWalkStore.create({ knex }),
    loadEntity: async ref =>
      (await serviceCatalog.getEntityByRef(ref, {
        credentials: mockCredentials.service(),
      })) ?? undefined,
    loadSloDefinitions: async () => [],
    now: () => T0,
  });
  const authorize = jest.fn(
    async (requests: Array<{ permission: { name: string } }>) =>
      requests.map(({ permission }) => ({
        result:
          permission.name === 'reliability.runbook.flag.resolve'
            ? options.resolve ?? AuthorizeResult.ALLOW
            : options.create ?? AuthorizeResult.ALLOW,
      })),
  );
  // Every answer these tests get is checked against the spec's responses.
  const router = createValidatedOpenApiRouter(spec, {
    validatorOptions: { validateResponses: true },
  });
  router.use(express.json());
  registerRunbookTreeRoutes(router, {
    httpAuth: mockServices.httpAuth({
      defaultCredentials:
        options.credentials ?? mockCredentials.user('user:default/alice'),
    }),
    permissions: mockServices.permissions.mock({ authorize: authorize as any }),
    // The caller may not read `hidden`.
    catalog: catalogServiceMock({ entities }),
    runbookTrees,
  });
  return {
    app: express().use(router).use(mockErrorHandler()),
    authorize,
  };
}

const TREE = '/entities/component/default/checkout/runbook-tree';

describe('runbook tree routes', () => {
  it('serves the parsed tree, when it first saw this content and what the caller may do', async () => {
    const { app } = createApp({ resolve: AuthorizeResult.DENY });
    const res = await request(app).get(TREE);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout',
      source: {
        location: './runbook.yaml',
        file: `file:${path.join(dir, 'runbook.yaml')}`,
      },
      runbook: {
        name: 'checkout',
        start: 'burning',
        entryPoints: [
          { alert: 'CheckoutHighErrorRate', node: 'burning' },
          { alert: 'CheckoutLatencyHigh', node: 'slow' },
        ],
      },
      problems: [],
      lastChangedAt: new Date(T0).toISOString(),
      openFlags: [],
      canFlag: true,
      canResolveFlags: false,
    });
    expect(res.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.runbook.nodes.map((n: { id: string }) => n.id)).toEqual([
      'burning',
      'page',
      'slow',
    ]);
  });

  it('serves the problems of a broken file with file, line and path, and no tree', async () => {
    const { app } = createApp();
    const res = await request(app).get(
      '/entities/component/default/broken/runbook-tree',
    );
    expect(res.status).toBe(200);
    expect(res.body.runbook).toBeUndefined();
    expect(res.body.problems).toContainEqual(
      expect.objectContaining({
        file: `file:${path.join(dir, 'broken.yaml')}`,
        line: 19,
        path: 'spec.nodes.burning.answers[1].next',
        severity: 'error',
      }),
    );
  });

  it('says when the named file does not exist, and has no source for a Markdown runbook', async () => {
    const { app } = createApp();
    const missing = await request(app).get(
      '/entities/component/default/missing/runbook-tree',
    );
    expect(missing.status).toBe(200);
    expect(missing.body.problems[0].message).toContain(
      'the runbook file does not exist',
    );
    const markdown = await request(app).get(
      '/entities/component/default/markdown/runbook-tree',
    );
    expect(markdown.status).toBe(200);
    expect(markdown.body.source).toBeUndefined();
    expect(markdown.body.problems).toEqual([]);
  });

  it('answers 404 for an entity the caller may not read and 401 without credentials', async () => {
    expect(
      (
        await request(createApp().app).get(
          '/entities/component/default/hidden/runbook-tree',
        )
      ).status,
    ).toBe(404);
    const anonymous = createApp({ credentials: mockCredentials.none() });
    expect((await request(anonymous.app).get(TREE)).status).toBe(401);
    expect(
      (
        await request(anonymous.app)
          .post(`${TREE}/flags`)
          .send({ node: 'page', comment: 'x' })
      ).status,
    ).toBe(401);
  });

  it('records a walk from an alert with its outcome and shows it as the last walk', async () => {
    const { app } = createApp();
    const posted = await request(app)
      .post(`${TREE}/walks`)
      .send({
        alert: 'CheckoutHighErrorRate',
        path: [{ node: 'burning', answer: 'Both' }, { node: 'page' }],
      });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      alert: 'CheckoutHighErrorRate',
      outcome: 'escalate',
      walkedBy: 'user:default/alice',
      walkedAt: new Date(T0).toISOString(),
    });
    const tree = await request(app).get(TREE);
    expect(tree.body.lastWalk).toEqual(posted.body);
    const list = await request(app).get(`${TREE}/walks?limit=5`);
    expect(list.body.items).toEqual([posted.body]);
  });

  it('refuses a walk that does not follow the tree, naming the step, and stores nothing', async () => {
    const { app } = createApp();
    const res = await request(app)
      .post(`${TREE}/walks`)
      .send({
        alert: 'CheckoutLatencyHigh',
        path: [{ node: 'burning', answer: 'Both' }],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'path[0] is "burning", but a walk from the alert CheckoutLatencyHigh starts at "slow"',
    );
    expect((await request(app).get(`${TREE}/walks`)).body.items).toEqual([]);
    const broken = await request(app)
      .post('/entities/component/default/broken/runbook-tree/walks')
      .send({ path: [{ node: 'burning' }] });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain('has errors; fix them first');
    expect(
      (await request(app).post(`${TREE}/walks`).send({ path: [] })).status,
    ).toBe(400);
  });

  it('flags a step with the permission and lists it open, oldest first', async () => {
    const { app, authorize } = createApp();
    const res = await request(app)
      .post(`${TREE}/flags`)
      .send({ node: 'page', comment: '  payments moved to #payments-oncall ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      node: 'page',
      comment: 'payments moved to #payments-oncall',
      createdBy: 'user:default/alice',
      status: 'open',
    });
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'reliability.runbook.flag.create',
          }),
        },
      ],
      expect.anything(),
    );
    expect((await request(app).get(TREE)).body.openFlags).toEqual([res.body]);
    expect(
      (await request(app).get(`${TREE}/flags?status=open`)).body.items,
    ).toEqual([res.body]);
    expect(
      (await request(app).get(`${TREE}/flags?status=resolved`)).body.items,
    ).toEqual([]);
  });

  it('answers 403 for a flag without the create permission, and stores nothing', async () => {
    const { app } = createApp({ create: AuthorizeResult.DENY });
    const res = await request(app)
      .post(`${TREE}/flags`)
      .send({ node: 'page', comment: 'wrong' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('reliability.runbook.flag.create');
    expect((await request(app).get(`${TREE}/flags`)).body.items).toEqual([]);
  });

  it('refuses a flag on a node the runbook does not have, or without a comment', async () => {
    const { app } = createApp();
    const unknown = await request(app)
      .post(`${TREE}/flags`)
      .send({ node: 'nope', comment: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('has no node "nope"');
    const blank = await request(app)
      .post(`${TREE}/flags`)
      .send({ node: 'page', comment: '   ' });
    expect(blank.status).toBe(400);
    expect(
      (await request(app).post(`${TREE}/flags`).send({ node: 'page' })).status,
    ).toBe(400);
  });

  it('resolves a flag for the entity with the resolve permission, 403 without, 404 for an unknown one', async () => {
    const owner = createApp();
    const flag = (
      await request(owner.app)
        .post(`${TREE}/flags`)
        .send({ node: 'page', comment: 'outdated' })
    ).body;

    const responder = createApp({ resolve: AuthorizeResult.DENY });
    const denied = await request(responder.app)
      .post(`${TREE}/flags/${flag.id}/resolve`)
      .send({});
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain(
      'reliability.runbook.flag.resolve',
    );

    const resolved = await request(owner.app)
      .post(`${TREE}/flags/${flag.id}/resolve`)
      .send({ comment: 'updated the channel' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      id: flag.id,
      status: 'resolved',
      resolvedBy: 'user:default/alice',
      resolution: 'updated the channel',
    });
    expect(owner.authorize).toHaveBeenLastCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'reliability.runbook.flag.resolve',
          }),
          resourceRef: 'component:default/checkout',
        },
      ],
      expect.anything(),
    );
    expect((await request(owner.app).get(TREE)).body.openFlags).toEqual([]);

    const unknown = await request(owner.app)
      .post(`${TREE}/flags/00000000-0000-0000-0000-000000000000/resolve`)
      .send({});
    expect(unknown.status).toBe(404);
  });
});
