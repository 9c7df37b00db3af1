import type { SourceRef } from '../../domain.js';
import type { Cell, RawSheet } from '../cells.js';
import { matchKey, normalizeUnitCode } from '../normalize.js';
import { type Problem, error, warning } from '../../problems.js';
import { cellText } from './header.js';

export function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

/**
 * Texts of the closing block of an official document (NĐ 30/2020: "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. GIÁM
 * ĐỐC", "PHÓ GIÁM ĐỐC", "NGƯỜI LẬP BIỂU"): where one is, the table has ended.
 */
export const SIGNATURE =
  /^(noi nhan|nhu tren|luu vt|luu van thu|nguoi lap bieu|nguoi lap|kt giam doc|kt chu tich|kt truong|tm uy ban nhan dan|tm ubnd|tl giam doc|tuq|q giam doc|giam doc|pho giam doc|chu tich|pho chu tich|thu truong don vi|xac nhan cua|ky ghi ro ho ten|ky ten dong dau)\b/u;

/** What the closing block's first column may hold instead of a code: "Nơi nhận:" (NĐ 30/2020 puts it there), "- Như trên;". */
export const CLOSING_IN_CODE =
  /^(noi nhan|nhu tren|luu vt|luu van thu|kt giam doc|kt chu tich|tm uy ban nhan dan|tm ubnd|nguoi lap bieu)\b/u;

/** A group row inside a table ("I. KHỐI SỞ, BAN, NGÀNH", "B. Khối huyện"), by its match key. */
export const GROUP_ROW = /^(?:(?:[ivxlc]+|[a-h]|\d{1,2})\s+)?(?:khoi|nhom|cum|khu vuc)\b/u;

/** A total or average row ("Tổng cộng", "Trung bình"), by the match key of its whole label. */
export const TOTAL_ROW =
  /^(?:tong cong|tong so|tong|cong|trung binh|binh quan|diem trung binh|trung binh chung|total|average|mean)$/u;

/** What the code column of a group row may hold: nothing, or its numeral ("I", "II.", "A"). */
export const GROUP_NUMERAL = /^(?:[ivxlc]+|[a-h])$/u;

/**
 * Whether a row is a heading inside the table ("Mục 1. Hạ tầng thông tin", as the templates group the items): one
 * text cell naming a section, nothing else. A row with anything more is data, and is read (and checked) as such.
 */
export function isSectionHeading(cells: readonly Cell[]): boolean {
  // Counted without a copy of the row: every data row of a national year (440 000) is looked at here.
  let filled: Cell | undefined;
  for (const cell of cells) {
    if (cell === null || cellText(cell).trim() === '') continue;
    if (filled !== undefined) return false;
    filled = cell;
  }
  return filled !== undefined && /^muc \d+\b/u.test(matchKey(cellText(filled)));
}

/**
 * Whether a row opens the closing block: "Nơi nhận:" (or another of its texts) in the code column, where NĐ 30/2020
 * puts it; or no code and a closing text anywhere ("KT. GIÁM ĐỐC" further right).
 */
export function isSignature(cells: readonly Cell[], codeIndex: number | undefined): boolean {
  if (codeIndex !== undefined) {
    const code = matchKey(cellText(cells[codeIndex]));
    if (code !== '') return CLOSING_IN_CODE.test(code);
  }
  return cells.some((cell) => SIGNATURE.test(matchKey(cellText(cell))));
}

/**
 * Whether a row is a group row ("I. KHỐI SỞ, BAN, NGÀNH") or a total or average row ("Tổng cộng", "Trung bình") of the
 * table (product.md v3): no code (or only the group's numeral) and such a label. Not data; a row with a code always is.
 */
export function isGroupOrTotal(cells: readonly Cell[], codeIndex: number | undefined): boolean {
  if (codeIndex === undefined) return false;
  const code = matchKey(cellText(cells[codeIndex]));
  if (code !== '' && !GROUP_NUMERAL.test(code)) return false;
  return cells.some((cell, i) => {
    if (i === codeIndex || typeof cell !== 'string') return false;
    const key = matchKey(cell);
    return GROUP_ROW.test(key) || TOTAL_ROW.test(key);
  });
}

