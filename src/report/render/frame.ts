import type ExcelJS from 'exceljs';
import type { TitleBlock } from '../content/document.js';
import { attachedLine, placeAndDate } from '../content/title.js';
import { linesFor, heightFor } from './layout.js';

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
export function frameLines(
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
export function frameTop(
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
export function signature(ws: ExcelJS.Worksheet, widths: readonly number[], block: TitleBlock, first: number): void {
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
