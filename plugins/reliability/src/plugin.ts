import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ReliabilityClient, reliabilityApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The Reliability plugin for apps on the legacy frontend system. Apps on the new frontend system
 * use the default export of `@reliability/backstage-plugin/alpha` instead.
 *
 * @public
 */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The suite's page; mount it on a route, e.g.
 * `<Route path="/reliability" element={<ReliabilityPage />} />`.
 *
 * @public
 */
export const ReliabilityPage = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityPage',
    component: () =>
      import('./components/ReliabilityPage').then(m => m.ReliabilityPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity's Reliability tab, e.g.
 * `<EntityLayout.Route path="/reliability" title="Reliability"><EntityReliabilityContent /></EntityLayout.Route>`.
 * The summary card links to the `reliability` path by default.
 *
 * @public
 */
export const EntityReliabilityContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityContent').then(
          m => m.EntityReliabilityContent,
        ),
    },
  }),
);

/**
 * The compact card for the entity overview: the worst SLO now, linking to the Reliability tab.
 *
 * @public
 */
export const EntityReliabilitySummaryCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilitySummaryCard',
    component: {
      lazy: () =>
        import('./components/EntityReliabilitySummaryCard').then(
          m => m.EntityReliabilitySummaryCard,
        ),
    },
  }),
);
