import type ExcelJS from 'exceljs';
import { textWidth, widthIsLength } from './terminal.js';

/** PaperSize.A4: exceljs declares PaperSize as a const enum, which isolatedModules cannot import. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum cannot be imported; 9 is its A4 member
export const A4 = 9 as ExcelJS.PaperSize;

export const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };

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

/** Points per line of 11-pt Times New Roman with Vietnamese marks above and below (Excel's own row is 15). */
export const LINE = 14;

/** The characters of one line in a cell `width` units wide (see linesFor). */
export const roomIn = (width: number) => Math.max(1, Math.floor(width * 1.25) - 1);

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
export function lineCounter(): (text: string, width: number) => number {
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

/** The most characters Excel keeps in a cell; a longer text makes it "repair" the file and drop the cell. */
export const CELL_LIMIT = 32_767;

export const CUT = ' … [cắt bớt: một ô Excel chứa tối đa 32 767 ký tự; đủ nội dung trong --json]';

/** A text as a cell holds it: whole when it fits Excel's limit, else cut there with a note saying so. */
export function cellText(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  let end = CELL_LIMIT - CUT.length;
  // Not between the two halves of a character outside the BMP.
  if (/[\ud800-\udbff]/u.test(text.charAt(end - 1))) end--;
  return text.slice(0, end) + CUT;
}
