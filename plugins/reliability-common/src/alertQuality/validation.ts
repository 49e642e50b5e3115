import {
  AlertPage,
  OnCallShift,
  ValidatedAlertPage,
  ValidatedOnCallShift,
} from './model';
import { isKnownTimeZone, parseAlertTimestamp } from './timestamps';

/**
 * What was wrong with a page or shift.
 *
 * - `invalid-value`: a required field is missing or malformed, or a timestamp cannot be read.
 * - `invalid-time-zone`: not an IANA time zone name.
 * - `duplicate-page-id`: a page with the same id came earlier.
 * - `acknowledged-before-triggered`, `resolved-before-triggered`, `resolved-before-acknowledged`:
 *   the page's lifecycle runs backwards.
 * - `empty-shift`: the shift does not end after it starts.
 * - `missing-alert-identity`: the page has neither `alertName` nor `fingerprint`.
 *
 * @public
 */
export type AlertDataProblemKind =
  | 'invalid-value'
  | 'invalid-time-zone'
  | 'duplicate-page-id'
  | 'acknowledged-before-triggered'
  | 'resolved-before-triggered'
  | 'resolved-before-acknowledged'
  | 'empty-shift'
  | 'missing-alert-identity';

/**
 * What the analysis did about a problem.
 *
 * - `record-rejected`: the page or shift is left out of every figure.
 * - `value-ignored`: the field is treated as absent (an acknowledgement before the trigger is no
 *   acknowledgement); the record counts everywhere else.
 * - `excluded-from-alert-stats`: the page counts everywhere except per-alert figures and flapping.
 *
 * @public
 */
export type AlertDataProblemEffect =
  | 'record-rejected'
  | 'value-ignored'
  | 'excluded-from-alert-stats';

/**
 * A data error found in the input. Analytics report these instead of throwing, so that one bad
 * record from an incident tool does not hide a month of good ones.
 *
 * @public
 */
export interface AlertDataProblem {
  kind: AlertDataProblemKind;
  subject: 'page' | 'shift';
  /** Position of the record in the input list. */
  index: number;
  /** The page id, or the shift's user. */
  id?: string;
  /** The offending field, e.g. `acknowledgedAt`. */
  field?: string;
  /** What was wrong, in plain language, with the values involved. */
  message: string;
  effect: AlertDataProblemEffect;
}

/**
 * Pages and shifts ready for analysis, and the problems found on the way.
 *
 * @public
 */
