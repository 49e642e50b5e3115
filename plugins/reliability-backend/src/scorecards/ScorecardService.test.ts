import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  builtInScorecardChecks,
  entityBasicFacts,
  EntityFacts,
  ScorecardCheckRegistry,
} from '@reliability/backstage-plugin-common';
import knexFactory, { Knex } from 'knex';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyDatabaseMigrations } from '../database/migrations';
import { DefaultScorecardService } from './ScorecardService';
import { DatabaseScorecardStore } from './ScorecardStore';

// Each test migrates a database; on a loaded machine that takes longer than Jest's default 5 s.
jest.setTimeout(30_000);

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-01T10:00:00Z');
const REF = 'component:default/checkout';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments' },
};

const readiness = {
  id: 'readiness',
  title: 'Production readiness',
  appliesTo: { kind: ['Component'] },
  levels: [
    { name: 'Bronze', checks: [{ check: 'owner-is-group' }] },
    { name: 'Silver', checks: [{ check: 'runbook-present' }] },
  ],
};

interface Setup {
  scorecards?: unknown;
  scorecardFiles?: string[];
  baseDir?: string;
  send?: NotificationService['send'];
}

let knex: Knex;

beforeEach(async () => {
  knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  await applyDatabaseMigrations(knex);
});

afterEach(async () => {
  await knex.destroy();
});

