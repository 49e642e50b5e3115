import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A minimal valid SLO: push-sourced, 99% over a rolling 30 days, counting occurrences.
 */
export function makeSlo(
  overrides: Partial<ServiceLevelObjective> & { id: string },
): ServiceLevelObjective {
  return {
    name: overrides.id,
    service: 'svc',
    labels: {},
    budgetingMethod: 'Occurrences',
    timeWindow: { type: 'rolling', durationMs: 30 * DAY },
    objective: { target: 0.99, targetPercent: 99 },
    sli: {
      kind: 'ratio',
      counter: true,
      good: { type: 'Push', spec: {} },
      total: { type: 'Push', spec: {} },
    },
    source: {
      format: 'openslo/v1',
      location: { file: 'slos.yaml', line: 1, column: 1, path: '' },
    },
    ...overrides,
  };
}
