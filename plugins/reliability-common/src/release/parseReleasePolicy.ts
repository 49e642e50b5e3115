import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import type { SpecProblem } from '../problems';
import { sortProblems } from '../spec/sortProblems';
import { checkSchema } from '../spec/validation/checkSchema';
import { strictObject } from '../spec/validation/strictObject';
import { readSingleDocument } from '../spec/yaml/readSingleDocument';
import { readYamlFile } from '../spec/yaml/readYamlFile';
import type { PathSegment } from '../spec/yaml/path';
import type { YamlObject } from '../spec/yaml/YamlObject';
import type {
  ReleaseDecision,
  ReleaseFreezeWindow,
  ReleasePolicyOverrides,
} from './releasePolicy';

/**
 * The `apiVersion` of release policy files.
 *
 * @public
 */
export const RELEASE_POLICY_API_VERSION = 'reliability.dev/v1';

/**
 * The `kind` of release policy files.
 *
 * @public
 */
export const RELEASE_POLICY_KIND = 'ReleasePolicy';

const MAX_FREEZES = 50;
const MAX_LIST = 100;
const decision = z.enum(['allow', 'warn', 'block']);
/** A ratio written as 0.25 or "25%". */
const ratio = z.union([z.number(), z.string()]);

const freezeSchema = strictObject({
  name: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string().optional(),
  every: z.literal('year').optional(),
  allow: z.array(z.string()).max(MAX_LIST).optional(),
});

const specSchema = strictObject({
  slos: z.array(z.string()).max(MAX_LIST).optional(),
  blockWhenBudgetExhausted: z.boolean().optional(),
  blockWhenPageAlertFiring: z.boolean().optional(),
  exhaustedAtOrBelow: ratio.optional(),
  warnWhenRemainingBelow: ratio.optional(),
  onUnknownData: decision.optional(),
  onStaleData: decision.optional(),
  allowDuringBlock: z.array(z.string()).max(MAX_LIST).optional(),
  freezes: z
    .array(freezeSchema)
    .max(MAX_FREEZES, {
      error: `at most ${MAX_FREEZES} freezes are allowed; merge adjacent ones`,
    })
    .optional(),
});

type SpecInput = z.infer<typeof specSchema>;

const fileSchema = strictObject({
  apiVersion: z.literal(RELEASE_POLICY_API_VERSION),
  kind: z.literal(RELEASE_POLICY_KIND),
  metadata: strictObject({
    name: z.string(),
    description: z.string().optional(),
  }),
  spec: specSchema,
});

/**
 * What reading a release policy gives: the policy layer when it has no errors, and every problem
 * (file, line, column, path, what to write instead).
 *
 * @public
 */
export interface ReleasePolicyParseResult {
  policy?: ReleasePolicyOverrides;
  problems: SpecProblem[];
}

/**
 * Parses a release policy file (`apiVersion: reliability.dev/v1`, `kind: ReleasePolicy`), kept
 * beside an entity's catalog-info.yaml. Never throws.
 *
 * @public
 */
export function parseReleasePolicyFile(
  text: string,
  options: { file: string },
): ReleasePolicyParseResult {
  return guarded(options.file, () => {
    const read = readSingleDocument({
      text,
      file: options.file,
      schema: fileSchema,
      what: `a release policy file holds exactly one document with apiVersion ${RELEASE_POLICY_API_VERSION} and kind ${RELEASE_POLICY_KIND}`,
    });
    if (!read.document) {
      return { problems: read.problems };
    }
    return readSpec(read.document.object, ['spec'], read.document.data.spec, [
      ...read.problems,
    ]);
  });
}

/**
 * Parses the spec of a release policy written without the file's envelope: the value of the
 * `reliability/release-policy` annotation (YAML or JSON, e.g.
 * `{ allowDuringBlock: [fix], onUnknownData: block }`) or a configuration value turned into
 * YAML. `file` names where it came from in problems. Never throws.
 *
 * @public
 */
export function parseReleasePolicySpec(
  text: string,
  options: { file: string },
): ReleasePolicyParseResult {
  return guarded(options.file, () => {
    const contents = readYamlFile({ path: options.file, content: text });
    const problems = [...contents.problems];
    if (problems.some(p => p.severity === 'error')) {
      return { problems };
    }
    const object = contents.objects[0];
    if (contents.objects.length !== 1 || object.basePath.length > 0) {
      problems.push({
        file: options.file,
        line: 1,
        column: 1,
        path: '',
        message:
          'a release policy is one mapping of policy fields, e.g. { allowDuringBlock: [fix] }',
        severity: 'error',
      });
      return { problems };
    }
    const check = checkSchema(specSchema, object, { unknownFields: 'error' });
    problems.push(...check.problems);
    if (!check.data) {
      return { problems };
    }
    return readSpec(object, [], check.data, problems);
  });
}

