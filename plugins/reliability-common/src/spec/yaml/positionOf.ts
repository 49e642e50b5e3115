import type { LineCounter } from 'yaml';

/**
 * The 1-based line and column of an offset. `LineCounter` answers line 0 for offsets before the
 * first line break it saw; those are on line 1.
 *
 * @internal
 */
export function positionOf(
  lineCounter: LineCounter,
  offset: number,
): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return line === 0 ? { line: 1, column: offset + 1 } : { line, column: col };
}
