import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { type BadCell, type Cell, type RawRow, type RawSheet, textCell } from './cells.js';
import type { OpenedXlsx } from './guard.js';
import { type CellMaker, type ScannedCell, SheetGrid, columnOf, scanSheetSlices } from './scan.js';
import { StringTable, ownText, scanSharedStrings } from './shared-strings.js';

/**
 * The worksheets of an `.xlsx`, read from the parts the guard inflated (see openXlsx) with a SAX
 * parser (saxes): one pass over each part, rows handed on as they are parsed. This replaced
 * exceljs's streaming reader on the read path (issue #6: three times faster, a fraction of the
 * memory) and is checked against it on every fixture (test/io/xlsx-equivalence.test.ts).
 *
 * Values follow SpreadsheetML (ECMA-376 Part 1, §18.3.1.4 `c`, §18.4 shared strings):
 * `t="s"` a shared string, `t="inlineStr"` an inline string, `t="str"` a formula's text
 * result, `t="b"` a boolean, `t="e"` an error, `t="d"` an ISO date, otherwise a number — a
 * date when its style's number format is a date format. A formula (`<f>`) without a cached
 * value (`<v>`) is a BadCell; so is an error value. Rich text is its runs' text joined;
 * phonetic runs (`<rPh>`) are not text.
 */
export interface ReadOptions {
  /** `scan` (default): the cell scanner, with SAX for a sheet it does not handle; `sax`: SAX only (the reference). */
  readonly reader?: 'scan' | 'sax';
  /** Told when a sheet is read by SAX instead of the scanner, and why (`ICT_EVAL_DEBUG=read` prints it). */
  readonly onFallback?: (sheet: string, reason: string) => void;
}

/**
 * A workbook whose shape costs more than its bytes (issue #40: 20 000 sheets listed over one 60 000-row part parsed it
 * 20 000 times): more sheets than MAX_SHEETS, or two sheets sharing one part (no spreadsheet program writes that).
 * Refused before any sheet is read, with words for the message.
 */
export class WorkbookShapeError extends Error {
  constructor(readonly words: { readonly vi: string; readonly en: string }) {
    super(words.en);
    this.name = 'WorkbookShapeError';
  }
}

/** The most sheets an input workbook may list: each is parsed once, and an input has a handful. */
export const MAX_SHEETS = 255;

export function* readXlsxSheets(opened: OpenedXlsx, options: ReadOptions = {}): Generator<RawSheet> {
  const { parts } = opened;
  const workbook = parseWorkbook(parts);
  if (workbook.sheets.length > MAX_SHEETS)
    throw new WorkbookShapeError({
      vi: `tệp liệt kê ${workbook.sheets.length} trang tính, vượt giới hạn ${MAX_SHEETS} trang; có thể là tệp độc hại. Hãy chép các trang cần dùng sang một tệp mới.`,
      en: `the workbook lists ${workbook.sheets.length} sheets, over the limit of ${MAX_SHEETS}; it may be a malicious file. Copy the sheets you need into a new workbook.`,
    });
  const owners = new Map<string, string>();
  for (const sheet of workbook.sheets) {
    const other = owners.get(sheet.part);
    if (other !== undefined)
      throw new WorkbookShapeError({
        vi: `hai trang tính ("${other}", "${sheet.name}") cùng trỏ tới một phần dữ liệu (${sheet.part}); không chương trình bảng tính nào ghi như vậy: có thể là tệp độc hại. Hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice.`,
        en: `two sheets ("${other}", "${sheet.name}") point at one part (${sheet.part}); no spreadsheet program writes that: it may be a malicious file. Open it and save it again in Excel or LibreOffice.`,
      });
    owners.set(sheet.part, sheet.name);
  }
  const strings = parseSharedStrings(parts.get('xl/sharedStrings.xml'), options.reader, (reason) =>
    options.onFallback?.('(shared strings)', reason),
  );
  const dateStyles = parseDateStyles(parts.get('xl/styles.xml'));
  for (const sheet of workbook.sheets) {
    const xml = parts.get(sheet.part);
    if (xml === undefined) continue;
    const layout = sheetLayout(xml);
    const rows = (fallback: (reason: string) => void) =>
      sheetRows(xml, strings, dateStyles, workbook.date1904, layout.merges, {
        reader: options.reader ?? 'scan',
        fallback,
      });
    yield {
      name: sheet.name,
      hidden: sheet.hidden,
      hiddenColumns: layout.hiddenColumns,
      rows: rows((reason) => options.onFallback?.(sheet.name, reason)),
      // Read again only to be compared: its fallback was told the first time.
      again: () => rows(() => undefined),
    };
  }
}

