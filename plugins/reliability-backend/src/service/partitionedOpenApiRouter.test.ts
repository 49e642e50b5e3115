import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createPartitionedOpenApiRouter } from './partitionedOpenApiRouter';

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { $ref: '#/components/schemas/Id' },
} as const;

const spec = {
  openapi: '3.0.3',
  info: { title: 'things', version: '1' },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      Id: { type: 'string', pattern: '^[a-z]+$' },
      Thing: {
        type: 'object',
        required: ['id'],
        properties: { id: { $ref: '#/components/schemas/Id' } },
      },
    },
  },
  paths: {
    '/things': {
      get: {
        parameters: [
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1 },
          },
        ],
        responses: { '200': { description: 'all' } },
      },
    },
    '/things/special': {
      get: { responses: { '200': { description: 'the special one' } } },
    },
    '/things/{id}': {
      get: {
        parameters: [idParameter],
        responses: { '200': { description: 'one' } },
      },
    },
    '/things/{id}/rename': {
      post: {
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Thing' },
            },
          },
        },
        responses: { '200': { description: 'renamed' } },
      },
    },
  },
} as const;

function app(register?: (routes: any) => void) {
  const { router, routes } = createPartitionedOpenApiRouter(spec, {
    middleware: [express.json()],
  });
  routes.get('/things', (req, res) => {
    res.json({ route: 'list', limit: req.query.limit });
  });
  routes.get('/things/special', (_req, res) => {
    res.json({ route: 'special' });
  });
  routes.get('/things/:id', (req, res) => {
    res.json({ route: 'one', id: req.params.id });
  });
  routes.post('/things/:id/rename', (req, res) => {
    res.json({ route: 'rename', id: req.params.id, to: req.body.id });
  });
  register?.(routes);
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  return express().use(router).use(middleware.error());
}

describe('createPartitionedOpenApiRouter', () => {
  it('routes each request to its handler, a static segment before a parameter', async () => {
    const server = app();
    expect((await request(server).get('/things?limit=2')).body).toEqual({
      route: 'list',
      limit: 2,
    });
    expect((await request(server).get('/things/special')).body).toEqual({
      route: 'special',
    });
    expect((await request(server).get('/things/abc')).body).toEqual({
      route: 'one',
      id: 'abc',
    });
    const renamed = await request(server)
      .post('/things/abc/rename')
      .send({ id: 'xyz' });
    expect(renamed.body).toEqual({ route: 'rename', id: 'abc', to: 'xyz' });
  });

  it('validates every part against the spec, with the schemas its paths reference', async () => {
    const server = app();
    const badQuery = await request(server).get('/things?limit=0');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.message).toMatch(/limit/);
    const badPath = await request(server).get('/things/ABC1');
    expect(badPath.status).toBe(400);
    expect(badPath.body.error.message).toMatch(/pattern/);
    const badBody = await request(server)
      .post('/things/abc/rename')
      .send({ id: 'X' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.message).toMatch(/body\/id/);
    const unknownQuery = await request(server).get('/things?colour=red');
    expect(unknownQuery.status).toBe(400);
    expect(unknownQuery.body.error.message).toMatch(/colour/);
  });

  it('matches paths like express does: any case of static segments, an optional trailing slash', async () => {
    const server = app();
    expect((await request(server).get('/THINGS/Special')).body).toEqual({
      route: 'special',
    });
    expect((await request(server).get('/things/abc/')).body).toEqual({
      route: 'one',
      id: 'abc',
    });
  });

  it('passes requests no route answers on, and serves the whole spec', async () => {
    const server = app();
    expect((await request(server).get('/nothing/here')).status).toBe(404);
    expect((await request(server).delete('/things/abc')).status).toBe(404);
    const served = await request(server).get('/openapi.json');
    expect(served.status).toBe(200);
    expect(Object.keys(served.body.paths).sort()).toEqual(
      Object.keys(spec.paths).sort(),
    );
  });

  it('serves handlers of paths the spec does not document', async () => {
    const server = app(routes =>
      routes.get('/undocumented/:x', (req: any, res: any) => {
        res.json({ route: 'undocumented', x: req.params.x });
      }),
    );
    expect((await request(server).get('/undocumented/1')).body).toEqual({
      route: 'undocumented',
      x: '1',
    });
  });
});
