import { extname } from 'node:path';
import type { SourceRef } from '../domain.js';
import type { ColumnSpec, TableSpec } from '../inputs/columns.js';
import { type Cell, type RawSheet, isBadCell } from './cells.js';
import { readCsvSheet } from './csv.js';
import { guardFile, openXlsxBytes } from './guard.js';
import type { ReadLimits } from './limits.js';
import { type LegacyEncoding, LEGACY_NAMES, fromTcvn3, fromVni, legacyEncodingOf, legacyWords } from './legacy.js';
import { matchKey, normalizeUnitCode } from './normalize.js';
import { type Problem, columnLetter, error, warning } from '../problems.js';
import { CONVERTED_EXTENSIONS, SAVE_AS_XLSX, convertToXlsx } from './convert.js';
import { WorkbookShapeError, readXlsxSheets } from './xlsx.js';
import { debugLine } from '../debug.js';

/** How far below the top of a sheet the header row may be (title lines, dates, merged titles). */
export const HEADER_SCAN_ROWS = 30;

/** One data row of a table: its cells by column key, where it is, and the columns the spec does not know. */
export interface TableRow<K extends string> {
  readonly where: SourceRef;
  readonly cells: Readonly<Partial<Record<K, Cell>>>;
  /** Column letter of each key, for messages. */
  readonly columns: Readonly<Partial<Record<K, string>>>;
  /** The header of each key's column as the file writes it ("Điểm DTI"), for messages; shared by the sheet's rows. */
  readonly headers?: Readonly<Partial<Record<K, string>>>;
  /** Cells under headers the spec does not know, by their header as written (component indices, …). */
  readonly extras: readonly { readonly header: string; readonly cell: Cell }[];
}

export interface TableRead<K extends string> {
  readonly rows: readonly TableRow<K>[];
  readonly problems: readonly Problem[];
  /** The headers of the columns the spec does not know, as written (listed by `check`). */
  readonly extraHeaders?: readonly string[];
  /** The header of each column read, as written in the file ("Điểm DTI"): messages name a column by it. */
  readonly headers?: Readonly<Partial<Record<K, string>>>;
}

interface HeaderMatch<K extends string> {
  readonly columns: ReadonlyMap<K, number>;
  /** Each column's header as written. */
  readonly texts: Readonly<Partial<Record<K, string>>>;
  readonly extras: readonly { readonly header: string; readonly index: number }[];
  readonly duplicates: readonly { readonly key: K; readonly indexes: readonly number[] }[];
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined || isBadCell(cell)) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/**
 * The spec's columns by the match key of each of their headers (the first column of the spec that has it, as a search
 * through the spec finds it), worked out once per spec: every cell of the rows above a header is looked up.
 */
const headerKeys = new WeakMap<TableSpec<string>, ReadonlyMap<string, ColumnSpec<string>>>();
function columnsByKey<K extends string>(spec: TableSpec<K>): ReadonlyMap<string, ColumnSpec<K>> {
  let byKey = headerKeys.get(spec) as ReadonlyMap<string, ColumnSpec<K>> | undefined;
  if (byKey === undefined) {
    const made = new Map<string, ColumnSpec<K>>();
    for (const column of spec.columns)
      for (const header of column.headers) {
        const key = matchKey(header);
        if (!made.has(key)) made.set(key, column);
      }
    byKey = made;
    headerKeys.set(spec, made);
  }
  return byKey;
}

