import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import {
  formatScorecardDefinitionProblem,
  parseScorecardDefinitions,
  ScorecardCheckRegistry,
  ScorecardDefinition,
  ScorecardDefinitionProblem,
} from '@reliability/backstage-plugin-common';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * What {@link loadScorecardDefinitions} found.
 *
 * @internal
 */
export interface LoadedScorecardDefinitions {
  scorecards: ScorecardDefinition[];
  problems: ScorecardDefinitionProblem[];
}

/**
 * Reads scorecards from `reliability.scorecards` (a list) and from the YAML files listed in
 * `reliability.scorecardFiles` (paths relative to `baseDir`, the backend's working directory by
 * default). A file holds a list of scorecards, or a mapping with a `scorecards` list. Every
 * problem is logged with its source and exact key path, and a broken scorecard is skipped
 * whole; nothing here throws, so a mistake in a scorecard never stops the backend.
 *
 * @internal
 */
export async function loadScorecardDefinitions(options: {
  config: Config;
  checks: ScorecardCheckRegistry;
  logger: LoggerService;
  baseDir?: string;
}): Promise<LoadedScorecardDefinitions> {
  const { config, checks, logger } = options;
  const problems: ScorecardDefinitionProblem[] = [];
  const scorecards: ScorecardDefinition[] = [];
  const add = (parsed: LoadedScorecardDefinitions) => {
    problems.push(...parsed.problems);
    for (const scorecard of parsed.scorecards) {
      const first = scorecards.find(known => known.id === scorecard.id);
      if (first) {
        problems.push({
          source: scorecard.source,
          path: 'id',
          message: `the id "${scorecard.id}" is already used by a scorecard from ${first.source}; the later one is skipped`,
        });
      } else {
        scorecards.push(scorecard);
      }
    }
  };

  let inline: unknown;
  try {
    inline = config.getOptional('reliability.scorecards');
  } catch (error) {
    inline = undefined;
    problems.push({
      source: 'app-config',
      path: 'reliability.scorecards',
      message: `could not be read: ${stringifyError(error)}`,
    });
  }
  add(
    parseScorecardDefinitions(inline, {
      source: 'app-config',
      path: 'reliability.scorecards',
      checks,
    }),
  );

  let files: string[] = [];
  try {
    files = config.getOptionalStringArray('reliability.scorecardFiles') ?? [];
  } catch (error) {
    problems.push({
      source: 'app-config',
      path: 'reliability.scorecardFiles',
      message: `expected a list of file paths: ${stringifyError(error)}`,
    });
  }
  const baseDir = options.baseDir ?? process.cwd();
  for (const [index, file] of files.entries()) {
    const source = file;
    let document: unknown;
    try {
      document = parseYaml(await readFile(resolve(baseDir, file), 'utf8'));
    } catch (error) {
      problems.push({
        source: 'app-config',
        path: `reliability.scorecardFiles[${index}]`,
        message: `the file ${resolve(
          baseDir,
          file,
        )} could not be read as YAML: ${stringifyError(error)}`,
      });
      continue;
    }
    const wrapped =
      document !== null &&
      typeof document === 'object' &&
      !Array.isArray(document);
    add(
      parseScorecardDefinitions(
        wrapped ? (document as Record<string, unknown>).scorecards : document,
        { source, path: wrapped ? 'scorecards' : '', checks },
      ),
    );
  }

  for (const problem of problems) {
    logger.error(
      `Scorecard definition skipped: ${formatScorecardDefinitionProblem(
        problem,
      )}`,
    );
  }
  return { scorecards, problems };
}
