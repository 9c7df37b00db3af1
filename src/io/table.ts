import { extname } from 'node:path';
import type { SourceRef } from '../domain.js';
import { type Cell, type RawSheet, isBadCell } from './cells.js';
import { readCsvSheet } from './csv.js';
import { guardFile, openXlsx } from './guard.js';
import type { ReadLimits } from './limits.js';
import { matchKey } from './normalize.js';
import { type Problem, columnLetter, error } from './problems.js';
import { readXlsxSheets } from './xlsx.js';

/** How far below the top of a sheet the header row may be (title lines, dates, merged titles). */
export const HEADER_SCAN_ROWS = 30;

export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** The canonical header first, then the accepted aliases (Vietnamese and English). */
  readonly headers: readonly string[];
  readonly required: boolean;
}

export interface TableSpec<K extends string> {
  /** What the file is, for messages: `danh sách đơn vị`, `bảng điểm`, … */
  readonly titleVi: string;
  readonly columns: readonly ColumnSpec<K>[];
}

/** One data row of a table: its cells by column key, where it is, and the columns the spec does not know. */
export interface TableRow<K extends string> {
  readonly where: SourceRef;
  readonly cells: Readonly<Partial<Record<K, Cell>>>;
  /** Column letter of each key, for messages. */
  readonly columns: Readonly<Partial<Record<K, string>>>;
  /** Cells under headers the spec does not know, by their header as written (component indices, …). */
  readonly extras: readonly { readonly header: string; readonly cell: Cell }[];
}

export interface TableRead<K extends string> {
  readonly rows: readonly TableRow<K>[];
  readonly problems: readonly Problem[];
}

