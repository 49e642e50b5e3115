import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { reliabilitySliSourcesExtensionPoint, SliSource } from './sliSources';

// Each test starts a backend; on a loaded machine that takes longer than Jest's default 5 s.
jest.setTimeout(30_000);

function fakeSource(type: string): SliSource {
  return {
    type,
    supports: () => true,
    fetch: async ({ from, bucketMs }) => ({
      from,
      bucketMs,
      good: new Float64Array([1]),
      total: new Float64Array([1]),
    }),
  };
}

describe('reliabilitySliSourcesExtensionPoint', () => {
  it('hands the sources a module adds to the plugin that owns the point', async () => {
    const received: string[] = [];
    const plugin = createBackendPlugin({
      pluginId: 'reliability',
      register(env) {
        const sources: SliSource[] = [];
        env.registerExtensionPoint(reliabilitySliSourcesExtensionPoint, {
          addSliSource: (...added) => sources.push(...added),
        });
        env.registerInit({
          deps: {},
          async init() {
            received.push(...sources.map(s => s.type));
          },
        });
      },
    });
    const module = createBackendModule({
      pluginId: 'reliability',
      moduleId: 'test-sources',
      register(env) {
        env.registerInit({
          deps: { sliSources: reliabilitySliSourcesExtensionPoint },
          async init({ sliSources }) {
            sliSources.addSliSource(
              fakeSource('prometheus'),
              fakeSource('push'),
            );
          },
        });
      },
    });

    await startTestBackend({ features: [plugin, module] });

    expect(received).toEqual(['prometheus', 'push']);
  });
});
