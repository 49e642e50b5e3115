import { DateTime, IANAZone } from 'luxon';
import type { SpecProblem } from '../../problems';
import type { PathSegment } from '../yaml/path';
import type { YamlObject } from '../yaml/YamlObject';

/** The spec's start time format: a local date and time, the zone being in `timeZone`. */
const START_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/**
 * Checks the `calendar` of a calendar-aligned window (both OpenSLO versions write it alike) and
 * gives its start as an ISO local date-time (`2022-01-01T12:00:00`, to be read in `timeZone`);
 * `undefined` when an error was reported.
 *
 * @internal
 */
export function checkCalendar(
  calendar: { startTime: string; timeZone: string },
  at: { object: YamlObject; path: readonly PathSegment[] },
  problems: SpecProblem[],
): { startTime: string; timeZone: string } | undefined {
  const startTime = DateTime.fromFormat(calendar.startTime, START_TIME_FORMAT, {
    zone: 'UTC',
  });
  let valid = true;
  if (!startTime.isValid) {
    problems.push(
      at.object.problem(
        [...at.path, 'startTime'],
        `expected a date and time such as 2022-01-01 12:00:00 (without a time zone, which goes in timeZone), got "${calendar.startTime}"`,
      ),
    );
    valid = false;
  }
  if (!IANAZone.isValidZone(calendar.timeZone)) {
    problems.push(
      at.object.problem(
        [...at.path, 'timeZone'],
        `"${calendar.timeZone}" is not a time zone: expected an IANA name such as Europe/Berlin, America/New_York or UTC`,
      ),
    );
    valid = false;
  }
  return valid
    ? {
        startTime: startTime.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
        timeZone: calendar.timeZone,
      }
    : undefined;
}
