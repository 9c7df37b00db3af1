/** What the readers of the inputs share: the row schemas, a row parsed with its problems located, columns not read. */

import { z } from 'zod';
import type { SheetPlace, SourceRef } from '../../domain.js';
import { sourceAt } from '../../domain.js';
import type { BlockDef, Regulation } from '../../rules/regulation.js';
import type { Cell } from '../cells.js';
import { byPair } from '../rows.js';
import {
  compiledRow,
  blockField,
  dateField,
  inIndexField,
  kindField,
  previousCodesField,
  rankField,
  requiredTextField,
  roleField,
  scoreField,
  sectionsField,
  textField,
  unitCodeField,
} from '../fields.js';
import { matchKey } from '../normalize.js';
import { type Problem, error, info, warning } from '../../problems.js';
import type { TableRow } from '../table.js';
import type { UNITS_SPEC } from '../../inputs/columns.js';
import { type KeyOf, type TableSpec } from '../../inputs/columns.js';

/** What reading a year's units needs of the run: its blocks, its regulation (kinds, sections), the year. */
export interface UnitsRules {
  readonly blocks: readonly BlockDef[];
  readonly regulation: Pick<Regulation, 'unitKinds' | 'sections' | 'deputyBasis'>;
  /** The evaluation year, to check the periods against; undefined = not checked. */
  readonly year?: number;
}

/** The row schemas that depend on the run's blocks and regulation. */
export function buildSchemas(blocks: readonly BlockDef[], regulation: UnitsRules['regulation']) {
  const block = blockField(blocks);
  return {
    unit: z.object({
      unitCode: unitCodeField,
      unitName: requiredTextField({ vi: 'tên đơn vị', en: 'the unit name' }),
      block,
      kind: kindField(regulation.unitKinds),
      name: requiredTextField({ vi: 'họ và tên', en: 'the name' }),
      position: requiredTextField({ vi: 'chức vụ', en: 'the position' }),
      role: roleField,
      from: dateField,
      to: dateField,
      sections: sectionsField(regulation.sections.map((s) => s.number)),
      assignment: textField,
      inIndex: inIndexField,
      previousCodes: previousCodesField,
      activeFrom: dateField,
      activeTo: dateField,
      territory: textField,
    }),
    score: z.object({
      unitCode: unitCodeField,
      unitName: requiredTextField({ vi: 'tên đơn vị', en: 'the unit name' }),
      block,
      score: scoreField,
      officialRank: rankField,
    }),
  };
}

/** The schemas for a list of blocks and a regulation, built once per pair. */
export const schemas = byPair(
  (blocks: readonly BlockDef[], regulation: UnitsRules['regulation']) => buildSchemas(blocks, regulation),
  new WeakMap(),
);

/** Turns one table row into a typed object, or into one located problem per bad cell. */
export function parseRow<S extends TableSpec<string>, T>(
  spec: S,
  schema: z.ZodType<T>,
  row: TableRow<KeyOf<S>>,
  problems: Problem[],
): T | undefined {
  // The hot path: the row's cell converters compiled from its schema, no zod parse per row (same values, same issues).
  const compiled = compiledRow(schema);
  if (compiled !== undefined) {
    const value: Record<string, unknown> = {};
    let failed = false;
    for (const [key, convert] of compiled) {
      const converted = convert(row.cells[key as KeyOf<S>] ?? null);
      if ('ok' in converted) value[key] = converted.ok;
      else {
        problems.push(error(`invalid-${key}`, converted.error, at(spec, row, key as KeyOf<S>)));
        failed = true;
      }
    }
    return failed ? undefined : (value as T);
  }
  const input: Record<string, Cell> = {};
  for (const column of spec.columns) input[column.key] = row.cells[column.key as KeyOf<S>] ?? null;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]) as KeyOf<S>;
    const en: unknown = issue.code === 'custom' ? issue.params?.en : undefined;
    const message = typeof en === 'string' ? { vi: issue.message, en } : issue.message;
    problems.push(error(`invalid-${key}`, message, at(spec, row, key)));
  }
  return undefined;
}

/** Where a cell is: the row, and the column's letter with its canonical header. */
export function at<S extends TableSpec<string>>(spec: S, row: TableRow<KeyOf<S>>, key: KeyOf<S>): SourceRef {
  return sourceAt(columnPlace(row.columns, key, row.where, spec, row.headers), row.where.row);
}

/**
 * The place of a column of a sheet: its file, sheet and "E (Kết quả đánh giá)" (the letter and canonical header), made
 * once per sheet and column and shared by the column's cells — the wide assessment form locates every one of its 220 000
 * national cells. A sheet's rows share one letters object, made for that sheet alone: it stands for the sheet here.
 */
export const columnPlace = byPair(
  (
    letters: TableRow<string>['columns'],
    key: string,
    where: SourceRef,
    spec: TableSpec<string>,
    written?: TableRow<string>['headers'],
  ): SheetPlace => {
    const letter = letters[key];
    // The column as the file heads it ("Điểm DTI"), else as the spec names it.
    const header = written?.[key] ?? spec.columns.find((c) => c.key === key)?.headers[0] ?? key;
    const column = letter === undefined ? header : `${letter} (${header})`;
    const { file, sheet } = where;
    return sheet === undefined ? { file, column } : { file, sheet, column };
  },
  new WeakMap(),
);

/** Words of a header that say it may hold data the tool reads (a score, a status, a code, a flag). */
export const DATA_WORDS =
  /\b(diem|danh gia|tham dinh|xep hang|hang|ket qua|vai tro|khoi|ma don vi|ma tieu chi|tieu chi|cham trien khai|kiem diem|thanh tich|tu danh gia)\b/u;

/**
 * The columns a file has that the reader does not take: listed for `check` (info), and a warning
 * wherever one looks like data (its header says "điểm", "đánh giá", …), so that a column that would
 * change an outcome is never dropped without a word.
 */
export function unreadColumns(
  headers: readonly string[] | undefined,
  display: string,
  skip: (header: string) => boolean = () => false,
): Problem[] {
  const unread = (headers ?? []).filter((h) => !skip(h));
  if (unread.length === 0) return [];
  const suspicious = unread.filter((h) => DATA_WORDS.test(matchKey(h)));
  const problems: Problem[] = [
    info(
      'unread-columns',
      {
        vi: `các cột không được đọc: ${unread.map((h) => `"${h}"`).join(', ')}.`,
        en: `columns not read: ${unread.map((h) => `"${h}"`).join(', ')}.`,
      },
      { file: display },
    ),
  ];
  if (suspicious.length > 0) {
    problems.push(
      warning(
        'similar-column',
        {
          vi: `cột ${suspicious.map((h) => `"${h}"`).join(', ')} không được đọc nhưng tiêu đề giống một cột dữ liệu; nếu đây là cột cần dùng, hãy đặt đúng tiêu đề (và xoá hoặc đổi tên cột cũ).`,
          en: `column(s) ${suspicious.map((h) => `"${h}"`).join(', ')} not read, though the heading looks like a data column; if it is the one to use, give it the expected heading (and remove or rename the old column).`,
        },
        { file: display },
      ),
    );
  }
  return problems;
}

export function place(where: SourceRef): string {
  return `${where.sheet === undefined ? '' : `trang "${where.sheet}", `}dòng ${where.row ?? '?'}`;
}

export const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** A row of the units file, parsed, and the row it came from. */
export type UnitValue = z.output<ReturnType<typeof buildSchemas>['unit']>;
export type UnitsRow = TableRow<KeyOf<typeof UNITS_SPEC>>;
