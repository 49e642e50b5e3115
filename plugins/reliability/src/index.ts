/**
 * The Reliability frontend: SLOs, error budgets and burn rates on every catalog entity.
 *
 * The legacy frontend system uses the named exports below; the new frontend system uses the
 * default export of `./alpha`.
 *
 * @packageDocumentation
 */

export {
  reliabilityPlugin,
  ReliabilityPage,
  EntityReliabilityContent,
  EntityReliabilitySummaryCard,
  EntityOnCallCard,
  EntityRunbooksCard,
  EntityRunbookWalkCard,
  EntityAlertQualityCard,
  EntityScorecardCard,
  HomePageReliabilityOnCall,
} from './plugin';
export { rootRouteRef as reliabilityRouteRef } from './routes';
export * from './api';
export type { EntityReliabilityContentProps } from './components/EntityReliabilityContent';
export type { EntityReliabilitySummaryCardProps } from './components/EntityReliabilitySummaryCard';
export { DEFAULT_SLO_DOCS_URL } from './components/MissingSlosAnnotation';

// Until package.json exports `./alpha`, `app.packages: all` discovers only the main entry's
// default export: keep the new-system plugin reachable from here. Discovery dedupes it by
// identity once `./alpha` is exported too.
export { default } from './alpha';
