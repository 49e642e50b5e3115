import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';

/** A minimal OpenSLO ratio SLO whose good and total parts name `type`. */
export function ratioSlo(
  id: string,
  type: string,
  goodSpec: Record<string, unknown> = { events: 'good' },
  totalSpec: Record<string, unknown> = { events: 'total' },
): ServiceLevelObjective {
  return {
    id,
    name: id,
    service: 'checkout',
    labels: {},
    budgetingMethod: 'Occurrences',
    timeWindow: { type: 'rolling', durationMs: 30 * 24 * 3_600_000 },
    objective: { target: 0.999, targetPercent: 99.9 },
    sli: {
      kind: 'ratio',
      counter: true,
      good: { type, spec: goodSpec },
      total: { type, spec: totalSpec },
    },
    source: {
      format: 'openslo/v1',
      location: { file: 'slos.yaml', line: 1, column: 1, path: '' },
    },
  };
}

/** A lookup over a fixed list of SLOs, shaped like the SLO definition store. */
export function lookupOf(...slos: ServiceLevelObjective[]) {
  return {
    getSlo: async (sloId: string) => {
      const slo = slos.find(s => s.id === sloId);
      return slo && { slo };
    },
    listAllSlos: async () => slos.map(slo => ({ slo })),
  };
}
