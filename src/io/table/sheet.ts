import type { SourceRef } from '../../domain.js';
import type { TableSpec } from '../../inputs/columns.js';
import type { Cell, RawRow, RawSheet } from '../cells.js';
import { type LegacyEncoding, LEGACY_NAMES, fromTcvn3, fromVni, legacyEncodingOf, legacyWords } from '../legacy.js';
import { normalizeUnitCode } from '../normalize.js';
import { type Problem, columnLetter, error } from '../../problems.js';
import {
  HEADER_SCAN_ROWS,
  type HeaderMatch,
  cellText,
  matchHeader,
  headerName,
  headerContinuation,
  stacked,
  partialHeader,
  dateHeaders,
  undated,
} from './header.js';
import { isBlank, isSectionHeading, isSignature, isGroupOrTotal, rowSignature, hiddenRowProblems } from './rows.js';

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

export interface SheetRead {
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
export interface LegacyText {
  words: number;
  readonly first: { readonly where: SourceRef; readonly text: string; readonly encoding: LegacyEncoding };
  /** The unit codes of the rows from the first such text on (codes are ASCII): their gaps are this error's. */
  readonly units: Set<string>;
}

/** Two words typed in a legacy table make a file refused (one could be a foreign name, "Müller"). */
export const LEGACY_WORDS = 2;

/**
 * Reads one sheet: finds the header row among the first rows, then turns every row below it into a
 * TableRow, handed to `sink` as it is read (none kept here; no sink: the rows are not wanted, a hidden
 * sheet's). Blank rows inside the table do not end it; the signature block ("Nơi nhận:", "NGƯỜI
 * LẬP BIỂU", … with no code) does. A CSV row with cells beyond the header's columns is an error (a
 * decimal comma in a `,` file splits a number in two). Returns no `read` when the sheet has no
 * header row (an instruction sheet, a list of values), with what it saw.
 */
export async function readSheet<K extends string>(
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
  // Indexes in an array, looked at by position: an iterator for each of a national year's 440 000 rows was garbage.
  const lookForLegacy = (cells: readonly Cell[], row: number, indexes: readonly number[]) => {
    if (legacy !== undefined && legacy.words >= LEGACY_WORDS) return;
    for (let i = 0; i < indexes.length; i++) {
      const index = indexes[i] ?? 0;
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
  // Rows before the header: is this one the header (or its first row)? Apart from readRow, which reads the data rows:
  // one function for both, V8 optimised it on a file's data rows and threw the code away at the next file's title
  // rows, seven times in a national run (issue #38).
  const findHeader = (raw: RawRow): void => {
    if (raw.row > HEADER_SCAN_ROWS) return;
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
      lookForLegacy(raw.cells, raw.row, [...raw.cells.keys()]);
      const texts = raw.cells.map(cellText).filter((t) => t.trim() !== '');
      if (texts.length > seen.length) seen = texts;
      const candidate = partialHeader(spec, raw.cells);
      if (candidate.found.length >= 2 && (partial === undefined || candidate.found.length > partial.found.length)) {
        partial = candidate;
      }
      return;
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
  };
  // The rows right under the header may be its second row, and the row numbering the columns: true when this one is.
  const continuesHeader = (raw: RawRow): boolean => {
    if (header === undefined) return false;
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
      return true;
    }
    return false;
  };
  // A row's reading, one function made once: as the block of a loop over a batch, whose closures take `raw`, it kept
  // every row of its batch alive after the read (a CSV's rows, all: bench/retain.test.ts).
  const readRow = (raw: RawRow): void => {
    if (header === undefined) {
      findHeader(raw);
      return;
    }
    if (ended || isBlank(raw.cells) || isSectionHeading(raw.cells)) return;
    if (continuation > 0 && continuesHeader(raw)) return;
    if (isSignature(raw.cells, codeIndex)) {
      ended = true;
      return;
    }
    if (isGroupOrTotal(raw.cells, codeIndex)) return;
    if (raw.hidden === true) {
      if (sink !== undefined)
        hiddenRows.push({
          row: raw.row,
          signature: rowSignature(keyed, raw.cells),
          code: codeIndex === undefined ? '' : cellText(raw.cells[codeIndex]).trim(),
        });
      return;
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
    if (sink === undefined) return;
    lookForLegacy(raw.cells, raw.row, keyedIndexes);
    if (legacy !== undefined && codeIndex !== undefined && legacy.units.size < 1000) {
      const code = normalizeUnitCode(cellText(raw.cells[codeIndex]));
      if (code !== '') legacy.units.add(code);
    }
    const cells: Partial<Record<K, Cell>> = {};
    for (let k = 0; k < keyed.length; k++) {
      const pair = keyed[k];
      if (pair !== undefined) cells[pair[0]] = raw.cells[pair[1]] ?? null;
    }
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
  };
  for await (const batch of sheet.rows) for (const raw of batch) readRow(raw);
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
export function legacyProblem(display: string, legacy: LegacyText): Problem {
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
