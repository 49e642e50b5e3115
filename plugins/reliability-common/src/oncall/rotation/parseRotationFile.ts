import { IANAZone } from 'luxon';
import type { SpecProblem } from '../../problems';
import { sortProblems } from '../../spec/sortProblems';
import { readSingleDocument } from '../../spec/yaml/readSingleDocument';
import type { PathSegment } from '../../spec/yaml/path';
import type { YamlObject } from '../../spec/yaml/YamlObject';
import type {
  Rotation,
  RotationEscalationLevel,
  RotationLayer,
  RotationOverride,
  RotationRestriction,
} from './model';
import {
  ROTATION_API_VERSION,
  ROTATION_KIND,
  RotationFileInput,
  rotationFileSchema,
} from './schema';
import {
  DATE_TIME_RULE,
  DURATION_RULE,
  parseDateTime,
  parseDurationMinutes,
  parseTimeOfDay,
  TIME_OF_DAY_RULE,
  WEEKDAYS,
} from './timeText';
import { normalizeUserEntityRef } from './userRef';
import { instantOf, wallClockOf } from './wallClock';

/**
 * Options of {@link parseRotationFile}.
 *
 * @public
 */
export interface RotationParseOptions {
  /** The file as problems should name it: a path or URL. */
  file: string;
}

/**
 * What parsing a rotation file gives: the rotation when the file has no errors, and every problem.
 *
 * @public
 */
export interface RotationParseResult {
  rotation?: Rotation;
  problems: SpecProblem[];
}

const MIN_SHIFT_MINUTES = 15;
const MAX_SHIFT_MINUTES = 366 * 24 * 60;
const MAX_ESCALATION_DELAY_MINUTES = 24 * 60;
/** catalog-model's `isValidObjectName`, so a rotation name can stand where entity names do. */
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/**
 * Parses and validates a rotation file (`apiVersion: reliability.dev/v1`, `kind: Rotation`).
 * Never throws: every problem carries the file, line, column and path of what is wrong and how to
 * fix it, and a file with an error yields no rotation.
 *
 * @public
 */
export function parseRotationFile(
  text: string,
  options: RotationParseOptions,
): RotationParseResult {
  const file = options?.file ?? '';
  try {
    const result = parse(text, file);
    return { ...result, problems: sortProblems(result.problems) };
  } catch (error) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          path: '',
          message: `the rotation file could not be read: ${
            error instanceof Error ? error.message : String(error)
          }`,
          severity: 'error',
        },
      ],
    };
  }
}

/** Checks the values of a structurally valid file and builds the rotation. */
class RotationReader {
  readonly problems: SpecProblem[] = [];
  private zone: IANAZone | undefined;

  constructor(private readonly object: YamlObject) {}

  read(
    input: RotationFileInput,
    file: string,
  ): { rotation: Rotation; problems: SpecProblem[] } {
    const { metadata, spec } = input;
    if (!NAME.test(metadata.name) || metadata.name.length > 63) {
      this.error(
        ['metadata', 'name'],
        `"${metadata.name}" is not a valid name: use letters, digits, "-", "_" and ".", starting and ending with a letter or digit, at most 63 characters (e.g. payments-oncall)`,
      );
    }
    if (IANAZone.isValidZone(spec.timeZone)) {
      this.zone = IANAZone.create(spec.timeZone);
    } else {
      this.error(
        ['spec', 'timeZone'],
        `unknown time zone "${spec.timeZone}": write an IANA zone name such as Europe/Berlin, America/New_York or UTC`,
      );
    }
    if (spec.layers.length === 0) {
      this.error(
        ['spec', 'layers'],
        'a rotation needs at least one layer: add one with name, start, shiftLength and members',
      );
    }
    const layerNames = new Map<string, number>();
    const layers = spec.layers.map((layer, index) => {
      const path = ['spec', 'layers', index];
      const first = layerNames.get(layer.name);
      if (first !== undefined) {
        this.error(
          [...path, 'name'],
          `the layer name "${layer.name}" is already used by layer ${first}: give each layer its own name`,
        );
      } else {
        layerNames.set(layer.name, index);
      }
      return this.layer(layer, path);
    });
    const overrides = (spec.overrides ?? []).map((override, index) =>
      this.override(override, index),
    );
    const escalation = (spec.escalation ?? []).map((level, index) =>
      this.escalationLevel(level, ['spec', 'escalation', index]),
    );
    const rotation: Rotation = {
      file,
      name: metadata.name,
      ...(metadata.displayName !== undefined && {
        displayName: metadata.displayName,
      }),
      timeZone: spec.timeZone,
      layers,
      overrides,
      escalation,
    };
    return { rotation, problems: this.problems };
  }

