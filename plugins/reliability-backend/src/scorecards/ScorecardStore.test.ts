import { ConflictError, InputError } from '@backstage/errors';
import type { ScorecardResult } from '@reliability/backstage-plugin-common';
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

function write(
  entityRef: string,
  levelIndex: number,
  options: {
    scorecardId?: string;
    owner?: string;
    tier?: number;
    check?: 'pass' | 'fail';
  } = {},
): ScorecardResultWrite {
  const levels = ['Bronze', 'Silver'];
  const result: ScorecardResult = {
    scorecardId: options.scorecardId ?? 'readiness',
    entityRef,
    ownerRef: options.owner ?? 'group:default/payments',
    applies: true,
    level: levelIndex >= 0 ? levels[levelIndex] : undefined,
    levelIndex,
    levels: levels.map((name, index) => ({
      name,
      passed: index <= levelIndex,
      failed: index <= levelIndex ? [] : ['runbook-present'],
      unknown: [],
    })),
    checks: [
      {
        id: 'runbook-present',
        status: options.check ?? (levelIndex >= 1 ? 'pass' : 'fail'),
        checkStatus: options.check ?? (levelIndex >= 1 ? 'pass' : 'fail'),
        message: 'one runbook',
      },
    ],
  };
  return {
    result,
    entity: {
      kind: 'Component',
      namespace: 'default',
      type: 'service',
      lifecycle: 'production',
      tier: options.tier,
    },
  };
}

