import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { AlertRecord } from '@reliability/backstage-plugin-common';
import {
  AlertPullRequest,
  AlertSource,
} from '@reliability/backstage-plugin-node';
import {
  PagerDutyAccounts,
  PagerDutyAccountsOptions,
} from './PagerDutyAccounts';
import { PagerDutyClient } from './PagerDutyClient';
import { pagerDutyMappingFor } from './mapping';
import { PagerDutyIncident, PagerDutyLogEntry } from './schemas';

/**
 * Options of {@link PagerDutyAlertSource.create}.
 *
 * @public
 */
export interface PagerDutyAlertSourceOptions {
  accounts: PagerDutyAccounts;
  logger?: LoggerService;
  /**
   * How much earlier than the pull's `since` incidents are asked for. PagerDuty filters incidents
   * by creation time only, so an incident created before `since` and acknowledged or resolved
   * since would be missed; the store merges the re-reads. Default 1 day.
   */
  lookbackMs?: number;
  /** Services per `GET /incidents` request, keeping URLs short. Default 25. */
  servicesPerRequest?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** PagerDuty's longest `since`–`until` range for incidents is 6 months; stay under it. */
const MAX_RANGE_MS = 179 * DAY_MS;

const ACKNOWLEDGE_TYPES = new Set([
  'acknowledge_log_entry',
  // The OpenAPI schema of the entry spells its type this way, the list enum the other.
  'acknowledgement_log_entry',
]);

function iso(value: string): string {
  return new Date(value).toISOString();
}

function byTime(a: PagerDutyLogEntry, b: PagerDutyLogEntry) {
  return Date.parse(a.created_at) - Date.parse(b.created_at);
}

function nameOf(
  reference: { summary?: string | null; id: string } | null | undefined,
) {
  return reference ? reference.summary ?? reference.id : undefined;
}

/**
 * PagerDuty incidents of the services entities are annotated with (`pagerduty.com/service-id`
 * may list several, separated by commas), as {@link AlertRecord}s:
 * `GET /incidents` (all statuses) per account, then each incident's log
 * (`GET /incidents/{id}/log_entries`) for the first acknowledgement, the resolution and who was
 * notified. Triggered incidents have no log to read: their assignees are the responders.
 *
 * `acknowledgedBy`, `resolvedBy` and `responder` are PagerDuty names (log entries carry user
 * references, not emails), or the service's name when an integration resolved the incident.
 *
 * @public
 */
export class PagerDutyAlertSource implements AlertSource {
  readonly type = 'pagerduty';
  readonly #accounts: PagerDutyAccounts;
  readonly #logger?: LoggerService;
  readonly #lookbackMs: number;
  readonly #servicesPerRequest: number;

  /** `undefined` when `reliability.pagerduty` is not configured. */
  static fromConfig(
    config: Config,
    options: PagerDutyAccountsOptions &
      Omit<PagerDutyAlertSourceOptions, 'accounts'> = {},
  ): PagerDutyAlertSource | undefined {
    const accounts = PagerDutyAccounts.fromConfig(config, options);
    return accounts
      ? PagerDutyAlertSource.create({ ...options, accounts })
      : undefined;
  }

  static create(options: PagerDutyAlertSourceOptions) {
    return new PagerDutyAlertSource(options);
  }

  private constructor(options: PagerDutyAlertSourceOptions) {
    this.#accounts = options.accounts;
    this.#logger = options.logger;
    this.#lookbackMs = options.lookbackMs ?? DAY_MS;
    this.#servicesPerRequest = Math.max(1, options.servicesPerRequest ?? 25);
  }

  supports(entity: Entity): boolean {
    return pagerDutyMappingFor(entity) !== undefined;
  }

