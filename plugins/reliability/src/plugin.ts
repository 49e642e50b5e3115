import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createCardExtension } from '@backstage/plugin-home-react';
import { ReliabilityClient, reliabilityApiRef } from './api';
import { rootRouteRef } from './routes';
import type { EntityReliabilityContentProps } from './components/EntityReliabilityContent';
import type { EntityReliabilitySummaryCardProps } from './components/EntityReliabilitySummaryCard';

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
export const ReliabilityPage: () => JSX.Element = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityPage',
    component: () =>
      import('./components/ReliabilityRoutes').then(m => m.ReliabilityRoutes),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity's Reliability tab, e.g.
 * `<EntityLayout.Route path="/reliability" title="Reliability"><EntityReliabilityContent /></EntityLayout.Route>`.
 * The summary card links to the `reliability` path by default. Without children, the tab shows
 * the on-call, runbooks, alert-quality and scorecard cards below the SLOs; children replace them.
 *
 * @public
 */
export const EntityReliabilityContent: (
  props: EntityReliabilityContentProps,
) => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityContent').then(
          m => m.EntityReliabilityContentWithCards,
        ),
    },
  }),
);

/**
 * The compact card for the entity overview: the worst SLO now, linking to the Reliability tab.
 *
 * @public
 */
export const EntityReliabilitySummaryCard: (
  props: EntityReliabilitySummaryCardProps,
) => JSX.Element = reliabilityPlugin.provide(
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

/**
 * On-call card: now, next (in the viewer's zone), escalation chain, contacts, source and
 * staleness; what to add when nothing resolves.
 *
 * @public
 */
export const EntityOnCallCard: () => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityOnCallCard',
    component: {
      lazy: () =>
        import('./components/EntityOnCallCard').then(m => m.EntityOnCallCard),
    },
  }),
);

/**
 * Runbooks card: reachability and age of each runbook, repository Markdown runbooks rendered
 * inline (sanitized), paging alerts without a runbook.
 *
 * @public
 */
export const EntityRunbooksCard: () => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityRunbooksCard',
    component: {
      lazy: () =>
        import('./components/EntityRunbooksCard').then(
          m => m.EntityRunbooksCard,
        ),
    },
  }),
);

/**
 * Runbook walk: the entity's decision-tree runbook one question at a time, from the top or from
 * an alert's entry point (`?alert=<name>` in the page URL), with live SLO evidence, on-call at
 * escalations, the path as text and flags on steps.
 *
 * @public
 */
export const EntityRunbookWalkCard: () => JSX.Element =
  reliabilityPlugin.provide(
    createComponentExtension({
      name: 'EntityRunbookWalkCard',
      component: {
        lazy: () =>
          import('./components/EntityRunbookWalkCard').then(
            m => m.EntityRunbookWalkCard,
          ),
      },
    }),
  );

/**
 * Alert-quality card over 7, 30 or 90 days, with the recent pages to triage.
 *
 * @public
 */
export const EntityAlertQualityCard: () => JSX.Element =
  reliabilityPlugin.provide(
    createComponentExtension({
      name: 'EntityAlertQualityCard',
      component: {
        lazy: () =>
          import('./components/EntityAlertQualityCard').then(
            m => m.EntityAlertQualityCard,
          ),
      },
    }),
  );

/**
 * Scorecard card: level and next level, checks by level with remediation, exemptions, and a
 * re-evaluate action.
 *
 * @public
 */
export const EntityScorecardCard: () => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityScorecardCard').then(
          m => m.EntityScorecardCard,
        ),
    },
  }),
);

/**
 * Home page card "On call for my services", for the legacy home page
 * (`<HomePageReliabilityOnCall />` inside `CustomHomepageGrid` or a `Grid`).
 *
 * @public
 */
export const HomePageReliabilityOnCall = reliabilityPlugin.provide(
  createCardExtension({
    name: 'HomePageReliabilityOnCall',
    title: 'On call for my services',
    description: 'Who is on call now for the services you and your teams own',
    components: () => import('./components/OnCallHomeCard/homeCardParts'),
  }),
);
