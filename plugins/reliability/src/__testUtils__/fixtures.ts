import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import {
  decideRelease,
  EntityOnCall,
  EntityRunbookTreeView,
  mergeReleasePolicies,
  parseRunbookFile,
  RunbookFlagView,
  RunbookWalkStep,
  RunbookWalkView,
} from '@reliability/backstage-plugin-common';
import {
  EntityExemptions,
  ScorecardExemptionRequest,
  ScorecardExemptionView,
  AlertPeriodRequest,
  AlertQualityView,
  EntityRunbooks,
  EntityScorecards,
  EntitySlos,
  ReliabilityAlert,
  ReliabilityApi,
  ScorecardResultView,
  Slo,
  SloStatus,
  ReleaseDecisionRecordView,
  ReleaseGateView,
  ReleaseOverrideView,
} from '../api';

/** A component; pass `annotated: false` for one without `reliability/slos`. */
export function makeEntity(annotated = true): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: annotated ? { 'reliability/slos': './slos.yaml' } : {},
    },
    spec: {
      type: 'service',
      owner: 'group:default/guests',
      lifecycle: 'production',
    },
  };
}

const now = new Date().toISOString();

/** A current, healthy status; override what a test is about. */
export function makeStatus(overrides: Partial<SloStatus> = {}): SloStatus {
  return {
    evaluatedAt: now,
    valuesAt: now,
    lastSuccessAt: now,
    staleSince: null,
    stale: false,
    error: null,
    nextAttemptAt: null,
    sli: 0.9995,
    sliStatus: 'measured',
    coverage: 1,
    budget: {
      target: 0.999,
      errorBudget: 0.001,
      remaining: 0.95,
      consumed: 0.05,
      periodStart: now,
      periodEnd: now,
    },
    burnRates: [
      { window: '5m', windowMs: 300_000, burnRate: 0.5 },
      { window: '1h', windowMs: 3_600_000, burnRate: 0.4 },
    ],
    alerts: { page: 'ok', ticket: 'ok', severity: 'none' },
    policy: { state: 'healthy', reason: '95% of the error budget is left.' },
    forecast: {
      status: 'not-burning',
      timeToExhaustionMs: null,
      exhaustionAt: null,
    },
    ...overrides,
  };
}

/** An SLO of checkout with a 28-day rolling window. */
export function makeSlo(overrides: Partial<Slo> = {}): Slo {
  return {
    id: 'checkout-checkout-availability-0',
    entityRef: 'component:default/checkout',
    name: 'checkout-availability',
    service: 'checkout',
    displayName: 'Checkout availability',
    description: '99.9% of checkout requests succeed over 28 days.',
    owner: 'group:default/guests',
    tier: '1',
    sourceType: 'push',
    sourceFile: './slos.yaml',
    format: 'openslo/v1',
    budgetingMethod: 'Occurrences',
    objective: {
      target: 0.999,
      targetPercent: 99.9,
      displayName: 'Good requests',
      timeSliceTarget: null,
      timeSliceWindowMs: null,
    },
    timeWindow: {
      type: 'rolling',
      duration: '28d',
      durationMs: 28 * 86_400_000,
    },
    status: makeStatus(),
    ...overrides,
  };
}

/** The entity's SLOs as the backend answers them. */
export function makeEntitySlos(
  overrides: Partial<EntitySlos> = {},
): EntitySlos {
  return {
    entityRef: 'component:default/checkout',
    loaded: true,
    lastAttemptAt: now,
    lastSuccessAt: now,
    errors: [],
    slos: [makeSlo()],
    ...overrides,
  };
}

