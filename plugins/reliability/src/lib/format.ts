import { DateTime, Duration } from 'luxon';
import { Slo, SloTimeWindow } from '../api';

/**
 * Display helpers. Every function returns text for `null` too ("unknown"), because the backend
 * reports unknown values as `null` and the UI must never show them as 0 or 100%.
 */

/** A ratio as a percentage with up to `digits` decimals: 0.9995 → `99.95%`. */
export function formatRatio(
  ratio: number | null | undefined,
  digits = 2,
): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) {
    return 'unknown';
  }
  const fixed = (ratio * 100).toFixed(digits);
  // Trailing zeros of the decimals only: 100 stays 100, 99.50 becomes 99.5.
  const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return `${text === '-0' ? '0' : text}%`;
}

/** A burn rate with up to two decimals and a multiplication sign: `14.4×`. */
export function formatBurnRate(burnRate: number | null | undefined): string {
  if (burnRate === null || burnRate === undefined) {
    return 'unknown';
  }
  return `${burnRate.toFixed(2).replace(/\.?0+$/, '')}×`;
}

/** A duration in its two largest units: `3d 4h`, `45m`, `< 1m`. */
export function formatDurationMs(ms: number): string {
  if (ms < 60_000) {
    return '< 1m';
  }
  const parts = Duration.fromMillis(ms)
    .shiftTo('days', 'hours', 'minutes')
    .toObject();
  const units: Array<[number, string]> = [
    [Math.floor(parts.days ?? 0), 'd'],
    [Math.floor(parts.hours ?? 0), 'h'],
    [Math.floor(parts.minutes ?? 0), 'm'],
  ];
  const first = units.findIndex(([value]) => value > 0);
  return units
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value}${unit}`)
    .join(' ');
}

/** An SLO's window: `28 days rolling`, `1 Month calendar (Europe/Berlin)`, `30 days rolling (default)` for Sloth. */
export function formatTimeWindow(
  window: SloTimeWindow | null | undefined,
): string {
  if (!window) {
    return '30 days rolling (default)';
  }
  if (window.type === 'rolling') {
    // The backend names durations as Prometheus does (28d is `4w`); people think in days.
    const days = window.durationMs / 86_400_000;
    return Number.isInteger(days) && days > 0
      ? `${days} day${days === 1 ? '' : 's'} rolling`
      : `${window.duration} rolling`;
  }
  return `${window.count} ${window.unit}${
    window.count === 1 ? '' : 's'
  } calendar (${window.timeZone})`;
}

/** A past or future instant relative to `now`: `3 hours ago`, `in 2 days`. */
export function formatRelative(
  iso: string,
  now: DateTime = DateTime.now(),
): string {
  const time = DateTime.fromISO(iso);
  if (!time.isValid) {
    return iso;
  }
  return time.toRelative({ base: now }) ?? iso;
}

/** An instant in the user's locale and zone, for tooltips and titles. */
export function formatInstant(iso: string): string {
  const time = DateTime.fromISO(iso);
  return time.isValid ? time.toLocaleString(DateTime.DATETIME_MED) : iso;
}

/** The name people know an SLO by. */
export function sloTitle(slo: Slo): string {
  return slo.displayName || slo.objective.displayName || slo.name;
}
