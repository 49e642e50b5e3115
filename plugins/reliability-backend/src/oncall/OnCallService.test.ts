import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityOnCall } from '@reliability/backstage-plugin-common';
import {
  OnCallMapping,
  OnCallProvider,
  OnCallProviderAnswer,
} from '@reliability/backstage-plugin-node';
import { OnCallAnswerStore } from './OnCallAnswerStore';
import { DefaultOnCallService } from './OnCallService';

function component(
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { 'reliability/rotation': './rotation.yaml' },
  },
  spec: { type: 'team', children: [] },
};
const alice: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice', namespace: 'default' },
  spec: {
    profile: { displayName: 'Alice Liddell', email: 'alice@example.com' },
    memberOf: ['payments'],
  },
  relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
};

class FakeProvider implements OnCallProvider {
  calls = 0;
  failing = false;
  constructor(
    readonly type: string,
    private readonly annotation: string,
    private readonly answer: OnCallProviderAnswer,
  ) {}
  get annotations() {
    return [this.annotation];
  }
  mappingFor(entity: Entity): OnCallMapping | undefined {
    const value = entity.metadata.annotations?.[this.annotation];
    return value ? { annotation: this.annotation, value } : undefined;
  }
  async getOnCall(): Promise<OnCallProviderAnswer> {
    this.calls += 1;
    if (this.failing) {
      throw new Error('503 Service Unavailable');
    }
    return this.answer;
  }
}

class MemoryAnswerStore implements OnCallAnswerStore {
  readonly answers = new Map<string, EntityOnCall>();
  async get(ref: string) {
    return this.answers.get(ref);
  }
  async put(answer: EntityOnCall) {
    this.answers.set(answer.entityRef, answer);
  }
}

const rotationAnswer: OnCallProviderAnswer = {
  now: [
    {
      person: { name: 'user:default/alice', userRef: 'user:default/alice' },
      start: '2026-11-23T09:00:00+01:00',
      end: '2026-11-30T09:00:00+01:00',
      escalationLevel: 1,
    },
  ],
  next: [],
  escalationChain: [],
  contactLinks: [],
};
const pagerDutyAnswer: OnCallProviderAnswer = {
  now: [{ person: { name: 'Bob', email: 'bob@example.com' } }],
  next: [],
  escalationChain: [],
  contactLinks: [
    {
      title: 'Checkout in PagerDuty',
      url: 'https://acme.pagerduty.com/service-directory/P1',
    },
  ],
};

function createService(entities: Entity[]) {
  const rotation = new FakeProvider(
    'rotation',
    'reliability/rotation',
    rotationAnswer,
  );
  const pagerDuty = new FakeProvider(
    'pagerduty',
    'pagerduty.com/service-id',
    pagerDutyAnswer,
  );
  const store = new MemoryAnswerStore();
  let now = Date.parse('2026-11-24T12:00:00Z');
  const service = DefaultOnCallService.create({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    providers: [pagerDuty, rotation],
    store,
    now: () => now,
  });
  return {
    service,
    rotation,
    pagerDuty,
    store,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const credentials = mockCredentials.user();

describe('DefaultOnCallService', () => {
  it("answers with the owner group's rotation, people completed from the catalog", async () => {
    const { service } = createService([
      component('checkout', 'group:default/payments'),
      payments,
      alice,
    ]);
    const onCall = await service.getEntityOnCall(
      'component:default/checkout',
      credentials,
    );
    expect(onCall).toMatchObject({
      status: 'ok',
      stale: false,
      resolution: {
        source: 'rotation',
        mappedBy: 'group:default/payments',
        mapping: 'reliability/rotation',
        mappingValue: './rotation.yaml',
      },
    });
    expect(onCall.now[0].person).toEqual({
      name: 'Alice Liddell',
      userRef: 'user:default/alice',
      email: 'alice@example.com',
    });
  });

  it("lets the entity's own annotation win over its team's rotation", async () => {
    const { service, rotation } = createService([
      component('checkout', 'group:default/payments', {
        'pagerduty.com/service-id': 'P1',
      }),
      payments,
    ]);
    const onCall = await service.getEntityOnCall(
      'component:default/checkout',
      credentials,
    );
    expect(onCall.resolution).toMatchObject({
      source: 'pagerduty',
      mappedBy: 'component:default/checkout',
    });
    expect(onCall.now[0].person.name).toBe('Bob');
    expect(rotation.calls).toBe(0);
  });

  it('says where it looked when nothing resolves', async () => {
    const team: Entity = {
      ...payments,
      metadata: { name: 'payments', namespace: 'default' },
    };
    const { service } = createService([
      component('checkout', 'group:default/payments'),
      team,
    ]);
    const onCall = await service.getEntityOnCall(
      'component:default/checkout',
      credentials,
    );
    expect(onCall.status).toBe('unresolved');
    expect(onCall.reasons).toEqual([
      'component:default/checkout has none of the annotations pagerduty.com/service-id, reliability/rotation',
      'its owner group:default/payments has none of them either',
    ]);
  });

  it('serves the last good answer marked stale while the provider fails, then recovers', async () => {
    const { service, rotation, advance } = createService([
      component('checkout', 'group:default/payments'),
      payments,
    ]);
    const ref = 'component:default/checkout';
    const good = await service.getEntityOnCall(ref, credentials);
    rotation.failing = true;
    advance(120_000);
    const stale = await service.getEntityOnCall(ref, credentials);
    expect(stale).toMatchObject({
      status: 'error',
      stale: true,
      error: 'rotation failed: Error: 503 Service Unavailable',
      fetchedAt: good.fetchedAt,
      now: good.now,
    });
    rotation.failing = false;
    // A failure is kept for 10 s, so that a provider that is down is not asked on every request.
    advance(10_001);
    expect(await service.getEntityOnCall(ref, credentials)).toMatchObject({
      status: 'ok',
      stale: false,
    });
  });

  it('asks the provider once a minute per mapping, whatever the number of services', async () => {
    const { service, rotation, advance } = createService([
      component('checkout', 'group:default/payments'),
      component('ledger', 'group:default/payments'),
      payments,
    ]);
    await service.getEntityOnCall('component:default/checkout', credentials);
    await service.getEntityOnCall('component:default/ledger', credentials);
    expect(rotation.calls).toBe(1);
    advance(61_000);
    await service.getEntityOnCall('component:default/ledger', credentials);
    expect(rotation.calls).toBe(2);
  });

  it("rolls up the on-call of everything a user's teams own", async () => {
    const { service } = createService([
      component('checkout', 'group:default/payments'),
      component('ledger', 'group:default/payments'),
      component('search', 'group:default/discovery'),
      payments,
      alice,
    ]);
    const rollup = await service.getOwnerOnCall(
      'user:default/alice',
      credentials,
    );
    expect(rollup.owners).toEqual([
      'user:default/alice',
      'group:default/payments',
    ]);
    expect(rollup.entities.map(e => [e.entityRef, e.status])).toEqual([
      ['component:default/checkout', 'ok'],
      ['component:default/ledger', 'ok'],
    ]);
  });

  it('refuses a rollup for something that is not a group or user', async () => {
    const { service } = createService([
      component('checkout', 'group:default/payments'),
    ]);
    await expect(
      service.getOwnerOnCall('component:default/checkout', credentials),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      service.getOwnerOnCall('group:default/nobody', credentials),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
