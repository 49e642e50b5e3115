import { formatBurnRate } from '../budget/formatting';
import { findActiveFreeze, ActiveReleaseFreeze } from './freezeWindows';
import { expectedBudgetRecovery } from './expectedBudgetRecovery';
import type { ReleaseDecision, ReleasePolicy } from './releasePolicy';

/**
 * The rule a reason comes from.
 *
 * @public
 */
export type ReleaseGateRule =
  | 'budget-exhausted'
  | 'page-alert'
  | 'freeze'
  | 'low-budget'
  | 'unknown-data'
  | 'stale-data'
  | 'release-kind'
  | 'override'
  | 'within-budget'
  | 'no-slos';

/**
 * What the gate knows of one SLO: its budget, burn rates and alert, as the evaluation stored them.
 *
 * @public
 */
export interface ReleaseGateSloState {
  id: string;
  name: string;
  displayName?: string;
  /** Remaining budget as a ratio (negative when overspent); `undefined` when unknown. */
  remaining?: number;
  /** Burn rates per window, shortest first, e.g. `{ window: '1h', windowMs: 3600000, burnRate: 2.1 }`. */
  burnRates: Array<{ window: string; windowMs: number; burnRate?: number }>;
  /** The page-level burn-rate alert. */
  pageAlert: 'firing' | 'ok' | 'unknown';
  /** The values are older than the last evaluation attempt (the SLI source failed since). */
  stale: boolean;
  /** The SLO window: rolling by length, or a calendar period ending at `periodEndMs`. */
  window?:
    | { type: 'rolling'; durationMs: number }
    | { type: 'calendar'; periodEndMs: number };
}

/**
 * An approved, time-boxed exception that lets releases pass a block.
 *
 * @public
 */
export interface ReleaseGateOverride {
  id: string;
  reason: string;
  approver: string;
  /** ISO 8601. */
  expiresAt: string;
}

/**
 * Everything {@link decideRelease} decides on.
 *
 * @public
 */
export interface ReleaseGateInput {
  /** The entity's title or name, used in the summary. */
  entityTitle: string;
  policy: ReleasePolicy;
  slos: readonly ReleaseGateSloState[];
  nowMs: number;
  /** The declared kind of the release, e.g. `fix`; `undefined` for an ordinary release. */
  releaseKind?: string;
  /** Active overrides of the entity; expired ones are ignored here as well. */
  overrides?: readonly ReleaseGateOverride[];
}

/**
 * One reason of a decision: the rule, what it does to the decision, and the SLO it is about.
 *
 * @public
 */
export interface ReleaseGateReason {
  rule: ReleaseGateRule;
  effect: ReleaseDecision;
  message: string;
  sloId?: string;
  sloName?: string;
  remaining?: number;
  burnRates?: Array<{ window: string; burnRate: number | null }>;
}

/**
 * The gate's answer.
 *
 * @public
 */
export interface ReleaseGateDecision {
  decision: ReleaseDecision;
  /** `decision !== 'block'`: what Argo Rollouts' and Flagger's checks read. */
  allowed: boolean;
  /** The rule that decided. */
  rule: ReleaseGateRule;
  /** One line, e.g. "Releases blocked: Checkout availability has spent its budget (−25.8 %)". */
  summary: string;
  /** Every rule that applied, the deciding one first. */
  reasons: ReleaseGateReason[];
  releaseKind: string | null;
  /** The override that let the release pass a block, if one did. */
  override: ReleaseGateOverride | null;
  /**
   * When the block is expected to lift at the current burn (ISO 8601): the end of a freeze, the
   * time the budget recovers, or `null` when it will not at the current burn or is not blocked.
   */
  expectedLiftAt: string | null;
  /** How `expectedLiftAt` was reached. */
  expectedLift: string | null;
  decidedAt: string;
}

const SEVERITY: Record<ReleaseDecision, number> = {
  allow: 0,
  warn: 1,
  block: 2,
};

/**
 * A signed percentage as the gate writes it: one decimal, a true minus sign and a space before
 * the sign, e.g. `−25.8 %`, `12 %`.
 *
 * @public
 */
export function formatBudgetPercent(ratio: number): string {
  const text = (Math.round(ratio * 1000) / 10).toFixed(1).replace(/\.0$/, '');
  const unsigned = text.replace(/^-/, '');
  const negative = text.startsWith('-') && unsigned !== '0';
  return `${negative ? '\u2212' : ''}${unsigned} %`;
}

function sloLabel(slo: ReleaseGateSloState): string {
  return slo.displayName ?? slo.name;
}

function burnRateText(slo: ReleaseGateSloState): string {
  const known = slo.burnRates.filter(b => b.burnRate !== undefined);
  if (known.length === 0) return 'burn rates unknown';
  return `burn rate ${known
    .map(b => `${formatBurnRate(b.burnRate as number)} over ${b.window}`)
    .join(', ')}`;
}

function considered(
  policy: ReleasePolicy,
  slos: readonly ReleaseGateSloState[],
): ReleaseGateSloState[] {
  if (policy.slos.length === 0) return [...slos];
  const wanted = new Set(policy.slos.map(s => s.toLowerCase()));
  return slos.filter(
    slo =>
      wanted.has(slo.id.toLowerCase()) || wanted.has(slo.name.toLowerCase()),
  );
}