  private layer(
    input: RotationFileInput['spec']['layers'][number],
    path: PathSegment[],
  ): RotationLayer {
    if (input.name.trim() === '') {
      this.error([...path, 'name'], 'the layer name is empty: name the layer');
    }
    const startMs = this.instant(input.start, [...path, 'start']);
    const endMs =
      input.end === undefined
        ? undefined
        : this.instant(input.end, [...path, 'end']);
    if (startMs !== undefined && endMs !== undefined && endMs <= startMs) {
      this.error(
        [...path, 'end'],
        `the layer ends (${input.end}) before or when it starts (${input.start}): set end after start, or remove end to keep the layer going`,
      );
    }
    const shiftLengthMinutes = parseDurationMinutes(input.shiftLength);
    if (shiftLengthMinutes === undefined) {
      this.error(
        [...path, 'shiftLength'],
        `"${input.shiftLength}" is not a shift length: ${DURATION_RULE}`,
      );
    } else if (
      shiftLengthMinutes < MIN_SHIFT_MINUTES ||
      shiftLengthMinutes > MAX_SHIFT_MINUTES
    ) {
      this.error(
        [...path, 'shiftLength'],
        `a shift of ${input.shiftLength} is ${
          shiftLengthMinutes < MIN_SHIFT_MINUTES ? 'shorter' : 'longer'
        } than allowed: shifts last from 15m to 366d`,
      );
    }
    if (input.members.length === 0) {
      this.error(
        [...path, 'members'],
        'the layer has no members: list the users who take turns, e.g. [jane, user:default/john]',
      );
    }
    const members = input.members.map((member, index) =>
      this.user(member, [...path, 'members', index]),
    );
    const restrictions = (input.restrictions ?? []).map((restriction, index) =>
      this.restriction(restriction, [...path, 'restrictions', index]),
    );
    return {
      name: input.name,
      startMs: startMs ?? 0,
      ...(endMs !== undefined && { endMs }),
      shiftLengthMinutes: shiftLengthMinutes ?? MIN_SHIFT_MINUTES,
      members,
      restrictions,
    };
  }

  private restriction(
    input: { days?: string[]; from: string; to: string },
    path: PathSegment[],
  ): RotationRestriction {
    const days: number[] = [];
    (input.days ?? Object.keys(WEEKDAYS)).forEach((day, index) => {
      const weekday = WEEKDAYS[day.trim().toLowerCase()];
      if (weekday === undefined) {
        this.error(
          [...path, 'days', index],
          `"${day}" is not a weekday: write mon, tue, wed, thu, fri, sat or sun`,
        );
      } else if (days.includes(weekday)) {
        this.error(
          [...path, 'days', index],
          `"${day}" is listed twice: list each weekday once`,
        );
      } else {
        days.push(weekday);
      }
    });
    if (input.days !== undefined && input.days.length === 0) {
      this.error(
        [...path, 'days'],
        'the restriction lists no days: list the weekdays it applies to, or remove days to apply it every day',
      );
    }
    const fromMinutes = parseTimeOfDay(input.from, false);
    if (fromMinutes === undefined) {
      this.error(
        [...path, 'from'],
        `"${input.from}" is not a start time: ${TIME_OF_DAY_RULE.replace(
          ' ("24:00" for the end of the day)',
          '',
        )}`,
      );
    }
    const toMinutes = parseTimeOfDay(input.to, true);
    if (toMinutes === undefined) {
      this.error(
        [...path, 'to'],
        `"${input.to}" is not an end time: ${TIME_OF_DAY_RULE}`,
      );
    }
    if (
      fromMinutes !== undefined &&
      toMinutes !== undefined &&
      fromMinutes === toMinutes % (24 * 60)
    ) {
      this.error(
        [...path, 'to'],
        `the window from ${input.from} to ${input.to} is empty or ambiguous: for a whole day write from: "00:00" and to: "24:00"`,
      );
    }
    return {
      days: days.sort((a, b) => a - b),
      fromMinutes: fromMinutes ?? 0,
      toMinutes: toMinutes ?? 0,
    };
  }

