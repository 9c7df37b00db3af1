import type { SourceRef } from '../../domain.js';
import type { ColumnSpec, TableSpec } from '../../inputs/columns.js';
import { type Cell, isBadCell } from '../cells.js';
import { matchKey } from '../normalize.js';
import { type Problem, columnLetter, error } from '../../problems.js';

/** How far below the top of a sheet the header row may be (title lines, dates, merged titles). */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderMatch<K extends string> {
  readonly columns: ReadonlyMap<K, number>;
  /** Each column's header as written. */
  readonly texts: Readonly<Partial<Record<K, string>>>;
  readonly extras: readonly { readonly header: string; readonly index: number }[];
  readonly duplicates: readonly { readonly key: K; readonly indexes: readonly number[] }[];
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined || isBadCell(cell)) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/**
 * The spec's columns by the match key of each of their headers (the first column of the spec that has it, as a search
 * through the spec finds it), worked out once per spec: every cell of the rows above a header is looked up.
 */
export const headerKeys = new WeakMap<TableSpec<string>, ReadonlyMap<string, ColumnSpec<string>>>();

export function columnsByKey<K extends string>(spec: TableSpec<K>): ReadonlyMap<string, ColumnSpec<K>> {
  let byKey = headerKeys.get(spec) as ReadonlyMap<string, ColumnSpec<K>> | undefined;
  if (byKey === undefined) {
    const made = new Map<string, ColumnSpec<K>>();
    for (const column of spec.columns)
      for (const header of column.headers) {
        const key = matchKey(header);
        if (!made.has(key)) made.set(key, column);
      }
    byKey = made;
    headerKeys.set(spec, made);
  }
  return byKey;
}

/** Whether a row is a header row of the spec: every required column is there. */
export function matchHeader<K extends string>(
  spec: TableSpec<K>,
  cells: readonly (Cell | undefined)[],
): HeaderMatch<K> | undefined {
  const keys = cells.map((cell) => matchKey(cellText(cell)));
  const byKey = columnsByKey(spec);
  const found = new Map<K, number[]>();
  const extras: { header: string; index: number }[] = [];
  keys.forEach((key, index) => {
    if (key === '') return;
    const column = byKey.get(key);
    if (column === undefined) {
      extras.push({ header: cellText(cells[index]).normalize('NFC').trim(), index });
      return;
    }
    found.set(column.key, [...(found.get(column.key) ?? []), index]);
  });
  if (!spec.columns.every((c) => !c.required || found.has(c.key))) return undefined;
  const columns = new Map<K, number>();
  const texts: Partial<Record<K, string>> = {};
  const duplicates: { key: K; indexes: number[] }[] = [];
  for (const [key, indexes] of found) {
    const [first] = indexes;
    if (first !== undefined) {
      columns.set(key, first);
      texts[key] = cellText(cells[first]).normalize('NFC').replace(/\s+/gu, ' ').trim();
    }
    if (indexes.length > 1) duplicates.push({ key, indexes });
  }
  return { columns, texts, extras, duplicates };
}

export function headerName<K extends string>(spec: TableSpec<K>, key: K): string {
  return spec.columns.find((c) => c.key === key)?.headers[0] ?? key;
}

/** A cell that numbers a column under the header ("1", "(2)"): the numbering row official tables have. */
export function columnNumber(cell: Cell | undefined): number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 && cell < 100 ? cell : undefined;
  const match = /^\(?(\d{1,2})\)?$/u.exec(cellText(cell).trim());
  return match === null ? undefined : Number(match[1]);
}

/**
 * The row under a header that belongs to it (product.md v3: a header on two rows is one header): each of its cells is
 * the header cell above it (a merged header repeated), a header of the spec (the "Từ ngày" / "Đến ngày" under a merged
 * "Thời gian"), or it is the numbering row ("(1)", "(2)", … left to right). The spec's columns it adds, if any.
 */
