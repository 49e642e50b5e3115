/*
 * The workload both sides run on: the catalog entities, the facts behind them, and the 15 checks,
 * written once as a Reliability scorecard and once as Tech Insights json-rules-engine checks.
 *
 * Facts are made once per entity (`entityFacts`) and given to both sides: as `EntityFacts` to the
 * scorecard service, and flattened (`techInsightsFacts`) into the five fact retrievers a Tech
 * Insights user would write for the same data (entity metadata, SLOs, on-call, runbooks, alerts).
 * Every fact is known, so every check answers pass or fail on our side and true or false on
 * theirs, and the two can be compared one to one.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { TechInsightJsonRuleCheck } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import { EntityFacts } from '../../plugins/reliability-common/src';

/** The catalog entity `index`: a mix of complete and incomplete metadata. */
export function benchEntity(index: number): Entity {
  const name = `service-${index}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description: index % 10 ? `The ${name}.` : '',
      annotations: {
        ...(index % 11 ? { 'reliability/tier': String(1 + (index % 4)) } : {}),
        ...(index % 3 ? { 'backstage.io/techdocs-ref': 'dir:.' } : {}),
      },
      tags: index % 2 ? ['java', 'payments'] : ['go'],
    },
    spec: {
      type: ['service', 'website', 'library'][index % 3],
      lifecycle: ['production', 'experimental'][index % 5 === 0 ? 1 : 0],
      owner: `group:default/team-${index % 400}`,
      system: `system-${index % 1000}`,
    },
  };
}

/** The facts of entity `index`: the synthetic facts of bench/scale. */
export { syntheticFacts as entityFacts } from '../scale/syntheticFacts';

/** One Tech Insights fact retriever: its id, its schema and how its facts are made. */
export interface TechInsightsRetrieverSpec {
  id: string;
  schema: FactSchema;
  facts(facts: EntityFacts, entity: Entity): Record<string, unknown>;
}

/**
 * The facts as Tech Insights fact retrievers would write them: flat, typed per the schema, one
 * retriever per area, as the entity metadata retriever it ships does for metadata.
 */
export const TECH_INSIGHTS_RETRIEVERS: readonly TechInsightsRetrieverSpec[] = [
  {
    id: 'reliabilityEntityFactRetriever',
    schema: {
      ownerIsGroup: { type: 'boolean', description: 'spec.owner is a Group' },
      descriptionLength: {
        type: 'integer',
        description: 'Characters of metadata.description, trimmed',
      },
      tierDeclared: { type: 'boolean', description: 'A valid tier annotation' },
      hasTechdocs: { type: 'boolean', description: 'A techdocs-ref' },
      type: { type: 'string', description: 'spec.type' },
      lifecycle: { type: 'string', description: 'spec.lifecycle' },
      tags: { type: 'set', description: 'metadata.tags' },
    },
    facts: ({ entity: basic }, entity) => ({
      ownerIsGroup: basic.ownerIsGroup === true,
      descriptionLength: basic.description?.trim().length ?? 0,
      tierDeclared: basic.tier !== undefined,
      hasTechdocs: Boolean(
        entity.metadata.annotations?.['backstage.io/techdocs-ref'],
      ),
      type: entity.spec?.type,
      lifecycle: entity.spec?.lifecycle,
      tags: entity.metadata.tags ?? [],
    }),
  },
  {
    id: 'reliabilitySloFactRetriever',
    schema: {
      sloCount: { type: 'integer', description: 'Valid SLOs declared' },
      slosMissed: {
        type: 'integer',
        description: 'SLOs that missed their objective',
      },
      minBudgetRemainingRatio: {
        type: 'float',
        description: 'The least error budget left among the SLOs (1 if none)',
      },
    },
    facts: ({ slos }) => ({
      sloCount: slos!.slos.length,
      slosMissed: slos!.slos.filter(slo => slo.objectiveMet === false).length,
      minBudgetRemainingRatio: Math.min(
        1,
        ...slos!.slos.map(slo => slo.budgetRemainingRatio ?? 1),
      ),
    }),
  },
  {
    id: 'reliabilityOnCallFactRetriever',
    schema: {
      onCallResolved: { type: 'boolean', description: 'On-call resolves' },
      onCallPeople: { type: 'integer', description: 'People in the rotation' },
    },
    facts: ({ onCall }) => ({
      onCallResolved: onCall!.resolved && onCall!.live === true,
      onCallPeople: onCall!.people ?? 0,
    }),
  },
  {
    id: 'reliabilityRunbookFactRetriever',
    schema: {
      runbookCount: { type: 'integer', description: 'Runbooks declared' },
      newestRunbookAgeDays: {
        type: 'integer',
        description: 'Days since the newest runbook changed',
      },
    },
    facts: ({ runbooks }) => ({
      runbookCount: runbooks!.count,
      newestRunbookAgeDays: runbooks!.newestUpdateAgeDays ?? 0,
    }),
  },
  {
    id: 'reliabilityAlertFactRetriever',
    schema: {
      pages: { type: 'integer', description: 'Pages in the last 30 days' },
      pagesPerShift: {
        type: 'float',
        description: 'Pages per 12-hour shift, average',
      },
    },
    facts: ({ alertQuality }) => ({
      pages: alertQuality!.pages,
      pagesPerShift: alertQuality!.pagesPerShift ?? 0,
    }),
  },
];

const [ENTITY, SLOS, ONCALL, RUNBOOKS, ALERTS] = TECH_INSIGHTS_RETRIEVERS.map(
  retriever => retriever.id,
);

type Condition = { fact: string; operator: string; value: unknown };

/** One check, both ways: our scorecard's check reference and their rule. */
interface PairedCheck {
  id: string;
  ours: { check: string; params?: Record<string, unknown> };
  theirs: {
    factIds: string[];
    conditions: { all: Condition[] } | { any: Condition[] };
  };
}

const all = (...conditions: Condition[]) => ({ all: conditions });
const any = (...conditions: Condition[]) => ({ any: conditions });
const is = (fact: string, operator: string, value: unknown): Condition => ({
  fact,
  operator,
  value,
});

/** The 15 checks, by level (5 each), as the bench/scale scorecard has them. */
const LEVELS: ReadonlyArray<{ name: string; checks: PairedCheck[] }> = [
  {
    name: 'Bronze',
    checks: [
      {
        id: 'owner-is-group',
        ours: { check: 'owner-is-group' },
        theirs: {
          factIds: [ENTITY],
          conditions: all(is('ownerIsGroup', 'equal', true)),
        },
      },
      {
        id: 'description-present',
        ours: { check: 'description-present' },
        theirs: {
          factIds: [ENTITY],
          conditions: all(is('descriptionLength', 'greaterThanInclusive', 1)),
        },
      },
      {
        id: 'tier-declared',
        ours: { check: 'tier-declared' },
        theirs: {
          factIds: [ENTITY],
          conditions: all(is('tierDeclared', 'equal', true)),
        },
      },
      {
        id: 'has-techdocs',
        ours: {
          check: 'entity-predicate',
          params: {
            path: 'metadata.annotations.backstage.io/techdocs-ref',
            op: 'exists',
          },
        },
        theirs: {
          factIds: [ENTITY],
          conditions: all(is('hasTechdocs', 'equal', true)),
        },
      },
      {
        id: 'known-type',
        ours: {
          check: 'entity-predicate',
          params: {
            path: 'spec.type',
            op: 'in',
            value: ['service', 'website'],
          },
        },
        theirs: {
          factIds: [ENTITY],
          conditions: all(is('type', 'in', ['service', 'website'])),
        },
      },
    ],
  },
  {
    name: 'Silver',
    checks: [
      {
        id: 'oncall-resolves',
        ours: { check: 'oncall-resolves' },
        theirs: {
          factIds: [ONCALL],
          conditions: all(is('onCallResolved', 'equal', true)),
        },
      },
      {
        id: 'oncall-min-people',
        ours: { check: 'oncall-min-people', params: { min: 3 } },
        theirs: {
          factIds: [ONCALL],
          conditions: all(
            is('onCallResolved', 'equal', true),
            is('onCallPeople', 'greaterThanInclusive', 3),
          ),
        },
      },
      {
        id: 'runbook-present',
        ours: { check: 'runbook-present' },
        theirs: {
          factIds: [RUNBOOKS],
          conditions: all(is('runbookCount', 'greaterThan', 0)),
        },
      },
      {
        id: 'slo-defined',
        ours: { check: 'slo-defined' },
        theirs: {
          factIds: [SLOS],
          conditions: all(is('sloCount', 'greaterThan', 0)),
        },
      },
      {
        id: 'in-production',
        ours: {
          check: 'entity-predicate',
          params: { path: 'spec.lifecycle', op: 'equals', value: 'production' },
        },
        theirs: {
          factIds: [ENTITY],
          conditions: all(is('lifecycle', 'equal', 'production')),
        },
      },
    ],
  },
  {
    name: 'Gold',
    checks: [
      {
        id: 'slo-met',
        ours: { check: 'slo-met' },
        theirs: {
          factIds: [SLOS],
          conditions: all(
            is('sloCount', 'greaterThan', 0),
            is('slosMissed', 'equal', 0),
          ),
        },
      },
      {
        id: 'error-budget-not-exhausted',
        ours: { check: 'error-budget-not-exhausted' },
        theirs: {
          factIds: [SLOS],
          conditions: all(
            is('sloCount', 'greaterThan', 0),
            is('minBudgetRemainingRatio', 'greaterThan', 0),
          ),
        },
      },
      {
        id: 'runbook-fresh',
        ours: { check: 'runbook-fresh', params: { days: 90 } },
        theirs: {
          factIds: [RUNBOOKS],
          conditions: all(
            is('runbookCount', 'greaterThan', 0),
            is('newestRunbookAgeDays', 'lessThanInclusive', 90),
          ),
        },
      },
      {
        id: 'pages-per-shift-max',
        ours: { check: 'pages-per-shift-max', params: { max: 2 } },
        theirs: {
          factIds: [ALERTS],
          conditions: any(
            is('pages', 'equal', 0),
            is('pagesPerShift', 'lessThanInclusive', 2),
          ),
        },
      },
      {
        id: 'tagged-java',
        ours: {
          check: 'entity-predicate',
          params: { path: 'metadata.tags', op: 'equals', value: 'java' },
        },
        theirs: {
          factIds: [ENTITY],
          conditions: all(is('tags', 'contains', 'java')),
        },
      },
    ],
  },
];

/** The checks' ids in the scorecard's order. */
export const CHECK_IDS: readonly string[] = LEVELS.flatMap(level =>
  level.checks.map(check => check.id),
);

/** Our side: one scorecard of 3 levels of 5 checks, as it would be written in app-config. */
export const SCORECARD = {
  id: 'production-readiness',
  title: 'Production readiness',
  appliesTo: { kind: ['Component'] },
  levels: LEVELS.map(level => ({
    name: level.name,
    checks: level.checks.map(check => ({
      check: check.ours.check,
      ...(check.ours.check === check.id ? {} : { id: check.id }),
      ...(check.ours.params ? { params: check.ours.params } : {}),
    })),
  })),
};

/** Their side: the same 15 checks as `techInsights.factChecker.checks` would list them. */
export const TECH_INSIGHTS_CHECKS: TechInsightJsonRuleCheck[] = LEVELS.flatMap(
  level =>
    level.checks.map(check => ({
      id: check.id,
      type: 'json-rules-engine',
      name: check.id,
      description: `${level.name}: ${check.id}`,
      factIds: check.theirs.factIds,
      rule: { conditions: check.theirs.conditions },
    })),
) as TechInsightJsonRuleCheck[];

export const entityRefOf = (entity: Entity) =>
  stringifyEntityRef(entity).toLowerCase();
