import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';

/**
 * What the evaluation asks an SLI source for: one SLO and the time range to cover, in
 * fixed-size buckets.
 *
 * @public
 */
export interface SliFetchRequest {
  slo: ServiceLevelObjective;
  /** Inclusive start, epoch milliseconds, aligned to `bucketMs`. */
  from: number;
  /** Exclusive end, epoch milliseconds. */
  to: number;
  bucketMs: number;
  signal?: AbortSignal;
}

/**
 * Good and total counts per bucket; `NaN` marks a bucket the source has no data for, which is
 * not the same as a bucket without traffic (0 of 0).
 *
 * @public
 */
export interface SliFetchResult {
  from: number;
  /** May differ from the requested size when the source has a coarser resolution. */
  bucketMs: number;
  good: Float64Array;
  total: Float64Array;
}

/**
 * A system SLI data comes from: Prometheus, pushed events, synthetic probes, or a module's own.
 *
 * @public
 */
export interface SliSource {
  /** Unique type name that SLOs select this source by, e.g. `prometheus` or `push`. */
  readonly type: string;
  /** Whether this source can serve the SLO (its SLI names a data source of this type). */
  supports(slo: ServiceLevelObjective): boolean;
  fetch(request: SliFetchRequest): Promise<SliFetchResult>;
  /**
   * Optional: how many queries the last `fetchMany` call (or `fetch` call) sent to the backing
   * system, so the evaluation can log and report its cost per cycle.
   */
  readonly queriesInLastCycle?: number;
  /**
   * Optional batch form: sources that can answer many SLOs with a constant number of requests
   * (Prometheus reading Sloth's recording rules) implement it, and the evaluation prefers it.
   * Results are keyed by SLO id; an `Error` says why that SLO failed (it keeps its last values),
   * and an SLO missing from the map failed without a reason.
   */
  fetchMany?(
    requests: SliFetchRequest[],
  ): Promise<Map<string, SliFetchResult | Error>>;
}

/**
 * Lets backend modules add SLI sources. The built-in sources register through it as well.
 *
 * @public
 */
export interface ReliabilitySliSourcesExtensionPoint {
  addSliSource(...sources: SliSource[]): void;
}

/**
 * The extension point for {@link SliSource}s.
 *
 * @public
 */
export const reliabilitySliSourcesExtensionPoint =
  createExtensionPoint<ReliabilitySliSourcesExtensionPoint>({
    id: 'reliability.sli-sources',
  });
