/** Exit codes the CLI promises (scripts and checks depend on them). */
export const EXIT = {
  ok: 0,
  /** A policy file or audit chain failed its check. */
  invalid: 1,
  /** The command was called wrongly. */
  usage: 2,
  /** The school's policy has no such matrix. */
  noMatrix: 3,
  /** Something the command needed was not there or not reachable (database, file). */
  unavailable: 4,
} as const;

/** An error the CLI reports as one plain line and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unavailable,
  ) {
    super(message);
  }
}

export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function err(line: string): void {
  process.stderr.write(`${line}\n`);
}
