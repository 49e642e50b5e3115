import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityAlertTriagePermission } from '@reliability/backstage-plugin-common';
import { ReliabilityActionsOptions } from './ReliabilityActionsOptions';

/**
 * `reliability:triage-alert`: marks a page actionable or noise, as `POST /alerts/{id}/triage`
 * does, behind `reliability.alert.triage`. Callers without the permission do not see the action.
 *
 * @internal
 */
export function createTriageAlertAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, catalog, permissions, alerts } = options;
  const now = options.now ?? Date.now;
  actionsRegistry.register({
    name: 'triage-alert',
    title: 'Triage an alert',
    description: `Records whether a page needed action ("actionable": true) or was noise (false), for alert-quality reports; the latest verdict replaces an earlier one. Changes data: only call it when the user has said which it was. Needs the permission reliability.alert.triage.`,
    visibilityPermission: reliabilityAlertTriagePermission,
    attributes: { readOnly: false, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          alertId: z
            .string()
            .min(1)
            .describe('The alert id from the alerts API'),
          actionable: z
            .boolean()
            .describe('true when someone had to act; false for noise'),
        }),
      output: z =>
        z.object({
          alertId: z.string(),
          entityRef: z.string(),
          alertName: z.string().nullable(),
          triggeredAt: z.string(),
          actionable: z.boolean(),
          triagedBy: z.string(),
          triagedAt: z.string(),
        }),
    },
    examples: [
      {
        title: 'Mark a page as noise',
        input: { alertId: '42', actionable: false },
      },
    ],
    action: async ({ input, credentials }) => {
      const [decision] = await permissions.authorize(
        [{ permission: reliabilityAlertTriagePermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Marking a page actionable or not needs the permission ${reliabilityAlertTriagePermission.name}`,
        );
      }
      const notFound = new NotFoundError(`No alert with id '${input.alertId}'`);
      const alert = await alerts.getAlert(input.alertId);
      // Alerts of entities the caller cannot read answer like unknown ones.
      const entity =
        alert &&
        (await catalog.getEntityByRef(alert.entityRef, { credentials }));
      if (!alert || !entity) throw notFound;
      const principal = credentials.principal as {
        type: string;
        userEntityRef?: string;
        subject?: string;
      };
      const by =
        principal.type === 'user' && principal.userEntityRef
          ? principal.userEntityRef
          : `service:${principal.subject ?? 'unknown'}`;
      const triaged = await alerts.triageAlert(alert.id, {
        actionable: input.actionable,
        by,
        atMs: now(),
      });
      if (!triaged) throw notFound;
      return {
        output: {
          alertId: triaged.id,
          entityRef: triaged.entityRef,
          alertName: triaged.alertName ?? null,
          triggeredAt: triaged.triggeredAt,
          actionable: triaged.actionable ?? input.actionable,
          triagedBy: triaged.triagedBy ?? by,
          triagedAt: triaged.triagedAt ?? new Date(now()).toISOString(),
        },
      };
    },
  });
}
