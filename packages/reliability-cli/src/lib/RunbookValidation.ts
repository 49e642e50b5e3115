import fs from 'node:fs';
import path from 'node:path';
import {
  CatalogEntitySlos,
  parseRunbookFile,
  parseSloFiles,
  ServiceLevelObjective,
  SloSourceFile,
  SpecProblem,
} from '@reliability/backstage-plugin-common';
import { classifyYamlFile } from './classifyYamlFile';

interface NamedFile {
  name: string;
  content: string;
}

const MARKDOWN = /\.(md|markdown)$/i;
const YAML = /\.ya?ml$/i;

function read(name: string): string | undefined {
  try {
    return fs.readFileSync(name, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The runbook part of `reliability validate`: decision-tree runbooks (`kind: Runbook`) found in
 * directories or given by name, and the runbook files that `reliability/runbook` annotations
 * name. A runbook named by an entity is checked against that entity's SLOs; one found on its own
 * against the SLO files in its directory. Markdown runbooks are accepted as they are.
 *
 * @internal
 */
export class RunbookValidation {
  /** Runbooks found or given, by resolved path, until an entity claims them. */
  private readonly unclaimed = new Map<string, NamedFile>();
  private readonly claimed = new Set<string>();
  private checked = 0;

  /** Whether no runbook was found or given (entities may still name some). */
  get isEmpty(): boolean {
    return this.unclaimed.size === 0;
  }

  /** How many runbook files were checked. */
  get fileCount(): number {
    return this.checked;
  }

  /** Records a runbook file found in a directory or given by name. */
  add(name: string, content: string): void {
    const resolved = path.resolve(name);
    if (!this.claimed.has(resolved)) {
      this.unclaimed.set(resolved, { name, content });
    }
  }

  /**
   * Checks the runbook an entity's annotation names against the entity's SLO files, parsed
   * together as the backend reads them. Their own problems are the caller's to report.
   */
  checkEntity(
    catalogFile: string,
    entity: CatalogEntitySlos,
    sloFiles: readonly SloSourceFile[],
  ): SpecProblem[] {
    const reference = entity.runbook;
    if (!reference || /^[a-z][a-z0-9+.-]*:/i.test(reference.path)) {
      // A URL: the backend checks that it answers; the CLI fetches nothing.
      return [];
    }
    const name = path.join(path.dirname(catalogFile), reference.path);
    const resolved = path.resolve(name);
    const content = this.unclaimed.get(resolved)?.content ?? read(name);
    if (content === undefined) {
      return [
        {
          ...reference.location,
          message: `the runbook file ${reference.path} does not exist (looked for ${name})`,
          severity: 'error',
        },
      ];
    }
    if (MARKDOWN.test(name)) {
      return [];
    }
    const isRunbook = classifyYamlFile(name, content) === 'runbook';
    if (!isRunbook) {
      return YAML.test(name)
        ? [
            {
              ...reference.location,
              message: `${reference.path} is neither a Markdown runbook nor a decision-tree runbook (apiVersion: reliability.dev/v1, kind: Runbook): fix the file or the annotation`,
              severity: 'error',
            },
          ]
        : [];
    }
    this.unclaimed.delete(resolved);
    if (this.claimed.has(resolved)) {
      // Checked for another entity already; its problems would be the same file's again.
      return [];
    }
    this.claimed.add(resolved);
    this.checked++;
    return parseRunbookFile(content, {
      file: name,
      slos: validSlos(sloFiles),
    }).problems;
  }

  /** Checks the runbooks no entity named, each against the SLO files in its directory. */
  checkUnclaimed(): SpecProblem[] {
    const problems: SpecProblem[] = [];
    for (const file of this.unclaimed.values()) {
      this.checked++;
      problems.push(
        ...parseRunbookFile(file.content, {
          file: file.name,
          slos: this.slosBeside(file.name),
        }).problems,
      );
    }
    this.unclaimed.clear();
    return problems;
  }

  /** The SLOs of the SLO files in a runbook's directory; undefined when they have errors. */
  private slosBeside(name: string): ServiceLevelObjective[] | undefined {
    const dir = path.dirname(name);
    let entries: string[];
    try {
      entries = fs.readdirSync(dir).sort();
    } catch {
      return undefined;
    }
    const sources = entries
      .filter(entry => YAML.test(entry))
      .map(entry => path.join(dir, entry))
      .flatMap(file => {
        const content = read(file);
        return content !== undefined &&
          classifyYamlFile(file, content) === 'slo'
          ? [{ path: file, content }]
          : [];
      });
    return sources.length === 0 ? undefined : validSlos(sources);
  }
}

/**
 * The SLOs of files parsed together, or undefined when they have errors: a broken SLO file
 * contributes no SLOs, and its evidence and alerts must not then be reported missing.
 */
function validSlos(
  files: readonly SloSourceFile[],
): ServiceLevelObjective[] | undefined {
  if (files.length === 0) {
    return [];
  }
  const parsed = parseSloFiles([...files]);
  return parsed.problems.some(problem => problem.severity === 'error')
    ? undefined
    : parsed.slos;
}
