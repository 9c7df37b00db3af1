import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { workbookWriter, xmlEncoder } from './exceljs.js';
import { type RowWriting, directRows, exceljsRows } from './sheet-rows.js';
import { textWidth, widthIsLength } from './terminal.js';
import { type Deflated, type ZipEntry, readZip, redateZip, zipFiles } from './zip.js';
import type { CellValue, Column, Document, KeyValueSheet, TableSheet, TitleBlock } from '../content/document.js';
import { attachedLine, placeAndDate } from '../content/title.js';

/** PaperSize.A4: exceljs declares PaperSize as a const enum, which isolatedModules cannot import. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum cannot be imported; 9 is its A4 member
export const A4 = 9 as ExcelJS.PaperSize;

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
/**
 * The page of every printed sheet: A4 landscape fitted to the page width, narrow side margins; `titleRow` repeats on
 * each page, `centered` centres the table between the margins.
 */
export function a4Landscape(titleRow?: number, centered = false): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRow === undefined ? {} : { printTitlesRow: `${titleRow}:${titleRow}` }),
    ...(centered ? { horizontalCentered: true } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** "Trang 1 / 3" at the foot of each printed page. */
export const PAGE_FOOTER = { oddFooter: '&CTrang &P / &N' };

export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** Points per line of 11-pt Times New Roman with Vietnamese marks above and below (Excel's own row is 15). */
const LINE = 14;

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * The style objects of one font, shared by every cell: exceljs remembers the style id of a style object it has seen
 * (a WeakMap), so one object for 100 000 cells is one lookup each, not one style build.
 */
interface Styles {
  readonly text: Partial<ExcelJS.Style>;
  readonly number: Partial<ExcelJS.Style>;
  readonly numbers: Map<string, Partial<ExcelJS.Style>>;
  readonly header: Partial<ExcelJS.Style>;
  readonly group: Partial<ExcelJS.Style>;
  readonly italic: Partial<ExcelJS.Font>;
  readonly font: string;
}

const stylesByFont = new Map<string, Styles>();
function stylesFor(font: string): Styles {
  let styles = stylesByFont.get(font);
  if (styles === undefined) {
    const plain: Partial<ExcelJS.Font> = { name: font, size: 11 };
    styles = {
      text: { font: plain, alignment: { vertical: 'top', wrapText: true, horizontal: 'left' }, border: BORDER },
      number: { font: plain, alignment: { vertical: 'top', wrapText: true, horizontal: 'right' }, border: BORDER },
      numbers: new Map(),
      header: {
        font: { name: font, size: 11, bold: true },
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        fill: HEADER_FILL,
        border: BORDER,
      },
      group: {
        font: { name: font, size: 11, bold: true },
        alignment: { vertical: 'middle', horizontal: 'left' },
        fill: GROUP_FILL,
        border: BORDER,
      },
      italic: { name: font, size: 11, italic: true },
      font,
    };
    stylesByFont.set(font, styles);
  }
  return styles;
}

function numberStyle(styles: Styles, numFmt: string | undefined): Partial<ExcelJS.Style> {
  if (numFmt === undefined) return styles.number;
  let style = styles.numbers.get(numFmt);
  if (style === undefined) {
    style = { ...styles.number, numFmt };
    styles.numbers.set(numFmt, style);
  }
  return style;
}

/** The characters of one line in a cell `width` units wide (see linesFor). */
const roomIn = (width: number) => Math.max(1, Math.floor(width * 1.25) - 1);

/**
 * How many lines a text takes in a cell `width` characters wide, wrapped at spaces: exceljs leaves row heights
 * to the application, and LibreOffice does not fit them to wrapped text, so the writer sets them. A width unit is
 * a Calibri digit; 11-pt Times New Roman text averages about 1.35 characters per unit (measured on the sample's
 * citations in LibreOffice), counted here as 1.25 less one character of padding, so that the estimate errs on the
 * taller side (a clipped line in Excel is worse than a little white space).
 */
export function linesFor(text: string, width: number): number {
  const room = roomIn(width);
  // Most cells are short: one line, without splitting.
  if (text.length <= room && !text.includes('\n')) return 1;
  // Letters that each take one column (nearly every text) are counted, not measured word by word.
  const counted = widthIsLength(text);
  let lines = 0;
  // Paragraphs between line ends, words between spaces (an empty one where two spaces meet), found by position
  // rather than split into new strings.
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines++;
    let line = 0;
    for (let from = start; from <= end;) {
      let to = text.indexOf(' ', from);
      if (to < 0 || to > end) to = end;
      const length = counted ? to - from : textWidth(text.slice(from, to));
      if (line > 0 && line + 1 + length > room) {
        lines++;
        line = 0;
      }
      if (length > room) {
        lines += Math.ceil(length / room) - 1;
        line = length % room;
      } else line += (line > 0 ? 1 : 0) + length;
      from = to + 1;
    }
    start = end + 1;
  }
  return lines;
}

/**
 * linesFor with the count of each long text kept, for one table: a national table repeats the same few thousand
 * long texts (reasons, citations) in 90 000 cells.
 */
function lineCounter(): (text: string, width: number) => number {
  const byWidth = new Map<number, Map<string, number>>();
  return (text, width) => {
    if (text.length <= roomIn(width) && !text.includes('\n')) return 1;
    let counts = byWidth.get(width);
    if (counts === undefined) byWidth.set(width, (counts = new Map<string, number>()));
    let lines = counts.get(text);
    if (lines === undefined) counts.set(text, (lines = linesFor(text, width)));
    return lines;
  };
}

export const heightFor = (lines: number, size = 11) => Math.ceil(Math.max(1, lines) * LINE * (size / 11) * 10) / 10;

/** The first `count` Roman numerals' worth: 1 → I, 4 → IV, 12 → XII. */
export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let text = '';
  for (const [value, letters] of table)
    while (rest >= value) {
      text += letters;
      rest -= value;
    }
  return text;
}

