import { z } from 'zod';
import type { Block, ItemStatus, Role } from '../domain.js';
import type { BlockDef, UnitKindDef } from '../rules/regulation.js';
import { type BadCell, type Cell, MAX_CELL_CHARS, isBadCell } from './cells.js';
import type { Words } from '../problems.js';
import {
  ACCEPTED,
  acceptedBlocks,
  blockParser,
  cleanText,
  isBlankText,
  kindParser,
  matchKey,
  normalizeUnitCode,
  parseFlag,
  parseNumberText,
  parseRole,
  parseStatus,
  revealed,
} from './normalize.js';

type Converted<T> = { readonly ok: T } | { readonly error: Words };

/** A cell once a formula error or a formula without a cached result has been ruled out. */
type PlainCell = Exclude<Cell, BadCell>;

function shown(cell: PlainCell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return revealed(String(cell));
}

/** What a cell field does to one cell: its value, or why not (the words of the located problem). */
export type CellConverter = (cell: Cell | undefined) => { readonly ok: unknown } | { readonly error: Words };

/** Each cell field's conversion, by its schema: what a row's compiled converter calls instead of a zod parse. */
const CONVERTERS = new WeakMap<z.ZodType, CellConverter>();

/** The words for a cell that holds a formula without its result, or an error value. */
function badCellWords(cell: BadCell): Words {
  if (cell.bad === 'too-long')
    return {
      vi: `ô có ${Number(cell.detail).toLocaleString('vi-VN')} ký tự, vượt giới hạn ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự của một ô Excel: không đọc. Hãy kiểm tra ô này (có thể bị dán nhầm cả một văn bản).`,
      en: `the cell holds ${Number(cell.detail).toLocaleString('en')} characters, over Excel's limit of ${MAX_CELL_CHARS.toLocaleString('en')} for a cell: not read. Check the cell (a whole document may have been pasted into it).`,
    };
  return cell.bad === 'formula-without-result'
    ? {
        vi: `ô chứa công thức ${cell.detail} nhưng không có kết quả lưu sẵn; hãy mở tệp bằng Excel hoặc LibreOffice, để công thức tính xong rồi lưu lại.`,
        en: `the cell holds the formula ${cell.detail} without a saved result; open the file in Excel or LibreOffice, let it calculate, and save it.`,
      }
    : { vi: `ô có giá trị lỗi ${cell.detail}.`, en: `the cell holds the error value ${cell.detail}.` };
}

/**
 * A zod schema for one cell, from a conversion that either succeeds or says why not, in Vietnamese. The zod schema is
 * the definition (rows are z.object of these); the same conversion is registered for compiledRow, which applies it
 * without zod on the read's hot path.
 */
function cellField<T>(convert: (cell: PlainCell) => Converted<T>) {
  const converter: CellConverter = (cell) =>
    cell !== null && cell !== undefined && isBadCell(cell) ? { error: badCellWords(cell) } : convert(cell ?? null);
  const schema = z
    .custom<Cell>(() => true)
    .transform((cell, ctx): T => {
      const converted = converter(cell);
      if ('error' in converted) {
        ctx.addIssue({ code: 'custom', message: converted.error.vi, params: { en: converted.error.en } });
        return z.NEVER;
      }
      return converted.ok as T;
    });
  CONVERTERS.set(schema, converter);
  return schema;
}

/** A row's conversion compiled from its z.object of cell fields: each key's converter, in the shape's order. */
export type CompiledRow = readonly (readonly [key: string, convert: CellConverter])[];

const COMPILED = new WeakMap<z.ZodType, CompiledRow | null>();

/**
 * The compiled form of a row schema, built once per schema: undefined when the schema is not a z.object whose every
 * field is a cell field (then zod parses the row). A test checks that it gives zod's values and issues, in zod's order.
 */
export function compiledRow(schema: z.ZodType): CompiledRow | undefined {
  const known = COMPILED.get(schema);
  if (known !== undefined) return known ?? undefined;
  let compiled: CompiledRow | null = null;
  if (schema instanceof z.ZodObject) {
    const entries = Object.entries(schema.shape as Record<string, z.ZodType>).map(
      ([key, field]) => [key, CONVERTERS.get(field)] as const,
    );
    if (entries.every(([, convert]) => convert !== undefined))
      compiled = entries.map(([key, convert]) => [key, convert as CellConverter] as const);
  }
  COMPILED.set(schema, compiled);
  return compiled ?? undefined;
}

