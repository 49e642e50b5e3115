import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AlertRecord } from '@reliability/backstage-plugin-common';

/**
 * What the scheduled pull asks an alert source for.
 *
 * @public
 */
export interface AlertPullRequest {
  /** The catalog entities this source maps (those for which `supports` returned true). */
  entities: Entity[];
  /** Alerts triggered or updated at or after this time. */
  since: Date;
  until: Date;
  signal?: AbortSignal;
}

/**
 * A system alerts are pulled from on a schedule (PagerDuty incidents, Opsgenie alerts, a module's
 * own). Pushed alerts (the Alertmanager webhook) do not need one. Records are stored idempotently
 * by `(source, externalId)`, so a source may return the same alert in overlapping pulls.
 *
 * @public
 */
export interface AlertSource {
  /** Unique type name, stored as `AlertRecord.source`. */
  readonly type: string;
  /**
   * Optional: the type of a source whose alerts this one reports again under the same
   * `externalId`, as Jira Service Management reports the alerts of the Opsgenie account it was
   * migrated from. Alert quality then counts such an alert once (the rows are merged), so that
   * a team moving between the two keeps one continuous history.
   */
  readonly continues?: string;
  /** Whether the entity is mapped to this source (reads annotations only, no I/O). */
  supports(entity: Entity): boolean;
  /** Alert records for the entities; each record's `entityRef` names one of them. */
  pull(request: AlertPullRequest): Promise<AlertRecord[]>;
}

/**
 * Lets backend modules add alert sources. The built-in ones register through it as well.
 *
 * @public
 */
export interface ReliabilityAlertSourcesExtensionPoint {
  addAlertSource(...sources: AlertSource[]): void;
}

/**
 * The extension point for {@link AlertSource}s.
 *
 * @public
 */
export const reliabilityAlertSourcesExtensionPoint =
  createExtensionPoint<ReliabilityAlertSourcesExtensionPoint>({
    id: 'reliability.alert-sources',
  });
