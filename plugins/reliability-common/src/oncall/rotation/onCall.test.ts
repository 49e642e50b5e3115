import {
  computeRotationEscalationChain,
  findRotationNextOnCall,
  findRotationOnCallAt,
  summarizeRotationOnCall,
} from './onCall';
import { testRotation } from './testRotation';

const weekly = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice, bob, carol]
  overrides:
    - { start: 2026-01-14T12:00, end: 2026-01-15T12:00, user: dave, reason: "swap with bob" }
  escalation:
    - { after: 15m, users: [user:default/erin] }
    - { after: 1h, users: [frank, ops/gina] }
`);

describe('findRotationOnCallAt', () => {
  it('gives the person on call with their whole shift and the layer that put them there', () => {
    expect(findRotationOnCallAt(weekly, '2026-01-13T12:00:00Z')).toEqual({
      ok: true,
      value: {
        user: 'user:default/bob',
        start: '2026-01-12T09:00:00+01:00',
        end: '2026-01-14T12:00:00+01:00',
        startMs: Date.parse('2026-01-12T08:00:00Z'),
        endMs: Date.parse('2026-01-14T11:00:00Z'),
        source: { type: 'layer', layer: 'weekly', layerIndex: 0 },
      },
    });
  });

  it('gives the override covering the instant', () => {
    const result = findRotationOnCallAt(
      weekly,
      new Date('2026-01-15T00:00:00Z'),
    );
    expect(result.ok && result.value).toMatchObject({
      user: 'user:default/dave',
      start: '2026-01-14T12:00:00+01:00',
      end: '2026-01-15T12:00:00+01:00',
      source: { type: 'override', overrideIndex: 0, reason: 'swap with bob' },
    });
  });

  it('counts a shift as starting at its handoff, inclusive', () => {
    const result = findRotationOnCallAt(
      weekly,
      Date.parse('2026-01-19T08:00:00Z'),
    );
    expect(result.ok && result.value?.user).toBe('user:default/carol');
  });

  it('answers nobody before the rotation starts', () => {
    expect(findRotationOnCallAt(weekly, '2026-01-01T00:00:00Z')).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('leaves out the end of a shift that outlasts the horizon', () => {
    const solo = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: solo
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice]
`);
    const result = findRotationOnCallAt(solo, '2026-02-01T00:00:00Z');
    expect(result).toEqual({
      ok: true,
      value: {
        user: 'user:default/alice',
        start: '2026-01-05T09:00:00+01:00',
        startMs: Date.parse('2026-01-05T08:00:00Z'),
        source: { type: 'layer', layer: 'solo', layerIndex: 0 },
      },
    });
    expect(findRotationNextOnCall(solo, '2026-02-01T00:00:00Z')).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('refuses an instant that is not one', () => {
    expect(findRotationOnCallAt(weekly, 'now')).toEqual({
      ok: false,
      error:
        'the instant (at) is not a valid instant: pass a Date, epoch milliseconds or an ISO 8601 string with an offset such as 2026-01-05T09:00:00+01:00',
    });
  });

  it('answers for a rotation of 15-minute shifts without refusing', () => {
    const dense = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: quarter-hours
      start: 2026-01-01T00:00
      shiftLength: 15m
      members: [a, b]
`);
    const result = findRotationOnCallAt(dense, '2026-06-01T10:20:00Z');
    // 12:20 CEST: the 12:15 shift; 151 days and 49 quarter hours after the start is an odd count.
    expect(result.ok && result.value).toMatchObject({
      user: 'user:default/b',
      start: '2026-06-01T12:15:00+02:00',
      end: '2026-06-01T12:30:00+02:00',
    });
  });
});

describe('findRotationNextOnCall', () => {
  it('gives the next person after the current shift', () => {
    const result = findRotationNextOnCall(weekly, '2026-01-20T12:00:00Z');
    expect(result.ok && result.value).toMatchObject({
      user: 'user:default/alice',
      start: '2026-01-26T09:00:00+01:00',
      end: '2026-02-02T09:00:00+01:00',
    });
  });

  it('gives an override that comes next', () => {
    const result = findRotationNextOnCall(weekly, '2026-01-13T12:00:00Z');
    expect(result.ok && result.value).toMatchObject({
      user: 'user:default/dave',
      start: '2026-01-14T12:00:00+01:00',
      source: { type: 'override', overrideIndex: 0, reason: 'swap with bob' },
    });
  });

  it('skips further shifts of the person on call now', () => {
    const twice = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice, alice, bob]
`);
    const now = findRotationOnCallAt(twice, '2026-01-06T00:00:00Z');
    expect(now.ok && now.value?.end).toBe('2026-01-19T09:00:00+01:00');
    const next = findRotationNextOnCall(twice, '2026-01-06T00:00:00Z');
    expect(next.ok && next.value).toMatchObject({
      user: 'user:default/bob',
      start: '2026-01-19T09:00:00+01:00',
      end: '2026-01-26T09:00:00+01:00',
    });
  });

  it('gives the first shift after a gap when nobody is on call', () => {
    const businessHours = testRotation(`
  timeZone: Europe/Berlin
  layers:
    - name: business-hours
      start: 2026-01-05T00:00
      shiftLength: 1d
      members: [carol, dave]
      restrictions:
        - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }
`);
    // Monday 20:00: nobody; Tuesday is the daily layer's shift 1, dave's.
    const at = '2026-01-05T19:00:00Z';
    expect(findRotationOnCallAt(businessHours, at)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(findRotationNextOnCall(businessHours, at)).toMatchObject({
      ok: true,
      value: {
        user: 'user:default/dave',
        start: '2026-01-06T09:00:00+01:00',
        end: '2026-01-06T17:00:00+01:00',
      },
    });
  });
});

describe('computeRotationEscalationChain', () => {
  it('starts with the rotation and whoever is on call, then the escalation levels', () => {
    expect(
      computeRotationEscalationChain(weekly, '2026-01-06T12:00:00Z'),
    ).toEqual({
      ok: true,
      value: [
        {
          level: 1,
          targets: [
            {
              type: 'rotation',
              name: 'payments-oncall',
              onCall: [{ name: 'alice', userRef: 'user:default/alice' }],
            },
          ],
        },
        {
          level: 2,
          delayMinutes: 15,
          targets: [{ type: 'user', name: 'user:default/erin' }],
        },
        {
          level: 3,
          delayMinutes: 60,
          targets: [
            { type: 'user', name: 'user:default/frank' },
            { type: 'user', name: 'user:ops/gina' },
          ],
        },
      ],
    });
  });
});

describe('summarizeRotationOnCall', () => {
  it('answers now, next and the chain as the API assignments', () => {
    const result = summarizeRotationOnCall(weekly, '2026-01-13T12:00:00Z');
    expect(result.ok && result.value.now).toEqual([
      {
        person: { name: 'bob', userRef: 'user:default/bob' },
        start: '2026-01-12T09:00:00+01:00',
        end: '2026-01-14T12:00:00+01:00',
        scheduleName: 'payments-oncall (weekly)',
        escalationLevel: 1,
      },
    ]);
    expect(result.ok && result.value.next).toEqual([
      {
        person: { name: 'dave', userRef: 'user:default/dave' },
        start: '2026-01-14T12:00:00+01:00',
        end: '2026-01-15T12:00:00+01:00',
        scheduleName: 'payments-oncall (override: swap with bob)',
        escalationLevel: 1,
      },
    ]);
    expect(result.ok && result.value.escalationChain).toHaveLength(3);
  });
});
