import ExcelJS from 'exceljs';
import type { Person, Unit } from '../../domain.js';
import { formatCitation } from '../../rules/citation.js';
import type { Policy } from '../../rules/policy.js';
import { FOLLOW_UP_SPEC, SCORES_SPEC, UNITS_SPEC } from '../../io/readers.js';
import type { TitleBlock } from '../content/document.js';
import { workbookBytes } from './workbook.js';

/** PaperSize.A4: exceljs declares PaperSize as a const enum, which isolatedModules cannot import. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum cannot be imported; 9 is its A4 member
const A4 = 9 as ExcelJS.PaperSize;

const FONT = 'Times New Roman';
const STATUS_LIST = '"Đạt,Không đạt,Không áp dụng"';
const FLAG_LIST = '"Có,Không"';
const ROLE_LIST = '"Người đứng đầu,Quyền / phụ trách,Cấp phó được phân công"';
/** How many rows of a blank input get drop-down lists. */
const BLANK_ROWS = 500;

function instructions(workbook: ExcelJS.Workbook, block: TitleBlock, title: string, lines: readonly string[]): void {
  const ws = workbook.addWorksheet('Hướng dẫn');
  ws.columns = [{ width: 110 }];
  const rows = [block.province.toUpperCase(), block.department.toUpperCase(), '', title.toUpperCase(), '', ...lines];
  rows.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 12, bold: i === 1 || i === 3 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

function headerRow(ws: ExcelJS.Worksheet, headers: readonly string[], widths: readonly number[]): void {
  ws.columns = widths.map((width) => ({ width }));
  const row = ws.getRow(1);
  headers.forEach((header, i) => {
    const cell = row.getCell(i + 1);
    cell.value = header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

/** The worksheet's validation list by address, which exceljs 4.4 has but does not declare. */
interface SheetValidations {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/**
 * A drop-down list on rows `first`–`last` of a column, given as ONE range: per-cell validations are merged by
 * exceljs 4.4 after sorting the addresses as text ("C10" before "C2"), which writes overlapping ranges
 * (C10:C500 and C2:C500) that Excel "repairs" on opening (exceljs/exceljs#2820).
 */
function dropDown(ws: ExcelJS.Worksheet, column: number, list: string, first: number, last: number): void {
  if (last < first) return;
  const letter = ws.getColumn(column).letter;
  (ws as unknown as SheetValidations).dataValidations.add(`${letter}${first}:${letter}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [list],
    showErrorMessage: true,
    errorTitle: 'Giá trị không hợp lệ',
    error: `Hãy chọn một giá trị trong danh sách: ${list.replace(/"/gu, '')}`,
  });
}

const canonical = (spec: { columns: readonly { headers: readonly string[] }[] }) =>
  spec.columns.map((c) => c.headers[0] ?? '');

/** The drop-down list of the run's blocks: `"SBN,HUYEN"`. */
const blockList = (policy: Pick<Policy, 'blocks'>) => `"${policy.blocks.map((b) => b.code).join(',')}"`;

/** The instruction lines of the units workbook, with a line per configured block and its basis. */
function unitsInstructions(policy: Pick<Policy, 'blocks' | 'regulation'>): string[] {
  const configured = policy.blocks.filter((b) => b.configured);
  return [
    ...policy.regulation.wording.unitsInstructions,
    ...configured.map((b) => `Khối ${b.code} (${b.vi}) do cấu hình khai báo, căn cứ: ${formatCitation(b.basis)}.`),
  ];
}

/** The blank `units` workbook of `ict-eval init`. */
export async function blankUnits(block: TitleBlock, policy: Pick<Policy, 'blocks' | 'regulation'>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  instructions(workbook, block, `Danh sách người chịu trách nhiệm năm ${block.year}`, unitsInstructions(policy));
  const ws = workbook.addWorksheet('Danh sách');
  // Mã, Tên, Khối, Loại, Họ và tên, Chức vụ, Vai trò, Từ ngày, Đến ngày, Mục, Văn bản, Xếp hạng, Mã năm trước.
  headerRow(ws, canonical(UNITS_SPEC), [12, 34, 10, 20, 26, 24, 24, 12, 12, 14, 30, 12, 14]);
  dropDown(ws, 3, blockList(policy), 2, BLANK_ROWS);
  dropDown(ws, 4, `"${policy.regulation.unitKinds.map((k) => k.vi).join(',')}"`, 2, BLANK_ROWS);
  dropDown(ws, 7, ROLE_LIST, 2, BLANK_ROWS);
  dropDown(ws, 12, FLAG_LIST, 2, BLANK_ROWS);
  return workbookBytes(workbook, block.year);
}

/** The blank `scores` workbook of `ict-eval init`. */
export async function blankScores(block: TitleBlock, policy: Pick<Policy, 'blocks' | 'regulation'>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  instructions(workbook, block, `Điểm ICT Index năm ${block.year}`, policy.regulation.wording.scoresInstructions);
  const ws = workbook.addWorksheet('Điểm');
  headerRow(ws, canonical(SCORES_SPEC), [12, 34, 10, 14, 8]);
  dropDown(ws, 3, blockList(policy), 2, BLANK_ROWS);
  return workbookBytes(workbook, block.year);
}

/** The blank `follow-up` workbook of `ict-eval init`. */
export async function blankFollowUp(block: TitleBlock, policy: Pick<Policy, 'regulation'>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  instructions(
    workbook,
    block,
    `Theo dõi sau đánh giá năm ${block.year}`,
    policy.regulation.wording.followUpInstructions,
  );
  const ws = workbook.addWorksheet('Theo dõi');
  // Mã, Chậm triển khai, Yêu cầu kiểm điểm, Văn bản yêu cầu, Thành tích, Người được thưởng, Căn cứ.
  headerRow(ws, canonical(FOLLOW_UP_SPEC), [12, 16, 14, 30, 14, 26, 50]);
  for (const column of [2, 3, 5]) dropDown(ws, column, FLAG_LIST, 2, BLANK_ROWS);
  return workbookBytes(workbook, block.year);
}

/**
 * A unit's self-report template: the regulation's items pre-filled with the unit's code, wording and
 * article, drop-downs on `Tự đánh giá` and `Thẩm định`, the code and wording protected. It is
 * the long-format table the readers take, so a filled template is read as it is.
 */
export async function selfReportTemplate(
  block: TitleBlock,
  unit: Unit,
  persons: readonly Person[],
  policy: Pick<Policy, 'regulation'>,
): Promise<Buffer> {
  const { checklist, wording } = policy.regulation;
  const workbook = new ExcelJS.Workbook();
  const head = persons.find((p) => p.role !== 'deputy');
  instructions(workbook, block, `Báo cáo tự đánh giá năm ${block.year} — ${unit.name}`, [
    `Đơn vị: ${unit.name} (mã ${unit.code})${head === undefined ? '' : `; người đứng đầu: ${head.name}, ${head.position}`}.`,
    ...wording.selfReportInstructions,
  ]);
  const ws = workbook.addWorksheet('Tự đánh giá', {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  // The unit's report only: the department's assessment is kept in its own file (v2), never here.
  headerRow(
    ws,
    ['Mã đơn vị', 'Mã tiêu chí', 'Nội dung tiêu chí', 'Căn cứ', 'Tự đánh giá', 'Minh chứng', 'Ghi chú'],
    [11, 9, 60, 18, 14, 30, 30],
  );
  checklist.forEach((item, index) => {
    const row = ws.getRow(index + 2);
    const values = [unit.code, item.code, item.textVi, formatCitation(item.citation), null, null, null];
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { wrapText: true, vertical: 'top' };
      // Text format keeps Excel from turning 1.1 into a date.
      cell.numFmt = '@';
      cell.protection = { locked: i < 4 };
    });
  });
  dropDown(ws, 5, STATUS_LIST, 2, checklist.length + 1);
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });
  return workbookBytes(workbook, block.year);
}

/**
 * The department's assessment sheet (`template --assessment`), wide: one row per unit, one column per
 * item with a drop-down, and a note column; beside it, read-only, each unit's self-assessment, so the
 * department assesses in one sheet. It is the wide form the readers take, so a filled sheet is read as it is.
 */
export async function assessmentTemplate(
  block: TitleBlock,
  units: readonly Unit[],
  selfAssessments: ReadonlyMap<string, ReadonlyMap<string, string>>,
  policy: Pick<Policy, 'regulation'>,
): Promise<Buffer> {
  const { checklist } = policy.regulation;
  const workbook = new ExcelJS.Workbook();
  instructions(workbook, block, `Kết quả đánh giá của Sở năm ${block.year}`, [
    'Trang "Đánh giá của Sở": mỗi dòng một đơn vị, mỗi cột một tiêu chí. Chọn Đạt, Không đạt hoặc Không áp dụng; để trống là chưa đánh giá (thiếu dữ liệu).',
    '"Không áp dụng" phải ghi lý do ở cột Ghi chú của dòng.',
    'Trang "Tự đánh giá của đơn vị" chỉ để đối chiếu (đã khóa): kết quả tự đánh giá của từng đơn vị theo báo cáo đã nhận.',
    `Kết quả của Sở quyết định từng tiêu chí (${formatCitation(policy.regulation.citations.assessment)}).`,
  ]);
  const codes = checklist.map((item) => item.code);
  const ws = workbook.addWorksheet('Đánh giá của Sở', {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  headerRow(ws, ['Mã đơn vị', 'Tên đơn vị', ...codes, 'Ghi chú'], [11, 30, ...codes.map(() => 8), 30]);
  units.forEach((unit, index) => {
    const row = ws.getRow(index + 2);
    [unit.code, unit.name].forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 11 };
    });
  });
  for (let column = 3; column < 3 + codes.length; column++) dropDown(ws, column, STATUS_LIST, 2, units.length + 1);
  const own = workbook.addWorksheet('Tự đánh giá của đơn vị');
  // Headers the readers do not take for the assessment's (no "Mã đơn vị", items prefixed): this sheet is never read as the Sở's.
  headerRow(
    own,
    ['Đơn vị (mã, tham khảo)', 'Tên đơn vị (tham khảo)', ...codes.map((code) => `TĐG ${code}`)],
    [14, 30, ...codes.map(() => 9)],
  );
  units.forEach((unit, index) => {
    const row = own.getRow(index + 2);
    const statuses = selfAssessments.get(unit.code);
    [
      unit.code,
      unit.name,
      ...codes.map((code) => statuses?.get(code) ?? (statuses === undefined ? 'Chưa báo cáo' : '')),
    ].forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 11 };
    });
  });
  await own.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true });
  return workbookBytes(workbook, block.year);
}
