import { z } from 'zod';
import { SelfReportColumns, placesOf } from '../rows.js';
import { itemCodeField, statusField, textField, unitCodeField } from '../fields.js';
import type { ReadLimits } from '../limits.js';
import { matchKey } from '../normalize.js';
import { type Problem, error, warning, aboutUnit } from '../../problems.js';
import { streamTable } from '../table.js';
import { SELF_REPORT_SPEC } from '../../inputs/columns.js';
import { parseRow, at, unreadColumns } from './shared.js';

const selfReportRow = z.object({
  unitCode: unitCodeField,
  itemCode: itemCodeField,
  selfAssessment: statusField,
  evidence: textField,
  note: textField,
  difficulties: textField,
});

export interface SelfReportsRead {
  /** Column by column (src/io/rows.ts): a row's object is made when it is asked for. */
  readonly rows: SelfReportColumns;
  readonly problems: readonly Problem[];
}

/** A header that reads like the department's assessment, which a self-report must not carry (v2). */
export function looksLikeAssessment(header: string): boolean {
  const key = matchKey(header);
  return (
    /\b(tham dinh|danh gia cua so|ket qua danh gia|appraisal|assessment)\b/u.test(key) && !/\btu danh gia\b/u.test(key)
  );
}

/**
 * A self-report file (long format): any number of units and items; item codes must be those of the
 * checklist given. A column that looks like an assessment ("Thẩm định") is not read: the department's
 * assessment comes from its own file (a warning says where to move it).
 */
export async function readSelfReportFile(
  path: string,
  display: string,
  limits: ReadLimits,
  itemCodes: readonly string[],
): Promise<SelfReportsRead> {
  const known = new Set(itemCodes);
  // Each row is turned into the columns as it is read (streamTable); dropped with its problems when the table's rows do
  // not stand (a file cut short, sheets that disagree: the table's problems say which).
  let rows = new SelfReportColumns();
  let rowProblems: Problem[] = [];
  const placeOf = placesOf();
  const assessmentColumns = new Set<string>();
  const table = await streamTable(path, display, SELF_REPORT_SPEC, limits, (row) => {
    for (const extra of row.extras) if (looksLikeAssessment(extra.header)) assessmentColumns.add(extra.header);
    const value = parseRow(SELF_REPORT_SPEC, selfReportRow, row, rowProblems);
    if (value === undefined) return;
    if (!known.has(value.itemCode)) {
      rowProblems.push(
        error(
          'unknown-item',
          {
            vi: `mã tiêu chí "${value.itemCode}" không có trong danh mục (${itemCodes[0] ?? ''} … ${itemCodes.at(-1) ?? ''}).`,
            en: `item code "${value.itemCode}" is not in the checklist (${itemCodes[0] ?? ''} … ${itemCodes.at(-1) ?? ''}).`,
          },
          at(SELF_REPORT_SPEC, row, 'itemCode'),
        ),
      );
      return;
    }
    rows.push(
      value.unitCode,
      value.itemCode,
      value.selfAssessment,
      value.evidence,
      value.note,
      value.difficulties,
      placeOf(row.where.file, row.where.sheet),
      row.where.row,
    );
  });
  if (!table.kept) {
    rows = new SelfReportColumns();
    rowProblems = [];
    assessmentColumns.clear();
  }
  const problems: Problem[] = [
    ...table.problems,
    ...unreadColumns(
      table.extraHeaders,
      display,
      (header) => looksLikeAssessment(header) || /^(noi dung|noi dung tieu chi|can cu|stt)$/u.test(matchKey(header)),
    ),
    ...rowProblems,
  ];
  if (assessmentColumns.size > 0) {
    problems.push(
      aboutUnit(
        warning(
          'assessment-in-self-report',
          {
            vi: `cột ${[...assessmentColumns].map((h) => `"${h}"`).join(', ')} trong báo cáo của đơn vị không được đọc: kết quả đánh giá từng tiêu chí là của Sở, ghi trong tệp assessment.xlsx của năm (Mã đơn vị | Mã tiêu chí | Kết quả đánh giá | Ghi chú). Hãy chuyển các kết quả đó sang tệp này.`,
            en: `column(s) ${[...assessmentColumns].map((h) => `"${h}"`).join(', ')} in the unit's report are not read: each item is decided by the department's assessment, in the year's assessment.xlsx (Mã đơn vị | Mã tiêu chí | Kết quả đánh giá | Ghi chú). Move those results to that file.`,
          },
          { file: display },
        ),
        rows.at(0)?.unitCode,
      ),
    );
  }
  return { rows, problems };
}
