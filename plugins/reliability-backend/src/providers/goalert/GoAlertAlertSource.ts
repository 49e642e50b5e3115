/**
 * GoAlert alerts of the services entities are annotated with (`goalert.me/service-id`, one id
 * or several), as {@link AlertRecord}s: one search per 50 services over the pull window, oldest
 * first, paged by cursor. GoAlert has no urgency: every alert notifies someone, so every record
 * is high urgency. The acknowledgement and who made it come from the alert's log
 * ("Acknowledged by Jane Doe"), backed up by the metrics GoAlert keeps for closed alerts
 * (`timeToAck`, `closedAt`); the responder is who the first notification went to.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ForwardedError } from '@backstage/errors';
import {
  AlertRecord,
  GOALERT_SERVICE_ID_ANNOTATION,
} from '@reliability/backstage-plugin-common';
import {
  AlertPullRequest,
  AlertSource,
} from '@reliability/backstage-plugin-node';
import { Duration } from 'luxon';
import { annotationIds } from '../mergeOnCallAnswers';
import {
  GOALERT_MAX_SERVICES_PER_SEARCH,
  GoAlertClient,
  GoAlertClientOptions,
} from './GoAlertClient';
import { readGoAlertConfig } from './config';
import { GoAlertAlert } from './queries';

/**
 * What a {@link GoAlertAlertSource} needs.
 *
 * @public
 */
export interface GoAlertAlertSourceOptions {
  client: GoAlertClient;
  logger: LoggerService;
  /** Origin of GoAlert's web UI for links to alerts. */
  webUrl: string;
}

const STATUS: Record<GoAlertAlert['status'], AlertRecord['status']> = {
  StatusUnacknowledged: 'triggered',
  StatusAcknowledged: 'acknowledged',
  StatusClosed: 'resolved',
};

/** Who a log message names: `Acknowledged by Jane Doe (web)` → `Jane Doe`. */
function subject(message: string, prefix: RegExp): string | undefined {
  const match = prefix.exec(message);
  if (!match) {
    return undefined;
  }
  const rest = message
    .slice(match[0].length)
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim();
  return rest && rest !== '[unknown]' ? rest : undefined;
}

function afterCreation(createdMs: number, duration: string | undefined) {
  if (!duration) {
    return undefined;
  }
  const parsed = Duration.fromISO(duration);
  const ms = parsed.isValid ? parsed.toMillis() : NaN;
  // `P0D` is what GoAlert reports for a step that never happened.
  return ms > 0 ? new Date(createdMs + ms).toISOString() : undefined;
}

/**
 * An {@link AlertSource} backed by GoAlert.
 *
 * @public
 */
export class GoAlertAlertSource implements AlertSource {
  readonly type = 'goalert';
  readonly #client: GoAlertClient;
  readonly #logger: LoggerService;
  readonly #webUrl: string;