/** Whether a row is a header row of the spec: every required column is there. */
export function matchHeader<K extends string>(
  spec: TableSpec<K>,
  cells: readonly (Cell | undefined)[],
): HeaderMatch<K> | undefined {
  const keys = cells.map((cell) => matchKey(cellText(cell)));
  const byKey = columnsByKey(spec);
  const found = new Map<K, number[]>();
  const extras: { header: string; index: number }[] = [];
  keys.forEach((key, index) => {
    if (key === '') return;
    const column = byKey.get(key);
    if (column === undefined) {
      extras.push({ header: cellText(cells[index]).normalize('NFC').trim(), index });
      return;
    }
    found.set(column.key, [...(found.get(column.key) ?? []), index]);
  });
  if (!spec.columns.every((c) => !c.required || found.has(c.key))) return undefined;
  const columns = new Map<K, number>();
  const texts: Partial<Record<K, string>> = {};
  const duplicates: { key: K; indexes: number[] }[] = [];
  for (const [key, indexes] of found) {
    const [first] = indexes;
    if (first !== undefined) {
      columns.set(key, first);
      texts[key] = cellText(cells[first]).normalize('NFC').replace(/\s+/gu, ' ').trim();
    }
    if (indexes.length > 1) duplicates.push({ key, indexes });
  }
  return { columns, texts, extras, duplicates };
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function headerName<K extends string>(spec: TableSpec<K>, key: K): string {
  return spec.columns.find((c) => c.key === key)?.headers[0] ?? key;
}

/**
 * Texts of the closing block of an official document (NĐ 30/2020: "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. GIÁM
 * ĐỐC", "PHÓ GIÁM ĐỐC", "NGƯỜI LẬP BIỂU"): where one is, the table has ended.
 */
const SIGNATURE =
  /^(noi nhan|nhu tren|luu vt|luu van thu|nguoi lap bieu|nguoi lap|kt giam doc|kt chu tich|kt truong|tm uy ban nhan dan|tm ubnd|tl giam doc|tuq|q giam doc|giam doc|pho giam doc|chu tich|pho chu tich|thu truong don vi|xac nhan cua|ky ghi ro ho ten|ky ten dong dau)\b/u;

/** What the closing block's first column may hold instead of a code: "Nơi nhận:" (NĐ 30/2020 puts it there), "- Như trên;". */
const CLOSING_IN_CODE =
  /^(noi nhan|nhu tren|luu vt|luu van thu|kt giam doc|kt chu tich|tm uy ban nhan dan|tm ubnd|nguoi lap bieu)\b/u;

/** A group row inside a table ("I. KHỐI SỞ, BAN, NGÀNH", "B. Khối huyện"), by its match key. */
const GROUP_ROW = /^(?:(?:[ivxlc]+|[a-h]|\d{1,2})\s+)?(?:khoi|nhom|cum|khu vuc)\b/u;

/** A total or average row ("Tổng cộng", "Trung bình"), by the match key of its whole label. */
const TOTAL_ROW =
  /^(?:tong cong|tong so|tong|cong|trung binh|binh quan|diem trung binh|trung binh chung|total|average|mean)$/u;

/** What the code column of a group row may hold: nothing, or its numeral ("I", "II.", "A"). */
const GROUP_NUMERAL = /^(?:[ivxlc]+|[a-h])$/u;

/**
 * Whether a row is a heading inside the table ("Mục 1. Hạ tầng thông tin", as the templates group the items): one
 * text cell naming a section, nothing else. A row with anything more is data, and is read (and checked) as such.
 */
function isSectionHeading(cells: readonly Cell[]): boolean {
  const filled = cells.filter((cell) => cellText(cell).trim() !== '');
  return filled.length === 1 && /^muc \d+\b/u.test(matchKey(cellText(filled[0])));
}

/**
 * Whether a row opens the closing block: "Nơi nhận:" (or another of its texts) in the code column, where NĐ 30/2020
 * puts it; or no code and a closing text anywhere ("KT. GIÁM ĐỐC" further right).
 */
function isSignature(cells: readonly Cell[], codeIndex: number | undefined): boolean {
  if (codeIndex !== undefined) {
    const code = matchKey(cellText(cells[codeIndex]));
    if (code !== '') return CLOSING_IN_CODE.test(code);
  }
  return cells.some((cell) => SIGNATURE.test(matchKey(cellText(cell))));
}

/**
 * Whether a row is a group row ("I. KHỐI SỞ, BAN, NGÀNH") or a total or average row ("Tổng cộng", "Trung bình") of the
 * table (product.md v3): no code (or only the group's numeral) and such a label. Not data; a row with a code always is.
 */
function isGroupOrTotal(cells: readonly Cell[], codeIndex: number | undefined): boolean {
  if (codeIndex === undefined) return false;
  const code = matchKey(cellText(cells[codeIndex]));
  if (code !== '' && !GROUP_NUMERAL.test(code)) return false;
  return cells.some((cell, i) => {
    if (i === codeIndex || typeof cell !== 'string') return false;
    const key = matchKey(cell);
    return GROUP_ROW.test(key) || TOTAL_ROW.test(key);
  });
}

/** A cell that numbers a column under the header ("1", "(2)"): the numbering row official tables have. */
function columnNumber(cell: Cell | undefined): number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 && cell < 100 ? cell : undefined;
  const match = /^\(?(\d{1,2})\)?$/u.exec(cellText(cell).trim());
  return match === null ? undefined : Number(match[1]);
}

/**
 * The row under a header that belongs to it (product.md v3: a header on two rows is one header): each of its cells is
 * the header cell above it (a merged header repeated), a header of the spec (the "Từ ngày" / "Đến ngày" under a merged
 * "Thời gian"), or it is the numbering row ("(1)", "(2)", … left to right). The spec's columns it adds, if any.
 */
function headerContinuation<K extends string>(
  spec: TableSpec<K>,
  above: readonly Cell[],
  cells: readonly Cell[],
): { readonly added: readonly (readonly [K, number, string])[] } | undefined {
  const byKey = columnsByKey(spec);
  const filled = cells.flatMap((cell, index) => (cellText(cell).trim() === '' ? [] : [index]));
  if (filled.length === 0) return undefined;
  const numbers = filled.map((i) => columnNumber(cells[i]));
  if (filled.length >= 2 && numbers.every((n, i) => n !== undefined && (i === 0 || n === (numbers[i - 1] ?? 0) + 1)))
    return { added: [] };
  const added: (readonly [K, number, string])[] = [];
  for (const index of filled) {
    const cell = cells[index];
    // A header Excel made a date ("1.1" as 01/01) is one of the header's, said by dateHeaders.
    if (cell instanceof Date && dateMeant(cell).some((text) => byKey.has(matchKey(text)))) continue;
    const key = matchKey(cellText(cell));
    if (key === matchKey(cellText(above[index]))) continue;
    const column = byKey.get(key);
    if (column === undefined) return undefined;
    added.push([column.key, index, cellText(cells[index]).normalize('NFC').replace(/\s+/gu, ' ').trim()]);
  }
  return { added };
}

/** Two header rows read as one: each column's lower text where it has one, else the upper (a group over its parts). */
function stacked(upper: readonly Cell[], lower: readonly Cell[]): Cell[] {
  const width = Math.max(upper.length, lower.length);
  const cells: Cell[] = [];
  for (let i = 0; i < width; i++)
    cells.push(cellText(lower[i]).trim() !== '' ? (lower[i] ?? null) : (upper[i] ?? null));
  return cells;
}

/** The spec's required columns a row has, when it has some of them but not all: a header cut short. */
function partialHeader<K extends string>(
  spec: TableSpec<K>,
  cells: readonly (Cell | undefined)[],
): { found: string[]; missing: string[] } {
  const byKey = columnsByKey(spec);
  const present = new Set(cells.map((cell) => byKey.get(matchKey(cellText(cell)))));
  const required = spec.columns.filter((c) => c.required);
  const has = (c: ColumnSpec<K>) => present.has(c);
  return {
    found: required.filter(has).map((c) => c.headers[0] ?? c.key),
    missing: required.filter((c) => !has(c)).map((c) => c.headers[0] ?? c.key),
  };
}