/** A ReliabilityApi whose methods are jest mocks; only `getEntitySlos` answers by default. */
export function mockReliabilityApi(
  entitySlos: EntitySlos | Error = makeEntitySlos(),
): jest.Mocked<ReliabilityApi> {
  return {
    getEntitySlos: jest.fn(async (_entity: CompoundEntityRef) => {
      if (entitySlos instanceof Error) {
        throw entitySlos;
      }
      return entitySlos;
    }),
    getEntityRules: jest.fn(),
    getEntityRulesYaml: jest.fn(),
    refreshEntitySlos: jest.fn(async (_entity: CompoundEntityRef) =>
      makeEntitySlos(),
    ),
    listSlos: jest.fn(async () => ({ items: [], nextCursor: null })),
    getSloHistory: jest.fn(async (sloId: string) => ({
      sloId,
      from: now,
      to: now,
      stepMs: 3_600_000,
      basis: 'sli-data' as const,
      noDataReason: null,
      policyThresholds: {
        warningRemainingBelow: 0.25,
        exhaustedRemainingAtOrBelow: 0,
        warningBurnRateAbove: 2,
        warningBurnRateWindow: '1d',
      },
      burnRateThresholds: [],
      alerts: [],
      points: [],
    })),
    getEntityOnCall: jest.fn(async (_entity: CompoundEntityRef) =>
      makeOnCall(),
    ),
    getOwnerOnCall: jest.fn(async (owner: string) => ({
      owner,
      owners: [owner],
      entities: [],
    })),
    getEntityRunbooks: jest.fn(async (_entity: CompoundEntityRef) =>
      makeRunbooks(),
    ),
    getRunbookContent: jest.fn(
      async (_entity: CompoundEntityRef, _id: string) => ({
        markdown: '# Runbook',
      }),
    ),
    listEntityAlerts: jest.fn(
      async (
        _entity: CompoundEntityRef,
        _request?: AlertPeriodRequest,
      ): Promise<{ items: ReliabilityAlert[] }> => ({ items: [] }),
    ),
    getEntityAlertQuality: jest.fn(
      async (_entity: CompoundEntityRef, _request?: AlertPeriodRequest) =>
        makeAlertQuality(),
    ),
    getOwnerAlertQuality: jest.fn(
      async (owner: string, _request?: AlertPeriodRequest) =>
        makeAlertQuality({ subject: owner }),
    ),
    triageAlert: jest.fn(async (id: string, actionable: boolean) => ({
      ...makeAlert({ id }),
      actionable,
    })),
    getEntityScorecards: jest.fn(async (_entity: CompoundEntityRef) =>
      makeEntityScorecards(),
    ),
    evaluateEntityScorecards: jest.fn(async (_entity: CompoundEntityRef) =>
      makeEntityScorecards(),
    ),
    listScorecards: jest.fn(async () => ({ items: [] })),
    listScorecardResults: jest.fn(async () => ({
      items: [],
      nextCursor: null,
    })),
    exportScorecardResultsCsv: jest.fn(async () => new Blob(['entity\r\n'])),
    getScorecardRollups: jest.fn(async (scorecardId: string) => ({
      scorecardId,
      groupBy: 'owner' as const,
      groups: [],
    })),
    getScorecardHistory: jest.fn(async (scorecardId: string) => ({
      scorecardId,
      from: now,
      to: now,
      days: [],
    })),
    listCampaigns: jest.fn(async () => ({ items: [] })),
    getCampaignProgress: jest.fn(),
    getEntityRunbookTree: jest.fn(async (_entity: CompoundEntityRef) =>
      makeRunbookTreeView(),
    ),
    recordRunbookWalk: jest.fn(
      async (
        _entity: CompoundEntityRef,
        walk: { alert?: string; path: RunbookWalkStep[] },
      ): Promise<RunbookWalkView> => ({
        id: 'walk-1',
        entityRef: 'component:default/checkout',
        ...(walk.alert ? { alert: walk.alert } : {}),
        path: walk.path,
        outcome: 'escalate',
        walkedBy: 'user:default/guest',
        walkedAt: now,
        contentHash: 'a'.repeat(64),
      }),
    ),
    flagRunbookStep: jest.fn(
      async (
        _entity: CompoundEntityRef,
        flag: { node: string; comment: string },
      ): Promise<RunbookFlagView> => makeRunbookFlag(flag),
    ),
    resolveRunbookFlag: jest.fn(
      async (_entity: CompoundEntityRef, flagId: string) => ({
        ...makeRunbookFlag({ id: flagId }),
        status: 'resolved' as const,
      }),
    ),
    getMonthlyReport: jest.fn(),
    downloadMonthlyReport: jest.fn(),
    getReleaseGate: jest.fn(async (_entity: CompoundEntityRef) =>
      makeReleaseGate(),
    ),
    listReleaseDecisions: jest.fn(
      async (
        _entity: CompoundEntityRef,
      ): Promise<{ items: ReleaseDecisionRecordView[] }> => ({ items: [] }),
    ),
    listReleaseOverrides: jest.fn(
      async (
        _entity: CompoundEntityRef,
      ): Promise<{ items: ReleaseOverrideView[] }> => ({ items: [] }),
    ),
    grantReleaseOverride: jest.fn(),
    revokeReleaseOverride: jest.fn(),
    listBlockedReleases: jest.fn(async () => ({ items: [] })),
    getEntityExemptions: jest.fn(async (_entity: CompoundEntityRef) =>
      makeEntityExemptions(),
    ),
    requestExemption: jest.fn(
      async (_entity: CompoundEntityRef, request: ScorecardExemptionRequest) =>
        makeExemption({ ...request, state: 'pending' }),
    ),
    listExemptions: jest.fn(async () => ({ items: [] })),
    decideExemption: jest.fn(
      async (
        id: string,
        decision: { decision: 'grant' | 'refuse'; comment?: string },
      ) =>
        makeExemption({
          id,
          state: decision.decision === 'grant' ? 'active' : 'refused',
          decisionComment: decision.comment,
        }),
    ),
    revokeExemption: jest.fn(async (id: string) =>
      makeExemption({ id, state: 'revoked' }),
    ),
    getScorecardDefinitionStatus: jest.fn(async () => ({
      loadedAt: now,
      scorecards: [],
      problems: [],
    })),
    dryRunScorecard: jest.fn(),
    createCampaign: jest.fn(async campaign => ({
      ...campaign,
      createdBy: 'user:default/guest',
      createdAt: now,
    })),
    updateCampaign: jest.fn(async (id, campaign) => ({
      ...campaign,
      id,
      scorecardId: 'production-readiness',
      createdBy: 'user:default/guest',
      createdAt: now,
    })),
    closeCampaign: jest.fn(async id => ({
      id,
      title: 'Silver by Q4',
      scorecardId: 'production-readiness',
      targetLevel: 'Silver',
      dueDate: '2026-12-31',
      createdBy: 'user:default/guest',
      createdAt: now,
      closedAt: now,
      closedBy: 'user:default/guest',
    })),
  };
}

