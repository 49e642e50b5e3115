import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { buildMonthlyReport } from '@reliability/backstage-plugin-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReportDigestStore } from '../database/ReportDigestStore';
import {
  MONTHLY_REPORT_NOTIFICATION_TOPIC,
  MonthlyReportDigest,
  readMonthlyDigestOwners,
} from './MonthlyReportDigest';
import { MonthlyReportService } from './MonthlyReportService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DECEMBER_2ND = Date.parse('2026-12-02T06:00:00Z');

const catalog = catalogServiceMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'payments',
        title: 'Payments',
        annotations: { 'slack.com/bot-notify': 'C0PAYMENTS' },
      },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'billing' },
      spec: { type: 'team', children: [] },
    },
  ],
});

/**
 * Reports with no SLOs: the digest is about who gets what, not the figures; the payments team's
 * gate was blocked for two hours of November, with one override.
 */
function reportsFor(months: string[]): MonthlyReportService {
  return {
    getReport: async ({
      subject,
      month,
    }: {
      subject: string;
      month: string;
    }) => {
      months.push(month);
      return buildMonthlyReport({
        subject,
        scope: 'group',
        month,
        nowMs: DECEMBER_2ND,
        entities: [],
        slos: [],
        alerts: null,
        levelChanges: [],
        campaigns: [],
        releases:
          subject === 'group:default/payments'
            ? [
                {
                  entityRef: 'component:default/checkout',
                  decisions: [],
                  transitions: [
                    { decision: 'block', at: '2026-11-10T00:00:00.000Z' },
                    { decision: 'allow', at: '2026-11-10T02:00:00.000Z' },
                  ],
                  overrides: [
                    {
                      id: 'o1',
                      entityRef: 'component:default/checkout',
                      approver: 'user:default/alice',
                      reason: 'Hotfix',
                      grantedAt: '2026-11-10T01:00:00.000Z',
                      expiresAt: '2026-11-10T05:00:00.000Z',
                      revokedAt: null,
                      revokedBy: null,
                    },
                  ],
                },
              ]
            : [],
      });
    },
  } as unknown as MonthlyReportService;
}

function recordingNotifications(failFor?: string) {
  const sent: Parameters<NotificationService['send']>[0][] = [];
  const service: NotificationService = {
    async send(options) {
      const recipient = (options.recipients as { entityRef: string }).entityRef;
      if (recipient === failFor) {
        throw new Error('notifications backend unavailable');
      }
      sent.push(options);
    },
  };
  return { sent, service };
}

describe('MonthlyReportDigest', () => {
  it.each(databases.eachSupportedId())(
    'sends each subscribed owner the last month once, though two replicas run it twice each, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const notifications = recordingNotifications();
      const months: string[] = [];
      const replicas = [1, 2].map(() =>
        MonthlyReportDigest.create({
          owners: ['group:default/payments', 'group:default/billing'],
          reports: reportsFor(months),
          store: DatabaseReportDigestStore.create({ knex }),
          notifications: notifications.service,
          catalog,
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
          now: () => DECEMBER_2ND,
        }),
      );
      const runs = await Promise.all([
        ...replicas.map(replica => replica.run()),
        ...replicas.map(replica => replica.run()),
      ]);
      expect(runs.flat().sort()).toEqual([
        'group:default/billing',
        'group:default/payments',
      ]);
      expect(
        notifications.sent.map(n => (n.recipients as any).entityRef).sort(),
      ).toEqual(['group:default/billing', 'group:default/payments']);
      expect(months).toEqual(['2026-11', '2026-11']);
      const payments = notifications.sent.find(
        n => (n.recipients as any).entityRef === 'group:default/payments',
      )!;
      expect(payments.payload).toMatchObject({
        title: 'Reliability report for Payments, 2026-11',
        link: '/reliability/report?owner=group%3Adefault%2Fpayments&month=2026-11',
        topic: MONTHLY_REPORT_NOTIFICATION_TOPIC,
        metadata: { slackChannel: 'C0PAYMENTS' },
      });
      expect(payments.payload.description).toContain(
        'Releases blocked 2 h (1 entity), 1 override.',
      );
      const billing = notifications.sent.find(
        n => (n.recipients as any).entityRef === 'group:default/billing',
      )!;
      expect(billing.payload.metadata).toBeUndefined();
      // No gate data, no release words in the summary line.
      expect(billing.payload.description).not.toMatch(/Releases/);
      expect(
        await DatabaseReportDigestStore.create({ knex }).listSent('2026-11'),
      ).toEqual(['group:default/billing', 'group:default/payments']);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives the claim up when a send fails, so that the next run sends it, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseReportDigestStore.create({ knex });
      const failing = recordingNotifications('group:default/payments');
      const digest = (service: NotificationService, now: number) =>
        MonthlyReportDigest.create({
          owners: ['group:default/payments'],
          reports: reportsFor([]),
          store,
          notifications: service,
          catalog,
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
          now: () => now,
        });
      await expect(digest(failing.service, DECEMBER_2ND).run()).rejects.toThrow(
        'Monthly report digest failed for group:default/payments: Error: notifications backend unavailable',
      );
      const working = recordingNotifications();
      await expect(
        digest(working.service, DECEMBER_2ND).run(),
      ).resolves.toEqual(['group:default/payments']);
      // Next month, the next digest.
      await expect(
        digest(working.service, Date.parse('2027-01-01T01:00:00Z')).run(),
      ).resolves.toEqual(['group:default/payments']);
      expect(working.sent.map(n => n.payload.title)).toEqual([
        'Reliability report for Payments, 2026-11',
        'Reliability report for Payments, 2026-12',
      ]);
    },
  );
});

describe('readMonthlyDigestOwners', () => {
  it('reads group refs and says which entry is wrong', () => {
    expect(
      readMonthlyDigestOwners(
        mockServices.rootConfig({
          data: { reliability: { monthlyDigest: { owners: ['payments'] } } },
        }),
      ),
    ).toEqual(['group:default/payments']);
    expect(() =>
      readMonthlyDigestOwners(
        mockServices.rootConfig({
          data: {
            reliability: {
              monthlyDigest: { owners: ['payments', 'group:default/'] },
            },
          },
        }),
      ),
    ).toThrow('reliability.monthlyDigest.owners[1] must be a group ref');
  });
});
