import { Command, InvalidArgumentError, Option } from 'commander';
import { CliError } from '../lib/CliError';
import { collectKeyValue } from '../lib/parseKeyValue';
// Static imports: the published build bundles what is imported, and a lazy require('./generate')
// found no file in dist/ (a dynamic import() breaks the in-repository TypeScript loader).
import { gate, GateOptions } from './gate';
import { generate } from './generate';
import { validate } from './validate';

/**
 * Receives the exit code of the command that ran.
 *
 * @internal
 */
export type ExitCodeSink = (code: number) => void;

/**
 * Parses a filter regex. Sloth's are Go RE2; the path filters people write (`_test\.ya?ml$`,
 * `services/`) mean the same in JavaScript.
 */
function regex(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/**
 * Runs a command's action; a usage error found by the command itself (exit code 2) is reported
 * by commander, with the command's help, like the usage errors commander finds.
 */
async function run(
  command: Command,
  action: () => Promise<number>,
): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof CliError && error.exitCode === 2) {
      command.error(`error: ${error.message}`, { exitCode: 2 });
    }
    throw error;
  }
}

/**
 * Registers every command.
 *
 * @internal
 */
export function registerCommands(program: Command, exit: ExitCodeSink): void {
  program
    .command('generate')
    .description(
      'Generate Prometheus SLO recording and alerting rules, identical to `sloth generate`.',
    )
    .requiredOption(
      '-i, --input <path>',
      'SLO spec file or directory (a directory is walked recursively and --out must be a directory)',
    )
    .option(
      '-o, --out <path>',
      'output file or directory; `-` writes to stdout (a directory when the input is one)',
      '-',
    )
    .option(
      '-e, --fs-exclude <regex>',
      'ignore discovered file paths matching this regex (directory input)',
      regex,
    )
    .option(
      '-n, --fs-include <regex>',
      'only use discovered file paths matching this regex; exclude wins (directory input)',
      regex,
    )
    .addOption(
      new Option(
        '-l, --extra-labels <key=value>',
        'label added to every generated recording rule (repeatable)',
      )
        .argParser(collectKeyValue)
        .default({}, 'none'),
    )
    .option('--disable-recordings', 'do not generate recording rules')
    .option('--disable-alerts', 'do not generate alerting rules')
    .option(
      '--slo-period-windows-path <dir>',
      'directory of AlertWindows files replacing the built-in 28d/30d windows',
    )
    .option(
      '--default-slo-period <duration>',
      'SLO period of SLOs that set none',
      '30d',
    )
    .action(async (options, command: Command) => {
      exit(await run(command, () => generate(options)));
    });

  program
    .command('validate')
    .description(
      'Validate catalog-info.yaml files and the SLO files they reference, or SLO files given directly.',
    )
    .argument('<paths...>', 'files or directories to validate')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option(
      '--allow-external-refs',
      'accept OpenSLO references to alert policies, conditions and notification targets that no file read defines (kept in an SLO platform); they are warnings then',
      false,
    )
    .action(
      async (
        paths: string[],
        options: { format: 'text' | 'json'; allowExternalRefs: boolean },
        command: Command,
      ) => {
        exit(await run(command, () => validate(paths, options)));
      },
    );

  program
    .command('runbook')
    .description('Work with decision-tree runbooks (kind: Runbook).')
    .command('render')
    .description(
      'Print a runbook as Markdown (for wikis and reviews) or as a Mermaid flowchart.',
    )
    .argument('<file>', 'the runbook file')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['markdown', 'mermaid'])
        .default('markdown'),
    )
    .action(
      async (
        file: string,
        options: { format: 'markdown' | 'mermaid' },
        command: Command,
      ) => {
        const { renderRunbook } =
          require('./runbook') as typeof import('./runbook');
        exit(await run(command, () => renderRunbook(file, options)));
      },
    );

  program
    .command('gate')
    .description(
      "Ask the Reliability backend's release gate whether an entity may release now. Exit 0 allow, 2 block, 0 or 1 warn (--warn-exit-code), 3 when no answer could be had.",
    )
    .argument('<entityRef>', 'the entity, e.g. component:default/checkout')
    .requiredOption(
      '--backend <url>',
      "the Backstage backend's URL, e.g. https://backstage.example.com",
    )
    .option('--release <kind>', 'the kind of the release, e.g. fix')
    .option(
      '--token-env <name>',
      'the environment variable holding the Backstage token',
      'RELIABILITY_TOKEN',
    )
    .addOption(
      new Option('--warn-exit-code <code>', 'exit code of a warning')
        .choices(['0', '1'])
        .default('0'),
    )
    .option('--json', 'print the whole answer as JSON', false)
    .option('--timeout <duration>', 'how long to wait for the answer', '30s')
    .action(
      async (entityRef: string, options: GateOptions, command: Command) => {
        exit(await run(command, () => gate(entityRef, options)));
      },
    );
}
