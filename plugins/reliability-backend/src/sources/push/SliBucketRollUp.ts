import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import {
  HOUR_MS,
  SliBucketStore,
  SliRollUpResult,
} from '../../database/SliBucketStore';
import { PushOptions } from './pushOptions';

/**
 * The scheduler task id of the roll-up.
 *
 * @internal
 */
export const SLI_ROLLUP_TASK_ID = 'reliability-push-rollup';

/**
 * Rolls minute SLI buckets (pushed or probed) up into hour buckets once they are older than
 * `reliability.push.minuteRetention`, and deletes hour buckets older than
 * `reliability.push.hourRetention`.
 *
 * Minutes are rolled up by whole hours, an hour later than the retention alone would allow: the
 * push API accepts buckets back to the minute retention, so an hour is only summed once no push can
 * still add a minute to it, and a re-sent bucket always finds its minute row to replace.
 *
 * @internal
 */
export class SliBucketRollUp {
  static create(
    options: PushOptions & {
      store: SliBucketStore;
      logger: LoggerService;
      now?: () => number;
    },
  ): SliBucketRollUp {
    return new SliBucketRollUp(
      options.store,
      options.logger,
      options.minuteRetentionMs,
      options.hourRetentionMs,
      options.now ?? Date.now,
    );
  }

  private constructor(
    private readonly store: SliBucketStore,
    private readonly logger: LoggerService,
    private readonly minuteRetentionMs: number,
    private readonly hourRetentionMs: number,
    private readonly now: () => number,
  ) {}

  /** Runs every 30 minutes as `reliability-push-rollup`; once across replicas. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: SLI_ROLLUP_TASK_ID,
      frequency: { minutes: 30 },
      timeout: { minutes: 15 },
      initialDelay: { minutes: 1 },
      fn: async () => {
        await this.run();
      },
    });
  }

  /** One roll-up; throws ForwardedError when it fails (and then changes nothing). */
  async run(): Promise<SliRollUpResult> {
    const now = this.now();
    const minutesBefore =
      Math.floor((now - this.minuteRetentionMs) / HOUR_MS) * HOUR_MS - HOUR_MS;
    const hoursBefore =
      Math.floor((now - this.hourRetentionMs) / HOUR_MS) * HOUR_MS;
    try {
      const result = await this.store.rollUp({ minutesBefore, hoursBefore });
      this.logger.info(
        `Rolled ${result.minuteBuckets} SLI minute buckets up into ${result.hourBuckets} hour buckets ` +
          `(minutes before ${new Date(minutesBefore).toISOString()}); ` +
          `deleted ${result.expiredHourBuckets} hour buckets before ${new Date(
            hoursBefore,
          ).toISOString()}`,
      );
      return result;
    } catch (error) {
      throw new ForwardedError('Rolling up SLI buckets failed', error);
    }
  }
}