  private override(
    input: { start: string; end: string; user: string; reason?: string },
    index: number,
  ): RotationOverride {
    const path = ['spec', 'overrides', index];
    const startMs = this.instant(input.start, [...path, 'start']);
    const endMs = this.instant(input.end, [...path, 'end']);
    if (startMs !== undefined && endMs !== undefined && endMs <= startMs) {
      this.error(
        [...path, 'end'],
        `the override ends (${input.end}) before or when it starts (${input.start}): swap them or fix the date`,
      );
    }
    return {
      index,
      startMs: startMs ?? 0,
      endMs: endMs ?? 0,
      user: this.user(input.user, [...path, 'user']),
      ...(input.reason !== undefined && { reason: input.reason }),
    };
  }

  private escalationLevel(
    input: { after: string; users: string[] },
    path: PathSegment[],
  ): RotationEscalationLevel {
    const afterMinutes = parseDurationMinutes(input.after);
    if (afterMinutes === undefined) {
      this.error(
        [...path, 'after'],
        `"${input.after}" is not a delay: ${DURATION_RULE}`,
      );
    } else if (afterMinutes > MAX_ESCALATION_DELAY_MINUTES) {
      this.error(
        [...path, 'after'],
        `an escalation after ${input.after} comes too late to help: escalate within 24h`,
      );
    }
    if (input.users.length === 0) {
      this.error(
        [...path, 'users'],
        'the escalation level notifies nobody: list at least one user',
      );
    }
    return {
      afterMinutes: afterMinutes ?? 0,
      users: input.users.map((user, index) =>
        this.user(user, [...path, 'users', index]),
      ),
    };
  }

  /** The instant a date-time names in the rotation's zone, or undefined after a problem. */
  private instant(text: string, path: PathSegment[]): number | undefined {
    const written = parseDateTime(text);
    if (written === undefined) {
      this.error(
        path,
        `"${text}" is not a valid date and time: ${DATE_TIME_RULE}`,
      );
      return undefined;
    }
    if (!this.zone) {
      // Reported on spec.timeZone already.
      return undefined;
    }
    // An instant given with an offset still becomes a wall-clock time of the zone: layers turn
    // on wall-clock time.
    const wallClockMs =
      written.type === 'wallClock'
        ? written.wallClockMs
        : wallClockOf(this.zone, written.instantMs);
    return instantOf(this.zone, wallClockMs);
  }

  private user(text: string, path: PathSegment[]): string {
    const result = normalizeUserEntityRef(text);
    if ('error' in result) {
      this.error(path, result.error);
      return text;
    }
    return result.ref;
  }

  private error(path: readonly PathSegment[], message: string) {
    this.problems.push(this.object.problem(path, message));
  }
}

function parse(text: string, file: string): RotationParseResult {
  const read = readSingleDocument({
    text,
    file,
    schema: rotationFileSchema,
    what: `a rotation file holds exactly one document with apiVersion ${ROTATION_API_VERSION} and kind ${ROTATION_KIND}`,
  });
  const problems = read.problems;
  if (!read.document) {
    return { problems };
  }
  const { object, data } = read.document;
  const rotation = new RotationReader(object).read(data, file);
  problems.push(...rotation.problems);
  if (problems.some(problem => problem.severity === 'error')) {
    return { problems };
  }
  return { rotation: rotation.rotation, problems };
}
