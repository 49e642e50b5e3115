/**
 * Benchmark of the scorecard engine: one scorecard of 3 levels and 15 checks (11 built-in
 * checks, 4 entity predicates) evaluated for 10,000 and then 100,000 synthetic entities.
 * The definition is validated by `parseScorecardDefinitions` as app-config would be; only
 * `evaluateScorecards` is timed, not generating the facts.
 *
 * Run from the repository root: `yarn bench:scorecards`.
 */
import {
  EntityFacts,
  ScorecardExemption,
  entityBasicFacts,
  evaluateScorecards,
  parseScorecardDefinitions,
} from '../../plugins/reliability-common/src/scorecards';

const SIZES = [10_000, 100_000];

/** mulberry32: a small, fast, seedable generator, so that every run sees the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCORECARD = {
  id: 'production-readiness',
  title: 'Production readiness',
  appliesTo: { kind: ['Component'], lifecycle: ['production', 'deprecated'] },
  levels: [
    {
      name: 'Bronze',
      checks: [
        { check: 'owner-is-group' },
        { check: 'description-present' },
        { check: 'tier-declared' },
        {
          check: 'entity-predicate',
          id: 'has-techdocs',
          params: {
            path: 'metadata.annotations.backstage.io/techdocs-ref',
            op: 'exists',
          },
        },
        {
          check: 'entity-predicate',
          id: 'known-type',
          params: {
            path: 'spec.type',
            op: 'in',
            value: ['service', 'website'],
          },
        },
      ],
    },
    {
      name: 'Silver',
      checks: [
        { check: 'oncall-resolves' },
        { check: 'oncall-min-people', params: { min: 3 } },
        { check: 'runbook-present' },
        { check: 'slo-defined' },
        {
          check: 'entity-predicate',
          id: 'cost-center',
          params: {
            path: 'metadata.labels.example.com/cost-center',
            op: 'matches',
            value: '^cc-[0-9]+$',
          },
        },
      ],
    },
    {
      name: 'Gold',
      checks: [
        { check: 'slo-met' },
        { check: 'error-budget-not-exhausted' },
        { check: 'runbook-fresh', params: { days: 90 } },
        { check: 'pages-per-shift-max', params: { max: 2 } },
        {
          check: 'entity-predicate',
          id: 'java-or-go',
          params: { path: 'metadata.tags', op: 'equals', value: 'java' },
        },
      ],
    },
  ],
};

const TYPES = ['service', 'service', 'service', 'website', 'library'];
const LIFECYCLES = [
  'production',
  'production',
  'production',
  'experimental',
  'deprecated',
];
const TAGS = [['java'], ['go'], ['java', 'kafka'], [], ['python']];

/** Entity `index`: a mix of complete, partial and missing facts, so every branch runs. */
function entityFacts(index: number, next: () => number): EntityFacts {
  const name = `service-${index}`;
  const team = `team-${index % 400}`;
  const annotations: Record<string, string> = {
    'reliability/tier': String(1 + (index % 4)),
  };
  if (next() < 0.7) {
    annotations['backstage.io/techdocs-ref'] = 'dir:.';
  }
  if (next() < 0.8) {
    annotations['reliability/slos'] = 'slos/availability.yaml';
  }
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description: next() < 0.9 ? `The ${name} of ${team}.` : '',
      annotations,
      labels:
        next() < 0.85 ? { 'example.com/cost-center': `cc-${index % 97}` } : {},
      tags: TAGS[index % TAGS.length],
      links: [
        { url: `https://grafana.example.com/d/${name}`, type: 'dashboard' },
      ],
    },
    spec: {
      type: TYPES[index % TYPES.length],
      lifecycle: LIFECYCLES[index % LIFECYCLES.length],
      owner: team,
      system: `system-${index % 1000}`,
    },
  };
  const sloCount = annotations['reliability/slos'] ? 1 + (index % 3) : 0;
  return {
    entity: entityBasicFacts(entity, {
      ownerIsGroup: next() < 0.95,
      domainRef: `domain:default/domain-${index % 20}`,
    }),
    slos:
      next() < 0.97
        ? {
            filesDeclared: sloCount > 0,
            fileProblemCount: next() < 0.05 ? 1 : 0,
            fileProblemMessages: [],
            slos: Array.from({ length: sloCount }, (_, slo) => ({
              id: `${name}-${slo}`,
              name: `${name} SLO ${slo}`,
              objectiveMet: next() < 0.1 ? undefined : next() < 0.85,
              budgetRemainingRatio: next() - 0.1,
              policyDeclared: next() < 0.6,
            })),
          }
        : undefined,
    onCall:
      next() < 0.95
        ? {
            resolved: next() < 0.9,
            source: 'pagerduty',
            live: next() < 0.98,
            people: Math.floor(next() * 8),
          }
        : undefined,
    runbooks: {
      count: Math.floor(next() * 3),
      reachableCount: undefined,
      unreachable: [],
      newestUpdateAgeDays: next() < 0.9 ? Math.floor(next() * 365) : undefined,
      pagingAlertsWithoutRunbook: Math.floor(next() * 2),
    },
    alertQuality: {
      pages: Math.floor(next() * 60),
      pagesPerShift: next() * 4,
      actionableRatio: next(),
    },
  };
}

function generate(size: number): EntityFacts[] {
  const next = random(size);
  return Array.from({ length: size }, (_, index) => entityFacts(index, next));
}

/** One entity in 50 has an exemption for runbook-fresh, half of them expired. */
function exemptions(size: number, now: number): ScorecardExemption[] {
  const list: ScorecardExemption[] = [];
  for (let index = 0; index < size; index += 50) {
    list.push({
      entityRef: `component:default/service-${index}`,
      scorecardId: SCORECARD.id,
      checkId: 'runbook-fresh',
      reason: 'runbook migration',
      expiresAt: new Date(
        now + (index % 100 === 0 ? 1 : -1) * 86_400_000,
      ).toISOString(),
      grantedBy: 'user:default/sre-lead',
    });
  }
  return list;
}

function main() {
  const { scorecards, problems } = parseScorecardDefinitions([SCORECARD], {
    source: 'bench',
  });
  if (problems.length > 0 || scorecards.length !== 1) {
    throw new Error(
      `the bench scorecard is invalid: ${problems
        .map(problem => `${problem.path} ${problem.message}`)
        .join('; ')}`,
    );
  }
  const checkCount = scorecards[0].levels.reduce(
    (sum, level) => sum + level.checks.length,
    0,
  );
  const now = Date.parse('2025-03-01T00:00:00Z');
  for (const size of SIZES) {
    const facts = generate(size);
    const options = { now, exemptions: exemptions(size, now) };
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const results = evaluateScorecards(scorecards, facts, options);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    // maxRSS is the peak of the whole process so far, in kilobytes.
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const levels = new Map<string, number>();
    for (const result of results) {
      const key = result.applies ? result.level ?? 'none' : 'n/a';
      levels.set(key, (levels.get(key) ?? 0) + 1);
    }
    // The level distribution goes to stderr: stdout holds exactly one line per size.
    console.error(
      `  levels: ${[...levels]
        .map(([level, n]) => `${level} ${n}`)
        .join(', ')}; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(
        3,
      )} s (wall time well above it means the machine was busy)`,
    );
    console.log(
      `scorecards: ${size} entities x ${checkCount} checks in ${seconds.toFixed(
        3,
      )} s, peak RSS ${Math.round(peakMb)} MB`,
    );
  }
}

main();
