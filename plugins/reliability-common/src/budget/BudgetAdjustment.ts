import type { SliSeriesInput } from './SliSeries';

/**
 * A window excluded from an SLO's error budget, with the semantics of OpenSLO v2alpha's
 * `BudgetAdjustment`: events that start inside an occurrence of the window count neither as
 * good nor as bad, as if there had been no traffic (a planned maintenance, a dependency's
 * declared outage). `rrule` repeats it (RFC 5545 `FREQ=DAILY|WEEKLY|MONTHLY`, `INTERVAL`,
 * `COUNT`, `UNTIL`); without it the window occurs once.
 *
 * @public
 */
export interface BudgetAdjustment {
  /** Start of the first occurrence, epoch milliseconds. */
  firstEventStartMs: number;
  /** Length of every occurrence, milliseconds. */
  durationMs: number;
  rrule?: string;
}

/**
 * One occurrence of a budget adjustment: `[startMs, endMs)`.
 *
 * @public
 */
export interface BudgetAdjustmentWindow {
  startMs: number;
  endMs: number;
}

const DAY = 24 * 60 * 60 * 1000;
/** Bounds the occurrences computed for one range, whatever the rule says. */
const MAX_OCCURRENCES = 10_000;

/**
 * The parts of an RRULE this engine supports, or the problem with it.
 *
 * @public
 */
export function parseBudgetAdjustmentRrule(rrule: string):
  | {
      freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
      interval: number;
      count?: number;
      untilMs?: number;
    }
  | { problem: string } {
  const parts = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    if (!part) continue;
    const [key, value] = part.split('=');
    if (!key || value === undefined) {
      return { problem: `"${part}" is not KEY=VALUE` };
    }
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    return {
      problem: `FREQ must be DAILY, WEEKLY or MONTHLY, got ${
        freq ?? 'nothing'
      }`,
    };
  }
  for (const key of parts.keys()) {
    if (!['FREQ', 'INTERVAL', 'COUNT', 'UNTIL'].includes(key)) {
      return {
        problem: `${key} is not supported: use FREQ, INTERVAL, COUNT and UNTIL, and one adjustment per weekday`,
      };
    }
  }
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1) {
    return { problem: 'INTERVAL must be a whole number of 1 or more' };
  }
  const countText = parts.get('COUNT');
  const count = countText === undefined ? undefined : Number(countText);
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
    return { problem: 'COUNT must be a whole number of 1 or more' };
  }
  const untilText = parts.get('UNTIL');
  let untilMs: number | undefined;
  if (untilText !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(
      untilText,
    );
    if (!m) {
      return { problem: 'UNTIL must be a UTC date such as 20261231T000000Z' };
    }
    untilMs = Date.UTC(
      +m[1],
      +m[2] - 1,
      +m[3],
      +(m[4] ?? 0),
      +(m[5] ?? 0),
      +(m[6] ?? 0),
    );
  }
  return { freq, interval, count, untilMs };
}

/**
 * The occurrences of an adjustment that overlap `[fromMs, toMs)`, in order. Monthly rules keep
 * the day of the month of the first start (in UTC) and skip months without it, as RFC 5545 does.
 * An rrule this engine does not support gives no occurrence beyond the first.
 *
 * @public
 */
export function budgetAdjustmentWindows(
  adjustment: BudgetAdjustment,
  fromMs: number,
  toMs: number,
): BudgetAdjustmentWindow[] {
  const { firstEventStartMs: first, durationMs } = adjustment;
  const windows: BudgetAdjustmentWindow[] = [];
  const push = (startMs: number) => {
    if (startMs + durationMs > fromMs && startMs < toMs) {
      windows.push({ startMs, endMs: startMs + durationMs });
    }
  };
  const rule = adjustment.rrule
    ? parseBudgetAdjustmentRrule(adjustment.rrule)
    : undefined;
  if (!rule || 'problem' in rule) {
    push(first);
    return windows;
  }
  const stepMs = rule.freq === 'DAILY' ? DAY : 7 * DAY;
  let n = 0;
  // Fixed-length steps can jump to the range; months are walked.
  if (rule.freq !== 'MONTHLY' && rule.count === undefined) {
    const step = stepMs * rule.interval;
    n = Math.max(0, Math.floor((fromMs - durationMs - first) / step));
  }
  for (let emitted = 0; emitted < MAX_OCCURRENCES; n++) {
    if (rule.count !== undefined && n >= rule.count) break;
    let startMs: number;
    if (rule.freq === 'MONTHLY') {
      const d = new Date(first);
      const target = new Date(
        Date.UTC(
          d.getUTCFullYear(),
          d.getUTCMonth() + n * rule.interval,
          d.getUTCDate(),
          d.getUTCHours(),
          d.getUTCMinutes(),
          d.getUTCSeconds(),
          d.getUTCMilliseconds(),
        ),
      );
      if (target.getUTCDate() !== d.getUTCDate()) continue; // e.g. the 31st of a 30-day month
      startMs = target.getTime();
    } else {
      startMs = first + n * stepMs * rule.interval;
    }
    if (startMs >= toMs) break;
    if (rule.untilMs !== undefined && startMs > rule.untilMs) break;
    const before = windows.length;
    push(startMs);
    emitted += windows.length - before;
  }
  return windows;
}

/**
 * SLI series input with every bucket that starts inside an adjustment window emptied (good and
 * total 0: no traffic, not a gap), so that budgets, burn rates and policies computed from it
 * leave those events out. Gaps stay gaps. The input is not changed.
 *
 * @public
 */
export function excludeBudgetAdjustments(
  input: SliSeriesInput,
  windows: readonly BudgetAdjustmentWindow[],
): SliSeriesInput {
  if (windows.length === 0) return input;
  const good = Float64Array.from(input.good);
  const total = input.total ? Float64Array.from(input.total) : undefined;
  const bad = input.bad ? Float64Array.from(input.bad) : undefined;
  const length = good.length;
  for (const window of windows) {
    const first = Math.max(
      0,
      Math.ceil((window.startMs - input.startMs) / input.bucketMs),
    );
    const last = Math.min(
      length,
      Math.ceil((window.endMs - input.startMs) / input.bucketMs),
    );
    for (let i = first; i < last; i++) {
      const isCount = (v: number) => v >= 0 && v < Infinity;
      const isGap =
        !isCount(good[i]) ||
        (total !== undefined && !isCount(total[i])) ||
        (bad !== undefined && !isCount(bad[i]));
      if (isGap) continue;
      good[i] = 0;
      if (total) total[i] = 0;
      if (bad) bad[i] = 0;
    }
  }
  return { ...input, good, total, bad };
}
