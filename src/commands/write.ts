import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { memoryPhase } from '../heap.js';
import { type OutputFile, checkOutputFolder, writeOutputs } from '../io/output.js';
import type { Document } from '../report/content/document.js';
import { sheetCsv, sheetSlug } from '../report/render/csv.js';
import { renderWorkbook } from '../report/render/workbook.js';
import type { Context } from './context.js';

/** The folder a year's outputs go to: -o, else the config's `out`, else `out/` in the workspace; then `Y/`. */
export function outputFolder(context: Context, config: Config, year: number | undefined): string {
  const base =
    context.options.out !== undefined
      ? resolve(context.console.cwd, context.options.out)
      : resolve(context.workspace, config.out ?? 'out');
  return year === undefined ? base : join(base, String(year));
}

/** Input folders of a year, never to be written into. */
export function inputFolders(context: Context, year: number): string[] {
  return [join(context.workspace, String(year)), join(context.workspace, String(year - 1))];
}

/**
 * The files in `folder` of an earlier run of the same output set (the workbooks `<base>.xlsx` and
 * their CSVs `<base>-<sheet>.csv` for each base of the set, and the `documents` named whole: the report and the letter
 * made from an earlier run's workbooks) that this run does not write.
 */
async function earlierOutputs(
  folder: string,
  set: readonly string[],
  writing: readonly string[],
  documents: readonly string[],
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const ours = (name: string) =>
    documents.includes(name) ||
    set.some((base) => name === `${base}.xlsx` || (name.startsWith(`${base}-`) && name.endsWith('.csv')));
  const kept = new Set(writing);
  return names
    .filter(ours)
    .map((name) => join(folder, name))
    .filter((path) => !kept.has(path));
}

/** With --json and no -o a command only prints: the result goes to stdout, no file is written (product.md). */
export function printsOnly(context: Context): boolean {
  return context.options.json === true && context.options.out === undefined;
}

/**
 * The summary's words for what was written: the files, or that nothing was (--json without -o); and every file of an
 * earlier run the run removed, named (issue #36: a rerun never leaves outputs that contradict each other unsaid).
 */
export function writtenText(context: Context, written: readonly string[], removed: readonly string[] = []): string {
  const vi = context.lang === 'vi';
  if (removed.length > 0) {
    const files = removed.join(', ');
    const text = writtenText(context, written);
    return vi
      ? `${text}; đã xoá ${files} của lần chạy trước (không còn khớp với kết quả mới${removed.some(isDocument) ? '; lập lại bằng ict-eval report' : ''})`
      : `${text}; removed ${files} of an earlier run (no longer matching the new results${removed.some(isDocument) ? '; make them again with ict-eval report' : ''})`;
  }
  if (written.length === 0) {
    if (context.options.json === true)
      return vi ? 'không ghi tệp nào (--json mà không có -o)' : 'wrote no file (--json without -o)';
    return vi ? 'không ghi tệp nào (thêm -o <thư mục> hoặc --write để ghi)' : 'wrote no file (add -o <dir> or --write)';
  }
  return `${vi ? 'đã ghi' : 'wrote'} ${written.join(', ')}`;
}

const isDocument = (path: string) => path.endsWith('.docx');

/** What a run wrote and what it removed of an earlier run, as displayed. */
export interface Written {
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Renders documents as workbooks (and CSVs with --csv) and writes them all or none; nothing with
 * --json and no -o.
 */
export async function writeDocuments(
  context: Context,
  folder: string,
  /** A document, or how to build it: built when its turn comes, so that only one is in memory at a time. */
  documents: readonly { base: string; document: Document | (() => Document) }[],
  inputs: { folders: readonly string[]; files: readonly string[] },
  set?: readonly string[],
  /** Files of the folder made from an earlier run's workbooks (the report, the letter): removed with them. */
  madeFrom: readonly string[] = [],
): Promise<Written> {
  if (printsOnly(context)) return { written: [], removed: [] };
  await checkOutputFolder(folder, inputs.folders);
  const files: OutputFile[] = [];
  for (const { base, document: given } of documents) {
    const document = typeof given === 'function' ? given() : given;
    files.push({ path: join(folder, `${base}.xlsx`), bytes: await renderWorkbook(document) });
    memoryPhase(`rendered ${base}.xlsx`);
    const csv = context.options.csv;
    if (csv !== undefined && csv !== false) {
      const style = csv === 'comma' ? 'comma' : 'semicolon';
      for (const sheet of document.sheets)
        files.push({ path: join(folder, `${base}-${sheetSlug(sheet.name)}.csv`), bytes: sheetCsv(sheet, style) });
    }
  }
  const replaces = await earlierOutputs(
    folder,
    set ?? documents.map((d) => d.base),
    files.map((f) => f.path),
    madeFrom,
  );
  await writeOutputs(files, {
    force: context.options.force === true,
    protectedPaths: inputs.files,
    display: context.display,
    replaces,
  });
  return { written: files.map((f) => context.display(f.path)), removed: replaces.map((p) => context.display(p)) };
}
