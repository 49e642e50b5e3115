import { compareStrings } from './compare';
import { ValidatedAlertPage } from './model';

/**
 * The result of one check of an alert: `problem` while it fires, `ok` once it has cleared.
 *
 * @public
 */
export type AlertCheckState = 'ok' | 'problem';

/**
 * Thresholds of flap detection, in percent state change (0–100).
 *
 * @public
 */
export interface FlapDetectionOptions {
  /** An alert starts flapping when its percent state change reaches this. Default 30. */
  highThreshold?: number;
  /** A flapping alert stops flapping when its percent state change falls to this. Default 20. */
  lowThreshold?: number;
}

/**
 * The Nagios Core defaults (`include/defaults.h`: high 30, low 20). The sample `nagios.cfg`
 * shipped with Nagios sets 20 and 5 instead; Sensu has no defaults.
 *
 * @public
 */
export const DEFAULT_FLAP_THRESHOLDS: {
  highThreshold: number;
  lowThreshold: number;
} = {
  highThreshold: 30,
  lowThreshold: 20,
};

/**
 * How many check results the percent state change looks at: the current one and the 20 before it,
 * so at most 20 state changes.
 *
 * @public
 */
export const FLAP_HISTORY_LENGTH = 21;

/**
 * Flap detection after one check result.
 *
 * @public
 */
export interface FlapStep {
  state: AlertCheckState;
  /** Weighted percent state change over the last 21 results, 0 to 99. */
  percentStateChange: number;
  /** Whether the alert is flapping after this result. */
  flapping: boolean;
}

/**
 * Runs Nagios/Sensu flap detection over a series of check results, oldest first, and returns
 * the percent state change and the flapping flag after each result.
 *
 * Percent state change: of the last 21 results, each of the 20 consecutive pairs that differs is
 * a state change. Changes are weighted linearly so recent ones count more: 0.80 for the oldest
 * pair, plus 0.02 per step, to 1.18 for the newest (Sensu Go's `totalStateChange`; Nagios uses
 * 0.75 to 1.25). The percentage is the weighted changes / 20 × 100, so 99 when every result
 * differs from the one before. Unlike Sensu, which reports 0 until it has 21 results, a shorter
 * history is padded at the old end with its first state, as Nagios fills the history when flap
 * detection starts; the padding adds no changes.
 *
 * Flapping has hysteresis: an alert that is not flapping starts when the percentage is at or
 * above the high threshold, and a flapping alert stops when it is at or below the low threshold;
 * in between it stays as it was (Nagios' `check_for_service_flapping`, Sensu's `isFlapping`).
 *
 * Throws a `RangeError` when the thresholds are outside 0–100 or low is above high.
 *
 * @public
 */
export function detectFlapping(
  states: readonly AlertCheckState[],
  options: FlapDetectionOptions = {},
): FlapStep[] {
  const high = options.highThreshold ?? DEFAULT_FLAP_THRESHOLDS.highThreshold;
  const low = options.lowThreshold ?? DEFAULT_FLAP_THRESHOLDS.lowThreshold;
  for (const [name, value] of [
    ['highThreshold', high],
    ['lowThreshold', low],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > 100) {
      throw new RangeError(
        `${name} must be a percentage from 0 to 100, not ${value}`,
      );
    }
  }
  if (low > high) {
    throw new RangeError(
      `lowThreshold (${low}) must not be above highThreshold (${high})`,
    );
  }

  const steps: FlapStep[] = [];
  let flapping = false;
  states.forEach((state, index) => {
    const first = Math.max(0, index - (FLAP_HISTORY_LENGTH - 1));
    const window = states.slice(first, index + 1);
    const padding = FLAP_HISTORY_LENGTH - window.length;
    // Weights in hundredths keep the sums exact: 80, 82, … 118 for pairs 1 (oldest) to 20.
    let weightedHundredths = 0;
    for (let i = 1; i < window.length; i++) {
      if (window[i] !== window[i - 1]) {
        const pair = padding + i; // 1-based position of the pair among the 20
        weightedHundredths += 80 + 2 * (pair - 1);
      }
    }
    // weighted changes / 20 × 100 = hundredths / 100 / 20 × 100 = hundredths / 20
    const percentStateChange = weightedHundredths / (FLAP_HISTORY_LENGTH - 1);
    if (flapping) {
      flapping = percentStateChange > low;
    } else {
      flapping = percentStateChange >= high;
    }
    steps.push({ state, percentStateChange, flapping });
  });
  return steps;
}

/**
 * One check result of an alert, derived from its pages.
 *
 * @public
 */
