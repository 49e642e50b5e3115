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
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import TrackChanges from '@material-ui/icons/TrackChanges';
import { ReliabilityClient, reliabilityApiRef } from './api';
import { rootRouteRef } from './routes';

// Which entities get the tab and the card: components, and anything else that declares SLOs
// (the key is the value of RELIABILITY_SLOS_ANNOTATION). Written inline at each use so that
// TypeScript checks it against the filter predicate type.

/**
 * The `ReliabilityApi` (from the main entry) backed by the Reliability backend.
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
      import('./components/ReliabilityRoutes').then(m =>
        compatWrapper(<m.ReliabilityRoutes />),
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

// The tab's cards: entity cards attached to the tab's `cards` input instead of the overview, so
// that they show on the Reliability tab. The tab's own filter already picks the entities.
const tabCardAttachment = {
  id: 'entity-content:reliability',
  input: 'cards',
} as const;

/**
 * On-call card on the Reliability tab: now, next, escalation, source and freshness.
 *
 * @alpha
 */
export const reliabilityOnCallCard = EntityCardBlueprint.make({
  name: 'oncall',
  attachTo: tabCardAttachment,
  params: {
    loader: () =>
      import('./components/EntityOnCallCard').then(m =>
        compatWrapper(<m.EntityOnCallCard />),
      ),
  },
});

/**
 * Runbooks card on the Reliability tab: reachability, age, inline Markdown runbooks.
 *
 * @alpha
 */
export const reliabilityRunbooksCard = EntityCardBlueprint.make({
  name: 'runbooks',
  attachTo: tabCardAttachment,
  params: {
    loader: () =>
      import('./components/EntityRunbooksCard').then(m =>
        compatWrapper(<m.EntityRunbooksCard />),
      ),
  },
});

/**
 * Runbook walk on the Reliability tab: the decision-tree runbook one question at a time, from
 * the top or from an alert (`?alert=<name>`).
 *
 * @alpha
 */
export const reliabilityRunbookWalkCard = EntityCardBlueprint.make({
  name: 'runbook-walk',
  attachTo: tabCardAttachment,
  params: {
    loader: () =>
      import('./components/EntityRunbookWalkCard').then(m =>
        compatWrapper(<m.EntityRunbookWalkCard />),
      ),
  },
});

/**
 * Alert-quality card on the Reliability tab, with page triage.
 *
 * @alpha
 */
export const reliabilityAlertQualityCard = EntityCardBlueprint.make({
  name: 'alert-quality',
  attachTo: tabCardAttachment,
  params: {
    loader: () =>
      import('./components/EntityAlertQualityCard').then(m =>
        compatWrapper(<m.EntityAlertQualityCard />),
      ),
  },
});

/**
 * Scorecard card on the Reliability tab: level, checks by level, exemptions, re-evaluate.
 *
 * @alpha
 */
export const reliabilityScorecardCard = EntityCardBlueprint.make({
  name: 'scorecard',
  attachTo: tabCardAttachment,
  params: {
    loader: () =>
      import('./components/EntityScorecardCard').then(m =>
        compatWrapper(<m.EntityScorecardCard />),
      ),
  },
});

/**
 * Home page widget "On call for my services": who is on call for what the signed-in user and
 * their teams own. Named `ReliabilityOnCall` in the home page's `defaultConfig`.
 *
 * @alpha
 */
export const reliabilityOnCallHomeWidget = HomePageWidgetBlueprint.make({
  name: 'oncall',
  params: {
    name: 'ReliabilityOnCall',
    title: 'On call for my services',
    description: 'Who is on call now for the services you and your teams own',
    layout: {
      height: { minRows: 3 },
      width: { minColumns: 4 },
    },
    components: () => import('./components/OnCallHomeCard/homeCardParts'),
  },
});

/**
 * The Reliability plugin for the new frontend system: the API, the page with its nav item, the
 * entity tab with its on-call, runbooks, alert-quality and scorecard cards, the overview card
 * and the home page widget.
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
    reliabilityOnCallCard,
    reliabilityRunbooksCard,
    reliabilityRunbookWalkCard,
    reliabilityAlertQualityCard,
    reliabilityScorecardCard,
    reliabilityOnCallHomeWidget,
  ],
});
