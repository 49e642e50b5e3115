import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import type { StoredScorecardExemption } from './ScorecardStore';

/**
 * The notification topic of level drops and exhausted budgets, so that users can mute them.
 *
 * @internal
 */
export const SCORECARD_NOTIFICATION_TOPIC = 'reliability-scorecards';

function entityLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(name)}`;
}

/**
 * Tells the owning group when one of its entities drops a scorecard level or an SLO exhausts its
 * error budget. The notification service is optional (the notifications backend may not be
 * installed): without it, or when sending fails, the notice is logged and evaluation goes on.
 *
 * @internal
 */
export class ScorecardNotifier {
  static create(options: {
    logger: LoggerService;
    notifications?: NotificationService;
  }): ScorecardNotifier {
    return new ScorecardNotifier(options.logger, options.notifications);
  }

  private constructor(
    private readonly logger: LoggerService,
    private readonly notifications?: NotificationService,
  ) {}

  async levelDropped(drop: {
    scorecardTitle: string;
    entityRef: string;
    ownerRef?: string;
    from?: string;
    to?: string;
    failedChecks: string[];
  }): Promise<boolean> {
    const to = drop.to ? `to ${drop.to}` : 'below the first level';
    return this.send(drop.ownerRef, drop.entityRef, {
      title: `${drop.entityRef} dropped ${to} on ${drop.scorecardTitle}`,
      description: `It was at ${drop.from ?? 'no level'}.${
        drop.failedChecks.length > 0
          ? ` Checks that do not pass now: ${drop.failedChecks.join(', ')}.`
          : ''
      }`,
      severity: 'normal',
    });
  }

  async budgetExhausted(exhausted: {
    entityRef: string;
    ownerRef?: string;
    sloNames: string[];
  }): Promise<boolean> {
    return this.send(exhausted.ownerRef, exhausted.entityRef, {
      title: `${
        exhausted.entityRef
      } exhausted the error budget of ${exhausted.sloNames.join(', ')}`,
      description:
        'By the error budget policy, reliability work now comes before risky changes.',
      severity: 'high',
    });
  }

  /** Tells the owner that an approver granted or refused their request. */
  async exemptionDecided(options: {
    exemption: StoredScorecardExemption;
    ownerRef?: string;
  }): Promise<boolean> {
    const { exemption } = options;
    const granted = exemption.state === 'active';
    const comment = exemption.decisionComment
      ? ` Comment: “${exemption.decisionComment}”.`
      : '';
    return this.send(
      options.ownerRef ?? exemption.requestedBy,
      exemption.entityRef,
      {
        title: `Exemption of ${exemption.entityRef} from ${exemption.checkId} ${
          granted ? 'granted' : 'refused'
        }`,
        description: granted
          ? `Granted by ${exemption.grantedBy} until ${exemption.expiresAt}.${comment}`
          : `Refused by ${exemption.refusedBy}.${comment}`,
        severity: 'normal',
      },
    );
  }

  /** Reminds the owner that an exemption runs out soon, so the fix lands in time. */
  async exemptionExpiring(options: {
    exemption: StoredScorecardExemption;
    ownerRef?: string;
  }): Promise<boolean> {
    const { exemption } = options;
    return this.send(
      options.ownerRef ?? exemption.requestedBy,
      exemption.entityRef,
      {
        title: `The exemption of ${exemption.entityRef} from ${
          exemption.checkId
        } expires ${exemption.expiresAt.slice(0, 10)}`,
        description: `Granted because “${exemption.reason}”. After it expires the check counts again; fix it or ask for a new exemption.`,
        severity: 'normal',
      },
    );
  }

  /** Tells an owner which of their entities are still below a campaign's target. */
  async campaignLagging(lagging: {
    campaignTitle: string;
    targetLevel: string;
    dueDate: string;
    ownerRef: string;
    entityRefs: string[];
  }): Promise<boolean> {
    const count = lagging.entityRefs.length;
    return this.send(lagging.ownerRef, lagging.entityRefs[0], {
      title: `${count} of your entities ${count === 1 ? 'is' : 'are'} below ${
        lagging.targetLevel
      } for the campaign “${lagging.campaignTitle}” (due ${lagging.dueDate})`,
      description: `Still short: ${lagging.entityRefs.slice(0, 10).join(', ')}${
        count > 10 ? ` and ${count - 10} more` : ''
      }. Their scorecard cards say what fails and how to fix it.`,
      severity: 'normal',
    });
  }

  private async send(
    ownerRef: string | undefined,
    entityRef: string,
    payload: {
      title: string;
      description: string;
      severity: 'normal' | 'high';
    },
  ): Promise<boolean> {
    if (!ownerRef || !this.notifications) {
      this.logger.info(
        `Scorecard notice not sent (${
          ownerRef ? 'notifications are not installed' : 'no owner'
        }): ${payload.title}`,
      );
      return false;
    }
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: ownerRef },
        payload: {
          ...payload,
          link: entityLink(entityRef),
          topic: SCORECARD_NOTIFICATION_TOPIC,
        },
      });
      return true;
    } catch (error) {
      this.logger.warn(
        `Could not notify ${ownerRef} that ${payload.title}: ${stringifyError(
          error,
        )}`,
      );
      return false;
    }
  }
}
