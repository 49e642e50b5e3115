import { AlertRecord } from '@reliability/backstage-plugin-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from '../database/migrations';
import { alertId, DatabaseAlertStore } from './AlertStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return { knex, store: DatabaseAlertStore.create({ knex }) };
}

const firing: AlertRecord = {
  source: 'alertmanager',
  externalId: 'fp1:2026-11-22T10:00:00.000Z',
  entityRef: 'component:default/checkout',
  alertName: 'CheckoutHighErrorRate',
  fingerprint: 'fp1',
  urgency: 'high',
  status: 'triggered',
  triggeredAt: '2026-11-22T10:00:00Z',
};

const resolved: AlertRecord = {
  ...firing,
  status: 'resolved',
  resolvedAt: '2026-11-22T10:30:00Z',
};

describe('DatabaseAlertStore', () => {
  it.each(databases.eachSupportedId())(
    'stores a re-delivered alert once and counts the deliveries, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(await store.upsertAlerts([firing], 1)).toEqual({
        inserted: 1,
        merged: 0,
      });
      expect(await store.upsertAlerts([firing], 2)).toEqual({
        inserted: 0,
        merged: 1,
      });
      expect(await store.countAlerts()).toBe(1);
      const stored = await store.getAlert(
        alertId(firing.source, firing.externalId),
      );
      expect(stored).toMatchObject({
        status: 'triggered',
        deliveries: 2,
        triggeredAt: '2026-11-22T10:00:00.000Z',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'gives the same row whatever order the reports arrive in, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const acknowledged: AlertRecord = {
        ...firing,
        status: 'acknowledged',
        acknowledgedAt: '2026-11-22T10:05:00Z',
        acknowledgedBy: 'user:default/alice',
      };
      await store.upsertAlerts([resolved], 1);
      await store.upsertAlerts([firing], 2);
      await store.upsertAlerts([acknowledged, acknowledged], 3);
      const [alert] = await store.listAlerts({
        entityRefs: [firing.entityRef],
        fromMs: 0,
        toMs: Date.parse('2027-01-01T00:00:00Z'),
        limit: 10,
      });
      expect(alert).toMatchObject({
        status: 'resolved',
        acknowledgedAt: '2026-11-22T10:05:00.000Z',
        acknowledgedBy: 'user:default/alice',
        resolvedAt: '2026-11-22T10:30:00.000Z',
        deliveries: 3,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the earliest acknowledgement and who made it, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.upsertAlerts(
        [
          {
            ...firing,
            status: 'acknowledged',
            acknowledgedAt: '2026-11-22T10:09:00Z',
            acknowledgedBy: 'bob',
          },
          {
            ...firing,
            status: 'acknowledged',
            acknowledgedAt: '2026-11-22T10:02:00Z',
            acknowledgedBy: 'alice',
          },
        ],
        1,
      );
      const alert = await store.getAlert(
        alertId(firing.source, firing.externalId),
      );
      expect(alert?.acknowledgedBy).toBe('alice');
      expect(alert?.acknowledgedAt).toBe('2026-11-22T10:02:00.000Z');
    },
  );

  it.each(databases.eachSupportedId())(
    'lists only the entities and period asked for, oldest first, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.upsertAlerts(
        [
          { ...firing, externalId: 'b', triggeredAt: '2026-11-22T12:00:00Z' },
          { ...firing, externalId: 'a', triggeredAt: '2026-11-22T11:00:00Z' },
          { ...firing, externalId: 'old', triggeredAt: '2026-11-01T11:00:00Z' },
          {
            ...firing,
            externalId: 'other',
            entityRef: 'component:default/payments',
          },
        ],
        1,
      );
      const alerts = await store.listAlerts({
        entityRefs: [firing.entityRef],
        fromMs: Date.parse('2026-11-22T00:00:00Z'),
        toMs: Date.parse('2026-11-23T00:00:00Z'),
        limit: 10,
      });
      expect(alerts.map(a => a.externalId)).toEqual(['a', 'b']);
    },
  );

  it.each(databases.eachSupportedId())(
    'records a triage verdict, and a later delivery keeps it, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.upsertAlerts([firing], 1);
      const id = alertId(firing.source, firing.externalId);
      const triaged = await store.triageAlert(id, {
        actionable: false,
        by: 'user:default/alice',
        atMs: Date.parse('2026-11-22T11:00:00Z'),
      });
      expect(triaged).toMatchObject({
        actionable: false,
        triagedBy: 'user:default/alice',
      });
      await store.upsertAlerts([resolved], 2);
      expect((await store.getAlert(id))?.actionable).toBe(false);
      expect(
        await store.triageAlert('nope', { actionable: true, by: 'x', atMs: 1 }),
      ).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects a record with an invalid time and writes nothing of its batch, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(
        store.upsertAlerts(
          [firing, { ...firing, externalId: 'bad', triggeredAt: 'yesterday' }],
          1,
        ),
      ).rejects.toThrow(/invalid triggeredAt 'yesterday'/);
      expect(await store.countAlerts()).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the progress of pulls per source, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(await store.getPullState('pagerduty')).toBeUndefined();
      await store.setPullState('pagerduty', {
        pulledUntil: 1000,
        attemptedAt: 1000,
      });
      await store.setPullState('pagerduty', {
        error: 'PagerDuty answered 500',
        attemptedAt: 2000,
      });
      expect(await store.getPullState('pagerduty')).toEqual({
        pulledUntil: 1000,
        error: 'PagerDuty answered 500',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates down and up again cleanly, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.upsertAlerts([firing], 1);
      await rollbackDatabaseMigrations(knex);
      expect(await knex.schema.hasTable('reliability_alerts')).toBe(false);
      await applyDatabaseMigrations(knex);
      expect(await knex.schema.hasTable('reliability_alerts')).toBe(true);
    },
  );
});
