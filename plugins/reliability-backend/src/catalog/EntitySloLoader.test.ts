import {
  TestDatabases,
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ServiceLevelObjective,
  SloParseResult,
  SloSourceFile,
  parseSloFiles,
} from '@reliability/backstage-plugin-common';
import fs from 'node:fs';
import path from 'node:path';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseSloDefinitionStore } from '../database/SloDefinitionStore';
import { makeSlo } from '../evaluation/__testUtils__/fixtures';
import { DefaultEntitySloLoader } from './EntitySloLoader';
import { DefaultSloFileReader } from './SloFileReader';

jest.setTimeout(60_000);

// The loader's logic does not depend on the database; SQLite keeps this suite fast.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const mockDir = createMockDirectory();

/**
 * A stand-in for parseSloFiles: every line `slo <id>` declares an SLO, every line `bad <message>`
 * is an error at that line; a file with an error contributes no SLOs, as in the real parser.
 */
function fakeParse(files: SloSourceFile[]): SloParseResult {
  const result: SloParseResult = { slos: [], problems: [] };
  for (const file of files) {
    const slos: ServiceLevelObjective[] = [];
    let broken = false;
    file.content.split('\n').forEach((line, index) => {
      const [word, rest] = [
        line.split(' ')[0],
        line.split(' ').slice(1).join(' '),
      ];
      if (word === 'slo') {
        slos.push(
          makeSlo({
            id: rest,
            source: {
              format: 'openslo/v1',
              location: {
                file: file.path,
                line: index + 1,
                column: 1,
                path: '',
              },
            },
          }),
        );
      } else if (word === 'bad') {
        broken = true;
        result.problems.push({
          file: file.path,
          line: index + 1,
          column: 3,
          path: 'spec.objectives[0].target',
          message: rest,
          severity: 'error',
        });
      }
    });
    if (!broken) {
      result.slos.push(...slos);
    }
  }
  return result;
}

function entity(
  name: string,
  annotations: Record<string, string>,
  owner = 'team-a',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner, lifecycle: 'production' },
  };
}

const githubEntity = entity('checkout', {
  'backstage.io/managed-by-location':
    'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml',
  'backstage.io/source-location':
    'url:https://github.com/acme/checkout/tree/main/',
  'reliability/slos':
    './slos/checkout.yaml, https://slos.example.com/shared.yaml',
  'reliability/tier': '1',
});

/** A fake UrlReader over a map of URL → content, with ETags that change with the content. */
function fakeUrlReader(files: Map<string, string>) {
  return mockServices.urlReader.mock({
    readUrl: jest.fn(async (url: string, options?: { etag?: string }) => {
      const content = files.get(url);
      if (content === undefined) {
        throw new NotFoundError(`${url} not found`);
      }
      const etag = `etag-${content.length}-${content}`;
      if (options?.etag === etag) {
        throw new NotModifiedError();
      }
      return {
        buffer: async () => Buffer.from(content, 'utf8'),
        stream: () => {
          throw new Error('not used');
        },
        etag,
      };
    }),
  });
}

async function setup(options: {
  entities: Entity[];
  files?: Map<string, string>;
  parse?: typeof fakeParse;
}) {
  const knex = await databases.init('SQLITE_3');
  await applyDatabaseMigrations(knex);
  const store = DatabaseSloDefinitionStore.create({ knex });
  const files = options.files ?? new Map();
  const urlReader = fakeUrlReader(files);
  const catalog = catalogServiceMock({ entities: options.entities });
  const parse = jest.fn(options.parse ?? fakeParse);
  let now = 1_000;
  const loader = DefaultEntitySloLoader.create({
    catalog,
    auth: mockServices.auth(),
    config: new ConfigReader({}),
    logger: mockServices.logger.mock(),
    store,
    reader: DefaultSloFileReader.create({ urlReader }),
    parse,
    now: () => now,
  });
  return {
    store,
    loader,
    urlReader,
    files,
    parse,
    catalog,
    tick: () => {
      now += 1_000;
      return now;
    },
  };
}

