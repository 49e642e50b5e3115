import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import {
  formatScorecardDefinitionProblem,
  parseScorecardDefinitions,
  parseScorecardFile,
  ScorecardCheckRegistry,
  ScorecardDefinition,
  ScorecardDefinitionProblem,
} from '@reliability/backstage-plugin-common';
import { resolve } from 'node:path';
import type { SloFileReader } from '../catalog/SloFileReader';
import type { SloFileTarget } from '../catalog/resolveSloLocations';

/** How often the files are read again when `reliability.scorecardReload` is not set. */
const DEFAULT_RELOAD_SECONDS = 60;

/** What one file gave when it was last read. */
interface FileState {
  etag?: string;
  /** What the file served last time it had no error; kept while it has one. */
  scorecards: ScorecardDefinition[];
  problems: ScorecardDefinitionProblem[];
  /** Whether the file was ever read without an error. */
  everValid: boolean;
}

/**
 * A problem of the definitions as the API shows it: where (source, file, line, column, key
 * path), what, and whether the previous definition is still being served because of it.
 *
 * @internal
 */
export interface ScorecardSourceProblem extends ScorecardDefinitionProblem {
  /** True when the file's previous, valid definitions are served instead. */
  servingPrevious: boolean;
}

/**
 * The scorecard definitions: `reliability.scorecards` of app-config, plus YAML files at the
 * locations of `reliability.scorecardFiles` / `reliability.scorecardLocations` (local paths, or
 * URLs read through the UrlReader, so any SCM integration works). Files are read again on a
 * schedule; an unchanged file (same ETag or content hash) is not parsed again. A file with an
 * error keeps serving what it served before, and the error is logged once and shown on the
 * review page, with its line and key path, until the file is fixed.
 *
 * @internal
 */
export class ScorecardDefinitionSource {
  static async create(options: {
    config: Config;
    checks: ScorecardCheckRegistry;
    logger: LoggerService;
    reader: SloFileReader;
    /** Where relative paths are resolved from; the backend's working directory by default. */
    baseDir?: string;
  }): Promise<ScorecardDefinitionSource> {
    const source = new ScorecardDefinitionSource(options);
    await source.reload();
    return source;
  }

  private readonly files = new Map<string, FileState>();
  private inline: {
    scorecards: ScorecardDefinition[];
    problems: ScorecardDefinitionProblem[];
  };
  private current: ScorecardDefinition[] = [];
  private currentProblems: ScorecardSourceProblem[] = [];
  private loadedAt = new Date(0);

  private constructor(
    private readonly options: {
      config: Config;
      checks: ScorecardCheckRegistry;
      logger: LoggerService;
      reader: SloFileReader;
      baseDir?: string;
    },
  ) {
    this.inline = this.readInline();
    for (const problem of this.inline.problems) {
      this.options.logger.error(
        `Scorecard definition skipped: ${formatScorecardDefinitionProblem(
          problem,
        )}`,
      );
    }
  }

  /** The definitions served now. */
  list(): ScorecardDefinition[] {
    return this.current;
  }

  /** What is wrong with the definitions now, and when they were last read. */
  status(): { problems: ScorecardSourceProblem[]; loadedAt: string } {
    return {
      problems: this.currentProblems,
      loadedAt: this.loadedAt.toISOString(),
    };
  }

  /** The locations of scorecard files, from both config keys, in order. */
  locations(): Array<{ key: string; location: string }> {
    const { config } = this.options;
    const out: Array<{ key: string; location: string }> = [];
    for (const key of [
      'reliability.scorecardFiles',
      'reliability.scorecardLocations',
    ]) {
      try {
        for (const [index, location] of (
          config.getOptionalStringArray(key) ?? []
        ).entries()) {
          out.push({ key: `${key}[${index}]`, location });
        }
      } catch (error) {
        this.options.logger.error(
          `${key} must be a list of file paths or URLs: ${stringifyError(
            error,
          )}`,
        );
      }
    }
    return out;
  }

  /** Reads every file again (unchanged ones cheaply) and swaps the served definitions. */
  async reload(signal?: AbortSignal): Promise<void> {
    const seen = new Set<string>();
    for (const { key, location } of this.locations()) {
      seen.add(location);
      await this.readLocation(key, location, signal);
    }
    for (const location of [...this.files.keys()]) {
      if (!seen.has(location)) {
        this.files.delete(location);
      }
    }
    this.combine();
    this.loadedAt = new Date();
  }