interface SheetRead {
  /** The sheet has a header row of the spec: the problems of its header and rows (its rows went to the sink). */
  readonly read?: {
    readonly problems: readonly Problem[];
    readonly headers: Readonly<Partial<Record<string, string>>>;
  };
  /** The texts of the busiest early row, for the message when no sheet matches. */
  readonly seen: string[];
  /** Some but not all required columns were found in an early row. */
  readonly partial?: { found: string[]; missing: string[] };
  /** The header's unknown columns, by their text. */
  readonly extras: readonly string[];
  /** Words typed in a legacy encoding (TCVN3, VNI) in the sheet's table or above it, and the first such cell. */
  readonly legacy?: LegacyText;
}

/** Text typed in a legacy encoding found in a sheet: how many words, and the first cell that has some. */
interface LegacyText {
  words: number;
  readonly first: { readonly where: SourceRef; readonly text: string; readonly encoding: LegacyEncoding };
  /** The unit codes of the rows from the first such text on (codes are ASCII): their gaps are this error's. */
  readonly units: Set<string>;
}

/** Two words typed in a legacy table make a file refused (one could be a foreign name, "Müller"). */
const LEGACY_WORDS = 2;

/**
 * Reads one sheet: finds the header row among the first rows, then turns every row below it into a
 * TableRow, handed to `sink` as it is read (none kept here; no sink: the rows are not wanted, a hidden
 * sheet's). Blank rows inside the table do not end it; the signature block ("Nơi nhận:", "NGƯỜI
 * LẬP BIỂU", … with no code) does. A CSV row with cells beyond the header's columns is an error (a
 * decimal comma in a `,` file splits a number in two). Returns no `read` when the sheet has no
 * header row (an instruction sheet, a list of values), with what it saw.
 */
