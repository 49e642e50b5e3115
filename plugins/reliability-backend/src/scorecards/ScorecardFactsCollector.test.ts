import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ScorecardFactsCollector,
  ScorecardFactSources,
} from './ScorecardFactsCollector';

const T0 = Date.parse('2026-11-01T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'payments', system: 'shop' },
  };
}

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { owner: 'payments', domain: 'commerce' },
};

function sources(
  overrides: Partial<ScorecardFactSources> = {},
): ScorecardFactSources {
  return {
    catalog: catalogServiceMock({ entities: [group, system] }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    now: () => T0,
    slos: {
      getEntitySlos: async entityRef => ({
        entityRef,
        loaded: true,
        lastAttemptAt: null,
        lastSuccessAt: null,
        errors: [],
        slos: [
          {
            id: 'checkout-availability',
            name: 'availability',
            displayName: 'Availability',
            objective: { target: 0.99 },
            status: {
              sli: 0.995,
              sliStatus: 'measured',
              budget: { remaining: 0 },
              policy: { state: 'exhausted', reason: 'spent' },
            },
          } as any,
        ],
      }),
      getEntitySloDefinitions: async () => [],
      refreshEntity: async () => {
        throw new Error('the files were read already');
      },
    },
    onCall: {
      getEntityOnCall: async entityRef => ({
        entityRef,
        status: 'ok',
        resolution: {
          source: 'pagerduty',
          mappedBy: entityRef,
          mapping: 'pagerduty.com/service-id',
          mappingValue: 'P1',
        },
        now: [{ person: { name: 'Jane', userRef: 'user:default/jane' } }],
        next: [{ person: { name: 'Joe', email: 'joe@example.com' } }],
        escalationChain: [
          { level: 1, targets: [{ type: 'user', name: 'Jane' }] },
        ],
        contactLinks: [],
        stale: false,
        reasons: [],
      }),
      getShifts: async () => [
        { user: 'user:default/jane', start: '', end: '' },
        { user: 'user:default/ann', start: '', end: '' },
      ],
    },
    runbooks: {
      getEntityRunbooks: async entityRef => ({
        entityRef,
        runbooks: [
          {
            id: 'a',
            title: 'Runbook',
            url: 'https://runbooks.example.com/a',
            origin: 'link',
            alerts: [],
            markdown: false,
            check: {
              outcome: 'reachable',
              redirectCount: 0,
              checkedAt: new Date(T0).toISOString(),
              lastModifiedAt: new Date(T0 - 10 * DAY).toISOString(),
            },
          },
        ],
        pagingAlertsWithoutRunbook: [],
        problems: [],
      }),
    },
    alertQuality: {
      getEntityAlertQuality: async () =>
        ({
          pagesPer12Hours: 0.5,
          report: {
            pagesUsed: 4,
            onCallLoad: { summary: { state: 'unknown', reason: 'no shifts' } },
            noise: { actionableRatio: { state: 'known', value: 0.75 } },
          },
        } as any),
    },
    ...overrides,
  };
}

describe('ScorecardFactsCollector', () => {
  it('collects every area, the owner kind and the domain of the system', async () => {
    const collector = ScorecardFactsCollector.create(sources());
    const facts = await collector.collect(
      component('checkout', { 'reliability/slos': './slos.yaml' }),
    );
    expect(facts.entity).toMatchObject({
      ref: 'component:default/checkout',
      ownerRef: 'group:default/payments',
      ownerIsGroup: true,
      domainRef: 'domain:default/commerce',
    });
    expect(facts.slos).toEqual({
      filesDeclared: true,
      fileProblemCount: 0,
      fileProblemMessages: [],
      slos: [
        {
          id: 'checkout-availability',
          name: 'Availability',
          objectiveMet: true,
          budgetRemainingRatio: 0,
          exhausted: true,
          policyDeclared: false,
        },
      ],
    });
    // Jane (now, escalation, shift), Joe (next) and Ann (a past shift): three people.
    expect(facts.onCall).toEqual({
      resolved: true,
      source: 'pagerduty',
      live: true,
      people: 3,
    });
    expect(facts.runbooks).toEqual({
      count: 1,
      reachableCount: 1,
      unreachable: [],
      newestUpdateAgeDays: 10,
      pagingAlertsWithoutRunbook: 0,
    });
    expect(facts.alertQuality).toEqual({
      pages: 4,
      pagesPerShift: 0.5,
      actionableRatio: 0.75,
    });
  });

  it('leaves a failing area unknown and goes on with the rest', async () => {
    const logger = mockServices.logger.mock();
    const collector = ScorecardFactsCollector.create(
      sources({
        logger,
        runbooks: {
          getEntityRunbooks: async () => {
            throw new Error('database down');
          },
        },
      }),
    );
    const [first, second] = await collector.collectMany([
      component('checkout'),
      component('search'),
    ]);
    for (const facts of [first, second]) {
      expect(facts.runbooks).toBeUndefined();
      expect(facts.onCall?.resolved).toBe(true);
      // Without the annotation, no SLO files are declared: known, not unknown.
      expect(facts.slos?.filesDeclared).toBe(false);
    }
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'could not collect runbooks of component:default/checkout: Error: database down',
      ),
    );
  });

  it('says the owner is not a group when the catalog does not have it', async () => {
    const collector = ScorecardFactsCollector.create(
      sources({ catalog: catalogServiceMock({ entities: [] }) }),
    );
    const facts = await collector.collect(component('checkout'));
    expect(facts.entity.ownerIsGroup).toBe(false);
    expect(facts.entity.domainRef).toBeUndefined();
  });

  it('collects the decision tree: page-level alerts of the SLO files and of high-urgency pages against its entry points, last walked and changed', async () => {
    const base = sources();
    const collector = ScorecardFactsCollector.create({
      ...base,
      slos: {
        ...base.slos,
        getEntitySloDefinitions: async () => [
          {
            alerting: {
              name: 'CheckoutHighErrorRate',
              page: { disabled: false },
            },
          } as any,
          {
            alerting: { name: 'CheckoutTicketOnly', page: { disabled: true } },
          } as any,
        ],
      },
      runbookTrees: {
        getFreshness: async () => ({
          declared: true,
          runbook: {
            entryPoints: [{ alert: 'CheckoutHighErrorRate', node: 'a' }],
          } as any,
          errorCount: 0,
          lastWalkedAtMs: T0 - 2 * DAY,
          lastChangedAtMs: T0 - 40 * DAY,
          openFlags: 1,
        }),
      },
      pagedAlertNames: async (_ref, period) => {
        expect(period.to.getTime() - period.from.getTime()).toBe(30 * DAY);
        return ['CheckoutDown', 'CheckoutHighErrorRate'];
      },
    });
    const facts = await collector.collect(component('checkout'));
    expect(facts.runbooks?.tree).toEqual({
      declared: true,
      valid: true,
      pageAlerts: ['CheckoutDown', 'CheckoutHighErrorRate'],
      pageAlertsWithoutEntryPoint: ['CheckoutDown'],
      lastWalkedAgeDays: 2,
      lastChangedAgeDays: 40,
      openFlags: 1,
    });
    // The other runbook facts are unchanged by the tree.
    expect(facts.runbooks?.count).toBe(1);
  });

  it('keeps the other runbook facts when the tree cannot be read', async () => {
    const logger = mockServices.logger.mock();
    const collector = ScorecardFactsCollector.create(
      sources({
        logger,
        runbookTrees: {
          getFreshness: async () => {
            throw new Error('catalog down');
          },
        },
      }),
    );
    const facts = await collector.collect(component('checkout'));
    expect(facts.runbooks?.count).toBe(1);
    expect(facts.runbooks?.tree).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'could not read the runbook tree of component:default/checkout',
      ),
    );
  });
});
