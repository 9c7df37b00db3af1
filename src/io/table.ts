import { extname } from 'node:path';
import type { TableSpec } from '../inputs/columns.js';
import type { RawSheet } from './cells.js';
import { readCsvSheet } from './csv.js';
import { guardFile, openXlsxBytes } from './guard.js';
import type { ReadLimits } from './limits.js';
import { type Problem, error, warning } from '../problems.js';
import { CONVERTED_EXTENSIONS, SAVE_AS_XLSX, convertToXlsx } from './convert.js';
import { WorkbookShapeError, readXlsxSheets } from './xlsx.js';
import { debugLine } from '../debug.js';
import { HEADER_SCAN_ROWS, matchHeader } from './table/header.js';
import { type LegacyText, type TableRow, LEGACY_WORDS, legacyProblem, readSheet } from './table/sheet.js';

export { HEADER_SCAN_ROWS, matchHeader } from './table/header.js';
export type { TableRow } from './table/sheet.js';

export interface TableRead<K extends string> {
  readonly rows: readonly TableRow<K>[];
  readonly problems: readonly Problem[];
  /** The headers of the columns the spec does not know, as written (listed by `check`). */
  readonly extraHeaders?: readonly string[];
  /** The header of each column read, as written in the file ("Điểm DTI"): messages name a column by it. */
  readonly headers?: Readonly<Partial<Record<K, string>>>;
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
