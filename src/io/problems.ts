import type { SourceRef } from '../domain.js';
import { EXIT, UserError } from '../errors.js';

/**
 * A problem with the inputs (product.md, "Reading rules"):
 * - `error`: malformed data. Every one is collected and reported at once; the run stops
 *   with exit 1 and writes nothing.
 * - `warning`: a data gap. The run goes on; the gap is listed in the terminal, the workbooks
 *   and `--json` `problems`.
 */
export interface Problem {
  /** `info`: something `check` lists (a column not read) that does not reach the workbooks. */
  readonly severity: 'error' | 'warning' | 'info';
  /** A stable code for scripts, e.g. `unknown-unit`. */
  readonly code: string;
  /** The message for the user, in Vietnamese, without the location. */
  readonly message: string;
  readonly where?: SourceRef;
  /** The unit it concerns, when it concerns one (`explain` lists the unit's problems). */
  readonly unit?: string;
}

/** The problem, marked as concerning the unit `code`. */
export function aboutUnit(problem: Problem, code: string | undefined): Problem {
  return code === undefined ? problem : { ...problem, unit: code };
}

/** `units.xlsx, trang "DS", dòng 7, cột C`: where a problem is, as a civil servant reads it. */
export function formatWhere(where: SourceRef | undefined): string {
  if (where === undefined) return '';
  const parts = [where.file];
  if (where.sheet !== undefined) parts.push(`trang "${where.sheet}"`);
  if (where.row !== undefined) parts.push(`dòng ${where.row}`);
  if (where.column !== undefined) parts.push(`cột ${where.column}`);
  return parts.join(', ');
}

export function formatProblem(problem: Problem): string {
  const where = formatWhere(problem.where);
  return where === '' ? problem.message : `${where}: ${problem.message}`;
}

export function error(code: string, message: string, where?: SourceRef): Problem {
  return { severity: 'error', code, message, ...(where === undefined ? {} : { where }) };
}

export function warning(code: string, message: string, where?: SourceRef): Problem {
  return { severity: 'warning', code, message, ...(where === undefined ? {} : { where }) };
}

export function info(code: string, message: string, where?: SourceRef): Problem {
  return { severity: 'info', code, message, ...(where === undefined ? {} : { where }) };
}

/** The inputs have malformed data: the list is the message; exit 1, nothing written. */
export class InputProblemsError extends UserError {
  constructor(readonly problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `Dữ liệu đầu vào có ${errors.length} lỗi, chưa ghi kết quả nào:\n${errors.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
      EXIT.inputProblems,
    );
    this.name = 'InputProblemsError';
  }
}

/** Column letters as spreadsheet programs show them: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
