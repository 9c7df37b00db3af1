import { z } from 'zod';
import type { AssessmentRow } from '../../domain.js';
import { AssessmentColumns, placesOf } from '../rows.js';
import { itemCodeField, statusField, textField, unitCodeField } from '../fields.js';
import type { ReadLimits } from '../limits.js';
import { type Problem, error } from '../../problems.js';
import { streamTable } from '../table.js';
import { assessmentSpec } from '../../inputs/columns.js';
import { parseRow, at, columnPlace, unreadColumns } from './shared.js';

export interface AssessmentRead {
  /** Column by column (src/io/rows.ts): a row's object is made when it is asked for. */
  readonly rows: AssessmentColumns;
  readonly problems: readonly Problem[];
}

const assessmentLong = z.object({
  unitCode: unitCodeField,
  itemCode: itemCodeField,
  result: statusField,
  note: textField,
});

/**
 * The department's assessment (kết quả đánh giá của Sở), in either shape, told apart by the headers:
 * long (`Mã đơn vị | Mã tiêu chí | Kết quả đánh giá | Ghi chú`) or wide (`Mã đơn vị | 1.1 | … | 4.6 |
 * Ghi chú`, the row's note standing for its `Không áp dụng` items). A blank is "not assessed".
 */
export async function readAssessmentFile(
  path: string,
  display: string,
  limits: ReadLimits,
  itemCodes: readonly string[],
): Promise<AssessmentRead> {
  const spec = assessmentSpec(itemCodes);
  // Each row is turned into the columns as it is read (streamTable); dropped with its problems when the table's rows do
  // not stand (a file cut short, sheets that disagree: the table's problems say which).
  let rows = new AssessmentColumns();
  let problems: Problem[] = [];
  const placeOf = placesOf();
  const known = new Set(itemCodes);
  const reportedShapes = new Set<string>();
  // One schema per set of item columns (a sheet has one), built once, not once per row.
  const wideSchemas = new Map<string, z.ZodType>();
  // The item columns of a sheet, by its rows' shared letters object (one per sheet): found once, not for each row, with
  // their keys (`item:1.1`) and the wide schema, so that no key is made again for each of a national form's 220 000
  // cells.
  const itemColumns = new WeakMap<object, { codes: string[]; keys: string[]; schema: z.ZodType }>();
  const wideSchema = (codes: readonly string[], keys: readonly string[]): z.ZodType => {
    const signature = codes.join(',');
    let wide = wideSchemas.get(signature);
    if (wide === undefined) {
      wide = z.object({
        unitCode: unitCodeField,
        note: textField,
        ...Object.fromEntries(keys.map((key) => [key, statusField])),
      });
      wideSchemas.set(signature, wide);
    }
    return wide;
  };
  const table = await streamTable(path, display, spec, limits, (row) => {
    const isLong = row.columns.itemCode !== undefined && row.columns.result !== undefined;
    let items = itemColumns.get(row.columns);
    if (items === undefined) {
      const columns = row.columns;
      const codes = itemCodes.filter((code) => columns[`item:${code}`] !== undefined);
      const keys = codes.map((code) => `item:${code}`);
      items = { codes, keys, schema: wideSchema(codes, keys) };
      itemColumns.set(columns, items);
    }
    const wideItems = items.codes;
    if (!isLong && wideItems.length === 0) {
      const key = row.where.sheet ?? '';
      if (!reportedShapes.has(key)) {
        reportedShapes.add(key);
        problems.push(
          error(
            'assessment-shape',
            {
              vi: 'không nhận ra dạng bảng đánh giá: cần cột "Mã tiêu chí" và "Kết quả đánh giá" (mỗi dòng một tiêu chí), hoặc mỗi tiêu chí một cột có tiêu đề là mã tiêu chí (1.1, 1.2, …).',
              en: 'the assessment table is not recognised: it needs the columns "Mã tiêu chí" and "Kết quả đánh giá" (one row per item), or one column per item headed by the item code (1.1, 1.2, …).',
            },
            {
              file: display,
              ...(row.where.sheet === undefined ? {} : { sheet: row.where.sheet }),
              ...(row.where.row === undefined ? {} : { row: row.where.row }),
            },
          ),
        );
      }
      return;
    }
    for (const extra of row.extras) {
      if (/^\d+[.,]\d+$/u.test(extra.header.trim()) && !reportedShapes.has(`extra:${extra.header}`)) {
        reportedShapes.add(`extra:${extra.header}`);
        problems.push(
          error(
            'unknown-item',
            {
              vi: `cột "${extra.header}" không phải mã tiêu chí trong danh mục.`,
              en: `column "${extra.header}" is not an item code of the checklist.`,
            },
            row.where,
          ),
        );
      }
    }
    if (isLong) {
      const value = parseRow(spec, assessmentLong, row, problems);
      if (value === undefined) return;
      if (!known.has(value.itemCode)) {
        problems.push(
          error(
            'unknown-item',
            {
              vi: `mã tiêu chí "${value.itemCode}" không có trong danh mục.`,
              en: `item code "${value.itemCode}" is not in the checklist.`,
            },
            at(spec, row, 'itemCode'),
          ),
        );
        return;
      }
      if (value.result !== null) {
        rows.push(
          value.unitCode,
          value.itemCode,
          value.result,
          value.note,
          placeOf(row.where.file, row.where.sheet),
          row.where.row,
        );
      }
      return;
    }
    const value = parseRow(spec, items.schema, row, problems) as
      (Record<string, unknown> & { unitCode: string; note: string }) | undefined;
    if (value === undefined) return;
    const { keys } = items;
    // The row's one note says why its "Không áp dụng" items do not apply (product.md); a row with none of those has its
    // note for its "Không đạt" items. It is never shown beside an item it does not speak of (an "Đạt" one).
    const statuses = keys.map((key) => value[key] as AssessmentRow['status']);
    const noted: AssessmentRow['status'] = statuses.includes('khong-ap-dung') ? 'khong-ap-dung' : 'khong-dat';
    for (let i = 0; i < wideItems.length; i++) {
      const status = statuses[i] ?? null;
      const code = wideItems[i];
      const key = keys[i];
      if (status !== null && code !== undefined && key !== undefined) {
        rows.push(
          value.unitCode,
          code,
          status,
          status === noted ? value.note : '',
          // A wide form's cell is located by its column too: one place per sheet and item column.
          columnPlace(row.columns, key, row.where, spec, row.headers),
          row.where.row,
        );
      }
    }
  });
  if (!table.kept) {
    rows = new AssessmentColumns();
    problems = [];
  }
  return {
    rows,
    problems: [
      ...table.problems,
      ...unreadColumns(table.extraHeaders, display, (h) => /^\d+[.,]\d+$/u.test(h.trim())),
      ...problems,
    ],
  };
}