/** A decision tree for checkout: two alerts' entry points, an escalation and a resolved end. */
export const RUNBOOK_TREE_YAML = `apiVersion: reliability.dev/v1
kind: Runbook
metadata:
  name: checkout
  title: Checkout runbook
spec:
  start: burning
  entryPoints:
    - alert: CheckoutHighErrorRate
      node: burning
    - alert: CheckoutLatencyHigh
      node: slow
  nodes:
    burning:
      title: Which windows burn?
      question: Do both burn-rate windows of availability fire?
      evidence:
        - slo: checkout-availability
          note: a short window alone is often a blip
        - title: Checkout dashboard
          url: https://grafana.example.com/d/checkout
          params:
            var-service: checkout
      answers:
        - answer: Both fire
          next: roll-back
        - answer: Only the short window
          next: slow
    roll-back:
      title: Roll back checkout
      action: Roll back first, investigate later.
      commands:
        - kubectl -n checkout rollout undo deployment/checkout
      next: page
    page:
      title: Page payments
      action: Hand over with what you saw.
      end: escalate
      escalation:
        to: group:default/guests
        message: share the failing request ids
    slow:
      title: Find the slow endpoints
      action: Look at the slowest endpoints tomorrow.
      end: resolved
`;

/** A flag on a step of the checkout runbook. */
export function makeRunbookFlag(
  overrides: Partial<RunbookFlagView> = {},
): RunbookFlagView {
  return {
    id: '6f1c2d3e-0000-4000-8000-000000000001',
    entityRef: 'component:default/checkout',
    node: 'roll-back',
    comment: 'the deployment is called checkout-api now',
    createdBy: 'user:default/bob',
    createdAt: now,
    status: 'open',
    ...overrides,
  };
}

