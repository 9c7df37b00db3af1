import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { evaluateYear } from '../../src/rules/evaluate.js';
import { resolvePolicy } from '../../src/rules/policy.js';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { formatProblem } from '../../src/problems.js';
import { readScoresFile } from '../../src/io/readers/index.js';
import { loadYear } from '../../src/io/workspace.js';
import { errorsOf } from '../../src/problems.js';
import { CHECKLIST } from '../helpers.js';
import { ASSESSMENT, SCORES, UNITS, csvWorkspace, reportCsv as report } from './csv-workspace.js';

const fixtures = fileURLToPath(new URL('../fixtures/readers/', import.meta.url));
const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** A workspace for 2024 with valid CSV files, with some replaced or removed (test/io/csv-workspace.ts). */
const workspace = (files: Record<string, string | Buffer | null> = {}) => csvWorkspace(roots, files, 'ict-eval-');

async function errors(root: string) {
  const loaded = await loadYear(root, 2024, resolvePolicy(2024));
  return errorsOf(loaded.problems).map(formatProblem);
}

describe('each kind of malformed input has its own precise message', () => {
  it('the valid base workspace loads without error', async () => {
    expect(await errors(await workspace())).toEqual([]);
  });

  it('a missing required column names the file and the columns found', async () => {
    const root = await workspace({ '2024/units.csv': UNITS.replace('Vai trò', 'Ghi chú') });
    expect(await errors(root)).toEqual([
      '2024/units.csv: không tìm thấy dòng tiêu đề của danh sách đơn vị và người chịu trách nhiệm (cần các cột "Mã đơn vị", "Tên đơn vị", "Khối", "Họ và tên", "Chức vụ", "Vai trò") trong 30 dòng đầu. Dòng tiêu đề thiếu cột "Vai trò". Đã thấy: "Mã đơn vị", "Tên đơn vị", "Khối", "Loại đơn vị", "Họ và tên", "Chức vụ", "Ghi chú", "Mục được phân công", "Văn bản phân công".',
    ]);
  });

  it('a missing column in a workbook names the sheets and what they hold', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Hướng dẫn').addRow(['Điền điểm vào trang sau']);
    book.addWorksheet('Điểm').addRow(['Mã đơn vị', 'Tên đơn vị', 'Điểm']);
    const root = await workspace({
      '2024/scores.csv': null,
      '2024/scores.xlsx': Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(await errors(root)).toEqual([
      '2024/scores.xlsx: không tìm thấy dòng tiêu đề của bảng điểm xếp hạng (ICT Index, DTI) (cần các cột "Mã đơn vị", "Tên đơn vị", "Khối", "Điểm ICT Index") trong 30 dòng đầu. Trang "Điểm" thiếu cột "Khối". Đã thấy: trang "Hướng dẫn": "Điền điểm vào trang sau"; trang "Điểm": "Mã đơn vị", "Tên đơn vị", "Điểm".',
    ]);
  });

  it('a column given twice is named with both letters', async () => {
    const root = await workspace({
      '2024/scores.csv': SCORES.replace('Điểm ICT Index', 'Điểm ICT Index,Score').replace(/0\.(\d)$/gmu, '0.$1,0.$1'),
    });
    expect(await errors(root)).toEqual([
      '2024/scores.csv, dòng 1: cột "Điểm ICT Index" xuất hiện nhiều lần (cột D, E); hãy giữ lại một cột.',
    ]);
  });

  it('an unknown unit code is reported once per file, at its first row, with the number of rows', async () => {
    const root = await workspace({ '2024/self-reports/SX.csv': report('SX') });
    expect(await errors(root)).toEqual([
      '2024/self-reports/SX.csv, dòng 2: mã đơn vị "SX" trong báo cáo tự đánh giá không có trong danh sách đơn vị (2024/units.csv) (22 dòng có mã này).',
    ]);
  });

  it('an unknown item code names the cell', async () => {
    const root = await workspace({ '2024/self-reports/SA.csv': `${report('SA')}\nSA,5.1,Đạt,,,` });
    expect(await errors(root)).toEqual([
      '2024/self-reports/SA.csv, dòng 24, cột B (Mã tiêu chí): mã tiêu chí "5.1" không có trong danh mục (1.1 … 4.6).',
    ]);
  });

  it('a (unit, item) given in two files names both places', async () => {
    const root = await workspace({ '2024/self-reports/SA-sua.csv': report('SA').split('\n').slice(0, 2).join('\n') });
    expect(await errors(root)).toEqual([
      '2024/self-reports/SA.csv, dòng 2: đơn vị SA, tiêu chí 1.1 đã có báo cáo ở 2024/self-reports/SA-sua.csv, dòng 2; mỗi tiêu chí chỉ ghi một lần.',
    ]);
  });

  it('the assessment: a (unit, item) given twice names both rows; a stranger is counted; the rest is kept once each', async () => {
    const root = await workspace({
      '2024/assessment.csv': `${ASSESSMENT}\nSX,1.1,Đạt,\nHA,2.3,Không đạt,Lần hai\nSX,1.2,Đạt,\nSA,4.6,Đạt,`,
    });
    expect(await errors(root)).toEqual([
      '2024/assessment.csv, dòng 47: đơn vị HA, tiêu chí 2.3 đã có đánh giá ở 2024/assessment.csv, dòng 29; mỗi tiêu chí chỉ ghi một lần.',
      '2024/assessment.csv, dòng 49: đơn vị SA, tiêu chí 4.6 đã có đánh giá ở 2024/assessment.csv, dòng 23; mỗi tiêu chí chỉ ghi một lần.',
      '2024/assessment.csv, dòng 46: mã đơn vị "SX" trong bảng đánh giá của Sở không có trong danh sách đơn vị (2024/units.csv) (2 dòng có mã này).',
    ]);
    const { input } = await loadYear(root, 2024, resolvePolicy(2024));
    const rows = [...input.assessments];
    expect(rows).toHaveLength(2 * CHECKLIST.length);
    expect(new Set(rows.map((r) => `${r.unitCode} ${r.itemCode}`)).size).toBe(rows.length);
    // The first row given is the one kept, with its place.
    expect(rows.find((r) => r.unitCode === 'HA' && r.itemCode === '2.3')).toMatchObject({
      status: 'dat',
      source: { file: '2024/assessment.csv', row: 29 },
    });
  });

  it('a second head of a unit for the same time names both periods (heads who follow each other are allowed)', async () => {
    const root = await workspace({
      '2024/units.csv': `${UNITS}\nSA,Sở An Hòa,SBN,,Trần Minh Khoa,Giám đốc,Người đứng đầu,,`,
    });
    expect(await errors(root)).toEqual([
      '2024/units.csv, dòng 4: đơn vị SA: thời gian giữ chức của Trần Minh Khoa (01/01/2024–31/12/2024) chồng lên Nguyễn Văn Hòa (01/01/2024–31/12/2024); mỗi thời điểm chỉ có một người đứng đầu.',
    ]);
  });

  it('a deputy with no assignment document is not an assigned deputy: malformed data, with the clause', async () => {
    const root = await workspace({
      '2024/units.csv': `${UNITS}\nSA,Sở An Hòa,SBN,,Lê Thị Hằng,Phó Giám đốc,Cấp phó,1,`,
    });
    expect(await errors(root)).toEqual([
      '2024/units.csv, dòng 4, cột I (Văn bản phân công): Lê Thị Hằng là cấp phó nhưng không ghi Văn bản phân công: chỉ cấp phó được người đứng đầu phân công mới chịu trách nhiệm như người đứng đầu (khoản 3 Điều 2).',
    ]);
  });

  it('a unit with only a deputy has no head: a warning, and the unit is kept', async () => {
    const root = await workspace({
      '2024/units.csv': UNITS.replace(
        'Nguyễn Văn Hòa,Giám đốc,Người đứng đầu,,',
        'Nguyễn Văn Hòa,Phó Giám đốc,Cấp phó được phân công,Tất cả,Quyết định số 1/QĐ',
      ),
    });
    const loaded = await loadYear(root, 2024, resolvePolicy(2024));
    expect(errorsOf(loaded.problems)).toEqual([]);
    expect(loaded.problems.map(formatProblem)).toContain(
      '2024/units.csv, dòng 2: đơn vị SA (Sở An Hòa) không có người đứng đầu hay quyền / phụ trách trong danh sách: kết quả của đơn vị được báo cáo không kèm người chịu trách nhiệm.',
    );
  });

  it('a unit listed with two different blocks is inconsistent', async () => {
    const root = await workspace({
      '2024/units.csv': `${UNITS}\nSA,Sở An Hòa,HUYEN,,Lê Thị Hằng,Phó Giám đốc,Cấp phó được phân công,1,QĐ 2`,
    });
    expect(await errors(root)).toEqual([
      '2024/units.csv, dòng 4: thông tin đơn vị SA khác với dòng 2 (ở đó ghi: khối SBN); mỗi đơn vị chỉ có một tên, một khối, một loại.',
    ]);
  });

  it('overlapping periods of two heads, and a period outside the year, are malformed data', async () => {
    const root = await workspace({
      '2024/units.csv': [
        'Mã đơn vị,Tên đơn vị,Khối,Họ và tên,Chức vụ,Vai trò,Từ ngày,Đến ngày',
        'SA,Sở An Hòa,SBN,Nguyễn Văn Hòa,Giám đốc,Người đứng đầu,01/01/2024,30/06/2024',
        'SA,Sở An Hòa,SBN,Trần Minh Khoa,Giám đốc,Người đứng đầu,15/06/2024,31/12/2024',
        'HA,Huyện Lạc Sơn,HUYEN,Hoàng Văn Lực,Chủ tịch UBND huyện,Người đứng đầu,01/01/2023,',
      ].join('\n'),
    });
    expect(await errors(root)).toEqual([
      '2024/units.csv, dòng 4, cột G (Từ ngày): ngày 01/01/2023 nằm ngoài năm đánh giá 2024.',
      '2024/units.csv, dòng 3: đơn vị SA: thời gian giữ chức của Trần Minh Khoa (15/06/2024–31/12/2024) chồng lên Nguyễn Văn Hòa (01/01/2024–30/06/2024); mỗi thời điểm chỉ có một người đứng đầu.',
    ]);
  });

  it('a head for part of the year and an acting head after them leave no gap; a gap is a warning', async () => {
    const root = await workspace({
      '2024/units.csv': [
        'Mã đơn vị,Tên đơn vị,Khối,Họ và tên,Chức vụ,Vai trò,Từ ngày,Đến ngày',
        'SA,Sở An Hòa,SBN,Nguyễn Văn Hòa,Giám đốc,Người đứng đầu,,30/06/2024',
        'SA,Sở An Hòa,SBN,Trần Minh Khoa,Phó Giám đốc phụ trách,Quyền / phụ trách,01/07/2024,',
        'HA,Huyện Lạc Sơn,HUYEN,Hoàng Văn Lực,Chủ tịch UBND huyện,Người đứng đầu,,30/09/2024',
      ].join('\n'),
    });
    const loaded = await loadYear(root, 2024, resolvePolicy(2024));
    expect(errorsOf(loaded.problems)).toEqual([]);
    const gaps = loaded.problems.filter((p) => p.code === 'head-gap').map(formatProblem);
    expect(gaps).toEqual(['2024/units.csv, dòng 4: đơn vị HA: không có người đứng đầu từ 01/10/2024 đến 31/12/2024.']);
    expect(loaded.input.persons.map((p) => [p.name, p.role, p.period])).toEqual([
      ['Nguyễn Văn Hòa', 'head', { from: '2024-01-01', to: '2024-06-30' }],
      ['Trần Minh Khoa', 'acting-head', { from: '2024-07-01', to: '2024-12-31' }],
      ['Hoàng Văn Lực', 'head', { from: '2024-01-01', to: '2024-09-30' }],
    ]);
  });

  it('the same person twice for a unit at the same time is malformed data', async () => {
    const root = await workspace({
      '2024/units.csv': `${UNITS}\nSA,Sở An Hòa,SBN,,nguyễn văn hòa,Phó Giám đốc,Cấp phó được phân công,2,QĐ 3`,
    });
    expect(await errors(root)).toEqual([
      '2024/units.csv, dòng 4: nguyễn văn hòa đã có trong danh sách của đơn vị SA (dòng 2) trong cùng thời gian; mỗi người chỉ ghi một lần.',
    ]);
  });

  it('a reward recipient who is not one of the unit’s persons is named', async () => {
    const root = await workspace({
      '2024/follow-up.csv':
        'Mã đơn vị,Chậm triển khai kết luận,Yêu cầu kiểm điểm,Thành tích đặc biệt,Người được đề nghị thưởng\nSA,,,Có,Trần Văn Lạ',
    });
    expect(await errors(root)).toEqual([
      '2024/follow-up.csv, dòng 2: người được đề nghị thưởng "Trần Văn Lạ" không có trong danh sách của đơn vị SA (Nguyễn Văn Hòa); để trống nếu đề nghị thưởng cho đơn vị.',
    ]);
  });

  it('a unit whose block differs between scores and units is named', async () => {
    const root = await workspace({ '2024/scores.csv': SCORES.replace('SA,Sở An Hòa,SBN', 'SA,Sở An Hòa,HUYEN') });
    expect(await errors(root)).toEqual([
      '2024/scores.csv, dòng 2: đơn vị SA thuộc khối HUYEN trong bảng điểm nhưng khối SBN trong danh sách đơn vị.',
    ]);
  });

  it('a value that is not a status names the cell and the accepted values', async () => {
    const root = await workspace({
      '2024/self-reports/SA.csv': report('SA').replace('SA,2.1,Đạt', 'SA,2.1,Đạt yêu cầu'),
    });
    expect(await errors(root)).toEqual([
      '2024/self-reports/SA.csv, dòng 5, cột C (Tự đánh giá): giá trị "Đạt yêu cầu" không phải là trạng thái hợp lệ; cần "Đạt", "Không đạt", "Không áp dụng" (hoặc để trống).',
    ]);
  });

  it('a score that is not a number names the cell', async () => {
    const root = await workspace({ '2024/scores.csv': SCORES.replace('0.7', 'bảy mươi') });
    expect(await errors(root)).toEqual([
      '2024/scores.csv, dòng 3, cột D (Điểm ICT Index): điểm "bảy mươi" không phải là số (hoặc "Không xếp hạng").',
    ]);
  });

  it('a follow-up flag that is not yes or no names the cell', async () => {
    const root = await workspace({
      '2024/follow-up.csv': 'Mã đơn vị,Chậm triển khai kết luận,Yêu cầu kiểm điểm,Thành tích đặc biệt\nSA,Có lẽ,,',
    });
    expect(await errors(root)).toEqual([
      '2024/follow-up.csv, dòng 2, cột B (Chậm triển khai kết luận): giá trị "Có lẽ" không hợp lệ; cần "Có" hoặc "Không" (x, Yes, No cũng được; để trống là Không).',
    ]);
  });

  it('a unit given twice in the follow-up is named', async () => {
    const root = await workspace({
      '2024/follow-up.csv':
        'Mã đơn vị,Chậm triển khai kết luận,Yêu cầu kiểm điểm,Thành tích đặc biệt\nSA,Có,,\nsa,,Có,',
    });
    expect(await errors(root)).toEqual([
      '2024/follow-up.csv, dòng 3: đơn vị SA có hai dòng theo dõi (dòng kia ở dòng 2); hãy gộp lại thành một dòng.',
    ]);
  });

  it('a formula with no cached result says how to fix it', async () => {
    const read = await readScoresFile(
      join(fixtures, 'broken/formula-without-result.xlsx'),
      'scores.xlsx',
      DEFAULT_LIMITS,
      BN_358_2013.blocks,
      BN_358_2013,
    );
    expect(read.problems.map(formatProblem)).toEqual([
      'scores.xlsx, trang "Sheet", dòng 2, cột E (Điểm ICT Index): ô chứa công thức =D2*2 nhưng không có kết quả lưu sẵn; hãy mở tệp bằng Excel hoặc LibreOffice, để công thức tính xong rồi lưu lại.',
    ]);
  });

  it('an item code that Excel turned into a date says to format the column as text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Báo cáo');
    sheet.addRow(['Mã đơn vị', 'Mã tiêu chí', 'Tự đánh giá']);
    for (const item of CHECKLIST)
      sheet.addRow(['SA', item.code === '1.1' ? new Date(Date.UTC(2024, 0, 1)) : item.code, 'Đạt']);
    const root = await workspace({
      '2024/self-reports/SA.csv': null,
      '2024/self-reports/SA.xlsx': Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(await errors(root)).toEqual([
      '2024/self-reports/SA.xlsx, trang "Báo cáo", dòng 2, cột B (Mã tiêu chí): mã tiêu chí đã bị Excel đổi thành ngày (2024-01-01); hãy định dạng cột "Mã tiêu chí" là Văn bản (Text) rồi nhập lại, ví dụ 1.1.',
    ]);
  });

  it('reports every problem of every file at once, not one at a time', async () => {
    const root = await workspace({
      '2024/scores.csv': SCORES.replace('0.7', 'n/a'),
      '2024/self-reports/SA.csv': report('SA').replace('SA,2.1,Đạt', 'SA,2.1,Tốt').replace('SA,3.1,Đạt', 'SA,3.1,Kém'),
      '2024/self-reports/SX.csv': report('SX'),
    });
    expect(await errors(root)).toHaveLength(4);
  });
});

describe('data in the v1 formats still reads, with warnings that say what to move where', () => {
  it('self-reports with a Thẩm định column and no assessment file: no error; the column is not read; every item is not assessed', async () => {
    const v1 = (unit: string) =>
      [
        'Mã đơn vị,Mã tiêu chí,Tự đánh giá,Minh chứng,Thẩm định,Ghi chú',
        ...CHECKLIST.map((i) => `${unit},${i.code},Đạt,,${i.code === '1.1' ? 'Không đạt' : ''},`),
      ].join('\n');
    const root = await workspace({
      '2024/self-reports/SA.csv': v1('SA'),
      '2024/self-reports/HA.csv': v1('HA'),
      '2024/assessment.csv': null,
    });
    const loaded = await loadYear(root, 2024, resolvePolicy(2024));
    expect(errorsOf(loaded.problems)).toEqual([]);
    const warnings = loaded.problems.map(formatProblem);
    expect(warnings).toContain(
      '2024/: không có tệp đánh giá của Sở (assessment.xlsx hoặc assessment.csv): chưa tiêu chí nào được Sở đánh giá.',
    );
    expect(warnings).toContain(
      '2024/self-reports/SA.csv: cột "Thẩm định" trong báo cáo của đơn vị không được đọc: kết quả đánh giá từng tiêu chí là của Sở, ghi trong tệp assessment.xlsx của năm (Mã đơn vị | Mã tiêu chí | Kết quả đánh giá | Ghi chú). Hãy chuyển các kết quả đó sang tệp này.',
    );
    const evaluation = evaluateYear(loaded.input, resolvePolicy(2024));
    expect(evaluation.persons.map((p) => [p.person.unitCode, p.rating.outcome, p.rating.reason])).toEqual([
      ['SA', 'thieu-du-lieu', 'missing-items'],
      ['HA', 'thieu-du-lieu', 'missing-items'],
    ]);
  });
});

describe('files that are not what they claim to be', () => {
  const broken = async (name: string) => {
    const root = await workspace({ '2024/units.csv': null });
    await cp(join(fixtures, 'broken', name), join(root, '2024/units.xlsx'));
    return errors(root);
  };

  it('a truncated workbook', async () => {
    const [message] = await broken('truncated.xlsx');
    expect(message).toMatch(
      /^2024\/units\.xlsx: tệp \.xlsx bị hỏng hoặc chưa tải về hết \(.+\)\. Hãy xin lại tệp từ đơn vị gửi\.$/u,
    );
  });

  it('a text file named .xlsx', async () => {
    expect(await broken('text.xlsx')).toEqual([
      '2024/units.xlsx: không phải tệp .xlsx hợp lệ (không đúng định dạng). Hãy lưu lại tệp dạng "Excel Workbook (.xlsx)".',
    ]);
  });

  it('an Excel 97-2003 workbook (or a password-protected one) named .xlsx', async () => {
    expect(await broken('xls-renamed.xlsx')).toEqual([
      '2024/units.xlsx: không phải tệp .xlsx: đây là tệp Excel 97-2003 (.xls) hoặc tệp .xlsx có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu nếu có, và lưu lại dạng "Excel Workbook (.xlsx)".',
    ]);
  });

  it('an OpenDocument spreadsheet named .xlsx', async () => {
    expect(await broken('ods-renamed.xlsx')).toEqual([
      '2024/units.xlsx: đây là tệp OpenDocument (.ods) được đổi tên thành .xlsx. Hãy lưu lại tệp dạng "Excel Workbook (.xlsx)".',
    ]);
  });

  it('a workbook that decompresses beyond the limit (a zip bomb) is refused before it is opened', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Bom').addRow(['A'.repeat(2_000_000)]);
    const root = await workspace();
    const path = join(root, 'bomb.xlsx');
    await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
    const read = await readScoresFile(
      path,
      'bomb.xlsx',
      { ...DEFAULT_LIMITS, maxUncompressedBytes: 1_000_000 },
      BN_358_2013.blocks,
      BN_358_2013,
    );
    expect(read.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^bomb\.xlsx: khi giải nén, tệp \.xlsx lớn tới 1\.9 MB, vượt giới hạn 976\.6 KB; có thể là tệp độc hại \("zip bomb"\)/u,
      ),
    ]);
  });

  it('a file larger than the limit', async () => {
    const root = await workspace();
    const read = await readScoresFile(
      join(root, '2024/scores.csv'),
      'scores.csv',
      { ...DEFAULT_LIMITS, maxFileBytes: 10 },
      BN_358_2013.blocks,
      BN_358_2013,
    );
    expect(read.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^scores\.csv: tệp quá lớn \(\d+ B; giới hạn 10 B\)\.$/u),
    ]);
  });

  it('a CSV not in UTF-8 (Windows-1258)', async () => {
    const root = await workspace({
      '2024/scores.csv': Buffer.from([...Buffer.from('Mã đơn vị,Tên'), 0xc3, 0x20, 0xe0, 0x0a]),
    });
    expect(await errors(root)).toEqual([
      '2024/scores.csv: tệp CSV không ở mã UTF-8 (có thể là Windows-1258 hoặc TCVN3). Trong Excel, hãy chọn "Lưu thành" → "CSV UTF-8 (phân tách bằng dấu phẩy)".',
    ]);
  });

  it('a directory where a file should be', async () => {
    const root = await workspace({ '2024/scores.csv': null });
    await mkdir(join(root, '2024/scores.csv'));
    expect(await errors(root)).toEqual(['2024/scores.csv: là một thư mục, không phải tệp.']);
  });

  it('a symbolic link where a file should be', async () => {
    const root = await workspace({ '2024/scores.csv': null });
    await writeFile(join(root, 'elsewhere.csv'), SCORES);
    await symlink(join(root, 'elsewhere.csv'), join(root, '2024/scores.csv'));
    expect(await errors(root)).toEqual([
      '2024/scores.csv: là một liên kết tượng trưng (symlink), không phải tệp thật; hãy chép tệp thật vào đây.',
    ]);
  });

  it('a broken .xls among the self-reports is never skipped (a located error), another kind of file is skipped with a warning, lock files are ignored', async () => {
    const root = await workspace({
      '2024/self-reports/HB.xls': 'x',
      '2024/self-reports/ghi-chu.docx': 'x',
      '2024/self-reports/~$SA.xlsx': 'x',
    });
    const loaded = await loadYear(root, 2024, resolvePolicy(2024));
    // Converted by gnumeric or LibreOffice when one is installed (and then found to hold no table),
    // or refused with the steps to save it as .xlsx: an error naming the file either way.
    expect(errorsOf(loaded.problems).map((p) => p.where?.file)).toEqual(['2024/self-reports/HB.xls']);
    expect(loaded.problems.filter((p) => p.severity === 'warning').map(formatProblem)).toEqual(
      expect.arrayContaining([
        '2024/self-reports/ghi-chu.docx: không phải bảng tính (.xlsx, .xlsm, .csv, .xls, .ods) nên đã bỏ qua.',
        '2024/: không có tệp follow-up: coi như không đơn vị nào chậm triển khai kết luận, bị yêu cầu kiểm điểm hay có thành tích đặc biệt.',
      ]),
    );
    expect(loaded.problems.some((p) => p.where?.file.includes('~$') === true)).toBe(false);
  });
});

