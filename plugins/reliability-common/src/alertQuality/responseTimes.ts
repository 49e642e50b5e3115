import { MeanDuration, meanOf } from './measures';
import { ValidatedAlertPage } from './model';

/**
 * Mean time to acknowledge and to resolve, as PagerDuty Analytics defines them.
 *
 * @public
 */
export interface AlertResponseTimes {
  /**
   * Mean time to acknowledge: the mean of (first acknowledgement − trigger) over the pages that
   * were acknowledged. Pages never acknowledged are left out, not counted as 0 or as "still
   * running". `unknown` when no page was acknowledged.
   */
  mtta: MeanDuration;
  /**
   * Mean time to resolve: the mean of (resolution − trigger) over the pages that were resolved,
   * acknowledged or not. Open pages are left out. `unknown` when no page was resolved.
   */
  mttr: MeanDuration;
  /** All pages considered. */
  pages: number;
  acknowledged: number;
  resolved: number;
}

/**
 * Computes MTTA and MTTR over the pages. Acknowledgements and resolutions dropped as data errors
 * (before the trigger, or an acknowledgement after the resolution) count as absent.
 *
 * @public
 */
export function measureAlertResponseTimes(
  pages: readonly ValidatedAlertPage[],
): AlertResponseTimes {
  const toAcknowledge: number[] = [];
  const toResolve: number[] = [];
  for (const page of pages) {
    if (page.acknowledgedAtMs !== undefined) {
      toAcknowledge.push(page.acknowledgedAtMs - page.triggeredAtMs);
    }
    if (page.resolvedAtMs !== undefined) {
      toResolve.push(page.resolvedAtMs - page.triggeredAtMs);
    }
  }
  const none = pages.length === 0;
  return {
    mtta: meanOf(toAcknowledge, none ? 'no pages' : 'no page was acknowledged'),
    mttr: meanOf(toResolve, none ? 'no pages' : 'no page was resolved'),
    pages: pages.length,
    acknowledged: toAcknowledge.length,
    resolved: toResolve.length,
  };
}