async function readSheet<K extends string>(
  spec: TableSpec<K>,
  sheet: RawSheet,
  file: string,
  sink: ((row: TableRow<K>) => void) | undefined,
): Promise<SheetRead> {
  const problems: Problem[] = [];
  let header: HeaderMatch<K> | undefined;
  let seen: string[] = [];
  let partial: { found: string[]; missing: string[] } | undefined;
  let ended = false;
  let headerWidth = 0;
  let reportedWide = false;
  const firstRequired = spec.columns.find((c) => c.required)?.key;
  // A row's place (file, sheet, row), built field by field: no spread for each of a national file's 220 000 rows.
  const sheetName = sheet.name;
  const place = (row: number): SourceRef => (sheetName === undefined ? { file, row } : { file, sheet: sheetName, row });
  // The same for every row of the sheet, so built once: column letters by key, the extra columns.
  let columns: Partial<Record<K, string>> = {};
  let keyed: (readonly [K, number])[] = [];
  let keyedIndexes: number[] = [];
  let codeIndex: number | undefined;
  const noExtras: TableRow<K>['extras'] = [];
  // Rows of the table hidden in the sheet (by hand, or by an AutoFilter): never read; said once the sheet is read.
  const hiddenRows: { row: number; signature: string; code: string }[] = [];
  let headerRow = 0;
  // Text in a legacy encoding: counted until the file is certainly refused (LEGACY_WORDS), then no longer looked for.
  let legacy: LegacyText | undefined;
  const lookForLegacy = (cells: readonly Cell[], row: number, indexes: Iterable<number>) => {
    if (legacy !== undefined && legacy.words >= LEGACY_WORDS) return;
    for (const index of indexes) {
      const cell = cells[index];
      if (typeof cell !== 'string') continue;
      const words = legacyWords(cell);
      if (words === 0) continue;
      legacy ??= {
        words: 0,
        units: new Set(),
        first: {
          where: { ...place(row), column: columnLetter(index + 1) },
          text: cell,
          encoding: legacyEncodingOf(cell) ?? 'tcvn3',
        },
      };
      legacy.words += words;
    }
  };
  // Every row is consumed, even past the point of interest: the sheet is parsed as it is read.
  // Data hidden from whoever checks the sheet must not decide an outcome: a hidden column read is said, and stops the run.
  const hiddenColumnsOf = (columnsRead: readonly (readonly [K, number])[], row: number) => {
    for (const [key, index] of columnsRead) {
      if (sheet.hiddenColumns?.has(index + 1) !== true) continue;
      problems.push(
        error(
          'hidden-column',
          {
            vi: `cột "${headerName(spec, key)}" (cột ${columnLetter(index + 1)}) đang bị ẩn: công cụ không đọc dữ liệu mà người kiểm tra không nhìn thấy. Nếu đây là cột đúng, hãy bỏ ẩn; nếu là cột cũ, hãy xoá hoặc đổi tên.`,
            en: `column "${headerName(spec, key)}" (column ${columnLetter(index + 1)}) is hidden: the tool does not read data the reviewer cannot see. If it is the right column, unhide it; if it is an old one, remove or rename it.`,
          },
          place(row),
        ),
      );
    }
  };
  // The row above the one looked at (a header may be written on two rows), and the header's own cells.
  let above: readonly Cell[] | undefined;
  let headerCells: readonly Cell[] = [];
  // How many rows under the header may still belong to it: its second row, then the numbering row.
  let continuation = 0;
  for await (const raw of sheet.rows) {
    if (header === undefined) {
      if (raw.row > HEADER_SCAN_ROWS) continue;
      // A header cell Excel made a date is read as what was typed when that is certain ("1.1" for 01/01): its error
      // stops the run, and no column is lost on the way (no knock-on "not assessed" for every unit).
      const rowCells = undated(spec, raw.cells);
      header = matchHeader(spec, rowCells);
      let cellsOfHeader: readonly Cell[] = rowCells;
      // Required columns split over two rows, none of them merged ("Mã đơn vị" above, "Họ và tên" under a group).
      if (header === undefined && above !== undefined) {
        const both = stacked(above, rowCells);
        header = matchHeader(spec, both);
        if (header !== undefined) cellsOfHeader = both;
      }
      above = raw.cells;
      if (header === undefined) {
        // A header typed in a legacy encoding is no header the tool knows: the encoding is what to say.
        lookForLegacy(raw.cells, raw.row, raw.cells.keys());
        const texts = raw.cells.map(cellText).filter((t) => t.trim() !== '');
        if (texts.length > seen.length) seen = texts;
        const candidate = partialHeader(spec, raw.cells);
        if (candidate.found.length >= 2 && (partial === undefined || candidate.found.length > partial.found.length)) {
          partial = candidate;
        }
        continue;
      }
      keyed = [...header.columns];
      keyedIndexes = keyed.map(([, index]) => index);
      headerRow = raw.row;
      headerCells = cellsOfHeader;
      continuation = 2;
      codeIndex = firstRequired === undefined ? undefined : header.columns.get(firstRequired);
      headerWidth = raw.cells.reduce<number>((last, cell, i) => (cellText(cell).trim() === '' ? last : i + 1), 0);
      columns = Object.fromEntries(keyed.map(([key, index]) => [key, columnLetter(index + 1)])) as Partial<
        Record<K, string>
      >;
      for (const duplicate of header.duplicates) {
        problems.push(
          error(
            'duplicate-column',
            {
              vi: `cột "${headerName(spec, duplicate.key)}" xuất hiện nhiều lần (cột ${duplicate.indexes.map((i) => columnLetter(i + 1)).join(', ')}); hãy giữ lại một cột.`,
              en: `column "${headerName(spec, duplicate.key)}" appears more than once (columns ${duplicate.indexes.map((i) => columnLetter(i + 1)).join(', ')}); keep one.`,
            },
            place(raw.row),
          ),
        );
      }
      for (const problem of dateHeaders(spec, raw.cells, (column) => ({ ...place(raw.row), column })))
        problems.push(problem);
      hiddenColumnsOf(keyed, raw.row);
      continue;
    }
    if (ended || isBlank(raw.cells) || isSectionHeading(raw.cells)) continue;
    if (continuation > 0) {
      // The rows right under the header may be its second row, and the row numbering the columns.
      const more = headerContinuation(spec, headerCells, raw.cells);
      continuation = more === undefined ? 0 : continuation - 1;
      if (more !== undefined) {
        const known = new Set(keyed.map(([key]) => key));
        const texts: Partial<Record<K, string>> = { ...header.texts };
        const added: [K, number][] = [];
        for (const [key, index, text] of more.added) {
          if (known.has(key)) continue;
          known.add(key);
          added.push([key, index]);
          texts[key] = text;
        }
        for (const problem of dateHeaders(spec, raw.cells, (column) => ({ ...place(raw.row), column })))
          problems.push(problem);
        if (added.length > 0) {
          keyed.push(...added);
          hiddenColumnsOf(added, raw.row);
          keyedIndexes = keyed.map(([, index]) => index);
          columns = Object.fromEntries(keyed.map(([key, index]) => [key, columnLetter(index + 1)])) as Partial<
            Record<K, string>
          >;
          // A group header over columns now read ("Thời gian" over "Từ ngày") is no column of its own.
          const read = new Set(keyedIndexes);
          header = {
            ...header,
            columns: new Map(keyed),
            texts,
            extras: header.extras.filter((e) => !read.has(e.index)),
          };
          headerCells = stacked(headerCells, raw.cells);
        }
        headerRow = raw.row;
        continue;
      }
    }
    if (isSignature(raw.cells, codeIndex)) {
      ended = true;
      continue;
    }
    if (isGroupOrTotal(raw.cells, codeIndex)) continue;
    if (raw.hidden === true) {
      if (sink !== undefined)
        hiddenRows.push({
          row: raw.row,
          signature: rowSignature(keyed, raw.cells),
          code: codeIndex === undefined ? '' : cellText(raw.cells[codeIndex]).trim(),
        });
      continue;
    }
    if (
      sheet.csv === true &&
      !reportedWide &&
      raw.cells.slice(headerWidth).some((cell) => cellText(cell).trim() !== '')
    ) {
      reportedWide = true;
      problems.push(
        error(
          'csv-extra-cells',
          {
            vi: `dòng có ${raw.cells.length} ô nhưng dòng tiêu đề chỉ có ${headerWidth} cột. Thường do số thập phân viết bằng dấu phẩy (85,5) trong tệp CSV phân tách bằng dấu phẩy: hãy đặt số trong dấu ngoặc kép, dùng dấu chấm, hoặc lưu tệp phân tách bằng dấu chấm phẩy (;).`,
            en: `the row has ${raw.cells.length} cells but the header only ${headerWidth} columns. Usually a decimal comma (85,5) in a comma-separated CSV: quote the number, use a decimal point, or save the file separated by semicolons (;).`,
          },
          place(raw.row),
        ),
      );
    }
    if (sink === undefined) continue;
    lookForLegacy(raw.cells, raw.row, keyedIndexes);
    if (legacy !== undefined && codeIndex !== undefined && legacy.units.size < 1000) {
      const code = normalizeUnitCode(cellText(raw.cells[codeIndex]));
      if (code !== '') legacy.units.add(code);
    }
    const cells: Partial<Record<K, Cell>> = {};
    for (const [key, index] of keyed) cells[key] = raw.cells[index] ?? null;
    sink({
      where: place(raw.row),
      cells,
      columns,
      headers: header.texts,
      extras:
        header.extras.length === 0
          ? noExtras
          : header.extras.map(({ header: name, index }) => ({ header: name, cell: raw.cells[index] ?? null })),
    });
  }
  const extras = header?.extras.map((e) => e.header).filter((h) => h !== '') ?? [];
  const found = legacy === undefined ? {} : { legacy };
  if (header === undefined) return { seen, extras, ...(partial === undefined ? {} : { partial }), ...found };
  if (hiddenRows.length > 0)
    for (const p of await hiddenRowProblems(sheet, keyed, headerRow, hiddenRows, place)) problems.push(p);
  return { read: { problems, headers: header.texts }, seen, extras, ...found };
}

