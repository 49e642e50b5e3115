/**
 * Prometheus durations (`5m`, `1h30m`, `30d`, `4w`) as milliseconds, parsed and formatted exactly
 * as Prometheus (and therefore Sloth) does, so that record names such as `ratio_rate4w` match.
 */

const UNITS: Array<[string, number]> = [
  ['y', 365 * 24 * 60 * 60 * 1000],
  ['w', 7 * 24 * 60 * 60 * 1000],
  ['d', 24 * 60 * 60 * 1000],
  ['h', 60 * 60 * 1000],
  ['m', 60 * 1000],
  ['s', 1000],
  ['ms', 1],
];

const DURATION_PATTERN =
  /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/**
 * Parses a Prometheus duration such as `30d` or `1h30m` into milliseconds.
 * Returns `undefined` for anything else, including `0` and the empty string.
 *
 * @public
 */
export function parsePrometheusDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match || text.trim() === '') {
    return undefined;
  }
  let total = 0;
  UNITS.forEach(([, unitMs], index) => {
    const value = match[index + 1];
    if (value !== undefined) {
      total += Number(value) * unitMs;
    }
  });
  return total > 0 ? total : undefined;
}

/**
 * Formats milliseconds the way Prometheus' `model.Duration.String()` does: years and weeks only
 * when they divide the duration exactly (so 30 days is `30d` but 28 days is `4w`).
 *
 * @public
 */
export function formatPrometheusDuration(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  let rest = ms;
  let text = '';
  for (const [unit, unitMs] of UNITS) {
    const exactOnly = unit === 'y' || unit === 'w';
    if (exactOnly && rest % unitMs !== 0) {
      continue;
    }
    const count = Math.floor(rest / unitMs);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * unitMs;
    }
  }
  return text;
}
