import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { PAGERDUTY_SERVICE_ID_ANNOTATION } from '@reliability/backstage-plugin-common';
import { OnCallMapping } from '@reliability/backstage-plugin-node';
import { RetryPolicy, Sleep } from '../../net/retry';
import { PagerDutyConfig, readPagerDutyConfig } from './config';
import { PAGERDUTY_ACCOUNT_ANNOTATION } from './mapping';
import { annotationIds } from '../mergeOnCallAnswers';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyService } from './schemas';

/**
 * Options shared by everything that talks to PagerDuty: the clients' tuning and test seams.
 *
 * @public
 */
export interface PagerDutyAccountsOptions {
  logger?: LoggerService;
  /** Timeout of one HTTP request. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Items per page, at most 100. Default 100. */
  pageSize?: number;
  /** Pages read of one list before giving up. Default 50. */
  maxPages?: number;
  /** Replaces the global `fetch`, for tests. */
  fetch?: typeof fetch;
  /** Replaces the backoff wait, for tests. */
  sleep?: Sleep;
}

/**
 * The configured PagerDuty accounts, one {@link PagerDutyClient} each, and how an entity finds its
 * account and service.
 *
 * @public
 */
export class PagerDutyAccounts {
  readonly defaultAccountId: string;
  readonly #clients: Map<string, PagerDutyClient>;

  /** `undefined` when `reliability.pagerduty` is absent. */
  static fromConfig(
    config: Config,
    options: PagerDutyAccountsOptions = {},
  ): PagerDutyAccounts | undefined {
    const pagerDuty = readPagerDutyConfig(config);
    return pagerDuty ? PagerDutyAccounts.create(pagerDuty, options) : undefined;
  }

  static create(
    config: PagerDutyConfig,
    options: PagerDutyAccountsOptions = {},
  ): PagerDutyAccounts {
    const clients = new Map(
      config.accounts.map(account => [
        account.id,
        new PagerDutyClient({
          ...options,
          accountId: account.id,
          apiToken: account.apiToken,
          apiBaseUrl: account.apiBaseUrl,
          tokenConfigKey: account.tokenConfigKey,
        }),
      ]),
    );
    return new PagerDutyAccounts(clients, config.defaultAccountId);
  }

  private constructor(
    clients: Map<string, PagerDutyClient>,
    defaultAccountId: string,
  ) {
    this.#clients = clients;
    this.defaultAccountId = defaultAccountId;
  }

  /** The account ids, in config order. */
  get accountIds(): string[] {
    return [...this.#clients.keys()];
  }

  /**
   * The client of the entity's account: `pagerduty.com/account`, else the default. Throws
   * `InputError` when the annotation names an account that is not configured.
   */
  clientFor(entity: Entity): PagerDutyClient {
    const named =
      entity.metadata.annotations?.[PAGERDUTY_ACCOUNT_ANNOTATION]?.trim();
    const client = this.#clients.get(named || this.defaultAccountId);
    if (!client) {
      throw new InputError(
        `${stringifyEntityRef(
          entity,
        )} names the PagerDuty account "${named}" in ${PAGERDUTY_ACCOUNT_ANNOTATION}, but reliability.pagerduty.accounts only has ${this.accountIds
          .map(id => `"${id}"`)
          .join(', ')}: fix the annotation or add the account`,
      );
    }
    return client;
  }

  /**
   * The entity's services: those `pagerduty.com/service-id` lists (one id, or several separated
   * by commas), or the one of its integration key. Throws as {@link resolveService} does.
   */
  async resolveServices(
    entity: Entity,
    mapping: OnCallMapping,
    signal?: AbortSignal,
  ): Promise<{ client: PagerDutyClient; services: PagerDutyService[] }> {
    if (mapping.annotation !== PAGERDUTY_SERVICE_ID_ANNOTATION) {
      const { client, service } = await this.resolveService(
        entity,
        mapping,
        signal,
      );
      return { client, services: [service] };
    }
    const client = this.clientFor(entity);
    const services = await Promise.all(
      annotationIds(mapping.value).map(id => client.getService(id, { signal })),
    );
    return { client, services };
  }

  /**
   * The entity's service, its escalation policy included: by id, or by looking the integration
   * key up. Throws `NotFoundError` when PagerDuty has neither. With several service ids, the
   * first; use {@link resolveServices} for all.
   */
  async resolveService(
    entity: Entity,
    mapping: OnCallMapping,
    signal?: AbortSignal,
  ): Promise<{ client: PagerDutyClient; service: PagerDutyService }> {
    const client = this.clientFor(entity);
    if (mapping.annotation === PAGERDUTY_SERVICE_ID_ANNOTATION) {
      return {
        client,
        service: await client.getService(annotationIds(mapping.value)[0], {
          signal,
        }),
      };
    }
    const service = await client.findServiceByIntegrationKey(mapping.value, {
      signal,
    });
    if (!service) {
      throw new NotFoundError(
        `PagerDuty account "${
          client.accountId
        }" has no service with the integration key in ${
          mapping.annotation
        } of ${stringifyEntityRef(
          entity,
        )}: check the key, or use pagerduty.com/service-id instead`,
      );
    }
    return { client, service };
  }
}