/**
 * The one message for a file typed in a legacy encoding (product.md v3): which encoding, the first cell with what it
 * probably says, and how to convert the file with Unikey. The file's other problems are its knock-on effects.
 */
function legacyProblem(display: string, legacy: LegacyText): Problem {
  const { encoding, text, where } = legacy.first;
  const names = LEGACY_NAMES[encoding];
  const meant = encoding === 'tcvn3' ? fromTcvn3(text) : fromVni(text);
  const cell = `${where.sheet === undefined ? '' : `trang "${where.sheet}", `}dòng ${where.row ?? ''}, cột ${where.column ?? ''}`;
  const cellEn = `${where.sheet === undefined ? '' : `sheet "${where.sheet}", `}row ${where.row ?? ''}, column ${where.column ?? ''}`;
  const problem = error(
    'legacy-encoding',
    {
      vi: `chữ tiếng Việt trong tệp được gõ bằng bảng mã cũ ${names.name}, không phải Unicode (ví dụ ${cell}: "${text}", có lẽ là "${meant}"). Công cụ không đọc tệp này để không ghi sai tên và kết quả. Hãy chuyển mã sang Unicode: mở Unikey Toolkit (Ctrl+Shift+F6), chọn Nguồn "${names.unikey}", Đích "Unicode", sao chép các ô, bấm "Chuyển mã", dán lại, đổi phông chữ sang Times New Roman, rồi lưu tệp.`,
      en: `the Vietnamese text in the file is typed in the legacy encoding ${encoding === 'tcvn3' ? 'TCVN3 (ABC, .VnTime fonts)' : 'VNI Windows (VNI-Times fonts)'}, not Unicode (e.g. ${cellEn}: "${text}", probably "${meant}"). The tool does not read the file, so as not to write wrong names and results. Convert it to Unicode: open Unikey Toolkit (Ctrl+Shift+F6), source "${names.unikey}", target "Unicode", copy the cells, press "Chuyển mã" (Convert), paste them back, set the font to Times New Roman, and save the file.`,
    },
    { file: display },
  );
  // The units of the file miss what it holds (a report, a score): this error says why, not a gap of each.
  return legacy.units.size === 0 ? problem : { ...problem, units: [...legacy.units], covers: ['*'] };
}

/**
 * Header cells Excel turned into dates (product.md v3: values whose meaning Excel may have changed are errors): a date
 * whose day and month, read as "d.m" or "m.d", is a header of the spec ("1.1" typed, 1 January stored) — that column
 * would not be read, and its data silently lost.
 */
function dateHeaders<K extends string>(
  spec: TableSpec<K>,
  cells: readonly (Cell | undefined)[],
  at: (column: string) => SourceRef,
): Problem[] {
  const byKey = columnsByKey(spec);
  const problems: Problem[] = [];
  cells.forEach((cell, index) => {
    if (!(cell instanceof Date)) return;
    const day = cell.getUTCDate();
    const month = cell.getUTCMonth() + 1;
    const meant = dateMeant(cell).filter((text) => byKey.has(matchKey(text)));
    if (meant.length === 0) return;
    const shownDate = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
    const quoted = meant.map((m) => `"${m}"`).join(meant.length > 1 ? ' hoặc ' : '');
    const quotedEn = meant.map((m) => `"${m}"`).join(meant.length > 1 ? ' or ' : '');
    const letter = columnLetter(index + 1);
    problems.push(
      error(
        'header-date',
        {
          vi: `tiêu đề cột ${letter} là ngày ${shownDate}: có lẽ Excel đã đổi ${quoted} thành ngày; công cụ không đoán lại tiêu đề. Hãy định dạng ô tiêu đề là Văn bản (Text) rồi gõ lại ${quoted}.`,
          en: `the header of column ${letter} is the date ${shownDate}: Excel probably turned ${quotedEn} into a date; the tool does not guess headers back. Format the header cell as Text and type ${quotedEn} again.`,
        },
        at(letter),
      ),
    );
  });
  return problems;
}

/** A header row with each date cell that can only be one header of the spec ("1.1") as that text; else as it is. */
function undated<K extends string>(spec: TableSpec<K>, cells: readonly Cell[]): readonly Cell[] {
  if (!cells.some((cell) => cell instanceof Date)) return cells;
  const byKey = columnsByKey(spec);
  return cells.map((cell) => {
    if (!(cell instanceof Date)) return cell;
    const meant = dateMeant(cell).filter((text) => byKey.has(matchKey(text)));
    return meant.length === 1 ? (meant[0] ?? cell) : cell;
  });
}

/** What a date in a header may have been typed as: its day and month as "d.m", or "m.d". */
function dateMeant(date: Date): string[] {
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  return [...new Set([`${day}.${month}`, `${month}.${day}`])];
}

/**
 * Names as a message quotes them, told apart where two print alike (product.md v3): the same letters in another
 * Unicode form (NFD, accents typed apart), or a space before or after.
 */
