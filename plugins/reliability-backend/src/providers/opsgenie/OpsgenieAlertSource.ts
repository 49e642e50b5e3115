/**
 * Alerts pulled from Opsgenie for entities annotated with `opsgenie.com/component-selector` (an
 * Opsgenie alert search query, as the Opsgenie frontend plugin uses it verbatim) or, failing
 * that, `opsgenie.com/team` (alerts of the team: `teams:<team>`).
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ForwardedError } from '@backstage/errors';
import {
  AlertRecord,
  AlertUrgency,
  OPSGENIE_COMPONENT_SELECTOR_ANNOTATION,
  OPSGENIE_TEAM_ANNOTATION,
} from '@reliability/backstage-plugin-common';
import {
  AlertPullRequest,
  AlertSource,
} from '@reliability/backstage-plugin-node';
import {
  OpsgenieApi,
  OpsgenieClient,
  OpsgenieClientOptions,
} from './OpsgenieClient';
import { readOpsgenieConfig } from './config';
import { OpsgenieAlert } from './types';
import { OpsgenieUserRefResolver, opsgenieAlertUrl } from './webLinks';

/**
 * What an {@link OpsgenieAlertSource} needs.
 *
 * @public
 */
export interface OpsgenieAlertSourceOptions {
  client: OpsgenieApi;
  /**
   * Which product speaks through `client`; default Opsgenie itself, with the Opsgenie
   * annotations and {@link opsgenieAlertQuery}.
   */
  flavour?: OpsgenieAlertFlavour;
  logger: LoggerService;
  /** Origin of the account's web UI; without it, alerts have no link. */
  webUrl?: string;
  resolveUserRef?: OpsgenieUserRefResolver;
}

/**
 * The urgency of an Opsgenie priority: `P1` (critical) and `P2` (high) page at once, so they are
 * `high`; `P3` (moderate, Opsgenie's default), `P4` and `P5` are `low`, as is an alert without
 * a priority.
 *
 * @public
 */
export function opsgenieUrgency(priority: string | undefined): AlertUrgency {
  return priority === 'P1' || priority === 'P2' ? 'high' : 'low';
}