describe('DatabaseScorecardStore', () => {
  it.each(databases.eachSupportedId())(
    'stores the latest result and tells the previous level, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const first = await store.writeResults(
        [write('component:default/a', 1, { tier: 1 })],
        T0,
      );
      expect(first).toEqual([
        {
          scorecardId: 'readiness',
          entityRef: 'component:default/a',
          previous: undefined,
          current: { level: 'Silver', levelIndex: 1 },
          changed: true,
        },
      ]);
      const second = await store.writeResults(
        [write('component:default/a', 0, { tier: 1 })],
        T0 + 1000,
      );
      expect(second[0]).toMatchObject({
        previous: { level: 'Silver', levelIndex: 1 },
        current: { level: 'Bronze', levelIndex: 0 },
        changed: true,
      });
      const [stored] = await store.listEntityResults('component:default/a');
      expect(stored).toMatchObject({
        result: { level: 'Bronze', levelIndex: 0 },
        entity: { kind: 'component', tier: 1, type: 'service' },
        evaluatedAt: new Date(T0 + 1000).toISOString(),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'writes history on change and one snapshot per day, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const ref = 'component:default/a';
      await store.writeResults([write(ref, 1)], T0); // change (first)
      await store.writeResults([write(ref, 1)], T0 + 60_000); // same day, same: nothing
      await store.writeResults([write(ref, 0)], T0 + 120_000); // change
      await store.writeResults([write(ref, 0)], T0 + DAY); // next day: snapshot
      await store.writeResults([write(ref, 0)], T0 + DAY + 1); // nothing
      const history = await store.listHistory({
        scorecardId: 'readiness',
        entityRef: ref,
        fromMs: T0 - DAY,
        toMs: T0 + 2 * DAY,
      });
      expect(history.map(entry => [entry.reason, entry.level])).toEqual([
        ['change', 'Silver'],
        ['change', 'Bronze'],
        ['snapshot', 'Bronze'],
      ]);
      expect(history[1].checks).toEqual({ 'runbook-present': 'fail' });

      const daily = await store.listDailyLevels({
        scorecardId: 'readiness',
        fromDay: '2026-11-01',
        toDay: '2026-11-02',
      });
      // The last level of each day counts.
      expect(daily.map(row => [row.day, row.level])).toEqual([
        ['2026-11-01', 'Bronze'],
        ['2026-11-02', 'Bronze'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists results with filters, sort and a cursor, and rejects a bad cursor, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.writeResults(
        [
          write('component:default/a', 1, { tier: 1 }),
          write('component:default/b', 0, { tier: 2 }),
          write('component:default/c', -1, {
            tier: 1,
            owner: 'group:default/web',
          }),
          write('component:default/d', 1, { tier: 1 }),
        ],
        T0,
      );
      const first = await store.listResults({
        sort: 'level',
        order: 'desc',
        limit: 2,
      });
      expect(first.items.map(item => item.result.entityRef)).toEqual([
        'component:default/d',
        'component:default/a',
      ]);
      const second = await store.listResults({
        sort: 'level',
        order: 'desc',
        limit: 2,
        cursor: first.nextCursor,
      });
      expect(second.items.map(item => item.result.entityRef)).toEqual([
        'component:default/b',
        'component:default/c',
      ]);
      expect(second.nextCursor).toBeUndefined();

      const filtered = await store.listResults({
        tier: 1,
        ownerRef: 'group:default/payments',
        level: 'silver',
        limit: 10,
      });
      expect(filtered.items.map(item => item.result.entityRef)).toEqual([
        'component:default/a',
        'component:default/d',
      ]);
      const none = await store.listResults({ level: null, limit: 10 });
      expect(none.items.map(item => item.result.entityRef)).toEqual([
        'component:default/c',
      ]);

      await expect(
        store.listResults({ limit: 2, cursor: 'not-a-cursor' }),
      ).rejects.toThrow(InputError);
      // A cursor of another sort order is refused rather than misread.
      await expect(
        store.listResults({
          limit: 2,
          sort: 'entity',
          cursor: first.nextCursor,
        }),
      ).rejects.toThrow(InputError);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes stale results and old history, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.writeResults([write('component:default/old', 1)], T0);
      await store.writeResults([write('component:default/new', 1)], T0 + DAY);
      await expect(store.deleteResultsEvaluatedBefore(T0 + DAY)).resolves.toBe(
        1,
      );
      const left = await store.listScorecardResults('readiness');
      expect(left.map(item => item.result.entityRef)).toEqual([
        'component:default/new',
      ]);
      await expect(store.deleteHistoryBefore(T0 + 1)).resolves.toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'grants, revokes and expires exemptions with an audit record each, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const grant = (checkId: string, expiresInMs: number) =>
        store.createExemption(
          {
            entityRef: 'Component:default/A',
            scorecardId: 'readiness',
            checkId,
            reason: 'migration under way',
            expiresAt: new Date(T0 + expiresInMs).toISOString(),
            grantedBy: 'user:default/jane',
          },
          T0,
        );
      const kept = await grant('runbook-present', 10 * DAY);
      const revoked = await grant('slo-defined', 10 * DAY);
      const expiring = await grant('tier-declared', DAY);
      expect(kept).toMatchObject({
        entityRef: 'component:default/a',
        state: 'active',
        grantedAt: new Date(T0).toISOString(),
      });

      await expect(
        store.revokeExemption(revoked.id, 'user:default/joe', T0 + 1),
      ).resolves.toMatchObject({
        state: 'revoked',
        revokedBy: 'user:default/joe',
      });
      await expect(
        store.revokeExemption(revoked.id, 'user:default/joe', T0 + 2),
      ).rejects.toThrow(ConflictError);
      await expect(
        store.revokeExemption('nope', 'user:default/joe', T0),
      ).resolves.toBeUndefined();

      const later = T0 + 2 * DAY;
      const expired = await store.recordExpiredExemptions(later);
      expect(expired.map(exemption => exemption.id)).toEqual([expiring.id]);
      // Expiry is recorded once, when first seen.
      await expect(store.recordExpiredExemptions(later + 1)).resolves.toEqual(
        [],
      );

      const byState = async (state: 'active' | 'expired' | 'revoked') =>
        (await store.listExemptions({ state }, later)).map(e => e.id);
      await expect(byState('active')).resolves.toEqual([kept.id]);
      await expect(byState('expired')).resolves.toEqual([expiring.id]);
      await expect(byState('revoked')).resolves.toEqual([revoked.id]);

      const audit = await store.listExemptionAudit(revoked.id);
      expect(audit.map(record => [record.action, record.actor])).toEqual([
        ['grant', 'user:default/jane'],
        ['revoke', 'user:default/joe'],
      ]);
      const expiryAudit = await store.listExemptionAudit(expiring.id);
      expect(expiryAudit.map(record => record.action)).toEqual([
        'grant',
        'expire',
      ]);
      expect(expiryAudit[1].actor).toBeUndefined();
      expect(expiryAudit[1].details).toMatchObject({
        checkId: 'tier-declared',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'creates campaigns once and keeps one progress point per day, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const campaign = {
        id: 'silver-by-q4',
        title: 'Silver by Q4',
        scorecardId: 'readiness',
        targetLevel: 'Silver',
        filter: { tier: [1 as const] },
        dueDate: '2026-12-31',
        createdBy: 'user:default/jane',
      };
      await expect(store.createCampaign(campaign, T0)).resolves.toEqual({
        ...campaign,
        createdAt: new Date(T0).toISOString(),
      });
      await expect(store.createCampaign(campaign, T0)).rejects.toThrow(
        ConflictError,
      );
      await expect(store.listCampaigns()).resolves.toHaveLength(1);
      await expect(store.getCampaign('nope')).resolves.toBeUndefined();

      const point = (day: string, atOrAboveTarget: number) => ({
        campaignId: campaign.id,
        day,
        entities: 4,
        atOrAboveTarget,
      });
      await store.recordCampaignProgress([point('2026-11-01', 1)], T0);
      await store.recordCampaignProgress([point('2026-11-01', 2)], T0 + 1);
      await store.recordCampaignProgress([point('2026-11-02', 3)], T0 + DAY);
      await expect(store.listCampaignProgress(campaign.id)).resolves.toEqual([
        point('2026-11-01', 2),
        point('2026-11-02', 3),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'swaps the exhausted SLOs of entities and returns the previous ones, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const first = await store.swapExhaustedSlos(
        [{ entityRef: 'component:default/a', sloIds: [] }],
        T0,
      );
      expect(first.size).toBe(0);
      await store.swapExhaustedSlos(
        [{ entityRef: 'component:default/a', sloIds: ['a-availability'] }],
        T0 + 1,
      );
      const third = await store.swapExhaustedSlos(
        [{ entityRef: 'component:default/a', sloIds: [] }],
        T0 + 2,
      );
      expect(third.get('component:default/a')).toEqual(['a-availability']);
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates up and down, on %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      await expect(
        knex.schema.hasTable('reliability_scorecard_results'),
      ).resolves.toBe(true);
      await rollbackDatabaseMigrations(knex);
      await expect(
        knex.schema.hasTable('reliability_scorecard_results'),
      ).resolves.toBe(false);
      await expect(
        knex.schema.hasTable('reliability_scorecard_exemption_audit'),
      ).resolves.toBe(false);
    },
  );
});
