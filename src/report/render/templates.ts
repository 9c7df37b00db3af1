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
const ROLE_LIST = '"Người đứng đầu,Cấp phó được phân công"';
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

function dropDown(ws: ExcelJS.Worksheet, column: number, list: string, first: number, last: number): void {
  for (let row = first; row <= last; row++) {
    ws.getCell(row, column).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      errorTitle: 'Giá trị không hợp lệ',
      error: `Hãy chọn một giá trị trong danh sách: ${list.replace(/"/gu, '')}`,
    };
  }
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
  headerRow(ws, canonical(UNITS_SPEC), [12, 34, 10, 26, 24, 24]);
  dropDown(ws, 3, blockList(policy), 2, BLANK_ROWS);
  dropDown(ws, 6, ROLE_LIST, 2, BLANK_ROWS);
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
  headerRow(ws, canonical(FOLLOW_UP_SPEC), [12, 16, 14, 14, 50]);
  for (const column of [2, 3, 4]) dropDown(ws, column, FLAG_LIST, 2, BLANK_ROWS);
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
  const head = persons.find((p) => p.role === 'head');
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
  headerRow(
    ws,
    ['Mã đơn vị', 'Mã tiêu chí', 'Nội dung tiêu chí', 'Căn cứ', 'Tự đánh giá', 'Minh chứng', 'Thẩm định', 'Ghi chú'],
    [11, 9, 60, 18, 14, 30, 14, 30],
  );
  checklist.forEach((item, index) => {
    const row = ws.getRow(index + 2);
    const values = [unit.code, item.code, item.textVi, formatCitation(item.citation), null, null, null, null];
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
  dropDown(ws, 7, STATUS_LIST, 2, checklist.length + 1);
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });
  return workbookBytes(workbook, block.year);
}