  /** Registers `reliability-reload-scorecards` (every replica reads for itself: local scope). */
  async schedule(scheduler: SchedulerService): Promise<void> {
    if (this.locations().length === 0) {
      return;
    }
    const seconds =
      this.options.config.getOptionalNumber(
        'reliability.scorecardReload.frequencySeconds',
      ) ?? DEFAULT_RELOAD_SECONDS;
    await scheduler.scheduleTask({
      id: 'reliability-reload-scorecards',
      scope: 'local',
      frequency: { seconds: Math.max(5, seconds) },
      timeout: { minutes: 2 },
      initialDelay: { seconds: Math.max(5, seconds) },
      fn: async signal => {
        await this.reload(signal);
      },
    });
  }

  private readInline() {
    let value: unknown;
    try {
      value = this.options.config.getOptional('reliability.scorecards');
    } catch (error) {
      return {
        scorecards: [],
        problems: [
          {
            source: 'app-config',
            path: 'reliability.scorecards',
            message: `could not be read: ${stringifyError(error)}`,
          },
        ],
      };
    }
    return parseScorecardDefinitions(value, {
      source: 'app-config',
      path: 'reliability.scorecards',
      checks: this.options.checks,
    });
  }

  private target(location: string): SloFileTarget {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(location)
      ? { type: 'url', url: location }
      : {
          type: 'file',
          path: resolve(this.options.baseDir ?? process.cwd(), location),
        };
  }

  private async readLocation(
    key: string,
    location: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const { logger, reader, checks } = this.options;
    const state: FileState = this.files.get(location) ?? {
      scorecards: [],
      problems: [],
      everValid: false,
    };
    this.files.set(location, state);
    const target = this.target(location);
    const file = target.type === 'url' ? target.url : target.path;
    let content: string;
    try {
      const read = await reader.read(target, { etag: state.etag, signal });
      if (read === 'unchanged') {
        return;
      }
      content = read.content;
      state.etag = read.etag;
    } catch (error) {
      const problem: ScorecardDefinitionProblem = {
        source: file,
        file,
        path: key,
        message: `could not be read: ${stringifyError(error)}`,
      };
      // Logged when it first appears, not on every scheduled read.
      if (!state.problems.some(p => p.message === problem.message)) {
        logger.error(
          `Scorecard file ${file} (${key}) could not be read${
            state.everValid ? '; serving its previous definitions' : ''
          }: ${stringifyError(error)}`,
        );
      }
      state.problems = [problem];
      // Read again next time even if the server claims nothing changed.
      state.etag = undefined;
      return;
    }
    const parsed = parseScorecardFile(content, { file, checks });
    if (parsed.problems.length === 0) {
      if (state.problems.length > 0 || state.everValid) {
        logger.info(
          `Scorecard file ${file} read: ${parsed.scorecards.length} scorecards`,
        );
      }
      state.scorecards = parsed.scorecards;
      state.problems = [];
      state.everValid = true;
      return;
    }
    for (const problem of parsed.problems) {
      logger.error(
        `Scorecard file has an error${
          state.everValid ? ' (serving its previous definitions)' : ''
        }: ${formatScorecardDefinitionProblem(problem)}`,
      );
    }
    state.problems = parsed.problems;
    if (!state.everValid) {
      // Never valid: serve the scorecards of the file that have no problem of their own.
      state.scorecards = parsed.scorecards;
    }
  }

  private combine(): void {
    const scorecards: ScorecardDefinition[] = [];
    const problems: ScorecardSourceProblem[] = this.inline.problems.map(
      problem => ({ ...problem, servingPrevious: false }),
    );
    const add = (candidate: ScorecardDefinition) => {
      const first = scorecards.find(known => known.id === candidate.id);
      if (first) {
        problems.push({
          source: candidate.source,
          path: 'id',
          message: `the id "${candidate.id}" is already used by a scorecard from ${first.source}; the later one is skipped`,
          servingPrevious: false,
        });
      } else {
        scorecards.push(candidate);
      }
    };
    this.inline.scorecards.forEach(add);
    for (const state of this.files.values()) {
      state.scorecards.forEach(add);
      for (const problem of state.problems) {
        const { keyPath: _keyPath, ...rest } = problem;
        problems.push({ ...rest, servingPrevious: state.everValid });
      }
    }
    this.current = scorecards;
    this.currentProblems = problems;
  }
}
