/**
 * Number formatting for the plain-language reasons of the budget policy. Internal: callers that
 * render numbers themselves use the raw ratios.
 */

/** A ratio as a percentage with at most one decimal: 0.12 → `12%`, 0.1234 → `12.3%`. */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  const text = percent.toFixed(1).replace(/\.0$/, '');
  // Never print "0%" for a small positive share: it would read as exhausted.
  if (text === '0' && percent > 0) {
    return '< 0.1%';
  }
  return `${text === '-0' ? '0' : text}%`;
}

/** A burn rate with at most two decimals: 2.5, 14.4, 0.93. */
export function formatBurnRate(burnRate: number): string {
  return burnRate.toFixed(2).replace(/\.?0+$/, '');
}
