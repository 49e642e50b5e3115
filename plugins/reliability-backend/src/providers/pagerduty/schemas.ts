/**
 * The parts of PagerDuty REST API v2 responses this module reads, as zod schemas. Objects are
 * loose: PagerDuty adds fields over time and a client must not break on them. Only what the
 * provider and the alert source rely on is required, so that a malformed answer fails with the
 * field at fault rather than with `undefined` somewhere later.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';

const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T[\d:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** An ISO 8601 timestamp with an offset, as PagerDuty renders every date. */
const timestamp = z
  .string()
  .refine(
    value =>
      ISO_WITH_OFFSET.test(value) &&
      DateTime.fromISO(value, { setZone: true }).isValid,
    { message: 'must be an ISO 8601 timestamp with an offset' },
  );

/** A reference to any object: `{ id, type, summary, self, html_url }`. */
const reference = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  summary: z.string().nullish(),
  html_url: z.string().nullish(),
});

/** A user: a reference, or the full object when `include[]=users` asked for it. */
const user = reference.extend({
  name: z.string().optional(),
  email: z.string().optional(),
  time_zone: z.string().nullish(),
});

const escalationRule = z.looseObject({
  id: z.string().optional(),
  escalation_delay_in_minutes: z.number(),
  targets: z.array(reference),
});

/** An escalation policy: a reference, or the full object with its rules. */
const escalationPolicy = reference.extend({
  name: z.string().optional(),
  escalation_rules: z.array(escalationRule).optional(),
  num_loops: z.number().nullish(),
});

const integration = reference.extend({
  integration_key: z.string().nullish(),
});

const service = reference.extend({
  name: z.string(),
  escalation_policy: escalationPolicy,
  integrations: z.array(integration).nullish(),
});

const onCall = z.looseObject({
  user,
  schedule: reference.nullish(),
  escalation_policy: reference,
  escalation_level: z.number().int(),
  start: timestamp.nullish(),
  end: timestamp.nullish(),
});

const incident = reference.extend({
  title: z.string(),
  created_at: timestamp,
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.enum(['high', 'low']),
  incident_key: z.string().nullish(),
  service: reference,
  assignments: z
    .array(z.looseObject({ at: timestamp.nullish(), assignee: user }))
    .nullish(),
  acknowledgements: z
    .array(z.looseObject({ at: timestamp, acknowledger: reference }))
    .nullish(),
  resolved_at: timestamp.nullish(),
  last_status_change_at: timestamp.nullish(),
  last_status_change_by: reference.nullish(),
});

const logEntry = reference.extend({
  type: z.string(),
  created_at: timestamp,
  agent: reference.nullish(),
  user: user.nullish(),
  assignees: z.array(user).nullish(),
});

/** `GET /services/{id}` */
export const serviceResponse = z.looseObject({ service });
/** `GET /escalation_policies/{id}` */
export const escalationPolicyResponse = z.looseObject({
  escalation_policy: escalationPolicy,
});

/** The list responses by their key, each item checked with its schema. */
export const listItemSchemas = {
  services: service,
  oncalls: onCall,
  incidents: incident,
  log_entries: logEntry,
} as const;

/** The pagination fields of every classic-paginated list response. */
export const pageMeta = z.looseObject({
  more: z.boolean().nullish(),
  offset: z.number().nullish(),
  limit: z.number().nullish(),
  total: z.number().nullish(),
});

/**
 * A PagerDuty object reference (`{ id, type, summary, html_url }`).
 *
 * @public
 */
export type PagerDutyReference = z.infer<typeof reference>;
/**
 * A PagerDuty user, as a reference or in full.
 *
 * @public
 */
export type PagerDutyUser = z.infer<typeof user>;
/**
 * A PagerDuty escalation policy, as a reference or in full with `escalation_rules`.
 *
 * @public
 */
export type PagerDutyEscalationPolicy = z.infer<typeof escalationPolicy>;
/**
 * A PagerDuty service.
 *
 * @public
 */
export type PagerDutyService = z.infer<typeof service>;
/**
 * One entry of `GET /oncalls`: a user on call for a policy's level, from `start` to `end`
 * (`null` for permanent on-calls).
 *
 * @public
 */
export type PagerDutyOnCall = z.infer<typeof onCall>;
/**
 * A PagerDuty incident.
 *
 * @public
 */
export type PagerDutyIncident = z.infer<typeof incident>;
/**
 * One entry of an incident's log (`trigger_log_entry`, `acknowledge_log_entry`, …).
 *
 * @public
 */
export type PagerDutyLogEntry = z.infer<typeof logEntry>;
