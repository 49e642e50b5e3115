import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ForwardedError, stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  formatReportDuration,
  MonthlyReliabilityReport,
  monthOf,
} from '@reliability/backstage-plugin-common';
import { ReportDigestStore } from '../database/ReportDigestStore';
import { MonthlyReportService } from './MonthlyReportService';

/**
 * The notification topic of the monthly digest, so that users can mute it.
 *
 * @internal
 */
export const MONTHLY_REPORT_NOTIFICATION_TOPIC = 'reliability-monthly-report';

/**
 * The annotation of the Slack module of Backstage's notifications
 * (`@backstage/plugin-notifications-backend-module-slack`): a team's channel.
 */
const SLACK_ANNOTATION = 'slack.com/bot-notify';

/**
 * The digest settings: `reliability.monthlyDigest.owners` (group refs); none means no digest.
 *
 * @internal
 */
export function readMonthlyDigestOwners(config: Config): string[] {
  const owners =
    config.getOptionalStringArray('reliability.monthlyDigest.owners') ?? [];
  return owners.map((owner, index) => {
    try {
      return stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      ).toLowerCase();
    } catch {
      throw new Error(
        `reliability.monthlyDigest.owners[${index}] must be a group ref such as group:default/payments, got '${owner}'`,
      );
    }
  });
}

function previousMonth(nowMs: number): string {
  const now = new Date(nowMs);
  return monthOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
}

/** The release gate in a few words, only when something was blocked or overridden. */
function releasesLine(report: MonthlyReliabilityReport): string | undefined {
  const { total } = report.releases;
  if (total.entitiesBlocked === 0 && total.overrides === 0) return undefined;
  const plural = (n: number, one: string, many: string) =>
    `${n} ${n === 1 ? one : many}`;
  return `Releases blocked ${formatReportDuration(total.blockedMs)} (${plural(
    total.entitiesBlocked,
    'entity',
    'entities',
  )}), ${plural(total.overrides, 'override', 'overrides')}.`;
}

function describe(report: MonthlyReliabilityReport): string {
  const { summary, pages } = report;
  const missed = report.slos
    .filter(slo => slo.attainment === 'missed')
    .map(slo => slo.name);
  return [
    `${summary.met} of ${summary.slos} SLOs met their objective${
      missed.length ? `; missed: ${missed.join(', ')}` : ''
    }.`,
    pages
      ? `${pages.pages} pages, ${pages.sleepHourPages} in sleep hours.`
      : undefined,
    report.levelChanges.length
      ? `${report.levelChanges.length} scorecard level changes.`
      : undefined,
    releasesLine(report),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Sends each subscribed owner the report of the month that just ended, once: the digest is
 * claimed in the database before it is sent, so that two replicas (whose scheduler may both run
 * the task, e.g. after a lock times out) and retried runs never send it twice. A failed send
 * gives the claim up for the next run.
 *
 * @internal
 */
export class MonthlyReportDigest {
  static create(options: {
    owners: string[];
    reports: MonthlyReportService;
    store: ReportDigestStore;
    notifications?: NotificationService;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    now?: () => number;
  }): MonthlyReportDigest {
    return new MonthlyReportDigest(options);
  }

  private constructor(
    private readonly options: Parameters<typeof MonthlyReportDigest.create>[0],
  ) {}

  /** Sends the digests not sent yet; resolves with the owners it sent to. */
  async run(): Promise<string[]> {
    const { owners, store, notifications, logger } = this.options;
    if (owners.length === 0) return [];
    if (!notifications) {
      logger.info(
        'Monthly report digest not sent: notifications are not installed',
      );
      return [];
    }
    const nowMs = (this.options.now ?? Date.now)();
    const month = previousMonth(nowMs);
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const sent: string[] = [];
    const failures: string[] = [];
    for (const owner of owners) {
      if (!(await store.claim(owner, month, nowMs))) continue;
      try {
        const report = await this.options.reports.getReport({
          subject: owner,
          month,
          credentials,
        });
        const group = await this.options.catalog.getEntityByRef(owner, {
          credentials,
        });
        const slackChannel = group?.metadata.annotations?.[SLACK_ANNOTATION];
        await notifications.send({
          recipients: { type: 'entity', entityRef: owner },
          payload: {
            title: `Reliability report for ${
              group?.metadata.title ?? group?.metadata.name ?? owner
            }, ${month}`,
            description: describe(report),
            link: `/reliability/report?owner=${encodeURIComponent(
              owner,
            )}&month=${month}`,
            topic: MONTHLY_REPORT_NOTIFICATION_TOPIC,
            severity: 'normal',
            ...(slackChannel ? { metadata: { slackChannel } } : {}),
          },
        });
        await store.markSent(owner, month, nowMs);
        sent.push(owner);
      } catch (error) {
        await store.release(owner, month);
        failures.push(`${owner}: ${stringifyError(error)}`);
      }
    }
    if (failures.length > 0) {
      throw new ForwardedError(
        `Monthly report digest failed for ${failures.join('; ')}`,
        new Error(failures.join('; ')),
      );
    }
    return sent;
  }

  /** Registers `reliability-monthly-report-digest`, hourly: the first run of a month sends. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    if (this.options.owners.length === 0) return;
    await scheduler.scheduleTask({
      id: 'reliability-monthly-report-digest',
      frequency: { hours: 1 },
      timeout: { minutes: 15 },
      initialDelay: { minutes: 2 },
      fn: async () => {
        await this.run();
      },
    });
  }
}