/** One line of the frame: a text in merged columns `from`–`to`, its row tall enough for the wrapped text. */
export interface FramePart {
  readonly text: string;
  /** The columns it spans (merged when more than one). */
  readonly from: number;
  readonly to: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly align?: 'left' | 'center';
}

export function frameLine(
  ws: ExcelJS.Worksheet,
  widths: readonly number[],
  row: number,
  parts: readonly FramePart[],
  font: string,
): void {
  const line = ws.getRow(row);
  let lines = 1;
  let size = 12;
  for (const part of parts) {
    const cell = line.getCell(part.from);
    cell.value = part.text;
    cell.font = { name: font, size: part.size ?? 12, bold: part.bold ?? false, italic: part.italic ?? false };
    cell.alignment = { horizontal: part.align ?? 'center', vertical: 'middle', wrapText: true };
    if (part.to > part.from) ws.mergeCells(row, part.from, row, part.to);
    const width = widths.slice(part.from - 1, part.to).reduce((sum, w) => sum + w, 0);
    // Larger type takes more room per character.
    lines = Math.max(lines, linesFor(part.text, (width * 11) / (part.size ?? 12)));
    size = Math.max(size, part.size ?? 12);
  }
  line.height = heightFor(lines, size);
  line.commit();
}

/** Where the left block (the issuing body, the preparer) ends: about two fifths of the table's width. */
export function splitAt(widths: readonly number[]): number {
  const total = widths.reduce((sum, w) => sum + w, 0);
  let sum = 0;
  for (let i = 0; i < widths.length - 1; i++) {
    sum += widths[i] ?? 0;
    if (sum >= total * 0.4) return i + 1;
  }
  return Math.max(1, widths.length - 1);
}

/**
 * The frame of a sheet meant for print, after Nghị định 30/2020/NĐ-CP, line by line from row 1 (null: a blank row):
 * the issuing body top left, the national motto top right, the place and date, the title, "(Kèm theo …)", the legal
 * basis and the subtitle, each merged across its columns so that it prints on one line (or wraps inside the table's
 * width). The table's header row comes two rows under the last line.
 */
