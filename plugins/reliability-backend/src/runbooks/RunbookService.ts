import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotFoundError, stringifyError } from '@backstage/errors';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { mapWithConcurrency } from '../evaluation/mapWithConcurrency';
import { SsrfGuard } from '../net';
import { RunbookCollection, collectRunbooks } from './collectRunbooks';
import { readRunbookSettings } from './config';
import { findPagingAlertsWithoutRunbook } from './findPagingAlertsWithoutRunbook';
import { RunbookChecker } from './RunbookChecker';
import { RunbookCheckStore, StoredRunbookCheck } from './RunbookCheckStore';
import { RunbookMarkdownReader } from './RunbookMarkdownReader';
import {
  EntityRunbooksView,
  PagingAlertWithoutRunbook,
  RunbookCheckSummary,
  RunbookCheckView,
  RunbookContent,
  RunbookEntityLoader,
  RunbookRequestOptions,
  RunbookService,
  RunbookSloDefinitionsLoader,
} from './types';

/** Entities checked at once by `checkAll`. */
const ENTITY_CONCURRENCY = 4;
/** Runbooks of one entity checked at once. */
const RUNBOOK_CONCURRENCY = 4;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function normalizeEntityRef(entityRef: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(entityRef));
  } catch {
    throw new InputError(
      `Invalid entity ref '${entityRef}'; write it as kind:namespace/name, e.g. component:default/checkout`,
    );
  }
}

function toCheckView(check: StoredRunbookCheck): RunbookCheckView {
  return {
    outcome: check.outcome,
    ...(check.statusCode !== undefined ? { statusCode: check.statusCode } : {}),
    redirectCount: check.redirectCount,
    ...(check.error ? { error: check.error } : {}),
    ...(check.lastModifiedAt !== undefined
      ? { lastModifiedAt: iso(check.lastModifiedAt) }
      : {}),
    checkedAt: iso(check.checkedAt),
    ...(check.lastReachableAt !== undefined
      ? { lastReachableAt: iso(check.lastReachableAt) }
      : {}),
  };
}

interface LoadedEntity {
  entityRef: string;
  collection: RunbookCollection;
  pagingAlertsWithoutRunbook: PagingAlertWithoutRunbook[];
}

/**
 * The {@link RunbookService} of the plugin. Runbooks are collected from the catalog entity and its
 * stored SLOs on every call, so they are never staler than the catalog; only check results are
 * stored.
 *
 * @internal
 */
export class DefaultRunbookService implements RunbookService {
  static create(options: {
    store: RunbookCheckStore;
    urlReader: UrlReaderService;
    config: Config;
    logger: LoggerService;
    loadEntity: RunbookEntityLoader;
    loadSloDefinitions: RunbookSloDefinitionsLoader;
    /** Resolves host names for the SSRF guard; DNS by default. For tests. */
    resolve?: Parameters<typeof SsrfGuard.create>[0]['resolve'];
    /** Epoch milliseconds; for tests. */
    now?: () => number;
  }): DefaultRunbookService {
    const settings = readRunbookSettings(options.config);
    const integrations = ScmIntegrations.fromConfig(options.config);
    const checker = RunbookChecker.create({
      urlReader: options.urlReader,
      integrations,
      guard: SsrfGuard.create({
        allowedHosts: settings.allowedHosts,
        allowPrivateNetworks: settings.allowPrivateNetworks,
        resolve: options.resolve,
      }),
      timeoutMs: settings.timeoutMs,
      now: options.now,
    });
    return new DefaultRunbookService(
      options.store,
      integrations,
      checker,
      RunbookMarkdownReader.create({ urlReader: options.urlReader }),
      options.logger,
      options.loadEntity,
      options.loadSloDefinitions,
    );
  }

  private constructor(
    private readonly store: RunbookCheckStore,
    private readonly integrations: ScmIntegrationRegistry,
    private readonly checker: RunbookChecker,
    private readonly reader: RunbookMarkdownReader,
    private readonly logger: LoggerService,
    private readonly loadEntity: RunbookEntityLoader,
    private readonly loadSloDefinitions: RunbookSloDefinitionsLoader,
  ) {}

  async getEntityRunbooks(
    entityRef: string,
    options: RunbookRequestOptions = {},
  ): Promise<EntityRunbooksView> {
    const loaded = await this.load(entityRef, options);
    return this.view(
      loaded,
      await this.store.listEntityChecks(loaded.entityRef),
    );
  }

