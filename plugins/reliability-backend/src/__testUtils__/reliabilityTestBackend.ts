/**
 * The whole Reliability plugin in a test backend, for fault tests: a given knex (so a test can
 * seed and count rows, or restart the database under it), a mock catalog, extra SLI sources,
 * on-call providers and alert sources through the plugin's extension points, and a scheduler
 * that only records tasks, so that a test runs each cycle itself instead of waiting for it.
 */
import {
  SchedulerServiceTaskInvocationDefinition,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AlertSource,
  OnCallProvider,
  SliSource,
  reliabilityAlertSourcesExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
  reliabilitySliSourcesExtensionPoint,
} from '@reliability/backstage-plugin-node';
import { Server } from 'node:http';
import { Knex } from 'knex';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

/** A started plugin. */
export interface ReliabilityTestBackend {
  server: Server;
  /** Runs one scheduled task now, e.g. `reliability-evaluate-slos`; rejects as the task does. */
  runTask(id: string): Promise<void>;
  /** GET on the plugin's API as a signed-in user. */
  get(path: string): Promise<request.Response>;
  stop(): Promise<void>;
}

/**
 * Starts the plugin on `knex` with the given extensions. Nothing runs on its own: tasks run when
 * the test calls {@link ReliabilityTestBackend.runTask}.
 */
export async function startReliabilityTestBackend(options: {
  knex: Knex;
  entities: Entity[];
  config?: JsonObject;
  sliSources?: SliSource[];
  onCallProviders?: OnCallProvider[];
  alertSources?: AlertSource[];
}): Promise<ReliabilityTestBackend> {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, task);
    },
  });
  const extensions = createBackendModule({
    pluginId: 'reliability',
    moduleId: 'fault-test-extensions',
    register(env) {
      env.registerInit({
        deps: {
          sliSources: reliabilitySliSourcesExtensionPoint,
          onCallProviders: reliabilityOnCallProvidersExtensionPoint,
          alertSources: reliabilityAlertSourcesExtensionPoint,
        },
        async init({ sliSources, onCallProviders, alertSources }) {
          sliSources.addSliSource(...(options.sliSources ?? []));
          onCallProviders.addOnCallProvider(...(options.onCallProviders ?? []));
          alertSources.addAlertSource(...(options.alertSources ?? []));
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      reliabilityPlugin,
      extensions,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      scheduler.factory,
    ],
  });
  const { server } = backend;
  return {
    server,
    async runTask(id) {
      const task = tasks.get(id);
      if (!task) {
        throw new Error(
          `No task ${id} was scheduled; scheduled: ${[...tasks.keys()].join(
            ', ',
          )}`,
        );
      }
      await task.fn(new AbortController().signal);
    },
    get: path =>
      request(server)
        .get(`/api/reliability${path}`)
        .set('Authorization', mockCredentials.user.header()),
    stop: () => backend.stop(),
  };
}
