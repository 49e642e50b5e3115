import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { OpsgenieOnCallProvider } from './OpsgenieOnCallProvider';
import { FakeOpsgenie, startFakeOpsgenie } from './__testUtils__/fakeOpsgenie';
import { OpsgenieUserRefResolver } from './webLinks';

const WEB = 'https://acme.app.opsgenie.com';
const NOW = new Date('2024-03-06T12:00:00Z');
const team = { id: 't1', name: 'payments' };

const jane = { id: 'u1', name: 'jane@example.com', type: 'user' };
const sam = { id: 'u3', name: 'sam@example.com', type: 'user' };
const joe = { id: 'u2', name: 'joe@example.com', type: 'user' };

function service(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
    spec: { owner: 'group:payments' },
  };
}

const mapping = { annotation: 'opsgenie.com/team', value: 'payments' };

function period(
  recipient: { id: string; name: string; type: string },
  start: string,
  end: string,
) {
  return { startDate: start, endDate: end, type: 'default', recipient };
}

describe('OpsgenieOnCallProvider', () => {
  let server: FakeOpsgenie;

  beforeEach(async () => {
    server = await startFakeOpsgenie();
    Object.assign(server.data, {
      teams: [team, { id: 't2', name: 'other' }],
      schedules: [
        {
          id: 's1',
          name: 'payments_schedule',
          timezone: 'Europe/Berlin',
          enabled: true,
          ownerTeam: team,
        },
        { id: 's2', name: 'other_schedule', ownerTeam: { id: 't2' } },
        { id: 's3', name: 'old_schedule', enabled: false, ownerTeam: team },
      ],
      onCalls: {
        // A user, and a team in the rotation with its on-call member.
        s1: [
          jane,
          { id: 't9', name: 'sre', type: 'team', onCallParticipants: [sam] },
        ],
      },
      nextOnCalls: { s1: [joe] },
      timelines: {
        s1: [
          {
            id: 'r1',
            name: 'primary',
            periods: [
              period(jane, '2024-02-26T08:00:00Z', '2024-03-04T08:00:00Z'),
              period(jane, '2024-03-04T08:00:00Z', '2024-03-11T08:00:00Z'),
              period(joe, '2024-03-11T08:00:00Z', '2024-03-18T08:00:00Z'),
            ],
          },
          {
            id: 'r2',
            name: 'sre',
            periods: [
              {
                startDate: '2024-03-04T08:00:00Z',
                endDate: '2024-03-11T08:00:00Z',
                type: 'historical',
                recipient: { id: 't9', name: 'sre', type: 'team' },
                flattenedRecipients: [sam],
              },
            ],
          },
        ],
      },
      escalations: [
        {
          id: 'e0',
          name: 'other_escalation',
          ownerTeam: { id: 't2', name: 'other' },
          rules: [],
        },
        {
          id: 'e1',
          name: 'payments_escalation',
          ownerTeam: team,
          rules: [
            {
              condition: 'if-not-acked',
              notifyType: 'default',
              delay: { timeAmount: 10, timeUnit: 'minutes' },
              recipient: {
                type: 'user',
                id: 'u9',
                username: 'lead@example.com',
              },
            },
            {
              delay: { timeAmount: 0, timeUnit: 'minutes' },
              recipient: {
                type: 'schedule',
                id: 's1',
                name: 'payments_schedule',
              },
            },
            {
              delay: { timeAmount: 10, timeUnit: 'minutes' },
              recipient: { type: 'team', id: 't1', name: 'payments' },
            },
            {
              delay: { timeAmount: 1, timeUnit: 'hours' },
              recipient: {
                type: 'user',
                id: 'u10',
                username: 'cto@example.com',
              },
            },
          ],
        },
      ],
    });
  });

  afterEach(() => server.close());

  function provider(
    opsgenie: Record<string, unknown> = { domain: 'acme' },
    resolveUserRef?: OpsgenieUserRefResolver,
  ) {
    return OpsgenieOnCallProvider.fromConfig(
      new ConfigReader({
        reliability: {
          opsgenie: { apiKey: server.apiKey, apiUrl: server.url, ...opsgenie },
        },
      }),
      {
        logger: mockServices.logger.mock(),
        resolveUserRef,
        client: { sleep: async () => {} },
      },
    )!;
  }

  it('is not created without reliability.opsgenie', () => {
    expect(
      OpsgenieOnCallProvider.fromConfig(new ConfigReader({}), {
        logger: mockServices.logger.mock(),
      }),
    ).toBeUndefined();
  });

  it('maps entities by opsgenie.com/team', () => {
    const p = provider();
    expect(p.type).toBe('opsgenie');
    expect(
      p.mappingFor(service({ 'opsgenie.com/team': ' payments ' })),
    ).toEqual(mapping);
    expect(p.mappingFor(service({ 'opsgenie.com/team': ' ' }))).toBeUndefined();
    expect(
      p.mappingFor(service({ 'opsgenie.com/component-selector': 'tag:x' })),
    ).toBeUndefined();
  });

  it("answers who is on call now and next in the team's enabled schedules, with shift bounds", async () => {
    const answer = await provider().getOnCall(service(), mapping, { now: NOW });
    const person = (p: typeof jane) => ({
      name: p.name,
      email: p.name,
      externalId: p.id,
      url: `${WEB}/settings/users/${p.id}/detail`,
    });
    expect(answer.now).toEqual([
      {
        person: person(jane),
        start: '2024-03-04T08:00:00.000Z',
        end: '2024-03-11T08:00:00.000Z',
        scheduleName: 'payments_schedule',
        escalationLevel: 1,
      },
      {
        person: person(sam),
        start: '2024-03-04T08:00:00.000Z',
        end: '2024-03-11T08:00:00.000Z',
        scheduleName: 'payments_schedule',
        escalationLevel: 1,
      },
    ]);
    expect(answer.next).toEqual([
      {
        person: person(joe),
        start: '2024-03-11T08:00:00.000Z',
        end: '2024-03-18T08:00:00.000Z',
        scheduleName: 'payments_schedule',
        escalationLevel: 1,
      },
    ]);
  });

  it('asks only for the schedules the team owns, at the given time', async () => {
    await provider().getOnCall(service(), mapping, { now: NOW });
    const requested = server.requests.map(r => r.path);
    expect(requested).toEqual(
      expect.arrayContaining([
        '/v2/teams/payments',
        '/v2/schedules',
        '/v2/escalations',
        '/v2/schedules/s1/on-calls',
        '/v2/schedules/s1/next-on-calls',
        '/v2/schedules/s1/timeline',
      ]),
    );
    expect(requested).toHaveLength(6);
    const onCalls = server.requests.find(
      r => r.path === '/v2/schedules/s1/on-calls',
    );
    expect(onCalls?.query).toEqual({
      scheduleIdentifierType: 'id',
      flat: 'false',
      date: '2024-03-06T12:00:00+00:00',
    });
  });

  it("turns the team's escalation policy into the chain, rules with one delay as one level", async () => {
    const answer = await provider().getOnCall(service(), mapping, { now: NOW });
    expect(answer.escalationChain).toEqual([
      {
        level: 1,
        delayMinutes: 0,
        targets: [
          {
            type: 'schedule',
            name: 'payments_schedule',
            url: `${WEB}/settings/schedule/detail/s1`,
            onCall: [
              expect.objectContaining({ name: 'jane@example.com' }),
              expect.objectContaining({ name: 'sam@example.com' }),
            ],
          },
        ],
      },
      {
        level: 2,
        delayMinutes: 10,
        targets: [
          {
            type: 'user',
            name: 'lead@example.com',
            url: `${WEB}/settings/users/u9/detail`,
          },
          {
            type: 'team',
            name: 'payments',
            url: `${WEB}/teams/dashboard/t1/main`,
          },
        ],
      },
      {
        level: 3,
        delayMinutes: 50,
        targets: [
          {
            type: 'user',
            name: 'cto@example.com',
            url: `${WEB}/settings/users/u10/detail`,
          },
        ],
      },
    ]);
  });

  it('links the team and its schedules in the web UI', async () => {
    const answer = await provider().getOnCall(service(), mapping, { now: NOW });
    expect(answer.contactLinks).toEqual([
      {
        title: 'Opsgenie team payments',
        url: `${WEB}/teams/dashboard/t1/main`,
        type: 'team',
      },
      {
        title: 'Opsgenie schedule payments_schedule',
        url: `${WEB}/settings/schedule/detail/s1`,
        type: 'schedule',
      },
    ]);
  });

  it('gives no links without a domain', async () => {
    const answer = await provider({}).getOnCall(service(), mapping, {
      now: NOW,
    });
    expect(answer.contactLinks).toEqual([]);
    expect(answer.now[0].person.url).toBeUndefined();
  });

  it('resolves people to catalog users when it can', async () => {
    const answer = await provider({}, ({ username }) =>
      username === 'jane@example.com' ? 'user:default/jane' : undefined,
    ).getOnCall(service(), mapping, { now: NOW });
    expect(answer.now.map(a => a.person.userRef)).toEqual([
      'user:default/jane',
      undefined,
    ]);
  });

  it('says which annotation named a team Opsgenie does not have', async () => {
    const error = await provider()
      .getOnCall(
        service(),
        { annotation: 'opsgenie.com/team', value: 'paymnets' },
        { now: NOW },
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain(
      'Opsgenie has no team named "paymnets" (opsgenie.com/team of component:default/checkout); write the team\'s name exactly as Opsgenie shows it; caused by NotFoundError: Opsgenie answered 404',
    );
  });

  it('reads shifts from the timeline, clipped to the range and back-to-back periods joined', async () => {
    const shifts = await provider({}, ({ username }) =>
      username === 'jane@example.com' ? 'user:default/jane' : undefined,
    ).getShifts!(service(), mapping, {
      from: new Date('2024-03-01T00:00:00Z'),
      to: new Date('2024-03-15T00:00:00Z'),
    });
    expect(shifts).toEqual([
      {
        user: 'user:default/jane',
        start: '2024-03-01T00:00:00.000Z',
        end: '2024-03-11T08:00:00.000Z',
        timeZone: 'Europe/Berlin',
      },
      {
        user: 'sam@example.com',
        start: '2024-03-04T08:00:00.000Z',
        end: '2024-03-11T08:00:00.000Z',
        timeZone: 'Europe/Berlin',
      },
      {
        user: 'joe@example.com',
        start: '2024-03-11T08:00:00.000Z',
        end: '2024-03-15T00:00:00.000Z',
        timeZone: 'Europe/Berlin',
      },
    ]);
  });

  it('reads long ranges in timelines of at most 31 days', async () => {
    const shifts = await provider().getShifts!(service(), mapping, {
      from: new Date('2024-03-01T00:00:00Z'),
      to: new Date('2024-04-10T00:00:00Z'),
    });
    const timelines = server.requests.filter(
      r => r.path === '/v2/schedules/s1/timeline',
    );
    expect(timelines.map(r => [r.query.date, r.query.interval])).toEqual([
      ['2024-03-01T00:00:00+00:00', '31'],
      ['2024-04-01T00:00:00+00:00', '9'],
    ]);
    expect(shifts.map(s => s.user)).toEqual([
      'jane@example.com',
      'sam@example.com',
      'joe@example.com',
    ]);
  });
});
