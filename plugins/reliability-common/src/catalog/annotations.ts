/**
 * The catalog annotations the Reliability suite reads. Keys are constants so that every package
 * spells them the same way.
 */

/**
 * Where an entity's SLO files are: comma-separated paths relative to its catalog-info.yaml, or
 * http(s) URLs, e.g. `slos/availability.yaml, slos/latency.yaml`.
 *
 * @public
 */
export const RELIABILITY_SLOS_ANNOTATION = 'reliability/slos';

/**
 * How critical the entity is: `1` (most critical) to `4`, also written `tier-1` to `tier-4`.
 *
 * @public
 */
export const RELIABILITY_TIER_ANNOTATION = 'reliability/tier';

/**
 * The entity's runbook: an http(s) URL, or a path relative to its catalog-info.yaml (a Markdown
 * file in the repository, which the portal renders).
 *
 * @public
 */
export const RELIABILITY_RUNBOOK_ANNOTATION = 'reliability/runbook';

/**
 * Where the entity's on-call rotation is described: a path relative to its catalog-info.yaml, or
 * an http(s) URL.
 *
 * @public
 */
export const RELIABILITY_ROTATION_ANNOTATION = 'reliability/rotation';

/**
 * The PagerDuty service of the entity, as the PagerDuty plugin reads it.
 *
 * @public
 */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';

/**
 * The PagerDuty integration key of the entity, as the PagerDuty plugin reads it.
 *
 * @public
 */
export const PAGERDUTY_INTEGRATION_KEY_ANNOTATION =
  'pagerduty.com/integration-key';

/**
 * Which configured PagerDuty account an entity's service lives in, as the PagerDuty plugin reads
 * it; entities without it use the default account.
 *
 * @public
 */
export const PAGERDUTY_ACCOUNT_ANNOTATION = 'pagerduty.com/account';

/**
 * The Opsgenie team of the entity, as the Opsgenie plugin reads it.
 *
 * @public
 */
export const OPSGENIE_TEAM_ANNOTATION = 'opsgenie.com/team';

/**
 * The Opsgenie component selector of the entity, as the Opsgenie plugin reads it.
 *
 * @public
 */
export const OPSGENIE_COMPONENT_SELECTOR_ANNOTATION =
  'opsgenie.com/component-selector';

/**
 * The Jira Service Management operations team of the entity: the team's id (the UUID in the
 * team's URL in JSM), which schedules and escalations belong to.
 *
 * @public
 */
export const JSM_TEAM_ID_ANNOTATION = 'jsm.atlassian.com/team-id';

/**
 * A Jira Service Management alert search query selecting the entity's alerts (the syntax is
 * Opsgenie's). Without it, the Opsgenie annotations of the entity are used.
 *
 * @public
 */
export const JSM_ALERT_QUERY_ANNOTATION = 'jsm.atlassian.com/alert-query';

/**
 * The GoAlert service (or services, comma-separated) of the entity, by id.
 *
 * @public
 */
export const GOALERT_SERVICE_ID_ANNOTATION = 'goalert.me/service-id';

/**
 * A reliability tier: 1 is the most critical, 4 the least.
 *
 * @public
 */
export type ReliabilityTier = 1 | 2 | 3 | 4;

const TIER = /^(?:tier-)?([1-4])$/i;

/**
 * Reads a `reliability/tier` value: `1` to `4`, or `tier-1` to `tier-4` (any case, surrounding
 * spaces ignored); `undefined` for anything else.
 *
 * @public
 */
export function parseReliabilityTier(
  value: string,
): ReliabilityTier | undefined {
  const match = TIER.exec(value.trim());
  return match ? (Number(match[1]) as ReliabilityTier) : undefined;
}

/**
 * Splits a `reliability/slos` value into its locations, trimmed; empty entries are kept (as empty
 * strings) so that a validator can report them.
 *
 * @public
 */
export function splitSloLocations(value: string): string[] {
  return value.split(',').map(location => location.trim());
}

/**
 * A note about the entity's reliability data that the Reliability tab shows above the SLOs, e.g.
 * that the data is a demo or was migrated: one line of plain text.
 *
 * @public
 */
export const RELIABILITY_DATA_NOTICE_ANNOTATION = 'reliability/data-notice';

/**
 * The entity's release policy, overriding its tier's: a path relative to its catalog-info.yaml
 * (a `ReleasePolicy` file, e.g. `./release-policy.yaml`), or the policy's fields inline as YAML
 * or JSON, e.g. `{ allowDuringBlock: [fix], onUnknownData: block }`.
 *
 * @public
 */
export const RELIABILITY_RELEASE_POLICY_ANNOTATION =
  'reliability/release-policy';

/**
 * The Flagger canary that deploys the entity, as `<namespace>/<name>`, so that the release gate's
 * Flagger webhook finds the entity of a canary without `metadata.entity`.
 *
 * @public
 */
export const RELIABILITY_FLAGGER_CANARY_ANNOTATION =
  'reliability/flagger-canary';
