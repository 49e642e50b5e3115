import { AlertRecord } from '@reliability/backstage-plugin-common';
import { AlertEntityResolver } from './AlertEntityResolver';
import {
  alertmanagerAlertToRecord,
  parseAlertmanagerPayload,
  UrgencyRule,
} from './alertmanagerWebhook';
import { AlertStore } from './AlertStore';

/**
 * What one webhook delivery did.
 *
 * @internal
 */
export interface AlertmanagerDeliveryResult {
  /** Alerts in the payload. */
  received: number;
  /** Occurrences seen for the first time. */
  stored: number;
  /** Occurrences merged into a row that existed (re-deliveries, resolutions). */
  merged: number;
  /** Alerts that map to no catalog entity, with the reason; they are not stored. */
  unmapped: Array<{ fingerprint: string; alertName?: string; reason: string }>;
}

/**
 * Receives Alertmanager's webhook: maps each alert to its entity and stores its lifecycle.
 * Unmapped alerts are answered, not failed, so that Alertmanager does not retry them forever.
 *
 * @internal
 */
export class AlertmanagerReceiver {
  static create(options: {
    store: AlertStore;
    resolver: AlertEntityResolver;
    urgencyRules: UrgencyRule[];
    now?: () => number;
  }): AlertmanagerReceiver {
    return new AlertmanagerReceiver(options);
  }

  private constructor(
    private readonly options: {
      store: AlertStore;
      resolver: AlertEntityResolver;
      urgencyRules: UrgencyRule[];
      now?: () => number;
    },
  ) {}

  async receive(body: unknown): Promise<AlertmanagerDeliveryResult> {
    const payload = parseAlertmanagerPayload(body);
    const records: AlertRecord[] = [];
    const unmapped: AlertmanagerDeliveryResult['unmapped'] = [];
    for (const alert of payload.alerts) {
      // Group labels are shared by every alert of the notification; the alert's own win.
      const labels = { ...payload.commonLabels, ...alert.labels };
      const match = await this.options.resolver.resolve(labels);
      if (match.reason !== undefined) {
        unmapped.push({
          fingerprint: alert.fingerprint,
          ...(labels.alertname ? { alertName: labels.alertname } : {}),
          reason: match.reason,
        });
        continue;
      }
      records.push(
        alertmanagerAlertToRecord(
          { ...alert, labels },
          match.entityRef,
          this.options.urgencyRules,
        ),
      );
    }
    const now = (this.options.now ?? Date.now)();
    const { inserted, merged } = records.length
      ? await this.options.store.upsertAlerts(records, now)
      : { inserted: 0, merged: 0 };
    return {
      received: payload.alerts.length,
      stored: inserted,
      merged,
      unmapped,
    };
  }
}
