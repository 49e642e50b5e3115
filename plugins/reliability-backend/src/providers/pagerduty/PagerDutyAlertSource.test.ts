import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import { PagerDutyAccounts } from './PagerDutyAccounts';
import { PagerDutyAlertSource } from './PagerDutyAlertSource';
import { checkoutData, entity } from './__testUtils__/dataset';
import {
  FakePagerDuty,
  FakePagerDutyData,
  startFakePagerDuty,
} from './__testUtils__/fakePagerDuty';

const HTML = 'https://acme.pagerduty.com';
const SINCE = new Date('2026-03-10T00:00:00Z');
const UNTIL = new Date('2026-03-11T00:00:00Z');

function incidentData(): FakePagerDutyData {
  const data = checkoutData();
  data.services.push({
    id: 'SVC2',
    name: 'Payments',
    escalationPolicyId: 'EP1',
    integrationKeys: ['fedcba9876543210fedcba9876543210'],
  });
  data.incidents.push(
    {
      id: 'I1',
      title: 'CheckoutHighErrorRate',
      serviceId: 'SVC1',
      status: 'resolved',
      urgency: 'high',
      createdAt: '2026-03-10T10:00:00Z',
      incidentKey: 'checkout-5xx',
      resolvedAt: '2026-03-10T10:30:00Z',
      lastStatusChangeBy: 'U1',
    },
    {
      id: 'I2',
      title: 'CheckoutSlow',
      serviceId: 'SVC1',
      status: 'acknowledged',
      urgency: 'low',
      createdAt: '2026-03-10T11:00:00Z',
      assigneeIds: ['U2'],
      acknowledgements: [{ at: '2026-03-10T11:05:00Z', userId: 'U2' }],
    },
    {
      id: 'I3',
      title: 'CheckoutDown',
      serviceId: 'SVC1',
      status: 'triggered',
      urgency: 'high',
      createdAt: '2026-03-10T11:30:00Z',
      assigneeIds: ['U1'],
    },
    {
      id: 'I4',
      title: 'PaymentsQueueBacklog',
      serviceId: 'SVC2',
      status: 'resolved',
      urgency: 'high',
      createdAt: '2026-03-10T12:00:00Z',
      resolvedAt: '2026-03-10T12:10:00Z',
      lastStatusChangeBy: 'SVC2',
    },
    {
      id: 'I0',
      title: 'LongAgo',
      serviceId: 'SVC1',
      status: 'resolved',
      urgency: 'high',
      createdAt: '2026-03-01T00:00:00Z',
      resolvedAt: '2026-03-01T00:10:00Z',
    },
  );
  data.logEntries = {
    I1: [
      {
        id: 'L1',
        type: 'trigger_log_entry',
        createdAt: '2026-03-10T10:00:00Z',
        agentId: 'SVC1',
      },
      {
        id: 'L2',
        type: 'notify_log_entry',
        createdAt: '2026-03-10T10:00:05Z',
        userId: 'U1',
      },
      {
        id: 'L3',
        type: 'acknowledge_log_entry',
        createdAt: '2026-03-10T10:03:00Z',
        agentId: 'U1',
      },
      {
        id: 'L4',
        type: 'acknowledge_log_entry',
        createdAt: '2026-03-10T10:20:00Z',
        agentId: 'U3',
      },
      {
        id: 'L5',
        type: 'resolve_log_entry',
        createdAt: '2026-03-10T10:30:00Z',
        agentId: 'U1',
      },
    ],
    I2: [
      {
        id: 'L6',
        type: 'trigger_log_entry',
        createdAt: '2026-03-10T11:00:00Z',
        agentId: 'SVC1',
      },
      {
        id: 'L7',
        type: 'assign_log_entry',
        createdAt: '2026-03-10T11:00:00Z',
        assigneeIds: ['U2'],
      },
      {
        id: 'L8',
        type: 'acknowledge_log_entry',
        createdAt: '2026-03-10T11:05:00Z',
        agentId: 'U2',
      },
    ],
    I4: [
      {
        id: 'L9',
        type: 'trigger_log_entry',
        createdAt: '2026-03-10T12:00:00Z',
        agentId: 'SVC2',
      },
      {
        id: 'L10',
        type: 'notify_log_entry',
        createdAt: '2026-03-10T12:00:02Z',
        userId: 'U2',
      },
      {
        id: 'L11',
        type: 'resolve_log_entry',
        createdAt: '2026-03-10T12:10:00Z',
        agentId: 'SVC2',
      },
    ],
  };
  return data;
}

