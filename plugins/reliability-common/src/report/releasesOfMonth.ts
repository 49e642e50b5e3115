import type {
  MonthlyReportOverride,
  MonthlyReportReleaseEntity,
  MonthlyReportReleases,
} from './model';

/**
 * What the release gate recorded for one entity, as the backend's store holds it.
 *
 * @public
 */
export interface MonthlyReportReleaseInput {
  entityRef: string;
  /** The recorded decisions (`GET /gate/…/decisions`), any order. */
  decisions: Array<{ decision: 'allow' | 'warn' | 'block'; decidedAt: string }>;
  /** Set when the store kept fewer decisions than the gate answered in the month. */
  decisionsTruncated?: boolean;
  /**
   * The gate state's changes up to the month's end, any order: the last one before the month
   * tells the state the month began with.
   */
  transitions: Array<{ decision: 'allow' | 'warn' | 'block'; at: string }>;
  /** The entity's overrides (`GET /gate/…/overrides`); those granted in the month count. */
  overrides: Array<{
    id: string;
    entityRef: string;
    approver: string;
    reason: string;
    grantedAt: string;
    expiresAt: string;
    revokedAt: string | null;
    revokedBy: string | null;
  }>;
}

/**
 * How long a gate was blocked in [fromMs, toMs) from its state transitions: each transition
 * holds until the next one; before the first one the state is unknown and not counted.
 * `null` without a transition before `toMs`.
 *
 * @public
 */
export function blockedTimeOf(
  transitions: Array<{ decision: string; at: string }>,
  fromMs: number,
  toMs: number,
): { blockedMs: number | null; blockedAtEnd: boolean } {
  const sorted = transitions
    .map(t => ({ decision: t.decision, atMs: Date.parse(t.at) }))
    .filter(t => !Number.isNaN(t.atMs) && t.atMs < toMs)
    .sort((a, b) => a.atMs - b.atMs);
  if (sorted.length === 0) return { blockedMs: null, blockedAtEnd: false };
  let blockedMs = 0;
  sorted.forEach((transition, index) => {
    if (transition.decision !== 'block') return;
    const start = Math.max(transition.atMs, fromMs);
    const end = Math.min(sorted[index + 1]?.atMs ?? toMs, toMs);
    if (end > start) blockedMs += end - start;
  });
  return {
    blockedMs,
    blockedAtEnd: sorted[sorted.length - 1].decision === 'block',
  };
}

/**
 * The month's release blocks and overrides of the entities, from what the gate recorded:
 * decisions decided in [fromMs, toMs), the time blocked up to `toMs` (the month's end or now),
 * and overrides granted in the month. Entities without any gate record are left out.
 *
 * @public
 */
export function releasesOfMonth(
  inputs: MonthlyReportReleaseInput[],
  fromMs: number,
  toMs: number,
): MonthlyReportReleases {
  const inMonth = (iso: string) => {
    const ms = Date.parse(iso);
    return ms >= fromMs && ms < toMs;
  };
  const entities: MonthlyReportReleaseEntity[] = [];
  for (const input of inputs) {
    const decisions = input.decisions.filter(d => inMonth(d.decidedAt));
    const overrides: MonthlyReportOverride[] = input.overrides
      .filter(o => inMonth(o.grantedAt))
      .map(o => ({
        id: o.id,
        entityRef: o.entityRef,
        approver: o.approver,
        reason: o.reason,
        from: o.grantedAt,
        to: o.expiresAt,
        revokedAt: o.revokedAt,
        revokedBy: o.revokedBy,
      }))
      .sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
    const blocked = blockedTimeOf(input.transitions, fromMs, toMs);
    if (
      decisions.length === 0 &&
      overrides.length === 0 &&
      blocked.blockedMs === null
    ) {
      continue;
    }
    entities.push({
      entityRef: input.entityRef,
      decisions: decisions.length,
      blockDecisions: decisions.filter(d => d.decision === 'block').length,
      warnDecisions: decisions.filter(d => d.decision === 'warn').length,
      blockedMs: blocked.blockedMs,
      blockedAtEnd: blocked.blockedAtEnd,
      overrides,
    });
  }
  entities.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  const sum = (of: (e: MonthlyReportReleaseEntity) => number) =>
    entities.reduce((total, e) => total + of(e), 0);
  return {
    entities,
    total: {
      decisions: sum(e => e.decisions),
      blockDecisions: sum(e => e.blockDecisions),
      warnDecisions: sum(e => e.warnDecisions),
      blockedMs: sum(e => e.blockedMs ?? 0),
      entitiesBlocked: entities.filter(e => (e.blockedMs ?? 0) > 0).length,
      overrides: sum(e => e.overrides.length),
    },
    decisionsTruncated: inputs.some(
      input =>
        input.decisionsTruncated === true &&
        entities.some(e => e.entityRef === input.entityRef),
    ),
  };
}