export interface AlertCheckResult {
  atMs: number;
  state: AlertCheckState;
  /**
   * `trigger` and `resolve` come from a page; `check` is a periodic result between them that
   * repeats the last state (see {@link AlertCheckSeriesOptions.checkIntervalMs}).
   */
  source: 'trigger' | 'resolve' | 'check';
  /** The page a `trigger` or `resolve` came from. */
  pageId?: string;
}

/**
 * How check results are derived from pages.
 *
 * @public
 */
export interface AlertCheckSeriesOptions {
  /**
   * Interval of the periodic checks assumed between page events. Default 5 minutes; 0 gives
   * only the results the pages themselves give.
   */
  checkIntervalMs?: number;
}

/**
 * Periodic checks assumed between page events when deriving an alert's results: 5 minutes.
 *
 * @public
 */
export const DEFAULT_ALERT_CHECK_INTERVAL_MS = 5 * 60 * 1000;

/**
 * The check results of one alert as its pages tell them: each trigger is a `problem` result at
 * the trigger time, each resolution an `ok` result at the resolution time, sorted by time (at the
 * same instant a resolution comes before a trigger, then by page id, so the order does not
 * depend on the input's). Open pages contribute only their trigger.
 *
 * Pages alone alternate problem, ok, problem, ok, so every pair would be a state change and any
 * alert with 11 pages would read 99 % whether they came a minute or a month apart. Monitoring
 * systems check periodically instead, and the quiet checks between incidents are what lets
 * flapping stop. So between two events a `check` result repeating the earlier state is added
 * every `checkIntervalMs` (5 minutes by default), at most 20 per gap since 20 identical results
 * already fill the history. Nothing is added after the last event: there is no clock here.
 *
 * @public
 */
export function alertStatesFromPages(
  pages: readonly ValidatedAlertPage[],
  options: AlertCheckSeriesOptions = {},
): AlertCheckResult[] {
  const intervalMs = options.checkIntervalMs ?? DEFAULT_ALERT_CHECK_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs < 0) {
    throw new RangeError(
      `checkIntervalMs must be 0 or a positive number of milliseconds, not ${intervalMs}`,
    );
  }
  const events: AlertCheckResult[] = [];
  for (const page of pages) {
    events.push({
      atMs: page.triggeredAtMs,
      state: 'problem',
      source: 'trigger',
      pageId: page.page.id,
    });
    if (page.resolvedAtMs !== undefined) {
      events.push({
        atMs: page.resolvedAtMs,
        state: 'ok',
        source: 'resolve',
        pageId: page.page.id,
      });
    }
  }
  const rank = (state: AlertCheckState) => (state === 'ok' ? 0 : 1);
  events.sort(
    (a, b) =>
      a.atMs - b.atMs ||
      rank(a.state) - rank(b.state) ||
      compareStrings(a.pageId ?? '', b.pageId ?? ''),
  );
  if (intervalMs === 0) {
    return events;
  }
  const results: AlertCheckResult[] = [];
  events.forEach((event, index) => {
    results.push(event);
    const next = events[index + 1];
    if (!next) {
      return;
    }
    for (
      let k = 1, atMs = event.atMs + intervalMs;
      atMs < next.atMs && k < FLAP_HISTORY_LENGTH;
      k++, atMs += intervalMs
    ) {
      results.push({ atMs, state: event.state, source: 'check' });
    }
  });
  return results;
}

/**
 * Options of flap detection over an alert's pages: thresholds and check interval.
 *
 * @public
 */
export interface AlertFlapOptions
  extends FlapDetectionOptions,
    AlertCheckSeriesOptions {}

/**
 * Flap detection over one alert's pages.
 *
 * @public
 */
export interface AlertFlapSummary {
  /** Percent state change after the alert's last check result; 0 without pages. */
  percentStateChange: number;
  /** Whether the alert was flapping after its last check result. */
  flapping: boolean;
  /** Highest percent state change reached. */
  peakPercentStateChange: number;
  /** Whether the alert was flapping at any point. */
  everFlapped: boolean;
  /** How many check results the pages gave, periodic ones included. */
  checkResults: number;
}

/**
 * Derives the alert's check results from its pages ({@link alertStatesFromPages}) and runs
 * {@link detectFlapping} over them.
 *
 * @public
 */
export function summarizeAlertFlapping(
  pages: readonly ValidatedAlertPage[],
  options: AlertFlapOptions = {},
): AlertFlapSummary {
  const steps = detectFlapping(
    alertStatesFromPages(pages, options).map(result => result.state),
    options,
  );
  const last = steps[steps.length - 1];
  return {
    percentStateChange: last?.percentStateChange ?? 0,
    flapping: last?.flapping ?? false,
    peakPercentStateChange: steps.reduce(
      (max, step) => Math.max(max, step.percentStateChange),
      0,
    ),
    everFlapped: steps.some(step => step.flapping),
    checkResults: steps.length,
  };
}
