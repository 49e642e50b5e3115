import type { ScorecardDefinition } from '../definitions';

/** Three levels over on-call, runbooks and SLOs, for production services. */
export function readinessScorecard(): ScorecardDefinition {
  const ref = (check: string, params: Record<string, unknown> = {}) => ({
    id: check,
    check,
    title: check,
    params,
    remediation: `fix ${check}`,
  });
  return {
    id: 'production-readiness',
    title: 'Production readiness',
    appliesTo: { kind: ['component'], lifecycle: ['production'] },
    source: 'test',
    levels: [
      {
        name: 'Bronze',
        checks: [ref('owner-is-group'), ref('runbook-present')],
      },
      {
        name: 'Silver',
        checks: [ref('oncall-resolves'), ref('slo-defined')],
      },
      {
        name: 'Gold',
        checks: [ref('slo-met'), ref('runbook-fresh', { days: 30 })],
      },
    ],
  };
}
