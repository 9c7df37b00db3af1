import type { SourceRef } from './domain.js';
import { EXIT, UserError } from './errors.js';
import { visible } from './visible.js';

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
  /** The same message in English (`--lang en`), where it has been written; else the Vietnamese is shown. */
  readonly en?: string;
  readonly where?: SourceRef;
  /** The unit it concerns, when it concerns one (`explain` lists the unit's problems). */
  readonly unit?: string;
  /**
   * The units a problem about many concerns, all of them: the message names at most {@link NAMED} (a workbook cell
   * holds 32 767 characters, and 10 000 codes are no message); `--json` gives the whole list, `explain` each unit's.
   */
  readonly units?: readonly string[];
  /**
   * The data gaps this error explains for its unit (by their codes): not said again as warnings (one mistake, one
   * message) — a previous code that names nothing is not also "last year's group cannot be settled". `*`: every gap of
   * its units (`unit`, `units`): a hidden row of data is not also that unit's missing score.
   */
  readonly covers?: readonly string[];
}

/** How many units a message about many names before "và N đơn vị khác". */
export const NAMED = 50;

/**
 * The units (or "code (name)" texts) a message names: all of them up to {@link NAMED}, else the first and a count, and
 * where the whole list is (by default, a warning's "units" under --json).
 */
export function named(
  items: readonly string[],
  whole: Words = {
    vi: 'đủ danh sách: --json, trường "units" của cảnh báo',
    en: 'the whole list: --json, the warning\'s "units"',
  },
): Words {
  if (items.length <= NAMED) return { vi: items.join(', '), en: items.join(', ') };
  const head = items.slice(0, NAMED).join(', ');
  const rest = items.length - NAMED;
  return {
    vi: `${head} và ${rest} đơn vị khác (${whole.vi})`,
    en: `${head} and ${rest} more (${whole.en})`,
  };
}

/** The problem, with the codes of all the units it concerns. */
export function aboutUnits(problem: Problem, codes: readonly string[]): Problem {
  return { ...problem, units: codes };
}

/** A message in both languages of the tool. */
export interface Words {
  readonly vi: string;
  readonly en: string;
}

/** The problem, marked as concerning the unit `code`. */
export function aboutUnit(problem: Problem, code: string | undefined): Problem {
  return code === undefined ? problem : { ...problem, unit: code };
}

/** `units.xlsx, trang "DS", dòng 7, cột C` (`sheet "DS", row 7, column C`): where a problem is, as a civil servant reads it. */
export function formatWhere(where: SourceRef | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (where === undefined) return '';
  const en = lang === 'en';
  const parts = [where.file];
  if (where.sheet !== undefined) parts.push(`${en ? 'sheet' : 'trang'} "${where.sheet}"`);
  if (where.row !== undefined) parts.push(`${en ? 'row' : 'dòng'} ${where.row}`);
  if (where.column !== undefined) parts.push(`${en ? 'column' : 'cột'} ${where.column}`);
  return parts.join(', ');
}

/** The problem's message in the language (Vietnamese where no English has been written). */
export function problemText(problem: Problem, lang: 'vi' | 'en' = 'vi'): string {
  return lang === 'en' ? (problem.en ?? problem.message) : problem.message;
}

/** The problem with its location, in Vietnamese. */
export function formatProblem(problem: Problem): string {
  return formatProblemIn(problem, 'vi');
}

/** The problem with its location, in the language. */
export function formatProblemIn(problem: Problem, lang: 'vi' | 'en'): string {
  const where = formatWhere(problem.where, lang);
  const text = problemText(problem, lang);
  return where === '' ? text : `${where}: ${text}`;
}

/**
 * A problem, its words and place shown safe (src/visible.ts): a control character from an input (a unit name, a file or
 * sheet name) never reaches a terminal, a log, a workbook or a document as itself.
 */
function make(severity: Problem['severity'], code: string, message: string | Words, where?: SourceRef): Problem {
  return {
    severity,
    code,
    ...(typeof message === 'string'
      ? { message: visible(message) }
      : { message: visible(message.vi), en: visible(message.en) }),
    ...(where === undefined ? {} : { where: visibleWhere(where) }),
  };
}

function visibleWhere(where: SourceRef): SourceRef {
  const file = visible(where.file);
  const sheet = where.sheet === undefined ? undefined : visible(where.sheet);
  if (file === where.file && sheet === where.sheet) return where;
  return { ...where, file, ...(sheet === undefined ? {} : { sheet }) };
}

export function error(code: string, message: string | Words, where?: SourceRef): Problem {
  return make('error', code, message, where);
}

export function warning(code: string, message: string | Words, where?: SourceRef): Problem {
  return make('warning', code, message, where);
}

export function info(code: string, message: string | Words, where?: SourceRef): Problem {
  return make('info', code, message, where);
}

/** The inputs have malformed data: the list is the message; exit 1, nothing written. */
export class InputProblemsError extends UserError {
  constructor(readonly problems: readonly Problem[]) {
    super(describeErrors(problems, 'vi'), EXIT.inputProblems);
    this.name = 'InputProblemsError';
  }

  /** The list in the language of the run. */
  override describe(lang: 'vi' | 'en'): string {
    return describeErrors(this.problems, lang);
  }
}

function describeErrors(problems: readonly Problem[], lang: 'vi' | 'en'): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const list = errors.map((p) => `  - ${formatProblemIn(p, lang)}`).join('\n');
  return lang === 'en'
    ? `The inputs have ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was written:\n${list}`
    : `Dữ liệu đầu vào có ${errors.length} lỗi, chưa ghi kết quả nào:\n${list}`;
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

/** The malformed-data problems among a list: any one of them stops the run with exit 1. */
export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}
