import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { readDurationFromConfig } from '@backstage/config';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { reliabilityPermissions } from '@reliability/backstage-plugin-common';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  reliabilityAlertSourcesExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
  reliabilityScorecardChecksExtensionPoint,
  reliabilitySliSourcesExtensionPoint,
} from '@reliability/backstage-plugin-node';
import {
  DatabaseScorecardStore,
  DefaultScorecardService,
  ScorecardCheckCollector,
  ScorecardFactsCollector,
} from './scorecards';
import { AlertEntityResolver } from './alerts/AlertEntityResolver';
import { AlertmanagerReceiver } from './alerts/AlertmanagerReceiver';
import { AlertPuller } from './alerts/AlertPuller';
import { AlertQualityService } from './alerts/AlertQualityService';
import { DatabaseAlertStore } from './alerts/AlertStore';
import { readAlertmanagerOptions } from './alerts/config';
import { DatabaseOnCallAnswerStore } from './oncall/OnCallAnswerStore';
import { DefaultOnCallService } from './oncall/OnCallService';
import {
  DatabaseRunbookCheckStore,
  DefaultRunbookService,
  readRunbookSettings,
  RunbookTreeReader,
  RunbookTreeService,
} from './runbooks';
import { DatabaseRunbookWalkStore } from './database/RunbookWalkStore';
import { DefaultSloFileReader } from './catalog/SloFileReader';
import { ScmIntegrations } from '@backstage/integration';
import {
  AlertSourceRegistry,
  OnCallProviderRegistry,
} from './service/ExtensionRegistries';
import { registerReliabilityActions } from './actions';
import { ReliabilityMetrics } from './metrics/ReliabilityMetrics';
import { MonthlyReportService } from './report/MonthlyReportService';
import {
  MonthlyReportDigest,
  readMonthlyDigestOwners,
} from './report/MonthlyReportDigest';
import { DatabaseReportDigestStore } from './database/ReportDigestStore';
import { applyDatabaseMigrations } from './database/migrations';
import { DatabaseSliBucketStore } from './database/SliBucketStore';
import { DatabaseScorecardFactStore } from './database/ScorecardFactStore';
import { createReliabilityServices } from './evaluation';
import { createRouter } from './service/router';
import { DatabaseReleaseGateStore } from './database/ReleaseGateStore';
import {
  readReleaseGateSettings,
  ReleaseGateNotifier,
  ReleaseGateService,
  ReleasePolicyResolver,
} from './release';
import { SliSourceRegistry } from './service/SliSourceRegistry';
import { readPushOptions, SliEventIngestor } from './sources/push';

