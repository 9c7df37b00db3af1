import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Column, Document, KeyValueSheet, TableSheet, TitleBlock } from '../content/document.js';

/** PaperSize.A4: exceljs declares PaperSize as a const enum, which isolatedModules cannot import. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum cannot be imported; 9 is its A4 member
const A4 = 9 as ExcelJS.PaperSize;

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';
/** Rows of the title block above the table's header row. */
const HEADER_ROW = 6;

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

// Style objects shared by every cell: exceljs's style registry then sees one object per style.
const TEXT_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11 };
const ITALIC_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11, italic: true };
const HEADER_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11, bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const HEADER_ALIGNMENT: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const TEXT_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true, horizontal: 'left' };
const NUMBER_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true, horizontal: 'right' };
/**
 * Whole style objects given to every data cell: exceljs remembers the style id of a style object
 * it has seen (a WeakMap), so one object for 100 000 cells is one lookup each, not one style build.
 */
const TEXT_STYLE: Partial<ExcelJS.Style> = { font: TEXT_FONT, alignment: TEXT_ALIGNMENT, border: BORDER };
const NUMBER_STYLE: Partial<ExcelJS.Style> = { font: TEXT_FONT, alignment: NUMBER_ALIGNMENT, border: BORDER };
const numberStyles = new Map<string, Partial<ExcelJS.Style>>();
function numberStyle(numFmt: string | undefined): Partial<ExcelJS.Style> {
  if (numFmt === undefined) return NUMBER_STYLE;
  let style = numberStyles.get(numFmt);
  if (style === undefined) {
    style = { ...NUMBER_STYLE, numFmt };
    numberStyles.set(numFmt, style);
  }
  return style;
}

function titleLine(
  ws: ExcelJS.Worksheet,
  row: number,
  text: string,
  options: { bold?: boolean; size?: number; merge?: number; center?: boolean; height?: number },
): void {
  const line = ws.getRow(row);
  const cell = line.getCell(1);
  cell.value = text;
  cell.font = { name: FONT, size: options.size ?? 12, bold: options.bold ?? false };
  cell.alignment = { horizontal: options.center === true ? 'center' : 'left', vertical: 'middle', wrapText: true };
  if (options.merge !== undefined) ws.mergeCells(row, 1, row, options.merge);
  if (options.height !== undefined) line.height = options.height;
  line.commit();
}

/**
 * Adds a sheet as a Vietnamese office sends it: the province and department top left, a title,
 * a bold frozen header with filters, STT numbering, wrapped text, widths that fit, and an A4
 * landscape print setup that repeats the header row on every page. Every text is a string cell:
 * nothing written here can become a formula. Rows are streamed (exceljs's streaming writer), so a
 * national table of 10 000 persons is never held as a workbook model.
 */
export function addTableSheet(workbook: Writer, block: TitleBlock, sheet: TableSheet): void {
  const columns: Column[] = [{ header: 'STT', width: 6 }, ...sheet.columns];
  const last = columns.length;
  const rows = sheet.rows;
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P / &N' },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(rows.length, 1), column: last },
  };

  titleLine(ws, 1, block.province.toUpperCase(), {});
  titleLine(ws, 2, block.department.toUpperCase(), { bold: true });
  titleLine(ws, 3, sheet.title.toUpperCase(), { bold: true, size: 14, merge: last, center: true, height: 22 });
  titleLine(ws, 4, sheet.subtitle ?? `Năm đánh giá: ${block.year}`, { merge: last, center: true });

  const header = ws.getRow(HEADER_ROW);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = HEADER_FONT;
    cell.alignment = HEADER_ALIGNMENT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  header.height = 32;
  header.commit();

  rows.forEach((values, index) => {
    const row = ws.getRow(HEADER_ROW + 1 + index);
    for (let i = 0; i <= values.length; i++) {
      const value = i === 0 ? index + 1 : (values[i - 1] ?? null);
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.style = typeof value === 'number' ? numberStyle(columns[i]?.numFmt) : TEXT_STYLE;
    }
    row.commit();
  });
  if (rows.length === 0 && sheet.emptyText !== undefined) {
    const row = ws.getRow(HEADER_ROW + 1);
    const cell = row.getCell(2);
    cell.value = sheet.emptyText;
    cell.font = ITALIC_FONT;
    row.commit();
  }
  ws.commit();
}