  /**
   * Entities whose account or service cannot be resolved are logged and skipped, so that one
   * wrong annotation does not stop the others; failures of PagerDuty itself fail the pull.
   */
  async pull(request: AlertPullRequest): Promise<AlertRecord[]> {
    const { signal } = request;
    // Per account, the entity each service's incidents belong to.
    const byAccount = new Map<
      string,
      { client: PagerDutyClient; entityByService: Map<string, string> }
    >();
    const sorted = [...request.entities].sort((a, b) =>
      stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
    );
    for (const entity of sorted) {
      const mapping = pagerDutyMappingFor(entity);
      if (!mapping) {
        continue;
      }
      const entityRef = stringifyEntityRef(entity);
      let resolved;
      try {
        resolved = await this.#accounts.resolveServices(
          entity,
          mapping,
          signal,
        );
      } catch (error) {
        if (signal?.aborted) {
          throw signal.reason;
        }
        if (error instanceof InputError || error instanceof NotFoundError) {
          this.#logger?.warn(
            `PagerDuty alerts of ${entityRef} skipped: ${error.message}`,
          );
          continue;
        }
        throw error;
      }
      const { client, services } = resolved;
      let account = byAccount.get(client.accountId);
      if (!account) {
        account = { client, entityByService: new Map() };
        byAccount.set(client.accountId, account);
      }
      for (const service of services) {
        const owner = account.entityByService.get(service.id);
        if (owner) {
          // Records are keyed by incident id: one incident can only belong to one entity.
          this.#logger?.warn(
            `PagerDuty service ${service.id} is mapped by ${owner} and ${entityRef}; its incidents are recorded for ${owner}`,
          );
          continue;
        }
        account.entityByService.set(service.id, entityRef);
      }
    }

    const records: AlertRecord[] = [];
    for (const { client, entityByService } of byAccount.values()) {
      const serviceIds = [...entityByService.keys()];
      for (const incident of await this.#incidents(
        client,
        serviceIds,
        request,
      )) {
        const entityRef = entityByService.get(incident.service.id);
        if (entityRef) {
          records.push(await this.#record(client, incident, entityRef, signal));
        }
      }
    }
    return records;
  }

  async #incidents(
    client: PagerDutyClient,
    serviceIds: string[],
    request: AlertPullRequest,
  ): Promise<PagerDutyIncident[]> {
    const incidents = new Map<string, PagerDutyIncident>();
    const since = request.since.getTime() - this.#lookbackMs;
    const until = request.until.getTime();
    for (let i = 0; i < serviceIds.length; i += this.#servicesPerRequest) {
      const chunk = serviceIds.slice(i, i + this.#servicesPerRequest);
      for (let start = since; start < until; start += MAX_RANGE_MS) {
        const end = Math.min(start + MAX_RANGE_MS, until);
        const page = await client.listIncidents(
          { serviceIds: chunk, since: new Date(start), until: new Date(end) },
          { signal: request.signal },
        );
        for (const incident of page) {
          incidents.set(incident.id, incident);
        }
      }
    }
    return [...incidents.values()];
  }

  async #record(
    client: PagerDutyClient,
    incident: PagerDutyIncident,
    entityRef: string,
    signal: AbortSignal | undefined,
  ): Promise<AlertRecord> {
    const record: AlertRecord = {
      source: this.type,
      externalId: incident.id,
      entityRef,
      alertName: incident.title,
      ...(incident.incident_key ? { fingerprint: incident.incident_key } : {}),
      summary: incident.title,
      urgency: incident.urgency,
      status: incident.status,
      triggeredAt: iso(incident.created_at),
      ...(incident.html_url ? { url: incident.html_url } : {}),
    };
    const assignee = nameOf(incident.assignments?.[0]?.assignee);
    if (incident.status === 'triggered') {
      return assignee ? { ...record, responder: assignee } : record;
    }

    const log = (
      await client.listIncidentLogEntries(incident.id, { signal })
    ).sort(byTime);
    const acknowledged = log.find(entry => ACKNOWLEDGE_TYPES.has(entry.type));
    const resolved = [...log]
      .reverse()
      .find(entry => entry.type === 'resolve_log_entry');
    const notified = log.find(
      entry => entry.type === 'notify_log_entry' && entry.user,
    );
    const assigned = log.find(
      entry => entry.type === 'assign_log_entry' && entry.assignees?.length,
    );

    // The incident's own fields back up a log that is cut short (old incidents, page cap).
    const firstAcknowledgement = [...(incident.acknowledgements ?? [])].sort(
      (a, b) => Date.parse(a.at) - Date.parse(b.at),
    )[0];
    const acknowledgedAt = acknowledged?.created_at ?? firstAcknowledgement?.at;
    const acknowledgedBy =
      nameOf(acknowledged?.agent) ?? nameOf(firstAcknowledgement?.acknowledger);
    const resolvedAt =
      incident.status === 'resolved'
        ? resolved?.created_at ??
          incident.resolved_at ??
          incident.last_status_change_at ??
          undefined
        : undefined;
    const resolvedBy =
      incident.status === 'resolved'
        ? nameOf(resolved?.agent) ?? nameOf(incident.last_status_change_by)
        : undefined;
    const responder =
      nameOf(notified?.user) ?? nameOf(assigned?.assignees?.[0]) ?? assignee;

    return {
      ...record,
      ...(acknowledgedAt ? { acknowledgedAt: iso(acknowledgedAt) } : {}),
      ...(acknowledgedBy && acknowledgedAt ? { acknowledgedBy } : {}),
      ...(resolvedAt ? { resolvedAt: iso(resolvedAt) } : {}),
      ...(resolvedBy ? { resolvedBy } : {}),
      ...(responder ? { responder } : {}),
    };
  }
}
