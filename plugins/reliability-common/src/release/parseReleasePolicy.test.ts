import {
  parseReleasePolicyFile,
  parseReleasePolicySpec,
} from './parseReleasePolicy';
import { mergeReleasePolicies } from './releasePolicy';

const FILE = 'examples/services/checkout/release-policy.yaml';

describe('parseReleasePolicyFile', () => {
  it('reads a policy file into a policy layer', () => {
    const result = parseReleasePolicyFile(
      `apiVersion: reliability.dev/v1
kind: ReleasePolicy
metadata:
  name: checkout
spec:
  slos: [checkout-availability]
  warnWhenRemainingBelow: 40%
  onUnknownData: block
  allowDuringBlock: [fix]
  freezes:
    - name: Year-end freeze
      start: "12-20"
      end: "01-03"
      every: year
      timeZone: Europe/Berlin
`,
      { file: FILE },
    );
    expect(result.problems).toEqual([]);
    expect(result.policy).toEqual({
      slos: ['checkout-availability'],
      warnWhenRemainingBelow: 0.4,
      onUnknownData: 'block',
      allowDuringBlock: ['fix'],
      freezes: [
        {
          name: 'Year-end freeze',
          start: '12-20',
          end: '01-03',
          every: 'year',
          timeZone: 'Europe/Berlin',
          allow: [],
        },
      ],
    });
    expect(mergeReleasePolicies(result.policy).blockWhenBudgetExhausted).toBe(
      true,
    );
  });

  it('reports each mistake at its file, line and path', () => {
    const result = parseReleasePolicyFile(
      `apiVersion: reliability.dev/v1
kind: ReleasePolicy
metadata:
  name: checkout
spec:
  warnWhenRemainingBelow: 140%
  onStaleData: stop
  freezes:
    - name: Year-end
      start: "2026-12-20"
      end: "2026-12-10"
      timeZone: Mars/Olympus
`,
      { file: FILE },
    );
    expect(result.policy).toBeUndefined();
    expect(
      result.problems.map(p => `${p.line}:${p.column} ${p.path} ${p.message}`),
    ).toEqual([
      '7:16 spec.onStaleData expected one of "allow", "warn", "block", got the text "stop"',
    ]);
  });

  it('checks values once the structure is right', () => {
    const result = parseReleasePolicyFile(
      `apiVersion: reliability.dev/v1
kind: ReleasePolicy
metadata:
  name: checkout
spec:
  warnWhenRemainingBelow: 140%
  freezes:
    - name: Year-end
      start: "2026-12-20"
      end: "2026-12-10"
      timeZone: Mars/Olympus
`,
      { file: FILE },
    );
    expect(
      result.problems.map(p => `${p.file}:${p.line} ${p.path} ${p.message}`),
    ).toEqual([
      `${FILE}:6 spec.warnWhenRemainingBelow expected a share of the budget from 0 to 1 or a percentage, such as 0.25 or "25%", got "140%"`,
      `${FILE}:10 spec.freezes[0].end the freeze must end after its start (2026-12-20)`,
      `${FILE}:11 spec.freezes[0].timeZone unknown time zone "Mars/Olympus": write an IANA zone name such as Europe/Berlin, America/New_York or UTC`,
    ]);
  });

  it('names unknown fields and the fields allowed', () => {
    const result = parseReleasePolicyFile(
      `apiVersion: reliability.dev/v1
kind: ReleasePolicy
metadata: { name: checkout }
spec:
  blockOnExhausted: true
`,
      { file: FILE },
    );
    expect(result.problems[0]).toMatchObject({
      line: 5,
      path: 'spec.blockOnExhausted',
      severity: 'error',
    });
    expect(result.problems[0].message).toContain(
      'unknown field "blockOnExhausted"',
    );
    expect(result.problems[0].message).toContain('"blockWhenBudgetExhausted"');
  });

  it('refuses a yearly freeze written with a year', () => {
    const result = parseReleasePolicySpec(
      '{ freezes: [{ name: x, start: "2026-12-20", end: "01-03", every: year }] }',
      { file: 'catalog-info.yaml' },
    );
    expect(result.problems.map(p => p.message)).toEqual([
      'expected MM-DD or MM-DDTHH:mm (every: year), e.g. 12-20, got "2026-12-20"',
    ]);
  });
});

describe('parseReleasePolicySpec', () => {
  it('reads an inline annotation value', () => {
    expect(
      parseReleasePolicySpec(
        '{ allowDuringBlock: [fix], onUnknownData: block }',
        {
          file: 'catalog-info.yaml',
        },
      ),
    ).toEqual({
      policy: { allowDuringBlock: ['fix'], onUnknownData: 'block' },
      problems: [],
    });
  });

  it('refuses a list or a scalar', () => {
    expect(
      parseReleasePolicySpec('- fix', { file: 'a' }).problems[0].message,
    ).toContain('one mapping of policy fields');
    expect(parseReleasePolicySpec('fix', { file: 'a' }).policy).toBeUndefined();
  });
});
