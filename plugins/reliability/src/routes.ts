import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The suite's page (`/reliability` by default). A legacy route ref: the new frontend system
 * uses it through `convertLegacyRouteRef`, so both systems share one ref.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'reliability' });
