import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';
import { DatabaseReleaseGateStore } from './ReleaseGateStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2026-12-02T10:00:00Z');

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return { knex, store: DatabaseReleaseGateStore.create({ knex }) };
}

describe('DatabaseReleaseGateStore', () => {
  it.each(databases.eachSupportedId())(
    'keeps overrides with their state over time and an audit of grant and revoke, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const granted = await store.grantOverride(
        {
          entityRef: 'Component:default/Checkout',
          reason: 'Hotfix',
          approver: 'user:default/alice',
          expiresAtMs: T0 + HOUR,
        },
        T0,
      );
      expect(granted).toMatchObject({
        entityRef: 'component:default/checkout',
        state: 'active',
        expiresAt: new Date(T0 + HOUR).toISOString(),
      });
      const entityRef = 'component:default/checkout';
      expect(
        await store.listOverrides({ entityRef, state: 'active' }, T0),
      ).toHaveLength(1);
      // At its expiry it stops counting.
      expect(
        await store.listOverrides({ entityRef, state: 'active' }, T0 + HOUR),
      ).toEqual([]);
      expect((await store.getOverride(granted.id, T0 + HOUR))?.state).toBe(
        'expired',
      );
      await expect(
        store.revokeOverride(granted.id, 'user:default/bob', T0 + HOUR),
      ).rejects.toThrow(ConflictError);

      const revoked = await store.revokeOverride(
        granted.id,
        'user:default/bob',
        T0 + 1000,
      );
      expect(revoked).toMatchObject({
        state: 'revoked',
        revokedBy: 'user:default/bob',
      });
      expect(await store.revokeOverride('missing', 'x', T0)).toBeUndefined();
      const audit = await store.listOverrideAudit(granted.id);
      expect(audit.map(a => [a.action, a.actor, a.at])).toEqual([
        ['grant', 'user:default/alice', new Date(T0).toISOString()],
        ['revoke', 'user:default/bob', new Date(T0 + 1000).toISOString()],
      ]);
      expect(audit[1].details.state).toBe('revoked');
    },
  );

  it.each(databases.eachSupportedId())(
    'records decisions newest first and keeps the newest 200 per entity, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      for (let i = 0; i < 205; i++) {
        await store.recordDecision({
          entityRef: 'component:default/checkout',
          decision: i % 2 ? 'block' : 'allow',
          rule: 'budget-exhausted',
          summary: `decision ${i}`,
          releaseKind: null,
          requestedBy: 'service:ci',
          via: 'api',
          decidedAt: new Date(T0 + i * 1000).toISOString(),
        });
      }
      const all = await store.listDecisions('component:default/checkout', 500);
      expect(all).toHaveLength(200);
      expect(all[0].summary).toBe('decision 204');
      expect(all[199].summary).toBe('decision 5');
    },
  );

  it.each(databases.eachSupportedId())(
    'swaps the gate state, returning the one before, and lists the blocked entities, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const ref = 'component:default/checkout';
      expect(
        await store.swapGateState(ref, { decision: 'block', summary: 'a' }, T0),
      ).toBeUndefined();
      expect(
        await store.swapGateState(
          ref,
          { decision: 'block', summary: 'b' },
          T0 + 1,
        ),
      ).toBe('block');
      expect(await store.listBlockedEntities()).toEqual([
        { entityRef: ref, since: new Date(T0).toISOString(), summary: 'b' },
      ]);
      expect(
        await store.swapGateState(
          ref,
          { decision: 'allow', summary: 'c' },
          T0 + 2,
        ),
      ).toBe('block');
      expect(await store.listBlockedEntities()).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'records each change of the gate state, not its repetitions, and lists a period with the state it began with, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const ref = 'component:default/checkout';
      await store.swapGateState(ref, { decision: 'allow', summary: 'a' }, T0);
      await store.swapGateState(
        ref,
        { decision: 'block', summary: 'b' },
        T0 + HOUR,
      );
      // Same decision, other reason: no change of state.
      await store.swapGateState(
        ref,
        { decision: 'block', summary: 'c' },
        T0 + 2 * HOUR,
      );
      await store.swapGateState(
        'Component:default/Checkout',
        { decision: 'warn', summary: 'd' },
        T0 + 3 * HOUR,
      );
      await store.swapGateState(
        'component:default/other',
        { decision: 'block', summary: 'e' },
        T0 + HOUR,
      );
      const at = (ms: number) => new Date(ms).toISOString();
      expect(await store.listGateTransitions(ref, T0, T0 + 4 * HOUR)).toEqual([
        { decision: 'allow', at: at(T0) },
        { decision: 'block', at: at(T0 + HOUR) },
        { decision: 'warn', at: at(T0 + 3 * HOUR) },
      ]);
      // From inside the block: the block it began with, then the change in the period.
      expect(
        await store.listGateTransitions(ref, T0 + 2 * HOUR, T0 + 4 * HOUR),
      ).toEqual([
        { decision: 'block', at: at(T0 + HOUR) },
        { decision: 'warn', at: at(T0 + 3 * HOUR) },
      ]);
      expect(
        await store.listGateTransitions(ref, T0 - HOUR, T0 + HOUR),
      ).toEqual([{ decision: 'allow', at: at(T0) }]);
      expect(
        await store.listGateTransitions(
          'component:default/unknown',
          T0,
          T0 + HOUR,
        ),
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    "starts the transitions with each entity's state of before the migration, %p",
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const migration = {
        directory: resolvePackagePath(
          '@reliability/backstage-plugin-backend',
          'migrations',
        ),
        name: '20261202_0508_release_gate_transitions.js',
      };
      await knex.migrate.down(migration);
      await knex('reliability_release_gate_state').insert({
        entity_ref: 'component:default/checkout',
        decision: 'block',
        summary: 'spent',
        updated_at: T0,
      });
      await knex.migrate.up(migration);
      expect(
        await store.listGateTransitions(
          'component:default/checkout',
          T0 + HOUR,
          T0 + 2 * HOUR,
        ),
      ).toEqual([{ decision: 'block', at: new Date(T0).toISOString() }]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps budget adjustments until withdrawn, with their audit, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const created = await store.createAdjustment(
        {
          sloId: 'checkout-availability',
          entityRef: 'component:default/checkout',
          name: 'Maintenance',
          description: null,
          firstEventStart: '2026-11-28T22:00:00.000Z',
          durationMs: 2 * HOUR,
          rrule: 'FREQ=WEEKLY',
          createdBy: 'user:default/alice',
        },
        T0,
      );
      expect(
        await store.listAdjustments({ sloId: 'checkout-availability' }),
      ).toEqual([created]);
      await store.withdrawAdjustment(created.id, 'user:default/bob', T0 + 1);
      expect(await store.listAdjustments({})).toEqual([]);
      await expect(
        store.withdrawAdjustment(created.id, 'x', T0 + 2),
      ).rejects.toThrow(ConflictError);
      expect(
        (await store.listAdjustmentAudit(created.id)).map(a => a.action),
      ).toEqual(['create', 'withdraw']);
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates down, dropping its tables, %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      await expect(
        knex.schema.hasTable('reliability_release_overrides'),
      ).resolves.toBe(true);
      await rollbackDatabaseMigrations(knex);
      for (const table of [
        'reliability_release_overrides',
        'reliability_release_override_audit',
        'reliability_release_decisions',
        'reliability_release_gate_state',
        'reliability_budget_adjustments',
        'reliability_budget_adjustment_audit',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
    },
  );
});
