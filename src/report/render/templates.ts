import type ExcelJS from 'exceljs';
import { workbookClass } from './exceljs.js';
import type { Person, Unit } from '../../domain.js';
import { formatCitation } from '../../rules/citation.js';
import type { Policy } from '../../rules/policy.js';
import { FOLLOW_UP_SPEC, SCORES_SPEC, UNITS_SPEC } from '../../inputs/columns.js';
import type { TitleBlock } from '../content/document.js';
import { A4, BORDER, PAGE_FOOTER, a4Landscape, frameLine, heightFor, linesFor, workbookBytes } from './workbook.js';

const FONT = 'Times New Roman';
/** Every sheet of a template or a blank input prints on A4, fitted to the page width. */
const LANDSCAPE: Partial<ExcelJS.AddWorksheetOptions> = { pageSetup: a4Landscape(1) };
const STATUS_LIST = '"Đạt,Không đạt,Không áp dụng"';
const FLAG_LIST = '"Có,Không"';
const ROLE_LIST = '"Người đứng đầu,Quyền / phụ trách,Cấp phó được phân công"';
/** How many rows of a blank input get drop-down lists. */
const BLANK_ROWS = 500;

function instructions(workbook: ExcelJS.Workbook, block: TitleBlock, title: string, lines: readonly string[]): void {
  const ws = workbook.addWorksheet('Hướng dẫn', {
    pageSetup: {
      paperSize: A4,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.8, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
  });
  // As wide as a portrait A4 page's text (some 175 mm): the lines wrap in the cell and print whole; at 110 characters
  // they ran past the page's right edge, where LibreOffice cut them (issue #36; 75 measured to fit, with room).
  ws.columns = [{ width: 75 }];
  const rows = [block.province.toUpperCase(), block.department.toUpperCase(), '', title.toUpperCase(), '', ...lines];
  rows.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 12, bold: i === 1 || i === 3 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(i + 1).height = heightFor(linesFor(text, 68), 12);
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

/**
 * The `units` workbook of `ict-eval init`: blank, or with the rows carried over from another year (`--from`), as text
 * cells in the order of the canonical headers.
 */
export async function blankUnits(
  block: TitleBlock,
  policy: Pick<Policy, 'blocks' | 'regulation'>,
  rows: readonly (readonly string[])[] = [],
): Promise<Buffer> {
  const workbook = new (await workbookClass())();
  instructions(workbook, block, `Danh sách người chịu trách nhiệm năm ${block.year}`, unitsInstructions(policy));
  const ws = workbook.addWorksheet('Danh sách', LANDSCAPE);
  // Mã, Tên, Khối, Loại, Họ và tên, Chức vụ, Vai trò, Từ ngày, Đến ngày, Mục, Văn bản, Xếp hạng, Mã năm trước,
  // Hoạt động từ ngày, Hoạt động đến ngày, Địa bàn.
  headerRow(ws, canonical(UNITS_SPEC), [12, 34, 10, 20, 26, 24, 24, 12, 12, 14, 30, 12, 14, 12, 12, 14]);
  for (const row of rows) ws.addRow([...row]);
  dropDown(ws, 3, blockList(policy), 2, BLANK_ROWS);
  dropDown(ws, 4, `"${policy.regulation.unitKinds.map((k) => k.vi).join(',')}"`, 2, BLANK_ROWS);
  dropDown(ws, 7, ROLE_LIST, 2, BLANK_ROWS);
  dropDown(ws, 12, FLAG_LIST, 2, BLANK_ROWS);
  return workbookBytes(workbook, block.year);
}

/** The blank `scores` workbook of `ict-eval init`. */
export async function blankScores(block: TitleBlock, policy: Pick<Policy, 'blocks' | 'regulation'>): Promise<Buffer> {
  const workbook = new (await workbookClass())();
  instructions(workbook, block, `Điểm ICT Index năm ${block.year}`, policy.regulation.wording.scoresInstructions);
  const ws = workbook.addWorksheet('Điểm', LANDSCAPE);
  headerRow(ws, canonical(SCORES_SPEC), [12, 34, 10, 14, 8]);
  dropDown(ws, 3, blockList(policy), 2, BLANK_ROWS);
  return workbookBytes(workbook, block.year);
}

/** The blank `follow-up` workbook of `ict-eval init`. */
export async function blankFollowUp(block: TitleBlock, policy: Pick<Policy, 'regulation'>): Promise<Buffer> {
  const workbook = new (await workbookClass())();
  instructions(
    workbook,
    block,
    `Theo dõi sau đánh giá năm ${block.year}`,
    policy.regulation.wording.followUpInstructions,
  );
  const ws = workbook.addWorksheet('Theo dõi', LANDSCAPE);
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
  const workbook = new (await workbookClass())();
  const head = persons.find((p) => p.role !== 'deputy');
  instructions(workbook, block, `Báo cáo tự đánh giá năm ${block.year} — ${unit.name}`, [
    `Đơn vị: ${unit.name} (mã ${unit.code})${head === undefined ? '' : `; người đứng đầu: ${head.name}, ${head.position}`}.`,
    ...wording.selfReportInstructions,
  ]);
  const headers = [
    'Mã đơn vị',
    'Mã tiêu chí',
    'Nội dung tiêu chí',
    'Căn cứ',
    'Tự đánh giá',
    'Minh chứng',
    'Ghi chú',
    'Khó khăn, vướng mắc',
  ];
  const widths = [10, 8, 50, 16, 13, 26, 22, 26];
  const first = 8;
  const ws = workbook.addWorksheet('Tự đánh giá', {
    pageSetup: a4Landscape(first, true),
    headerFooter: PAGE_FOOTER,
  });
  ws.columns = widths.map((width) => ({ width }));
  // The unit's own report (Nghị định 30/2020): the unit under its governing body top left, the motto top right.
  const split = 3;
  const last = headers.length;
  const side = (text: string, from: number, to: number, options: { bold?: boolean; italic?: boolean } = {}) => ({
    text,
    from,
    to,
    ...options,
  });
  frameLine(
    ws,
    widths,
    1,
    [
      side(block.province.toUpperCase(), 1, split),
      side('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', split + 1, last, { bold: true }),
    ],
    FONT,
  );
  frameLine(
    ws,
    widths,
    2,
    [
      side(unit.name.toUpperCase(), 1, split, { bold: true }),
      side('Độc lập - Tự do - Hạnh phúc', split + 1, last, { bold: true }),
    ],
    FONT,
  );
  frameLine(ws, widths, 3, [side(`${block.place}, ngày …… tháng …… năm ……`, split + 1, last, { italic: true })], FONT);
  frameLine(
    ws,
    widths,
    5,
    [
      {
        text: `BÁO CÁO TỰ ĐÁNH GIÁ TRÁCH NHIỆM NGƯỜI ĐỨNG ĐẦU VỀ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM ${block.year}`,
        from: 1,
        to: last,
        bold: true,
        size: 14,
      },
    ],
    FONT,
  );
  frameLine(
    ws,
    widths,
    6,
    [
      {
        text: `${unit.name} (mã ${unit.code}) — theo ${policy.regulation.reference.fullVi}`,
        from: 1,
        to: last,
        italic: true,
      },
    ],
    FONT,
  );
  // The unit's report only: the department's assessment is kept in its own file (v2), never here.
  const header = ws.getRow(first);
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = BORDER;
  });
  header.height = heightFor(2);
  ws.views = [{ state: 'frozen', ySplit: first, xSplit: 0 }];
  let at = first + 1;
  for (const section of policy.regulation.sections) {
    // A heading row: one text naming the Mục (the reader skips such a row).
    const heading = ws.getRow(at++);
    const title = heading.getCell(1);
    const text = `Mục ${section.number}. ${section.titleVi}`;
    title.value = text;
    title.font = { name: FONT, size: 11, bold: true };
    title.alignment = { vertical: 'middle', wrapText: true };
    ws.mergeCells(heading.number, 1, heading.number, last);
    heading.height = heightFor(
      linesFor(
        text,
        widths.reduce((sum, w) => sum + w, 0),
      ),
    );
    for (let i = 1; i <= last; i++) heading.getCell(i).border = BORDER;
    for (const item of checklist.filter((entry) => entry.section === section.number)) {
      const row = ws.getRow(at++);
      const values = [unit.code, item.code, item.textVi, formatCitation(item.citation), null, null, null, null];
      values.forEach((value, i) => {
        const cell = row.getCell(i + 1);
        cell.value = value;
        cell.font = { name: FONT, size: 11 };
        cell.alignment = { wrapText: true, vertical: 'top' };
        cell.border = BORDER;
        // Text format keeps Excel from turning 1.1 into a date.
        cell.numFmt = '@';
        cell.protection = { locked: i < 4 };
      });
      row.height = heightFor(Math.max(linesFor(item.textVi, widths[2] ?? 56), 2));
    }
  }
  // One drop-down over the items (the heading rows between them are merged text).
  dropDown(ws, 5, STATUS_LIST, first + 1, at - 1);
  // The signature block: the reader stops at "THỦ TRƯỞNG ĐƠN VỊ".
  at++;
  frameLine(ws, widths, at++, [side('THỦ TRƯỞNG ĐƠN VỊ', split + 1, last, { bold: true })], FONT);
  frameLine(ws, widths, at++, [side('(Ký, ghi rõ họ tên, đóng dấu)', split + 1, last, { italic: true })], FONT);
  at += 4;
  frameLine(ws, widths, at, [side(head?.name ?? '', split + 1, last, { bold: true })], FONT);
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
  const workbook = new (await workbookClass())();
  instructions(workbook, block, `Kết quả đánh giá của Sở năm ${block.year}`, [
    'Trang "Đánh giá của Sở": mỗi dòng một đơn vị, mỗi cột một tiêu chí. Chọn Đạt, Không đạt hoặc Không áp dụng; để trống là chưa đánh giá (thiếu dữ liệu).',
    '"Không áp dụng" phải ghi lý do ở cột Ghi chú của dòng.',
    'Trang "Tự đánh giá của đơn vị" chỉ để đối chiếu (đã khóa): kết quả tự đánh giá của từng đơn vị theo báo cáo đã nhận.',
    `Kết quả của Sở quyết định từng tiêu chí (${formatCitation(policy.regulation.citations.assessment)}).`,
  ]);
  const codes = checklist.map((item) => item.code);
  const ws = workbook.addWorksheet('Đánh giá của Sở', LANDSCAPE);
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
  const own = workbook.addWorksheet('Tự đánh giá của đơn vị', LANDSCAPE);
  // Headers the readers do not take for the assessment's (no "Mã đơn vị", items prefixed): this sheet is never read as the Sở's.
  headerRow(
    own,
    ['Đơn vị (mã, tham khảo)', 'Tên đơn vị (tham khảo)', ...codes.map((code) => `TĐG ${code}`)],
    [14, 30, ...codes.map(() => 9)],
  );
  units.forEach((unit, index) => {
    const row = own.getRow(index + 2);
    const statuses = selfAssessments.get(unit.code);
    // A unit that has not reported says so once, across its item cells: the same words in every cell printed run
    // together ("Chưa báo cáoChưa báo cáo…", issue #36).
    const cells =
      statuses === undefined
        ? [unit.code, unit.name, `Chưa báo cáo (${formatCitation(policy.regulation.citations.reporting)})`]
        : [unit.code, unit.name, ...codes.map((code) => statuses.get(code) ?? '')];
    cells.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 11, italic: statuses === undefined && i === 2 };
    });
    if (statuses === undefined && codes.length > 1) {
      own.mergeCells(index + 2, 3, index + 2, 2 + codes.length);
      row.getCell(3).alignment = { horizontal: 'center' };
    }
  });
  await own.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true });
  return workbookBytes(workbook, block.year);
}
