import type { SpecProblem } from '../problems';

/**
 * Whether any problem from `start` on is an error: builders note `problems.length` before a step
 * and ask afterwards whether the step failed.
 *
 * @internal
 */
export function hasErrorsSince(
  problems: readonly SpecProblem[],
  start: number,
): boolean {
  for (let index = start; index < problems.length; index++) {
    if (problems[index].severity === 'error') {
      return true;
    }
  }
  return false;
}
