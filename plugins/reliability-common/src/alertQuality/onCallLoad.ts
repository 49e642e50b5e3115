import {
  AlertUrgency,
  ValidatedAlertPage,
  ValidatedOnCallShift,
} from './model';

const TWELVE_HOURS_MS = 12 * 60 * 60 * 1000;

/**
 * The sustainable on-call load from the Google SRE book ("Being On-Call"): at most two incidents
 * per 12-hour shift, so that each can be handled and followed up properly.
 *
 * @public
 */
export const SUSTAINABLE_PAGES_PER_12_HOURS = 2;

/**
 * Options of the on-call load.
 *
 * @public
 */
export interface OnCallLoadOptions {
  /** Pages per 12 hours above which a shift is over the line. Default 2. */
  pagesPer12HoursLimit?: number;
  /**
   * Which urgencies interrupt a person and so count. Default `['high']`: low-urgency pages do not
   * notify anybody at once.
   */
  urgencies?: readonly AlertUrgency[];
}

/**
 * The pages one shift received.
 *
 * @public
 */
export interface OnCallShiftLoad {
  shift: ValidatedOnCallShift;
  durationMs: number;
  /** Pages to the shift's user triggered in [start, end), of the counted urgencies. */
  pages: number;
  pageIds: string[];
  /** pages × 12 h / shift duration: the count a 12-hour shift at this rate would get. */
  pagesPer12Hours: number;
  /**
   * `pagesPer12Hours` above the limit (2 by default; exactly 2 is sustainable). A short shift
   * reaches the line quickly: one page in a 4-hour override is 3 per 12 hours.
   */
  overSustainableLine: boolean;
}

/**
 * Mean and maximum load over the shifts, or `unknown` when there are no shifts.
 *
 * @public
 */
export type OnCallLoadSummary =
  | {
      state: 'known';
      shifts: number;
      meanPagesPerShift: number;
      maxPagesPerShift: number;
      meanPagesPer12Hours: number;
      maxPagesPer12Hours: number;
      /** How many shifts are over the sustainable line. */
      shiftsOverLine: number;
    }
  | { state: 'unknown'; reason: string };

/**
 * Pages per on-call shift.
 *
 * @public
 */
export interface OnCallLoad {
  /** One entry per shift, in input order. */
  shifts: OnCallShiftLoad[];
  summary: OnCallLoadSummary;
  /** Ids of counted pages that fell in no shift of their responder. */
  pagesOutsideShifts: string[];
}

/**
 * Counts the pages each shift received. A page belongs to a shift when its responder is the
 * shift's user and it was triggered at or after the start and before the end; a page in two
 * overlapping shifts of the same user counts in both. Only pages of the counted urgencies (high
 * by default) count. Each shift's count is normalised to 12 hours and compared with the Google
 * SRE book's sustainable line of 2 per 12-hour shift.
 *
 * @public
 */
export function measureOnCallLoad(
  pages: readonly ValidatedAlertPage[],
  shifts: readonly ValidatedOnCallShift[],
  options: OnCallLoadOptions = {},
): OnCallLoad {
  const limit = options.pagesPer12HoursLimit ?? SUSTAINABLE_PAGES_PER_12_HOURS;
  const urgencies = options.urgencies ?? ['high'];
  const counted = pages.filter(page => urgencies.includes(page.page.urgency));
  const inShift = new Set<string>();

  const loads = shifts.map((shift): OnCallShiftLoad => {
    const pageIds = counted
      .filter(
        page =>
          page.page.responder === shift.shift.user &&
          page.triggeredAtMs >= shift.startMs &&
          page.triggeredAtMs < shift.endMs,
      )
      .map(page => page.page.id);
    pageIds.forEach(id => inShift.add(id));
    const durationMs = shift.endMs - shift.startMs;
    const pagesPer12Hours = (pageIds.length * TWELVE_HOURS_MS) / durationMs;
    return {
      shift,
      durationMs,
      pages: pageIds.length,
      pageIds,
      pagesPer12Hours,
      overSustainableLine: pagesPer12Hours > limit,
    };
  });

  let summary: OnCallLoadSummary;
  if (loads.length === 0) {
    summary = { state: 'unknown', reason: 'no on-call shifts' };
  } else {
    const counts = loads.map(load => load.pages);
    const rates = loads.map(load => load.pagesPer12Hours);
    const mean = (values: number[]) =>
      values.reduce((a, b) => a + b, 0) / values.length;
    const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b));
    summary = {
      state: 'known',
      shifts: loads.length,
      meanPagesPerShift: mean(counts),
      maxPagesPerShift: max(counts),
      meanPagesPer12Hours: mean(rates),
      maxPagesPer12Hours: max(rates),
      shiftsOverLine: loads.filter(load => load.overSustainableLine).length,
    };
  }

  return {
    shifts: loads,
    summary,
    pagesOutsideShifts: counted
      .filter(page => !inShift.has(page.page.id))
      .map(page => page.page.id),
  };
}
