import { visible } from './visible.js';

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
  /** stdout or stderr could not be written (a full disk, a device that refuses writes); a closed pipe is not this. */
  outputStream: 5,
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
    // Shown safe: a path or a name in the message may hold control characters (src/visible.ts).
    super(visible(typeof message === 'string' ? message : message.vi));
    this.en = typeof message === 'string' ? undefined : visible(message.en);
    this.name = 'UserError';
  }

  /** The message in the language (Vietnamese where no English has been written). */
  describe(lang: 'vi' | 'en'): string {
    return lang === 'en' ? (this.en ?? this.message) : this.message;
  }
}
