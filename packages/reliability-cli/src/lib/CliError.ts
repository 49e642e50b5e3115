/**
 * An error the CLI reports as one line and turns into an exit code, never as a stack trace:
 * 1 when the input is at fault, 2 when the command line is.
 *
 * @internal
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
