import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
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

/** Renders documents as workbooks (and CSVs with --csv) and writes them all or none. */
export async function writeDocuments(
  context: Context,
  folder: string,
  documents: readonly { base: string; document: Document }[],
  inputs: { folders: readonly string[]; files: readonly string[] },
): Promise<string[]> {
  checkOutputFolder(folder, inputs.folders);
  const files: OutputFile[] = [];
  for (const { base, document } of documents) {
    files.push({ path: join(folder, `${base}.xlsx`), bytes: await renderWorkbook(document) });
    if (context.options.csv === true) {
      for (const sheet of document.sheets)
        files.push({ path: join(folder, `${base}-${sheetSlug(sheet.name)}.csv`), bytes: sheetCsv(sheet) });
    }
  }
  await writeOutputs(files, {
    force: context.options.force === true,
    protectedPaths: inputs.files,
    display: context.display,
  });
  return files.map((f) => context.display(f.path));
}
