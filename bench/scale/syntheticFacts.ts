/*
 * Facts made up per entity, for `--facts synthetic`: what the evaluation, the store and the review
 * API cost without fact collection, at sizes whose seeding would take longer than a run should
 * (100,000 entities). Deterministic, so that every run stores the same results.
 */
import { Entity } from '@backstage/catalog-model';
import {
  entityBasicFacts,
  EntityFacts,
} from '../../plugins/reliability-common/src';

/** Facts of the component `index` (see `component` in `seed.ts`). */
export function syntheticFacts(entity: Entity, index: number): EntityFacts {
  const sloCount = index % 4;
  return {
    entity: entityBasicFacts(entity, { ownerIsGroup: index % 20 !== 0 }),
    slos: {
      filesDeclared: sloCount > 0,
      fileProblemCount: 0,
      fileProblemMessages: [],
      slos: Array.from({ length: sloCount }, (_, slo) => ({
        id: `${entity.metadata.name}-${slo}`,
        name: `SLO ${slo}`,
        objectiveMet: (index + slo) % 5 !== 0,
        budgetRemainingRatio: ((index * 7 + slo) % 100) / 100 - 0.05,
        policyDeclared: index % 2 === 0,
      })),
    },
    onCall: {
      resolved: index % 9 !== 0,
      source: 'rotation',
      live: true,
      people: index % 6,
    },
    runbooks: {
      count: index % 3,
      reachableCount: undefined,
      unreachable: [],
      newestUpdateAgeDays: index % 200,
      pagingAlertsWithoutRunbook: index % 2,
    },
    alertQuality: {
      pages: index % 40,
      pagesPerShift: (index % 5) * 0.75,
      actionableRatio: (index % 10) / 10,
    },
  };
}
