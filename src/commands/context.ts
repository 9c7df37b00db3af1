import { resolve, join, relative } from 'node:path';
import { type Config, DEFAULT_PROVINCE, defaultDepartment, loadConfig, loadPolicyFile } from '../config.js';
import { EXIT, UserError } from '../errors.js';
import { writeOutputs, checkOutputFolder, type OutputFile } from '../io/output.js';
import { InputProblemsError, type Problem, formatProblem } from '../io/problems.js';
import { type LoadedYear, errorsOf, loadYear } from '../io/workspace.js';
import { type YearEvaluation, evaluateYear } from '../rules/evaluate.js';
import { type Policy, PolicyError, resolvePolicy } from '../rules/policy.js';
import { sheetCsv, sheetSlug } from '../report/csv.js';
import { gapProblem } from '../report/gaps.js';
import type { Lang } from '../report/labels.js';
import { type PersonRow, personRows } from '../report/model.js';
import type { RunInfo } from '../report/outputs.js';
import { problemJson } from '../report/json.js';
import { type Document, renderWorkbook } from '../report/workbook.js';
import { makeChalk } from '../report/terminal.js';
import { toolVersion } from '../version.js';

/** The options every command takes (product.md, "Common options"). */
export interface GlobalOptions {
  readonly workspace?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly lang?: string;
  readonly policy?: string;
  readonly force?: boolean;
  readonly quiet?: boolean;
  readonly color?: boolean;
}

/** Where a command writes: stdout carries only results (only JSON with --json); stderr the rest. */
export interface Console {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface Context {
  readonly options: GlobalOptions;
  readonly console: Console;
  readonly workspace: string;
  readonly lang: Lang;
  readonly chalk: ReturnType<typeof makeChalk>;
  /** A workspace-relative path with `/`, as messages show it. */
  readonly display: (path: string) => string;
  /** The one summary line on stderr, printed even with --quiet (cron logs keep it). */
  readonly summary: (text: string) => void;
}

export function makeContext(options: GlobalOptions, console: Console): Context {
  const workspace = resolve(console.cwd, options.workspace ?? console.env.ICT_EVAL_WORKSPACE ?? '.');
  const lang = options.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') throw new UserError(`--lang chỉ nhận "vi" hoặc "en", không nhận "${lang}".`, EXIT.usage);
  const color = options.color !== false && console.isTTY && console.env.NO_COLOR === undefined && options.json !== true;
  return {
    options,
    console,
    workspace,
    lang,
    chalk: makeChalk(color),
    display: (path) => {
      const rel = relative(workspace, path);
      return (rel.startsWith('..') ? path : rel).split('\\').join('/');
    },
    summary: (text) => {
      console.stderr(`${text}\n`);
    },
  };
}

/** A year from the command line: a whole number from 2000 to 2100. */
export function parseYear(text: string | undefined): number {
  if (text === undefined) throw new UserError('thiếu --year (năm đánh giá), ví dụ --year 2024.', EXIT.usage);
  const year = Number(text);
  if (!/^\d{4}$/u.test(text) || year < 2000 || year > 2100) throw new UserError(`năm "${text}" không hợp lệ; ví dụ --year 2024.`, EXIT.usage);
  return year;
}

/** The policy of a run: rules.md defaults, then the config's `policy`, then `--policy`. */
export async function runPolicy(context: Context, config: Config, year: number): Promise<Policy> {
  const fromFile = context.options.policy === undefined ? {} : await loadPolicyFile(resolve(context.console.cwd, context.options.policy));
  if (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile)) {
    throw new UserError(`${context.options.policy ?? ''} phải là một đối tượng JSON, ví dụ { "rankScope": "all" }.`, EXIT.usage);
  }
  try {
    return resolvePolicy(year, { ...(config.policy ?? {}), ...fromFile });
  } catch (error) {
    if (error instanceof PolicyError) throw new UserError(error.message, EXIT.usage);
    throw error;
  }
}

/** The folder a year's outputs go to: -o, else the config's `out`, else `out/` in the workspace; then `Y/`. */
export function outputFolder(context: Context, config: Config, year: number | undefined): string {
  const base = context.options.out !== undefined ? resolve(context.console.cwd, context.options.out) : resolve(context.workspace, config.out ?? 'out');
  return year === undefined ? base : join(base, String(year));
}

export interface PreparedYear {
  readonly year: number;
  readonly config: Config;
  readonly policy: Policy;
  readonly loaded: LoadedYear;
  readonly evaluation: YearEvaluation;
  readonly rows: readonly PersonRow[];
  /** Every warning: the readers' and the rules' data gaps. */
  readonly warnings: readonly Problem[];
  readonly info: RunInfo;
}

/** Reads and evaluates a year; malformed data stops here (exit 1), before anything is written. */
export async function prepareYear(context: Context, year: number): Promise<PreparedYear> {
  const config = await loadConfig(context.workspace);
  const policy = await runPolicy(context, config, year);
  const loaded = await loadYear(context.workspace, year);
  const errors = errorsOf(loaded.problems);
  if (errors.length > 0) {
    if (context.options.json === true) context.console.stdout(`${JSON.stringify({ year, problems: loaded.problems.map(problemJson) }, null, 2)}\n`);
    throw new InputProblemsError(errors);
  }
  const evaluation = evaluateYear(loaded.input, policy);
  const warnings = [...loaded.problems, ...evaluation.gaps.map(gapProblem)];
  return {
    year,
    config,
    policy,
    loaded,
    evaluation,
    rows: personRows(evaluation),
    warnings,
    info: {
      block: { province: config.province ?? DEFAULT_PROVINCE, department: config.department ?? defaultDepartment(year), year },
      policy,
      files: loaded.files,
      warnings,
      toolVersion: toolVersion(),
    },
  };
}

/** Renders documents as workbooks (and CSVs with --csv) and writes them all or none. */
export async function writeDocuments(context: Context, folder: string, documents: readonly { base: string; document: Document }[], inputs: { folders: readonly string[]; files: readonly string[] }): Promise<string[]> {
  checkOutputFolder(folder, inputs.folders);
  const files: OutputFile[] = [];
  for (const { base, document } of documents) {
    files.push({ path: join(folder, `${base}.xlsx`), bytes: await renderWorkbook(document) });
    if (context.options.csv === true) {
      for (const sheet of document.sheets) files.push({ path: join(folder, `${base}-${sheetSlug(sheet.name)}.csv`), bytes: sheetCsv(sheet) });
    }
  }
  await writeOutputs(files, { force: context.options.force === true, protectedPaths: inputs.files, display: context.display });
  return files.map((f) => context.display(f.path));
}

/** The warnings as lines for the terminal; nothing with --quiet or --json (they are in the JSON and the workbooks). */
export function warningLines(context: Context, warnings: readonly Problem[]): string {
  if (warnings.length === 0 || context.options.quiet === true || context.options.json === true) return '';
  const heading = context.lang === 'vi' ? `Cảnh báo dữ liệu (${warnings.length}):` : `Data warnings (${warnings.length}):`;
  return `${context.chalk.yellow(heading)}\n${warnings.map((w) => `  - ${formatProblem(w)}`).join('\n')}\n`;
}

/** Input folders of a year, never to be written into. */
export function inputFolders(context: Context, year: number): string[] {
  return [join(context.workspace, String(year)), join(context.workspace, String(year - 1))];
}
