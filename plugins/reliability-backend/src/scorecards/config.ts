import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';

/**
 * The schedule of `reliability-evaluate-scorecards` when `reliability.scorecardSchedule` is not
 * set: hourly, since readiness changes with deployments and annotations, not by the minute.
 *
 * @internal
 */
export const DEFAULT_SCORECARD_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 1 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 2 },
    scope: 'global',
  };

/**
 * Reads `reliability.scorecardSchedule` (a Backstage task schedule). A missing or broken
 * schedule gives the default; a broken one is logged with its key rather than stopping the
 * backend.
 *
 * @internal
 */
export function readScorecardSchedule(
  config: Config,
  logger: LoggerService,
): SchedulerServiceTaskScheduleDefinition {
  try {
    const schedule = config.getOptionalConfig('reliability.scorecardSchedule');
    return schedule
      ? {
          scope: 'global',
          ...readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule),
        }
      : DEFAULT_SCORECARD_SCHEDULE;
  } catch (error) {
    logger.error(
      `reliability.scorecardSchedule is not a valid task schedule, using the default (hourly): ${stringifyError(
        error,
      )}`,
    );
    return DEFAULT_SCORECARD_SCHEDULE;
  }
}
