import type { SpecProblem } from '../problems';
import { MAX_MS_PER_INPUT } from './fuzzSettings';

/**
 * The properties every parser of person-written files must keep whatever the input: each problem
 * names its file, a line and column in the file, a message, and a known severity; every error
 * says where (a path, or a file-level position); messages never leak `[object Object]`.
 */
export function expectWellFormedProblems(
  problems: readonly SpecProblem[],
  files: readonly string[],
) {
  expect(Array.isArray(problems)).toBe(true);
  for (const problem of problems) {
    const described = JSON.stringify(problem);
    if (
      !files.includes(problem.file) ||
      !Number.isInteger(problem.line) ||
      problem.line < 1 ||
      !Number.isInteger(problem.column) ||
      problem.column < 1 ||
      typeof problem.path !== 'string' ||
      typeof problem.message !== 'string' ||
      problem.message.trim() === '' ||
      problem.message.includes('[object Object]') ||
      !['error', 'warning'].includes(problem.severity)
    ) {
      throw new Error(`malformed problem: ${described}`);
    }
  }
}

/** Fails when one input took longer than the bound. */
export function expectFast(ms: number) {
  if (ms >= MAX_MS_PER_INPUT) {
    throw new Error(
      `one input took ${Math.round(
        ms,
      )} ms, more than the ${MAX_MS_PER_INPUT} ms allowed`,
    );
  }
}

/** True when some problem is an error. */
export function hasError(problems: readonly { severity?: string }[]): boolean {
  return problems.some(problem => problem.severity === 'error');
}
