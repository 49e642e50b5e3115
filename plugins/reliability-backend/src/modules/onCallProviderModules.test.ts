import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  AlertSource,
  OnCallProvider,
  reliabilityAlertSourcesExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
} from '@reliability/backstage-plugin-node';
import {
  reliabilityGoAlertModule,
  reliabilityJsmModule,
} from './onCallProviderModules';

// Each test starts a backend; on a loaded machine that takes longer than Jest's default 5 s.
jest.setTimeout(30_000);

/** A stand-in for the plugin that owns the extension points, recording what modules add. */
function recordingPlugin(received: {
  providers: OnCallProvider[];
  sources: AlertSource[];
}) {
  return createBackendPlugin({
    pluginId: 'reliability',
    register(env) {
      env.registerExtensionPoint(reliabilityOnCallProvidersExtensionPoint, {
        addOnCallProvider: (...added) => received.providers.push(...added),
      });
      env.registerExtensionPoint(reliabilityAlertSourcesExtensionPoint, {
        addAlertSource: (...added) => received.sources.push(...added),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('the JSM and GoAlert modules', () => {
  it('add their provider and alert source through the extension points once configured', async () => {
    const received = { providers: [], sources: [] } as {
      providers: OnCallProvider[];
      sources: AlertSource[];
    };
    await startTestBackend({
      features: [
        recordingPlugin(received),
        reliabilityJsmModule,
        reliabilityGoAlertModule,
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              jsm: {
                cloudId: '0c6f6c3e-5b1a-4a8e-9a51-6a3a2f0e7d11',
                email: 'ops@example.com',
                apiToken: 'token',
              },
              goalert: { baseUrl: 'https://goalert.example.com', apiKey: 'k' },
            },
          },
        }),
      ],
    });
    expect(received.providers.map(p => [p.type, p.annotations])).toEqual(
      expect.arrayContaining([
        ['jsm', ['jsm.atlassian.com/team-id']],
        ['goalert', ['goalert.me/service-id']],
      ]),
    );
    expect(received.sources.map(s => [s.type, s.continues]).sort()).toEqual([
      ['goalert', undefined],
      ['jsm', 'opsgenie'],
    ]);
  });

  it('add nothing while their config is absent', async () => {
    const received = { providers: [], sources: [] } as {
      providers: OnCallProvider[];
      sources: AlertSource[];
    };
    await startTestBackend({
      features: [
        recordingPlugin(received),
        reliabilityJsmModule,
        reliabilityGoAlertModule,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    expect(received).toEqual({ providers: [], sources: [] });
  });

  it('fail the startup with the key to fix when the config is wrong', async () => {
    await expect(
      startTestBackend({
        features: [
          recordingPlugin({ providers: [], sources: [] }),
          reliabilityGoAlertModule,
          mockServices.rootConfig.factory({
            data: {
              reliability: { goalert: { baseUrl: 'nope', apiKey: 'k' } },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/reliability\.goalert\.baseUrl/);
  });
});