export function distinguished(names: readonly string[]): string[] {
  const look = (name: string) => name.normalize('NFC').trim();
  return names.map((name) => {
    const twin = names.some((other) => other !== name && look(other) === look(name));
    if (!twin) return `"${name}"`;
    const notes: string[] = [];
    if (name !== name.normalize('NFC')) notes.push('dấu tách rời khỏi chữ (Unicode NFD)');
    if (name !== name.trimEnd()) notes.push('có dấu cách ở cuối');
    if (name !== name.trimStart()) notes.push('có dấu cách ở đầu');
    return `"${name}"${notes.length === 0 ? '' : ` (${notes.join(', ')})`}`;
  });
}

/** A row's cells under the spec's columns, as one text: two rows with the same one hold the same data. */
function rowSignature(keyed: readonly (readonly [string, number])[], cells: readonly Cell[]): string {
  return JSON.stringify(keyed.map(([, index]) => cells[index] ?? null));
}

/** "dòng 12, 15–17" / "rows 12, 15–17": row numbers, runs of consecutive ones joined. */
function rowRuns(rows: readonly number[], lang: 'vi' | 'en'): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === (rows[j] ?? 0) + 1) j++;
    runs.push(j === i ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  const shown = runs.length > 8 ? [...runs.slice(0, 8), '…'] : runs;
  return `${lang === 'vi' ? 'dòng' : rows.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}`;
}

/**
 * The rows of a table hidden in its sheet (product.md v3: hidden rows are hidden data, like hidden columns; rows an
 * AutoFilter filters out are hidden too): one error per sheet for those holding data no visible row holds, one warning
 * for exact copies of a visible row (a copy kept out of sight). The visible rows are read again only then.
 */
async function hiddenRowProblems(
  sheet: RawSheet,
  keyed: readonly (readonly [string, number])[],
  headerRow: number,
  hidden: readonly { row: number; signature: string; code: string }[],
  place: (row: number) => SourceRef,
): Promise<Problem[]> {
  const visible = new Set<string>();
  if (sheet.again !== undefined)
    for await (const raw of sheet.again())
      if (raw.row > headerRow && raw.hidden !== true && !isBlank(raw.cells))
        visible.add(rowSignature(keyed, raw.cells));
  const copies = hidden.filter((h) => visible.has(h.signature));
  const data = hidden.filter((h) => !visible.has(h.signature));
  const problems: Problem[] = [];
  const first = data[0];
  if (first !== undefined) {
    const rows = data.map((h) => h.row);
    const codes = [...new Set(data.map((h) => normalizeUnitCode(h.code)).filter((c) => c !== ''))];
    const which = codes.length === 0 ? '' : ` (${codes.slice(0, 8).join(', ')}${codes.length > 8 ? ', …' : ''})`;
    problems.push(
      error(
        'hidden-row',
        {
          vi: `${rowRuns(rows, 'vi')}${which} đang bị ẩn (ẩn dòng, hoặc bị lọc bởi AutoFilter) nhưng có dữ liệu: công cụ không đọc dữ liệu mà người kiểm tra không nhìn thấy. Nếu ${rows.length === 1 ? 'dòng này' : 'các dòng này'} đúng, hãy bỏ ẩn (Unhide) hoặc bỏ lọc (Clear Filter); nếu là dữ liệu cũ, hãy xoá.`,
          en: `${rowRuns(rows, 'en')}${which} ${rows.length === 1 ? 'is' : 'are'} hidden (hidden rows, or filtered out by an AutoFilter) but hold data: the tool does not read data the reviewer cannot see. If ${rows.length === 1 ? 'it is' : 'they are'} right, unhide ${rows.length === 1 ? 'it' : 'them'} or clear the filter; if old, delete ${rows.length === 1 ? 'it' : 'them'}.`,
        },
        place(first.row),
      ),
    );
    // The units of those rows miss what the rows hold (a score, a fact): this error says why, not a gap of each.
    const last = problems.length - 1;
    const hiddenError = problems[last];
    if (hiddenError !== undefined) problems[last] = { ...hiddenError, units: codes, covers: ['*'] };
  }
  const copy = copies[0];
  if (copy !== undefined) {
    const rows = copies.map((h) => h.row);
    problems.push(
      warning(
        'hidden-duplicate-row',
        {
          vi: `${rowRuns(rows, 'vi')} đang bị ẩn và giống hệt một dòng không ẩn của bảng: không đọc (dòng không ẩn được đọc). Nên xoá ${rows.length === 1 ? 'dòng' : 'các dòng'} ẩn.`,
          en: `${rowRuns(rows, 'en')} ${rows.length === 1 ? 'is' : 'are'} hidden and the same as a visible row of the table: not read (the visible row is). Delete the hidden ${rows.length === 1 ? 'row' : 'rows'}.`,
        },
        place(copy.row),
      ),
    );
  }
  return problems;
}

/** Whether two sheets hold the same rows (a copy kept beside the original is no conflict). */
function sameRows<K extends string>(a: readonly TableRow<K>[], b: readonly TableRow<K>[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, i) => JSON.stringify(row.cells) === JSON.stringify(b[i]?.cells));
}

/** Reads a table whole: its rows (streamTable's, kept), its problems and the headers it does not know. */
export async function readTable<K extends string>(
  path: string,
  display: string,
  spec: TableSpec<K>,
  limits: ReadLimits,
): Promise<TableRead<K>> {
  const rows: TableRow<K>[] = [];
  // One row at a time: spreading a sheet of 300 000 rows into push() overflows the call stack.
  const read = await streamTable(path, display, spec, limits, (row) => rows.push(row));
  return {
    rows: read.kept ? rows : [],
    problems: read.problems,
    ...(read.extraHeaders === undefined ? {} : { extraHeaders: read.extraHeaders }),
    ...(read.headers === undefined ? {} : { headers: read.headers }),
  };
}