  async getRunbookContent(
    entityRef: string,
    runbookId: string,
    options: RunbookRequestOptions = {},
  ): Promise<RunbookContent> {
    const { entityRef: ref, collection } = await this.load(entityRef, options);
    const found = collection.runbooks.find(r => r.runbook.id === runbookId);
    if (!found) {
      throw new NotFoundError(
        `${ref} has no runbook with the id '${runbookId}'; list its runbooks for their ids`,
      );
    }
    if (!found.runbook.markdown) {
      throw new InputError(
        `The runbook ${found.location} of ${ref} is not a Markdown file in a repository; open it by its link`,
      );
    }
    return this.reader.read(found.target, { signal: options.signal });
  }

  async checkEntity(
    entityRef: string,
    options: RunbookRequestOptions = {},
  ): Promise<EntityRunbooksView> {
    const loaded = await this.load(entityRef, options);
    const checks = await mapWithConcurrency(
      loaded.collection.runbooks,
      RUNBOOK_CONCURRENCY,
      async ({ runbook, location, target }) => ({
        runbookId: runbook.id,
        location,
        ...(await this.checker.check(target, options.signal)),
      }),
    );
    for (const check of checks) {
      if (check.outcome !== 'reachable') {
        this.logger.info(
          `Runbook ${check.location} of ${loaded.entityRef} is ${check.outcome}: ${check.error}`,
        );
      }
    }
    await this.store.replaceEntityChecks(loaded.entityRef, checks);
    return this.view(
      loaded,
      await this.store.listEntityChecks(loaded.entityRef),
    );
  }

  async checkAll(
    entityRefs: readonly string[],
    options: { signal?: AbortSignal } = {},
  ): Promise<RunbookCheckSummary> {
    const summary: RunbookCheckSummary = {
      entities: 0,
      runbooks: 0,
      reachable: 0,
      unreachable: 0,
      refused: 0,
      failedEntities: 0,
    };
    await mapWithConcurrency(entityRefs, ENTITY_CONCURRENCY, async ref => {
      if (options.signal?.aborted) {
        return;
      }
      summary.entities += 1;
      try {
        const view = await this.checkEntity(ref, { signal: options.signal });
        for (const { check } of view.runbooks) {
          summary.runbooks += 1;
          if (check) {
            summary[check.outcome] += 1;
          }
        }
      } catch (error) {
        // One entity never stops the others.
        summary.failedEntities += 1;
        if (error instanceof NotFoundError) {
          // It left the catalog: its checks describe nothing any more.
          await this.store.removeEntity(ref).catch(() => undefined);
        }
        this.logger.warn(
          `Failed to check the runbooks of ${ref}: ${stringifyError(error)}`,
        );
      }
    });
    this.logger.info(
      `Checked ${summary.runbooks} runbooks of ${summary.entities} entities: ${summary.reachable} reachable, ${summary.unreachable} unreachable, ${summary.refused} refused, ${summary.failedEntities} entities failed`,
    );
    return summary;
  }

  private async load(
    entityRef: string,
    options: RunbookRequestOptions,
  ): Promise<LoadedEntity> {
    const ref = normalizeEntityRef(entityRef);
    const entity = await this.loadEntity(ref, {
      credentials: options.credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    }
    const slos = await this.loadSloDefinitions(ref);
    return {
      entityRef: ref,
      collection: collectRunbooks(entity, slos, this.integrations),
      pagingAlertsWithoutRunbook: findPagingAlertsWithoutRunbook(slos),
    };
  }

  private view(
    loaded: LoadedEntity,
    checks: StoredRunbookCheck[],
  ): EntityRunbooksView {
    const byId = new Map(checks.map(c => [c.runbookId, c]));
    let latest: number | undefined;
    const runbooks = loaded.collection.runbooks.map(({ runbook }) => {
      const check = byId.get(runbook.id);
      if (check && (latest === undefined || check.checkedAt > latest)) {
        latest = check.checkedAt;
      }
      return check ? { ...runbook, check: toCheckView(check) } : runbook;
    });
    return {
      entityRef: loaded.entityRef,
      runbooks,
      pagingAlertsWithoutRunbook: loaded.pagingAlertsWithoutRunbook,
      problems: loaded.collection.problems,
      ...(latest !== undefined ? { checkedAt: iso(latest) } : {}),
    };
  }
}
