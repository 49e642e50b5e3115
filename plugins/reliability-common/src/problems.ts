/**
 * A problem found in a file a person wrote: what was wrong, where, and how to fix it.
 * Every parser in this package reports these instead of throwing.
 *
 * @public
 */
export interface SpecProblem {
  /** The file as the caller named it (a path or URL). */
  file: string;
  /** 1-based line of the offending node, or 1 when the file as a whole is at fault. */
  line: number;
  /** 1-based column of the offending node. */
  column: number;
  /** Path of the offending value inside the document, e.g. `spec.objectives[0].target`; empty for the document. */
  path: string;
  /** What was wrong and what was expected, in plain language. */
  message: string;
  /** Errors make the file unusable; warnings are worth fixing but do not. */
  severity: 'error' | 'warning';
}

/**
 * Formats a problem as `file:line:col path message`, the shape editors and CI logs link to.
 *
 * @public
 */
export function formatSpecProblem(problem: SpecProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const path = problem.path ? ` ${problem.path}` : '';
  const level = problem.severity === 'warning' ? ' (warning)' : '';
  return `${where}${path}${level} ${problem.message}`;
}
