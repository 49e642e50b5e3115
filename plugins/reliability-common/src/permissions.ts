import { createPermission } from '@backstage/plugin-permission-common';

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
 * Allows creating scorecard campaigns.
 *
 * @public
 */
export const reliabilityCampaignCreatePermission = createPermission({
  name: 'reliability.campaign.create',
  attributes: { action: 'create' },
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
  reliabilityCampaignCreatePermission,
  reliabilityReleaseOverridePermission,
  reliabilityBudgetAdjustmentPermission,
];
