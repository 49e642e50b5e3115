import { Command, CommanderError } from 'commander';
import { registerCommands, ExitCodeSink } from './commands';
import { CliError } from './lib/CliError';
import { cliVersion } from './lib/version';

/**
 * Builds the command tree.
 *
 * @internal
 */
export function createProgram(exit: ExitCodeSink = () => {}): Command {
  const program = new Command('reliability')
    .description(
      'Validate SLO files, runbooks and catalog annotations, generate Prometheus rules identical to Sloth, and render runbooks.',
    )
    .version(cliVersion())
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program, exit);
  return program;
}

/**
 * Runs the CLI and resolves to its exit code: 0 on success, 1 when the input has errors and 2 on
 * wrong usage. Errors print as one line, never as a stack trace.
 *
 * @internal
 */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = createProgram(c => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with code 0 through the same path as usage errors.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`reliability: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`reliability: ${(error as Error).message}\n`);
    return 1;
  }
}