const EXEMPTION_DAY_MS = 24 * 3_600_000;

/** A request by the guest to exempt checkout from the dashboard check for two weeks. */
export function makeExemption(
  overrides: Partial<ScorecardExemptionView> = {},
): ScorecardExemptionView {
  return {
    id: 'exemption-1',
    entityRef: 'component:default/checkout',
    scorecardId: 'production-readiness',
    checkId: 'dashboard-linked',
    reason: 'Dashboard moves to Grafana next sprint',
    expiresAt: new Date(Date.now() + 14 * EXEMPTION_DAY_MS).toISOString(),
    requestedBy: 'user:default/guest',
    requestedAt: new Date(Date.now() - EXEMPTION_DAY_MS).toISOString(),
    state: 'pending',
    ...overrides,
  };
}

/** The checkout tree as the backend serves it, parsed from {@link RUNBOOK_TREE_YAML}. */
export function makeRunbookTreeView(
  overrides: Partial<EntityRunbookTreeView> = {},
): EntityRunbookTreeView {
  const { runbook } = parseRunbookFile(RUNBOOK_TREE_YAML, {
    file: 'file:/repo/checkout/runbook.yaml',
  });
  return {
    entityRef: 'component:default/checkout',
    source: {
      location: './runbook.yaml',
      file: 'file:/repo/checkout/runbook.yaml',
    },
    runbook,
    problems: [],
    contentHash: 'a'.repeat(64),
    lastChangedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    openFlags: [],
    canFlag: true,
    canResolveFlags: false,
    ...overrides,
  };
}

/** The release gate's answer for checkout: blocked by its spent availability budget. */
export function makeReleaseGate(
  overrides: Partial<ReleaseGateView> = {},
): ReleaseGateView {
  const policy = mergeReleasePolicies();
  return {
    ...decideRelease({
      entityTitle: 'Checkout',
      policy,
      nowMs: Date.parse(now),
      slos: [
        {
          id: 'checkout-availability',
          name: 'availability',
          displayName: 'Checkout availability',
          remaining: -0.258,
          burnRates: [{ window: '1h', windowMs: 3_600_000, burnRate: 0.5 }],
          pageAlert: 'ok',
          stale: false,
          window: { type: 'rolling', durationMs: 30 * 86_400_000 },
        },
      ],
    }),
    entityRef: 'component:default/checkout',
    policy,
    policySources: ['default'],
    policyProblems: [],
    ...overrides,
  };
}

/** Checkout's exemptions, none yet, which its owner may request for up to 90 days. */
export function makeEntityExemptions(
  overrides: Partial<EntityExemptions> = {},
): EntityExemptions {
  return {
    entityRef: 'component:default/checkout',
    items: [],
    audit: [],
    policy: { maxDurationDays: 90, canRequest: true, requestDenial: null },
    ...overrides,
  };
}

const HOUR_MS = 3_600_000;

