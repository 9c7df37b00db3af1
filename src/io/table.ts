import { extname } from 'node:path';
import type { SourceRef } from '../domain.js';
import { type Cell, type RawSheet, isBadCell } from './cells.js';
import { readCsvSheet } from './csv.js';
import { guardFile, openXlsx } from './guard.js';
import type { ReadLimits } from './limits.js';
import { matchKey } from './normalize.js';
import { type Problem, columnLetter, error, warning } from './problems.js';
import { CONVERTED_EXTENSIONS, SAVE_AS_XLSX, convertToXlsx } from './convert.js';
import { readXlsxSheets } from './xlsx.js';
import { debugLine } from '../debug.js';

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

/** Texts that open the signature block under an official table ("Nơi nhận:", "KT. GIÁM ĐỐC", "NGƯỜI LẬP BIỂU"). */
const SIGNATURE =
  /^(noi nhan|nguoi lap bieu|nguoi lap|kt giam doc|kt chu tich|tm uy ban nhan dan|tm ubnd|giam doc|chu tich|thu truong don vi|xac nhan cua|ky ghi ro ho ten|ky ten dong dau)\b/u;

/**
 * Whether a row is a heading inside the table ("Mục 1. Hạ tầng thông tin", as the templates group the items): one
 * text cell naming a section, nothing else. A row with anything more is data, and is read (and checked) as such.
 */
function isSectionHeading(cells: readonly Cell[]): boolean {
  const filled = cells.filter((cell) => cellText(cell).trim() !== '');
  return filled.length === 1 && /^muc \d+\b/u.test(matchKey(cellText(filled[0])));
}

/** Whether a row opens the signature block: no value where the table keeps its code, and a signature text. */
function isSignature(cells: readonly Cell[], codeIndex: number | undefined): boolean {
  if (codeIndex !== undefined && cellText(cells[codeIndex]).trim() !== '') return false;
  return cells.some((cell) => SIGNATURE.test(matchKey(cellText(cell))));
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
}

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
  let codeIndex: number | undefined;
  const noExtras: TableRow<K>['extras'] = [];
  // Every row is consumed, even past the point of interest: the sheet is parsed as it is read.
  for await (const raw of sheet.rows) {
    if (header === undefined) {
      if (raw.row > HEADER_SCAN_ROWS) continue;
      header = matchHeader(spec, raw.cells);
      if (header === undefined) {
        const texts = raw.cells.map(cellText).filter((t) => t.trim() !== '');
        if (texts.length > seen.length) seen = texts;
        const candidate = partialHeader(spec, raw.cells);
        if (candidate.found.length >= 2 && (partial === undefined || candidate.found.length > partial.found.length)) {
          partial = candidate;
        }
        continue;
      }
      keyed = [...header.columns];
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
      for (const [key, index] of keyed) {
        if (sheet.hiddenColumns?.has(index + 1) === true) {
          // Data hidden from whoever checks the sheet must not decide an outcome: said, and the run stops.
          problems.push(
            error(
              'hidden-column',
              {
                vi: `cột "${headerName(spec, key)}" (cột ${columnLetter(index + 1)}) đang bị ẩn: công cụ không đọc dữ liệu mà người kiểm tra không nhìn thấy. Nếu đây là cột đúng, hãy bỏ ẩn; nếu là cột cũ, hãy xoá hoặc đổi tên.`,
                en: `column "${headerName(spec, key)}" (column ${columnLetter(index + 1)}) is hidden: the tool does not read data the reviewer cannot see. If it is the right column, unhide it; if it is an old one, remove or rename it.`,
              },
              place(raw.row),
            ),
          );
        }
      }
      continue;
    }
    if (ended || isBlank(raw.cells) || isSectionHeading(raw.cells)) continue;
    if (isSignature(raw.cells, codeIndex)) {
      ended = true;
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
  if (header === undefined) return { seen, extras, ...(partial === undefined ? {} : { partial }) };
  return { read: { problems, headers: header.texts }, seen, extras };
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

  const consume = async (sheet: RawSheet) => {
    if (sheet.hidden === true) {
      // A hidden sheet is not read; said when it holds a table of this kind (a stale "Năm 2023" sheet).
      if ((await readSheet(spec, sheet, display, undefined)).read !== undefined) hiddenMatches.push(sheet.name ?? '');
      return;
    }
    const rows: TableRow<K>[] = [];
    const sink = first === undefined ? onRow : (row: TableRow<K>) => void rows.push(row);
    const { read, seen, partial, extras } = await readSheet(spec, sheet, display, sink);
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
    const sheet = await readCsvSheet(
      path,
      display,
      (cells) => matchHeader(spec, cells) !== undefined,
      HEADER_SCAN_ROWS,
    );
    if ('severity' in sheet) return { kept: false, problems: [sheet] };
    await consume(sheet);
  } else if (extension === '.xlsx' || extension === '.xlsm') {
    // .xlsm: the cells are read like an .xlsx's; macros are never run.
    const failure = await readWorkbook(path, display, limits, consume);
    if (failure !== undefined) return { kept: false, problems: [failure] };
  } else if ((CONVERTED_EXTENSIONS as readonly string[]).includes(extension)) {
    const converted = await convertToXlsx(path, display);
    if ('severity' in converted) return { kept: false, problems: [converted] };
    try {
      const failure = await readWorkbook(
        converted.path,
        display,
        { ...limits, maxFileBytes: Number.MAX_SAFE_INTEGER },
        consume,
      );
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
    } finally {
      await converted.cleanup();
    }
  } else {
    return { kept: false, problems: [unsupportedFormat(display, extension)] };
  }

  let kept = false;
  if (first !== undefined) {
    const names = matched.map((name) => `"${name ?? ''}"`).join(', ');
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
  path: string,
  display: string,
  limits: ReadLimits,
  consume: (sheet: RawSheet) => Promise<void>,
): Promise<Problem | undefined> {
  const opened = await openXlsx(path, display, limits);
  if ('severity' in opened) return opened;
  try {
    // Which sheets the cell scanner leaves to the SAX parser, and why.
    const onFallback = (sheet: string, reason: string) => {
      debugLine('read', `${display}, sheet "${sheet}": read by the SAX parser (${reason})`);
    };
    for (const sheet of readXlsxSheets(opened, { onFallback })) await consume(sheet);
    return undefined;
  } catch (cause) {
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