/** A row's cells under the spec's columns, as one text: two rows with the same one hold the same data. */
export function rowSignature(keyed: readonly (readonly [string, number])[], cells: readonly Cell[]): string {
  return JSON.stringify(keyed.map(([, index]) => cells[index] ?? null));
}

/** "dòng 12, 15–17" / "rows 12, 15–17": row numbers, runs of consecutive ones joined. */
export function rowRuns(rows: readonly number[], lang: 'vi' | 'en'): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === (rows[j] ?? 0) + 1) j++;
    runs.push(j === i ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  const shown = runs.length > 8 ? [...runs.slice(0, 8), '…'] : runs;
  return `${lang === 'vi' ? 'dòng' : rows.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}`;
}

/**
 * The rows of a table hidden in its sheet (product.md v3: hidden rows are hidden data, like hidden columns; rows an
 * AutoFilter filters out are hidden too): one error per sheet for those holding data no visible row holds, one warning
 * for exact copies of a visible row (a copy kept out of sight). The visible rows are read again only then.
 */
export async function hiddenRowProblems(
  sheet: RawSheet,
  keyed: readonly (readonly [string, number])[],
  headerRow: number,
  hidden: readonly { row: number; signature: string; code: string }[],
  place: (row: number) => SourceRef,
): Promise<Problem[]> {
  const visible = new Set<string>();
  if (sheet.again !== undefined)
    for await (const batch of sheet.again())
      for (const raw of batch)
        if (raw.row > headerRow && raw.hidden !== true && !isBlank(raw.cells))
          visible.add(rowSignature(keyed, raw.cells));
  const copies = hidden.filter((h) => visible.has(h.signature));
  const data = hidden.filter((h) => !visible.has(h.signature));
  const problems: Problem[] = [];
  const first = data[0];
  if (first !== undefined) {
    const rows = data.map((h) => h.row);
    const codes = [...new Set(data.map((h) => normalizeUnitCode(h.code)).filter((c) => c !== ''))];
    const which = codes.length === 0 ? '' : ` (${codes.slice(0, 8).join(', ')}${codes.length > 8 ? ', …' : ''})`;
    problems.push(
      error(
        'hidden-row',
        {
          vi: `${rowRuns(rows, 'vi')}${which} đang bị ẩn (ẩn dòng, hoặc bị lọc bởi AutoFilter) nhưng có dữ liệu: công cụ không đọc dữ liệu mà người kiểm tra không nhìn thấy. Nếu ${rows.length === 1 ? 'dòng này' : 'các dòng này'} đúng, hãy bỏ ẩn (Unhide) hoặc bỏ lọc (Clear Filter); nếu là dữ liệu cũ, hãy xoá.`,
          en: `${rowRuns(rows, 'en')}${which} ${rows.length === 1 ? 'is' : 'are'} hidden (hidden rows, or filtered out by an AutoFilter) but hold data: the tool does not read data the reviewer cannot see. If ${rows.length === 1 ? 'it is' : 'they are'} right, unhide ${rows.length === 1 ? 'it' : 'them'} or clear the filter; if old, delete ${rows.length === 1 ? 'it' : 'them'}.`,
        },
        place(first.row),
      ),
    );
    // The units of those rows miss what the rows hold (a score, a fact): this error says why, not a gap of each.
    const last = problems.length - 1;
    const hiddenError = problems[last];
    if (hiddenError !== undefined) problems[last] = { ...hiddenError, units: codes, covers: ['*'] };
  }
  const copy = copies[0];
  if (copy !== undefined) {
    const rows = copies.map((h) => h.row);
    problems.push(
      warning(
        'hidden-duplicate-row',
        {
          vi: `${rowRuns(rows, 'vi')} đang bị ẩn và giống hệt một dòng không ẩn của bảng: không đọc (dòng không ẩn được đọc). Nên xoá ${rows.length === 1 ? 'dòng' : 'các dòng'} ẩn.`,
          en: `${rowRuns(rows, 'en')} ${rows.length === 1 ? 'is' : 'are'} hidden and the same as a visible row of the table: not read (the visible row is). Delete the hidden ${rows.length === 1 ? 'row' : 'rows'}.`,
        },
        place(copy.row),
      ),
    );
  }
  return problems;
}