function frameLines(
  widths: readonly number[],
  block: TitleBlock,
  sheet: { title: string; subtitle?: string | undefined; official?: { basis: string } | undefined },
): (FramePart[] | null)[] {
  const last = widths.length;
  const split = splitAt(widths);
  const official = sheet.official;
  const left = (text: string, bold = false): FramePart => ({ text, from: 1, to: split, bold, size: 12 });
  const right = (text: string, options: { bold?: boolean; italic?: boolean } = {}): FramePart => ({
    text,
    from: split + 1,
    to: last,
    size: 12,
    ...options,
  });
  const across = (text: string, options: { bold?: boolean; italic?: boolean; size?: number } = {}): FramePart[] => [
    { text, from: 1, to: last, ...options },
  ];
  const attached = block.attachedTo ?? attachedLine(block, 'Báo cáo', `……/BC-${block.symbol}`);
  return [
    [
      left(block.province.toUpperCase()),
      ...(official ? [right('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true })] : []),
    ],
    [
      left(block.department.toUpperCase(), true),
      ...(official ? [right('Độc lập - Tự do - Hạnh phúc', { bold: true })] : []),
    ],
    ...(official ? [[right(placeAndDate(block), { italic: true })]] : []),
    null,
    across(sheet.title.toUpperCase(), { bold: true, size: 14 }),
    ...(official ? [across(`(Kèm theo ${attached})`, { italic: true }), across(official.basis, { italic: true })] : []),
    ...(sheet.subtitle !== undefined && sheet.subtitle !== '' ? [across(sheet.subtitle, { size: 11 })] : []),
  ];
}

/** Writes the frame's lines from row 1; returns the table's header row. */
function frameTop(
  ws: ExcelJS.Worksheet,
  widths: readonly number[],
  font: string,
  lines: (FramePart[] | null)[],
): number {
  lines.forEach((parts, i) => {
    if (parts !== null) frameLine(ws, widths, i + 1, parts, font);
  });
  return lines.length + 2;
}

/** The signature block under an official table: the preparer on the left, the signer on the right. */
function signature(ws: ExcelJS.Worksheet, widths: readonly number[], block: TitleBlock, first: number): void {
  const last = widths.length;
  const split = splitAt(widths);
  const font = block.font;
  const { preparer, signerTitle, signer } = block.signature;
  const pair = (row: number, l: string, r: string, options: { bold?: boolean; italic?: boolean }) => {
    frameLine(
      ws,
      widths,
      row,
      [
        { text: l, from: 1, to: split, ...options },
        { text: r, from: split + 1, to: last, ...options },
      ],
      font,
    );
  };
  pair(first, 'NGƯỜI LẬP BIỂU', signerTitle.toUpperCase(), { bold: true });
  pair(first + 1, '(Ký, ghi rõ họ tên)', '(Ký, ghi rõ họ tên, đóng dấu)', { italic: true });
  // Room to sign and stamp.
  for (let row = first + 2; row < first + 6; row++) {
    ws.getRow(row).height = 18;
    ws.getRow(row).commit();
  }
  pair(first + 6, preparer ?? '', signer ?? '', { bold: true });
}

/**
 * Adds a sheet as a Vietnamese office sends it: the frame of Nghị định 30/2020/NĐ-CP (see frameTop), a bold header
 * with filters that repeats on every printed page, rows grouped by block under Roman-numbered rows with STT
 * restarting in each group, borders, row heights set for the wrapped text, the counts under the table and, for an
 * official attachment, the signature block; A4 landscape, fitted to the page width. Every text is a string cell:
 * nothing written here can become a formula. Rows are streamed (exceljs's streaming writer), so a national table
 * of 10 000 persons is never held as a workbook model; the data rows go to the sheet as XML (directRows,
 * sheet-rows.ts), with exceljs's bytes but without its row and cell objects, unless `writing` is 'exceljs'.
 */
export async function addTableSheet(
  workbook: Writer,
  block: TitleBlock,
  sheet: TableSheet,
  writing: RowWriting = 'direct',
): Promise<void> {
  const columns: Column[] = [{ header: 'STT', width: 5 }, ...sheet.columns];
  const widths = columns.map((c) => c.width);
  const last = columns.length;
  const styles = stylesFor(block.font);
  const rows = sheet.rows;
  // The header row: after the frame (known before the sheet is made, for the frozen pane and the print titles).
  const frame = frameLines(widths, block, sheet);
  const headerRow = frame.length + 2;
  const groupCount = sheet.groups === undefined ? 0 : new Set(sheet.groups).size;
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: a4Landscape(headerRow, true),
    headerFooter: PAGE_FOOTER,
  });
  ws.columns = widths.map((width) => ({ width }));
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(rows.length + groupCount, 1), column: last },
  };
  frameTop(ws, widths, block.font, frame);

  const header = ws.getRow(headerRow);
  let headerLines = 1;
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.style = styles.header;
    headerLines = Math.max(headerLines, linesFor(column.header, column.width));
  });
  header.height = heightFor(headerLines);
  header.commit();

  let at = headerRow + 1;
  let group: string | undefined;
  let groupNumber = 0;
  let stt = 0;
  const sink = (writing === 'direct' ? directRows(ws, await xmlEncoder()) : undefined) ?? exceljsRows(ws);
  const countLines = lineCounter();
  // One pair of arrays for every row: the sink reads them before it returns.
  const values: CellValue[] = [];
  const cellStyles: Partial<ExcelJS.Style>[] = [];
  for (let index = 0; index < rows.length; index++) {
    const data = rows[index] ?? [];
    const title = sheet.groups?.[index];
    if (title !== undefined && title !== group) {
      group = title;
      groupNumber++;
      stt = 0;
      // The numeral and the block's name, over cells that all take the group's style.
      values.length = Math.max(last, 2);
      values.fill(null);
      values[0] = roman(groupNumber);
      values[1] = title.toUpperCase();
      cellStyles.length = last;
      cellStyles.fill(styles.group);
      if (sink.write(at++, heightFor(1), values, cellStyles)) await sink.settle();
    }
    stt++;
    let lines = 1;
    // A row as long as its data (and STT), even when that is not the header's length.
    values.length = cellStyles.length = data.length + 1;
    for (let i = 0; i < values.length; i++) {
      const value = i === 0 ? stt : (data[i - 1] ?? null);
      if (typeof value === 'string') {
        values[i] = cellText(value);
        cellStyles[i] = styles.text;
        lines = Math.max(lines, countLines(value, columns[i]?.width ?? 10));
      } else {
        values[i] = value;
        cellStyles[i] = typeof value === 'number' ? numberStyle(styles, columns[i]?.numFmt) : styles.text;
      }
    }
    // A piece of XML went to the zip: its deflating (Node's zlib, on another thread) goes on while the next rows
    // are made, for it needs this thread only between its chunks; when too much XML waits for it, the rows wait.
    if (sink.write(at++, heightFor(lines), values, cellStyles)) await sink.settle();
  }
  sink.end();
  if (rows.length === 0 && sheet.emptyText !== undefined) {
    const row = ws.getRow(at++);
    const cell = row.getCell(2);
    cell.value = sheet.emptyText;
    cell.font = styles.italic;
    row.commit();
  }
  at++;
  for (const total of sheet.totals ?? []) {
    frameLine(ws, widths, at++, [{ text: total, from: 1, to: last, size: 11, align: 'left' }], block.font);
  }
  if (sheet.official !== undefined) signature(ws, widths, block, at + 1);
  ws.commit();
}

