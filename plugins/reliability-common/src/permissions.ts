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
 * Every permission of the suite, for registration with the permissions registry.
 *
 * @public
 */
export const reliabilityPermissions = [
  reliabilitySliWritePermission,
  reliabilityAlertTriagePermission,
  reliabilityExemptionCreatePermission,
  reliabilityCampaignCreatePermission,
];