/** Runs a SAX parser over a part, calling `on` for each event of interest. */
function parse(
  xml: Buffer | string | undefined,
  on: {
    open?: (tag: SaxesTagPlain) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): void {
  if (xml === undefined) return;
  const parser = new SaxesParser();
  if (on.open !== undefined) parser.on('opentag', on.open);
  if (on.close !== undefined) {
    const close = on.close;
    parser.on('closetag', (tag) => {
      close(tag.name);
    });
  }
  if (on.text !== undefined) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  parser.write(typeof xml === 'string' ? xml : xml.toString('utf8')).close();
}

/** An element's local name: `x:sheet` and `sheet` are one element. */
const local = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** An attribute as written (`r`, `t`, `s`: SpreadsheetML's own attributes carry no prefix). */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name];
}

/** A prefixed attribute by local name: `r:id` is found as `id`, whatever prefix the writer chose. */
function prefixedAttribute(tag: SaxesTagPlain, name: string): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value;
  return undefined;
}

interface WorkbookInfo {
  readonly sheets: readonly { readonly name: string; readonly part: string; readonly hidden: boolean }[];
  readonly date1904: boolean;
}

/** The sheets in workbook order, each with its part (`xl/worksheets/sheet1.xml`), and the date system. */
function parseWorkbook(parts: ReadonlyMap<string, Buffer>): WorkbookInfo {
  const targets = new Map<string, string>();
  parse(parts.get('xl/_rels/workbook.xml.rels'), {
    open: (tag) => {
      if (local(tag.name) !== 'Relationship') return;
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (id !== undefined && target !== undefined) targets.set(id, target);
    },
  });
  const sheets: { name: string; part: string; hidden: boolean }[] = [];
  let date1904 = false;
  parse(parts.get('xl/workbook.xml'), {
    open: (tag) => {
      const name = local(tag.name);
      if (name === 'workbookPr') {
        const value = attribute(tag, 'date1904');
        date1904 = value === '1' || value === 'true';
      }
      if (name !== 'sheet') return;
      const target = targets.get(prefixedAttribute(tag, 'id') ?? '');
      if (target === undefined) return;
      // Targets are relative to xl/ (`worksheets/sheet1.xml`) or absolute (`/xl/worksheets/sheet1.xml`).
      const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      const state = attribute(tag, 'state');
      sheets.push({ name: attribute(tag, 'name') ?? part, part, hidden: state === 'hidden' || state === 'veryHidden' });
    },
  });
  return { sheets, date1904 };
}

/** The shared strings table: each `<si>`'s text, runs joined, phonetic runs left out. */
function parseSharedStrings(
  xml: Buffer | undefined,
  reader: 'scan' | 'sax' = 'scan',
  onFallback: (reason: string) => void = () => undefined,
): string[] {
  if (xml === undefined) return [];
  if (reader === 'scan') {
    const scanned = scanSharedStrings(xml);
    if ('strings' in scanned) return scanned.strings;
    onFallback(scanned.fallback);
  }
  const table = new StringTable();
  parse(xml.toString('utf8'), {
    open: (tag) => {
      table.open(local(tag.name));
    },
    close: (name) => {
      table.close(local(name));
    },
    text: (chunk) => {
      table.text(chunk);
    },
  });
  return table.strings;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Whether a custom format code shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/gu, '')
    .replace(/\[[^\]]*\]/gu, '')
    .replace(/\\./gu, '')
    .replace(/_.|\*./gu, '');
  if (/general/iu.test(bare)) return false;
  return /[dmyhs]/iu.test(bare);
}

/** For each cell style index (`s` attribute), whether its number format shows a date. */
function parseDateStyles(xml: Buffer | undefined): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parse(xml, {
    open: (tag) => {
      const name = local(tag.name);
      if (name === 'numFmt') custom.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attribute(tag, 'numFmtId') ?? 0));
    },
    close: (name) => {
      if (local(name) === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of xfFormats) {
    const code = custom.get(id);
    styles.push(code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATE_FORMATS.has(id));
  }
  return styles;
}