const isEmpty = (cell: PlainCell): boolean => cell === null || (typeof cell === 'string' && isBlankText(cell));

/** Free text: NFC, spaces folded; blank is the empty string; a date is written dd/mm/yyyy. */
export const textField = cellField<string>((cell) => {
  if (cell === null) return { ok: '' };
  if (cell instanceof Date) {
    const d = cell;
    return {
      ok: `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`,
    };
  }
  return { ok: cleanText(String(cell)) };
});

/** Text that must be there. */
export const requiredTextField = (what: Words) =>
  cellField<string>((cell) => {
    if (isEmpty(cell)) return { error: { vi: `thiếu ${what.vi}.`, en: `${what.en} is missing.` } };
    return { ok: cleanText(cell instanceof Date ? cell.toISOString() : String(cell)) };
  });

/** A unit code: trimmed, upper case; numbers are taken as written. */
export const unitCodeField = cellField<string>((cell) => {
  if (isEmpty(cell)) return { error: { vi: 'thiếu mã đơn vị.', en: 'the unit code is missing.' } };
  if (cell instanceof Date || typeof cell === 'boolean')
    return { error: { vi: `mã đơn vị ${shown(cell)} không hợp lệ.`, en: `unit code ${shown(cell)} is not valid.` } };
  return { ok: normalizeUnitCode(String(cell)) };
});

/**
 * An item code `1.1` … `4.6`: from text (also `1,1`), or from a number (1.1). A date means Excel
 * converted what was typed: the cell must be formatted as text.
 */
export const itemCodeField = cellField<string>((cell) => {
  if (isEmpty(cell)) return { error: { vi: 'thiếu mã tiêu chí.', en: 'the item code is missing.' } };
  if (cell instanceof Date) {
    return {
      error: {
        vi: `mã tiêu chí đã bị Excel đổi thành ngày (${shown(cell)}); hãy định dạng cột "Mã tiêu chí" là Văn bản (Text) rồi nhập lại, ví dụ 1.1.`,
        en: `Excel turned the item code into a date (${shown(cell)}); format the "Mã tiêu chí" column as Text and type it again, e.g. 1.1.`,
      },
    };
  }
  if (typeof cell !== 'string' && typeof cell !== 'number')
    return { error: { vi: `mã tiêu chí ${shown(cell)} không hợp lệ.`, en: `item code ${shown(cell)} is not valid.` } };
  const text =
    typeof cell === 'number'
      ? String(cell)
      : ITEM_CODE_AS_IS.test(cell)
        ? cell
        : cleanText(cell).replace(/\s+/gu, '').replace(',', '.').replace(/\.$/u, '');
  return { ok: text };
});

/** An item code as it is written most often ("1.1", "4.10"): what the cleaning below leaves as it is. */
const ITEM_CODE_AS_IS = /^\d+(?:\.\d+)*$/u;

/** An item status; blank is null (missing data, never "met"). */
export const statusField = cellField<ItemStatus | null>((cell) => {
  if (isEmpty(cell)) return { ok: null };
  const status = typeof cell === 'string' ? parseStatus(cell) : undefined;
  return status === undefined
    ? {
        error: {
          vi: `giá trị ${shown(cell)} không phải là trạng thái hợp lệ; cần ${ACCEPTED.status}.`,
          en: `${shown(cell)} is not a valid status; expected ${ACCEPTED.status}.`,
        },
      }
    : { ok: status };
});

/** A yes/no flag; blank is no. */
export const flagField = cellField<boolean>((cell) => {
  if (isEmpty(cell)) return { ok: false };
  if (typeof cell === 'boolean') return { ok: cell };
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return { ok: cell === 1 };
  const flag = typeof cell === 'string' ? parseFlag(cell) : undefined;
  return flag === undefined
    ? {
        error: {
          vi: `giá trị ${shown(cell)} không hợp lệ; cần ${ACCEPTED.flag}.`,
          en: `${shown(cell)} is not valid; expected ${ACCEPTED.flag}.`,
        },
      }
    : { ok: flag };
});