function guarded(
  file: string,
  parse: () => ReleasePolicyParseResult,
): ReleasePolicyParseResult {
  try {
    const result = parse();
    return {
      ...result,
      problems: sortProblems(result.problems),
    };
  } catch (error) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          path: '',
          message: `the release policy could not be read: ${
            error instanceof Error ? error.message : String(error)
          }`,
          severity: 'error',
        },
      ],
    };
  }
}

/** Checks the values a schema cannot (ratios, time zones, dates) and builds the layer. */
function readSpec(
  object: YamlObject,
  base: PathSegment[],
  spec: SpecInput,
  problems: SpecProblem[],
): ReleasePolicyParseResult {
  const errorsBefore = problems.filter(p => p.severity === 'error').length;
  const error = (path: PathSegment[], message: string) =>
    problems.push(object.problem([...base, ...path], message));
  const readRatio = (
    value: number | string | undefined,
    field: string,
  ): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = parseRatio(value);
    if (parsed === undefined) {
      error(
        [field],
        `expected a share of the budget from 0 to 1 or a percentage, such as 0.25 or "25%", got ${JSON.stringify(
          value,
        )}`,
      );
    }
    return parsed;
  };

  const policy: ReleasePolicyOverrides = {
    slos: spec.slos,
    blockWhenBudgetExhausted: spec.blockWhenBudgetExhausted,
    blockWhenPageAlertFiring: spec.blockWhenPageAlertFiring,
    exhaustedAtOrBelow: readRatio(
      spec.exhaustedAtOrBelow,
      'exhaustedAtOrBelow',
    ),
    warnWhenRemainingBelow: readRatio(
      spec.warnWhenRemainingBelow,
      'warnWhenRemainingBelow',
    ),
    onUnknownData: spec.onUnknownData as ReleaseDecision | undefined,
    onStaleData: spec.onStaleData as ReleaseDecision | undefined,
    allowDuringBlock: spec.allowDuringBlock?.map(kind => kind.trim()),
  };
  if (spec.freezes) {
    policy.freezes = spec.freezes.map((freeze, index) =>
      readFreeze(freeze, (path, message) =>
        error(['freezes', index, ...path], message),
      ),
    );
  }
  const hasErrors =
    problems.filter(p => p.severity === 'error').length > errorsBefore;
  return hasErrors
    ? { problems }
    : { policy: withoutUndefined(policy), problems };
}

function readFreeze(
  freeze: z.infer<typeof freezeSchema>,
  error: (path: PathSegment[], message: string) => void,
): ReleaseFreezeWindow {
  const timeZone = freeze.timeZone ?? 'UTC';
  if (!IANAZone.isValidZone(timeZone)) {
    error(
      ['timeZone'],
      `unknown time zone "${timeZone}": write an IANA zone name such as Europe/Berlin, America/New_York or UTC`,
    );
  }
  const yearly = freeze.every === 'year';
  const form = yearly
    ? 'MM-DD or MM-DDTHH:mm (every: year), e.g. 12-20'
    : 'a local date or date-time YYYY-MM-DD[THH:mm], e.g. 2026-12-20 or 2026-12-20T18:00';
  for (const field of ['start', 'end'] as const) {
    if (!isFreezeTime(freeze[field], yearly)) {
      error([field], `expected ${form}, got "${freeze[field]}"`);
    }
  }
  if (
    !yearly &&
    isFreezeTime(freeze.start, false) &&
    isFreezeTime(freeze.end, false) &&
    freeze.end <= freeze.start
  ) {
    error(['end'], `the freeze must end after its start (${freeze.start})`);
  }
  return {
    name: freeze.name,
    start: freeze.start,
    end: freeze.end,
    timeZone,
    ...(yearly ? { every: 'year' as const } : {}),
    allow: (freeze.allow ?? []).map(kind => kind.trim()),
  };
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;
const YEARLY_DATE_TIME = /^\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/** Whether `text` is a freeze start or end of the form its window takes, and a real date. */
function isFreezeTime(text: string, yearly: boolean): boolean {
  if (!(yearly ? YEARLY_DATE_TIME : LOCAL_DATE_TIME).test(text)) {
    return false;
  }
  // 2024 is a leap year, so that 02-29 is a valid yearly date.
  const full = yearly ? `2024-${text}` : text;
  return DateTime.fromISO(full, { zone: 'UTC' }).isValid;
}

function parseRatio(value: number | string): number | undefined {
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else {
    const match = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
    if (!match) return undefined;
    n = Number(match[1]) / 100;
  }
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}
