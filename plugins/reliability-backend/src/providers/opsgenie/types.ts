/**
 * The parts of Opsgenie REST API v2 answers that the suite reads, as the API documents them
 * (docs.opsgenie.com, and the OpenAPI definitions in github.com/opsgenie/opsgenie-oas). Every
 * field is optional unless the API always sends it, since answers are checked only as far as
 * they are used.
 */

/**
 * A team or schedule reference: `{ id, name }`.
 *
 * @public
 */
export interface OpsgenieRef {
  id: string;
  name?: string;
}

/**
 * A team (`GET /v2/teams/{identifier}`).
 *
 * @public
 */
export interface OpsgenieTeam {
  id: string;
  name: string;
  description?: string;
  members?: Array<{ user?: { id?: string; username?: string }; role?: string }>;
}

/**
 * A schedule (`GET /v2/schedules`).
 *
 * @public
 */
export interface OpsgenieSchedule {
  id: string;
  name: string;
  description?: string;
  /** IANA time zone of the schedule. */
  timezone?: string;
  enabled?: boolean;
  ownerTeam?: OpsgenieRef;
}

/**
 * A participant of a schedule's on-call answer (`flat=false`): a user, or a team or escalation
 * with its own on-call participants.
 *
 * @public
 */
export interface OpsgenieParticipant {
  id?: string;
  /** For users, their username (an e-mail address). */
  name?: string;
  type?: string;
  onCallParticipants?: OpsgenieParticipant[];
  forwardedFrom?: OpsgenieParticipant;
  /** Only for `escalation` participants. */
  escalationTime?: number;
  notifyType?: string;
}

/**
 * Who is on call in a schedule (`GET /v2/schedules/{id}/on-calls`).
 *
 * @public
 */
export interface OpsgenieOnCall {
  _parent?: OpsgenieRef & { enabled?: boolean };
  onCallParticipants?: OpsgenieParticipant[];
  /** Only with `flat=true`: usernames. */
  onCallRecipients?: string[];
}

/**
 * Who is on call next in a schedule (`GET /v2/schedules/{id}/next-on-calls`).
 *
 * @public
 */
export interface OpsgenieNextOnCall {
  _parent?: OpsgenieRef & { enabled?: boolean };
  /** With `flat=false`: the next on-call participants. */
  nextOnCallRecipients?: OpsgenieParticipant[];
  /** With `flat=false`: the next participants, overrides and forwardings applied. */
  exactNextOnCallRecipients?: OpsgenieParticipant[];
  /** Only with `flat=true`: usernames. */
  nextOnCallParticipants?: string[];
  exactNextOnCallParticipants?: string[];
}

/**
 * Who a timeline period belongs to.
 *
 * @public
 */
export interface OpsgenieTimelineRecipient {
  id?: string;
  name?: string;
  type?: string;
}

/**
 * One period of a schedule timeline.
 *
 * @public
 */
export interface OpsgenieTimelinePeriod {
  startDate: string;
  endDate: string;
  /** `default`, `override`, `forwarding` or `historical`. */
  type?: string;
  recipient?: OpsgenieTimelineRecipient;
  /** Only for `historical` periods. */
  flattenedRecipients?: OpsgenieTimelineRecipient[];
}

/**
 * A schedule timeline (`GET /v2/schedules/{id}/timeline`).
 *
 * @public
 */
export interface OpsgenieScheduleTimeline {
  _parent?: OpsgenieRef & { enabled?: boolean };
  startDate?: string;
  endDate?: string;
  finalTimeline?: {
    rotations?: Array<{
      id?: string;
      name?: string;
      order?: number;
      periods?: OpsgenieTimelinePeriod[];
    }>;
  };
}

/**
 * Whom an escalation rule notifies. Users carry `username`, the others `name`.
 *
 * @public
 */
export interface OpsgenieRecipient {
  type: string;
  id?: string;
  name?: string;
  username?: string;
}

/**
 * An escalation policy (`GET /v2/escalations`).
 *
 * @public
 */
export interface OpsgenieEscalation {
  id: string;
  name: string;
  description?: string;
  ownerTeam?: OpsgenieRef;
  rules?: Array<{
    condition?: string;
    notifyType?: string;
    /** How long after the alert was created, not after the previous rule. */
    delay?: { timeAmount?: number; timeUnit?: string };
    recipient?: OpsgenieRecipient;
  }>;
}

/**
 * An alert as the list endpoint returns it (`GET /v2/alerts`).
 *
 * @public
 */
export interface OpsgenieAlert {
  id: string;
  tinyId?: string;
  alias?: string;
  message?: string;
  /** `open` or `closed`. */
  status?: string;
  acknowledged?: boolean;
  tags?: string[];
  createdAt: string;
  updatedAt?: string;
  source?: string;
  /** Username of the alert's owner. */
  owner?: string;
  /** `P1` (critical) to `P5` (informational). */
  priority?: string;
  report?: {
    /** Milliseconds from the alert's creation to its first acknowledgement. */
    ackTime?: number;
    /** Milliseconds from the alert's creation to its closing. */
    closeTime?: number;
    acknowledgedBy?: string;
    closedBy?: string;
  };
}