/** A sheet of label/value pairs (legal basis, parameters, files), with the same title block. */
export function addKeyValueSheet(workbook: Writer, block: TitleBlock, sheet: KeyValueSheet): void {
  const { name, title, sections } = sheet;
  const styles = stylesFor(block.font);
  const ws = workbook.addWorksheet(name, {
    pageSetup: a4Landscape(),
    headerFooter: PAGE_FOOTER,
  });
  const widths = [38, 100];
  ws.columns = widths.map((width) => ({ width }));
  let row = frameTop(ws, widths, block.font, frameLines(widths, block, { title }));
  for (const section of sections) {
    const heading = ws.getRow(row);
    heading.getCell(1).value = section.heading;
    heading.getCell(1).font = { name: block.font, bold: true, size: 12 };
    heading.height = heightFor(1, 12);
    heading.commit();
    row++;
    for (const [key, value] of section.rows) {
      const line = ws.getRow(row);
      [key, value].forEach((text, i) => {
        const cell = line.getCell(i + 1);
        cell.value = cellText(text);
        cell.style = styles.text;
      });
      line.height = heightFor(Math.max(linesFor(key, widths[0] ?? 38), linesFor(value, widths[1] ?? 100)));
      line.commit();
      row++;
    }
    row++;
  }
  ws.commit();
}