/** A block of the run: one the regulation names, or one declared in the configuration. */
export const blockField = (blocks: readonly BlockDef[]) => {
  const parse = blockParser(blocks);
  const accepted = acceptedBlocks(blocks);
  return cellField<Block>((cell) => {
    if (isEmpty(cell))
      return { error: { vi: `thiếu khối; cần ${accepted}.`, en: `the block is missing; expected ${accepted}.` } };
    const block = typeof cell === 'string' ? parse(cell) : undefined;
    return block === undefined
      ? {
          error: {
            vi: `khối ${shown(cell)} không hợp lệ; cần ${accepted}.`,
            en: `block ${shown(cell)} is not valid; expected ${accepted}.`,
          },
        }
      : { ok: block };
  });
};

export const roleField = cellField<Role>((cell) => {
  if (isEmpty(cell))
    return {
      error: { vi: `thiếu vai trò; cần ${ACCEPTED.role}.`, en: `the role is missing; expected ${ACCEPTED.role}.` },
    };
  const role = typeof cell === 'string' ? parseRole(cell) : undefined;
  return role === undefined
    ? {
        error: {
          vi: `vai trò ${shown(cell)} không hợp lệ; cần ${ACCEPTED.role}.`,
          en: `role ${shown(cell)} is not valid; expected ${ACCEPTED.role}.`,
        },
      }
    : { ok: role };
});

/** A score cell that says the unit is not ranked in the index (`Không xếp hạng`). */
export const NOT_RANKED = 'not-ranked';

/**
 * A score: a number, a formula's cached number, or text with a decimal comma; blank is null (no
 * score); `Không xếp hạng` (or `KXH`) says the unit is not ranked in the index at all.
 */
export const scoreField = cellField<number | null | typeof NOT_RANKED>((cell) => {
  if (isEmpty(cell)) return { ok: null };
  if (typeof cell === 'number')
    return Number.isFinite(cell) && cell >= 0
      ? { ok: cell }
      : { error: { vi: `điểm ${shown(cell)} không hợp lệ.`, en: `score ${shown(cell)} is not valid.` } };
  if (typeof cell === 'string' && ['khong xep hang', 'kxh', 'not ranked'].includes(matchKey(cell)))
    return { ok: NOT_RANKED };
  // A percentage written as text ("77,05%") is the percentage a cell formatted as one holds (0.7705; product.md v3).
  const percent = typeof cell === 'string' ? /^(.*\d)\s*%$/u.exec(cell.trim()) : null;
  const number = typeof cell === 'string' ? parseNumberText(percent?.[1] ?? cell) : undefined;
  const value = number === undefined || percent === null ? number : Number((number / 100).toPrecision(15));
  if (value === undefined)
    return {
      error: {
        vi: `điểm ${shown(cell)} không phải là số (hoặc "Không xếp hạng").`,
        en: `score ${shown(cell)} is not a number (or "Không xếp hạng").`,
      },
    };
  return value >= 0
    ? { ok: value }
    : { error: { vi: `điểm ${shown(cell)} âm.`, en: `score ${shown(cell)} is negative.` } };
});

/** An official rank: a whole number from 1; blank is null. */
export const rankField = cellField<number | null>((cell) => {
  if (isEmpty(cell)) return { ok: null };
  const value = typeof cell === 'number' ? cell : typeof cell === 'string' ? parseNumberText(cell) : undefined;
  if (value === undefined || !Number.isInteger(value) || value < 1)
    return {
      error: {
        vi: `hạng ${shown(cell)} không phải là số nguyên dương.`,
        en: `rank ${shown(cell)} is not a positive whole number.`,
      },
    };
  return { ok: value };
});

/** Loại đơn vị: one of the regulation's unit kinds; blank is null (the block's default applies, with a warning). */
export const kindField = (kinds: readonly UnitKindDef[]) => {
  const parse = kindParser(kinds);
  const accepted = kinds.map((k) => `"${k.vi}"`).join(', ');
  return cellField<string | null>((cell) => {
    if (isEmpty(cell)) return { ok: null };
    const kind = typeof cell === 'string' ? parse(cell) : undefined;
    return kind === undefined
      ? {
          error: {
            vi: `loại đơn vị ${shown(cell)} không hợp lệ; cần ${accepted}.`,
            en: `unit kind ${shown(cell)} is not valid; expected ${accepted}.`,
          },
        }
      : { ok: kind };
  });
};

