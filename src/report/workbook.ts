import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** PaperSize.A4: exceljs declares PaperSize as a const enum, which isolatedModules cannot import. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum cannot be imported; 9 is its A4 member
const A4 = 9 as ExcelJS.PaperSize;

/** The names in a workbook's title block. */
export interface TitleBlock {
  /** `UBND TỈNH BẮC NINH`. */
  readonly province: string;
  /** `SỞ THÔNG TIN VÀ TRUYỀN THÔNG` (before 2025) or `SỞ KHOA HỌC VÀ CÔNG NGHỆ`. */
  readonly department: string;
  readonly year: number;
}

export type CellValue = string | number | null;

export interface Column {
  readonly header: string;
  /** Width in characters; Vietnamese text wraps within it. */
  readonly width: number;
  /** Number format for numeric cells, e.g. `0.0000`. */
  readonly numFmt?: string;
}

export interface TableSheet {
  readonly kind: 'table';
  /** The sheet's Vietnamese name (≤ 31 characters). */
  readonly name: string;
  readonly title: string;
  /** A line under the title (the year, the legal basis). */
  readonly subtitle?: string;
  readonly columns: readonly Column[];
  /** Data rows without the STT column, which is added. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Shown in the first data row when there are no rows. */
  readonly emptyText?: string;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';
/** Rows of the title block above the table's header row. */
const HEADER_ROW = 6;

/** A sheet of label/value pairs under headings (legal basis, parameters, files). */
export interface KeyValueSheet {
  readonly kind: 'key-value';
  readonly name: string;
  readonly title: string;
  readonly sections: readonly { readonly heading: string; readonly rows: readonly (readonly [string, string])[] }[];
}

/** An output before it is rendered: its title block and its sheets, for a workbook or for CSV files. */
export interface Document {
  readonly block: TitleBlock;
  readonly sheets: readonly (TableSheet | KeyValueSheet)[];
}

/**
 * Adds a sheet as a Vietnamese office sends it: the province and department top left, a title,
 * a bold frozen header with filters, STT numbering, wrapped text, widths that fit, and an A4
 * landscape print setup that repeats the header row on every page. Every text is a string cell:
 * nothing written here can become a formula.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, block: TitleBlock, sheet: TableSheet): ExcelJS.Worksheet {
  const columns: Column[] = [{ header: 'STT', width: 6 }, ...sheet.columns];
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
  const last = columns.length;

  const put = (row: number, text: string, options: { bold?: boolean; size?: number; merge?: boolean; center?: boolean }) => {
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size: options.size ?? 12, bold: options.bold ?? false };
    cell.alignment = { horizontal: options.center ? 'center' : 'left', vertical: 'middle', wrapText: true };
    if (options.merge === true) ws.mergeCells(row, 1, row, last);
  };
  put(1, block.province.toUpperCase(), { size: 12 });
  put(2, block.department.toUpperCase(), { bold: true, size: 12 });
  put(3, sheet.title.toUpperCase(), { bold: true, size: 14, merge: true, center: true });
  put(4, sheet.subtitle ?? `Năm đánh giá: ${block.year}`, { size: 12, merge: true, center: true });
  ws.getRow(3).height = 22;

  const header = ws.getRow(HEADER_ROW);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = BORDER;
  });
  header.height = 32;

  const rows = sheet.rows.length > 0 ? sheet.rows : [];
  rows.forEach((values, index) => {
    const row = ws.getRow(HEADER_ROW + 1 + index);
    [index + 1, ...values].forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: typeof value === 'number' ? 'right' : 'left' };
      cell.border = BORDER;
      const numFmt = columns[i]?.numFmt;
      if (numFmt !== undefined && typeof value === 'number') cell.numFmt = numFmt;
    });
  });
  if (rows.length === 0 && sheet.emptyText !== undefined) {
    const cell = ws.getCell(HEADER_ROW + 1, 2);
    cell.value = sheet.emptyText;
    cell.font = { name: FONT, size: 11, italic: true };
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + Math.max(rows.length, 1), column: last } };
  return ws;
}

/** A sheet of label/value pairs (legal basis, parameters, files), with the same title block. */
export function addKeyValueSheet(workbook: ExcelJS.Workbook, block: TitleBlock, sheet: KeyValueSheet): void {
  const { name, title, sections } = sheet;
  const ws = workbook.addWorksheet(name, {
    pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 38 }, { width: 100 }];
  ws.getCell(1, 1).value = block.province.toUpperCase();
  ws.getCell(2, 1).value = block.department.toUpperCase();
  ws.getCell(2, 1).font = { name: FONT, bold: true, size: 12 };
  ws.getCell(1, 1).font = { name: FONT, size: 12 };
  ws.getCell(3, 1).value = title.toUpperCase();
  ws.getCell(3, 1).font = { name: FONT, bold: true, size: 14 };
  let row = 5;
  for (const section of sections) {
    const heading = ws.getCell(row, 1);
    heading.value = section.heading;
    heading.font = { name: FONT, bold: true, size: 12 };
    row++;
    for (const [key, value] of section.rows) {
      const k = ws.getCell(row, 1);
      const v = ws.getCell(row, 2);
      k.value = key;
      v.value = value;
      k.font = { name: FONT, size: 11 };
      v.font = { name: FONT, size: 11 };
      k.alignment = { vertical: 'top', wrapText: true };
      v.alignment = { vertical: 'top', wrapText: true };
      k.border = BORDER;
      v.border = BORDER;
      row++;
    }
    row++;
  }
}

/**
 * The workbook's bytes, the same for the same content: the document dates are fixed, and the
 * zip is re-packed with one fixed date on every entry (exceljs stamps `new Date()` into it).
 */
export async function workbookBytes(workbook: ExcelJS.Workbook, date: Date): Promise<Buffer> {
  workbook.creator = 'ict-eval';
  workbook.lastModifiedBy = 'ict-eval';
  workbook.created = date;
  workbook.modified = date;
  const raw = await workbook.xlsx.writeBuffer();
  const source = await JSZip.loadAsync(raw);
  const packed = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    packed.file(entry.name, await entry.async('nodebuffer'), { date, createFolders: false });
  }
  return packed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** Renders a document as a workbook, with fixed bytes for fixed content. */
export async function renderWorkbook(document: Document): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of document.sheets) {
    if (sheet.kind === 'table') addTableSheet(workbook, document.block, sheet);
    else addKeyValueSheet(workbook, document.block, sheet);
  }
  return workbookBytes(workbook, documentDate(document.block.year));
}

/** The fixed date stamped into a year's workbooks: 31 December of the year, midnight UTC. */
export function documentDate(year: number): Date {
  return new Date(Date.UTC(year, 11, 31));
}
