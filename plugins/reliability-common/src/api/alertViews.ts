import type { AlertQualityReport } from '../alertQuality';

/**
 * One owned entity's alert figures in a team's alert quality.
 *
 * @public
 */
export interface AlertQualityEntityView {
  entityRef: string;
  pages: number;
  highUrgencyPages: number;
  actionableRatio: number | null;
  noiseRatio: number | null;
}

/**
 * Alert quality of an entity, or of a team with `entities`, over a period.
 *
 * @public
 */
export interface AlertQualityView {
  /** The entity, or the owner for a team rollup. */
  subject: string;
  from: string;
  to: string;
  /** High-urgency pages per 12 hours over the whole period: known even without shifts. */
  pagesPer12Hours: number;
  /** The on-call shifts used for pages per shift and sleep-hour interruptions (0 when unknown). */
  shiftsKnown: number;
  report: AlertQualityReport;
  /** For team rollups: each owned entity's figures, noisiest first. */
  entities?: AlertQualityEntityView[];
}
