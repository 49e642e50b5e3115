import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';

/**
 * The notification topic of the release gate, so that users can mute it.
 *
 * @internal
 */
export const RELEASE_GATE_NOTIFICATION_TOPIC = 'reliability-release-gate';

function entityLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(name)}/reliability`;
}

/**
 * Tells the owning group when an entity's release gate turns to block, and when it opens again.
 * Without the notifications backend, or when sending fails, the notice is logged and the gate
 * goes on answering.
 *
 * @internal
 */
export class ReleaseGateNotifier {
  static create(options: {
    logger: LoggerService;
    notifications?: NotificationService;
  }): ReleaseGateNotifier {
    return new ReleaseGateNotifier(options.logger, options.notifications);
  }

  private constructor(
    private readonly logger: LoggerService,
    private readonly notifications?: NotificationService,
  ) {}

  async gateChanged(change: {
    entityRef: string;
    ownerRef?: string;
    blocked: boolean;
    summary: string;
  }): Promise<boolean> {
    const title = change.blocked
      ? `Releases of ${change.entityRef} are blocked`
      : `Releases of ${change.entityRef} may go out again`;
    if (!change.ownerRef || !this.notifications) {
      this.logger.info(
        `Release gate notice not sent (${
          change.ownerRef ? 'notifications are not installed' : 'no owner'
        }): ${title}: ${change.summary}`,
      );
      return false;
    }
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: change.ownerRef },
        payload: {
          title,
          description: change.summary,
          link: entityLink(change.entityRef),
          severity: change.blocked ? 'high' : 'normal',
          topic: RELEASE_GATE_NOTIFICATION_TOPIC,
        },
      });
      return true;
    } catch (error) {
      this.logger.warn(
        `Could not notify ${change.ownerRef} that ${title}: ${stringifyError(
          error,
        )}`,
      );
      return false;
    }
  }
}
