import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { applyDatabaseMigrations } from '../database/migrations';
import { createReliabilityServices } from './index';

// Each test migrates a database; on a loaded machine that takes longer than Jest's default 5 s.
jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('createReliabilityServices', () => {
  it('schedules the catalog refresh and the evaluation and serves from the stores', async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const scheduler = mockServices.scheduler.mock();

    const services = await createReliabilityServices({
      knex,
      scheduler,
      urlReader: mockServices.urlReader.mock(),
      catalog: catalogServiceMock(),
      auth: mockServices.auth(),
      config: new ConfigReader({
        reliability: {
          catalog: { refreshFrequency: '2m' },
          evaluation: { frequency: { seconds: 30 } },
        },
      }),
      logger: mockServices.logger.mock(),
      sliSources: { list: () => [] },
    });

    expect(scheduler.scheduleTask.mock.calls.map(([task]) => task)).toEqual([
      expect.objectContaining({
        id: 'reliability-catalog-refresh',
        frequency: { minutes: 2 },
        scope: 'global',
      }),
      expect.objectContaining({
        id: 'reliability-evaluate-slos',
        frequency: { seconds: 30 },
        scope: 'global',
      }),
    ]);
    await expect(services.service.listSlos({})).resolves.toEqual({
      items: [],
    });
  });
});
