import { formatBurnRate } from '../budget/formatting';
import type { ReleaseGateSloState } from './decideRelease';

const HOUR = 60 * 60 * 1000;

/**
 * When an SLO's spent budget is expected to come back above `exhaustedAtOrBelow` if it keeps
 * burning as it does now.
 *
 * - Calendar windows: the budget starts anew when the period ends.
 * - Rolling windows of length W: the share consumed, C, moves toward the current burn rate b as
 *   old events leave the window. Taking the events that leave to burn at the window's average
 *   (the exponential approximation of a sliding window), dC/dt = (b − C) / W, so
 *   C(t) = b + (C₀ − b)·e^(−t/W), and the budget is back when C(t) falls below 1 − threshold:
 *   t = W · ln((C₀ − b) / (1 − threshold − b)). At b ≥ 1 − threshold it never is.
 *
 * The current burn is the 1-hour burn rate, or the shortest window's above an hour when there
 * is no 1-hour one.
 *
 * @public
 */
export function expectedBudgetRecovery(
  slo: Pick<ReleaseGateSloState, 'remaining' | 'burnRates' | 'window'>,
  exhaustedAtOrBelow: number,
  nowMs: number,
): { atMs?: number; how: string } {
  const window = slo.window;
  if (!window) {
    return { how: 'the SLO window is not known' };
  }
  if (window.type === 'calendar') {
    return {
      atMs: Math.max(nowMs, window.periodEndMs),
      how: `the budget starts anew when the period ends (${new Date(
        window.periodEndMs,
      ).toISOString()})`,
    };
  }
  if (slo.remaining === undefined) {
    return { how: 'the remaining budget is unknown' };
  }
  const current =
    slo.burnRates.find(b => b.windowMs === HOUR && b.burnRate !== undefined) ??
    slo.burnRates.find(b => b.windowMs >= HOUR && b.burnRate !== undefined);
  if (!current || current.burnRate === undefined) {
    return { how: 'the current burn rate is unknown' };
  }
  const b = current.burnRate;
  const consumed = 1 - slo.remaining;
  const limit = 1 - exhaustedAtOrBelow;
  if (consumed < limit) {
    return { atMs: nowMs, how: 'the budget is not spent' };
  }
  if (b >= limit) {
    return {
      how: `at the current burn rate (${formatBurnRate(b)} over ${
        current.window
      }) the budget does not recover`,
    };
  }
  const t = window.durationMs * Math.log((consumed - b) / (limit - b));
  // Just past the crossing point, so that the budget is above the threshold, not at it.
  const atMs = nowMs + Math.ceil(t) + 1;
  return {
    atMs,
    how: `at the current burn rate (${formatBurnRate(b)} over ${
      current.window
    }) spent events leave the rolling window and the budget is back by ${new Date(
      atMs,
    ).toISOString()}`,
  };
}
