import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { ReliabilityClient } from './ReliabilityClient';

const baseUrl = 'http://backstage.test/api/reliability';

describe('ReliabilityClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const fetchApi = { fetch: jest.fn((input, init) => fetch(input, init)) };
  const client = new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi,
  });
  const entity = { kind: 'Component', namespace: 'default', name: 'checkout' };

  it('reads entity SLOs from the entity route through the fetch API', async () => {
    const body = {
      entityRef: 'component:default/checkout',
      loaded: true,
      errors: [],
      slos: [],
    };
    server.use(
      http.get(`${baseUrl}/entities/Component/default/checkout/slos`, () =>
        HttpResponse.json(body),
      ),
    );

    await expect(client.getEntitySlos(entity)).resolves.toEqual(body);
    expect(fetchApi.fetch).toHaveBeenCalled();
  });

  it('encodes every part of the entity ref as one path segment', async () => {
    let requested = '';
    server.use(
      http.get(`${baseUrl}/entities/*`, ({ request }) => {
        requested = new URL(request.url).pathname;
        return HttpResponse.json({
          entityRef: '',
          loaded: true,
          errors: [],
          slos: [],
        });
      }),
    );

    await client.getEntitySlos({
      kind: 'Component',
      namespace: 'a b',
      name: 'x/y?z',
    });

    expect(requested).toBe(
      '/api/reliability/entities/Component/a%20b/x%2Fy%3Fz/slos',
    );
  });

  it('asks for rules as JSON or as YAML text', async () => {
    server.use(
      http.get(
        `${baseUrl}/entities/Component/default/checkout/rules`,
        ({ request }) =>
          new URL(request.url).searchParams.get('format') === 'yaml'
            ? HttpResponse.text('groups: []\n')
            : HttpResponse.json({ groups: [{ name: 'g' }], problems: [] }),
      ),
    );

    await expect(client.getEntityRules(entity)).resolves.toEqual({
      groups: [{ name: 'g' }],
      problems: [],
    });
    await expect(client.getEntityRulesYaml(entity)).resolves.toBe(
      'groups: []\n',
    );
  });

  it('refreshes with a POST and returns the fresh result', async () => {
    server.use(
      http.post(`${baseUrl}/entities/Component/default/checkout/refresh`, () =>
        HttpResponse.json({
          entityRef: 'component:default/checkout',
          loaded: true,
          errors: [],
          slos: [],
        }),
      ),
    );

    await expect(client.refreshEntitySlos(entity)).resolves.toMatchObject({
      loaded: true,
    });
  });

  it('sends only the given listing filters', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/slos`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
    );

    await client.listSlos({
      owner: 'group:default/team a',
      state: 'exhausted',
      limit: 500,
    });

    expect(Object.fromEntries(query!)).toEqual({
      owner: 'group:default/team a',
      state: 'exhausted',
      limit: '500',
    });
  });

  it('sends the history range as ISO date-times and encodes the SLO id', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${baseUrl}/slos/*`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({
          sloId: 'a/b',
          from: '',
          to: '',
          stepMs: 60000,
          points: [],
        });
      }),
    );

    await client.getSloHistory('a/b', {
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-01-02T00:00:00Z'),
      step: '1h',
    });

    expect(url!.pathname).toBe('/api/reliability/slos/a%2Fb/history');
    expect(Object.fromEntries(url!.searchParams)).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-02T00:00:00.000Z',
      step: '1h',
    });
  });

  it('throws a ResponseError carrying the backend message when the answer is not ok', async () => {
    server.use(
      http.get(`${baseUrl}/slos/missing/history`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: "No SLO with id 'missing'",
            },
          },
          { status: 404 },
        ),
      ),
    );

    const error = await client.getSloHistory('missing').catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(404);
    // Depending on how the test environment's Response reports its content type, the backend's
    // message arrives parsed (in the body and cause) or as text in the message: either way it
    // must reach the user.
    expect(`${error.message} ${error.cause?.message}`).toContain(
      "No SLO with id 'missing'",
    );
  });

  it('asks for an owner on-call with the ref encoded as one query value', async () => {
    let query = '';
    server.use(
      http.get(`${baseUrl}/oncall`, ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json({ owner: '', owners: [], entities: [] });
      }),
    );

    await client.getOwnerOnCall('user:default/guest');

    expect(query).toBe('?owner=user%3Adefault%2Fguest');
  });

  it('posts a triage verdict as JSON and throws a ResponseError with the status on 403', async () => {
    let body: unknown;
    server.use(
      http.post(`${baseUrl}/alerts/:id/triage`, async ({ request, params }) => {
        body = await request.json();
        if (params.id === 'forbidden') {
          return HttpResponse.json(
            { error: { name: 'NotAllowedError', message: 'no' } },
            { status: 403 },
          );
        }
        return HttpResponse.json({ id: params.id, actionable: true });
      }),
    );

    await expect(client.triageAlert('abc', true)).resolves.toEqual({
      id: 'abc',
      actionable: true,
    });
    expect(body).toEqual({ actionable: true });
    const refused = client.triageAlert('forbidden', false);
    await expect(refused).rejects.toBeInstanceOf(ResponseError);
    await expect(refused).rejects.toMatchObject({ statusCode: 403 });
  });

  it('downloads the CSV export through the fetch API with the same filters as the listing', async () => {
    let listed = '';
    let exported = '';
    server.use(
      http.get(`${baseUrl}/scorecards/results`, ({ request }) => {
        listed = new URL(request.url).search;
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
      http.get(`${baseUrl}/scorecards/results.csv`, ({ request }) => {
        exported = new URL(request.url).search;
        return new HttpResponse('entity,level\r\n', {
          headers: { 'content-type': 'text/csv' },
        });
      }),
    );
    fetchApi.fetch.mockClear();

    const filter = { owner: 'payments', level: 'none', sort: 'level' as const };
    await client.listScorecardResults({ ...filter, cursor: 'c1', limit: 10 });
    const csv = await client.exportScorecardResultsCsv(filter);

    expect(listed).toBe(
      '?owner=payments&level=none&sort=level&limit=10&cursor=c1',
    );
    expect(exported).toBe('?owner=payments&level=none&sort=level');
    expect(await csv.text()).toBe('entity,level\r\n');
    expect(fetchApi.fetch).toHaveBeenCalledTimes(2);
  });
});
