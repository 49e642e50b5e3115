import type { SpecProblem } from '../problems';
import { DetectedFormat, detectFormat } from './detectFormat';
import type {
  ServiceLevelObjective,
  SloParseResult,
  SloSourceFile,
} from './model';
import { OpenSloV1Collection } from './openslo/v1/OpenSloV1Collection';
import { BudgetAdjustmentCollection } from './openslo/v2alpha/BudgetAdjustmentCollection';
import { parseOpenSloV1Alpha } from './openslo/v1alpha/parseOpenSloV1Alpha';
import {
  parseSlothPrometheusServiceLevel,
  parseSlothPrometheusV1,
} from './sloth/parseSloth';
import { sortProblems } from './sortProblems';
import { DEFAULT_MAX_FILE_LENGTH, readYamlFile } from './yaml/readYamlFile';
import type { YamlObject } from './yaml/YamlObject';

/**
 * Options of {@link parseSloFiles}.
 *
 * @public
 */
export interface SloParseOptions {
  /**
   * Files longer than this many characters are reported and not parsed. Defaults to 256 KiB:
   * spec files are a few kilobytes, and the YAML parser can take seconds on adversarial input of a
   * few hundred kilobytes, so larger input is refused rather than parsed.
   */
  maxFileLength?: number;
  /**
   * What an OpenSLO reference to an AlertPolicy, AlertCondition or AlertNotificationTarget that
   * none of the files defines is. Defaults to `'error'`, the verdict of the OpenSLO SDK's
   * reference inliner. `'warning'` is for readers that know such objects are kept elsewhere (an
   * SLO platform), and for the backend, which builds nothing from alert policies.
   * An SLO's `indicatorRef` must always resolve: the SLO cannot be evaluated without its SLI.
   */
  unresolvedAlertReferences?: 'error' | 'warning';
}

/**
 * Parses SLO specification files: OpenSLO v1 (every kind, inline or by reference) and v1alpha,
 * Sloth's `prometheus/v1` and its `PrometheusServiceLevel` CRD, several YAML documents per file,
 * and OpenSLO v2alpha `BudgetAdjustment` documents, which are given to the SLOs they select
 * (`ServiceLevelObjective.budgetAdjustments`).
 * Files are parsed together, so that OpenSLO references resolve across them.
 *
 * Never throws. Every problem names its file, line, column and path; a file with an error
 * contributes no SLOs, the other files still do.
 *
 * @public
 */
export function parseSloFiles(
  files: readonly SloSourceFile[],
  options: SloParseOptions = {},
): SloParseResult {
  const problems: SpecProblem[] = [];
  const found: ServiceLevelObjective[] = [];
  const openSloV1 = new OpenSloV1Collection({
    unresolvedAlertReferences: options.unresolvedAlertReferences ?? 'error',
  });
  const adjustments = new BudgetAdjustmentCollection();
  const maxLength = options.maxFileLength ?? DEFAULT_MAX_FILE_LENGTH;

  for (const file of files) {
    const parsed = guard(file, () =>
      parseFile(file, maxLength, { openSloV1, adjustments }),
    );
    found.push(...parsed.slos);
    problems.push(...parsed.problems);
  }
  const openSlo = guard(files[0] ?? { path: '', content: '' }, () =>
    openSloV1.build(),
  );
  found.push(...openSlo.slos);
  problems.push(...openSlo.problems);
  // Budget adjustments select SLOs of any file and format, so they are given out last.
  const adjusted = guard(files[0] ?? { path: '', content: '' }, () =>
    adjustments.attach(found),
  );
  problems.push(...adjusted.problems);

  // In the order they were written, so that the first declaration of a duplicate id wins.
  const fileOrder = files.map(file => file.path);
  const slos = sortByLocation(adjusted.slos, fileOrder);
  problems.push(...duplicateIdProblems(slos));

  const filesWithErrors = new Set(
    problems.filter(p => p.severity === 'error').map(p => p.file),
  );
  return {
    slos: slos.filter(slo => !filesWithErrors.has(slo.source.location.file)),
    problems: sortProblems(problems, fileOrder),
  };
}

