import fs from 'node:fs';
import path from 'node:path';
import {
  formatSpecProblem,
  generatePrometheusRules,
  parsePrometheusDuration,
  parseSloFiles,
  ServiceLevelObjective,
  SloSourceFile,
  SpecProblem,
  toPrometheusOperatorRuleYaml,
  toPrometheusRulesYaml,
} from '@reliability/backstage-plugin-common';
import { CliError } from '../lib/CliError';
import { discoverYamlFiles } from '../lib/discoverYamlFiles';
import { documentIndex } from '../lib/documentIndex';
import { readWindowsCatalog } from '../lib/readWindowsCatalog';
import { generatorVersion } from '../lib/version';

/**
 * The options of `reliability generate`, named as Sloth's flags.
 *
 * @internal
 */
export interface GenerateOptions {
  input: string;
  out: string;
  fsExclude?: RegExp;
  fsInclude?: RegExp;
  extraLabels: Record<string, string>;
  disableRecordings?: boolean;
  disableAlerts?: boolean;
  sloPeriodWindowsPath?: string;
  defaultSloPeriod: string;
}

/** One file to write (or `-` for stdout) and the documents it gets. */
interface OutputTarget {
  source: SloSourceFile;
  out: string;
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`could not read ${file}: ${(error as Error).message}`);
  }
}

function isDirectory(file: string): boolean | undefined {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return undefined;
  }
}

/** Works out what to read and where each output goes, mirroring Sloth's file and directory modes. */
function targets(options: GenerateOptions): OutputTarget[] {
  const inputIsDir = isDirectory(options.input);
  if (inputIsDir === undefined) {
    throw new CliError(`input ${options.input} does not exist`);
  }
  if (!inputIsDir) {
    return [
      {
        source: { path: options.input, content: readFile(options.input) },
        out: options.out,
      },
    ];
  }
  if (options.out === '-' || isDirectory(options.out) !== true) {
    throw new CliError(
      `the input ${options.input} is a directory, so --out must be an existing directory (got "${options.out}")`,
    );
  }
  if (path.resolve(options.input) === path.resolve(options.out)) {
    throw new CliError(
      `input and output can't be the same directory: ${path.resolve(
        options.input,
      )}`,
    );
  }
  const files = discoverYamlFiles(options.input, {
    exclude: options.fsExclude,
    include: options.fsInclude,
  });
  if (files.length === 0) {
    throw new CliError(`0 SLO specs have been discovered in ${options.input}`);
  }
  return files.map(file => ({
    source: { path: file, content: readFile(file) },
    // The output mirrors the input tree: examples/a/b.yml is written to <out>/a/b.yml.
    out: path.join(options.out, path.relative(options.input, file)),
  }));
}

/** Groups a file's SLOs by the YAML document they were declared in, in document order. */
function sloDocuments(
  source: SloSourceFile,
  slos: ServiceLevelObjective[],
): ServiceLevelObjective[][] {
  const indexOf = documentIndex(source.content);
  const documents = new Map<number, ServiceLevelObjective[]>();
  for (const slo of slos.filter(s => s.source.location.file === source.path)) {
    const index = indexOf(slo.source.location.line);
    documents.set(index, [...(documents.get(index) ?? []), slo]);
  }
  return [...documents.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
}

function reportProblems(problems: SpecProblem[]): void {
  for (const problem of problems) {
    process.stderr.write(`${formatSpecProblem(problem)}\n`);
  }
}

/**
 * `reliability generate`: Prometheus rules from SLO files, identical to `sloth generate`. Nothing
 * is written unless every SLO generates; problems go to stderr and the exit code is 1.
 *
 * @internal
 */
export async function generate(options: GenerateOptions): Promise<number> {
  const defaultSloPeriodMs = parsePrometheusDuration(options.defaultSloPeriod);
  if (defaultSloPeriodMs === undefined) {
    throw new CliError(
      `invalid --default-slo-period "${options.defaultSloPeriod}": expected a Prometheus duration such as 30d`,
      2,
    );
  }
  const catalog = options.sloPeriodWindowsPath
    ? readWindowsCatalog(options.sloPeriodWindowsPath)
    : undefined;
  if (catalog && catalog.problems.length > 0) {
    reportProblems(catalog.problems);
    if (catalog.problems.some(p => p.severity === 'error')) {
      return 1;
    }
  }

  const outputs = targets(options);
  const parsed = parseSloFiles(outputs.map(t => t.source));
  const problems: SpecProblem[] = [...parsed.problems];
  const version = generatorVersion();
  const written = new Map<string, string>();

  for (const target of outputs) {
    let text = '';
    for (const slos of sloDocuments(target.source, parsed.slos)) {
      const result = generatePrometheusRules(slos, {
        defaultSloPeriodMs,
        windowsCatalog: catalog?.windows,
        disableAlerts: options.disableAlerts,
        disableRecordings: options.disableRecordings,
        extraLabels: options.extraLabels,
        callerAgent: 'cli',
        version,
      });
      problems.push(...result.problems);
      if (result.groups.length === 0) {
        if (result.problems.length === 0) {
          // Sloth refuses to write an empty file: a typo or too many flags is the likely cause.
          problems.push({
            ...slos[0].source.location,
            message:
              '0 Prometheus rules generated: every rule is disabled by flags or settings',
            severity: 'error',
          });
        }
        continue;
      }
      const kubernetes = slos[0].source.kubernetes;
      text += kubernetes
        ? toPrometheusOperatorRuleYaml(result.groups, kubernetes, { version })
        : toPrometheusRulesYaml(result.groups, { version });
    }
    written.set(target.out, (written.get(target.out) ?? '') + text);
  }

  reportProblems(problems);
  if (problems.some(p => p.severity === 'error')) {
    return 1;
  }
  for (const [out, text] of written) {
    if (out === '-') {
      process.stdout.write(text);
    } else {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, text);
    }
  }
  return 0;
}
