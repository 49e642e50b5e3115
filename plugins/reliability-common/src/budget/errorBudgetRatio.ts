/**
 * The error budget of an objective: the share of events (or slices) allowed to be bad over the SLO
 * window, `1 − target`. A target of 0.999 allows 0.001.
 *
 * Throws `RangeError` when the target is not in (0, 1): a target of 1 leaves no budget, so every
 * burn rate would divide by zero.
 *
 * @public
 */
export function errorBudgetRatio(target: number): number {
  if (!(target > 0 && target < 1)) {
    throw new RangeError(
      `An objective target must be a ratio in (0, 1), got ${target}`,
    );
  }
  return 1 - target;
}
