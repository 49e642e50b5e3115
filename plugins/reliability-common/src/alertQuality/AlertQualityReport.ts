import { AlertFlapOptions } from './flapping';
import {
  InterruptionReport,
  ResponderHours,
  measureInterruptions,
} from './interruptions';
import { AlertPage, AlertUrgency, OnCallShift } from './model';
import { AlertNoiseSummary, summarizeAlertNoise } from './noise';
import { AlertQualityByAlert, rankNoisiestAlerts } from './noisiestAlerts';
import { OnCallLoad, measureOnCallLoad } from './onCallLoad';
import { AlertResponseTimes, measureAlertResponseTimes } from './responseTimes';
import { AlertDataProblem, validateAlertQualityInput } from './validation';

/**
 * Options of {@link analyzeAlertQuality}; every one has a default.
 *
 * @public
 */
export interface AlertQualityOptions {
  /** Resolved within this many milliseconds of triggering means noise. Default 5 minutes. */
  quickResolveMs?: number;
  /** Pages per 12 hours above which a shift is over the line. Default 2 (Google SRE book). */
  pagesPer12HoursLimit?: number;
  /** Urgencies that interrupt a person, for the on-call load and interruptions. Default `['high']`. */
  interruptingUrgencies?: readonly AlertUrgency[];
  /** The responder's business and sleep hours. Default Mon–Fri 8–18 and 22–8. */
  responderHours?: Partial<ResponderHours>;
  /** Zone for responders whose page and shift name none. Default `UTC`. */
  defaultTimeZone?: string;
  /** Flap thresholds, default high 30 and low 20 (Nagios Core), and the check interval, default 5 minutes. */
  flap?: AlertFlapOptions;
}

/**
 * Alert-quality analytics over a set of pages and on-call shifts.
 *
 * @public
 */
export interface AlertQualityReport {
  /** Pages given, and pages used after rejecting invalid ones. */
  pagesGiven: number;
  pagesUsed: number;
  shiftsGiven: number;
  shiftsUsed: number;
  /** Pages per shift against the sustainable line (interrupting urgencies only). */
  onCallLoad: OnCallLoad;
  /** Actionable and noise ratios (all urgencies). */
  noise: AlertNoiseSummary;
  /** MTTA and MTTR (all urgencies). */
  responseTimes: AlertResponseTimes;
  /** Business, off and sleep hours on the responder's clock (interrupting urgencies only). */
  interruptions: InterruptionReport;
  /** Every alert, noisiest first. */
  alerts: AlertQualityByAlert[];
  /** Data errors found in the input, and what was done about each. */
  problems: AlertDataProblem[];
}

/**
 * Validates pages and shifts, then computes every alert-quality figure. Data errors never throw:
 * they are in `problems`. Only invalid options (hours, thresholds, default zone) throw a
 * `RangeError`.
 *
 * @public
 */
export function analyzeAlertQuality(
  input: { pages: readonly AlertPage[]; shifts?: readonly OnCallShift[] },
  options: AlertQualityOptions = {},
): AlertQualityReport {
  const shiftsGiven = input.shifts ?? [];
  const { pages, shifts, problems } = validateAlertQualityInput(
    input.pages,
    shiftsGiven,
  );
  const urgencies = options.interruptingUrgencies;
  return {
    pagesGiven: input.pages.length,
    pagesUsed: pages.length,
    shiftsGiven: shiftsGiven.length,
    shiftsUsed: shifts.length,
    onCallLoad: measureOnCallLoad(pages, shifts, {
      pagesPer12HoursLimit: options.pagesPer12HoursLimit,
      urgencies,
    }),
    noise: summarizeAlertNoise(pages, {
      quickResolveMs: options.quickResolveMs,
    }),
    responseTimes: measureAlertResponseTimes(pages),
    interruptions: measureInterruptions(pages, shifts, {
      hours: options.responderHours,
      defaultTimeZone: options.defaultTimeZone,
      urgencies,
    }),
    alerts: rankNoisiestAlerts(pages, {
      quickResolveMs: options.quickResolveMs,
      flap: options.flap,
    }),
    problems,
  };
}
