/** Exit codes of product.md, for cron. */
export const EXIT = {
  ok: 0,
  /** The inputs have problems (listed; nothing written). */
  inputProblems: 1,
  /** Wrong usage. */
  usage: 2,
  /** Outputs exist and --force was not given. */
  outputsExist: 3,
  /** --final and the year is incomplete (some person could not be rated). */
  incomplete: 4,
  /** An internal failure. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An expected problem: its message is for the user (Vietnamese by default) and its code is the
 * exit code. Only `main` in src/program.ts turns errors into exit codes.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
