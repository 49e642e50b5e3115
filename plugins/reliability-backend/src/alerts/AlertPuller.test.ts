import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AlertRecord } from '@reliability/backstage-plugin-common';
import {
  AlertPullRequest,
  AlertSource,
} from '@reliability/backstage-plugin-node';
import { AlertPuller } from './AlertPuller';
import { AlertStore } from './AlertStore';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'pagerduty.com/service-id': 'P1' },
  },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
};
const search: Entity = {
  ...checkout,
  metadata: { name: 'search', namespace: 'default' },
};

class FakeSource implements AlertSource {
  readonly type = 'pagerduty';
  requests: AlertPullRequest[] = [];
  failing = false;
  records: AlertRecord[] = [];
  supports(entity: Entity) {
    return Boolean(entity.metadata.annotations?.['pagerduty.com/service-id']);
  }
  async pull(request: AlertPullRequest) {
    this.requests.push(request);
    if (this.failing) {
      throw new Error('PagerDuty answered 503');
    }
    return this.records;
  }
}

function memoryStore() {
  const pulls = new Map<string, { pulledUntil: number; error?: string }>();
  const upserts: AlertRecord[][] = [];
  const store: Partial<AlertStore> = {
    async upsertAlerts(records) {
      upserts.push(records);
      return { inserted: records.length, merged: 0 };
    },
    async getPullState(source) {
      return pulls.get(source);
    },
    async setPullState(source, state) {
      const before = pulls.get(source);
      pulls.set(source, {
        pulledUntil: state.pulledUntil ?? before?.pulledUntil ?? 0,
        ...(state.error ? { error: state.error } : {}),
      });
    },
  };
  return { store: store as AlertStore, pulls, upserts };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('AlertPuller', () => {
  function setUp() {
    const source = new FakeSource();
    const { store, pulls, upserts } = memoryStore();
    let now = Date.parse('2026-11-22T12:00:00Z');
    const puller = AlertPuller.create({
      sources: () => [source],
      store,
      catalog: catalogServiceMock({ entities: [checkout, search] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      now: () => now,
    });
    return {
      source,
      puller,
      pulls,
      upserts,
      advance: (ms: number) => (now += ms),
    };
  }

  it('asks only for mapped entities, 30 days back the first time, then from where it stopped with an hour of overlap', async () => {
    const { source, puller, advance } = setUp();
    await puller.pullAll();
    expect(source.requests[0].entities.map(e => e.metadata.name)).toEqual([
      'checkout',
    ]);
    expect(
      source.requests[0].until.getTime() - source.requests[0].since.getTime(),
    ).toBe(30 * DAY);
    const firstEnd = source.requests[0].until.getTime();
    advance(5 * 60_000);
    await puller.pullAll();
    expect(source.requests[1].since.getTime()).toBe(firstEnd - HOUR);
  });

  it('keeps its place when a pull fails, and says so', async () => {
    const { source, puller, pulls, advance } = setUp();
    await puller.pullAll();
    const before = pulls.get('pagerduty')!.pulledUntil;
    source.failing = true;
    advance(5 * 60_000);
    await expect(puller.pullAll()).rejects.toThrow(/Every alert source failed/);
    expect(pulls.get('pagerduty')).toEqual({
      pulledUntil: before,
      error: 'Error: PagerDuty answered 503',
    });
  });

  it('stores what the source returns and drops records of entities it was not asked about', async () => {
    const { source, puller, upserts } = setUp();
    const record: AlertRecord = {
      source: 'pagerduty',
      externalId: 'Q1',
      entityRef: 'component:default/checkout',
      urgency: 'high',
      status: 'triggered',
      triggeredAt: '2026-11-22T11:00:00Z',
    };
    source.records = [
      record,
      { ...record, externalId: 'Q2', entityRef: 'component:default/search' },
    ];
    await puller.pullAll();
    expect(upserts).toEqual([[record]]);
  });
});
