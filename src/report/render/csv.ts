import { stringify } from 'csv-stringify/sync';
import type { CellValue, KeyValueSheet, TableSheet } from '../content/document.js';

/**
 * Neutralises a text cell that a spreadsheet would run as a formula (OWASP, "CSV Injection"):
 * a leading `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe. Numbers are
 * written as numbers, so a real negative number stays a number.
 */
export function neutralise(value: CellValue): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

/**
 * The two CSV styles: `semicolon` (the default) is what Excel in a Vietnamese locale opens in columns —
 * `;` between cells and a decimal comma (88,25); `comma` is `,` with a decimal point, for other tools.
 */
export type CsvStyle = 'semicolon' | 'comma';

/** A sheet as UTF-8 CSV with BOM, so Excel opens Vietnamese text correctly. */
export function sheetCsv(sheet: TableSheet | KeyValueSheet, style: CsvStyle = 'semicolon'): string {
  // A grouped table keeps its groups as a first column "Khối" (the workbook shows them as group rows).
  const groups = sheet.kind === 'table' ? sheet.groups : undefined;
  const group = (i: number) => (groups?.[i] ?? '').replace(/^Khối /u, '');
  const records: (string | number)[][] =
    sheet.kind === 'table'
      ? [
          // Headers too: a component column of the scores is carried through with the header its file gives it.
          [...(groups === undefined ? [] : ['Khối']), 'STT', ...sheet.columns.map((c) => neutralise(c.header))],
          ...sheet.rows.map((row, i) => [
            ...(groups === undefined ? [] : [neutralise(group(i))]),
            i + 1,
            ...row.map(neutralise),
          ]),
        ]
      : sheet.sections.flatMap((section) => [
          [neutralise(section.heading), ''],
          ...section.rows.map(([k, v]) => [neutralise(k), neutralise(v)]),
        ]);
  const semicolon = style === 'semicolon';
  const cells = semicolon
    ? records.map((record) => record.map((cell) => (typeof cell === 'number' ? String(cell).replace('.', ',') : cell)))
    : records;
  return `\uFEFF${stringify(cells, { record_delimiter: '\r\n', delimiter: semicolon ? ';' : ',' })}`;
}

/** `Xếp loại` → `xep-loai`: an ASCII name for a sheet's CSV file. */
export function sheetSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}