/** An ISO date from a calendar date, by its UTC parts (a date cell is a calendar date in every time zone). */
function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date: a date cell, or text `dd/mm/yyyy` (also `d-m-yyyy`, `dd.mm.yyyy`) or `yyyy-mm-dd`; blank is null. */
export const dateField = cellField<string | null>((cell) => {
  if (isEmpty(cell)) return { ok: null };
  if (cell instanceof Date) {
    const iso = isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return iso === undefined
      ? { error: { vi: `ngày ${shown(cell)} không hợp lệ.`, en: `date ${shown(cell)} is not valid.` } }
      : { ok: iso };
  }
  const text = typeof cell === 'string' ? cleanText(cell) : '';
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  const iso =
    dmy !== null
      ? isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))
      : ymd !== null
        ? isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))
        : undefined;
  return iso === undefined
    ? {
        error: {
          vi: `ngày ${shown(cell)} không hợp lệ; cần dạng ngày/tháng/năm, ví dụ 16/06/2024.`,
          en: `date ${shown(cell)} is not valid; expected day/month/year, e.g. 16/06/2024.`,
        },
      }
    : { ok: iso };
});

/** All sections, as `Mục được phân công` may say it. */
export const ALL_SECTIONS = 'all';

/**
 * Mục được phân công: section numbers (`1, 3`, `1; 3`, `Mục 1, Mục 3`, a number cell) of the
 * regulation, or `Tất cả`; blank is null.
 */
export const sectionsField = (sections: readonly number[]) =>
  cellField<readonly number[] | typeof ALL_SECTIONS | null>((cell) => {
    if (isEmpty(cell)) return { ok: null };
    const listed = sections.join(', ');
    // Excel changes what it takes for a number or a date (product.md v3): "1,2" typed where the comma is a decimal
    // point becomes 1.2, "2-4" becomes a date. Never guessed back: said, with how to type it.
    if (cell instanceof Date)
      return {
        error: {
          vi: `Mục được phân công đã bị Excel đổi thành ngày (${shown(cell)}), có lẽ từ "2-4" hay "2/4"; hãy định dạng ô là Văn bản (Text) rồi ghi lại các số mục, ví dụ "2, 3, 4".`,
          en: `Excel turned the sections assigned into a date (${shown(cell)}), probably from "2-4" or "2/4"; format the cell as Text and type the section numbers again, e.g. "2, 3, 4".`,
        },
      };
    if (typeof cell === 'number') {
      if (sections.includes(cell)) return { ok: [cell] };
      return {
        error: Number.isInteger(cell)
          ? {
              vi: `không có Mục ${shown(cell)}; các mục là ${listed}. Nếu đã gõ nhiều mục liền nhau, hãy ghi cách nhau bằng dấu phẩy, ví dụ "2, 3".`,
              en: `there is no section ${shown(cell)}; the sections are ${listed}. If several sections were typed together, separate them by commas, e.g. "2, 3".`,
            }
          : {
              vi: `Mục được phân công là số ${String(cell).replace('.', ',')}: có lẽ Excel đã đổi "${String(cell).replace('.', ',')}" (hai mục) thành số thập phân; hãy định dạng ô là Văn bản (Text) rồi ghi lại, ví dụ "1, 2".`,
              en: `the sections assigned are the number ${cell}: Excel probably turned "${String(cell).replace('.', ',')}" (two sections) into a decimal number; format the cell as Text and type it again, e.g. "1, 2".`,
            },
      };
    }
    if (typeof cell !== 'string')
      return {
        error: {
          vi: `Mục được phân công ${shown(cell)} không hợp lệ.`,
          en: `sections assigned ${shown(cell)} are not valid.`,
        },
      };
    const key = matchKey(cell);
    if (['tat ca', 'ca 4 muc', 'toan bo', 'all'].includes(key)) return { ok: ALL_SECTIONS };
    const parsed = parseSectionList(cell);
    const invalid = {
      vi: `Mục được phân công ${shown(cell)} không hợp lệ; ghi các số mục (${listed}) cách nhau bằng dấu phẩy, một khoảng như "2-4" (Mục 2, 3 và 4), hoặc "Tất cả".`,
      en: `sections assigned ${shown(cell)} are not valid; write the section numbers (${listed}) separated by commas, a range such as "2-4" (sections 2, 3 and 4), or "Tất cả".`,
    };
    if (parsed === undefined || parsed.length === 0) return { error: invalid };
    const unknown = parsed.filter((n) => !sections.includes(n));
    if (unknown.length > 0)
      return {
        error: {
          vi: `Mục được phân công ${shown(cell)}: không có Mục ${unknown.join(', ')}; các mục là ${listed}.`,
          en: `sections assigned ${shown(cell)}: there is no section ${unknown.join(', ')}; the sections are ${listed}.`,
        },
      };
    return { ok: [...new Set(parsed)].sort((a, b) => a - b) };
  });

