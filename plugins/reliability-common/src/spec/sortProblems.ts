import type { SpecProblem } from '../problems';

/**
 * Problems in the order of the files given, then by position, so that output reads top-down.
 * Problems at the same place keep the order they were found in.
 *
 * @internal
 */
export function sortProblems(
  problems: readonly SpecProblem[],
  fileOrder: readonly string[] = [],
): SpecProblem[] {
  const order = new Map(fileOrder.map((file, index) => [file, index]));
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        (order.get(a.problem.file) ?? 0) - (order.get(b.problem.file) ?? 0) ||
        a.problem.line - b.problem.line ||
        a.problem.column - b.problem.column ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}
