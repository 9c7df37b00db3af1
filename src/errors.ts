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
  /** The message in English (`--lang en`), where it has been written. */
  readonly en: string | undefined;

  constructor(
    message: string | { readonly vi: string; readonly en: string },
    readonly exitCode: ExitCode,
  ) {
    super(typeof message === 'string' ? message : message.vi);
    this.en = typeof message === 'string' ? undefined : message.en;
    this.name = 'UserError';
  }

  /** The message in the language (Vietnamese where no English has been written). */
  describe(lang: 'vi' | 'en'): string {
    return lang === 'en' ? (this.en ?? this.message) : this.message;
  }
}
