/**
 * The release policy: which error-budget states stop releases, when releases are frozen, and what
 * passes anyway. Pure data, merged from configuration (a default and one per tier) and the
 * entity's own `reliability/release-policy` (inline, or a file beside its catalog-info.yaml).
 */

/**
 * What the gate answers: release, release with a warning, or do not release.
 *
 * @public
 */
export type ReleaseDecision = 'allow' | 'warn' | 'block';

/**
 * A calendar window in which releases are frozen, in a time zone. `every: year` repeats it each
 * year (start and end written `MM-DD` or `MM-DDTHH:mm`); without it, start and end are local
 * dates or date-times (`YYYY-MM-DD[THH:mm]`). The end is exclusive; a date alone means midnight.
 *
 * @public
 */
export interface ReleaseFreezeWindow {
  name: string;
  start: string;
  end: string;
  /** IANA time zone, e.g. `Europe/Berlin`. Default `UTC`. */
  timeZone: string;
  every?: 'year';
  /** Release kinds that may still go out during the freeze, e.g. `fix`. */
  allow: string[];
}

/**
 * The release policy of an entity, every field resolved.
 *
 * @public
 */
export interface ReleasePolicy {
  /**
   * The SLOs the budget rules look at, by id (`checkout-availability`) or name; empty means all
   * of the entity's SLOs.
   */
  slos: string[];
  /** Block when a considered SLO's remaining budget is at or below `exhaustedAtOrBelow`. Default true. */
  blockWhenBudgetExhausted: boolean;
  /** Block while a considered SLO's page-level burn-rate alert fires. Default true. */
  blockWhenPageAlertFiring: boolean;
  /** The remaining budget (ratio) at or below which it counts as spent. Default 0. */
  exhaustedAtOrBelow: number;
  /** Warn when a considered SLO has less than this share of its budget left. Default 0.25. */
  warnWhenRemainingBelow: number;
  /** What an SLO without data (never evaluated, no traffic) does to the decision. Default `warn`. */
  onUnknownData: ReleaseDecision;
  /** What an SLO whose data is stale (its source failed since) does to the decision. Default `warn`. */
  onStaleData: ReleaseDecision;
  /** Release kinds that may pass a budget block, e.g. `fix` for hotfixes. Default none. */
  allowDuringBlock: string[];
  freezes: ReleaseFreezeWindow[];
}

/**
 * A partial policy, as configuration and entities write it; unset fields come from the layer
 * below.
 *
 * @public
 */
export type ReleasePolicyOverrides = Partial<ReleasePolicy>;

/**
 * The policy of an entity whose configuration sets nothing.
 *
 * @public
 */
export const defaultReleasePolicy: Readonly<ReleasePolicy> = Object.freeze({
  slos: [],
  blockWhenBudgetExhausted: true,
  blockWhenPageAlertFiring: true,
  exhaustedAtOrBelow: 0,
  warnWhenRemainingBelow: 0.25,
  onUnknownData: 'warn',
  onStaleData: 'warn',
  allowDuringBlock: [],
  freezes: [],
});

/**
 * Merges policy layers, later ones winning field by field (the default, config's default, the
 * tier's, the entity's). Lists are replaced, not concatenated, so that an entity can clear a
 * freeze of its tier by writing `freezes: []`.
 *
 * @public
 */
export function mergeReleasePolicies(
  ...layers: ReadonlyArray<ReleasePolicyOverrides | undefined>
): ReleasePolicy {
  const merged: ReleasePolicy = {
    ...defaultReleasePolicy,
    slos: [],
    allowDuringBlock: [],
    freezes: [],
  };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) {
        (merged as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }
  return merged;
}
