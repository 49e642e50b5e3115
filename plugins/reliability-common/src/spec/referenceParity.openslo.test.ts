/**
 * Parity with the OpenSLO reference validator: the Go SDK's `ReferenceInliner` (its tests in
 * `pkg/openslosdk/reference_inliner_test.go`) fails on a reference to an object none of the
 * objects read defines, and names the field (`spec.conditions[0].conditionRef`). Each case below
 * is written after one of those tests; we give the same verdict at the same path, with our file,
 * line and column.
 */
import { parseSloFiles } from './parseSloFiles';

const SLI = `- apiVersion: openslo/v1
  kind: SLI
  metadata:
    name: my-sli
  spec:
    ratioMetric:
      counter: true
      good:
        metricSource:
          type: Prometheus
          spec:
            query: sum(rate(http_requests_total{code!~"5.."}[1m]))
      total:
        metricSource:
          type: Prometheus
          spec:
            query: sum(rate(http_requests_total[1m]))
`;

const INLINE_CONDITION = `      - kind: AlertCondition
        metadata:
          name: memory-usage-breach
        spec:
          severity: page
          condition:
            kind: burnrate
            op: gt
            threshold: 2
            lookbackWindow: 1h
            alertAfter: 5m
`;

const INLINE_TARGET = `      - kind: AlertNotificationTarget
        metadata:
          name: pd-on-call-notification
        spec:
          target: pagerduty
`;

function slo(lines: { indicator?: string; alertPolicies: string }): string {
  return `- apiVersion: openslo/v1
  kind: SLO
  metadata:
    name: my-slo
  spec:
    service: web
    indicatorRef: ${lines.indicator ?? 'my-sli'}
    alertPolicies:
${lines.alertPolicies}    budgetingMethod: Occurrences
    timeWindow:
      - duration: 28d
        isRolling: true
    objectives:
      - target: 0.995
`;
}

/** Indents a block of YAML lines by `by` spaces. */
function indent(text: string, by: number): string {
  return text
    .split('\n')
    .map(line => (line ? `${' '.repeat(by)}${line}` : line))
    .join('\n');
}

interface Case {
  /** The Go SDK test this case follows. */
  sdkTest: string;
  content: string;
  /** `undefined` when the SDK accepts the objects. */
  sdkError?: { kind: string; name: string; fieldPath: string };
}

