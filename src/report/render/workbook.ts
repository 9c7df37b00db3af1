import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { workbookWriter, xmlEncoder } from './exceljs.js';
import { type RowSink, type RowWriting, directRows, exceljsRows } from './sheet-rows.js';
import { type Deflated, type ZipEntry, readZip, redateZip, zipFiles } from './zip.js';
import type { CellValue, Column, Document, KeyValueSheet, TableSheet, TitleBlock } from '../content/document.js';
import { a4Landscape, PAGE_FOOTER, BORDER, linesFor, lineCounter, heightFor, roman, cellText } from './layout.js';
import { frameLine, frameLines, frameTop, signature } from './frame.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

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

/**
 * The data rows of a table sheet, from row `from`: each group's row (its Roman numeral and name) where the group
 * changes, then each row with its STT, styles and height. Returns the row after the last. Apart from addTableSheet,
 * which runs once per sheet: V8 optimised the loop there with the rest of the function around it, and each sheet then
 * met code the first had not run (its groups, its totals, the end of its rows) and threw the optimised code away —
 * five compiles of the whole function in a national run (issue #38).
 */
async function writeDataRows(
  sink: RowSink,
  sheet: TableSheet,
  columns: readonly Column[],
  styles: Styles,
  from: number,
): Promise<number> {
  const rows = sheet.rows;
  const last = columns.length;
  let at = from;
  let group: string | undefined;
  let groupNumber = 0;
  let stt = 0;
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
  return at;
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

  const sink = (writing === 'direct' ? directRows(ws, await xmlEncoder()) : undefined) ?? exceljsRows(ws);
  let at = await writeDataRows(sink, sheet, columns, styles, headerRow + 1);
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

export { A4, a4Landscape, PAGE_FOOTER, BORDER, linesFor, heightFor, roman, CELL_LIMIT, cellText } from './layout.js';

export { frameLine, splitAt } from './frame.js';
export type { FramePart } from './frame.js';
