import { AlertUrgency } from '../alertQuality/model';

/**
 * The lifecycle of one alert as an alert source reports it (an Alertmanager alert, a PagerDuty
 * incident, an Opsgenie alert). Sources report what they know at the time; the store merges
 * reports of the same `(source, externalId)` so that re-deliveries and overlapping pulls never
 * double-count.
 *
 * @public
 */
export interface AlertRecord {
  /** The source type: `alertmanager`, `pagerduty`, `opsgenie`, or a module's own. */
  source: string;
  /**
   * Identity of this alert occurrence in the source: the incident or alert id, or for
   * Alertmanager the fingerprint plus `startsAt`, so one firing is one record.
   */
  externalId: string;
  /** The catalog entity the alert belongs to. */
  entityRef: string;
  /** The alert rule's name, e.g. `CheckoutHighErrorRate`. */
  alertName?: string;
  /** Stable identity of the alerting series (Alertmanager fingerprint, PagerDuty incident key). */
  fingerprint?: string;
  /** One-line description for lists. */
  summary?: string;
  urgency: AlertUrgency;
  status: 'triggered' | 'acknowledged' | 'resolved';
  /** ISO 8601 with offset. */
  triggeredAt: string;
  acknowledgedAt?: string;
  /** Who acknowledged first: a user entity ref when known, else the source's name for them. */
  acknowledgedBy?: string;
  resolvedAt?: string;
  resolvedBy?: string;
  /** Who was paged: a user entity ref when known, else the source's name for them. */
  responder?: string;
  /** Link to the alert in the source. */
  url?: string;
  /** Runbook named by the alert itself (`runbook_url` annotation). */
  runbookUrl?: string;
}

/**
 * A stored alert: the merged record plus the responder's verdict.
 *
 * @public
 */
export interface StoredAlert extends AlertRecord {
  /** `true` needed action, `false` noise; absent until somebody triages it. */
  actionable?: boolean;
  triagedBy?: string;
  triagedAt?: string;
  /** How many reports were merged into this record. */
  deliveries: number;
}
