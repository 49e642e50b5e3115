import {
  AlertRecord,
  AlertUrgency,
} from '@reliability/backstage-plugin-common';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Alertmanager's webhook payload, version 4, as documented in its configuration reference
 * (`webhook_config`). Unknown fields are allowed: Alertmanager may add some in later versions.
 */
const alertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1),
});

const payloadSchema = z.object({
  version: z.literal('4'),
  groupKey: z.string().optional(),
  truncatedAlerts: z.number().optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: z.record(z.string(), z.string()).default({}),
  commonLabels: z.record(z.string(), z.string()).default({}),
  commonAnnotations: z.record(z.string(), z.string()).default({}),
  externalURL: z.string().optional(),
  alerts: z.array(alertSchema).max(10_000),
});

/**
 * One alert of an Alertmanager webhook payload.
 *
 * @internal
 */
export type AlertmanagerAlert = z.infer<typeof alertSchema>;

/**
 * An Alertmanager webhook payload.
 *
 * @internal
 */
export type AlertmanagerPayload = z.infer<typeof payloadSchema>;

/**
 * Validates a webhook body; a wrong body is the sender's mistake (400) and names the first path
 * that is wrong.
 *
 * @internal
 */
export function parseAlertmanagerPayload(body: unknown): AlertmanagerPayload {
  const result = payloadSchema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map(issue => {
      const path = issue.path.length ? issue.path.join('.') : '(body)';
      return `${path}: ${issue.message}`;
    });
    throw new InputError(
      `Not an Alertmanager webhook payload (version 4): ${issues.join('; ')}`,
    );
  }
  return result.data;
}

/**
 * How alert labels decide urgency: alerts whose `label` has one of `values` page a person (high
 * urgency); everything else is a ticket (low).
 *
 * @internal
 */
export interface UrgencyRule {
  label: string;
  values: string[];
}

/**
 * Sloth marks page alerts `sloth_severity="page"`; hand-written rules usually say
 * `severity="critical"` or `severity="page"`.
 *
 * @internal
 */
export const DEFAULT_URGENCY_RULES: UrgencyRule[] = [
  { label: 'sloth_severity', values: ['page'] },
  { label: 'severity', values: ['critical', 'page'] },
];

/** Alertmanager's zero time: what `endsAt` says for alerts without an end. */
const ZERO_TIME = /^0001-01-01T/;

/**
 * Turns one Alertmanager alert into an alert record for `entityRef`. One firing is one record:
 * its identity is the fingerprint plus `startsAt`, so the repeated notifications Alertmanager
 * sends every `repeat_interval`, and the resolved one, all merge into it.
 *
 * @internal
 */
export function alertmanagerAlertToRecord(
  alert: AlertmanagerAlert,
  entityRef: string,
  urgencyRules: UrgencyRule[] = DEFAULT_URGENCY_RULES,
): AlertRecord {
  const startsAt = Date.parse(alert.startsAt);
  if (Number.isNaN(startsAt)) {
    throw new InputError(
      `Alert ${alert.fingerprint} has an invalid startsAt '${alert.startsAt}'`,
    );
  }
  const urgency: AlertUrgency = urgencyRules.some(rule =>
    rule.values.includes(alert.labels[rule.label] ?? ''),
  )
    ? 'high'
    : 'low';
  const record: AlertRecord = {
    source: 'alertmanager',
    externalId: `${alert.fingerprint}:${new Date(startsAt).toISOString()}`,
    entityRef,
    fingerprint: alert.fingerprint,
    urgency,
    status: alert.status === 'resolved' ? 'resolved' : 'triggered',
    triggeredAt: new Date(startsAt).toISOString(),
  };
  const alertName = alert.labels.alertname;
  if (alertName) {
    record.alertName = alertName;
  }
  const summary =
    alert.annotations.summary ?? alert.annotations.title ?? alertName;
  if (summary) {
    record.summary = summary.slice(0, 1000);
  }
  if (
    alert.status === 'resolved' &&
    alert.endsAt &&
    !ZERO_TIME.test(alert.endsAt)
  ) {
    const endsAt = Date.parse(alert.endsAt);
    if (!Number.isNaN(endsAt)) {
      record.resolvedAt = new Date(Math.max(endsAt, startsAt)).toISOString();
    }
  }
  if (alert.status === 'resolved' && !record.resolvedAt) {
    record.status = 'triggered';
  }
  const runbook = alert.annotations.runbook_url ?? alert.annotations.runbook;
  if (runbook && /^https?:\/\//i.test(runbook)) {
    record.runbookUrl = runbook;
  }
  if (alert.generatorURL && /^https?:\/\//i.test(alert.generatorURL)) {
    record.url = alert.generatorURL;
  }
  return record;
}
