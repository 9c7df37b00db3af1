import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * The two classes of exceljs the tool uses, each loaded from its own module. exceljs's index loads the whole library
 * (its streaming reader with unzipper, its CSV support with fast-csv, …): 240 ms of a province `sanctions` run of
 * 0.95 s, where the streaming writer alone loads in 95 ms and the in-memory workbook (templates) in 60 ms more. The
 * index itself is these requires and its enums (lib/exceljs.nodejs.js in exceljs 4.4); test/report/exceljs.test.ts
 * checks that they are the very classes the index exports, so an exceljs that moves them fails there, not here.
 */
const require = createRequire(import.meta.url);

/** exceljs's streaming workbook writer (`ExcelJS.stream.xlsx.WorkbookWriter`): the outputs. */
export function workbookWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  return require('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;
}

/** exceljs's in-memory workbook (`ExcelJS.Workbook`): the templates and blank input files. */
export function workbookClass(): typeof ExcelJS.Workbook {
  return require('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
}