describe('the files of a year', () => {
  it('a year with no folder', async () => {
    const root = await workspace();
    expect((await loadYear(root, 2030, resolvePolicy(2030))).problems.map(formatProblem)).toEqual([
      '2030/: không có thư mục năm 2030 trong không gian làm việc.',
    ]);
  });

  it('no units file, and no scores file', async () => {
    const root = await workspace({ '2024/units.csv': null, '2024/scores.csv': null });
    expect(await errors(root)).toEqual([
      '2024/: không tìm thấy danh sách đơn vị (units.xlsx hoặc units.csv).',
      '2024/: không tìm thấy bảng điểm xếp hạng của năm (ICT Index hoặc DTI; scores.xlsx hoặc scores.csv).',
    ]);
  });

  it('both units.xlsx and units.csv is ambiguous', async () => {
    const root = await workspace({ '2024/units.xlsx': 'x' });
    expect(await errors(root)).toEqual(['2024/units: có cả 2024/units.csv và 2024/units.xlsx; hãy giữ lại một tệp.']);
  });

  it('the previous year’s scores are optional: their absence is no error and no previous scores', async () => {
    const loaded = await loadYear(await workspace(), 2024, resolvePolicy(2024));
    expect(loaded.input.previousScores).toBeNull();
  });

  it('the previous year’s scores are read when present, with units unknown this year allowed', async () => {
    const root = await workspace({ '2023/scores.csv': `${SCORES}\nHX,Huyện cũ đã sáp nhập,HUYEN,0.4` });
    const loaded = await loadYear(root, 2024, resolvePolicy(2024));
    expect(errorsOf(loaded.problems)).toEqual([]);
    expect(loaded.input.previousScores?.map((s) => s.unitCode)).toEqual(['SA', 'HA', 'HX']);
  });

  it('no self-report at all is a gap, said once', async () => {
    const root = await workspace({ '2024/self-reports/SA.csv': null, '2024/self-reports/HA.csv': null });
    const loaded = await loadYear(root, 2024, resolvePolicy(2024));
    expect(errorsOf(loaded.problems)).toEqual([]);
    expect(loaded.problems.filter((p) => p.code === 'no-self-reports')).toHaveLength(1);
  });
});