async function setup(options: Setup = {}) {
  let nowMs = T0;
  const facts = new Map<string, Omit<EntityFacts, 'entity'>>([
    [REF, { runbooks: { count: 1, unreachable: [] } }],
  ]);
  const logger = mockServices.logger.mock();
  const send = jest.fn(options.send ?? (async () => {}));
  const store = DatabaseScorecardStore.create({ knex });
  const config = new ConfigReader({
    reliability: {
      scorecards: options.scorecards ?? [readiness],
      ...(options.scorecardFiles
        ? { scorecardFiles: options.scorecardFiles }
        : {}),
    },
  });
  const service = await DefaultScorecardService.create({
    config,
    logger,
    catalog: catalogServiceMock({ entities: [checkout] }),
    auth: mockServices.auth(),
    store,
    checks: ScorecardCheckRegistry.create(builtInScorecardChecks),
    facts: {
      collectMany: async entities =>
        entities.map(entity => {
          const basic = entityBasicFacts(entity, { ownerIsGroup: true });
          return { entity: basic, ...facts.get(basic.ref) };
        }),
    },
    notifications: { send },
    baseDir: options.baseDir,
    now: () => nowMs,
  });
  return {
    service,
    store,
    logger,
    send,
    facts,
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
}

describe('DefaultScorecardService', () => {
  it('stores each applicable result with its level', async () => {
    const { service, store } = await setup();
    const summary = await service.evaluateAll();
    expect(summary).toMatchObject({ entities: 1, results: 1, levelDrops: 0 });
    const [stored] = await store.listEntityResults(REF);
    expect(stored.result).toMatchObject({ level: 'Silver', levelIndex: 1 });
  });

  it('notifies the owner once when an entity drops a level', async () => {
    const { service, send, facts } = await setup();
    await service.evaluateAll();
    expect(send).not.toHaveBeenCalled();

    facts.set(REF, { runbooks: { count: 0, unreachable: [] } });
    const summary = await service.evaluateAll();
    expect(summary.levelDrops).toBe(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/payments' },
      payload: expect.objectContaining({
        title: `${REF} dropped to Bronze on Production readiness`,
        link: '/catalog/default/component/checkout',
        topic: 'reliability-scorecards',
      }),
    });

    // The stored result is now Bronze: the next runs find no drop to tell.
    await service.evaluateAll();
    await service.evaluateEntity(REF);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('notifies when an SLO newly exhausts its error budget', async () => {
    const { service, send, facts } = await setup();
    const slos = (exhausted: boolean) => ({
      runbooks: { count: 1, unreachable: [] },
      slos: {
        filesDeclared: true,
        fileProblemCount: 0,
        fileProblemMessages: [],
        slos: [
          {
            id: 'checkout-availability',
            name: 'Availability',
            exhausted,
            policyDeclared: true,
          },
        ],
      },
    });
    facts.set(REF, slos(false));
    await service.evaluateAll();
    facts.set(REF, slos(true));
    const summary = await service.evaluateAll();
    expect(summary.exhaustedBudgets).toBe(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0].payload).toMatchObject({
      title: `${REF} exhausted the error budget of Availability`,
      severity: 'high',
    });
    await service.evaluateAll();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('logs and goes on when sending a notification fails', async () => {
    const { service, send, facts, logger, store } = await setup({
      send: async () => {
        throw new Error('notifications backend down');
      },
    });
    await service.evaluateAll();
    facts.set(REF, { runbooks: { count: 0, unreachable: [] } });
    await expect(service.evaluateAll()).resolves.toMatchObject({
      levelDrops: 1,
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('notifications backend down'),
    );
    const [stored] = await store.listEntityResults(REF);
    expect(stored.result.level).toBe('Bronze');
  });

  it('skips broken definitions and logs them with the exact key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scorecards-'));
    try {
      await writeFile(
        join(dir, 'extra.yaml'),
        'scorecards:\n  - id: docs\n    title: Docs\n    levels:\n      - name: Basic\n        checks:\n          - check: description-present\n',
      );
      const { service, logger } = await setup({
        scorecards: [
          readiness,
          {
            id: 'broken',
            title: 'Broken',
            levels: [{ name: 'Bronze', checks: [{ check: 'no-such-check' }] }],
          },
        ],
        scorecardFiles: ['extra.yaml', 'missing.yaml'],
        baseDir: dir,
      });
      expect(service.listScorecards().map(s => s.id)).toEqual([
        'readiness',
        'docs',
      ]);
      const errors = logger.error.mock.calls.map(call => String(call[0]));
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.stringContaining(
            'reliability.scorecards[1].levels[0].checks[0].check unknown check "no-such-check"',
          ),
          expect.stringContaining('reliability.scorecardFiles[1]'),
        ]),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops counting an expired exemption and records its expiry', async () => {
    const { service, store, facts, advance } = await setup();
    facts.set(REF, { runbooks: { count: 0, unreachable: [] } });
    const exemption = await service.grantExemption({
      entityRef: REF,
      scorecardId: 'readiness',
      checkId: 'runbook-present',
      reason: 'runbook being written',
      expiresAt: new Date(T0 + DAY).toISOString(),
      grantedBy: 'user:default/jane',
    });
    // Granting re-evaluates the entity at once.
    let [stored] = await store.listEntityResults(REF);
    expect(stored.result.level).toBe('Silver');
    expect(stored.result.checks[1]).toMatchObject({
      status: 'exempt',
      checkStatus: 'fail',
    });

    advance(2 * DAY);
    const summary = await service.evaluateAll();
    expect(summary.expiredExemptions).toBe(1);
    [stored] = await store.listEntityResults(REF);
    expect(stored.result.level).toBe('Bronze');
    const audit = await store.listExemptionAudit(exemption.id);
    expect(audit.map(record => record.action)).toEqual(['grant', 'expire']);
  });

  it('rejects exemptions for unknown scorecards or checks and bad expiry dates', async () => {
    const { service } = await setup();
    const request = {
      entityRef: REF,
      scorecardId: 'readiness',
      checkId: 'runbook-present',
      reason: 'r',
      expiresAt: new Date(T0 + DAY).toISOString(),
      grantedBy: 'user:default/jane',
    };
    await expect(
      service.grantExemption({ ...request, scorecardId: 'nope' }),
    ).rejects.toThrow(/'scorecardId' must name a configured scorecard/);
    await expect(
      service.grantExemption({ ...request, checkId: 'nope' }),
    ).rejects.toThrow(/'checkId' must be a check of scorecard "readiness"/);
    await expect(
      service.grantExemption({ ...request, expiresAt: 'soon' }),
    ).rejects.toThrow(InputError);
    await expect(
      service.grantExemption({
        ...request,
        expiresAt: new Date(T0 - 1).toISOString(),
      }),
    ).rejects.toThrow(/in the future/);
  });

  it('records campaign progress on each evaluation day', async () => {
    const { service, store, facts, advance } = await setup();
    await service.createCampaign({
      id: 'silver',
      title: 'Everyone at Silver',
      scorecardId: 'readiness',
      targetLevel: 'silver',
      dueDate: '2026-12-31',
      createdBy: 'user:default/jane',
    });
    facts.set(REF, { runbooks: { count: 0, unreachable: [] } });
    await service.evaluateAll();
    advance(DAY);
    facts.set(REF, { runbooks: { count: 1, unreachable: [] } });
    await service.evaluateAll();
    await expect(store.listCampaignProgress('silver')).resolves.toEqual([
      {
        campaignId: 'silver',
        day: '2026-11-01',
        entities: 1,
        atOrAboveTarget: 0,
      },
      {
        campaignId: 'silver',
        day: '2026-11-02',
        entities: 1,
        atOrAboveTarget: 1,
      },
    ]);
    await expect(
      service.createCampaign({
        id: 'gold',
        title: 'Gold',
        scorecardId: 'readiness',
        targetLevel: 'Gold',
        dueDate: '2026-12-31',
        createdBy: 'user:default/jane',
      }),
    ).rejects.toThrow(/'targetLevel' must be a level/);
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const { service } = await setup();
    await expect(
      service.evaluateEntity('component:default/nope'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
