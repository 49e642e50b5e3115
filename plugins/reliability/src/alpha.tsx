import {
  ApiBlueprint,
  coreExtensionData,
  createExtensionInput,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import TrackChanges from '@material-ui/icons/TrackChanges';
import { ReliabilityClient, reliabilityApiRef } from './api';
import { rootRouteRef } from './routes';

// Which entities get the tab and the card: components, and anything else that declares SLOs
// (the key is the value of RELIABILITY_SLOS_ANNOTATION). Written inline at each use so that
// TypeScript checks it against the filter predicate type.

/**
 * The {@link ReliabilityApi} backed by the Reliability backend.
 *
 * @alpha
 */
export const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The suite's page at `/reliability`; as a titled page with an icon it also gets a nav item.
 *
 * @alpha
 */
export const reliabilityPage = PageBlueprint.make({
  params: {
    path: '/reliability',
    title: 'Reliability',
    icon: <TrackChanges />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // The page draws its own header with a subtitle.
    noHeader: true,
    loader: () =>
      import('./components/ReliabilityPage').then(m =>
        compatWrapper(<m.ReliabilityPage />),
      ),
  },
});

/**
 * The entity's Reliability tab. Further cards (on-call, runbook, alert quality, scorecard)
 * attach to its `cards` input and are laid out below the SLOs:
 * `attachTo: { id: 'entity-content:reliability', input: 'cards' }`.
 *
 * @alpha
 */
export const reliabilityEntityContent =
  EntityContentBlueprint.makeWithOverrides({
    inputs: {
      cards: createExtensionInput([coreExtensionData.reactElement]),
    },
    factory(originalFactory, { inputs }) {
      return originalFactory({
        path: 'reliability',
        title: 'Reliability',
        group: 'observability',
        filter: {
          $any: [
            { kind: 'component' },
            { 'metadata.annotations.reliability/slos': { $exists: true } },
          ],
        },
        loader: () =>
          import('./components/EntityReliabilityContent').then(m =>
            compatWrapper(
              <m.EntityReliabilityContent>
                {inputs.cards.map(card =>
                  card.get(coreExtensionData.reactElement),
                )}
              </m.EntityReliabilityContent>,
            ),
          ),
      });
    },
  });

/**
 * The compact overview card: the worst SLO now, linking to the Reliability tab.
 *
 * @alpha
 */
export const reliabilityEntitySummaryCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    type: 'info',
    filter: {
      $any: [
        { kind: 'component' },
        { 'metadata.annotations.reliability/slos': { $exists: true } },
      ],
    },
    loader: () =>
      import('./components/EntityReliabilitySummaryCard').then(m =>
        compatWrapper(<m.EntityReliabilitySummaryCard />),
      ),
  },
});

/**
 * The Reliability plugin for the new frontend system: the API, the page with its nav item, the
 * entity tab and the overview card.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'reliability',
  title: 'Reliability',
  icon: <TrackChanges />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    reliabilityApi,
    reliabilityPage,
    reliabilityEntityContent,
    reliabilityEntitySummaryCard,
  ],
});
