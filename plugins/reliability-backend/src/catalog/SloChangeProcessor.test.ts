import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { SloChangeProcessor } from './SloChangeProcessor';

function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => values.get(key) as T | undefined,
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

const entity = (slos: string | undefined): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: slos
      ? { 'reliability/slos': slos }
      : ({} as Record<string, string>),
  },
  spec: { owner: 'group:default/payments' },
});

describe('SloChangeProcessor', () => {
  it('notifies once per change of the SLO locations', async () => {
    const notify = jest.fn(async () => {});
    const processor = new SloChangeProcessor({
      notify,
      logger: mockServices.logger.mock(),
    });
    const cache = memoryCache();

    await processor.postProcessEntity(entity('./slos.yaml'), {}, {}, cache);
    await processor.postProcessEntity(entity('./slos.yaml'), {}, {}, cache);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith('component:default/checkout');

    await processor.postProcessEntity(
      entity('./slos.yaml, ./more.yaml'),
      {},
      {},
      cache,
    );
    expect(notify).toHaveBeenCalledTimes(2);
  });

  it('ignores entities without SLOs', async () => {
    const notify = jest.fn(async () => {});
    const processor = new SloChangeProcessor({
      notify,
      logger: mockServices.logger.mock(),
    });
    await processor.postProcessEntity(entity(undefined), {}, {}, memoryCache());
    expect(notify).not.toHaveBeenCalled();
  });

  it('tries again next round when the plugin could not be told', async () => {
    const notify = jest
      .fn<Promise<void>, [string]>()
      .mockRejectedValueOnce(new Error('connect ECONNREFUSED'))
      .mockResolvedValueOnce();
    const processor = new SloChangeProcessor({
      notify,
      logger: mockServices.logger.mock(),
    });
    const cache = memoryCache();

    await processor.postProcessEntity(entity('./slos.yaml'), {}, {}, cache);
    await processor.postProcessEntity(entity('./slos.yaml'), {}, {}, cache);
    await processor.postProcessEntity(entity('./slos.yaml'), {}, {}, cache);
    expect(notify).toHaveBeenCalledTimes(2);
  });
});
