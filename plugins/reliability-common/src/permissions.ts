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
 * Every permission of the suite, for registration with the permissions registry.
 *
 * @public
 */
export const reliabilityPermissions = [reliabilitySliWritePermission];
