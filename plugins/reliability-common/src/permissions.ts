import { createPermission } from '@backstage/plugin-permission-common';

/** The catalog's resource type (`RESOURCE_TYPE_CATALOG_ENTITY`), named here to keep common free of catalog-common. */
const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/**
 * Allows pushing SLI events (`POST /api/reliability/slos/{sloId}/events`). Grant it to the
 * services that report their own good/total counts.
 *
 * @public
 */
export const reliabilitySliWritePermission = createPermission({
  name: 'reliability.sli.write',
  attributes: { action: 'create' },
});

/**
 * Allows marking a page actionable or not actionable
 * (`POST /api/reliability/alerts/{alertId}/triage`). Grant it to on-call responders.
 *
 * @public
 */
export const reliabilityAlertTriagePermission = createPermission({
  name: 'reliability.alert.triage',
  attributes: { action: 'update' },
});

/**
 * Allows granting and revoking scorecard exemptions.
 *
 * @public
 */
export const reliabilityExemptionCreatePermission = createPermission({
  name: 'reliability.exemption.create',
  attributes: { action: 'create' },
});

/**
 * Allows asking for a scorecard exemption of an entity the caller owns
 * (`POST /api/reliability/entities/{kind}/{namespace}/{name}/exemption-requests`). The request
 * stays pending until an approver decides. Grant it to every team member.
 *
 * @public
 */
export const reliabilityExemptionRequestPermission = createPermission({
  name: 'reliability.exemption.request',
  attributes: { action: 'create' },
});

/**
 * Allows deciding on exemption requests (grant or refuse, with a comment) and revoking
 * exemptions (`POST /api/reliability/exemptions/{exemptionId}/decision` and `/revoke`). Grant it
 * to the platform team that runs readiness reviews.
 *
 * @public
 */
export const reliabilityExemptionApprovePermission = createPermission({
  name: 'reliability.exemption.approve',
  attributes: { action: 'update' },
});

/**
 * Allows trying a draft scorecard on the whole catalog (`POST /api/reliability/scorecards/dry-run`):
 * it stores nothing, but answers with counts over every entity, including those the caller may not
 * read. Grant it to the people who author scorecards.
 *
 * @public
 */
export const reliabilityScorecardDryRunPermission = createPermission({
  name: 'reliability.scorecard.dry-run',
  attributes: { action: 'read' },
});

/**
 * Allows creating scorecard campaigns.
 *
 * @public
 */
export const reliabilityCampaignCreatePermission = createPermission({
  name: 'reliability.campaign.create',
  attributes: { action: 'create' },
});

/**
 * Allows flagging a step of an entity's decision-tree runbook as wrong or outdated
 * (`POST /api/reliability/entities/{kind}/{namespace}/{name}/runbook-tree/flags`). Grant it to
 * on-call responders.
 *
 * @public
 */
export const reliabilityRunbookFlagCreatePermission = createPermission({
  name: 'reliability.runbook.flag.create',
  attributes: { action: 'create' },
});

/**
 * Allows resolving the flags on an entity's runbook. A catalog-entity resource permission, so
 * that a policy can grant it to the entity's owners only (the catalog's `IS_ENTITY_OWNER` rule);
 * the frontend shows the open flags to whoever holds it.
 *
 * @public
 */
export const reliabilityRunbookFlagResolvePermission = createPermission({
  name: 'reliability.runbook.flag.resolve',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows granting and revoking overrides of the release gate: time-boxed exceptions that let an
 * entity's releases pass a budget block. Grant it to the people who approve such exceptions.
 *
 * @public
 */
export const reliabilityReleaseOverridePermission = createPermission({
  name: 'reliability.release.override',
  attributes: { action: 'create' },
});

/**
 * Allows declaring and withdrawing budget adjustments (windows excluded from an SLO's error
 * budget) through the API.
 *
 * @public
 */
export const reliabilityBudgetAdjustmentPermission = createPermission({
  name: 'reliability.budget-adjustment.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the suite, for registration with the permissions registry.
 *
 * @public
 */
export const reliabilityPermissions = [
  reliabilitySliWritePermission,
  reliabilityAlertTriagePermission,
  reliabilityExemptionCreatePermission,
  reliabilityExemptionRequestPermission,
  reliabilityExemptionApprovePermission,
  reliabilityCampaignCreatePermission,
  reliabilityRunbookFlagCreatePermission,
  reliabilityRunbookFlagResolvePermission,
  reliabilityReleaseOverridePermission,
  reliabilityBudgetAdjustmentPermission,
  reliabilityScorecardDryRunPermission,
];