const cases: Case[] = [
  {
    sdkTest: 'v1: non-existing AlertCondition for Alert Policies',
    content: `- apiVersion: openslo/v1
  kind: AlertPolicy
  metadata:
    name: invalid-condition
  spec:
    alertWhenBreaching: true
    conditions:
      - conditionRef: cpu-usage-breach
    notificationTargets:
${INLINE_TARGET}`,
    sdkError: {
      kind: 'AlertCondition',
      name: 'cpu-usage-breach',
      fieldPath: 'spec.conditions[0].conditionRef',
    },
  },
  {
    sdkTest: 'v1: non-existing AlertNotificationTarget for Alert Policies',
    content: `- apiVersion: openslo/v1
  kind: AlertPolicy
  metadata:
    name: invalid-target
  spec:
    alertWhenBreaching: true
    conditions:
${INLINE_CONDITION}    notificationTargets:
${INLINE_TARGET}      - targetRef: devs-email-notification
`,
    sdkError: {
      kind: 'AlertNotificationTarget',
      name: 'devs-email-notification',
      fieldPath: 'spec.notificationTargets[1].targetRef',
    },
  },
  {
    sdkTest: 'v1: valid Alert Policies - keep refs',
    content: `- apiVersion: openslo/v1
  kind: AlertPolicy
  metadata:
    name: single-referenced-object
  spec:
    alertWhenBreaching: true
    conditions:
      - conditionRef: cpu-usage-breach
    notificationTargets:
      - targetRef: devs-email-notification
- apiVersion: openslo/v1
  kind: AlertCondition
  metadata:
    name: cpu-usage-breach
  spec:
    severity: page
    condition:
      kind: burnrate
      op: gt
      threshold: 2
      lookbackWindow: 1h
      alertAfter: 5m
- apiVersion: openslo/v1
  kind: AlertNotificationTarget
  metadata:
    name: devs-email-notification
  spec:
    target: email
`,
  },
  {
    sdkTest: 'v1: non-existing SLI for SLO',
    content: slo({
      indicator: 'no-sli',
      alertPolicies: `      - alertPolicyRef: my-policy\n`,
    }).concat(`- apiVersion: openslo/v1
  kind: AlertPolicy
  metadata:
    name: my-policy
  spec:
    conditions:
${INLINE_CONDITION}    notificationTargets:
${INLINE_TARGET}`),
    sdkError: { kind: 'SLI', name: 'no-sli', fieldPath: 'spec.indicatorRef' },
  },
  {
    sdkTest:
      'v1: non-existing AlertPolicy for SLO (v1_slo_invalid_policy.yaml)',
    content:
      slo({ alertPolicies: `      - alertPolicyRef: no-policy\n` }) + SLI,
    sdkError: {
      kind: 'AlertPolicy',
      name: 'no-policy',
      fieldPath: 'spec.alertPolicies[0].alertPolicyRef',
    },
  },
  {
    sdkTest: 'v1: non-existing AlertNotificationTarget for AlertPolicy in SLO',
    content:
      slo({
        alertPolicies: `      - kind: AlertPolicy
        metadata:
          name: my-policy
        spec:
          alertWhenBreaching: true
          conditions:
${indent(INLINE_CONDITION, 6)}          notificationTargets:
${indent(INLINE_TARGET, 6)}            - targetRef: devs-email-notification
`,
      }) + SLI,
    sdkError: {
      kind: 'AlertNotificationTarget',
      name: 'devs-email-notification',
      fieldPath: 'spec.alertPolicies[0].spec.notificationTargets[1].targetRef',
    },
  },
  {
    sdkTest: 'v1: valid SLO',
    content: slo({ alertPolicies: `      - alertPolicyRef: my-policy\n` })
      .concat(SLI)
      .concat(
        `- apiVersion: openslo/v1
  kind: AlertPolicy
  metadata:
    name: my-policy
  spec:
    conditions:
${INLINE_CONDITION}    notificationTargets:
${INLINE_TARGET}`,
      ),
  },
];

describe('OpenSLO reference parity with the Go SDK', () => {
  const errorsOf = (content: string) =>
    parseSloFiles([{ path: 'objects.yaml', content }]).problems.filter(
      p => p.severity === 'error',
    );

  it.each(cases.filter(c => !c.sdkError).map(c => [c.sdkTest, c] as const))(
    '%s: accepted by both',
    (_name, c) => {
      expect(errorsOf(c.content)).toEqual([]);
    },
  );

  it.each(cases.filter(c => c.sdkError).map(c => [c.sdkTest, c] as const))(
    '%s: rejected by both, at the same field',
    (_name, c) => {
      const sdkError = c.sdkError!;
      const errors = errorsOf(c.content);
      // The SDK stops at its first error; we report every problem, and this one among them.
      // Our path starts at the document's list item (the objects are a YAML list, as in the SDK's
      // files); the SDK's starts at the object.
      expect(errors).toEqual([
        expect.objectContaining({
          file: 'objects.yaml',
          path: `[0].${sdkError.fieldPath}`,
          line: expect.any(Number),
          column: expect.any(Number),
          message: expect.stringContaining(
            `no ${sdkError.kind} named "${sdkError.name}" is among the files read together`,
          ),
        }),
      ]);
      // The line is where the reference's value is written.
      const line = c.content.split('\n')[errors[0].line - 1];
      expect(line.slice(errors[0].column - 1)).toMatch(
        new RegExp(`^${sdkError.name}$`),
      );
    },
  );

  it('accepts the same objects when references may be resolved elsewhere, except the SLI', () => {
    const verdicts = cases
      .filter(c => c.sdkError)
      .map(c => ({
        sdkTest: c.sdkTest,
        errors: parseSloFiles([{ path: 'objects.yaml', content: c.content }], {
          unresolvedAlertReferences: 'warning',
        }).problems.filter(p => p.severity === 'error').length,
      }));
    expect(verdicts).toEqual(
      cases
        .filter(c => c.sdkError)
        .map(c => ({
          sdkTest: c.sdkTest,
          errors: c.sdkError!.kind === 'SLI' ? 1 : 0,
        })),
    );
  });
});