describe('DefaultEntitySloLoader', () => {
  it('resolves relative locations against the source location and keeps absolute URLs', async () => {
    const files = new Map([
      [
        'https://github.com/acme/checkout/tree/main/slos/checkout.yaml',
        'slo checkout-availability\nslo checkout-latency',
      ],
      ['https://slos.example.com/shared.yaml', 'slo checkout-shared'],
    ]);
    const { loader, store, urlReader } = await setup({
      entities: [githubEntity],
      files,
    });

    await expect(loader.refreshAll()).resolves.toEqual({
      entities: 1,
      updated: 1,
      unchanged: 0,
      failed: 0,
      removed: 0,
      withErrors: 0,
    });

    expect(urlReader.readUrl.mock.calls.map(c => c[0])).toEqual([
      'https://github.com/acme/checkout/tree/main/slos/checkout.yaml',
      'https://slos.example.com/shared.yaml',
    ]);
    const slos = await store.listEntitySlos('component:default/checkout');
    expect(slos.map(s => [s.sloId, s.sourceFile])).toEqual([
      [
        'checkout-availability',
        'https://github.com/acme/checkout/tree/main/slos/checkout.yaml',
      ],
      [
        'checkout-latency',
        'https://github.com/acme/checkout/tree/main/slos/checkout.yaml',
      ],
      ['checkout-shared', 'https://slos.example.com/shared.yaml'],
    ]);
    await expect(
      store.getEntity('component:default/checkout'),
    ).resolves.toMatchObject({
      owner: 'group:default/team-a',
      tier: '1',
      locations: [
        './slos/checkout.yaml',
        'https://slos.example.com/shared.yaml',
      ],
      errors: [],
      lastSuccessAt: 1_000,
    });
  });

  it('reads local files relative to an entity registered from a file location', async () => {
    mockDir.setContent({
      'services/checkout/catalog-info.yaml': 'kind: Component',
      'services/checkout/slos.yaml': 'slo local-availability',
      'shared/common.yaml': 'slo local-common',
    });
    const fileEntity = entity('local', {
      'backstage.io/managed-by-location': `file:${mockDir.resolve(
        'services/checkout/catalog-info.yaml',
      )}`,
      'reliability/slos': './slos.yaml,../../shared/common.yaml',
    });
    const { loader, store, urlReader } = await setup({
      entities: [fileEntity],
    });

    await loader.refreshAll();

    expect(urlReader.readUrl).not.toHaveBeenCalled();
    const slos = await store.listEntitySlos('component:default/local');
    expect(slos.map(s => [s.sloId, s.sourceFile])).toEqual([
      [
        'local-availability',
        `file:${mockDir.resolve('services/checkout/slos.yaml')}`,
      ],
      ['local-common', `file:${mockDir.resolve('shared/common.yaml')}`],
    ]);

    // Unchanged local files are not parsed again.
    await expect(loader.refreshEntity('component:default/local')).resolves.toBe(
      'unchanged',
    );
    mockDir.addContent({ 'shared/common.yaml': 'slo local-common-v2' });
    await expect(loader.refreshEntity('component:default/local')).resolves.toBe(
      'updated',
    );
    await expect(
      store
        .listEntitySlos('component:default/local')
        .then(s => s.map(x => x.sloId)),
    ).resolves.toEqual(['local-availability', 'local-common-v2']);
  });

  it("loads the example catalog's SLO files from its file locations with the real parser", async () => {
    const examples = path.resolve(__dirname, '../../../../examples/services');
    const { loader, store } = await setup({
      entities: ['checkout', 'payments'].map(name =>
        entity(
          name,
          {
            'backstage.io/managed-by-location': `file:${examples}/${name}/catalog-info.yaml`,
            'reliability/slos':
              name === 'checkout' ? './slos.yaml' : './sloth.yaml',
          },
          'group:default/guests',
        ),
      ),
      parse: files => parseSloFiles(files),
    });

    await expect(loader.refreshAll()).resolves.toMatchObject({
      entities: 2,
      updated: 2,
      withErrors: 0,
    });

    for (const [name, file] of [
      ['checkout', 'slos.yaml'],
      ['payments', 'sloth.yaml'],
    ]) {
      const filePath = `${examples}/${name}/${file}`;
      const expected = parseSloFiles([
        {
          path: `file:${filePath}`,
          content: fs.readFileSync(filePath, 'utf8'),
        },
      ]);
      expect(expected.slos.length).toBeGreaterThan(0);
      const stored = await store.listEntitySlos(`component:default/${name}`);
      expect(stored.map(s => [s.sloId, s.sourceFile])).toEqual(
        expected.slos.map(slo => [slo.id, `file:${filePath}`]).sort(),
      );
      await expect(
        store.getEntity(`component:default/${name}`),
      ).resolves.toMatchObject({ errors: [], owner: 'group:default/guests' });
    }
  });

  it('records locations it cannot resolve and still reads the others', async () => {
    const { loader, store } = await setup({
      entities: [
        entity('sneaky', {
          ...githubEntity.metadata.annotations,
          'reliability/slos': 'file:/etc/passwd, /etc/passwd, ./slos.yaml',
        }),
      ],
      files: new Map([
        ['https://github.com/acme/checkout/tree/main/slos.yaml', 'slo ok'],
      ]),
    });

    await loader.refreshAll();

    const record = await store.getEntity('component:default/sneaky');
    expect(record?.errors.map(e => [e.kind, e.file, e.message])).toEqual([
      [
        'location',
        'file:/etc/passwd',
        expect.stringContaining('is a file URL; only http and https URLs'),
      ],
      [
        'location',
        '/etc/passwd',
        expect.stringContaining('is an absolute path'),
      ],
    ]);
    await expect(
      store
        .listEntitySlos('component:default/sneaky')
        .then(s => s.map(x => x.sloId)),
    ).resolves.toEqual(['ok']);
  });

  it('skips unchanged files by ETag without parsing them again', async () => {
    const url = 'https://github.com/acme/checkout/tree/main/slos/checkout.yaml';
    const { loader, urlReader, parse, files, store, tick } = await setup({
      entities: [
        entity('checkout', {
          ...githubEntity.metadata.annotations,
          'reliability/slos': './slos/checkout.yaml',
        }),
      ],
      files: new Map([[url, 'slo checkout-availability']]),
    });

    await loader.refreshAll();
    tick();
    await expect(loader.refreshAll()).resolves.toMatchObject({
      unchanged: 1,
      updated: 0,
    });

    expect(parse).toHaveBeenCalledTimes(1);
    expect(urlReader.readUrl).toHaveBeenLastCalledWith(url, {
      etag: 'etag-25-slo checkout-availability',
      signal: undefined,
    });
    await expect(
      store.getEntity('component:default/checkout'),
    ).resolves.toMatchObject({ lastAttemptAt: 2_000, lastSuccessAt: 2_000 });

    files.set(url, 'slo checkout-availability-v2');
    await expect(loader.refreshAll()).resolves.toMatchObject({ updated: 1 });
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('keeps the last good SLOs of a broken or unreadable file and records why', async () => {
    const own = 'https://github.com/acme/checkout/tree/main/slos/checkout.yaml';
    const shared = 'https://slos.example.com/shared.yaml';
    const { loader, store, files, tick } = await setup({
      entities: [githubEntity],
      files: new Map([
        [own, 'slo checkout-availability'],
        [shared, 'slo checkout-shared'],
      ]),
    });
    await loader.refreshAll();

    files.set(own, 'slo checkout-availability\nbad target must be below 1');
    files.delete(shared);
    const at = tick();
    await expect(loader.refreshAll()).resolves.toMatchObject({
      updated: 1,
      withErrors: 1,
    });

    await expect(
      store
        .listEntitySlos('component:default/checkout')
        .then(s => s.map(x => x.sloId)),
    ).resolves.toEqual(['checkout-availability', 'checkout-shared']);
    const record = await store.getEntity('component:default/checkout');
    expect(record?.lastSuccessAt).toBe(1_000);
    expect(record?.lastAttemptAt).toBe(at);
    expect(record?.errors).toEqual([
      {
        kind: 'read',
        file: shared,
        line: 1,
        column: 1,
        path: '',
        message: expect.stringContaining(
          "Could not read the SLO file 'https://slos.example.com/shared.yaml': NotFoundError",
        ),
        severity: 'error',
        at,
      },
      {
        kind: 'validation',
        file: own,
        line: 2,
        column: 3,
        path: 'spec.objectives[0].target',
        message: 'target must be below 1',
        severity: 'error',
        at,
      },
    ]);

    // Fixed files replace the kept SLOs and clear the errors.
    files.set(own, 'slo checkout-availability-v2');
    files.set(shared, 'slo checkout-shared-v2');
    const fixedAt = tick();
    await loader.refreshAll();
    await expect(
      store
        .listEntitySlos('component:default/checkout')
        .then(s => s.map(x => x.sloId)),
    ).resolves.toEqual(['checkout-availability-v2', 'checkout-shared-v2']);
    await expect(
      store.getEntity('component:default/checkout'),
    ).resolves.toMatchObject({ errors: [], lastSuccessAt: fixedAt });
  });

  it("goes on with other entities when one entity's processing fails", async () => {
    const files = new Map([
      ['https://github.com/acme/a/tree/main/slos.yaml', 'slo a-slo'],
      ['https://github.com/acme/b/tree/main/slos.yaml', 'slo b-slo'],
    ]);
    const annotations = (repo: string) => ({
      'backstage.io/source-location': `url:https://github.com/acme/${repo}/tree/main/`,
      'reliability/slos': './slos.yaml',
    });
    const { loader, store } = await setup({
      entities: [entity('a', annotations('a')), entity('b', annotations('b'))],
      files,
      parse: sources => {
        if (sources.some(s => s.content.includes('a-slo'))) {
          throw new Error('parser crashed');
        }
        return fakeParse(sources);
      },
    });

    await expect(loader.refreshAll()).resolves.toMatchObject({
      entities: 2,
      updated: 1,
      failed: 1,
    });
    await expect(
      store.listAllSlos().then(s => s.map(x => x.sloId)),
    ).resolves.toEqual(['b-slo']);
  });

  it('forgets entities that left the catalog or lost the annotation', async () => {
    const url = 'https://github.com/acme/checkout/tree/main/slos/checkout.yaml';
    const only = entity('checkout', {
      ...githubEntity.metadata.annotations,
      'reliability/slos': './slos/checkout.yaml',
    });
    const { loader, store, catalog } = await setup({
      entities: [only],
      files: new Map([[url, 'slo checkout-availability']]),
    });
    await loader.refreshAll();
    await store.saveEntity({
      entityRef: 'component:default/deleted',
      locations: [],
      files: [],
      slos: [{ slo: makeSlo({ id: 'old' }), sourceFile: 'x' }],
      keepSourceFiles: [],
      errors: [],
      attemptedAt: 1,
    });

    await expect(loader.refreshAll()).resolves.toMatchObject({ removed: 1 });
    await expect(store.listEntityRefs()).resolves.toEqual([
      'component:default/checkout',
    ]);

    jest.spyOn(catalog, 'getEntityByRef').mockResolvedValue(undefined);
    await expect(loader.refreshEntity('component:checkout')).resolves.toBe(
      'not-found',
    );
    await expect(store.listAllSlos()).resolves.toEqual([]);
  });

  it('schedules the refresh as a global task with the configured frequency', async () => {
    const { loader } = await setup({ entities: [] });
    const scheduler = mockServices.scheduler.mock();

    await loader.schedule(scheduler);

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'reliability-catalog-refresh',
        frequency: { minutes: 5 },
        timeout: { minutes: 10 },
        scope: 'global',
      }),
    );
    const { fn } = scheduler.scheduleTask.mock.calls[0][0];
    await expect(
      (fn as (signal: AbortSignal) => Promise<void>)(
        new AbortController().signal,
      ),
    ).resolves.toBeUndefined();
  });
});
