import type { SpecProblem } from '../problems';
import type { ReleaseDecision, ReleasePolicy } from '../release/releasePolicy';
import type { ReleaseGateDecision } from '../release/decideRelease';

/**
 * The gate's answer for an entity (`GET /gate/{kind}/{namespace}/{name}`), as the API serves it.
 *
 * @public
 */
export interface ReleaseGateView extends ReleaseGateDecision {
  entityRef: string;
  /** The policy applied, every field resolved. */
  policy: ReleasePolicy;
  /** Where its layers came from, lowest first. */
  policySources: string[];
  /** Problems of the entity's own policy (left out when it has errors). */
  policyProblems: SpecProblem[];
}

/**
 * An override of the release gate.
 *
 * @public
 */
export interface ReleaseOverrideView {
  id: string;
  entityRef: string;
  reason: string;
  /** Who granted it. */
  approver: string;
  expiresAt: string;
  grantedAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/**
 * One recorded answer of the gate.
 *
 * @public
 */
export interface ReleaseDecisionRecordView {
  entityRef: string;
  decision: ReleaseDecision;
  rule: string;
  summary: string;
  releaseKind: string | null;
  /** Who or what asked: a user or service, or `flagger:<namespace>/<canary>`. */
  requestedBy: string;
  /** `api`, or `flagger:<webhook type>`. */
  via: string;
  decidedAt: string;
}

/**
 * An entity whose releases are blocked, for the review page.
 *
 * @public
 */
export interface BlockedReleaseView {
  entityRef: string;
  /** Since when the gate blocks. */
  since: string;
  summary: string;
}

/**
 * A window excluded from an SLO's budget, declared through the API.
 *
 * @public
 */
export interface BudgetAdjustmentView {
  id: string;
  sloId: string;
  entityRef: string;
  name: string;
  description: string | null;
  firstEventStart: string;
  durationMs: number;
  rrule: string | null;
  createdBy: string;
  createdAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}
