/**
 * Links into the Opsgenie web UI of the account (`https://<domain>.app.opsgenie.com`). The UI's
 * paths are not part of the documented REST API; these are the ones the Opsgenie frontend
 * plugin links to (alerts, users) and the UI shows for teams and schedules.
 */

/**
 * Maps an Opsgenie user (by username, which is their e-mail address) to a catalog user entity
 * ref such as `user:default/jane`; `undefined` when the catalog does not know them, and the
 * username is used instead.
 *
 * @public
 */
export type OpsgenieUserRefResolver = (user: {
  username: string;
  id?: string;
}) => string | undefined;

/** @internal */
export function opsgenieTeamUrl(webUrl: string, teamId: string): string {
  return `${webUrl}/teams/dashboard/${encodeURIComponent(teamId)}/main`;
}

/** @internal */
export function opsgenieScheduleUrl(
  webUrl: string,
  scheduleId: string,
): string {
  return `${webUrl}/settings/schedule/detail/${encodeURIComponent(scheduleId)}`;
}

/** @internal */
export function opsgenieUserUrl(webUrl: string, userId: string): string {
  return `${webUrl}/settings/users/${encodeURIComponent(userId)}/detail`;
}

/** @internal */
export function opsgenieAlertUrl(webUrl: string, alertId: string): string {
  return `${webUrl}/alert/detail/${encodeURIComponent(alertId)}/details`;
}
