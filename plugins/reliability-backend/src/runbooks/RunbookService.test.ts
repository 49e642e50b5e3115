import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import { makeSlo } from '../evaluation/__testUtils__/fixtures';
import {
  LocalServer,
  startLocalServer,
} from '../net/__testUtils__/localServer';
import { MemoryRunbookCheckStore } from './__testUtils__/MemoryRunbookCheckStore';
import { runbookId } from './collectRunbooks';
import { DefaultRunbookService } from './RunbookService';

const NOW = Date.UTC(2026, 10, 22, 3, 0);
const CHECKOUT = 'component:default/checkout';
const RUNBOOK_MD = 'https://github.com/acme/checkout/tree/main/docs/runbook.md';

describe('DefaultRunbookService', () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      res.writeHead(req.url === '/ok' ? 200 : 404).end();
    });
  });

  afterAll(() => server.close());

  function component(
    name: string,
    metadata: Partial<Entity['metadata']> = {},
  ): Entity {
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        annotations: {
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml',
        },
        ...metadata,
      },
    };
  }

  function setup(
    entities: Record<string, Entity | Error>,
    slos: Record<string, ServiceLevelObjective[]> = {},
  ) {
    const store = new MemoryRunbookCheckStore();
    const urlReader = mockServices.urlReader.mock();
    const logger = mockServices.logger.mock();
    const loadEntity = jest.fn(async (ref: string) => {
      const entity = entities[ref];
      if (entity instanceof Error) {
        throw entity;
      }
      return entity;
    });
    const service = DefaultRunbookService.create({
      store,
      urlReader,
      logger,
      config: new ConfigReader({
        reliability: {
          probes: { allowPrivateNetworks: true },
          runbooks: { allowedHosts: ['127.0.0.1'], timeout: '2s' },
        },
      }),
      loadEntity,
      loadSloDefinitions: async ref => slos[ref] ?? [],
      now: () => NOW,
    });
    return { service, store, urlReader, logger, loadEntity };
  }

  const checkout = () =>
    component('checkout', {
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml',
        'reliability/runbook': 'docs/runbook.md',
      },
      links: [
        { url: `${server.origin}/ok`, title: 'Wiki', type: 'runbook' },
        { url: `${server.origin}/missing`, title: 'Old wiki', type: 'runbook' },
      ],
    });

  const pagingSlo = makeSlo({
    id: 'checkout-availability',
    alerting: {
      name: 'CheckoutAvailability',
      labels: {},
      annotations: {},
      page: { disabled: false, labels: {}, annotations: {} },
      ticket: { disabled: true, labels: {}, annotations: {} },
    },
  });

  it("lists an entity's runbooks, its paging alerts without one and its problems, before any check", async () => {
    const { service, loadEntity } = setup(
      {
        [CHECKOUT]: component('checkout', {
          annotations: {
            'backstage.io/managed-by-location':
              'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml',
            'reliability/runbook': 'ftp://files.example.com/runbook',
          },
          links: [{ url: `${server.origin}/ok`, type: 'runbook' }],
        }),
      },
      { [CHECKOUT]: [pagingSlo] },
    );
    const credentials = mockCredentials.user();

    const view = await service.getEntityRunbooks('Component:checkout', {
      credentials,
    });

    expect(loadEntity).toHaveBeenCalledWith(CHECKOUT, { credentials });
    expect(view).toEqual({
      entityRef: CHECKOUT,
      runbooks: [
        {
          id: runbookId(`${server.origin}/ok`),
          title: `${server.origin}/ok`,
          url: `${server.origin}/ok`,
          origin: 'link',
          alerts: [],
          markdown: false,
        },
      ],
      pagingAlertsWithoutRunbook: [
        {
          sloId: 'checkout-availability',
          sloName: 'checkout-availability',
          alertName: 'CheckoutAvailability',
        },
      ],
      problems: [
        {
          origin: 'annotation',
          location: 'ftp://files.example.com/runbook',
          message:
            "'ftp://files.example.com/runbook' is a ftp URL; only http and https URLs and relative paths are allowed",
        },
      ],
    });
  });

  it('says NotFoundError for an entity the catalog does not have and InputError for a bad ref', async () => {
    const { service } = setup({});
    await expect(service.getEntityRunbooks(CHECKOUT)).rejects.toThrow(
      NotFoundError,
    );
    await expect(service.getEntityRunbooks('component:')).rejects.toThrow(
      InputError,
    );
  });

  it('checks every runbook, stores the results and shows them with the runbooks', async () => {
    const { service, store, urlReader } = setup({ [CHECKOUT]: checkout() });
    urlReader.readUrl.mockResolvedValue({
      buffer: async () => Buffer.from('# Runbook'),
      lastModifiedAt: new Date('2026-11-01T10:00:00Z'),
    });

    const view = await service.checkEntity(CHECKOUT);

    expect(view.checkedAt).toBe('2026-11-22T03:00:00.000Z');
    expect(view.runbooks.map(r => [r.title, r.check])).toEqual([
      [
        'Wiki',
        {
          outcome: 'reachable',
          statusCode: 200,
          redirectCount: 0,
          checkedAt: '2026-11-22T03:00:00.000Z',
          lastReachableAt: '2026-11-22T03:00:00.000Z',
        },
      ],
      [
        'Old wiki',
        {
          outcome: 'unreachable',
          statusCode: 404,
          redirectCount: 0,
          error: 'status 404: the page does not exist',
          checkedAt: '2026-11-22T03:00:00.000Z',
        },
      ],
      [
        'Runbook',
        {
          outcome: 'reachable',
          redirectCount: 0,
          lastModifiedAt: '2026-11-01T10:00:00.000Z',
          checkedAt: '2026-11-22T03:00:00.000Z',
          lastReachableAt: '2026-11-22T03:00:00.000Z',
        },
      ],
    ]);
    // The repository file went through the UrlReader, not over plain HTTP.
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      RUNBOOK_MD,
      expect.anything(),
    );
    expect((await store.listEntityChecks(CHECKOUT)).length).toBe(3);
    await expect(service.getEntityRunbooks(CHECKOUT)).resolves.toEqual(view);
  });

  it('reads the Markdown of a repository runbook and refuses other runbooks', async () => {
    const { service, urlReader } = setup({ [CHECKOUT]: checkout() });
    urlReader.readUrl.mockResolvedValue({
      buffer: async () => Buffer.from('# Restart the pods'),
      etag: 'e1',
    });

    await expect(
      service.getRunbookContent(CHECKOUT, runbookId(RUNBOOK_MD)),
    ).resolves.toEqual({
      markdown: '# Restart the pods',
      url: RUNBOOK_MD,
      etag: 'e1',
    });
    await expect(
      service.getRunbookContent(CHECKOUT, runbookId(`${server.origin}/ok`)),
    ).rejects.toThrow(
      `The runbook ${server.origin}/ok of ${CHECKOUT} is not a Markdown file in a repository; open it by its link`,
    );
    await expect(service.getRunbookContent(CHECKOUT, 'nope')).rejects.toThrow(
      `${CHECKOUT} has no runbook with the id 'nope'; list its runbooks for their ids`,
    );
  });

  it('checks many entities, logging the ones that fail without stopping, and forgets those gone', async () => {
    const gone = 'component:default/gone';
    const { service, store, logger, urlReader } = setup({
      [CHECKOUT]: checkout(),
      'component:default/broken': new Error('catalog unavailable'),
    });
    urlReader.readUrl.mockRejectedValue(new NotFoundError('no such file'));
    await store.replaceEntityChecks(gone, [
      {
        runbookId: 'x',
        location: 'https://x',
        outcome: 'reachable',
        redirectCount: 0,
        checkedAt: 1,
      },
    ]);

    await expect(
      service.checkAll([CHECKOUT, 'component:default/broken', gone]),
    ).resolves.toEqual({
      entities: 3,
      runbooks: 3,
      reachable: 1,
      unreachable: 2,
      refused: 0,
      failedEntities: 2,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      'Failed to check the runbooks of component:default/broken: Error: catalog unavailable',
    );
    await expect(store.listEntityChecks(gone)).resolves.toEqual([]);
    await expect(store.listEntityChecks(CHECKOUT)).resolves.toHaveLength(3);
  });
});
