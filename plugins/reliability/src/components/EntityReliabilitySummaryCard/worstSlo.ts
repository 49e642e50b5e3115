import { Slo, SloPolicyState } from '../../api';

const SEVERITY: Record<SloPolicyState, number> = {
  exhausted: 0,
  warning: 1,
  unknown: 2,
  healthy: 3,
};

/**
 * The SLO that most needs attention: exhausted before warning before unknown before healthy,
 * then the least budget left (unknown budgets last within a state). `undefined` for none.
 */
export function worstSlo(slos: Slo[]): Slo | undefined {
  const rank = (slo: Slo) =>
    SEVERITY[slo.status?.policy.state ?? 'unknown'] ?? 2;
  const budget = (slo: Slo) => slo.status?.budget?.remaining ?? Infinity;
  return [...slos].sort(
    (a, b) => rank(a) - rank(b) || budget(a) - budget(b),
  )[0];
}

/** How many SLOs are in each policy state, worst first, e.g. `[['exhausted', 1], ['healthy', 2]]`. */
export function countByState(slos: Slo[]): Array<[SloPolicyState, number]> {
  const counts = new Map<SloPolicyState, number>();
  for (const slo of slos) {
    const state = slo.status?.policy.state ?? 'unknown';
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => SEVERITY[a] - SEVERITY[b]);
}