/** Alice on call through the payments rotation now, Dave next, with a two-step escalation. */
export function makeOnCall(
  overrides: Partial<EntityOnCall> = {},
): EntityOnCall {
  const start = Date.now() - 2 * HOUR_MS;
  return {
    entityRef: 'component:default/checkout',
    status: 'ok',
    resolution: {
      source: 'rotation',
      mappedBy: 'group:default/payments',
      mapping: 'reliability/rotation',
      mappingValue: './rotation.yaml',
    },
    now: [
      {
        person: {
          name: 'Alice Liddell',
          userRef: 'user:default/alice',
          email: 'alice@example.com',
        },
        start: new Date(start).toISOString(),
        end: new Date(start + 10 * HOUR_MS).toISOString(),
        scheduleName: 'Payments on-call (weekly)',
        escalationLevel: 1,
      },
    ],
    next: [
      {
        person: { name: 'Dave Lister', userRef: 'user:default/dave' },
        start: '2026-03-02T08:00:00Z',
        end: '2026-03-02T16:00:00Z',
        scheduleName: 'Payments on-call (office-hours)',
        escalationLevel: 1,
      },
    ],
    escalationChain: [
      {
        level: 1,
        targets: [{ type: 'rotation', name: 'Payments on-call' }],
      },
      {
        level: 2,
        delayMinutes: 15,
        targets: [{ type: 'user', name: 'Dave Lister' }],
      },
    ],
    contactLinks: [
      {
        title: 'Payments on Slack',
        url: 'https://slack.example.com/payments',
        type: 'chat',
      },
    ],
    fetchedAt: now,
    stale: false,
    reasons: [],
    ...overrides,
  };
}

/** A link runbook refused by the allow-list and a repository Markdown runbook that is reachable. */
export function makeRunbooks(
  overrides: Partial<EntityRunbooks> = {},
): EntityRunbooks {
  return {
    entityRef: 'component:default/checkout',
    runbooks: [
      {
        id: '46c00daeddb641a9',
        title: 'Checkout runbook',
        url: 'https://runbooks.example.com/checkout',
        origin: 'link',
        alerts: [],
        markdown: false,
        check: {
          outcome: 'refused',
          redirectCount: 0,
          error:
            "host 'runbooks.example.com' is not in reliability.runbooks.allowedHosts",
          checkedAt: now,
        },
      },
    ],
    pagingAlertsWithoutRunbook: [],
    problems: [],
    checkedAt: now,
    ...overrides,
  };
}

/** A resolved high-urgency page of checkout. */
export function makeAlert(
  overrides: Partial<ReliabilityAlert> = {},
): ReliabilityAlert {
  return {
    id: '8b957b1f2c67419e1d7d99e3dfeac674',
    source: 'alertmanager',
    externalId: 'demo-checkout-CheckoutHighErrorRate:1',
    entityRef: 'component:default/checkout',
    alertName: 'CheckoutHighErrorRate',
    summary: 'CheckoutHighErrorRate on checkout',
    urgency: 'high',
    status: 'resolved',
    triggeredAt: new Date(Date.now() - 5 * HOUR_MS).toISOString(),
    resolvedAt: new Date(Date.now() - 4 * HOUR_MS).toISOString(),
    deliveries: 1,
    ...overrides,
  };
}

