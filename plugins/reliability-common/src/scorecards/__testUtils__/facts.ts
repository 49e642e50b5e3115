import { entityBasicFacts } from '../entityBasicFacts';
import type {
  EntityBasicFacts,
  EntityFacts,
  ScorecardJsonValue,
} from '../facts';
import type { ScorecardCheck } from '../ScorecardCheck';

/** The catalog-info of a well-run checkout service. */
export function checkoutEntity(): { [key: string]: ScorecardJsonValue } {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      description: 'Takes payment for the basket and creates the order.',
      annotations: {
        'reliability/tier': '1',
        'reliability/slos': 'slos/availability.yaml',
        'reliability/runbook': 'https://runbooks.example.com/checkout',
        'pagerduty.com/service-id': 'PX1234',
        'backstage.io/techdocs-ref': 'dir:.',
      },
      labels: { 'example.com/cost-center': 'cc-42' },
      tags: ['java', 'payments'],
      links: [
        {
          url: 'https://grafana.example.com/d/checkout',
          title: 'Checkout overview',
          type: 'dashboard',
        },
      ],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'payments',
      system: 'shop',
    },
  };
}

/** Facts of the checkout service: every built-in check passes with them. */
export function healthyFacts(
  entity: Partial<EntityBasicFacts> = {},
): EntityFacts {
  return {
    entity: {
      ...entityBasicFacts(checkoutEntity(), {
        ownerIsGroup: true,
        domainRef: 'domain:default/commerce',
      }),
      ...entity,
    },
    slos: {
      filesDeclared: true,
      fileProblemCount: 0,
      fileProblemMessages: [],
      slos: [
        {
          id: 'checkout-availability',
          name: 'Checkout availability',
          objectiveMet: true,
          budgetRemainingRatio: 0.62,
          exhausted: false,
          policyDeclared: true,
        },
        {
          id: 'checkout-latency',
          name: 'Checkout latency',
          objectiveMet: true,
          budgetRemainingRatio: 0.4,
          exhausted: false,
          policyDeclared: true,
        },
      ],
    },
    onCall: { resolved: true, source: 'pagerduty', live: true, people: 5 },
    runbooks: {
      count: 2,
      reachableCount: 2,
      unreachable: [],
      newestUpdateAgeDays: 12,
      pagingAlertsWithoutRunbook: 0,
    },
    alertQuality: { pages: 14, pagesPerShift: 0.5, actionableRatio: 0.9 },
  };
}

/** Runs a check as the engine does: params through the check's schema first. */
export function runCheck(
  check: ScorecardCheck,
  facts: EntityFacts,
  params: Record<string, unknown> = {},
) {
  return check.evaluate(facts, check.paramsSchema.parse(params));
}
