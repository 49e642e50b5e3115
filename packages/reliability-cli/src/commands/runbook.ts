import fs from 'node:fs';
import {
  formatSpecProblem,
  parseRunbookFile,
  renderRunbookMarkdown,
  renderRunbookMermaid,
} from '@reliability/backstage-plugin-common';
import { CliError } from '../lib/CliError';

/**
 * The options of `reliability runbook render`.
 *
 * @internal
 */
export interface RunbookRenderOptions {
  format: 'markdown' | 'mermaid';
}

/**
 * `reliability runbook render`: prints a decision-tree runbook as Markdown or as a Mermaid
 * flowchart. A runbook with errors prints its problems instead and returns 1; warnings are
 * printed to stderr and the tree is still rendered.
 *
 * @internal
 */
export async function renderRunbook(
  file: string,
  options: RunbookRenderOptions,
): Promise<number> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${
        (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }`,
    );
  }
  const result = parseRunbookFile(text, { file });
  for (const problem of result.problems) {
    process.stderr.write(`${formatSpecProblem(problem)}\n`);
  }
  if (!result.runbook) {
    return 1;
  }
  process.stdout.write(
    options.format === 'mermaid'
      ? renderRunbookMermaid(result.runbook)
      : renderRunbookMarkdown(result.runbook),
  );
  return 0;
}