/** Alert quality with known figures: 3 pages over 30 days, one at night, one noisy alert. */
export function makeAlertQuality(
  overrides: Partial<AlertQualityView> = {},
): AlertQualityView {
  return {
    subject: 'component:default/checkout',
    from: now,
    to: now,
    pagesPer12Hours: 0.05,
    shiftsKnown: 10,
    report: {
      pagesGiven: 3,
      pagesUsed: 3,
      shiftsGiven: 10,
      shiftsUsed: 10,
      onCallLoad: {
        shifts: [],
        pagesOutsideShifts: [],
        summary: {
          state: 'known',
          shifts: 10,
          meanPagesPerShift: 0.3,
          maxPagesPerShift: 2,
          meanPagesPer12Hours: 0.25,
          maxPagesPer12Hours: 3,
          shiftsOverLine: 1,
        },
      },
      noise: {
        pages: 3,
        actionable: 2,
        noise: 1,
        open: 0,
        unclassifiable: 0,
        actionableRatio: { state: 'known', value: 2 / 3, count: 2, total: 3 },
        noiseRatio: { state: 'known', value: 1 / 3, count: 1, total: 3 },
        classifications: [],
      },
      responseTimes: {
        mtta: { state: 'known', meanMs: 4 * 60_000, count: 3 },
        mttr: { state: 'unknown', reason: 'no page was resolved' },
        pages: 3,
        acknowledged: 3,
        resolved: 0,
      },
      interruptions: {
        total: { businessHours: 1, offHours: 1, sleepHours: 1, total: 3 },
        byResponder: [],
        pages: [],
      },
      alerts: [
        {
          alertKey: 'component:default/checkout/CheckoutHighErrorRate',
          service: 'component:default/checkout',
          alertName: 'CheckoutHighErrorRate',
          pages: 3,
          actionable: 2,
          noise: 1,
          open: 0,
          unclassifiable: 0,
          noiseRatio: { state: 'known', value: 1 / 3, count: 1, total: 3 },
          mtta: { state: 'known', meanMs: 4 * 60_000, count: 3 },
          mttr: { state: 'unknown', reason: 'no page was resolved' },
          flap: {
            percentStateChange: 35,
            flapping: true,
            peakPercentStateChange: 40,
            everFlapped: true,
            checkResults: 30,
          },
        },
      ],
      problems: [],
    },
    ...overrides,
  };
}

/** Production readiness at Silver: Gold fails on a dashboard, on-call is exempt. */
export function makeScorecardResult(
  overrides: Partial<ScorecardResultView> = {},
): ScorecardResultView {
  return {
    scorecardId: 'production-readiness',
    title: 'Production readiness',
    entityRef: 'component:default/checkout',
    ownerRef: 'group:default/payments',
    systemRef: null,
    domainRef: null,
    tier: 1,
    level: 'Silver',
    levelIndex: 1,
    nextLevel: 'Gold',
    evaluatedAt: now,
    levels: [
      { name: 'Bronze', passed: true, failed: [], unknown: [] },
      { name: 'Silver', passed: true, failed: [], unknown: [] },
      {
        name: 'Gold',
        passed: false,
        failed: ['dashboard-linked'],
        unknown: [],
      },
    ],
    checks: [
      {
        id: 'owner-is-group',
        title: 'Owned by a team',
        level: 'Bronze',
        status: 'pass',
        checkStatus: 'pass',
        message: 'owned by the group group:default/payments',
        remediation: 'Set spec.owner to a Group.',
        docsUrl: null,
        exemption: null,
      },
      {
        id: 'oncall-resolves',
        title: 'On-call resolves',
        level: 'Silver',
        status: 'exempt',
        checkStatus: 'fail',
        message: 'no on-call mapping',
        remediation: 'Annotate the owner group with reliability/rotation.',
        docsUrl: null,
        exemption: {
          id: 'ex-1',
          reason: 'Internal tool, nobody is paged',
          expiresAt: '2027-01-01T00:00:00Z',
          grantedBy: 'user:default/guest',
        },
      },
      {
        id: 'dashboard-linked',
        title: 'Dashboard linked',
        level: 'Gold',
        status: 'fail',
        checkStatus: 'fail',
        message: 'no link of type dashboard',
        remediation: 'Add a metadata.links entry with type: dashboard.',
        docsUrl: 'https://docs.example.com/dashboards',
        exemption: null,
      },
    ],
    ...overrides,
  };
}

/** The entity's scorecards as the backend answers them. */
export function makeEntityScorecards(
  overrides: Partial<EntityScorecards> = {},
): EntityScorecards {
  return {
    entityRef: 'component:default/checkout',
    scorecards: [makeScorecardResult()],
    exemptions: [],
    ...overrides,
  };
}