  /** `undefined` when `reliability.goalert` is not configured; throws when it is wrong. */
  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      client?: Omit<GoAlertClientOptions, 'baseUrl' | 'apiKey'>;
    },
  ): GoAlertAlertSource | undefined {
    const goalert = readGoAlertConfig(config);
    if (!goalert) {
      return undefined;
    }
    return new GoAlertAlertSource({
      client: GoAlertClient.fromConfig(goalert, options.client),
      logger: options.logger,
      webUrl: goalert.webUrl,
    });
  }

  constructor(options: GoAlertAlertSourceOptions) {
    this.#client = options.client;
    this.#logger = options.logger;
    this.#webUrl = options.webUrl;
  }

  supports(entity: Entity): boolean {
    const value =
      entity.metadata.annotations?.[GOALERT_SERVICE_ID_ANNOTATION]?.trim();
    return Boolean(value && annotationIds(value).length > 0);
  }

  /**
   * Searches 50 services at a time. One failing search costs its services only (logged); when
   * every search fails, the pull fails.
   */
  async pull(request: AlertPullRequest): Promise<AlertRecord[]> {
    const entityByService = new Map<string, string>();
    const sorted = [...request.entities].sort((a, b) =>
      stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
    );
    for (const entity of sorted) {
      const value =
        entity.metadata.annotations?.[GOALERT_SERVICE_ID_ANNOTATION];
      const entityRef = stringifyEntityRef(entity);
      for (const id of annotationIds(value ?? '')) {
        const owner = entityByService.get(id);
        if (owner) {
          // Records are keyed by alert id: one alert can only belong to one entity.
          this.#logger.warn(
            `GoAlert service ${id} is mapped by ${owner} and ${entityRef}; its alerts are recorded for ${owner}`,
          );
          continue;
        }
        entityByService.set(id, entityRef);
      }
    }
    const serviceIds = [...entityByService.keys()];
    const records: AlertRecord[] = [];
    const failures: Error[] = [];
    let searches = 0;
    for (
      let i = 0;
      i < serviceIds.length;
      i += GOALERT_MAX_SERVICES_PER_SEARCH
    ) {
      const chunk = serviceIds.slice(i, i + GOALERT_MAX_SERVICES_PER_SEARCH);
      searches += 1;
      try {
        const page = await this.#client.listAlerts({
          serviceIds: chunk,
          since: request.since,
          until: request.until,
          signal: request.signal,
        });
        if (page.truncated) {
          this.#logger.warn(
            `GoAlert alerts of ${chunk.length} services: stopped at the page cap after ${page.items.length} alerts; shorten the pull window`,
          );
        }
        for (const alert of page.items) {
          const entityRef = entityByService.get(alert.serviceID);
          const record = entityRef && this.#toRecord(alert, entityRef);
          if (record) {
            records.push(record);
          }
        }
      } catch (error) {
        if (request.signal?.aborted) {
          throw request.signal.reason;
        }
        const cause = error instanceof Error ? error : new Error(String(error));
        failures.push(cause);
        this.#logger.warn(
          `GoAlert alerts of services ${chunk.join(
            ', ',
          )} could not be pulled: ${cause.message}`,
        );
      }
    }
    if (searches > 0 && failures.length === searches) {
      throw new ForwardedError(
        `GoAlert alerts could not be pulled for any of ${serviceIds.length} services`,
        failures[0],
      );
    }
    return records;
  }

  #toRecord(alert: GoAlertAlert, entityRef: string): AlertRecord | undefined {
    const createdMs = Date.parse(alert.createdAt);
    if (Number.isNaN(createdMs)) {
      this.#logger.warn(
        `GoAlert alert ${alert.alertID} has an unreadable createdAt "${alert.createdAt}"; skipped`,
      );
      return undefined;
    }
    const events = [...(alert.recentEvents?.nodes ?? [])].sort(
      (a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp),
    );
    const acknowledged = events.find(e => /^Acknowledged\b/.test(e.message));
    const closed = [...events].reverse().find(e => /^Closed\b/.test(e.message));
    const notified = events.find(e => /^Notification sent to /.test(e.message));
    const status = STATUS[alert.status] ?? 'triggered';
    const acknowledgedAt = acknowledged
      ? iso(acknowledged.timestamp)
      : afterCreation(createdMs, alert.metrics?.timeToAck);
    const resolvedAt =
      status === 'resolved'
        ? (alert.metrics?.closedAt && iso(alert.metrics.closedAt)) ||
          (closed && iso(closed.timestamp)) ||
          afterCreation(createdMs, alert.metrics?.timeToClose)
        : undefined;
    const acknowledgedBy =
      acknowledged && subject(acknowledged.message, /^Acknowledged by /);
    const resolvedBy = closed && subject(closed.message, /^Closed by /);
    const responder =
      (notified && subject(notified.message, /^Notification sent to /)) ??
      acknowledgedBy;
    return {
      source: this.type,
      externalId: String(alert.alertID),
      entityRef,
      alertName: alert.summary,
      summary: alert.summary,
      urgency: 'high',
      status,
      triggeredAt: new Date(createdMs).toISOString(),
      ...(acknowledgedAt ? { acknowledgedAt } : {}),
      ...(acknowledgedAt && acknowledgedBy ? { acknowledgedBy } : {}),
      ...(resolvedAt ? { resolvedAt } : {}),
      ...(resolvedAt && resolvedBy ? { resolvedBy } : {}),
      ...(responder ? { responder } : {}),
      url: `${this.#webUrl}/alerts/${alert.alertID}`,
    };
  }
}

function iso(value: string): string {
  return new Date(value).toISOString();
}
