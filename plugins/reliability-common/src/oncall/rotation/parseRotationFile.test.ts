import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseRotationFile } from './parseRotationFile';

const parse = (text: string) => parseRotationFile(text, { file: 'r.yaml' });

/** Problems as `line:column path message`, the way an editor shows them. */
const where = (text: string) =>
  parse(text).problems.map(
    problem =>
      `${problem.line}:${problem.column} ${problem.path} ${problem.message}`,
  );

const EXAMPLE = `apiVersion: reliability.dev/v1
kind: Rotation
metadata:
  name: payments-oncall
  displayName: Payments on-call
spec:
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice, user:default/bob, carol]
    - name: business-hours
      start: 2026-01-05T00:00
      shiftLength: 1d
      members: [dave, erin]
      restrictions:
        - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }
  overrides:
    - { start: 2026-11-23T09:00, end: 2026-11-24T09:00, user: dave, reason: "swap with alice" }
  escalation:
    - { after: 15m, users: [user:default/erin] }
`;

describe('parseRotationFile', () => {
  it('reads a valid rotation', () => {
    const { rotation, problems } = parse(EXAMPLE);
    expect(problems).toEqual([]);
    expect(rotation).toEqual({
      file: 'r.yaml',
      name: 'payments-oncall',
      displayName: 'Payments on-call',
      timeZone: 'Europe/Berlin',
      layers: [
        {
          name: 'weekly',
          startMs: Date.parse('2026-01-05T08:00:00Z'),
          shiftLengthMinutes: 7 * 24 * 60,
          members: [
            'user:default/alice',
            'user:default/bob',
            'user:default/carol',
          ],
          restrictions: [],
        },
        {
          name: 'business-hours',
          startMs: Date.parse('2026-01-04T23:00:00Z'),
          shiftLengthMinutes: 24 * 60,
          members: ['user:default/dave', 'user:default/erin'],
          restrictions: [
            { days: [1, 2, 3, 4, 5], fromMinutes: 540, toMinutes: 1020 },
          ],
        },
      ],
      overrides: [
        {
          index: 0,
          startMs: Date.parse('2026-11-23T08:00:00Z'),
          endMs: Date.parse('2026-11-24T08:00:00Z'),
          user: 'user:default/dave',
          reason: 'swap with alice',
        },
      ],
      escalation: [{ afterMinutes: 15, users: ['user:default/erin'] }],
    });
  });

  it('reads times with an offset as instants, and a date alone as midnight', () => {
    const { rotation } = parse(
      EXAMPLE.replace('start: 2026-01-05T09:00', 'start: 2026-01-05T08:00:00Z')
        .replace('start: 2026-01-05T00:00', 'start: 2026-01-05')
        .replace('end: 2026-11-24T09:00', 'end: "2026-11-24T03:00-05:00"'),
    );
    expect(rotation?.layers.map(layer => layer.startMs)).toEqual([
      Date.parse('2026-01-05T08:00:00Z'),
      Date.parse('2026-01-04T23:00:00Z'),
    ]);
    expect(rotation?.overrides[0].endMs).toBe(
      Date.parse('2026-11-24T08:00:00Z'),
    );
  });

  it('reports value problems at their line and column, saying how to fix them', () => {
    const text = `apiVersion: reliability.dev/v1
kind: Rotation
metadata:
  name: payments-oncall
spec:
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-02-30T09:00
      shiftLength: 1x
      members: []
      restrictions:
        - { days: [mon, funday], from: "9:00", to: "25:00" }
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 5m
      members: [group:default/sre, jane@example.com]
  overrides:
    - { start: 2026-11-24T09:00, end: 2026-11-23T09:00, user: dave }
  escalation:
    - { after: 2d, users: [] }
`;
    expect(where(text)).toEqual([
      '9:14 spec.layers[0].start "2026-02-30T09:00" is not a valid date and time: expected a date and time such as 2026-01-05T09:00 (wall-clock time in the rotation\'s timeZone), 2026-01-05 (midnight) or 2026-01-05T09:00+01:00',
      '10:20 spec.layers[0].shiftLength "1x" is not a shift length: expected a duration such as 1w, 2d, 12h, 30m or 1h30m (whole numbers of w, d, h and m, in that order)',
      '11:7 spec.layers[0].members the layer has no members: list the users who take turns, e.g. [jane, user:default/john]',
      '13:25 spec.layers[0].restrictions[0].days[1] "funday" is not a weekday: write mon, tue, wed, thu, fri, sat or sun',
      '13:40 spec.layers[0].restrictions[0].from "9:00" is not a start time: expected a time of day as HH:MM on a 24-hour clock, such as "09:00" or "17:30"',
      '13:52 spec.layers[0].restrictions[0].to "25:00" is not an end time: expected a time of day as HH:MM on a 24-hour clock, such as "09:00" or "17:30" ("24:00" for the end of the day)',
      '14:13 spec.layers[1].name the layer name "weekly" is already used by layer 0: give each layer its own name',
      '16:20 spec.layers[1].shiftLength a shift of 5m is shorter than allowed: shifts last from 15m to 366d',
      '17:17 spec.layers[1].members[0] "group:default/sre" refers to a group, but only users can be on call: write a user name such as "jane" or a ref such as "user:default/jane"',
      '17:36 spec.layers[1].members[1] "jane@example.com" has the name "jane@example.com", which is not a valid user entity name; it looks like an email address: write the user entity\'s name instead (e.g. "jane.doe")',
      '19:39 spec.overrides[0].end the override ends (2026-11-23T09:00) before or when it starts (2026-11-24T09:00): swap them or fix the date',
      '21:16 spec.escalation[0].after an escalation after 2d comes too late to help: escalate within 24h',
      '21:20 spec.escalation[0].users the escalation level notifies nobody: list at least one user',
    ]);
    expect(parse(text).rotation).toBeUndefined();
  });

  it('reports an unknown time zone on the zone', () => {
    expect(where(EXAMPLE.replace('Europe/Berlin', 'Europe/Berln'))).toEqual([
      '7:13 spec.timeZone unknown time zone "Europe/Berln": write an IANA zone name such as Europe/Berlin, America/New_York or UTC',
    ]);
  });

  it('reports an empty restriction window', () => {
    expect(where(EXAMPLE.replace('to: "17:00"', 'to: "09:00"'))).toEqual([
      '18:65 spec.layers[1].restrictions[0].to the window from 09:00 to 09:00 is empty or ambiguous: for a whole day write from: "00:00" and to: "24:00"',
    ]);
  });

  it('reports structural problems: wrong apiVersion, unknown fields, missing fields', () => {
    const text = EXAMPLE.replace('reliability.dev/v1', 'reliability.dev/v2')
      .replace('shiftLength: 1w', 'shiftlength: 1w')
      .replace('  displayName: Payments on-call\n', '');
    expect(where(text)).toEqual([
      '1:13 apiVersion expected "reliability.dev/v1", got the text "reliability.dev/v2"',
      '8:7 spec.layers[0].shiftLength "shiftLength" is required',
      '10:7 spec.layers[0].shiftlength unknown field "shiftlength"; the fields allowed here are "name", "start", "end", "shiftLength", "members", "restrictions"',
    ]);
  });

  it('requires at least one layer', () => {
    const text = `apiVersion: reliability.dev/v1
kind: Rotation
metadata:
  name: empty
spec:
  timeZone: UTC
  layers: []
`;
    expect(where(text)).toEqual([
      '7:3 spec.layers a rotation needs at least one layer: add one with name, start, shiftLength and members',
    ]);
  });

  it('wants exactly one document', () => {
    expect(where(`${EXAMPLE}---\n${EXAMPLE}`)).toEqual([
      '1:1  a rotation file holds exactly one document with apiVersion reliability.dev/v1 and kind Rotation, found 2 documents',
    ]);
    expect(where('')).toEqual([
      '1:1  a rotation file holds exactly one document with apiVersion reliability.dev/v1 and kind Rotation, found nothing',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const [problem] = parse('spec: [1, 2\nkind: x\n').problems;
    expect(problem).toMatchObject({
      file: 'r.yaml',
      line: 2,
      severity: 'error',
    });
    expect(problem.message).toMatch(/^YAML syntax error/);
  });

  it('never throws, whatever the text or the structure', () => {
    fc.assert(
      fc.property(fc.string(), text => {
        expect(Array.isArray(parse(text).problems)).toBe(true);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(
        fc.record({
          apiVersion: fc.constantFrom('reliability.dev/v1', 'x'),
          kind: fc.constantFrom('Rotation', 1),
          metadata: fc.record({ name: fc.string() }),
          spec: fc.record({
            timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Mars/Base', ''),
            layers: fc.array(
              fc.record({
                name: fc.string(),
                start: fc.oneof(fc.string(), fc.constant('2026-03-29T02:30')),
                shiftLength: fc.oneof(
                  fc.string(),
                  fc.constantFrom('1d', '15m'),
                ),
                members: fc.array(fc.oneof(fc.string(), fc.integer())),
                restrictions: fc.array(
                  fc.record({
                    from: fc.string(),
                    to: fc.string(),
                    days: fc.anything(),
                  }),
                ),
              }),
              { maxLength: 2 },
            ),
            overrides: fc.anything(),
          }),
        }),
        value => {
          const { rotation, problems } = parse(stringify(value));
          expect(rotation !== undefined || problems.length > 0).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