/**
 * Decides whether a release may go out under the entity's release policy. Pure: the same input
 * gives the same answer.
 *
 * Rules, most severe first: a freeze in force blocks unless it allows the release's kind; an SLO
 * whose budget is spent (`blockWhenBudgetExhausted`) or whose page alert fires
 * (`blockWhenPageAlertFiring`) blocks, unless the policy lets the release's kind pass a block
 * (`allowDuringBlock`, which makes it a warning) or an unexpired override lifts it (allow); an SLO
 * under `warnWhenRemainingBelow` warns; unknown and stale data do what `onUnknownData` and
 * `onStaleData` say (default warn). Overrides lift budget blocks only, never a freeze.
 *
 * @public
 */
export function decideRelease(input: ReleaseGateInput): ReleaseGateDecision {
  const { policy, nowMs } = input;
  const releaseKind = input.releaseKind?.trim() || undefined;
  const reasons: ReleaseGateReason[] = [];
  const slos = considered(policy, input.slos);

  const freezeBlocks: ActiveReleaseFreeze[] = [];
  for (const freeze of policy.freezes) {
    const active = findActiveFreeze([freeze], nowMs);
    if (!active) continue;
    const passes =
      releaseKind !== undefined && freeze.allow.includes(releaseKind);
    const until = new Date(active.endMs).toISOString();
    reasons.push({
      rule: 'freeze',
      effect: passes ? 'warn' : 'block',
      message: passes
        ? `The freeze "${freeze.name}" is in force until ${until}; it lets "${releaseKind}" releases through`
        : `The freeze "${freeze.name}" is in force until ${until}${
            freeze.allow.length > 0
              ? `; only ${freeze.allow
                  .map(k => `"${k}"`)
                  .join(', ')} releases may go out`
              : ''
          }`,
    });
    if (!passes) freezeBlocks.push(active);
  }

  const budgetBlocks: ReleaseGateSloState[] = [];
  for (const slo of slos) {
    const label = sloLabel(slo);
    const base = {
      sloId: slo.id,
      sloName: label,
      remaining: slo.remaining,
      burnRates: slo.burnRates.map(b => ({
        window: b.window,
        burnRate: b.burnRate ?? null,
      })),
    };
    if (slo.remaining === undefined) {
      reasons.push({
        ...base,
        rule: 'unknown-data',
        effect: policy.onUnknownData,
        message: `${label} has no SLI data, so its budget is unknown`,
      });
      continue;
    }
    if (slo.stale) {
      reasons.push({
        ...base,
        rule: 'stale-data',
        effect: policy.onStaleData,
        message: `${label}'s data is stale: its SLI source failed since the last evaluation`,
      });
    }
    const remains = formatBudgetPercent(slo.remaining);
    let blocked = false;
    if (
      policy.blockWhenBudgetExhausted &&
      slo.remaining <= policy.exhaustedAtOrBelow
    ) {
      blocked = true;
      reasons.push({
        ...base,
        rule: 'budget-exhausted',
        effect: 'block',
        message: `${label} has spent its budget (${remains}; ${burnRateText(
          slo,
        )})`,
      });
    }
    if (policy.blockWhenPageAlertFiring && slo.pageAlert === 'firing') {
      blocked = true;
      reasons.push({
        ...base,
        rule: 'page-alert',
        effect: 'block',
        message: `${label}'s page-level burn-rate alert is firing (${remains} left; ${burnRateText(
          slo,
        )})`,
      });
    }
    if (blocked) {
      budgetBlocks.push(slo);
    } else if (slo.remaining < policy.warnWhenRemainingBelow) {
      reasons.push({
        ...base,
        rule: 'low-budget',
        effect: 'warn',
        message: `${label} has ${remains} of its budget left (warning below ${formatBudgetPercent(
          policy.warnWhenRemainingBelow,
        )}; ${burnRateText(slo)})`,
      });
    }
  }

  // A release kind the policy lets through, or an override, softens the budget blocks.
  const now = nowMs;
  const override = (input.overrides ?? []).find(
    o => Date.parse(o.expiresAt) > now,
  );
  const kindPasses =
    releaseKind !== undefined && policy.allowDuringBlock.includes(releaseKind);
  if (budgetBlocks.length > 0 && (kindPasses || override)) {
    for (const reason of reasons) {
      if (reason.rule === 'budget-exhausted' || reason.rule === 'page-alert') {
        reason.effect = override ? 'allow' : 'warn';
      }
    }
    reasons.unshift(
      override
        ? {
            rule: 'override',
            effect: 'allow',
            message: `Override by ${override.approver} until ${override.expiresAt}: ${override.reason}`,
          }
        : {
            rule: 'release-kind',
            effect: 'warn',
            message: `The policy lets "${releaseKind}" releases pass a budget block`,
          },
    );
  }

  let decision: ReleaseDecision = 'allow';
  for (const reason of reasons) {
    if (SEVERITY[reason.effect] > SEVERITY[decision]) decision = reason.effect;
  }
  // The deciding reason first: the most severe, and among equals the order found.
  const ordered = reasons
    .map((reason, index) => ({ reason, index }))
    .sort(
      (a, b) =>
        SEVERITY[b.reason.effect] - SEVERITY[a.reason.effect] ||
        priority(a.reason.rule) - priority(b.reason.rule) ||
        a.index - b.index,
    )
    .map(({ reason }) => reason);
  if (slos.length === 0 && ordered.every(r => r.rule !== 'freeze')) {
    ordered.push({
      rule: 'no-slos',
      effect: policy.onUnknownData,
      message:
        policy.slos.length > 0
          ? `None of the SLOs the policy names (${policy.slos.join(
              ', ',
            )}) belongs to ${input.entityTitle}`
          : `${input.entityTitle} has no SLOs, so its error budget is unknown`,
    });
    if (SEVERITY[policy.onUnknownData] > SEVERITY[decision]) {
      decision = policy.onUnknownData;
    }
  }
  if (ordered.length === 0) {
    ordered.push({
      rule: 'within-budget',
      effect: 'allow',
      message: `Every SLO of ${input.entityTitle} is within its budget`,
    });
  }
  const deciding = ordered.find(r => r.effect === decision) ?? ordered[0];

  const lift =
    decision === 'block'
      ? expectedLift(freezeBlocks, budgetBlocks, policy, nowMs, override)
      : { at: null, how: null };

  return {
    decision,
    allowed: decision !== 'block',
    rule: deciding.rule,
    summary: summaryOf(decision, deciding, ordered, input.entityTitle),
    reasons: ordered,
    releaseKind: releaseKind ?? null,
    override: override && budgetBlocks.length > 0 ? override : null,
    expectedLiftAt: lift.at,
    expectedLift: lift.how,
    decidedAt: new Date(nowMs).toISOString(),
  };
}