export interface ValidatedAlertQualityInput {
  pages: ValidatedAlertPage[];
  shifts: ValidatedOnCallShift[];
  problems: AlertDataProblem[];
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function validatePage(
  page: AlertPage,
  index: number,
  seenIds: Set<string>,
  problems: AlertDataProblem[],
): ValidatedAlertPage | undefined {
  const id = nonEmptyString(page?.id) ? page.id : undefined;
  const report = (
    kind: AlertDataProblemKind,
    field: string | undefined,
    message: string,
    effect: AlertDataProblemEffect,
  ) =>
    problems.push({ kind, subject: 'page', index, id, field, message, effect });
  const reject = (field: string, message: string) =>
    report(
      'invalid-value',
      field,
      `page ${id ?? `#${index}`}: ${field} ${message}`,
      'record-rejected',
    );

  if (!id) {
    reject('id', 'must be a non-empty string');
    return undefined;
  }
  if (seenIds.has(id)) {
    report(
      'duplicate-page-id',
      'id',
      `page ${id}: another page with this id came earlier; only the first is used`,
      'record-rejected',
    );
    return undefined;
  }
  if (!nonEmptyString(page.service)) {
    reject('service', 'must be a non-empty string');
    return undefined;
  }
  if (!nonEmptyString(page.responder)) {
    reject('responder', 'must be a user entity ref such as user:default/jane');
    return undefined;
  }
  if (page.urgency !== 'high' && page.urgency !== 'low') {
    reject(
      'urgency',
      `must be "high" or "low", not ${JSON.stringify(page.urgency)}`,
    );
    return undefined;
  }
  const triggered = parseAlertTimestamp(page.triggeredAt);
  if ('error' in triggered) {
    reject('triggeredAt', triggered.error);
    return undefined;
  }
  // Optional timestamps that cannot be read reject the page too: treating them as absent would
  // silently turn a handled page into an unacknowledged (noisy) one.
  const optional: Record<'acknowledgedAt' | 'resolvedAt', number | undefined> =
    {
      acknowledgedAt: undefined,
      resolvedAt: undefined,
    };
  for (const field of ['acknowledgedAt', 'resolvedAt'] as const) {
    if (page[field] === undefined) {
      continue;
    }
    const parsed = parseAlertTimestamp(page[field]);
    if ('error' in parsed) {
      reject(field, parsed.error);
      return undefined;
    }
    optional[field] = parsed.ms;
  }
  seenIds.add(id);

  const triggeredAtMs = triggered.ms;
  let acknowledgedAtMs = optional.acknowledgedAt;
  let resolvedAtMs = optional.resolvedAt;
  let hasLifecycleError = false;
  if (acknowledgedAtMs !== undefined && acknowledgedAtMs < triggeredAtMs) {
    report(
      'acknowledged-before-triggered',
      'acknowledgedAt',
      `page ${id}: acknowledged at ${page.acknowledgedAt}, before it was triggered at ${page.triggeredAt}; the acknowledgement is ignored`,
      'value-ignored',
    );
    acknowledgedAtMs = undefined;
    hasLifecycleError = true;
  }
  if (resolvedAtMs !== undefined && resolvedAtMs < triggeredAtMs) {
    report(
      'resolved-before-triggered',
      'resolvedAt',
      `page ${id}: resolved at ${page.resolvedAt}, before it was triggered at ${page.triggeredAt}; the resolution is ignored and the page counts as open`,
      'value-ignored',
    );
    resolvedAtMs = undefined;
    hasLifecycleError = true;
  }
  if (
    acknowledgedAtMs !== undefined &&
    resolvedAtMs !== undefined &&
    resolvedAtMs < acknowledgedAtMs
  ) {
    // An acknowledgement after the page was resolved is not a response to it.
    report(
      'resolved-before-acknowledged',
      'acknowledgedAt',
      `page ${id}: resolved at ${page.resolvedAt}, before it was acknowledged at ${page.acknowledgedAt}; the acknowledgement is ignored`,
      'value-ignored',
    );
    acknowledgedAtMs = undefined;
    hasLifecycleError = true;
  }

  let responderTimeZone: string | undefined;
  if (page.responderTimeZone !== undefined) {
    if (
      nonEmptyString(page.responderTimeZone) &&
      isKnownTimeZone(page.responderTimeZone)
    ) {
      responderTimeZone = page.responderTimeZone;
    } else {
      report(
        'invalid-time-zone',
        'responderTimeZone',
        `page ${id}: responderTimeZone ${JSON.stringify(
          page.responderTimeZone,
        )} is not an IANA time zone such as Europe/Berlin; the shift's or the default zone is used`,
        'value-ignored',
      );
    }
  }

  const identity = [page.fingerprint, page.alertName].find(nonEmptyString);
  if (identity === undefined) {
    report(
      'missing-alert-identity',
      'alertName',
      `page ${id}: has neither alertName nor fingerprint, so it cannot be grouped into an alert`,
      'excluded-from-alert-stats',
    );
  }

  return {
    page,
    triggeredAtMs,
    acknowledgedAtMs,
    resolvedAtMs,
    alertKey:
      identity === undefined ? undefined : `${page.service}/${identity}`,
    responderTimeZone,
    hasLifecycleError,
  };
}

function validateShift(
  shift: OnCallShift,
  index: number,
  problems: AlertDataProblem[],
): ValidatedOnCallShift | undefined {
  const id = nonEmptyString(shift?.user) ? shift.user : undefined;
  const reject = (kind: AlertDataProblemKind, field: string, message: string) =>
    problems.push({
      kind,
      subject: 'shift',
      index,
      id,
      field,
      message: `shift #${index}${id ? ` of ${id}` : ''}: ${message}`,
      effect: 'record-rejected',
    });

  if (!id) {
    reject(
      'invalid-value',
      'user',
      'user must be a user entity ref such as user:default/jane',
    );
    return undefined;
  }
  const start = parseAlertTimestamp(shift.start);
  if ('error' in start) {
    reject('invalid-value', 'start', `start ${start.error}`);
    return undefined;
  }
  const end = parseAlertTimestamp(shift.end);
  if ('error' in end) {
    reject('invalid-value', 'end', `end ${end.error}`);
    return undefined;
  }
  if (end.ms <= start.ms) {
    reject(
      'empty-shift',
      'end',
      `ends at ${shift.end}, not after its start at ${shift.start}`,
    );
    return undefined;
  }
  let timeZone: string | undefined;
  if (shift.timeZone !== undefined) {
    if (nonEmptyString(shift.timeZone) && isKnownTimeZone(shift.timeZone)) {
      timeZone = shift.timeZone;
    } else {
      problems.push({
        kind: 'invalid-time-zone',
        subject: 'shift',
        index,
        id,
        field: 'timeZone',
        message: `shift #${index} of ${id}: timeZone ${JSON.stringify(
          shift.timeZone,
        )} is not an IANA time zone such as Europe/Berlin; the default zone is used`,
        effect: 'value-ignored',
      });
    }
  }
  return { shift, startMs: start.ms, endMs: end.ms, timeZone };
}

/**
 * Checks pages and shifts and converts their timestamps to epoch milliseconds. Never throws:
 * records that cannot be used are rejected, contradictory values are dropped, and each is
 * reported as an {@link AlertDataProblem}.
 *
 * A page is rejected when its id, service, responder or urgency is missing or invalid, when it is
 * a duplicate of an earlier id, or when any of its timestamps cannot be read. An acknowledgement
 * before the trigger, a resolution before the trigger, and an acknowledgement after the
 * resolution are dropped and the page kept. A shift is rejected when its user or timestamps are
 * invalid or it does not end after it starts.
 *
 * @public
 */
export function validateAlertQualityInput(
  pages: readonly AlertPage[],
  shifts: readonly OnCallShift[] = [],
): ValidatedAlertQualityInput {
  const problems: AlertDataProblem[] = [];
  const seenIds = new Set<string>();
  const validPages: ValidatedAlertPage[] = [];
  pages.forEach((page, index) => {
    const valid = validatePage(page, index, seenIds, problems);
    if (valid) {
      validPages.push(valid);
    }
  });
  const validShifts: ValidatedOnCallShift[] = [];
  shifts.forEach((shift, index) => {
    const valid = validateShift(shift, index, problems);
    if (valid) {
      validShifts.push(valid);
    }
  });
  return { pages: validPages, shifts: validShifts, problems };
}
