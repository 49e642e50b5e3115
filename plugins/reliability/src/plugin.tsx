import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/reliability',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const reliabilityPlugin = createFrontendPlugin({
  pluginId: 'reliability',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
