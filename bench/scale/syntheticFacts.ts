/*
 * Facts made up per entity, deterministic, so that every run gives the same answers: for
 * `bench:scale --facts synthetic` (what the evaluation, the store and the review API cost without
 * fact collection, at 100,000 entities) and for both sides of `bench:vs-tech-insights`.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  entityBasicFacts,
  EntityFacts,
} from '../../plugins/reliability-common/src';

/** Facts of the entity `index`. Every fact is known, so every check answers pass or fail. */
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
        // Never exactly on a threshold, so that both sides of a comparison agree.
        budgetRemainingRatio: (((index * 7 + slo) % 100) - 7.5) / 100,
        policyDeclared: index % 2 === 0,
      })),
    },
    onCall: {
      resolved: index % 9 !== 0,
      source: 'pagerduty',
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
