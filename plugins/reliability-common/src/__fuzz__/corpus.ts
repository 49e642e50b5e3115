import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * The valid inputs the fuzz tests mutate: the repository's examples and documentation, and, when
 * `RELIABILITY_SHARED_FIXTURES` names the shared fixtures directory (CI sets it), the Sloth and
 * OpenSLO examples there. Files are read at test time, never copied into the repository.
 */

/** A file of the corpus: where it came from (for failure messages) and its text. */
export interface CorpusFile {
  path: string;
  content: string;
}

const REPOSITORY_ROOT = path.resolve(__dirname, '../../../..');
const COMMON_README = path.join(
  REPOSITORY_ROOT,
  'plugins/reliability-common/README.md',
);

function read(file: string): CorpusFile {
  return {
    path: path.relative(REPOSITORY_ROOT, file),
    content: fs.readFileSync(file, 'utf8'),
  };
}

function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        return yamlFilesUnder(full);
      }
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** The ```yaml blocks of a Markdown file that contain `marker`. */
function yamlBlocksOf(file: string, marker: string): CorpusFile[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map(match => match[1])
    .filter(block => block.includes(marker))
    .map((content, index) => ({
      path: `${path.relative(REPOSITORY_ROOT, file)}#yaml-${index}`,
      content,
    }));
}

/** Decision-tree runbooks beside the examples' SLO files, which are no SLO files. */
const RUNBOOK_KIND_LINE = /^kind:\s*Runbook\s*$/m;
/** The suite's own documents (runbooks, release policies) beside the SLO files. */
const SUITE_API_VERSION_LINE = /^apiVersion:\s*reliability\.dev\//m;

let sharedCorpusNoticeShown = false;

/** The shared fixtures directory, or undefined (said once, clearly) when it is not configured. */
function sharedFixturesRoot(): string | undefined {
  const root = process.env.RELIABILITY_SHARED_FIXTURES;
  if (root && fs.existsSync(root)) {
    return path.resolve(root);
  }
  if (!sharedCorpusNoticeShown) {
    sharedCorpusNoticeShown = true;
    // eslint-disable-next-line no-console
    console.warn(
      root
        ? `fuzz tests: RELIABILITY_SHARED_FIXTURES=${root} does not exist, so the shared Sloth/OpenSLO corpus was NOT used; fuzzing the repository's own examples only`
        : "fuzz tests: RELIABILITY_SHARED_FIXTURES is not set, so the shared Sloth/OpenSLO corpus was NOT used; fuzzing the repository's own examples only",
    );
  }
  return undefined;
}

/**
 * SLO files: the examples under `examples/services`, plus the shared Sloth inputs and OpenSLO
 * examples when available (Sloth's `expected.yml` are generated rules and `_windows` alert window
 * catalogs, not specs).
 */
export function sloCorpus(): CorpusFile[] {
  const own = yamlFilesUnder(path.join(REPOSITORY_ROOT, 'examples/services'))
    .filter(file => !file.endsWith('catalog-info.yaml'))
    .map(read)
    .filter(file => !SUITE_API_VERSION_LINE.test(file.content));
  const root = sharedFixturesRoot();
  const shared = root
    ? [
        ...yamlFilesUnder(path.join(root, 'openslo')),
        ...yamlFilesUnder(path.join(root, 'sloth')).filter(
          file =>
            !/expected\.ya?ml$/.test(file) &&
            !file.includes(`${path.sep}_windows${path.sep}`),
        ),
      ].map(read)
    : [];
  return [...own, ...shared];
}

/** catalog-info files: the examples' and the repository's own. */
export function catalogCorpus(): CorpusFile[] {
  return [
    ...yamlFilesUnder(path.join(REPOSITORY_ROOT, 'examples')).filter(file =>
      file.endsWith('catalog-info.yaml'),
    ),
    path.join(REPOSITORY_ROOT, 'examples/entities.yaml'),
    path.join(REPOSITORY_ROOT, 'catalog-info.yaml'),
  ]
    .filter(file => fs.existsSync(file))
    .map(read);
}

/** Runbook files: the examples' and the documented example of the package README. */
export function runbookCorpus(): CorpusFile[] {
  return [
    ...yamlFilesUnder(path.join(REPOSITORY_ROOT, 'examples/services'))
      .map(read)
      .filter(file => RUNBOOK_KIND_LINE.test(file.content)),
    ...yamlBlocksOf(COMMON_README, 'kind: Runbook'),
  ];
}

/** Rotation files: the documented example of the package README. */
export function rotationCorpus(): CorpusFile[] {
  return yamlBlocksOf(COMMON_README, 'kind: Rotation');
}

/**
 * Scorecard definitions as YAML whose document is the list itself: the documented example of the
 * package README (written under `reliability.scorecards` there).
 */
export function scorecardCorpus(): CorpusFile[] {
  return yamlBlocksOf(COMMON_README, 'scorecards:').map(block => {
    const value = parse(block.content)?.reliability?.scorecards;
    if (!Array.isArray(value)) {
      throw new Error(`${block.path} has no reliability.scorecards list`);
    }
    return { path: block.path, content: stringify(value) };
  });
}