/**
 * The Reliability backend plugin: reads the SLO files catalog entities point at, evaluates their
 * error budgets on a schedule and serves them under `/api/reliability`. SLI sources come from
 * modules through `reliabilitySliSourcesExtensionPoint`; the package's default export adds the
 * built-in ones.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const sliSources = new SliSourceRegistry();
    env.registerExtensionPoint(reliabilitySliSourcesExtensionPoint, sliSources);
    const onCallProviders = new OnCallProviderRegistry();
    env.registerExtensionPoint(
      reliabilityOnCallProvidersExtensionPoint,
      onCallProviders,
    );
    const alertSources = new AlertSourceRegistry();
    env.registerExtensionPoint(
      reliabilityAlertSourcesExtensionPoint,
      alertSources,
    );
    const scorecardChecks = new ScorecardCheckCollector();
    env.registerExtensionPoint(
      reliabilityScorecardChecksExtensionPoint,
      scorecardChecks,
    );

    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        metrics: metricsServiceRef,
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        const { config, database, httpRouter, permissionsRegistry } = deps;
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(knex);
        }
        permissionsRegistry.addPermissions(reliabilityPermissions);

        const reliability = await createReliabilityServices({
          knex,
          scheduler: deps.scheduler,
          urlReader: deps.urlReader,
          catalog: deps.catalog,
          auth: deps.auth,
          config,
          logger: deps.logger,
          sliSources,
        });
        const events = SliEventIngestor.create({
          store: DatabaseSliBucketStore.create({ knex }),
          slos: reliability.definitions,
          minuteRetentionMs: readPushOptions(config).minuteRetentionMs,
        });

        const { auth, catalog, logger, scheduler } = deps;
        const onCall = DefaultOnCallService.create({
          catalog,
          auth,
          logger,
          providers: onCallProviders.list(),
          store: DatabaseOnCallAnswerStore.create({ knex }),
        });
        const runbookSettings = readRunbookSettings(config);
        const runbooks = DefaultRunbookService.create({
          store: DatabaseRunbookCheckStore.create({ knex }),
          urlReader: deps.urlReader,
          config,
          logger,
          loadEntity: async (entityRef, { credentials }) =>
            (await catalog.getEntityByRef(entityRef, {
              credentials:
                credentials ?? (await auth.getOwnServiceCredentials()),
            })) ?? undefined,
          loadSloDefinitions: async entityRef =>
            (await reliability.definitions.listEntitySlos(entityRef)).map(
              row => row.slo,
            ),
        });
        const runbookTrees = RunbookTreeService.create({
          reader: RunbookTreeReader.create({
            fileReader: DefaultSloFileReader.create({
              urlReader: deps.urlReader,
            }),
            integrations: ScmIntegrations.fromConfig(config),
          }),
          store: DatabaseRunbookWalkStore.create({ knex }),
          loadEntity: async (entityRef, { credentials }) =>
            (await catalog.getEntityByRef(entityRef, {
              credentials:
                credentials ?? (await auth.getOwnServiceCredentials()),
            })) ?? undefined,
          loadSloDefinitions: async entityRef =>
            (await reliability.definitions.listEntitySlos(entityRef)).map(
              row => row.slo,
            ),
        });
        await scheduler.scheduleTask({
          id: 'reliability-check-runbooks',
          frequency: runbookSettings.checkFrequency,
          timeout: { minutes: 15 },
          initialDelay: { minutes: 1 },
          fn: async signal => {
            const refs = await reliability.definitions.listEntityRefs();
            const credentials = await auth.getOwnServiceCredentials();
            const { items } = await catalog.queryEntities(
              {
                filter: { kind: ['component', 'system', 'resource'] },
                fields: ['kind', 'metadata.namespace', 'metadata.name'],
                limit: 10_000,
              },
              { credentials },
            );
            const all = new Set([
              ...refs,
              ...items.map(item => stringifyEntityRef(item)),
            ]);
            await runbooks.checkAll([...all], { signal });
          },
        });

        const alerts = DatabaseAlertStore.create({ knex });
        const alertQuality = AlertQualityService.create({
          store: alerts,
          onCall,
          catalog,
          auth,
          continuedSources: () =>
            new Map(
              alertSources
                .list()
                .flatMap(source =>
                  source.continues ? [[source.type, source.continues]] : [],
                ),
            ),
        });
        await AlertPuller.create({
          sources: () => alertSources.list(),
          store: alerts,
          catalog,
          auth,
          logger,
        }).schedule(scheduler);
        const alertmanagerOptions = readAlertmanagerOptions(config);
        const alertmanager = alertmanagerOptions.webhookToken
          ? {
              webhookToken: alertmanagerOptions.webhookToken,
              receiver: AlertmanagerReceiver.create({
                store: alerts,
                resolver: AlertEntityResolver.create({
                  catalog,
                  auth,
                  entityLabel: alertmanagerOptions.entityLabel,
                  matchers: alertmanagerOptions.matchers,
                }),
                urgencyRules: alertmanagerOptions.urgencyRules,
              }),
            }
          : undefined;

        const scorecardStore = DatabaseScorecardStore.create({ knex });
        const scorecards = await DefaultScorecardService.create({
          config,
          logger,
          catalog,
          auth,
          store: scorecardStore,
          checks: scorecardChecks.registry(),
          facts: ScorecardFactsCollector.create({
            catalog,
            auth,
            logger,
            slos: reliability.service,
            onCall,
            runbooks,
            alertQuality,
            runbookTrees,
            pagedAlertNames: async (entityRef, period) =>
              (
                await alertQuality.listEntityAlerts(entityRef, period, 5000)
              ).flatMap(alert =>
                alert.urgency === 'high' && alert.alertName
                  ? [alert.alertName]
                  : [],
              ),
          }),
          notifications: deps.notifications,
          urlReader: deps.urlReader,
          factStore: DatabaseScorecardFactStore.create({ knex }),
        });
        await scorecards.schedule(scheduler);

        const releaseStore = DatabaseReleaseGateStore.create({ knex });
        const reports = MonthlyReportService.create({
          catalog,
          slos: reliability.service,
          alertQuality,
          scorecards,
          scorecardStore,
          releaseGateStore: releaseStore,
        });
        await MonthlyReportDigest.create({
          owners: readMonthlyDigestOwners(config),
          reports,
          store: DatabaseReportDigestStore.create({ knex }),
          notifications: deps.notifications,
          catalog,
          auth,
          logger,
        }).schedule(scheduler);
        const releaseSettings = readReleaseGateSettings(config);
        const releaseGate = ReleaseGateService.create({
          catalog,
          auth,
          logger,
          slos: reliability.service,
          store: releaseStore,
          policies: ReleasePolicyResolver.create({
            settings: releaseSettings,
            integrations: ScmIntegrations.fromConfig(config),
            reader: DefaultSloFileReader.create({ urlReader: deps.urlReader }),
          }),
          notifier: ReleaseGateNotifier.create({
            logger,
            notifications: deps.notifications,
          }),
          listEntityRefs: () => reliability.definitions.listEntityRefs(),
        });
        await releaseGate.schedule(scheduler);

        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            logger: deps.logger,
            slos: reliability.service,
            events,
            onCall,
            runbooks,
            alerts,
            alertQuality,
            alertmanager,
            scorecards,
            scorecardStore,
            runbookTrees,
            reports,
            releaseGate: {
              auth,
              gate: releaseGate,
              store: releaseStore,
              slos: reliability.service,
              flaggerWebhookToken: releaseSettings.flaggerWebhookToken,
              maxOverrideDays: releaseSettings.maxOverrideDays,
            },
            userInfo: deps.userInfo,
          }),
        );
        registerReliabilityActions({
          actionsRegistry: deps.actionsRegistry,
          permissions: deps.permissions,
          catalog,
          slos: reliability.service,
          onCall,
          runbooks,
          runbookTrees,
          releaseGate,
          alerts,
          scorecards,
          scorecardStore,
        });
        const metrics = ReliabilityMetrics.create({
          metrics: deps.metrics,
          slos: reliability.service,
          scorecardStore,
          onCall,
          auth,
          logger,
        });
        await metrics.schedule(
          scheduler,
          config.has('reliability.metrics.onCallCoverageFrequency')
            ? readDurationFromConfig(config, {
                key: 'reliability.metrics.onCallCoverageFrequency',
              })
            : { minutes: 5 },
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // Alertmanager cannot get Backstage tokens; the route checks its own bearer token.
        httpRouter.addAuthPolicy({
          path: '/alerts/alertmanager',
          allow: 'unauthenticated',
        });
        // Flagger cannot send Backstage tokens either; the route checks its own token.
        httpRouter.addAuthPolicy({
          path: '/gate/flagger',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
