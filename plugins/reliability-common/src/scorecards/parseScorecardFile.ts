import { isNode, LineCounter, parseDocument } from 'yaml';
import { positionOf } from '../spec/yaml/positionOf';
import type { ScorecardDefinitionProblem } from './definitions';
import {
  parseScorecardDefinitions,
  ScorecardDefinitionsParse,
} from './parseScorecardDefinitions';
import type { ScorecardCheckRegistry } from './ScorecardCheckRegistry';

/** Scorecard files are short; anything larger is a wrong location. */
const MAX_FILE_LENGTH = 256 * 1024;

/**
 * Options of {@link parseScorecardFile}.
 *
 * @public
 */
export interface ParseScorecardFileOptions {
  /** The file's path or URL, copied into every problem. */
  file: string;
  /** The checks scorecards may name; defaults to the built-in checks. */
  checks?: ScorecardCheckRegistry;
}

/**
 * Reads a scorecard file: YAML holding a list of scorecards, or a mapping with a `scorecards`
 * list. Validates it as {@link parseScorecardDefinitions} does, and gives every problem the file,
 * line and column of the offending value (of its nearest parent that is written, for a missing
 * key) beside its key path. Never throws.
 *
 * @public
 */
export function parseScorecardFile(
  content: string,
  options: ParseScorecardFileOptions,
): ScorecardDefinitionsParse {
  const { file } = options;
  const problemAt = (
    line: number,
    column: number,
    message: string,
  ): ScorecardDefinitionProblem => ({
    source: file,
    file,
    line,
    column,
    path: '',
    message,
  });
  if (content.length > MAX_FILE_LENGTH) {
    return {
      scorecards: [],
      problems: [
        problemAt(
          1,
          1,
          `the file is longer than ${MAX_FILE_LENGTH} characters; a scorecard file holds a few scorecards`,
        ),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(content, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (document.errors.length > 0) {
    return {
      scorecards: [],
      problems: document.errors.slice(0, 20).map(error => {
        const { line, column } = positionOf(lineCounter, error.pos[0]);
        return problemAt(
          line,
          column,
          `is not valid YAML: ${error.message.split('\n')[0]}`,
        );
      }),
    };
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  const wrapped =
    value !== null && typeof value === 'object' && !Array.isArray(value);
  const prefix = wrapped ? ['scorecards'] : [];
  const parsed = parseScorecardDefinitions(
    wrapped ? (value as Record<string, unknown>).scorecards : value,
    {
      source: file,
      path: wrapped ? 'scorecards' : '',
      checks: options.checks,
    },
  );
  if (wrapped && (value as Record<string, unknown>).scorecards === undefined) {
    parsed.problems.push({
      ...problemAt(
        1,
        1,
        'has no `scorecards` list: write `scorecards:` followed by a list of scorecards, each with id, title and levels',
      ),
      path: 'scorecards',
      keyPath: [],
    });
  }
  return {
    scorecards: parsed.scorecards,
    problems: parsed.problems.map(problem => {
      if (problem.line !== undefined) {
        return problem;
      }
      let path = [...prefix, ...(problem.keyPath ?? [])];
      // A missing key has no node: point at the nearest parent that is written.
      for (;;) {
        const node =
          path.length === 0 ? document.contents : document.getIn(path, true);
        if (isNode(node) && node.range) {
          const { line, column } = positionOf(lineCounter, node.range[0]);
          return { ...problem, file, line, column };
        }
        if (path.length === 0) {
          return { ...problem, file, line: 1, column: 1 };
        }
        path = path.slice(0, -1);
      }
    }),
  };
}
