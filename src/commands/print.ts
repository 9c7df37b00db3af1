import { InputProblemsError, type Problem, formatProblemIn } from '../problems.js';
import { jsonPieces, problemJson } from '../report/render/json.js';
import { writePieces } from '../report/render/terminal.js';
import type { Context } from './context.js';
import type { YearRun } from './year.js';

/** The warnings as lines for the terminal; nothing with --quiet or --json (they are in the JSON and the workbooks). */
export function warningLines(context: Context, warnings: readonly Problem[]): string {
  if (warnings.length === 0 || context.options.quiet === true || context.options.json === true) return '';
  const heading =
    context.lang === 'vi' ? `Cảnh báo dữ liệu (${warnings.length}):` : `Data warnings (${warnings.length}):`;
  const lines = context.wrap(warnings.map((w) => `  - ${formatProblemIn(w, context.lang)}`).join('\n'), 'stderr');
  return `${context.chalk.yellow(heading)}\n${lines}\n`;
}

/**
 * What `--json` prints: `JSON.stringify(value, null, 2)` and a newline, sent in pieces (jsonPieces, writePieces), never
 * as one text: a national year's JSON is 11–15 MB.
 */
export function printJson(context: Context, value: unknown): void {
  writePieces(context.console.stdout, jsonPieces(value));
}

/** Stops a command that writes when the year has malformed data (exit 1, nothing written); with --json the problems go to stdout first. */
export function requireNoErrors(context: Context, run: YearRun): void {
  if (run.errors.length === 0) return;
  if (context.options.json === true) {
    printJson(context, { year: run.year, problems: run.loaded.problems.map(problemJson) });
  }
  throw new InputProblemsError(run.errors);
}
