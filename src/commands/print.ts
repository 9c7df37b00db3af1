import { type Problem, formatProblemIn } from '../io/problems.js';
import { jsonPieces } from '../report/render/json.js';
import { writePieces } from '../report/render/terminal.js';
import type { Context } from './context.js';

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
