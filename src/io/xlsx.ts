import ExcelJS from 'exceljs';
import { type RawRow, type RawSheet, fromExcelValue } from './cells.js';
import { Readable } from 'node:stream';
import type { OpenedXlsx } from './guard.js';

/**
 * The worksheets of an `.xlsx`, read with exceljs's streaming reader (one pass, rows as they
 * come). `styles: 'cache'` makes date-formatted cells arrive as dates, so an item code that
 * Excel turned into a date (1.1 → 1 January) is recognised and reported. The caller must
 * consume each sheet's rows to the end before asking for the next sheet. `opened` is what the
 * guard let through (see openXlsx): never the file as it arrived.
 */
export async function* readXlsxSheets(opened: OpenedXlsx): AsyncGenerator<RawSheet> {
  const names = opened.sheetNames;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([opened.bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    // When exceljs cannot resolve the name, it leaves `id` as the part number, a string taken from
    // the file name (`sheet3.xml` → '3'); when it can, `id` is the workbook's numeric sheetId.
    const { name, id } = worksheet as unknown as { name?: unknown; id?: unknown };
    const byPart = typeof id === 'string' ? names.get(`sheet${id}.xml`) : undefined;
    const resolved = byPart ?? (typeof name === 'string' ? name : undefined);
    yield { name: resolved, rows: rowsOf(worksheet) };
  }
}

async function* rowsOf(worksheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<RawRow> {
  for await (const row of worksheet) {
    const values = row.values;
    const cells = Array.isArray(values) ? values.slice(1).map(fromExcelValue) : [];
    yield { row: row.number, cells };
  }
}
