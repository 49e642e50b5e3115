import { Entity } from '@backstage/catalog-model';
import { FakePagerDutyData } from './fakePagerDuty';

/** The moment the on-call tests ask at. */
export const NOW = new Date('2026-03-10T12:00:00Z');

/**
 * One service on a three-level policy: the "Primary" schedule (Ada now, Bo next, Ada again),
 * escalating after 15 minutes to "Secondary" (Cy), then after 30 minutes to Di directly.
 */
export function checkoutData(): FakePagerDutyData {
  return {
    users: [
      {
        id: 'U1',
        name: 'Ada',
        email: 'ada@example.com',
        time_zone: 'Europe/Berlin',
      },
      { id: 'U2', name: 'Bo', email: 'bo@example.com' },
      { id: 'U3', name: 'Cy', email: 'cy@example.com' },
      { id: 'U4', name: 'Di', email: 'di@example.com' },
    ],
    schedules: [
      { id: 'S1', name: 'Primary' },
      { id: 'S2', name: 'Secondary' },
    ],
    escalationPolicies: [
      {
        id: 'EP1',
        name: 'Checkout escalation',
        rules: [
          { delayMinutes: 15, targets: [{ type: 'schedule', id: 'S1' }] },
          { delayMinutes: 30, targets: [{ type: 'schedule', id: 'S2' }] },
          { delayMinutes: 10, targets: [{ type: 'user', id: 'U4' }] },
        ],
      },
    ],
    services: [
      {
        id: 'SVC1',
        name: 'Checkout API',
        escalationPolicyId: 'EP1',
        integrationKeys: ['0123456789abcdef0123456789abcdef'],
      },
    ],
    oncalls: [
      {
        userId: 'U1',
        scheduleId: 'S1',
        escalationPolicyId: 'EP1',
        level: 1,
        start: '2026-03-10T09:00:00Z',
        end: '2026-03-11T09:00:00Z',
      },
      {
        userId: 'U2',
        scheduleId: 'S1',
        escalationPolicyId: 'EP1',
        level: 1,
        start: '2026-03-11T09:00:00Z',
        end: '2026-03-12T09:00:00Z',
      },
      {
        userId: 'U1',
        scheduleId: 'S1',
        escalationPolicyId: 'EP1',
        level: 1,
        start: '2026-03-12T09:00:00Z',
        end: '2026-03-13T09:00:00Z',
      },
      {
        userId: 'U3',
        scheduleId: 'S2',
        escalationPolicyId: 'EP1',
        level: 2,
        start: '2026-03-09T00:00:00Z',
        end: '2026-03-16T00:00:00Z',
      },
      { userId: 'U4', escalationPolicyId: 'EP1', level: 3 },
    ],
    incidents: [],
    logEntries: {},
  };
}

/** A component entity with the given annotations. */
export function entity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/checkout',
      lifecycle: 'production',
    },
  };
}