/** What streamTable says once the file is read. */
export interface TableStream<K extends string = string> {
  /**
   * Whether the rows handed on stand. When false, every row handed on must be dropped, with what was made of it: the
   * file could not be read to its end, or several of its sheets are this table with different rows (`problems` says).
   */
  readonly kept: boolean;
  readonly problems: readonly Problem[];
  /** The headers of the columns the spec does not know, as written (listed by `check`). */
  readonly extraHeaders?: readonly string[];
  /** The header of each column read, as written, in the sheet whose rows were handed on. */
  readonly headers?: Readonly<Partial<Record<K, string>>>;
}

/**
 * Reads a table from an `.xlsx` or `.csv` file, handing each of its rows to `onRow` as it is read: none is kept here,
 * so that a national self-report file's rows are turned into what the reader keeps (columns, src/io/rows.ts) while they
 * are young, not all made first. The table is the first visible sheet whose header row matches the spec (sheets
 * without one, such as instructions, are skipped); another one is read whole and compared with the first, read again
 * (`RawSheet.again`): the same rows are a copy (a warning), other rows an error, and no row stands (`kept` false). A
 * file in which no sheet has the required columns is an error naming the file, its sheets and the columns found.
 */
export async function streamTable<K extends string>(
  path: string,
  display: string,
  spec: TableSpec<K>,
  limits: ReadLimits,
  onRow: (row: TableRow<K>) => void,
): Promise<TableStream<K>> {
  const guarded = await guardFile(path, display, limits);
  if ('severity' in guarded) return { kept: false, problems: [guarded] };
  const extension = extname(path).toLowerCase();
  const problems: Problem[] = [];
  const sheetsSeen: { name: string | undefined; seen: string[] }[] = [];
  const matched: (string | undefined)[] = [];

  // The first matching sheet, whose rows went to onRow, and the others, read whole to be compared with it.
  let first:
    { sheet: RawSheet; problems: readonly Problem[]; headers: Readonly<Partial<Record<string, string>>> } | undefined;
  const others: TableRow<K>[][] = [];
  const partials: { name: string | undefined; found: string[]; missing: string[] }[] = [];
  const hiddenMatches: string[] = [];
  const extraHeaders = new Set<string>();
  let legacy: LegacyText | undefined;

  const consume = async (sheet: RawSheet) => {
    if (sheet.hidden === true) {
      // A hidden sheet is not read; said when it holds a table of this kind (a stale "Năm 2023" sheet).
      if ((await readSheet(spec, sheet, display, undefined)).read !== undefined) hiddenMatches.push(sheet.name ?? '');
      return;
    }
    const rows: TableRow<K>[] = [];
    const sink = first === undefined ? onRow : (row: TableRow<K>) => void rows.push(row);
    const { read, seen, partial, extras, legacy: found } = await readSheet(spec, sheet, display, sink);
    if (found !== undefined) {
      if (legacy === undefined) legacy = found;
      else {
        legacy.words += found.words;
        for (const code of found.units) legacy.units.add(code);
      }
    }
    sheetsSeen.push({ name: sheet.name, seen });
    if (partial !== undefined) partials.push({ name: sheet.name, ...partial });
    if (read !== undefined) {
      matched.push(sheet.name);
      if (first === undefined) first = { sheet, problems: read.problems, headers: read.headers };
      else others.push(rows);
      for (const header of extras) extraHeaders.add(header);
    }
  };

  if (extension === '.csv') {
    const sheet = readCsvSheet(
      guarded.bytes,
      display,
      (cells) => matchHeader(spec, cells) !== undefined,
      HEADER_SCAN_ROWS,
    );
    if ('severity' in sheet) return { kept: false, problems: [sheet] };
    await consume(sheet);
  } else if (extension === '.xlsx' || extension === '.xlsm') {
    // .xlsm: the cells are read like an .xlsx's; macros are never run.
    const failure = await readWorkbook(guarded.bytes, display, limits, consume);
    if (failure !== undefined) return { kept: false, problems: [failure] };
  } else if ((CONVERTED_EXTENSIONS as readonly string[]).includes(extension)) {
    // The bytes the guard read are what is converted (a copy in a folder of the tool's own), never the path again.
    const converted = await convertToXlsx(guarded.bytes, extension, display);
    if ('severity' in converted) return { kept: false, problems: [converted] };
    const failure = await readWorkbook(converted.bytes, display, limits, consume);
    if (failure !== undefined) return { kept: false, problems: [failure] };
    problems.push(
      warning(
        'converted',
        {
          vi: `tệp định dạng ${extension} đã được chuyển sang .xlsx bằng ${converted.tool} để đọc; nên lưu lại thành .xlsx cho lần sau.`,
          en: `the ${extension} file was converted to .xlsx with ${converted.tool} to be read; save it as .xlsx next time.`,
        },
        { file: display },
      ),
    );
  } else {
    return { kept: false, problems: [unsupportedFormat(display, extension)] };
  }

  // Typed in a legacy encoding: one message for the file, and nothing of it stands (its statuses, codes and names
  // would each be a knock-on error, or a wrong name in an output).
  if (legacy !== undefined && legacy.words >= LEGACY_WORDS)
    return { kept: false, problems: [legacyProblem(display, legacy)] };
  let kept = false;
  if (first !== undefined) {
    const names = distinguished(matched.map((name) => name ?? '')).join(', ');
    let conflicting = false;
    if (others.length > 0) {
      const { again } = first.sheet;
      if (again === undefined) throw new Error(`several sheets of one table, and the first cannot be read again`);
      const rows: TableRow<K>[] = [];
      await readSheet(spec, { ...first.sheet, rows: again() }, display, (row) => void rows.push(row));
      conflicting = others.some((other) => !sameRows(rows, other));
    }
    if (conflicting) {
      problems.push(
        error(
          'several-sheets',
          {
            vi: `có ${matched.length} trang cùng là ${spec.titleVi} (${names}) với nội dung khác nhau; hãy giữ lại một trang (hoặc ẩn/xoá các trang cũ).`,
            en: `${matched.length} sheets are ${spec.titleVi} (${names}) with different contents; keep one (or hide or remove the old ones).`,
          },
          { file: display },
        ),
      );
    } else {
      kept = true;
      for (const problem of first.problems) problems.push(problem);
      if (others.length > 0) {
        problems.push(
          warning(
            'duplicate-sheets',
            {
              vi: `các trang ${names} giống hệt nhau; chỉ đọc trang đầu.`,
              en: `sheets ${names} are identical; only the first is read.`,
            },
            {
              file: display,
            },
          ),
        );
      }
    }
  }
  for (const name of hiddenMatches) {
    problems.push(
      warning(
        'hidden-sheet',
        {
          vi: `trang ẩn "${name}" có dạng ${spec.titleVi} nhưng không được đọc vì đang bị ẩn; nếu cần dùng, hãy bỏ ẩn trang và ẩn/xoá trang cũ.`,
          en: `hidden sheet "${name}" looks like ${spec.titleVi} but is not read because it is hidden; to use it, unhide it and hide or remove the old one.`,
        },
        {
          file: display,
          sheet: name,
        },
      ),
    );
  }
  for (const partial of partials) {
    if (matched.length === 0) continue;
    problems.push(
      warning(
        'partial-header',
        {
          vi: `trang "${partial.name ?? ''}" có các cột ${partial.found.map((h) => `"${h}"`).join(', ')} nhưng thiếu ${partial.missing.map((h) => `"${h}"`).join(', ')}: trang này không được đọc.`,
          en: `sheet "${partial.name ?? ''}" has columns ${partial.found.map((h) => `"${h}"`).join(', ')} but lacks ${partial.missing.map((h) => `"${h}"`).join(', ')}: the sheet is not read.`,
        },
        { file: display, ...(partial.name === undefined ? {} : { sheet: partial.name }) },
      ),
    );
  }
  if (matched.length === 0) {
    const required = spec.columns.filter((c) => c.required).map((c) => `"${c.headers[0] ?? c.key}"`);
    const found = sheetsSeen
      .map(
        ({ name, seen }) =>
          `${name === undefined ? '' : `trang "${name}": `}${seen.length > 0 ? seen.map((s) => `"${s}"`).join(', ') : '(trống)'}`,
      )
      .join('; ');
    const best = partials.sort((a, b) => b.found.length - a.found.length)[0];
    const lacking =
      best === undefined
        ? ''
        : ` ${best.name === undefined ? 'Dòng tiêu đề' : `Trang "${best.name}"`} thiếu cột ${best.missing.map((h) => `"${h}"`).join(', ')}.`;
    problems.push(
      error(
        'missing-columns',
        {
          vi: `không tìm thấy dòng tiêu đề của ${spec.titleVi} (cần các cột ${required.join(', ')}) trong ${HEADER_SCAN_ROWS} dòng đầu.${lacking} Đã thấy: ${found || '(không có trang nào)'}.`,
          en: `no header row of ${spec.titleVi} (needs the columns ${required.join(', ')}) in the first ${HEADER_SCAN_ROWS} rows.${lacking} Seen: ${found || '(no sheet)'}.`,
        },
        { file: display },
      ),
    );
  }
  return {
    kept,
    problems,
    extraHeaders: [...extraHeaders],
    ...(first === undefined ? {} : { headers: first.headers }),
  };
}

