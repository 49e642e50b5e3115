/**
 * Sloth's alert windows catalog (`apiVersion: sloth.slok.dev/v1`, `kind: AlertWindows`): the
 * burn-rate window pairs for one SLO period, as passed to `sloth generate
 * --slo-period-windows-path`.
 */
import { z } from 'zod';
import type { SpecProblem } from '../problems';
import type { SloSourceFile } from '../spec/model';
import { sortProblems } from '../spec/sortProblems';
import { checkSchema } from '../spec/validation/checkSchema';
import { strictObject } from '../spec/validation/strictObject';
import { readYamlFile } from '../spec/yaml/readYamlFile';
import { AlertWindows, createAlertWindows } from './AlertWindows';
import { formatPrometheusDuration, parsePrometheusDuration } from './duration';

const DURATION_RULE =
  'expected a Prometheus duration such as 5m, 1h, 3d or 1h30m';

const duration = z
  .string()
  .refine(text => parsePrometheusDuration(text) !== undefined, {
    error: DURATION_RULE,
  });

const windowSchema = strictObject({
  errorBudgetPercent: z.number().refine(value => value > 0 && value <= 100, {
    error: 'errorBudgetPercent must be greater than 0 and at most 100',
  }),
  shortWindow: duration,
  longWindow: duration,
});

const severitySchema = strictObject({
  quick: windowSchema,
  slow: windowSchema,
});

const alertWindowsSchema = strictObject({
  apiVersion: z.literal('sloth.slok.dev/v1'),
  kind: z.literal('AlertWindows'),
  spec: strictObject({
    sloPeriod: duration,
    page: severitySchema,
    ticket: severitySchema,
  }),
});

type WindowInput = z.infer<typeof windowSchema>;

/**
 * Parses one Sloth AlertWindows file into burn-rate windows, with factors computed as Sloth
 * computes them. The file holds exactly one AlertWindows document. Never throws: problems carry
 * the file, line, column and path of what is wrong.
 *
 * @public
 */
export function parseAlertWindowsCatalog(file: SloSourceFile): {
  windows?: AlertWindows;
  problems: SpecProblem[];
} {
  try {
    const result = parse(file);
    return { ...result, problems: sortProblems(result.problems) };
  } catch (error) {
    return {
      problems: [
        {
          file: file.path,
          line: 1,
          column: 1,
          path: '',
          message: `the file could not be parsed: ${
            error instanceof Error ? error.message : String(error)
          }`,
          severity: 'error',
        },
      ],
    };
  }
}

function parse(file: SloSourceFile): {
  windows?: AlertWindows;
  problems: SpecProblem[];
} {
  const contents = readYamlFile(file);
  const problems = [...contents.problems];
  if (problems.some(problem => problem.severity === 'error')) {
    return { problems };
  }
  const count = contents.objects.length;
  if (count !== 1 || contents.objects[0].basePath.length > 0) {
    let found = `${count} documents`;
    if (count === 0) {
      found = 'none';
    } else if (contents.objects[0].basePath.length > 0) {
      found = 'a list';
    }
    problems.push({
      file: file.path,
      line: 1,
      column: 1,
      path: '',
      message: `an alert windows file holds exactly one AlertWindows document, found ${found}`,
      severity: 'error',
    });
    return { problems };
  }
  const object = contents.objects[0];
  // Sloth reads these files leniently, so unknown fields are warnings as in Sloth SLO files.
  const check = checkSchema(alertWindowsSchema, object, {
    unknownFields: 'warning',
    unknownFieldNote: 'Sloth ignores it',
  });
  problems.push(...check.problems);
  if (!check.data) {
    return { problems };
  }

  const spec = check.data.spec;
  const sloPeriodMs = parsePrometheusDuration(spec.sloPeriod)!;
  const toWindow = (
    severity: 'page' | 'ticket',
    speed: 'quick' | 'slow',
    input: WindowInput,
  ) => {
    const path = ['spec', severity, speed];
    const shortWindowMs = parsePrometheusDuration(input.shortWindow)!;
    const longWindowMs = parsePrometheusDuration(input.longWindow)!;
    if (shortWindowMs >= longWindowMs) {
      problems.push(
        object.problem(
          [...path, 'shortWindow'],
          `the short window (${input.shortWindow}) must be shorter than the long window (${input.longWindow}); it stops the alert once the burn is over`,
        ),
      );
    }
    if (longWindowMs > sloPeriodMs) {
      problems.push(
        object.problem(
          [...path, 'longWindow'],
          `the long window (${
            input.longWindow
          }) must not be longer than the SLO period (${formatPrometheusDuration(
            sloPeriodMs,
          )})`,
        ),
      );
    }
    return {
      errorBudgetPercent: input.errorBudgetPercent,
      shortWindowMs,
      longWindowMs,
    };
  };

  const definition = {
    sloPeriodMs,
    page: {
      quick: toWindow('page', 'quick', spec.page.quick),
      slow: toWindow('page', 'slow', spec.page.slow),
    },
    ticket: {
      quick: toWindow('ticket', 'quick', spec.ticket.quick),
      slow: toWindow('ticket', 'slow', spec.ticket.slow),
    },
  };
  if (problems.some(problem => problem.severity === 'error')) {
    return { problems };
  }
  return { windows: createAlertWindows(definition), problems };
}
