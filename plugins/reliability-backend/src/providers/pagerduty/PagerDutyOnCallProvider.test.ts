import { ConfigReader } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { PagerDutyAccounts } from './PagerDutyAccounts';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';
import { NOW, checkoutData, entity } from './__testUtils__/dataset';
import {
  FakePagerDuty,
  emptyData,
  startFakePagerDuty,
} from './__testUtils__/fakePagerDuty';

const HTML = 'https://acme.pagerduty.com';
const SERVICE_ID = { 'pagerduty.com/service-id': 'SVC1' };

describe('PagerDutyOnCallProvider', () => {
  let server: FakePagerDuty;

  beforeEach(async () => {
    server = await startFakePagerDuty({ data: checkoutData() });
  });

  afterEach(() => server.close());

  function provider(resolveUserRef?: (email: string) => string | undefined) {
    return PagerDutyOnCallProvider.create({
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
      resolveUserRef,
    });
  }

  describe('mappingFor', () => {
    it('prefers the service id over the integration key', () => {
      expect(
        provider().mappingFor(
          entity('checkout', {
            'pagerduty.com/integration-key': 'k',
            'pagerduty.com/service-id': ' SVC1 ',
          }),
        ),
      ).toEqual({ annotation: 'pagerduty.com/service-id', value: 'SVC1' });
    });

    it('maps by integration key when there is no service id', () => {
      expect(
        provider().mappingFor(
          entity('checkout', { 'pagerduty.com/integration-key': 'k' }),
        ),
      ).toEqual({ annotation: 'pagerduty.com/integration-key', value: 'k' });
    });

    it('does not map entities without PagerDuty annotations', () => {
      expect(
        provider().mappingFor(
          entity('checkout', { 'pagerduty.com/account': 'eu' }),
        ),
      ).toBeUndefined();
    });
  });

  describe('getOnCall', () => {
    it('answers now, next, the escalation chain and contact links', async () => {
      const checkout = entity('checkout', SERVICE_ID);
      const answer = await provider(email =>
        email === 'ada@example.com' ? 'user:default/ada' : undefined,
      ).getOnCall(checkout, provider().mappingFor(checkout)!, { now: NOW });

      const ada = {
        name: 'Ada',
        userRef: 'user:default/ada',
        email: 'ada@example.com',
        url: `${HTML}/users/U1`,
        externalId: 'U1',
      };
      expect(answer.now).toEqual([
        {
          person: ada,
          start: '2026-03-10T09:00:00.000Z',
          end: '2026-03-11T09:00:00.000Z',
          scheduleName: 'Primary',
          escalationLevel: 1,
        },
      ]);
      expect(answer.next).toEqual([
        {
          person: {
            name: 'Bo',
            email: 'bo@example.com',
            url: `${HTML}/users/U2`,
            externalId: 'U2',
          },
          start: '2026-03-11T09:00:00.000Z',
          end: '2026-03-12T09:00:00.000Z',
          scheduleName: 'Primary',
          escalationLevel: 1,
        },
      ]);
      expect(answer.escalationChain).toEqual([
        {
          level: 1,
          delayMinutes: undefined,
          targets: [
            {
              type: 'schedule',
              name: 'Primary',
              url: `${HTML}/schedules/S1`,
              onCall: [ada],
            },
          ],
        },
        {
          level: 2,
          delayMinutes: 15,
          targets: [
            {
              type: 'schedule',
              name: 'Secondary',
              url: `${HTML}/schedules/S2`,
              onCall: [
                {
                  name: 'Cy',
                  email: 'cy@example.com',
                  url: `${HTML}/users/U3`,
                  externalId: 'U3',
                },
              ],
            },
          ],
        },
        {
          level: 3,
          delayMinutes: 30,
          targets: [{ type: 'user', name: 'Di', url: `${HTML}/users/U4` }],
        },
      ]);
      expect(answer.contactLinks).toEqual([
        {
          title: 'Checkout API in PagerDuty',
          url: `${HTML}/service-directory/SVC1`,
          type: 'service',
        },
        {
          title: 'Escalation policy: Checkout escalation',
          url: `${HTML}/escalation_policies/EP1`,
          type: 'escalation-policy',
        },
        {
          title: 'Schedule: Primary',
          url: `${HTML}/schedules/S1`,
          type: 'schedule',
        },
        {
          title: 'Schedule: Secondary',
          url: `${HTML}/schedules/S2`,
          type: 'schedule',
        },
      ]);
    });

    it('asks for current on-calls at `now` and for the earliest ones ahead', async () => {
      const checkout = entity('checkout', SERVICE_ID);
      await provider().getOnCall(checkout, provider().mappingFor(checkout)!, {
        now: NOW,
      });
      expect(server.requests.map(r => r.path)).toEqual([
        '/services/SVC1',
        '/oncalls',
        '/oncalls',
      ]);
      const [, current, upcoming] = server.requests;
      expect(current.query).toMatchObject({
        'escalation_policy_ids[]': ['EP1'],
        since: ['2026-03-10T12:00:00.000Z'],
        until: ['2026-03-10T12:00:00.000Z'],
        'include[]': ['users'],
      });
      expect(current.query.earliest).toBeUndefined();
      expect(upcoming.query).toMatchObject({
        since: ['2026-03-10T12:00:00.000Z'],
        until: ['2026-03-24T12:00:00.000Z'],
        earliest: ['true'],
      });
    });

    it('resolves an integration key to its service first', async () => {
      const checkout = entity('checkout', {
        'pagerduty.com/integration-key': '0123456789abcdef0123456789abcdef',
      });
      const answer = await provider().getOnCall(
        checkout,
        provider().mappingFor(checkout)!,
        { now: NOW },
      );
      expect(answer.now.map(a => a.person.name)).toEqual(['Ada']);
      expect(server.requests[0].path).toBe('/services');
      expect(server.requests[0].query.query).toEqual([
        '0123456789abcdef0123456789abcdef',
      ]);
      expect(server.requests[1].query['escalation_policy_ids[]']).toEqual([
        'EP1',
      ]);
    });

    it('fails with NotFoundError when no service has the integration key', async () => {
      const checkout = entity('checkout', {
        'pagerduty.com/integration-key': 'ffffffffffffffffffffffffffffffff',
      });
      const error = await provider()
        .getOnCall(checkout, provider().mappingFor(checkout)!, { now: NOW })
        .catch(e => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toBe(
        'PagerDuty account "default" has no service with the integration key in pagerduty.com/integration-key of component:default/checkout: check the key, or use pagerduty.com/service-id instead',
      );
      expect(error.message).not.toContain('ffffffff');
    });

    it('reads the escalation policy when the service only references it', async () => {
      server.failNext(
        {
          status: 200,
          body: {
            service: {
              id: 'SVC1',
              type: 'service',
              name: 'Checkout API',
              html_url: `${HTML}/service-directory/SVC1`,
              escalation_policy: {
                id: 'EP1',
                type: 'escalation_policy_reference',
                summary: 'Checkout escalation',
              },
            },
          },
        },
        { pathPrefix: '/services/' },
      );
      const checkout = entity('checkout', SERVICE_ID);
      const answer = await provider().getOnCall(
        checkout,
        provider().mappingFor(checkout)!,
        { now: NOW },
      );
      expect(server.requests.map(r => r.path)).toEqual([
        '/services/SVC1',
        '/escalation_policies/EP1',
        '/oncalls',
        '/oncalls',
      ]);
      expect(answer.escalationChain.map(step => step.delayMinutes)).toEqual([
        undefined,
        15,
        30,
      ]);
    });

    it('has nobody next when the same person stays on call', async () => {
      server.data.oncalls = server.data.oncalls.filter(o => o.userId !== 'U2');
      const checkout = entity('checkout', SERVICE_ID);
      const answer = await provider().getOnCall(
        checkout,
        provider().mappingFor(checkout)!,
        { now: NOW },
      );
      expect(answer.next).toEqual([]);
    });
  });

  describe('accounts', () => {
    let eu: FakePagerDuty;

    beforeEach(async () => {
      eu = await startFakePagerDuty({ token: 'eu-token', data: emptyData() });
      Object.assign(eu.data, checkoutData());
    });

    afterEach(() => eu.close());

    function multiAccount() {
      return PagerDutyOnCallProvider.fromConfig(
        new ConfigReader({
          reliability: {
            pagerduty: {
              accounts: [
                {
                  id: 'us',
                  apiToken: server.token,
                  apiBaseUrl: server.url,
                  isDefault: true,
                },
                { id: 'eu', apiToken: 'eu-token', apiBaseUrl: eu.url },
              ],
            },
          },
        }),
      )!;
    }

    it('uses the account pagerduty.com/account names, with its token', async () => {
      const checkout = entity('checkout', {
        ...SERVICE_ID,
        'pagerduty.com/account': 'eu',
      });
      await multiAccount().getOnCall(
        checkout,
        multiAccount().mappingFor(checkout)!,
        {
          now: NOW,
        },
      );
      expect(server.requests).toEqual([]);
      expect(eu.requests.length).toBeGreaterThan(0);
      expect(
        eu.requests.every(
          r => r.headers.authorization === 'Token token=eu-token',
        ),
      ).toBe(true);
    });

    it('uses the default account for entities that name none', async () => {
      const checkout = entity('checkout', SERVICE_ID);
      await multiAccount().getOnCall(
        checkout,
        multiAccount().mappingFor(checkout)!,
        {
          now: NOW,
        },
      );
      expect(eu.requests).toEqual([]);
      expect(server.requests.length).toBeGreaterThan(0);
    });

    it('fails with InputError for an account that is not configured', async () => {
      const checkout = entity('checkout', {
        ...SERVICE_ID,
        'pagerduty.com/account': 'apac',
      });
      await expect(
        multiAccount().getOnCall(
          checkout,
          multiAccount().mappingFor(checkout)!,
          { now: NOW },
        ),
      ).rejects.toThrow(
        new InputError(
          'component:default/checkout names the PagerDuty account "apac" in pagerduty.com/account, but reliability.pagerduty.accounts only has "us", "eu": fix the annotation or add the account',
        ),
      );
    });

    it('is not created when PagerDuty is not configured', () => {
      expect(
        PagerDutyOnCallProvider.fromConfig(
          new ConfigReader({ reliability: {} }),
        ),
      ).toBeUndefined();
    });
  });

  describe('several services per component', () => {
    /** A second service, on its own policy, with Bo on call at level 1 of "Worker". */
    function addWorker() {
      server.data.schedules.push({ id: 'S3', name: 'Worker' });
      server.data.escalationPolicies.push({
        id: 'EP2',
        name: 'Worker escalation',
        rules: [
          { delayMinutes: 5, targets: [{ type: 'schedule', id: 'S3' }] },
          { delayMinutes: 10, targets: [{ type: 'user', id: 'U4' }] },
        ],
      });
      server.data.services.push({
        id: 'SVC9',
        name: 'Checkout worker',
        escalationPolicyId: 'EP2',
        integrationKeys: [],
      });
      server.data.oncalls.push(
        {
          userId: 'U2',
          scheduleId: 'S3',
          escalationPolicyId: 'EP2',
          level: 1,
          start: '2026-03-10T00:00:00Z',
          end: '2026-03-17T00:00:00Z',
        },
        { userId: 'U4', escalationPolicyId: 'EP2', level: 2 },
      );
    }

    it('merges on-call now, next, the chains and links of every listed service', async () => {
      addWorker();
      const checkout = entity('checkout', {
        'pagerduty.com/service-id': 'SVC1, SVC9',
      });
      const p = provider();
      const mapping = p.mappingFor(checkout)!;
      expect(mapping.value).toBe('SVC1, SVC9');
      const answer = await p.getOnCall(checkout, mapping, { now: NOW });
      expect(answer.now.map(a => [a.person.name, a.scheduleName])).toEqual([
        ['Ada', 'Primary'],
        ['Bo', 'Worker'],
      ]);
      expect(answer.next.map(a => a.person.name)).toEqual(['Bo']);
      expect(
        answer.escalationChain.map(step => [
          step.level,
          step.delayMinutes,
          step.targets.map(t => t.name),
        ]),
      ).toEqual([
        [1, undefined, ['Primary', 'Worker']],
        // The soonest any of the services escalates.
        [2, 5, ['Secondary', 'Di']],
        [3, 30, ['Di']],
      ]);
      expect(answer.contactLinks.map(l => l.title)).toEqual(
        expect.arrayContaining([
          'Checkout API in PagerDuty',
          'Checkout worker in PagerDuty',
          'Schedule: Worker',
        ]),
      );
    });

    it('keeps the single form unchanged and reads shifts of each policy once', async () => {
      addWorker();
      server.data.services.push({
        id: 'SVC10',
        name: 'Checkout cron',
        escalationPolicyId: 'EP1',
        integrationKeys: [],
      });
      const checkout = entity('checkout', {
        'pagerduty.com/service-id': 'SVC1,SVC10,SVC9,SVC1',
      });
      const p = provider();
      const shifts = await p.getShifts(checkout, p.mappingFor(checkout)!, {
        from: new Date('2026-03-10T00:00:00Z'),
        to: new Date('2026-03-11T00:00:00Z'),
      });
      expect(shifts.map(s => [s.user, s.start, s.end])).toEqual([
        ['Bo', '2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z'],
        ['Ada', '2026-03-10T09:00:00.000Z', '2026-03-11T00:00:00.000Z'],
      ]);
      const policies = server.requests
        .filter(r => r.path === '/oncalls')
        .map(r => r.query['escalation_policy_ids[]'][0]);
      expect(policies.sort()).toEqual(['EP1', 'EP2']);
    });

    it('fails naming the listed service PagerDuty does not have', async () => {
      const checkout = entity('checkout', {
        'pagerduty.com/service-id': 'SVC1,NOPE',
      });
      const p = provider();
      await expect(
        p.getOnCall(checkout, p.mappingFor(checkout)!, { now: NOW }),
      ).rejects.toThrow(NotFoundError);
    });
  });

  describe('getShifts', () => {
    it('returns level-1 shifts within [from, to), clipped to the range', async () => {
      const checkout = entity('checkout', SERVICE_ID);
      const shifts = await provider(email =>
        email === 'ada@example.com' ? 'user:default/ada' : undefined,
      ).getShifts(checkout, provider().mappingFor(checkout)!, {
        from: new Date('2026-03-10T00:00:00Z'),
        to: new Date('2026-03-12T00:00:00Z'),
      });
      expect(shifts).toEqual([
        {
          user: 'user:default/ada',
          start: '2026-03-10T09:00:00.000Z',
          end: '2026-03-11T09:00:00.000Z',
          timeZone: 'Europe/Berlin',
        },
        {
          user: 'Bo',
          start: '2026-03-11T09:00:00.000Z',
          end: '2026-03-12T00:00:00.000Z',
          timeZone: 'Etc/UTC',
        },
      ]);
      const oncalls = server.requests.find(r => r.path === '/oncalls')!;
      expect(oncalls.query).toMatchObject({
        since: ['2026-03-10T00:00:00.000Z'],
        until: ['2026-03-12T00:00:00.000Z'],
        'escalation_policy_ids[]': ['EP1'],
      });
    });

    it('splits ranges longer than 90 days into several requests', async () => {
      const checkout = entity('checkout', SERVICE_ID);
      await provider().getShifts(checkout, provider().mappingFor(checkout)!, {
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2026-06-01T00:00:00Z'),
      });
      const windows = server.requests
        .filter(r => r.path === '/oncalls')
        .map(r => [r.query.since[0], r.query.until[0]]);
      expect(windows).toEqual([
        ['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
        ['2026-04-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
      ]);
    });
  });
});
