import type { ScorecardCheckOutcome } from '../ScorecardCheck';

/** @internal */
export function pass(message: string): ScorecardCheckOutcome {
  return { status: 'pass', message };
}

/** @internal */
export function fail(message: string): ScorecardCheckOutcome {
  return { status: 'fail', message };
}

/** @internal */
export function unknown(message: string): ScorecardCheckOutcome {
  return { status: 'unknown', message };
}

/**
 * Names a few items of a list for a message: `a, b and c`, or `a, b, c and 4 more`, so that a
 * message stays one line however long the list is.
 *
 * @internal
 */
export function listSome(items: readonly string[], shown = 3): string {
  if (items.length <= 1) {
    return items.join('');
  }
  if (items.length <= shown) {
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  }
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/** `1 SLO`, `2 SLOs`. @internal */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