const DAY_MS = 86_400_000;

/**
 * An Excel serial date as a Date (UTC). The 1900 system counts 1900-02-29, a day that never
 * was, so serials from 61 on are one day ahead of a plain count; the 1904 system starts at 1904-01-01.
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * DAY_MS));
}

function cellValue(
  state: ScannedCell,
  strings: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean,
): Cell {
  const value = state.value;
  if (state.formula !== undefined && (value === undefined || (value === '' && state.type !== 'str'))) {
    const bad: BadCell = { bad: 'formula-without-result', detail: ownText(`=${state.formula}`) };
    return bad;
  }
  switch (state.type) {
    case 's': {
      const text = strings[Number(value)];
      return text === undefined ? null : textCell(text);
    }
    case 'inlineStr': {
      const text = state.inline ?? value;
      return text === undefined ? null : textCell(ownText(text));
    }
    case 'str':
      return value === undefined ? null : textCell(ownText(value));
    case 'b':
      return value === '1' || value === 'true';
    case 'e':
      return { bad: 'error-value', detail: ownText(value ?? '') };
    case 'd':
      // An ISO date cell without a zone is a calendar date: read it as UTC, never in the machine's zone.
      return value === undefined
        ? null
        : new Date(/[zZ]|[+-]\d\d:?\d\d$/u.test(value) || value.length <= 10 ? value : `${value}Z`);
    default: {
      if (value === undefined || value === '') return null;
      const number = Number(value);
      if (!Number.isFinite(number)) return textCell(ownText(value));
      return dateStyles[state.style] === true ? excelSerialToDate(number, date1904) : number;
    }
  }
}

/** A merged range spanning several rows: its top-left value is every row's value (ECMA-376 §18.3.1.55). */
interface Merge {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * What a sheet's XML says besides its cells: the hidden columns (`<col min max hidden="1">`) and the
 * ranges merged over several rows (`<mergeCell ref="A5:A9">`, written after the cells, so looked up
 * first with a plain scan of the text).
 */
function sheetLayout(xml: Buffer): { hiddenColumns: ReadonlySet<number>; merges: readonly Merge[] } {
  // Only the text around the cells is decoded: the columns come before `sheetData`, the merges after it.
  const start = xml.indexOf('sheetData');
  const end = xml.lastIndexOf('sheetData');
  const head = (start < 0 ? xml : xml.subarray(0, start)).toString('utf8');
  const tail = end < 0 ? '' : xml.subarray(end).toString('utf8');
  const hiddenColumns = new Set<number>();
  for (const match of head.matchAll(/<(?:\w+:)?col\b([^>]*)\/?>/gu)) {
    const attributes = match[1] ?? '';
    if (!/\bhidden="(1|true)"/u.test(attributes)) continue;
    const min = Number(/\bmin="(\d+)"/u.exec(attributes)?.[1] ?? 0);
    const max = Number(/\bmax="(\d+)"/u.exec(attributes)?.[1] ?? min);
    for (let c = min; c <= Math.min(max, min + 16_384); c++) if (c > 0) hiddenColumns.add(c);
  }
  const merges: Merge[] = [];
  for (const match of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/gu)) {
    const top = Number(match[2]);
    const bottom = Number(match[4]);
    if (bottom > top) merges.push({ top, bottom, left: columnOf(match[1] ?? ''), right: columnOf(match[3] ?? '') });
  }
  return { hiddenColumns, merges };
}

/** Gives a row the values of the merged ranges it lies in below their top row (their top-left cell's value). */
function fillMerges(row: RawRow, merges: readonly Merge[], tops: Map<Merge, Cell>): RawRow {
  let cells: Cell[] | undefined;
  for (const merge of merges) {
    if (row.row === merge.top) tops.set(merge, row.cells[merge.left - 1] ?? null);
    if (row.row <= merge.top || row.row > merge.bottom) continue;
    const value = tops.get(merge) ?? null;
    if (value === null) continue;
    cells ??= [...row.cells];
    for (let c = merge.left; c <= merge.right; c++) {
      while (cells.length < c) cells.push(null);
      const current = cells[c - 1];
      if (current === null || current === undefined || current === '') cells[c - 1] = value;
    }
  }
  return cells === undefined
    ? row
    : row.hidden === true
      ? { row: row.row, cells, hidden: true }
      : { row: row.row, cells };
}

