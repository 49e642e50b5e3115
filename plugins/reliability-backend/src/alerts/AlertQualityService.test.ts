import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AlertRecord, OnCallShift } from '@reliability/backstage-plugin-common';
import { OnCallService } from '../oncall/OnCallService';
import { AlertQualityService, alertsToPages } from './AlertQualityService';
import { alertId, AlertStore, StoredAlertWithId } from './AlertStore';

const from = new Date('2026-11-16T00:00:00Z');
const to = new Date('2026-11-23T00:00:00Z');

function stored(
  externalId: string,
  overrides: Partial<AlertRecord & StoredAlertWithId> = {},
): StoredAlertWithId {
  const record = {
    source: 'alertmanager',
    externalId,
    entityRef: 'component:default/checkout',
    alertName: 'CheckoutHighErrorRate',
    urgency: 'high' as const,
    status: 'resolved' as const,
    triggeredAt: '2026-11-20T03:00:00.000Z',
    resolvedAt: '2026-11-20T03:02:00.000Z',
    deliveries: 1,
    ...overrides,
  };
  return { ...record, id: alertId(record.source, record.externalId) };
}

const shifts: OnCallShift[] = [
  {
    user: 'user:default/alice',
    start: '2026-11-16T00:00:00Z',
    end: '2026-11-23T00:00:00Z',
    timeZone: 'Europe/Berlin',
  },
];

function createService(alerts: StoredAlertWithId[], entities: Entity[] = []) {
  const store = {
    listAlerts: async (q: { entityRefs: string[] }) =>
      alerts.filter(a => q.entityRefs.includes(a.entityRef)),
  } as unknown as AlertStore;
  const onCall = {
    getShifts: async () => shifts,
  } as unknown as OnCallService;
  return AlertQualityService.create({
    store,
    onCall,
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
  });
}

describe('alertsToPages', () => {
  it('names as responder the source, else who acknowledged, else who was on shift', () => {
    const pages = alertsToPages(
      [
        stored('a', { responder: 'user:default/bob' }),
        stored('b', {
          acknowledgedBy: 'user:default/carol',
          acknowledgedAt: '2026-11-20T03:01:00Z',
        }),
        stored('c'),
        stored('d', { triggeredAt: '2026-12-01T00:00:00.000Z' }),
      ],
      shifts,
    );
    expect(pages.map(p => p.responder)).toEqual([
      'user:default/bob',
      'user:default/carol',
      'user:default/alice',
      'unknown',
    ]);
  });
});

describe('AlertQualityService', () => {
  it('computes the figures of an entity from its stored alerts and shifts', async () => {
    const service = createService([
      // Resolved in 2 minutes without acknowledgement: noise, at 04:00 in Berlin (sleep hours).
      stored('quick'),
      // Acknowledged after 4 minutes and worked on for an hour: actionable, in business hours.
      stored('worked', {
        triggeredAt: '2026-11-18T10:00:00.000Z',
        acknowledgedAt: '2026-11-18T10:04:00.000Z',
        resolvedAt: '2026-11-18T11:00:00.000Z',
      }),
      stored('ticket', {
        urgency: 'low',
        triggeredAt: '2026-11-19T10:00:00.000Z',
        resolvedAt: '2026-11-19T10:02:00.000Z',
      }),
    ]);
    const view = await service.getEntityAlertQuality(
      'component:default/checkout',
      {
        from,
        to,
      },
    );
    // 2 high-urgency pages over 168 hours, per 12 hours.
    expect(view.pagesPer12Hours).toBeCloseTo((2 * 12) / 168, 10);
    expect(view.shiftsKnown).toBe(1);
    expect(view.report.pagesUsed).toBe(3);
    expect(view.report.noise).toMatchObject({ actionable: 1, noise: 2 });
    expect(view.report.responseTimes.mtta).toEqual({
      state: 'known',
      meanMs: 4 * 60_000,
      count: 1,
    });
    expect(view.report.interruptions.total).toMatchObject({
      sleepHours: 1,
      total: 2,
    });
  });

  it('rolls a team up over the entities it owns, noisiest first', async () => {
    const payments: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments', namespace: 'default' },
      spec: { type: 'team', children: [] },
    };
    const owned = (name: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: {
        type: 'service',
        owner: 'group:default/payments',
        lifecycle: 'production',
      },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
    });
    const service = createService(
      [
        stored('a'),
        stored('b', {
          entityRef: 'component:default/ledger',
          triggeredAt: '2026-11-18T10:00:00.000Z',
        }),
        stored('c', {
          entityRef: 'component:default/ledger',
          triggeredAt: '2026-11-18T12:00:00.000Z',
        }),
      ],
      [payments, owned('checkout'), owned('ledger')],
    );
    const view = await service.getOwnerAlertQuality(
      'group:default/payments',
      { from, to },
      mockCredentials.user(),
    );
    expect(view.subject).toBe('group:default/payments');
    expect(view.report.pagesUsed).toBe(3);
    expect(view.entities?.map(e => [e.entityRef, e.pages])).toEqual([
      ['component:default/ledger', 2],
      ['component:default/checkout', 1],
    ]);
  });

  it.each([
    ['2026-11-23T00:00:00Z', '2026-11-16T00:00:00Z'],
    ['yesterday', undefined],
    ['2024-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
  ])('refuses the period from %p to %p', (f, t) => {
    expect(() => AlertQualityService.period(f, t)).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});
