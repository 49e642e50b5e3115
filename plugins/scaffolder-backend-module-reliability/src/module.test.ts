import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import scaffolderModuleReliability from './index';

describe('scaffolderModuleReliability', () => {
  it('adds reliability:gate:check to the scaffolder, with examples and dry-run support', async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    // The scaffolder backend's side of the extension point, as small as it gets.
    const scaffolder = createBackendPlugin({
      pluginId: 'scaffolder',
      register(env) {
        env.registerExtensionPoint(scaffolderActionsExtensionPoint, {
          addActions: (...added) => actions.push(...added),
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });
    const backend = await startTestBackend({
      features: [scaffolder, scaffolderModuleReliability],
    });
    try {
      expect(actions.map(action => action.id)).toEqual([
        'reliability:gate:check',
      ]);
      const [action] = actions;
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples?.length).toBeGreaterThan(0);
      expect(action.schema?.input).toMatchObject({
        required: ['entityRef'],
        properties: {
          failOn: { enum: ['block', 'warn'], default: 'block' },
        },
      });
      expect(action.schema?.output).toMatchObject({
        properties: {
          decision: { enum: ['allow', 'warn', 'block', 'unknown'] },
        },
      });
    } finally {
      await backend.stop();
    }
  });
});
