/**
 * A team moving from Opsgenie to Jira Service Management: its entity keeps the Opsgenie
 * annotations, both sources are configured for the migration, and JSM serves the migrated
 * alerts under their Opsgenie ids (and later ones under new ids). Alert quality must show one
 * history: every alert once, with what either source knew about it.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AlertSource } from '@reliability/backstage-plugin-node';
import { AlertPuller } from '../../alerts/AlertPuller';
import { DatabaseAlertStore } from '../../alerts/AlertStore';
import { AlertQualityService } from '../../alerts/AlertQualityService';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from '../../database/migrations';
import { OnCallService } from '../../oncall/OnCallService';
import { OpsgenieAlertSource } from '../opsgenie/OpsgenieAlertSource';
import {
  FakeOpsgenie,
  FakeOpsgenieAlert,
  startFakeOpsgenie,
} from '../opsgenie/__testUtils__/fakeOpsgenie';
import { jsmAlertSourceFromConfig } from './JsmProviders';
import {
  FAKE_JSM_CLOUD_ID,
  FakeJsm,
  startFakeJsm,
} from './__testUtils__/fakeJsm';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;

const billing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'invoices',
    namespace: 'default',
    annotations: { 'opsgenie.com/team': 'billing' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/billing',
  },
};

function alert(
  id: string,
  hoursAgo: number,
  fields: Partial<FakeOpsgenieAlert> = {},
): FakeOpsgenieAlert {
  return {
    id,
    createdAt: new Date(NOW - hoursAgo * HOUR).toISOString(),
    status: 'open',
    acknowledged: false,
    priority: 'P1',
    teams: ['billing'],
    ...fields,
  };
}

describe('moving a team from Opsgenie to Jira Service Management', () => {
  let opsgenie: FakeOpsgenie;
  let jsm: FakeJsm;

  beforeEach(async () => {
    opsgenie = await startFakeOpsgenie();
    jsm = await startFakeJsm();
  });
  afterEach(async () => {
    await opsgenie.close();
    await jsm.close();
  });

  it.each(databases.eachSupportedId())(
    'shows one continuous alert-quality history, each alert counted once, on %p',
    async databaseId => {
      // Before the move: a1 acknowledged in Opsgenie, a2 still open there.
      opsgenie.data.alerts = [
        alert('a1', 30, {
          acknowledged: true,
          report: { ackTime: 5 * 60_000, acknowledgedBy: 'ana@example.com' },
        }),
        alert('a2', 20),
      ];
      // JSM serves both migrated alerts under the same ids (a2 closed since), and a3 is new.
      jsm.data.alerts = [
        alert('a1', 30, {
          acknowledged: true,
          status: 'closed',
          report: {
            ackTime: 5 * 60_000,
            closeTime: 60 * 60_000,
            closedBy: 'x',
          },
        }),
        alert('a2', 20, {
          status: 'closed',
          acknowledged: true,
          report: { ackTime: 10 * 60_000, closeTime: 30 * 60_000 },
        }),
        alert('a3', 2),
      ];

      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseAlertStore.create({ knex });
      const logger = mockServices.logger.mock();
      const sources: AlertSource[] = [
        OpsgenieAlertSource.fromConfig(
          new ConfigReader({
            reliability: {
              opsgenie: { apiKey: opsgenie.apiKey, apiUrl: opsgenie.url },
            },
          }),
          { logger },
        )!,
        jsmAlertSourceFromConfig(
          new ConfigReader({
            reliability: {
              jsm: {
                cloudId: FAKE_JSM_CLOUD_ID,
                email: jsm.email,
                apiToken: jsm.apiToken,
                apiUrl: jsm.url,
              },
            },
          }),
          { logger },
        )!,
      ];
      const catalog = catalogServiceMock({ entities: [billing] });
      const auth = mockServices.auth();
      const results = await AlertPuller.create({
        sources: () => sources,
        store,
        catalog,
        auth,
        logger,
        now: () => NOW,
      }).pullAll();
      expect(results).toEqual([
        { source: 'opsgenie', stored: 2 },
        { source: 'jsm', stored: 3 },
      ]);
      // Both reports are kept: either source may stop reporting, and nothing is lost.
      expect(await store.countAlerts()).toBe(5);

      const quality = AlertQualityService.create({
        store,
        onCall: { getShifts: async () => [] } as unknown as OnCallService,
        catalog,
        auth,
        continuedSources: () =>
          new Map(
            sources.flatMap(s => (s.continues ? [[s.type, s.continues]] : [])),
          ),
      });
      const period = { from: new Date(NOW - 48 * HOUR), to: new Date(NOW) };
      const listed = await quality.listEntityAlerts(
        'component:default/invoices',
        period,
        100,
      );
      expect(listed.map(a => [a.source, a.externalId, a.status])).toEqual([
        ['opsgenie', 'a1', 'resolved'],
        ['opsgenie', 'a2', 'resolved'],
        ['jsm', 'a3', 'triggered'],
      ]);
      // What Opsgenie knew (who acknowledged a1) and what JSM learnt later (closing) together.
      expect(listed[0]).toMatchObject({
        acknowledgedBy: 'ana@example.com',
        acknowledgedAt: new Date(NOW - 30 * HOUR + 5 * 60_000).toISOString(),
        resolvedAt: new Date(NOW - 30 * HOUR + 60 * 60_000).toISOString(),
      });

      const view = await quality.getEntityAlertQuality(
        'component:default/invoices',
        period,
      );
      expect(view.report.pagesUsed).toBe(3);
      expect(view.pagesPer12Hours).toBeCloseTo((3 * 12) / 48);
    },
  );
});
