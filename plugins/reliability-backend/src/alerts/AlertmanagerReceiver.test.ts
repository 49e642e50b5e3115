import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AlertRecord } from '@reliability/backstage-plugin-common';
import { AlertEntityResolver } from './AlertEntityResolver';
import { AlertmanagerReceiver } from './AlertmanagerReceiver';
import { DEFAULT_URGENCY_RULES } from './alertmanagerWebhook';
import { AlertStore } from './AlertStore';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'reliability/alert-service': 'checkout-api' },
  },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
};

function payload(
  alerts: object[],
  status: 'firing' | 'resolved' = 'firing',
): object {
  return {
    version: '4',
    groupKey: '{}:{alertname="CheckoutHighErrorRate"}',
    truncatedAlerts: 0,
    status,
    receiver: 'backstage',
    groupLabels: { alertname: 'CheckoutHighErrorRate' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts,
  };
}

function alert(overrides: Record<string, unknown> = {}): object {
  return {
    status: 'firing',
    labels: {
      alertname: 'CheckoutHighErrorRate',
      backstage_entity: 'component:default/checkout',
      sloth_severity: 'page',
    },
    annotations: {
      summary: 'Checkout burns its error budget fast',
      runbook_url: 'https://runbooks.example.com/checkout',
    },
    startsAt: '2026-11-22T10:00:00.123Z',
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph?g0.expr=x',
    fingerprint: 'a1b2c3',
    ...overrides,
  };
}

class RecordingStore implements Pick<AlertStore, 'upsertAlerts'> {
  readonly batches: AlertRecord[][] = [];
  async upsertAlerts(records: AlertRecord[]) {
    this.batches.push(records);
    return { inserted: records.length, merged: 0 };
  }
}

function createReceiver() {
  const store = new RecordingStore();
  const catalog = catalogServiceMock({ entities: [checkout] });
  const resolver = AlertEntityResolver.create({
    catalog,
    auth: mockServices.auth(),
    entityLabel: 'backstage_entity',
    matchers: [{ label: 'service', annotation: 'reliability/alert-service' }],
  });
  const receiver = AlertmanagerReceiver.create({
    store: store as unknown as AlertStore,
    resolver,
    urgencyRules: DEFAULT_URGENCY_RULES,
    now: () => 0,
  });
  return { store, receiver };
}

describe('AlertmanagerReceiver', () => {
  it('stores a firing alert as one triggered page of its entity', async () => {
    const { store, receiver } = createReceiver();
    const result = await receiver.receive(payload([alert()]));
    expect(result).toEqual({ received: 1, stored: 1, merged: 0, unmapped: [] });
    expect(store.batches[0]).toEqual([
      {
        source: 'alertmanager',
        externalId: 'a1b2c3:2026-11-22T10:00:00.123Z',
        entityRef: 'component:default/checkout',
        alertName: 'CheckoutHighErrorRate',
        fingerprint: 'a1b2c3',
        summary: 'Checkout burns its error budget fast',
        urgency: 'high',
        status: 'triggered',
        triggeredAt: '2026-11-22T10:00:00.123Z',
        runbookUrl: 'https://runbooks.example.com/checkout',
        url: 'http://prometheus:9090/graph?g0.expr=x',
      },
    ]);
  });

  it('maps a resolved alert to the same occurrence with its end as resolution', async () => {
    const { store, receiver } = createReceiver();
    await receiver.receive(
      payload(
        [alert({ status: 'resolved', endsAt: '2026-11-22T10:20:00Z' })],
        'resolved',
      ),
    );
    expect(store.batches[0][0]).toMatchObject({
      externalId: 'a1b2c3:2026-11-22T10:00:00.123Z',
      status: 'resolved',
      resolvedAt: '2026-11-22T10:20:00.000Z',
    });
  });

  it('matches a label to an entity annotation when there is no entity label', async () => {
    const { store, receiver } = createReceiver();
    await receiver.receive(
      payload([
        alert({
          labels: {
            alertname: 'Latency',
            service: 'checkout-api',
            severity: 'warning',
          },
        }),
      ]),
    );
    expect(store.batches[0][0]).toMatchObject({
      entityRef: 'component:default/checkout',
      urgency: 'low',
    });
  });

  it('answers unmapped alerts with the reason instead of storing them', async () => {
    const { store, receiver } = createReceiver();
    const result = await receiver.receive(
      payload([
        alert({ labels: { alertname: 'Orphan' }, fingerprint: 'f1' }),
        alert({
          labels: { alertname: 'Typo', backstage_entity: 'checkot' },
          fingerprint: 'f2',
        }),
      ]),
    );
    expect(result.stored).toBe(0);
    expect(store.batches).toEqual([]);
    expect(result.unmapped).toEqual([
      {
        fingerprint: 'f1',
        alertName: 'Orphan',
        reason: expect.stringContaining("add a 'backstage_entity' label"),
      },
      {
        fingerprint: 'f2',
        alertName: 'Typo',
        reason: expect.stringContaining(
          'names component:default/checkot, which is not in the catalog',
        ),
      },
    ]);
  });

  it.each([
    [{ version: '3', alerts: [] }, /version/],
    [{ ...payload([]), alerts: 'nope' }, /alerts/],
    [
      payload([{ ...alert(), fingerprint: undefined }]),
      /alerts\.0\.fingerprint/,
    ],
    [payload([alert({ startsAt: 'soon' })]), /invalid startsAt 'soon'/],
  ])(
    'rejects a malformed payload with what is wrong (%#)',
    async (body, message) => {
      const { store, receiver } = createReceiver();
      await expect(receiver.receive(body)).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
      expect(store.batches).toEqual([]);
    },
  );
});