const checkout = entity('checkout', { 'pagerduty.com/service-id': 'SVC1' });
const payments = entity('payments', {
  'pagerduty.com/integration-key': 'fedcba9876543210fedcba9876543210',
});

describe('PagerDutyAlertSource', () => {
  let server: FakePagerDuty;
  let logger: ReturnType<typeof mockServices.logger.mock>;

  beforeEach(async () => {
    server = await startFakePagerDuty({ data: incidentData() });
    logger = mockServices.logger.mock();
  });

  afterEach(() => server.close());

  function source(
    options: { lookbackMs?: number; servicesPerRequest?: number } = {},
  ) {
    return PagerDutyAlertSource.create({
      accounts: PagerDutyAccounts.create({
        accounts: [
          {
            id: 'default',
            apiToken: server.token,
            apiBaseUrl: server.url,
            tokenConfigKey: 'reliability.pagerduty.apiToken',
          },
        ],
        defaultAccountId: 'default',
      }),
      logger,
      lookbackMs: 0,
      ...options,
    });
  }

  it('supports entities with a PagerDuty service id or integration key', () => {
    expect(source().supports(checkout)).toBe(true);
    expect(source().supports(payments)).toBe(true);
    expect(source().supports(entity('other', {}))).toBe(false);
  });

  it('turns incidents into alert records with acknowledgement, resolution and responders', async () => {
    const records = await source().pull({
      entities: [checkout, payments],
      since: SINCE,
      until: UNTIL,
    });
    expect(records).toEqual([
      {
        source: 'pagerduty',
        externalId: 'I1',
        entityRef: 'component:default/checkout',
        alertName: 'CheckoutHighErrorRate',
        fingerprint: 'checkout-5xx',
        summary: 'CheckoutHighErrorRate',
        urgency: 'high',
        status: 'resolved',
        triggeredAt: '2026-03-10T10:00:00.000Z',
        acknowledgedAt: '2026-03-10T10:03:00.000Z',
        acknowledgedBy: 'Ada',
        resolvedAt: '2026-03-10T10:30:00.000Z',
        resolvedBy: 'Ada',
        responder: 'Ada',
        url: `${HTML}/incidents/I1`,
      },
      {
        source: 'pagerduty',
        externalId: 'I2',
        entityRef: 'component:default/checkout',
        alertName: 'CheckoutSlow',
        summary: 'CheckoutSlow',
        urgency: 'low',
        status: 'acknowledged',
        triggeredAt: '2026-03-10T11:00:00.000Z',
        acknowledgedAt: '2026-03-10T11:05:00.000Z',
        acknowledgedBy: 'Bo',
        responder: 'Bo',
        url: `${HTML}/incidents/I2`,
      },
      {
        source: 'pagerduty',
        externalId: 'I3',
        entityRef: 'component:default/checkout',
        alertName: 'CheckoutDown',
        summary: 'CheckoutDown',
        urgency: 'high',
        status: 'triggered',
        triggeredAt: '2026-03-10T11:30:00.000Z',
        responder: 'Ada',
        url: `${HTML}/incidents/I3`,
      },
      {
        source: 'pagerduty',
        externalId: 'I4',
        entityRef: 'component:default/payments',
        alertName: 'PaymentsQueueBacklog',
        summary: 'PaymentsQueueBacklog',
        urgency: 'high',
        status: 'resolved',
        triggeredAt: '2026-03-10T12:00:00.000Z',
        resolvedAt: '2026-03-10T12:10:00.000Z',
        resolvedBy: 'Payments',
        responder: 'Bo',
        url: `${HTML}/incidents/I4`,
      },
    ]);
  });

  it('asks for incidents of every status of the mapped services, and logs only where needed', async () => {
    await source().pull({
      entities: [checkout, payments],
      since: SINCE,
      until: UNTIL,
    });
    const incidents = server.requests.filter(r => r.path === '/incidents');
    expect(incidents).toHaveLength(1);
    expect(incidents[0].query).toMatchObject({
      'service_ids[]': ['SVC1', 'SVC2'],
      'statuses[]': ['triggered', 'acknowledged', 'resolved'],
      since: ['2026-03-10T00:00:00.000Z'],
      until: ['2026-03-11T00:00:00.000Z'],
      time_zone: ['UTC'],
    });
    expect(
      server.requests
        .filter(r => r.path.endsWith('/log_entries'))
        .map(r => r.path),
    ).toEqual([
      '/incidents/I1/log_entries',
      '/incidents/I2/log_entries',
      '/incidents/I4/log_entries',
    ]);
  });

  it('looks back before `since` for incidents that changed after they were created', async () => {
    await source({ lookbackMs: 12 * 60 * 60 * 1000 }).pull({
      entities: [checkout],
      since: SINCE,
      until: UNTIL,
    });
    const [incidents] = server.requests.filter(r => r.path === '/incidents');
    expect(incidents.query.since).toEqual(['2026-03-09T12:00:00.000Z']);
  });

  it('pages through incidents', async () => {
    for (let i = 0; i < 120; i++) {
      server.data.incidents.push({
        id: `B${i}`,
        title: 'Burst',
        serviceId: 'SVC1',
        status: 'triggered',
        urgency: 'low',
        createdAt: '2026-03-10T20:00:00Z',
      });
    }
    const records = await source().pull({
      entities: [checkout],
      since: SINCE,
      until: UNTIL,
    });
    expect(records.filter(r => r.alertName === 'Burst')).toHaveLength(120);
    expect(
      server.requests
        .filter(r => r.path === '/incidents')
        .map(r => r.query.offset[0]),
    ).toEqual(['0', '100']);
  });

  it('records the incidents of every service a component lists for it', async () => {
    const both = entity('checkout', {
      'pagerduty.com/service-id': 'SVC1, SVC2',
    });
    const records = await source().pull({
      entities: [both],
      since: SINCE,
      until: UNTIL,
    });
    const services = new Set(
      server.data.incidents
        .filter(i => records.some(r => r.externalId === i.id))
        .map(i => i.serviceId),
    );
    expect(services).toEqual(new Set(['SVC1', 'SVC2']));
    expect(new Set(records.map(r => r.entityRef))).toEqual(
      new Set(['component:default/checkout']),
    );
  });

  it('records incidents of a service two entities map for the first one only', async () => {
    const twin = entity('checkout-twin', {
      'pagerduty.com/service-id': 'SVC1',
    });
    const records = await source().pull({
      entities: [twin, checkout],
      since: SINCE,
      until: UNTIL,
    });
    expect(new Set(records.map(r => r.entityRef))).toEqual(
      new Set(['component:default/checkout']),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'PagerDuty service SVC1 is mapped by component:default/checkout and component:default/checkout-twin; its incidents are recorded for component:default/checkout',
    );
  });

  it('skips entities whose account or integration key does not resolve and pulls the others', async () => {
    const wrongAccount = entity('a', {
      'pagerduty.com/service-id': 'SVC2',
      'pagerduty.com/account': 'nope',
    });
    const unknownKey = entity('b', {
      'pagerduty.com/integration-key': '00000000000000000000000000000000',
    });
    const records = await source().pull({
      entities: [wrongAccount, unknownKey, checkout],
      since: SINCE,
      until: UNTIL,
    });
    expect(records.map(r => r.externalId)).toEqual(['I1', 'I2', 'I3']);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'PagerDuty alerts of component:default/a skipped',
      ),
    );
  });

  it('fails the pull when PagerDuty fails', async () => {
    server.failNext(
      { status: 503, body: '' },
      { times: 10, pathPrefix: '/incidents' },
    );
    const failing = PagerDutyAlertSource.create({
      accounts: PagerDutyAccounts.create(
        {
          accounts: [
            {
              id: 'default',
              apiToken: server.token,
              apiBaseUrl: server.url,
              tokenConfigKey: 'reliability.pagerduty.apiToken',
            },
          ],
          defaultAccountId: 'default',
        },
        { retry: { maxAttempts: 2 }, sleep: async () => {} },
      ),
    });
    await expect(
      failing.pull({ entities: [checkout], since: SINCE, until: UNTIL }),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it('is created from config only when PagerDuty is configured', () => {
    expect(
      PagerDutyAlertSource.fromConfig(new ConfigReader({}), { logger }),
    ).toBeUndefined();
    expect(
      PagerDutyAlertSource.fromConfig(
        new ConfigReader({ reliability: { pagerduty: { apiToken: 'x' } } }),
        { logger },
      )?.type,
    ).toBe('pagerduty');
  });
});