/**
 * The section numbers of a text as offices write them: "2, 3, 4", "Mục 2; Mục 4", "2 và 3", and ranges "2-4", "Mục 2 –
 * 4", "2 đến 4" (2, 3 and 4; product.md v3: a range is never read as its two ends). Undefined when anything else is
 * written, or a range runs backwards ("4-2").
 */
export function parseSectionList(text: string): number[] | undefined {
  const words = cleanText(text)
    .toLowerCase()
    .normalize('NFC')
    // Every dash is a range's (hyphen, en and em dashes, minus); "đến", "tới", "to" too.
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/(?<![\p{L}])(?:đến|den|tới|toi|to)(?![\p{L}])/gu, '-')
    // The word "Mục" (or "muc", "section(s)") before a number says nothing more.
    .replace(/(?<![\p{L}])(?:mục|muc|sections?)(?![\p{L}])/gu, ' ')
    // Separators: commas, semicolons, slashes, plus signs, "và", "and".
    .replace(/(?<![\p{L}])(?:và|va|and)(?![\p{L}])/gu, ',')
    .replace(/[;/+&]/gu, ',');
  const numbers: number[] = [];
  for (const part of words.split(',')) {
    const piece = part.trim().replace(/\.$/u, '');
    if (piece === '') continue;
    const range = /^(\d{1,3})\s*-\s*(\d{1,3})$/u.exec(piece);
    if (range !== null) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to <= from) return undefined;
      for (let n = from; n <= to; n++) numbers.push(n);
      continue;
    }
    // Numbers separated by spaces only ("2 3 4").
    if (!/^\d{1,3}(?:\s+\d{1,3})*$/u.test(piece)) return undefined;
    for (const n of piece.split(/\s+/u)) numbers.push(Number(n));
  }
  return numbers;
}

/** Xếp hạng ICT Index: `Có` or blank = ranked in the index; `Không` = not ranked. */
export const inIndexField = cellField<boolean>((cell) => {
  if (isEmpty(cell)) return { ok: true };
  if (typeof cell === 'boolean') return { ok: cell };
  const flag = typeof cell === 'string' ? parseFlag(cell) : undefined;
  return flag === undefined
    ? {
        error: {
          vi: `giá trị ${shown(cell)} không hợp lệ; cần "Có" hoặc "Không" (để trống là Có).`,
          en: `${shown(cell)} is not valid; expected "Có" or "Không" (blank is Có).`,
        },
      }
    : { ok: flag };
});

/** Mã đơn vị năm trước: one code or several separated by commas or semicolons; blank is none. */
export const previousCodesField = cellField<readonly string[]>((cell) => {
  if (isEmpty(cell)) return { ok: [] };
  if (typeof cell !== 'string' && typeof cell !== 'number')
    return {
      error: {
        vi: `mã đơn vị năm trước ${shown(cell)} không hợp lệ.`,
        en: `previous-year unit code ${shown(cell)} is not valid.`,
      },
    };
  const codes = String(cell)
    .split(/[,;]/u)
    .map(normalizeUnitCode)
    .filter((code) => code !== '');
  return { ok: [...new Set(codes)] };
});