/** A sheet of label/value pairs (legal basis, parameters, files), with the same title block. */
export function addKeyValueSheet(workbook: Writer, block: TitleBlock, sheet: KeyValueSheet): void {
  const { name, title, sections } = sheet;
  const ws = workbook.addWorksheet(name, {
    pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 38 }, { width: 100 }];
  titleLine(ws, 1, block.province.toUpperCase(), {});
  titleLine(ws, 2, block.department.toUpperCase(), { bold: true });
  titleLine(ws, 3, title.toUpperCase(), { bold: true, size: 14 });
  let row = 5;
  for (const section of sections) {
    const heading = ws.getRow(row);
    heading.getCell(1).value = section.heading;
    heading.getCell(1).font = { name: FONT, bold: true, size: 12 };
    heading.commit();
    row++;
    for (const [key, value] of section.rows) {
      const line = ws.getRow(row);
      [key, value].forEach((text, i) => {
        const cell = line.getCell(i + 1);
        cell.value = text;
        cell.style = TEXT_STYLE;
      });
      line.commit();
      row++;
    }
    row++;
  }
  ws.commit();
}

/** The entries of a zip held in memory, in order (exceljs's output, stored uncompressed). */
function zipEntries(zip: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err !== null) {
        reject(err);
        return;
      }
      const entries: { name: string; data: Buffer }[] = [];
      file.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          file.readEntry();
          return;
        }
        file.openReadStream(entry, (error, stream) => {
          if (error !== null) {
            reject(error);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            file.readEntry();
          });
          stream.on('error', reject);
        });
      });
      file.on('end', () => {
        resolve(entries);
      });
      file.on('error', reject);
      file.readEntry();
    });
  });
}

/**
 * Renders a document as a workbook, with fixed bytes for fixed content. exceljs's streaming
 * writer stores the parts uncompressed with the clock's dates; they are re-packed with yazl
 * (Node's own zlib) with one fixed date on every entry, given in local fields and without the
 * extended Unix timestamp, so neither the wall clock nor the time zone reaches the bytes.
 */
export async function renderWorkbook(document: Document): Promise<Buffer> {
  const date = documentDate(document.block.year);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
    zip: { store: true },
  });
  workbook.creator = 'ict-eval';
  workbook.lastModifiedBy = 'ict-eval';
  workbook.created = date;
  workbook.modified = date;
  for (const sheet of document.sheets) {
    if (sheet.kind === 'table') addTableSheet(workbook, document.block, sheet);
    else addKeyValueSheet(workbook, document.block, sheet);
  }
  await workbook.commit();
  return repack(Buffer.concat(chunks), document.block.year);
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

/** Re-packs a zip with one fixed date (31/12 of the year, local fields, no Unix timestamp) on every entry. */
async function repack(zip: Buffer, year: number): Promise<Buffer> {
  const entries = await zipEntries(zip);
  const packed = new yazl.ZipFile();
  const local = new Date(year, 11, 31, 0, 0, 0);
  for (const entry of entries)
    packed.addBuffer(entry.data, entry.name, { mtime: local, forceDosTimestamp: true, compress: true });
  packed.end();
  const out: Buffer[] = [];
  for await (const chunk of packed.outputStream) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

/** The fixed date stamped into a year's workbooks: 31 December of the year, midnight UTC. */
export function documentDate(year: number): Date {
  return new Date(Date.UTC(year, 11, 31));
}
