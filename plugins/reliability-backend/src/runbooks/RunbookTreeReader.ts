import { Entity } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  parseRunbookFile,
  RELIABILITY_RUNBOOK_ANNOTATION,
  RunbookTree,
  RunbookTreeSource,
  ServiceLevelObjective,
  SpecProblem,
} from '@reliability/backstage-plugin-common';
import { createHash } from 'node:crypto';
import {
  ResolvedSloLocation,
  resolveSloLocation,
} from '../catalog/resolveSloLocations';
import { SloFileReader } from '../catalog/SloFileReader';

const YAML_FILE = /\.ya?ml$/i;

/**
 * What reading an entity's decision-tree runbook gave.
 *
 * @internal
 */
export interface RunbookTreeRead {
  /** Absent when the entity names no `.yaml` runbook. */
  source?: RunbookTreeSource;
  /** The tree, when the file's structure is valid (see {@link RunbookTreeReader.read}). */
  runbook?: RunbookTree;
  problems: SpecProblem[];
  /** sha256 of the text; absent when the file could not be read. */
  contentHash?: string;
}

function pathOf(location: string): string {
  try {
    return new URL(location.replace(/^url:/, '')).pathname;
  } catch {
    return location;
  }
}

/**
 * The `reliability/runbook` annotation when it names a decision-tree runbook: a `.yaml` or
 * `.yml` file (beside catalog-info.yaml, or at a URL). A Markdown file or a web page is a runbook
 * of another kind, collected by `collectRunbooks`.
 *
 * @internal
 */
export function runbookTreeLocation(entity: Entity): string | undefined {
  const annotation =
    entity.metadata.annotations?.[RELIABILITY_RUNBOOK_ANNOTATION]?.trim();
  return annotation && YAML_FILE.test(pathOf(annotation))
    ? annotation
    : undefined;
}

function problem(file: string, message: string): SpecProblem {
  return { file, line: 1, column: 1, path: '', message, severity: 'error' };
}

/**
 * Reads an entity's decision-tree runbook the way SLO files are read: resolved against the
 * entity's source location, through the UrlReader (every SCM integration and its credentials)
 * or, for entities registered from a local file, from disk. Never throws for a bad file or
 * location: those become problems with a position.
 *
 * @internal
 */
export class RunbookTreeReader {
  static create(options: {
    fileReader: SloFileReader;
    integrations: ScmIntegrationRegistry;
  }): RunbookTreeReader {
    return new RunbookTreeReader(options.fileReader, options.integrations);
  }

  private constructor(
    private readonly fileReader: SloFileReader,
    private readonly integrations: ScmIntegrationRegistry,
  ) {}

  /**
   * The problems are those of the file checked against the entity's SLOs (evidence naming
   * another SLO, page alerts without an entry point). Those two never make the tree unusable
   * for a responder, so the tree is given whenever its own structure is valid; structural
   * errors (answers naming no node, unreachable nodes, cycles without exit) give no tree.
   */
  async read(
    entity: Entity,
    slos: readonly ServiceLevelObjective[],
    options: { signal?: AbortSignal } = {},
  ): Promise<RunbookTreeRead> {
    const location = runbookTreeLocation(entity);
    if (!location) {
      return { problems: [] };
    }
    let resolved: ResolvedSloLocation;
    try {
      resolved = resolveSloLocation(entity, location, this.integrations);
    } catch (error) {
      return {
        source: { location, file: location },
        problems: [
          problem(
            location,
            `${
              (error as Error).message
            } (the ${RELIABILITY_RUNBOOK_ANNOTATION} annotation)`,
          ),
        ],
      };
    }
    const source: RunbookTreeSource = {
      location,
      file: resolved.file,
      ...(resolved.target.type === 'url' ? { url: resolved.target.url } : {}),
    };
    let text: string;
    try {
      const content = await this.fileReader.read(resolved.target, {
        signal: options.signal,
      });
      if (content === 'unchanged') {
        // Without an ETag in the request the reader has nothing to compare with.
        throw new Error('the reader answered unchanged without an ETag');
      }
      text = content.content;
    } catch (error) {
      const missing =
        (error as Error)?.name === 'NotFoundError' ||
        (error as NodeJS.ErrnoException)?.code === 'ENOENT';
      return {
        source,
        problems: [
          problem(
            resolved.file,
            missing
              ? `the runbook file does not exist: create it, or fix the ${RELIABILITY_RUNBOOK_ANNOTATION} annotation (relative to catalog-info.yaml)`
              : `the runbook file could not be read: ${
                  (error as Error)?.message
                }`,
          ),
        ],
      };
    }
    const contentHash = createHash('sha256').update(text).digest('hex');
    const checked = parseRunbookFile(text, { file: resolved.file, slos });
    const runbook =
      checked.runbook ??
      parseRunbookFile(text, { file: resolved.file }).runbook;
    return {
      source,
      ...(runbook ? { runbook } : {}),
      problems: checked.problems,
      contentHash,
    };
  }
}
