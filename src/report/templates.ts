import ExcelJS from 'exceljs';
import type { Person, Unit } from '../domain.js';
import { CHECKLIST } from '../rules/checklist.js';
import { formatCitation } from '../rules/citation.js';
import { FOLLOW_UP_SPEC, SCORES_SPEC, UNITS_SPEC } from '../io/readers.js';
import { type TitleBlock, workbookBytes } from './workbook.js';

/** PaperSize.A4: exceljs declares PaperSize as a const enum, which isolatedModules cannot import. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum cannot be imported; 9 is its A4 member
const A4 = 9 as ExcelJS.PaperSize;

const FONT = 'Times New Roman';
const STATUS_LIST = '"Đạt,Không đạt,Không áp dụng"';
const FLAG_LIST = '"Có,Không"';
const BLOCK_LIST = '"SBN,HUYEN"';
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

const canonical = (spec: { columns: readonly { headers: readonly string[] }[] }) => spec.columns.map((c) => c.headers[0] ?? '');

/** The blank `units` workbook of `ict-eval init`. */
export async function blankUnits(block: TitleBlock): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  instructions(workbook, block, `Danh sách người chịu trách nhiệm năm ${block.year}`, [
    'Mỗi dòng là một người chịu trách nhiệm: người đứng đầu của đơn vị, và mỗi cấp phó được phân công (Điều 2, QĐ 358/2013/QĐ-UBND).',
    'Khối: SBN (sở, ban, ngành) hoặc HUYEN (huyện, thị xã, thành phố). Mỗi đơn vị có đúng một "Người đứng đầu".',
    'Mã đơn vị là mã dùng chung trong mọi tệp (bảng điểm, báo cáo tự đánh giá, theo dõi).',
  ]);
  const ws = workbook.addWorksheet('Danh sách');
  headerRow(ws, canonical(UNITS_SPEC), [12, 34, 10, 26, 24, 24]);
  dropDown(ws, 3, BLOCK_LIST, 2, BLANK_ROWS);
  dropDown(ws, 6, ROLE_LIST, 2, BLANK_ROWS);
  return workbookBytes(workbook, block.year);
}

/** The blank `scores` workbook of `ict-eval init`. */
export async function blankScores(block: TitleBlock): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  instructions(workbook, block, `Điểm ICT Index năm ${block.year}`, [
    'Mỗi dòng là một đơn vị với điểm ICT Index (hoặc DTI) của năm. Để trống điểm nếu đơn vị không có điểm.',
    'Cột Hạng không bắt buộc: công cụ xếp hạng theo điểm và cảnh báo nếu hạng ghi khác hạng tính được.',
    'Có thể thêm các cột chỉ số thành phần (hạ tầng kỹ thuật, nhân lực, ứng dụng...): công cụ giữ nguyên trong bảng xếp hạng.',
  ]);
  const ws = workbook.addWorksheet('Điểm');
  headerRow(ws, canonical(SCORES_SPEC), [12, 34, 10, 14, 8]);
  dropDown(ws, 3, BLOCK_LIST, 2, BLANK_ROWS);
  return workbookBytes(workbook, block.year);
}

/** The blank `follow-up` workbook of `ict-eval init`. */
export async function blankFollowUp(block: TitleBlock): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  instructions(workbook, block, `Theo dõi sau đánh giá năm ${block.year}`, [
    'Chỉ ghi các đơn vị có sự việc cần ghi nhận; đơn vị không có dòng nào được coi là "Không" ở cả ba cột.',
    'Chậm triển khai kết luận: chậm triển khai thực hiện các kết luận của UBND tỉnh về CNTT (Điều 17 khoản 1 điểm a, b).',
    'Yêu cầu kiểm điểm: cơ quan quản lý cấp trên yêu cầu phải kiểm điểm (Điều 17 khoản 1 điểm c).',
    'Thành tích đặc biệt: thành tích đặc biệt xuất sắc, đề nghị thưởng đột xuất (Điều 16 khoản 2). Ghi căn cứ ở cột cuối.',
  ]);
  const ws = workbook.addWorksheet('Theo dõi');
  headerRow(ws, canonical(FOLLOW_UP_SPEC), [12, 16, 14, 14, 50]);
  for (const column of [2, 3, 4]) dropDown(ws, column, FLAG_LIST, 2, BLANK_ROWS);
  return workbookBytes(workbook, block.year);
}

/**
 * A unit's self-report template: the 22 items pre-filled with the unit's code, wording and
 * article, drop-downs on `Tự đánh giá` and `Thẩm định`, the code and wording protected. It is
 * the long-format table the readers take, so a filled template is read as it is.
 */
export async function selfReportTemplate(block: TitleBlock, unit: Unit, persons: readonly Person[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const head = persons.find((p) => p.role === 'head');
  instructions(workbook, block, `Báo cáo tự đánh giá năm ${block.year} — ${unit.name}`, [
    `Đơn vị: ${unit.name} (mã ${unit.code})${head === undefined ? '' : `; người đứng đầu: ${head.name}, ${head.position}`}.`,
    'Với mỗi tiêu chí ở trang "Tự đánh giá", chọn ở cột Tự đánh giá: Đạt, Không đạt hoặc Không áp dụng, và ghi Minh chứng (số, ngày văn bản).',
    '"Không áp dụng" phải ghi rõ lý do ở cột Ghi chú. Không để trống: tiêu chí để trống được coi là thiếu dữ liệu.',
    'Cột Thẩm định do Sở Thông tin và Truyền thông điền (Điều 18 khoản 2); khi có, kết quả thẩm định được dùng.',
    'Không sửa các cột Mã đơn vị, Mã tiêu chí, Nội dung tiêu chí và Căn cứ (đã khóa).',
  ]);
  const ws = workbook.addWorksheet('Tự đánh giá', { pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' } });
  headerRow(ws, ['Mã đơn vị', 'Mã tiêu chí', 'Nội dung tiêu chí', 'Căn cứ', 'Tự đánh giá', 'Minh chứng', 'Thẩm định', 'Ghi chú'], [11, 9, 60, 18, 14, 30, 14, 30]);
  CHECKLIST.forEach((item, index) => {
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
  dropDown(ws, 5, STATUS_LIST, 2, CHECKLIST.length + 1);
  dropDown(ws, 7, STATUS_LIST, 2, CHECKLIST.length + 1);
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true });
  return workbookBytes(workbook, block.year);
}
