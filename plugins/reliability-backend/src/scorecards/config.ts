import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What `reliability.exemptions` sets when it is absent: exemptions last at most 90 days (they
 * cover a fix under way) and owners are reminded 7 days before one expires.
 *
 * @internal
 */
export const DEFAULT_EXEMPTION_SETTINGS = {
  maxDurationMs: 90 * DAY_MS,
  remindBeforeMs: 7 * DAY_MS,
};

/**
 * Reads `reliability.exemptions.maxDuration` and `.remindBefore`; a broken value is logged
 * with its key and the default is used.
 *
 * @internal
 */
export function readExemptionSettings(
  config: Config,
  logger: LoggerService,
): { maxDurationMs: number; remindBeforeMs: number } {
  const read = (key: string, fallback: number) => {
    const path = `reliability.exemptions.${key}`;
    try {
      if (!config.has(path)) {
        return fallback;
      }
      const ms = durationToMilliseconds(
        readDurationFromConfig(config, { key: path }),
      );
      if (!(ms > 0)) {
        throw new Error('must be longer than zero');
      }
      return ms;
    } catch (error) {
      logger.error(
        `${path} is not a valid duration (such as { days: 90 } or "90d"), using the default: ${stringifyError(
          error,
        )}`,
      );
      return fallback;
    }
  };
  return {
    maxDurationMs: read(
      'maxDuration',
      DEFAULT_EXEMPTION_SETTINGS.maxDurationMs,
    ),
    remindBeforeMs: read(
      'remindBefore',
      DEFAULT_EXEMPTION_SETTINGS.remindBeforeMs,
    ),
  };
}