export function headerContinuation<K extends string>(
  spec: TableSpec<K>,
  above: readonly Cell[],
  cells: readonly Cell[],
): { readonly added: readonly (readonly [K, number, string])[] } | undefined {
  const byKey = columnsByKey(spec);
  const filled = cells.flatMap((cell, index) => (cellText(cell).trim() === '' ? [] : [index]));
  if (filled.length === 0) return undefined;
  const numbers = filled.map((i) => columnNumber(cells[i]));
  if (filled.length >= 2 && numbers.every((n, i) => n !== undefined && (i === 0 || n === (numbers[i - 1] ?? 0) + 1)))
    return { added: [] };
  const added: (readonly [K, number, string])[] = [];
  for (const index of filled) {
    const cell = cells[index];
    // A header Excel made a date ("1.1" as 01/01) is one of the header's, said by dateHeaders.
    if (cell instanceof Date && dateMeant(cell).some((text) => byKey.has(matchKey(text)))) continue;
    const key = matchKey(cellText(cell));
    if (key === matchKey(cellText(above[index]))) continue;
    const column = byKey.get(key);
    if (column === undefined) return undefined;
    added.push([column.key, index, cellText(cells[index]).normalize('NFC').replace(/\s+/gu, ' ').trim()]);
  }
  return { added };
}

/** Two header rows read as one: each column's lower text where it has one, else the upper (a group over its parts). */
export function stacked(upper: readonly Cell[], lower: readonly Cell[]): Cell[] {
  const width = Math.max(upper.length, lower.length);
  const cells: Cell[] = [];
  for (let i = 0; i < width; i++)
    cells.push(cellText(lower[i]).trim() !== '' ? (lower[i] ?? null) : (upper[i] ?? null));
  return cells;
}

/** The spec's required columns a row has, when it has some of them but not all: a header cut short. */
export function partialHeader<K extends string>(
  spec: TableSpec<K>,
  cells: readonly (Cell | undefined)[],
): { found: string[]; missing: string[] } {
  const byKey = columnsByKey(spec);
  const present = new Set(cells.map((cell) => byKey.get(matchKey(cellText(cell)))));
  const required = spec.columns.filter((c) => c.required);
  const has = (c: ColumnSpec<K>) => present.has(c);
  return {
    found: required.filter(has).map((c) => c.headers[0] ?? c.key),
    missing: required.filter((c) => !has(c)).map((c) => c.headers[0] ?? c.key),
  };
}

/**
 * Header cells Excel turned into dates (product.md v3: values whose meaning Excel may have changed are errors): a date
 * whose day and month, read as "d.m" or "m.d", is a header of the spec ("1.1" typed, 1 January stored) — that column
 * would not be read, and its data silently lost.
 */
export function dateHeaders<K extends string>(
  spec: TableSpec<K>,
  cells: readonly (Cell | undefined)[],
  at: (column: string) => SourceRef,
): Problem[] {
  const byKey = columnsByKey(spec);
  const problems: Problem[] = [];
  cells.forEach((cell, index) => {
    if (!(cell instanceof Date)) return;
    const day = cell.getUTCDate();
    const month = cell.getUTCMonth() + 1;
    const meant = dateMeant(cell).filter((text) => byKey.has(matchKey(text)));
    if (meant.length === 0) return;
    const shownDate = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
    const quoted = meant.map((m) => `"${m}"`).join(meant.length > 1 ? ' hoặc ' : '');
    const quotedEn = meant.map((m) => `"${m}"`).join(meant.length > 1 ? ' or ' : '');
    const letter = columnLetter(index + 1);
    problems.push(
      error(
        'header-date',
        {
          vi: `tiêu đề cột ${letter} là ngày ${shownDate}: có lẽ Excel đã đổi ${quoted} thành ngày; công cụ không đoán lại tiêu đề. Hãy định dạng ô tiêu đề là Văn bản (Text) rồi gõ lại ${quoted}.`,
          en: `the header of column ${letter} is the date ${shownDate}: Excel probably turned ${quotedEn} into a date; the tool does not guess headers back. Format the header cell as Text and type ${quotedEn} again.`,
        },
        at(letter),
      ),
    );
  });
  return problems;
}

/** A header row with each date cell that can only be one header of the spec ("1.1") as that text; else as it is. */
export function undated<K extends string>(spec: TableSpec<K>, cells: readonly Cell[]): readonly Cell[] {
  if (!cells.some((cell) => cell instanceof Date)) return cells;
  const byKey = columnsByKey(spec);
  return cells.map((cell) => {
    if (!(cell instanceof Date)) return cell;
    const meant = dateMeant(cell).filter((text) => byKey.has(matchKey(text)));
    return meant.length === 1 ? (meant[0] ?? cell) : cell;
  });
}

/** What a date in a header may have been typed as: its day and month as "d.m", or "m.d". */
export function dateMeant(date: Date): string[] {
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  return [...new Set([`${day}.${month}`, `${month}.${day}`])];
}
