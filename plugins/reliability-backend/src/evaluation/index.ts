import {
  AuthService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseSloFiles } from '@reliability/backstage-plugin-common';
import {
  apiBudgetAdjustment,
  NamedBudgetAdjustment,
} from './budgetAdjustmentViews';
import { Knex } from 'knex';
import {
  DefaultEntitySloLoader,
  EntitySloLoader,
} from '../catalog/EntitySloLoader';
import { DefaultSloFileReader } from '../catalog/SloFileReader';
import {
  DatabaseEvaluationStore,
  EvaluationStore,
} from '../database/EvaluationStore';
import {
  DatabaseSloDefinitionStore,
  SloDefinitionStore,
} from '../database/SloDefinitionStore';
import { DefaultReliabilityService } from './ReliabilityService';
import {
  DatabaseReleaseGateStore,
  ReleaseGateStore,
} from '../database/ReleaseGateStore';
import {
  BudgetAdjustmentSource,
  DefaultSloEvaluator,
  SliSourceProvider,
  SloEvaluator,
} from './SloEvaluator';
import { DatabaseAlertStore } from '../alerts/AlertStore';
import { readEvaluationSettings } from './config';
import { SloHistoryReader } from './SloHistoryReader';
import { EntitySlosView, ReliabilityService } from './types';
import { EntityViewCache } from './EntityViewCache';
import { notifyingWrites } from './notifyingWrites';

export type * from './types';
export type { SliSourceProvider } from './SloEvaluator';

/**
 * How long another replica's write to the SLO tables may take to show in this replica's entity
 * views (this replica's own writes show at once). The evaluation writes once a minute by default.
 */
const ENTITY_VIEW_TTL_MS = 5000;

/**
 * What {@link createReliabilityServices} gives the plugin.
 *
 * @internal
 */
export interface ReliabilityServices {
  /** What the router serves. */
  service: ReliabilityService;
  /** The SLO definitions, e.g. for the push route and the probes to look SLOs up. */
  definitions: SloDefinitionStore;
  evaluations: EvaluationStore;
  loader: EntitySloLoader;
  evaluator: SloEvaluator;
}

/**
 * The adjustments declared through the API, in the budget engine's terms; those of the SLO
 * files come with the definitions.
 */
function budgetAdjustmentsOf(store: ReleaseGateStore): BudgetAdjustmentSource {
  return async sloIds => {
    const wanted = new Set(sloIds);
    const byId = new Map<string, NamedBudgetAdjustment[]>();
    const all =
      sloIds.length === 1
        ? await store.listAdjustments({ sloId: sloIds[0] })
        : await store.listAdjustments({});
    for (const adjustment of all) {
      if (!wanted.has(adjustment.sloId)) continue;
      const list = byId.get(adjustment.sloId) ?? [];
      list.push(apiBudgetAdjustment(adjustment));
      byId.set(adjustment.sloId, list);
    }
    return byId;
  };
}

/**
 * Creates the stores, the catalog loader, the evaluator and the service over them, and schedules
 * the tasks `reliability-catalog-refresh` and `reliability-evaluate-slos`. Call it in the plugin's
 * `init` after the migrations, with the registry of the SLI source extension point.
 *
 * @internal
 */
export async function createReliabilityServices(options: {
  knex: Knex;
  scheduler: SchedulerService;
  urlReader: UrlReaderService;
  catalog: CatalogService;
  auth: AuthService;
  config: Config;
  logger: LoggerService;
  sliSources: SliSourceProvider;
}): Promise<ReliabilityServices> {
  // The stores' writes drop the views served from memory; everything that writes them gets these.
  const entityViews = new EntityViewCache<EntitySlosView>({
    ttlMs: ENTITY_VIEW_TTL_MS,
    maxEntries: 1000,
  });
  const invalidate = () => entityViews.invalidate();
  const definitions = notifyingWrites(
    DatabaseSloDefinitionStore.create({ knex: options.knex }),
    ['saveEntity', 'touchEntity', 'removeEntity'],
    invalidate,
  );
  const evaluations = notifyingWrites(
    DatabaseEvaluationStore.create({ knex: options.knex }),
    ['save', 'deleteSnapshotsExcept'],
    invalidate,
  );
  const loader = DefaultEntitySloLoader.create({
    catalog: options.catalog,
    auth: options.auth,
    config: options.config,
    logger: options.logger.child({ task: 'reliability-catalog-refresh' }),
    store: definitions,
    reader: DefaultSloFileReader.create({ urlReader: options.urlReader }),
    // The backend builds nothing from alert policies (it evaluates SLOs and generates Sloth's
    // alerts), so a policy kept outside the entity's files does not cost the entity its SLOs;
    // `reliability validate` in CI reports it as an error unless told otherwise.
    parse: files =>
      parseSloFiles(files, { unresolvedAlertReferences: 'warning' }),
  });
  const apiAdjustments = budgetAdjustmentsOf(
    DatabaseReleaseGateStore.create({ knex: options.knex }),
  );
  const evaluator = DefaultSloEvaluator.create({
    definitions,
    evaluations,
    sliSources: options.sliSources,
    config: options.config,
    logger: options.logger.child({ task: 'reliability-evaluate-slos' }),
    budgetAdjustments: apiAdjustments,
  });
  await loader.schedule(options.scheduler);
  await evaluator.schedule(options.scheduler);
  const settings = readEvaluationSettings(options.config);
  const history = SloHistoryReader.create({
    evaluations,
    sliSources: options.sliSources,
    alerts: DatabaseAlertStore.create({ knex: options.knex }),
    defaultPeriodMs: settings.defaultPeriodMs,
    policy: settings.policy,
    budgetAdjustments: apiAdjustments,
  });
  const service = DefaultReliabilityService.create({
    definitions,
    evaluations,
    loader,
    history,
    entityViews,
  });
  return { service, definitions, evaluations, loader, evaluator };
}
