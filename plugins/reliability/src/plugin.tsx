import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { rootRouteRef } from './routes';

/**
 * The suite's page at `/reliability`.
 *
 * @public
 */
export const reliabilityPage = PageBlueprint.make({
  params: {
    path: '/reliability',
    title: 'Reliability',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ReliabilityPage').then(m => <m.ReliabilityPage />),
  },
});

/**
 * The Reliability frontend plugin.
 *
 * @public
 */
export const reliabilityPlugin = createFrontendPlugin({
  pluginId: 'reliability',
  info: { packageJson: () => import('../package.json') },
  extensions: [reliabilityPage],
  routes: {
    root: rootRouteRef,
  },
});