describe('a Mục heading row inside a self-report (as the templates group the items)', () => {
  const codes = CHECKLIST.map((i) => i.code);
  const write = async (lines: readonly string[]) => {
    const dir = await mkdtemp(join(tmpdir(), 'ict-eval-heading-'));
    roots.push(dir);
    const path = join(dir, 'SA.csv');
    await writeFile(path, lines.join('\n'));
    return path;
  };

  it('is skipped when it holds only the heading', async () => {
    const { readSelfReportFile } = await import('../../src/io/readers/index.js');
    const path = await write([
      'Mã đơn vị,Mã tiêu chí,Tự đánh giá',
      '"Mục 1. Trách nhiệm của người đứng đầu trong việc xây dựng và sử dụng cơ sở hạ tầng thông tin",,',
      'SA,1.1,Đạt',
      'Mục 2,,',
      'SA,2.1,Không đạt',
    ]);
    const read = await readSelfReportFile(path, 'SA.csv', DEFAULT_LIMITS, codes);
    expect(read.problems).toEqual([]);
    expect([...read.rows].map((r) => [r.itemCode, r.selfAssessment])).toEqual([
      ['1.1', 'dat'],
      ['2.1', 'khong-dat'],
    ]);
  });

  it('is data, and checked as data, when anything else is filled in', async () => {
    const { readSelfReportFile } = await import('../../src/io/readers/index.js');
    const path = await write(['Mã đơn vị,Mã tiêu chí,Tự đánh giá', '"Mục 1. Hạ tầng",,Đạt', 'SA,1.1,Đạt']);
    const read = await readSelfReportFile(path, 'SA.csv', DEFAULT_LIMITS, codes);
    expect(read.problems.map(formatProblem)).toEqual(['SA.csv, dòng 2, cột B (Mã tiêu chí): thiếu mã tiêu chí.']);
  });
});
