import { ConflictError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from '../database/migrations';
import { DatabaseScorecardStore, ScorecardResultWrite } from './ScorecardStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-01T10:00:00Z');

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return { knex, store: DatabaseScorecardStore.create({ knex }) };
}

function request(
  checkId = 'runbook-present',
  entityRef = 'component:default/checkout',
) {
  return {
    entityRef,
    scorecardId: 'readiness',
    checkId,
    reason: 'Runbook in review',
    expiresAt: new Date(T0 + 10 * DAY).toISOString(),
    requestedBy: 'user:default/guest',
  };
}

function result(entityRef: string): ScorecardResultWrite {
  return {
    result: {
      scorecardId: 'readiness',
      entityRef,
      ownerRef: 'group:default/payments',
      applies: true,
      level: 'Bronze',
      levelIndex: 0,
      levels: [{ name: 'Bronze', passed: true, failed: [], unknown: [] }],
      checks: [
        {
          id: 'runbook-present',
          status: 'exempt',
          checkStatus: 'fail',
          message: 'no runbook',
        },
      ],
    },
    entity: { kind: 'Component', namespace: 'default' },
  };
}

describe('DatabaseScorecardStore exemption workflow', () => {
  it.each(databases.eachSupportedId())(
    'takes a request through pending to granted, refused, expired and revoked with an audit record each, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const pending = await store.requestExemption(request(), T0);
      expect(pending).toMatchObject({
        state: 'pending',
        requestedBy: 'user:default/guest',
        requestedAt: new Date(T0).toISOString(),
      });
      expect(pending.grantedBy).toBeUndefined();
      // A pending request exempts nothing.
      await expect(store.listActiveExemptions(T0)).resolves.toEqual([]);
      expect(
        (await store.listExemptions({ state: 'pending' }, T0)).map(e => e.id),
      ).toEqual([pending.id]);

      const granted = await store.decideExemption(
        pending.id,
        { decision: 'grant', by: 'user:default/platform', comment: 'ok' },
        T0 + 1,
      );
      expect(granted).toMatchObject({
        state: 'active',
        grantedBy: 'user:default/platform',
        decisionComment: 'ok',
      });
      expect((await store.listActiveExemptions(T0 + 2)).map(e => e.id)).toEqual(
        [pending.id],
      );
      // Decided once: a second decision is a conflict, not an overwrite.
      await expect(
        store.decideExemption(
          pending.id,
          { decision: 'refuse', by: 'user:default/other', comment: 'no' },
          T0 + 2,
        ),
      ).rejects.toThrow(ConflictError);

      const other = await store.requestExemption(request('dashboard'), T0);
      const refused = await store.decideExemption(
        other.id,
        { decision: 'refuse', by: 'user:default/platform', comment: 'fix it' },
        T0 + 3,
      );
      expect(refused).toMatchObject({
        state: 'refused',
        refusedBy: 'user:default/platform',
        decisionComment: 'fix it',
      });
      await expect(
        store.revokeExemption(other.id, 'user:default/platform', T0 + 4),
      ).rejects.toThrow('refused, not active');

      const revoked = await store.revokeExemption(
        pending.id,
        'user:default/platform',
        T0 + 5,
      );
      expect(revoked?.state).toBe('revoked');

      // A request nobody decided before its expiry date is expired and cannot be granted.
      const lapsed = await store.requestExemption(request('slo'), T0);
      const after = T0 + 11 * DAY;
      expect((await store.getExemption(lapsed.id, after))?.state).toBe(
        'expired',
      );
      await expect(
        store.decideExemption(
          lapsed.id,
          { decision: 'grant', by: 'user:default/platform' },
          after,
        ),
      ).rejects.toThrow('is expired, not pending');
      for (const [state, ids] of [
        ['pending', []],
        ['active', []],
        ['refused', [other.id]],
        ['revoked', [pending.id]],
        ['expired', [lapsed.id]],
      ] as const) {
        expect(
          (await store.listExemptions({ state }, after)).map(e => e.id),
        ).toEqual(ids);
      }

      const audit = await store.listEntityExemptionAudit(
        'Component:default/Checkout',
      );
      expect(audit.map(r => [r.exemptionId, r.action, r.actor])).toEqual([
        [pending.id, 'request', 'user:default/guest'],
        [other.id, 'request', 'user:default/guest'],
        [lapsed.id, 'request', 'user:default/guest'],
        [pending.id, 'grant', 'user:default/platform'],
        [other.id, 'refuse', 'user:default/platform'],
        [pending.id, 'revoke', 'user:default/platform'],
      ]);
      expect(audit[4].details).toMatchObject({ decisionComment: 'fix it' });
    },
  );

  it.each(databases.eachSupportedId())(
    'hands each expiring exemption to exactly one of two concurrent reminder runs, once, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const soon = await store.createExemption(
        {
          ...request(),
          expiresAt: new Date(T0 + 3 * DAY).toISOString(),
          grantedBy: 'user:default/platform',
        },
        T0,
      );
      await store.createExemption(
        { ...request('far'), grantedBy: 'user:default/platform' },
        T0,
      );
      const pendingSoon = await store.requestExemption(
        { ...request('pending'), expiresAt: new Date(T0 + DAY).toISOString() },
        T0,
      );
      const [first, second] = await Promise.all([
        store.claimExemptionReminders(7 * DAY, T0),
        store.claimExemptionReminders(7 * DAY, T0),
      ]);
      const claimed = [...first, ...second].map(e => e.id);
      expect(claimed).toEqual([soon.id]);
      expect(claimed).not.toContain(pendingSoon.id);
      await expect(
        store.claimExemptionReminders(7 * DAY, T0 + DAY),
      ).resolves.toEqual([]);
      const audit = await store.listExemptionAudit(soon.id);
      expect(audit.map(r => r.action)).toEqual(['grant', 'remind']);
      expect((await store.getExemption(soon.id, T0))?.remindedAt).toBe(
        new Date(T0).toISOString(),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'lists only results with an exemption in force when asked for exempted ones, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.writeResults(
        [
          result('component:default/checkout'),
          result('component:default/ledger'),
        ],
        T0,
      );
      await store.createExemption(
        { ...request(), grantedBy: 'user:default/platform' },
        T0,
      );
      await store.requestExemption(
        request('runbook-present', 'component:default/ledger'),
        T0,
      );
      const page = await store.listResults({ exemptedAt: T0, limit: 10 });
      expect(page.items.map(item => item.result.entityRef)).toEqual([
        'component:default/checkout',
      ]);
      const later = await store.listResults({
        exemptedAt: T0 + 11 * DAY,
        limit: 10,
      });
      expect(later.items).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates down past the workflow, dropping requests and keeping grants, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.createExemption(
        { ...request(), grantedBy: 'user:default/platform' },
        T0,
      );
      await store.requestExemption(request('dashboard'), T0);
      // This migration's own down, whatever later migrations exist.
      await knex.migrate.down({
        directory: `${__dirname}/../../migrations`,
        name: '20261202_0200_scorecard_exemption_requests.js',
      });
      const rows = await knex('reliability_scorecard_exemptions');
      expect(rows.map(row => row.check_id)).toEqual(['runbook-present']);
      expect(rows[0]).not.toHaveProperty('status');
      await applyDatabaseMigrations(knex);
      expect(
        (await store.listActiveExemptions(T0)).map(e => e.checkId),
      ).toEqual(['runbook-present']);
      await rollbackDatabaseMigrations(knex);
      expect(
        await knex.schema.hasTable('reliability_scorecard_exemptions'),
      ).toBe(false);
    },
  );
});