/** Among reasons of the same effect, freezes and spent budgets are named before the rest. */
function priority(rule: ReleaseGateRule): number {
  const order: ReleaseGateRule[] = [
    'override',
    'release-kind',
    'freeze',
    'budget-exhausted',
    'page-alert',
    'unknown-data',
    'stale-data',
    'low-budget',
  ];
  const index = order.indexOf(rule);
  return index === -1 ? order.length : index;
}

function summaryOf(
  decision: ReleaseDecision,
  deciding: ReleaseGateReason,
  reasons: readonly ReleaseGateReason[],
  entityTitle: string,
): string {
  const others = reasons.filter(r => r.effect === decision).length - 1;
  const more = others > 0 ? ` (and ${others} more)` : '';
  if (decision === 'block') {
    return `Releases blocked: ${stripDetails(deciding)}${more}`;
  }
  if (decision === 'warn') {
    // A block lifted by an override stays visible in the one line people read.
    const overridden = reasons.some(r => r.rule === 'override');
    return `Releases allowed ${
      overridden ? 'by override, ' : ''
    }with a warning: ${deciding.message}${more}`;
  }
  if (deciding.rule === 'override') {
    return `Releases allowed by override: ${deciding.message}`;
  }
  return `Releases allowed: ${
    deciding.rule === 'within-budget'
      ? `every SLO of ${entityTitle} is within its budget`
      : deciding.message
  }`;
}

/** The summary keeps the budget, not the burn rates: "X has spent its budget (−25.8 %)". */
function stripDetails(reason: ReleaseGateReason): string {
  if (reason.rule === 'budget-exhausted' && reason.remaining !== undefined) {
    return `${reason.sloName} has spent its budget (${formatBudgetPercent(
      reason.remaining,
    )})`;
  }
  return reason.message;
}

function expectedLift(
  freezes: readonly ActiveReleaseFreeze[],
  blocking: readonly ReleaseGateSloState[],
  policy: ReleasePolicy,
  nowMs: number,
  override: ReleaseGateOverride | undefined,
): { at: string | null; how: string | null } {
  let latest = nowMs;
  const how: string[] = [];
  for (const freeze of freezes) {
    latest = Math.max(latest, freeze.endMs);
    how.push(`the freeze "${freeze.freeze.name}" ends`);
  }
  if (!override) {
    for (const slo of blocking) {
      if (
        slo.pageAlert === 'firing' &&
        (slo.remaining ?? 0) > policy.exhaustedAtOrBelow
      ) {
        // The alert clears when the short-window burn falls; when cannot be known from here.
        return {
          at: null,
          how: `${sloLabel(
            slo,
          )}'s page alert clears when its burn rate falls below the alert's threshold`,
        };
      }
      const recovery = expectedBudgetRecovery(
        slo,
        policy.exhaustedAtOrBelow,
        nowMs,
      );
      if (recovery.atMs === undefined) {
        return { at: null, how: `${sloLabel(slo)}: ${recovery.how}` };
      }
      latest = Math.max(latest, recovery.atMs);
      how.push(`${sloLabel(slo)}: ${recovery.how}`);
    }
  }
  return { at: new Date(latest).toISOString(), how: how.join('; ') };
}
