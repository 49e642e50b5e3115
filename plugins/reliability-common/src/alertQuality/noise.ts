import { AlertRatio, ratioOf } from './measures';
import { ValidatedAlertPage } from './model';

/**
 * Pages resolved within this long of being triggered count as noise unless marked actionable:
 * 5 minutes.
 *
 * @public
 */
export const DEFAULT_QUICK_RESOLVE_MS = 5 * 60 * 1000;

/**
 * Whether a page needed a person.
 *
 * - `actionable`: it did (marked so, or acknowledged and worked on past the quick-resolve window).
 * - `noise`: it did not (a false positive).
 * - `open`: not resolved and not marked, so not decided yet.
 * - `unclassifiable`: not marked, and either its acknowledgement or resolution was dropped as a
 *   data error, or its source records no acknowledgements and it ran past the quick-resolve window
 *   (only the responder's verdict can tell).
 *
 * @public
 */
export type AlertPageVerdict =
  | 'actionable'
  | 'noise'
  | 'open'
  | 'unclassifiable';

/**
 * Why a page got its verdict.
 *
 * @public
 */
export type AlertPageVerdictReason =
  | 'marked-actionable'
  | 'marked-not-actionable'
  | 'resolved-without-acknowledgement'
  | 'resolved-quickly'
  | 'acknowledged-and-worked'
  | 'still-open'
  | 'lifecycle-data-error'
  | 'needs-verdict';

/**
 * The verdict on one page.
 *
 * @public
 */
export interface AlertPageClassification {
  pageId: string;
  verdict: AlertPageVerdict;
  reason: AlertPageVerdictReason;
}

/**
 * Options of noise classification.
 *
 * @public
 */
export interface AlertNoiseOptions {
  /** Resolved within this many milliseconds of triggering (inclusive) means noise. Default 5 minutes. */
  quickResolveMs?: number;
}

/**
 * Decides whether a page was actionable or noise (a false positive):
 *
 * 1. `actionable: false` is always noise; `actionable: true` is always actionable.
 * 2. Otherwise a page resolved without being acknowledged is noise (nobody had to act: it
 *    resolved itself or was closed unseen),
 * 3. and so is a page resolved within `quickResolveMs` (default 5 minutes, inclusive) of
 *    triggering, acknowledged or not.
 * 4. A page acknowledged and resolved later than that is actionable.
 * 5. An unresolved page is `open`; a page whose acknowledgement or resolution was dropped as a
 *    data error is `unclassifiable`. Neither counts in the ratios.
 *
 * @public
 */
export function classifyAlertPage(
  page: ValidatedAlertPage,
  options: AlertNoiseOptions = {},
): AlertPageClassification {
  const quickResolveMs = options.quickResolveMs ?? DEFAULT_QUICK_RESOLVE_MS;
  const verdict = (v: AlertPageVerdict, reason: AlertPageVerdictReason) => ({
    pageId: page.page.id,
    verdict: v,
    reason,
  });
  if (page.page.actionable === false) {
    return verdict('noise', 'marked-not-actionable');
  }
  if (page.page.actionable === true) {
    return verdict('actionable', 'marked-actionable');
  }
  if (page.hasLifecycleError) {
    return verdict('unclassifiable', 'lifecycle-data-error');
  }
  if (page.resolvedAtMs === undefined) {
    return verdict('open', 'still-open');
  }
  const quick = page.resolvedAtMs - page.triggeredAtMs <= quickResolveMs;
  if (page.acknowledgedAtMs === undefined) {
    if (page.page.acknowledgementKnown === false) {
      return quick
        ? verdict('noise', 'resolved-quickly')
        : verdict('unclassifiable', 'needs-verdict');
    }
    return verdict('noise', 'resolved-without-acknowledgement');
  }
  if (quick) {
    return verdict('noise', 'resolved-quickly');
  }
  return verdict('actionable', 'acknowledged-and-worked');
}

/**
 * How many pages were actionable and how many were noise.
 *
 * @public
 */
export interface AlertNoiseSummary {
  /** All pages considered. */
  pages: number;
  actionable: number;
  noise: number;
  open: number;
  unclassifiable: number;
  /**
   * actionable / (actionable + noise). Open and unclassifiable pages are left out;
   * `unknown` when no page is actionable or noise.
   */
  actionableRatio: AlertRatio;
  /**
   * noise / (actionable + noise), the false-positive ratio; 1 − actionableRatio when known.
   * `unknown` when no page is actionable or noise.
   */
  noiseRatio: AlertRatio;
  /** The verdict on each page, in input order. */
  classifications: AlertPageClassification[];
}

/**
 * Classifies every page with {@link classifyAlertPage} and computes the actionable and noise
 * (false-positive) ratios over the pages that could be decided.
 *
 * @public
 */
export function summarizeAlertNoise(
  pages: readonly ValidatedAlertPage[],
  options: AlertNoiseOptions = {},
): AlertNoiseSummary {
  const classifications = pages.map(page => classifyAlertPage(page, options));
  const count = (verdict: AlertPageVerdict) =>
    classifications.filter(c => c.verdict === verdict).length;
  const actionable = count('actionable');
  const noise = count('noise');
  const open = count('open');
  const unclassifiable = count('unclassifiable');
  const reason =
    pages.length === 0
      ? 'no pages'
      : `no page is decided yet (${open} open, ${unclassifiable} with data errors)`;
  return {
    pages: pages.length,
    actionable,
    noise,
    open,
    unclassifiable,
    actionableRatio: ratioOf(actionable, actionable + noise, reason),
    noiseRatio: ratioOf(noise, actionable + noise, reason),
    classifications,
  };
}