/** Text is fed to the parser in slices of this size, and the rows parsed so far handed on after each. */
const SLICE = 256 * 1024;

/** Rows of a sheet SAX reads handed on in one batch (the scanner's batches are its slices). */
const BATCH = 2048;

/**
 * Whether the XML around the cells (before `<sheetData>` and after `</sheetData>`) is well-formed: checked by the SAX
 * parser with the cells left out, so that a sheet the scanner reads is refused where SAX would refuse it. Only that
 * text is decoded: the cells are decoded a slice at a time by the scanner (scanSheetSlices).
 */
function wellFormedAround(xml: Buffer): boolean {
  const open = xml.indexOf('<sheetData');
  // The same split as scanSheetSlices': the last </sheetData> (found from the end, not by reading the sheet once more).
  const close = xml.lastIndexOf('</sheetData>');
  const around =
    open < 0 || close < 0
      ? xml.toString('utf8')
      : `${xml.toString('utf8', 0, open)}<sheetData/>${xml.toString('utf8', close + 12)}`;
  try {
    parse(around, {});
    return true;
  } catch {
    return false;
  }
}

function* sheetRows(
  xml: Buffer,
  strings: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean,
  merges: readonly Merge[],
  how: { readonly reader: 'scan' | 'sax'; readonly fallback: (reason: string) => void },
): Generator<readonly RawRow[]> {
  const tops = new Map<Merge, Cell>();
  const fill = (row: RawRow) => (merges.length === 0 ? row : fillMerges(row, merges, tops));
  const makeCell = (c: ScannedCell) => cellValue(c, strings, dateStyles, date1904);
  // The scanner's rows a slice at a time, as they are read, each slice one batch; where it stops (a fallback), SAX
  // reads the sheet from the start and the rows already handed on are passed over: they are SAX's first rows
  // (scanSheetSlices). A reader takes the batches with `for await`, which lets other reads make progress between two.
  let scanned = 0;
  if (how.reader === 'scan') {
    let fallback = wellFormedAround(xml) ? undefined : 'XML around the cells that is not well-formed';
    if (fallback === undefined)
      for (const part of scanSheetSlices(xml, makeCell)) {
        if ('fallback' in part) {
          fallback = part.fallback;
          break;
        }
        scanned += part.rows.length;
        yield merges.length === 0 ? part.rows : part.rows.map(fill);
      }
    if (fallback === undefined) return;
    how.fallback(scanned === 0 ? fallback : `${fallback}, after the ${scanned} rows before it`);
  }
  // SAX reads the whole text: only a sheet the scanner does not handle is decoded whole. Its loop repeats the scanner's
  // rather than both reading from one generator: that second generator cost some 0.08 s of a national reading (6
  // interleaved runs each).
  let batch: RawRow[] = [];
  for (const row of saxSheetRows(xml.toString('utf8'), makeCell)) {
    if (scanned > 0) {
      scanned--;
      continue;
    }
    batch.push(fill(row));
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The rows of a worksheet's XML text by the SAX parser (saxes): the reference the cell scanner is checked against
 * (test/io/scan.test.ts), and the reader of a sheet the scanner leaves to it. Text is fed in slices, the rows parsed so
 * far handed on after each.
 */
export function* saxSheetRows(text: string, makeCell: CellMaker): Generator<RawRow> {
  const grid = new SheetGrid(makeCell);
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const hidden = attribute(tag, 'hidden');
    grid.open(
      local(tag.name),
      attribute(tag, 'r'),
      attribute(tag, 't'),
      attribute(tag, 's'),
      hidden === '1' || hidden === 'true',
    );
  });
  parser.on('text', (chunk) => {
    grid.text(chunk);
  });
  parser.on('closetag', (tag) => {
    grid.close(local(tag.name));
  });
  for (let start = 0; start < text.length; start += SLICE) {
    parser.write(text.slice(start, start + SLICE));
    yield* grid.rows;
    grid.rows.length = 0;
  }
  parser.close();
  yield* grid.rows;
}
