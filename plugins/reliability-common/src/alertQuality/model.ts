/**
 * The input of alert-quality analytics: pages as an incident tool records them, and who was on call
 * when. Timestamps are ISO 8601 strings with an explicit offset (`2025-03-31T06:30:00Z`,
 * `2025-03-31T08:30:00+02:00`), the form PagerDuty, Opsgenie and Alertmanager all emit; strings
 * without an offset are rejected because their meaning depends on the machine reading them.
 */

/**
 * How urgently a page asked for a person: `high` pages notify the on-call responder at once (phone,
 * push), `low` ones do not wake anybody up (PagerDuty's urgency levels).
 *
 * @public
 */
export type AlertUrgency = 'high' | 'low';

/**
 * One page (an incident in PagerDuty's terms): an alert that notified an on-call responder.
 *
 * @public
 */
export interface AlertPage {
  /** Unique id of the page in the incident tool. Later duplicates are rejected. */
  id: string;
  /** Name of the alert rule, e.g. `HighErrorRate`. At least one of `alertName` and `fingerprint` identifies the alert. */
  alertName?: string;
  /**
   * Stable identity of the alerting series (Alertmanager fingerprint, PagerDuty dedup key).
   * Preferred over `alertName` to group pages into one alert.
   */
  fingerprint?: string;
  /** The service (catalog entity ref or incident-tool service) the alert belongs to. */
  service: string;
  urgency: AlertUrgency;
  /** When the page was triggered: ISO 8601 with offset. */
  triggeredAt: string;
  /** When the page was first acknowledged, if ever: ISO 8601 with offset. */
  acknowledgedAt?: string;
  /** When the page was resolved, if it is: ISO 8601 with offset. */
  resolvedAt?: string;
  /** The user the page notified, as a user entity ref (`user:default/jane`). */
  responder: string;
  /** IANA time zone of the responder (`Europe/Berlin`); falls back to their shift's zone. */
  responderTimeZone?: string;
  /**
   * `false` when the source cannot record acknowledgements (Alertmanager): then a page resolved
   * without one is not taken for noise unless it resolved quickly, and waits for a verdict.
   * Default `true`.
   */
  acknowledgementKnown?: boolean;
  /**
   * The responder's verdict, when they gave one: `true` means the page needed a human action,
   * `false` means it did not (noise) whatever its timings say.
   */
  actionable?: boolean;
}

/**
 * One person's on-call shift.
 *
 * @public
 */
export interface OnCallShift {
  /** The user on call, as a user entity ref; matched against {@link AlertPage.responder}. */
  user: string;
  /** Start of the shift, inclusive: ISO 8601 with offset. */
  start: string;
  /** End of the shift, exclusive: ISO 8601 with offset. */
  end: string;
  /** IANA time zone of the person on call, used when a page does not name the responder's zone. */
  timeZone?: string;
}

/**
 * A page whose timestamps have been checked and converted to epoch milliseconds.
 * Timestamps that contradict each other have been dropped (see {@link AlertDataProblem}).
 *
 * @public
 */
export interface ValidatedAlertPage {
  /** The page as given. */
  page: AlertPage;
  triggeredAtMs: number;
  /** First acknowledgement; absent when there was none or it was dropped as a data error. */
  acknowledgedAtMs?: number;
  /** Resolution; absent when the page is open or the value was dropped as a data error. */
  resolvedAtMs?: number;
  /**
   * What groups pages into one alert: the service plus the fingerprint, or the alert name when
   * there is no fingerprint. Absent when the page names neither.
   */
  alertKey?: string;
  /** The responder's time zone when the page gave a valid one. */
  responderTimeZone?: string;
  /** True when an acknowledgement or resolution was dropped because it contradicted the others. */
  hasLifecycleError: boolean;
}

/**
 * An on-call shift whose timestamps have been checked and converted to epoch milliseconds.
 *
 * @public
 */
export interface ValidatedOnCallShift {
  /** The shift as given. */
  shift: OnCallShift;
  startMs: number;
  endMs: number;
  /** The shift's time zone when it gave a valid one. */
  timeZone?: string;
}
