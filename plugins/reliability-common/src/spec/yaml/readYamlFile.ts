import {
  Document,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  parseAllDocuments,
  visit,
  YAMLError,
} from 'yaml';
import type { SpecProblem } from '../../problems';
import type { SloSourceFile } from '../model';
import { findDeepNesting } from './findDeepNesting';
import { formatSpecPath, PathSegment } from './path';
import { positionOf } from './positionOf';
import { withoutNullValues } from './withoutNullValues';
import { YamlObject } from './YamlObject';

/**
 * The longest spec file read by default, in characters. Spec files are a few kilobytes, and the
 * YAML parser needs about a second per 100 KiB of adversarial input (thousands of errors, deep
 * flow nesting) on a busy machine, so anything larger is refused up front rather than parsed.
 *
 * @internal
 */
export const DEFAULT_MAX_FILE_LENGTH = 64 * 1024;

/** Beyond this many YAML errors in one file the rest are summarized: the first ones matter. */
const MAX_YAML_PROBLEMS = 20;

/**
 * Collections may not nest deeper than this. People's files nest about a dozen levels; a thousand
 * exhaust the parser's stack and can abort the process (see `findDeepNesting`).
 */
const MAX_NESTING_DEPTH = 100;

/** Aliases may not expand into more than this many nodes ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * What reading a YAML file gives: its objects and the problems found reading it.
 *
 * @internal
 */
export interface YamlFileContents {
  objects: YamlObject[];
  problems: SpecProblem[];
}

/**
 * Reads a (multi-document) YAML file into objects, reporting syntax errors with the parser's own
 * line and column. Never throws: whatever goes wrong becomes a problem. Documents with syntax
 * errors yield no objects; a document that is a list yields one object per item.
 *
 * @internal
 */
export function readYamlFile(
  file: SloSourceFile,
  maxLength: number = DEFAULT_MAX_FILE_LENGTH,
): YamlFileContents {
  const problems: SpecProblem[] = [];
  const at = (line: number, column: number, message: string) =>
    problems.push({
      file: file.path,
      line,
      column,
      path: '',
      message,
      severity: 'error',
    });

  if (typeof file.content !== 'string') {
    at(1, 1, 'the file has no text content');
    return { objects: [], problems };
  }
  if (file.content.length > maxLength) {
    at(
      1,
      1,
      `the file is ${formatSize(
        file.content.length,
      )} long, more than the ${formatSize(
        maxLength,
      )} read at most; spec files are a few kilobytes, so this is probably not one`,
    );
    return { objects: [], problems };
  }
  const deep = findDeepNesting(file.content, MAX_NESTING_DEPTH);
  if (deep) {
    at(
      deep.line,
      deep.column,
      `the YAML nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep here; spec files need about a dozen, so the file is not read: flatten the structure`,
    );
    return { objects: [], problems };
  }

  const lineCounter = new LineCounter();
  let documents: Document[];
  try {
    documents = [
      ...parseAllDocuments(file.content, {
        lineCounter,
        prettyErrors: false,
        // Checked below in linear time with a better message; the parser's check is quadratic.
        uniqueKeys: false,
        merge: true,
        // The parser's own warnings go to `document.warnings` and become problems; without this
        // it also prints some (a mapping used as a key) to the process's warnings, from input.
        logLevel: 'error',
      }),
    ];
  } catch (error) {
    at(1, 1, `the YAML could not be parsed: ${errorMessage(error)}`);
    return { objects: [], problems };
  }

  const objects: YamlObject[] = [];
  let yamlProblems = 0;
  let skippedYamlProblems = 0;
  const reportYamlProblem = (
    problem: YAMLError,
    severity: SpecProblem['severity'],
  ) => {
    if (yamlProblems >= MAX_YAML_PROBLEMS) {
      skippedYamlProblems++;
      return;
    }
    yamlProblems++;
    const { line, column } = positionOf(lineCounter, problem.pos[0]);
    const what = severity === 'error' ? 'YAML syntax error' : 'YAML warning';
    problems.push({
      file: file.path,
      line,
      column,
      path: '',
      message: `${what}: ${problem.message}`,
      severity,
    });
  };

  for (const document of documents) {
    document.errors.forEach(error => reportYamlProblem(error, 'error'));
    document.warnings.forEach(warning => reportYamlProblem(warning, 'warning'));
    if (document.errors.length > 0 || document.contents === null) {
      continue;
    }
    const duplicates = duplicateKeyProblems(file.path, document, lineCounter);
    problems.push(...duplicates);
    if (duplicates.length > 0) {
      continue;
    }
    let value: unknown;
    try {
      value = withoutNullValues(
        document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
      );
    } catch (error) {
      const { line, column } = positionOf(
        lineCounter,
        document.contents.range?.[0] ?? 0,
      );
      at(line, column, `the YAML could not be read: ${errorMessage(error)}`);
      continue;
    }
    if (value === null || value === undefined) {
      // An empty document, such as the one after a trailing `---`.
      continue;
    }
    const root = document.contents as Node;
    if (isSeq(root) && Array.isArray(value)) {
      value.forEach((item, index) =>
        objects.push(
          new YamlObject(
            file.path,
            item,
            [index],
            document,
            root.items[index] as Node | undefined,
            lineCounter,
          ),
        ),
      );
    } else {
      objects.push(
        new YamlObject(file.path, value, [], document, root, lineCounter),
      );
    }
  }

  if (skippedYamlProblems > 0) {
    at(
      1,
      1,
      `${skippedYamlProblems} more YAML problems are not listed; fix the ones above first`,
    );
  }
  return { objects, problems };
}

/** Duplicate keys in any mapping of the document, each reported on the repeated key. */
function duplicateKeyProblems(
  file: string,
  document: Document,
  lineCounter: LineCounter,
): SpecProblem[] {
  const problems: SpecProblem[] = [];
  visit(document, {
    Map(_, map, ancestors) {
      const mapPath = pathOfNode(ancestors, map);
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || key.value === '<<') {
          continue;
        }
        const text = String(key.value);
        const offset = key.range?.[0] ?? 0;
        const first = seen.get(text);
        if (first === undefined) {
          seen.set(text, offset);
          continue;
        }
        const { line, column } = positionOf(lineCounter, offset);
        problems.push({
          file,
          line,
          column,
          path: formatSpecPath([...mapPath, text]),
          message: `the field "${text}" is repeated; it is already set on line ${
            positionOf(lineCounter, first).line
          }`,
          severity: 'error',
        });
      }
    },
  });
  return problems;
}

/** The path of a node from the ancestors `visit` gives: keys of pairs, indexes in lists. */
function pathOfNode(
  ancestors: readonly unknown[],
  node: unknown,
): PathSegment[] {
  const path: PathSegment[] = [];
  const chain = [...ancestors, node];
  chain.forEach((ancestor, index) => {
    const child = chain[index + 1];
    if (isPair(ancestor) && isScalar(ancestor.key)) {
      path.push(String(ancestor.key.value));
    } else if (isSeq(ancestor) && child !== undefined) {
      path.push(ancestor.items.indexOf(child));
    }
  });
  return path;
}

function formatSize(length: number): string {
  if (length >= 1024 * 1024) {
    return `${(length / (1024 * 1024)).toFixed(1)} MiB`;
  }
  return `${Math.ceil(length / 1024)} KiB`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