/** A team name as a search value, quoted when it holds more than letters, digits, `-` and `_`. */
function searchValue(value: string): string {
  return /^[\w-]+$/.test(value)
    ? value
    : `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * The Opsgenie search query for the entity's alerts created in `[since, until)`, or
 * `undefined` when it has neither annotation. Times are epoch milliseconds, which the search
 * syntax accepts for `createdAt`.
 *
 * @public
 */
export function opsgenieAlertQuery(
  entity: Entity,
  since: Date,
  until: Date,
): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const selector = annotations[OPSGENIE_COMPONENT_SELECTOR_ANNOTATION]?.trim();
  const team = annotations[OPSGENIE_TEAM_ANNOTATION]?.trim();
  let base: string | undefined;
  if (selector) {
    base = `(${selector})`;
  } else if (team) {
    base = `teams:${searchValue(team)}`;
  }
  return base
    ? `${base} AND createdAt >= ${since.getTime()} AND createdAt < ${until.getTime()}`
    : undefined;
}

/**
 * A product with Opsgenie's alerts (same search syntax, same alert fields): its source type,
 * how an entity's alerts are selected, and the source whose alerts it continues, if any.
 *
 * @public
 */
export interface OpsgenieAlertFlavour {
  type: string;
  product: string;
  /** The search query of the entity's alerts created in `[since, until)`, or `undefined`. */
  query(entity: Entity, since: Date, until: Date): string | undefined;
  /** The annotation to narrow when the page cap is reached. */
  selectorAnnotation: string;
  /** See `AlertSource.continues`. */
  continues?: string;
}

const OPSGENIE_ALERT_FLAVOUR: OpsgenieAlertFlavour = {
  type: 'opsgenie',
  product: 'Opsgenie',
  query: opsgenieAlertQuery,
  selectorAnnotation: OPSGENIE_COMPONENT_SELECTOR_ANNOTATION,
};

/**
 * An {@link AlertSource} backed by Opsgenie alerts.
 *
 * @public
 */
export class OpsgenieAlertSource implements AlertSource {
  readonly type: string;
  readonly continues?: string;
  readonly #flavour: OpsgenieAlertFlavour;
  readonly #client: OpsgenieApi;
  readonly #logger: LoggerService;
  readonly #webUrl?: string;
  readonly #resolveUserRef?: OpsgenieUserRefResolver;

  /**
   * The source for `reliability.opsgenie`; `undefined` when it is not configured. Throws when
   * the config is wrong.
   */
  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      resolveUserRef?: OpsgenieUserRefResolver;
      /** Client settings other than the key and URL, e.g. timeouts; `fetch` for tests. */
      client?: Omit<OpsgenieClientOptions, 'apiKey' | 'apiUrl'>;
    },
  ): OpsgenieAlertSource | undefined {
    const opsgenie = readOpsgenieConfig(config);
    if (!opsgenie) {
      return undefined;
    }
    return new OpsgenieAlertSource({
      client: OpsgenieClient.fromConfig(opsgenie, options.client),
      logger: options.logger,
      webUrl: opsgenie.webUrl,
      resolveUserRef: options.resolveUserRef,
    });
  }

  constructor(options: OpsgenieAlertSourceOptions) {
    this.#flavour = options.flavour ?? OPSGENIE_ALERT_FLAVOUR;
    this.type = this.#flavour.type;
    this.continues = this.#flavour.continues;
    this.#client = options.client;
    this.#logger = options.logger;
    this.#webUrl = options.webUrl;
    this.#resolveUserRef = options.resolveUserRef;
  }

  supports(entity: Entity): boolean {
    const probe = new Date(0);
    return this.#flavour.query(entity, probe, probe) !== undefined;
  }

  /**
   * Reads entity by entity, so that one bad selector costs only its entity: its failure is
   * logged. When every entity fails (a wrong key, Opsgenie down), the pull fails.
   */
  async pull(request: AlertPullRequest): Promise<AlertRecord[]> {
    const records: AlertRecord[] = [];
    const failures: Array<{ entityRef: string; error: Error }> = [];
    let attempted = 0;
    for (const entity of request.entities) {
      const query = this.#flavour.query(entity, request.since, request.until);
      if (!query) {
        continue;
      }
      attempted += 1;
      const entityRef = stringifyEntityRef(entity);
      try {
        const page = await this.#client.listAlerts(query, {
          signal: request.signal,
        });
        if (page.truncated) {
          this.#logger.warn(
            `${
              this.#flavour.product
            } alerts of ${entityRef}: stopped at the page cap after ${
              page.items.length
            } alerts; shorten the pull window or narrow ${
              this.#flavour.selectorAnnotation
            }`,
          );
        }
        for (const alert of page.items) {
          const record = this.#toRecord(alert, entityRef);
          if (record) {
            records.push(record);
          } else {
            this.#logger.warn(
              `${this.#flavour.product} alert ${
                alert.id
              } of ${entityRef} has an unreadable createdAt "${
                alert.createdAt
              }"; skipped`,
            );
          }
        }
      } catch (error) {
        if (request.signal?.aborted) {
          throw request.signal.reason;
        }
        const cause = error instanceof Error ? error : new Error(String(error));
        failures.push({ entityRef, error: cause });
        this.#logger.warn(
          `${
            this.#flavour.product
          } alerts of ${entityRef} could not be pulled: ${cause.message}`,
        );
      }
    }
    if (attempted > 0 && failures.length === attempted) {
      throw new ForwardedError(
        `${
          this.#flavour.product
        } alerts could not be pulled for any of ${attempted} entities`,
        failures[0].error,
      );
    }
    return records;
  }

  #toRecord(alert: OpsgenieAlert, entityRef: string): AlertRecord | undefined {
    const createdMs = Date.parse(alert.createdAt);
    if (Number.isNaN(createdMs)) {
      return undefined;
    }
    const report = alert.report ?? {};
    // `ackTime` and `closeTime` are milliseconds since the alert was created.
    const acknowledgedAt =
      typeof report.ackTime === 'number' && report.ackTime >= 0
        ? new Date(createdMs + report.ackTime).toISOString()
        : undefined;
    const closed = alert.status === 'closed';
    const resolvedAt =
      closed && typeof report.closeTime === 'number' && report.closeTime >= 0
        ? new Date(createdMs + report.closeTime).toISOString()
        : undefined;
    const acknowledgedBy = this.#user(report.acknowledgedBy);
    let status: AlertRecord['status'] = 'triggered';
    if (closed) {
      status = 'resolved';
    } else if (alert.acknowledged || acknowledgedAt) {
      status = 'acknowledged';
    }
    return {
      source: this.type,
      externalId: alert.id,
      entityRef,
      fingerprint: alert.alias || undefined,
      summary: alert.message,
      urgency: opsgenieUrgency(alert.priority),
      status,
      triggeredAt: new Date(createdMs).toISOString(),
      acknowledgedAt,
      acknowledgedBy,
      resolvedAt,
      resolvedBy: closed ? this.#user(report.closedBy) : undefined,
      // Acknowledging takes ownership in Opsgenie; before that the owner is who it was assigned to.
      responder: acknowledgedBy ?? this.#user(alert.owner),
      url: this.#webUrl ? opsgenieAlertUrl(this.#webUrl, alert.id) : undefined,
    };
  }

  #user(username: string | undefined): string | undefined {
    if (!username) {
      return undefined;
    }
    return this.#resolveUserRef?.({ username }) ?? username;
  }
}
