/**
 * A real Alertmanager (Debian package `prometheus-alertmanager`) with the backend's webhook as its
 * receiver. Alerts are posted to Alertmanager's own API, fire, repeat and resolve; the backend must
 * store each occurrence once with its whole lifecycle and compute alert quality from it.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import reliabilityFeatures from '../index';
import {
  ensureAlertmanagerInstalled,
  startAlertmanager,
} from '../__testUtils__/alertmanager';
import { RunningProgram } from '../__testUtils__/localProgram';

jest.setTimeout(180_000);

const TOKEN = 'integration-test-webhook-token';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
};

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${last}` : ''}`);
}

describe('Alertmanager webhook, end to end', () => {
  let backend: TestBackend;
  let alertmanager: RunningProgram | undefined;
  const startedAt = new Date(Date.now() - 60_000);

  beforeAll(async () => {
    const binary = await ensureAlertmanagerInstalled();
    backend = await startTestBackend({
      features: [
        reliabilityFeatures,
        catalogServiceMock.factory({ entities: [checkout] }),
        mockServices.rootConfig.factory({
          data: { reliability: { alertmanager: { webhookToken: TOKEN } } },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    alertmanager = await startAlertmanager({
      binary,
      webhookUrl: `http://127.0.0.1:${port}/api/reliability/alerts/alertmanager`,
      token: TOKEN,
    });
  });

  afterAll(async () => {
    await alertmanager?.stop();
    await backend?.stop();
  });

  async function postAlerts(alerts: object[]) {
    const response = await fetch(`${alertmanager!.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    expect(response.status).toBe(200);
  }

  async function storedAlerts() {
    const res = await request(backend.server)
      .get('/api/reliability/entities/component/default/checkout/alerts')
      .query({ from: new Date(Date.now() - 3_600_000).toISOString() })
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  }

  it('stores each firing once with its resolution, and computes alert quality from it', async () => {
    const page = {
      labels: {
        alertname: 'CheckoutHighErrorRate',
        backstage_entity: 'component:default/checkout',
        sloth_severity: 'page',
      },
      annotations: {
        summary: 'Checkout is burning its error budget',
        runbook_url: 'https://runbooks.example.com/checkout',
      },
      startsAt: startedAt.toISOString(),
    };
    const ticket = {
      labels: {
        alertname: 'CheckoutLatencyHigh',
        backstage_entity: 'checkout',
        severity: 'warning',
      },
      annotations: { summary: 'Checkout is slow' },
      startsAt: startedAt.toISOString(),
    };
    const orphan = {
      labels: {
        alertname: 'NobodysAlert',
        backstage_entity: 'component:default/nope',
      },
      startsAt: startedAt.toISOString(),
    };
    await postAlerts([page, ticket, orphan]);

    const firing = await eventually(
      'both firing alerts to arrive',
      async () => {
        const items = await storedAlerts();
        return items.length === 2 ? items : undefined;
      },
    );
    const byName = Object.fromEntries(firing.map(a => [a.alertName, a]));
    expect(byName.CheckoutHighErrorRate).toMatchObject({
      source: 'alertmanager',
      status: 'triggered',
      urgency: 'high',
      triggeredAt: startedAt.toISOString(),
      runbookUrl: 'https://runbooks.example.com/checkout',
    });
    expect(byName.CheckoutLatencyHigh).toMatchObject({
      urgency: 'low',
      status: 'triggered',
    });

    // Alertmanager re-sends the group whenever it changes; re-posting the same alerts must not
    // add occurrences.
    await postAlerts([page, ticket]);
    const resolvedAt = new Date(startedAt.getTime() + 90_000);
    await postAlerts([{ ...page, endsAt: resolvedAt.toISOString() }]);

    const resolved = await eventually('the resolution to arrive', async () => {
      const items = await storedAlerts();
      const alert = items.find(a => a.alertName === 'CheckoutHighErrorRate');
      return alert?.status === 'resolved' ? items : undefined;
    });
    expect(resolved).toHaveLength(2);
    const pageAlert = resolved.find(
      a => a.alertName === 'CheckoutHighErrorRate',
    )!;
    expect(pageAlert.resolvedAt).toBe(resolvedAt.toISOString());
    expect(pageAlert.deliveries).toBeGreaterThanOrEqual(2);

    const quality = await request(backend.server)
      .get('/api/reliability/entities/component/default/checkout/alert-quality')
      .query({ from: new Date(Date.now() - 3_600_000).toISOString() })
      .set('authorization', mockCredentials.user.header());
    expect(quality.status).toBe(200);
    const { report } = quality.body;
    expect(report.pagesUsed).toBe(2);
    // Resolved 90 s after firing and never acknowledged: noise by the 5-minute rule.
    expect(report.noise).toMatchObject({ actionable: 0, noise: 1, open: 1 });
    expect(report.responseTimes.mttr).toEqual({
      state: 'known',
      meanMs: 90_000,
      count: 1,
    });
    expect(quality.body.pagesPer12Hours).toBeGreaterThan(0);
  });

  it('refuses a webhook without the token, and one with a malformed payload', async () => {
    const anonymous = await request(backend.server)
      .post('/api/reliability/alerts/alertmanager')
      .send({ version: '4', alerts: [] });
    expect(anonymous.status).toBe(401);
    const malformed = await request(backend.server)
      .post('/api/reliability/alerts/alertmanager')
      .set('authorization', `Bearer ${TOKEN}`)
      .send({ version: '4', status: 'firing', receiver: 'x', alerts: [{}] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/alerts\.0\./);
  });
});
