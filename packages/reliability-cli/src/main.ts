import { Command, CommanderError } from 'commander';

/**
 * Builds the command tree. Each command loads its module lazily so that `--help` stays fast.
 */
export function createProgram(): Command {
  const program = new Command('reliability')
    .description(
      'Validate SLO files and catalog annotations, and generate Prometheus rules identical to Sloth.',
    )
    .version(require('../package.json').version)
    .showHelpAfterError()
    .exitOverride();
  return program;
}

/**
 * Runs the CLI and resolves to its exit code: 0 on success, 1 when the input has errors and 2 on
 * wrong usage. Errors print as one line, never as a stack trace.
 */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with code 0 through the same path as usage errors.
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`reliability: ${(error as Error).message}\n`);
    return 1;
  }
}
