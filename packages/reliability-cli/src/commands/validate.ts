import fs from 'node:fs';
import path from 'node:path';
import {
  CatalogEntitySlos,
  formatSpecProblem,
  parseReleasePolicyFile,
  parseReleasePolicySpec,
  parseSloFiles,
  RELIABILITY_RELEASE_POLICY_ANNOTATION,
  SloSourceFile,
  SpecProblem,
  validateCatalogInfo,
} from '@reliability/backstage-plugin-common';
import { classifyYamlFile } from '../lib/classifyYamlFile';
import { CliError } from '../lib/CliError';
import { discoverYamlFiles } from '../lib/discoverYamlFiles';
import { RunbookValidation } from '../lib/RunbookValidation';

/**
 * The options of `reliability validate`.
 *
 * @internal
 */
export interface ValidateOptions {
  format: 'text' | 'json';
  /** Unresolved OpenSLO alerting references are warnings instead of errors. */
  allowExternalRefs?: boolean;
}

/** A file to check, named as the user will look for it (relative to where they ran the CLI). */
interface NamedFile {
  name: string;
  content: string;
}

function problemAt(file: string, message: string): SpecProblem {
  return { file, line: 1, column: 1, path: '', message, severity: 'error' };
}

function read(name: string): NamedFile | undefined {
  try {
    return { name, content: fs.readFileSync(name, 'utf8') };
  } catch {
    return undefined;
  }
}

/** Sorts problems the way a reader walks through files: by file, then position. */
function byPosition(a: SpecProblem, b: SpecProblem): number {
  if (a.file !== b.file) {
    return a.file < b.file ? -1 : 1;
  }
  return a.line - b.line || a.column - b.column;
}

/**
 * The problems of an entity's release policy: the `ReleasePolicy` file the annotation names
 * (checked where it is, with its own lines), or the policy written inline in the annotation,
 * reported at the annotation with the path inside it.
 */
function releasePolicyProblems(
  catalogFile: string,
  reference: NonNullable<CatalogEntitySlos['releasePolicy']>,
): SpecProblem[] {
  if (reference.file !== undefined) {
    if (/^https?:\/\//i.test(reference.file)) {
      return [
        {
          ...reference.location,
          message: `${reference.file} is not fetched by the CLI; validate that release policy where it is kept`,
          severity: 'warning',
        },
      ];
    }
    const name = path.join(path.dirname(catalogFile), reference.file);
    const file = read(name);
    if (!file) {
      return [
        {
          ...reference.location,
          message: `the release policy file ${reference.file} does not exist (looked for ${name})`,
          severity: 'error',
        },
      ];
    }
    return parseReleasePolicyFile(file.content, { file: name }).problems;
  }
  const annotation = `metadata.annotations["${RELIABILITY_RELEASE_POLICY_ANNOTATION}"]`;
  return parseReleasePolicySpec(reference.inline ?? '', {
    file: catalogFile,
  }).problems.map(problem => ({
    ...problem,
    line: reference.location.line,
    column: reference.location.column,
    path: problem.path ? `${annotation}.${problem.path}` : annotation,
  }));
}

/**
 * `reliability validate`: checks catalog-info files, every SLO file they reference and SLO files
 * given or found directly. Prints one line per problem and returns 1 when any is an error.
 *
 * @internal
 */
export async function validate(
  paths: string[],
  options: ValidateOptions,
): Promise<number> {
  const problems: SpecProblem[] = [];
  const parseOptions = {
    unresolvedAlertReferences: options.allowExternalRefs
      ? ('warning' as const)
      : ('error' as const),
  };
  const catalogs: NamedFile[] = [];
  const standalone = new Map<string, NamedFile>();
  const runbooks = new RunbookValidation();

  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      problems.push(problemAt(given, 'no such file or directory'));
      continue;
    }
    if (stat.isDirectory()) {
      for (const name of discoverYamlFiles(given)) {
        const file = read(name);
        const kind = file && classifyYamlFile(name, file.content);
        if (kind === 'catalog') {
          catalogs.push(file!);
        } else if (kind === 'slo') {
          standalone.set(path.resolve(name), file!);
        } else if (kind === 'runbook') {
          runbooks.add(name, file!.content);
        }
      }
      continue;
    }
    const file = read(given);
    if (!file) {
      problems.push(problemAt(given, 'cannot be read'));
    } else if (classifyYamlFile(given, file.content) === 'catalog') {
      catalogs.push(file);
    } else if (classifyYamlFile(given, file.content) === 'runbook') {
      runbooks.add(given, file.content);
    } else {
      // Given by name, so it is meant to be an SLO file even if it does not look like one.
      standalone.set(path.resolve(given), file);
    }
  }

  if (
    catalogs.length === 0 &&
    standalone.size === 0 &&
    runbooks.isEmpty &&
    problems.length === 0
  ) {
    throw new CliError(
      `no catalog-info.yaml or SLO files found in ${paths.join(', ')}`,
    );
  }

  let referenced = 0;
  for (const catalog of catalogs) {
    const result = validateCatalogInfo({
      path: catalog.name,
      content: catalog.content,
    });
    problems.push(...result.problems);
    // An entity's SLO files are parsed together, as the backend reads them, so that OpenSLO
    // objects may reference each other across them; different entities are parsed apart.
    for (const entity of result.entities) {
      const sources: SloSourceFile[] = [];
      for (const reference of result.sloFiles) {
        if (reference.entityRef !== entity.ref) {
          continue;
        }
        if (/^https?:\/\//i.test(reference.path)) {
          problems.push({
            ...reference.location,
            message: `${reference.path} is not fetched by the CLI; validate that file where it is kept`,
            severity: 'warning',
          });
          continue;
        }
        const name = path.join(path.dirname(catalog.name), reference.path);
        standalone.delete(path.resolve(name));
        const file = read(name);
        if (!file) {
          problems.push({
            ...reference.location,
            message: `the SLO file ${reference.path} does not exist (looked for ${name})`,
            severity: 'error',
          });
        } else if (!sources.some(source => source.path === name)) {
          sources.push({ path: name, content: file.content });
        }
      }
      referenced += sources.length;
      if (sources.length > 0) {
        problems.push(...parseSloFiles(sources, parseOptions).problems);
      }
      problems.push(...runbooks.checkEntity(catalog.name, entity, sources));
      if (entity.releasePolicy) {
        problems.push(
          ...releasePolicyProblems(catalog.name, entity.releasePolicy),
        );
      }
    }
  }
  for (const file of standalone.values()) {
    problems.push(
      ...parseSloFiles(
        [{ path: file.name, content: file.content }],
        parseOptions,
      ).problems,
    );
  }
  problems.push(...runbooks.checkUnclaimed());

  // A file named by two entities, or also given directly, must not report its problems twice.
  const unique = [
    ...new Map(problems.map(p => [JSON.stringify(p), p])).values(),
  ].sort(byPosition);
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(unique, null, 2)}\n`);
  } else {
    for (const problem of unique) {
      process.stdout.write(`${formatSpecProblem(problem)}\n`);
    }
    const errors = unique.filter(p => p.severity === 'error').length;
    const warnings = unique.length - errors;
    const files =
      catalogs.length + referenced + standalone.size + runbooks.fileCount;
    process.stderr.write(
      `${files} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`,
    );
  }
  return unique.some(p => p.severity === 'error') ? 1 : 0;
}