/** Reads the sheets of an .xlsx through the guard; a problem when it cannot be opened or parsed. */
async function readWorkbook(
  bytes: Buffer,
  display: string,
  limits: ReadLimits,
  consume: (sheet: RawSheet) => Promise<void>,
): Promise<Problem | undefined> {
  const opened = await openXlsxBytes(bytes, display, limits);
  if ('severity' in opened) return opened;
  try {
    // Which sheets the cell scanner leaves to the SAX parser, and why.
    const onFallback = (sheet: string, reason: string) => {
      debugLine('read', `${display}, sheet "${sheet}": read by the SAX parser (${reason})`);
    };
    for (const sheet of readXlsxSheets(opened, { onFallback })) await consume(sheet);
    return undefined;
  } catch (cause) {
    if (cause instanceof WorkbookShapeError) return error('xlsx-shape', cause.words, { file: display });
    const detail = cause instanceof Error ? cause.message : String(cause);
    return error(
      'xlsx-unreadable',
      {
        vi: `không đọc được tệp .xlsx (${detail}). Hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice.`,
        en: `cannot read the .xlsx file (${detail}). Open it and save it again in Excel or LibreOffice.`,
      },
      { file: display },
    );
  }
}

export function unsupportedFormat(display: string, extension: string): Problem {
  return error(
    'unsupported-format',
    {
      vi: `định dạng "${extension || '(không có đuôi)'}" không phải bảng tính công cụ đọc được (.xlsx, .xlsm, .csv; .xls và .ods khi máy có LibreOffice hoặc gnumeric). ${SAVE_AS_XLSX}`,
      en: `the format "${extension || '(no extension)'}" is not a spreadsheet the tool reads (.xlsx, .xlsm, .csv; .xls and .ods when LibreOffice or gnumeric is installed). ${SAVE_AS_XLSX}`,
    },
    { file: display },
  );
}