/** The most characters Excel keeps in a cell; a longer text makes it "repair" the file and drop the cell. */
export const CELL_LIMIT = 32_767;
const CUT = ' … [cắt bớt: một ô Excel chứa tối đa 32 767 ký tự; đủ nội dung trong --json]';

/** A text as a cell holds it: whole when it fits Excel's limit, else cut there with a note saying so. */
export function cellText(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  let end = CELL_LIMIT - CUT.length;
  // Not between the two halves of a character outside the BMP.
  if (/[\ud800-\udbff]/u.test(text.charAt(end - 1))) end--;
  return text.slice(0, end) + CUT;
}

/**
 * Renders a document as a workbook, with fixed bytes for fixed content. exceljs's streaming
 * writer deflates the parts (level 6, archiver on Node's zlib) with the clock's dates; redateZip (zip.ts) lays them
 * out again as zipFiles would, with one fixed date on every entry, given in local fields and without the extended
 * Unix timestamp, so neither the wall clock nor the time zone reaches the bytes. The parts are not inflated for it:
 * a national rating workbook's 30 MB of sheet XML is never held whole, only its 2.4 MB deflated.
 */
export async function renderWorkbook(document: Document, writing: RowWriting = 'direct'): Promise<Buffer> {
  const date = documentDate(document.block.year);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const WorkbookWriter = await workbookWriter();
  const workbook = new WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 6 } },
  });
  workbook.creator = 'ict-eval';
  workbook.lastModifiedBy = 'ict-eval';
  workbook.created = date;
  workbook.modified = date;
  for (const sheet of document.sheets) {
    if (sheet.kind === 'table') await addTableSheet(workbook, document.block, sheet, writing);
    else addKeyValueSheet(workbook, document.block, sheet);
  }
  await workbook.commit();
  return redateZip(Buffer.concat(chunks), zipDate(document.block.year));
}

/** The bytes of a workbook built in memory (templates, blank inputs), fixed as renderWorkbook's are. */
export async function workbookBytes(workbook: ExcelJS.Workbook, year: number): Promise<Buffer> {
  const date = documentDate(year);
  workbook.creator = 'ict-eval';
  workbook.lastModifiedBy = 'ict-eval';
  workbook.created = date;
  workbook.modified = date;
  const raw = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return repack(Buffer.from(raw), year);
}

/**
 * Re-packs a zip with one fixed date (31/12 of the year, local fields, no Unix timestamp) on every entry; `edit` may
 * change an entry's bytes on the way (a document's creation date).
 */
export async function repack(
  zip: Buffer,
  year: number,
  edit: (name: string, data: Buffer) => Buffer | Deflated | Promise<Buffer | Deflated> = (_name, data) => data,
): Promise<Buffer> {
  const entries: (ZipEntry | Deflated)[] = [];
  for (const entry of await readZip(zip)) {
    const edited = await edit(entry.name, entry.data);
    entries.push(Buffer.isBuffer(edited) ? { name: entry.name, data: edited } : edited);
  }
  return zipFiles(entries, zipDate(year));
}

/** The date of every entry of a year's zips (workbooks, documents): 31 December of the year, local midnight. */
function zipDate(year: number): Date {
  return new Date(year, 11, 31, 0, 0, 0);
}

/** The fixed date stamped into a year's workbooks: 31 December of the year, midnight UTC. */
export function documentDate(year: number): Date {
  return new Date(Date.UTC(year, 11, 31));
}