/** Reads one file's objects and parses those that need no other file. */
function parseFile(
  file: SloSourceFile,
  maxLength: number,
  collections: Collections,
): { slos: ServiceLevelObjective[]; problems: SpecProblem[] } {
  const contents = readYamlFile(file, maxLength);
  const problems = [...contents.problems];
  const slos: ServiceLevelObjective[] = [];
  if (contents.objects.length === 0 && contents.problems.length === 0) {
    problems.push({
      file: file.path,
      line: 1,
      column: 1,
      path: '',
      message: 'the file has no YAML documents, so no SLOs',
      severity: 'warning',
    });
  }
  for (const object of contents.objects) {
    const detected = detectFormat(object);
    if ('problem' in detected) {
      problems.push(detected.problem);
      continue;
    }
    const parsed = parseObject(object, detected, collections);
    slos.push(...parsed.slos);
    problems.push(...parsed.problems);
  }
  return { slos, problems };
}

/** What is collected across files: objects that refer to objects of other files. */
interface Collections {
  openSloV1: OpenSloV1Collection;
  adjustments: BudgetAdjustmentCollection;
}

/**
 * Parses one object in its format; OpenSLO v1 objects and budget adjustments are only collected
 * until all are known.
 */
function parseObject(
  object: YamlObject,
  detected: DetectedFormat,
  collections: Collections,
): { slos: ServiceLevelObjective[]; problems: SpecProblem[] } {
  switch (detected.format) {
    case 'openslo/v1':
      return {
        slos: [],
        problems: collections.openSloV1.add(object, detected.kind),
      };
    case 'openslo.com/v2alpha':
      return { slos: [], problems: collections.adjustments.add(object) };
    case 'openslo/v1alpha':
      return parseOpenSloV1Alpha(object, detected.kind);
    case 'prometheus/v1':
      return parseSlothPrometheusV1(object);
    default:
      return parseSlothPrometheusServiceLevel(object);
  }
}

/** SLO ids must be unique among the files parsed together: the first declaration wins. */
function duplicateIdProblems(
  slos: readonly ServiceLevelObjective[],
): SpecProblem[] {
  const first = new Map<string, ServiceLevelObjective>();
  const problems: SpecProblem[] = [];
  for (const slo of slos) {
    const earlier = first.get(slo.id);
    if (!earlier) {
      first.set(slo.id, slo);
      continue;
    }
    const { file, line } = earlier.source.location;
    problems.push({
      ...slo.source.location,
      message: `the SLO id "${slo.id}" is already used by the SLO at ${file}:${line}; ids (<service>-<name>) must be unique`,
      severity: 'error',
    });
  }
  return problems;
}

/**
 * Runs one step of parsing; an unexpected exception (a bug, or input the YAML library cannot
 * cope with) becomes a problem of the file instead of escaping to the caller.
 */
function guard(
  file: SloSourceFile,
  step: () => { slos: ServiceLevelObjective[]; problems: SpecProblem[] },
): { slos: ServiceLevelObjective[]; problems: SpecProblem[] } {
  try {
    return step();
  } catch (error) {
    return {
      slos: [],
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

function sortByLocation(
  slos: readonly ServiceLevelObjective[],
  fileOrder: readonly string[],
): ServiceLevelObjective[] {
  const order = new Map(fileOrder.map((file, index) => [file, index]));
  const rank = (slo: ServiceLevelObjective) => {
    const { file, line, column } = slo.source.location;
    return [order.get(file) ?? 0, line, column];
  };
  return [...slos].sort((a, b) => {
    const [fa, la, ca] = rank(a);
    const [fb, lb, cb] = rank(b);
    return fa - fb || la - lb || ca - cb;
  });
}
