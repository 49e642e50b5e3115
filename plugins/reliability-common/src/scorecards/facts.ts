/**
 * What a scorecard check may look at for one entity. The backend collects these facts beforehand
 * (catalog, SLO evaluation, on-call providers, runbook probes, alert store), so that evaluating
 * scorecards is a pure, fast function over plain data.
 *
 * Missing data is representable everywhere: a whole area is `undefined` when it was not collected
 * (the provider was not asked, the probe did not run), and a single measurement is `undefined`
 * when it is unknown. Checks answer `unknown` for missing data rather than guessing `pass`.
 */
import type { ReliabilityTier } from '../catalog/annotations';

/**
 * A JSON value, as the raw catalog entity is made of.
 *
 * @public
 */
export type ScorecardJsonValue =
  | string
  | number
  | boolean
  | null
  | ScorecardJsonValue[]
  | { [key: string]: ScorecardJsonValue };

/**
 * A link of the entity (`metadata.links`).
 *
 * @public
 */
export interface EntityLinkFact {
  url: string;
  title?: string;
  /** Backstage's link type, e.g. `dashboard`, `runbook`, `website`. */
  type?: string;
}

/**
 * The catalog entity itself: its fields, annotations, links and relations that checks read.
 *
 * @public
 */
export interface EntityBasicFacts {
  /** `kind:namespace/name` in lower case, as Backstage writes entity refs. */
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  description?: string;
  /** `spec.type`. */
  type?: string;
  /** `spec.lifecycle`. */
  lifecycle?: string;
  /** The owner as a full entity ref (`group:default/payments`), when the entity names one. */
  ownerRef?: string;
  /**
   * Whether the owner resolves to a Group entity in the catalog: `false` when it is missing or of
   * another kind, `undefined` when nobody looked it up.
   */
  ownerIsGroup?: boolean;
  /** The system as a full entity ref (`system:default/checkout`). */
  systemRef?: string;
  /** The domain as a full entity ref, usually the system's domain. */
  domainRef?: string;
  /** The `reliability/tier` annotation, parsed; `undefined` when absent or not a tier. */
  tier?: ReliabilityTier;
  annotations: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, string>>;
  links: readonly EntityLinkFact[];
  /**
   * The entity as JSON (a catalog `Entity` as is), for `entity-predicate` checks on any field.
   * Typed loosely so that the catalog's `Entity` interface can be given without a cast.
   */
  raw: object;
}

/**
 * One SLO of the entity and its current evaluation.
 *
 * @public
 */
export interface SloFact {
  id: string;
  name: string;
  /** Whether the objective was met over its window; `undefined` when there is no data yet. */
  objectiveMet?: boolean;
  /** Share of the error budget left, 1 = untouched, 0 or below = spent; `undefined` when unknown. */
  budgetRemainingRatio?: number;
  /** Whether the budget is spent; `undefined` when unknown (then the ratio decides, if known). */
  exhausted?: boolean;
  /** Whether an error budget policy is declared for the SLO. */
  policyDeclared: boolean;
}

/**
 * What the entity's SLO files declare and how the SLOs fare.
 *
 * @public
 */
export interface SloFacts {
  /** Whether the entity has a `reliability/slos` annotation naming at least one file. */
  filesDeclared: boolean;
  /** Problems (errors) found while reading and validating the files. */
  fileProblemCount: number;
  /** The first few problem messages, for check messages. */
  fileProblemMessages: readonly string[];
  slos: readonly SloFact[];
}

/**
 * Who is on call for the entity, as far as it was resolved.
 *
 * @public
 */
export interface OnCallFacts {
  /** Whether an annotation (of the entity or its owner) maps it to a rotation or provider. */
  resolved: boolean;
  /** The provider type: `pagerduty`, `opsgenie`, `rotation`, … */
  source?: string;
  /** Whether the provider answered; `undefined` when it was not asked. */
  live?: boolean;
  /** Distinct people in the rotation; `undefined` when unknown. */
  people?: number;
}

/**
 * The entity's runbooks and whether they can be used.
 *
 * @public
 */
export interface RunbookFacts {
  /** Runbooks declared (annotation, links of type `runbook`, alert `runbook_url`s). */
  count: number;
  /** How many answered a probe; `undefined` when they were not probed. */
  reachableCount?: number;
  /** URLs that did not answer. */
  unreachable: readonly string[];
  /** Age in days of the most recently updated runbook; `undefined` when unknown. */
  newestUpdateAgeDays?: number;
  /** Paging alerts of the entity that name no runbook; `undefined` when unknown. */
  pagingAlertsWithoutRunbook?: number;
  /** The decision-tree runbook; `undefined` when it was not looked at. */
  tree?: RunbookTreeFacts;
}

/**
 * The entity's decision-tree runbook (`reliability/runbook` naming a `.yaml` file).
 *
 * @public
 */
export interface RunbookTreeFacts {
  /** Whether the entity names a decision-tree runbook. */
  declared: boolean;
  /** Whether its file was read and its structure is valid, so that it can be walked. */
  valid: boolean;
  /**
   * The names of the entity's page-level alerts: the page alerts its SLO files declare and the
   * alerts that paged with high urgency in the measured window.
   */
  pageAlerts: readonly string[];
  /** Those of `pageAlerts` the tree has no entry point for (all of them without a tree). */
  pageAlertsWithoutEntryPoint: readonly string[];
  /** Days since the last recorded walk; `undefined` when never walked. */
  lastWalkedAgeDays?: number;
  /** Days since the file's current content was first seen; `undefined` when unknown. */
  lastChangedAgeDays?: number;
  /** Flags on its steps still open. */
  openFlags: number;
}

/**
 * How the entity's alerts treat the people on call.
 *
 * @public
 */
export interface AlertQualityFacts {
  /** Pages in the measured window; `0` means quiet, `undefined` unknown. */
  pages?: number;
  /** Mean pages per 12-hour on-call shift; `undefined` when unknown. */
  pagesPerShift?: number;
  /** Share of triaged pages that needed action, 0–1; `undefined` when none was triaged. */
  actionableRatio?: number;
}

/**
 * Everything a scorecard check may look at for one entity. An area left `undefined` was not
 * collected, and checks of that area answer `unknown`.
 *
 * @public
 */
export interface EntityFacts {
  entity: EntityBasicFacts;
  slos?: SloFacts;
  onCall?: OnCallFacts;
  runbooks?: RunbookFacts;
  alertQuality?: AlertQualityFacts;
}
