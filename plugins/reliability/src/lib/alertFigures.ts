import type {
  AlertRatio,
  MeanDuration,
} from '@reliability/backstage-plugin-common';
import { formatDurationMs, formatRatio } from './format';

/** A ratio of pages as `67% (2 of 3)`, or `unknown (why)`. */
export function formatAlertRatio(ratio: AlertRatio): string {
  return ratio.state === 'known'
    ? `${formatRatio(ratio.value, 0)} (${ratio.count} of ${ratio.total})`
    : `unknown (${ratio.reason})`;
}

/** A mean duration as `4m over 3 pages`, or `unknown (why)`. */
export function formatMeanDuration(mean: MeanDuration): string {
  return mean.state === 'known'
    ? `${formatDurationMs(mean.meanMs)} over ${mean.count} page${
        mean.count === 1 ? '' : 's'
      }`
    : `unknown (${mean.reason})`;
}

/** Whether an error is the backend saying "not allowed" (HTTP 403). */
export function isForbidden(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { statusCode?: unknown }).statusCode === 403
  );
}
