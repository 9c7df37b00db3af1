import type ExcelJS from 'exceljs';

/*
 * The parts of exceljs the tool uses, each imported from its own module when first needed. exceljs's index loads the
 * whole library (its streaming reader with unzipper, its CSV support with fast-csv, …): 240 ms of a province
 * `sanctions` run of 0.95 s, where the streaming writer alone loads in 95 ms and the in-memory workbook (templates) in
 * 60 ms more. The index itself is these requires and its enums (lib/exceljs.nodejs.js in exceljs 4.4);
 * test/report/exceljs.test.ts checks that they are the very classes the index exports, so an exceljs that moves them
 * fails there, not here. Imported (not required), so that `npm run build` bundles them: loading the writer as one
 * bundled file takes 57–78 ms instead of 115–151 ms for its 270 files (scripts/build.mjs).
 */

/** exceljs's streaming workbook writer (`ExcelJS.stream.xlsx.WorkbookWriter`): the outputs. */
export async function workbookWriter(): Promise<typeof ExcelJS.stream.xlsx.WorkbookWriter> {
  return (await import('exceljs/lib/stream/xlsx/workbook-writer.js')).default;
}

/** exceljs's in-memory workbook (`ExcelJS.Workbook`): the templates and blank input files. */
export async function workbookClass(): Promise<typeof ExcelJS.Workbook> {
  return (await import('exceljs/lib/doc/workbook.js')).default;
}

/** exceljs's own escaping of a text in the sheet XML (entities, and the control characters XML forbids left out). */
export async function xmlEncoder(): Promise<(text: string) => string> {
  return (await import('exceljs/lib/utils/utils.js')).default.xmlEncode;
}