interface HeaderMatch<K extends string> {
  readonly columns: ReadonlyMap<K, number>;
  readonly extras: readonly { readonly header: string; readonly index: number }[];
  readonly duplicates: readonly { readonly key: K; readonly indexes: readonly number[] }[];
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined || isBadCell(cell)) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/** Whether a row is a header row of the spec: every required column is there. */
export function matchHeader<K extends string>(
  spec: TableSpec<K>,
  cells: readonly (Cell | undefined)[],
): HeaderMatch<K> | undefined {
  const keys = cells.map((cell) => matchKey(cellText(cell)));
  const found = new Map<K, number[]>();
  const extras: { header: string; index: number }[] = [];
  keys.forEach((key, index) => {
    if (key === '') return;
    const column = spec.columns.find((c) => c.headers.some((h) => matchKey(h) === key));
    if (column === undefined) {
      extras.push({ header: cellText(cells[index]).normalize('NFC').trim(), index });
      return;
    }
    found.set(column.key, [...(found.get(column.key) ?? []), index]);
  });
  if (!spec.columns.every((c) => !c.required || found.has(c.key))) return undefined;
  const columns = new Map<K, number>();
  const duplicates: { key: K; indexes: number[] }[] = [];
  for (const [key, indexes] of found) {
    const [first] = indexes;
    if (first !== undefined) columns.set(key, first);
    if (indexes.length > 1) duplicates.push({ key, indexes });
  }
  return { columns, extras, duplicates };
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function headerName<K extends string>(spec: TableSpec<K>, key: K): string {
  return spec.columns.find((c) => c.key === key)?.headers[0] ?? key;
}

/**
 * Reads one sheet: finds the header row among the first rows, then turns every row below it
 * into a TableRow. Rows after the first blank row that have no value in the first required
 * column (a signature block, a footnote) end the table. Returns undefined when the sheet has
 * no header row (an instruction sheet, a list of values), with the texts of its busiest early row.
 */
async function readSheet<K extends string>(
  spec: TableSpec<K>,
  sheet: RawSheet,
  file: string,
): Promise<{ read?: TableRead<K>; seen: string[] }> {
  const problems: Problem[] = [];
  const rows: TableRow<K>[] = [];
  let header: HeaderMatch<K> | undefined;
  let seen: string[] = [];
  let afterBlank = false;
  let previousRow = 0;
  const firstRequired = spec.columns.find((c) => c.required)?.key;
  const sheetRef = sheet.name === undefined ? {} : { sheet: sheet.name };
  // The same for every row of the sheet, so built once: column letters by key, the extra columns.
  let columns: Partial<Record<K, string>> = {};
  let keyed: (readonly [K, number])[] = [];
  const noExtras: TableRow<K>['extras'] = [];
  // Every row is consumed, even past the point of interest: the sheet is parsed as it is read.
  for await (const raw of sheet.rows) {
    if (header === undefined) {
      if (raw.row > HEADER_SCAN_ROWS) continue;
      header = matchHeader(spec, raw.cells);
      if (header === undefined) {
        const texts = raw.cells.map(cellText).filter((t) => t.trim() !== '');
        if (texts.length > seen.length) seen = texts;
        continue;
      }
      keyed = [...header.columns];
      columns = Object.fromEntries(keyed.map(([key, index]) => [key, columnLetter(index + 1)])) as Partial<
        Record<K, string>
      >;
      for (const duplicate of header.duplicates) {
        problems.push(
          error(
            'duplicate-column',
            `cột "${headerName(spec, duplicate.key)}" xuất hiện nhiều lần (cột ${duplicate.indexes.map((i) => columnLetter(i + 1)).join(', ')}); hãy giữ lại một cột.`,
            { file, ...sheetRef, row: raw.row },
          ),
        );
      }
      continue;
    }
    // A blank row, or a gap in the row numbers (writers such as openpyxl omit empty rows).
    if (rows.length > 0 && raw.row > previousRow + 1) afterBlank = true;
    previousRow = raw.row;
    if (isBlank(raw.cells)) {
      afterBlank = rows.length > 0;
      continue;
    }
    const cells: Partial<Record<K, Cell>> = {};
    for (const [key, index] of keyed) cells[key] = raw.cells[index] ?? null;
    if (afterBlank && firstRequired !== undefined) {
      if (cellText(cells[firstRequired]).trim() === '') continue;
    }
    rows.push({
      where: { file, ...sheetRef, row: raw.row },
      cells,
      columns,
      extras:
        header.extras.length === 0
          ? noExtras
          : header.extras.map(({ header: name, index }) => ({ header: name, cell: raw.cells[index] ?? null })),
    });
  }
  return header === undefined ? { seen } : { read: { rows, problems }, seen };
}

/**
 * Reads a table from an `.xlsx` or `.csv` file: every sheet whose header row matches the spec
 * (sheets without one, such as instructions, are skipped). A file in which no sheet has the
 * required columns is an error naming the file, its sheets and the columns found.
 */
export async function readTable<K extends string>(
  path: string,
  display: string,
  spec: TableSpec<K>,
  limits: ReadLimits,
): Promise<TableRead<K>> {
  const guarded = await guardFile(path, display, limits);
  if ('severity' in guarded) return { rows: [], problems: [guarded] };
  const extension = extname(path).toLowerCase();
  const problems: Problem[] = [];
  const rows: TableRow<K>[] = [];
  const sheetsSeen: { name: string | undefined; seen: string[] }[] = [];
  const matched: (string | undefined)[] = [];

  const consume = async (sheet: RawSheet) => {
    const { read, seen } = await readSheet(spec, sheet, display);
    sheetsSeen.push({ name: sheet.name, seen });
    if (read !== undefined) {
      matched.push(sheet.name);
      // One by one: spreading a sheet of 300 000 rows into push() overflows the call stack.
      for (const row of read.rows) rows.push(row);
      for (const problem of read.problems) problems.push(problem);
    }
  };

  if (extension === '.csv') {
    const sheet = await readCsvSheet(
      path,
      display,
      (cells) => matchHeader(spec, cells) !== undefined,
      HEADER_SCAN_ROWS,
    );
    if ('severity' in sheet) return { rows: [], problems: [sheet] };
    await consume(sheet);
  } else if (extension === '.xlsx') {
    const opened = await openXlsx(path, display, limits);
    if ('severity' in opened) return { rows: [], problems: [opened] };
    try {
      for (const sheet of readXlsxSheets(opened)) await consume(sheet);
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      return {
        rows: [],
        problems: [
          error(
            'xlsx-unreadable',
            `không đọc được tệp .xlsx (${detail}). Hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice.`,
            { file: display },
          ),
        ],
      };
    }
  } else {
    return { rows: [], problems: [unsupportedFormat(display, extension)] };
  }

  if (matched.length === 0) {
    const required = spec.columns.filter((c) => c.required).map((c) => `"${c.headers[0] ?? c.key}"`);
    const found = sheetsSeen
      .map(
        ({ name, seen }) =>
          `${name === undefined ? '' : `trang "${name}": `}${seen.length > 0 ? seen.map((s) => `"${s}"`).join(', ') : '(trống)'}`,
      )
      .join('; ');
    problems.push(
      error(
        'missing-columns',
        `không tìm thấy dòng tiêu đề của ${spec.titleVi} (cần các cột ${required.join(', ')}) trong ${HEADER_SCAN_ROWS} dòng đầu. Đã thấy: ${found || '(không có trang nào)'}.`,
        { file: display },
      ),
    );
  }
  return { rows, problems };
}

export function unsupportedFormat(display: string, extension: string): Problem {
  const hint =
    extension === '.xls' || extension === '.ods' ? ` Hãy mở tệp và lưu lại dạng "Excel Workbook (.xlsx)".` : '';
  return error(
    'unsupported-format',
    `định dạng "${extension || '(không có đuôi)'}" không được hỗ trợ; chỉ đọc .xlsx và .csv.${hint}`,
    { file: display },
  );
}
