import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSectionList, scoreField, sectionsField } from '../../src/io/fields.js';
import { fromTcvn3, fromVni, legacyEncodingOf, legacyWords } from '../../src/io/legacy.js';
import { formatProblem } from '../../src/problems.js';
import { distinguished } from '../../src/io/table.js';
import { loadYear } from '../../src/io/workspace.js';
import { errorsOf } from '../../src/problems.js';
import { resolvePolicy } from '../../src/rules/policy.js';
import { CHECKLIST } from '../helpers.js';
import { SCORES, UNITS, csvWorkspace, reportCsv as report } from './csv-workspace.js';
import { SAMPLE } from '../e2e/run.js';

// product.md "Reading rules", the bullets marked (v3): each rule on the smallest input that shows it. The corpus of
// files as offices make them is test/io/real-world.test.ts.

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

const workspace = (files: Record<string, string | Buffer | null> = {}) => csvWorkspace(roots, files, 'ict-eval-v3-');

const load = (root: string) => loadYear(root, 2024, resolvePolicy(2024));
const errors = async (root: string) => errorsOf((await load(root)).problems).map(formatProblem);

describe('a range of sections means every section in it, or is an error (never its two ends)', () => {
  it.each([
    ['2-4', [2, 3, 4]],
    ['Mục 2 – 4', [2, 3, 4]],
    ['2 đến 4', [2, 3, 4]],
    ['1-2, 4', [1, 2, 4]],
    ['2, 3, 4', [2, 3, 4]],
    ['Mục 1; Mục 3', [1, 3]],
    ['2 và 3', [2, 3]],
    ['1 2', [1, 2]],
  ])('"%s" is %j', (text, sections) => {
    expect(parseSectionList(text)).toEqual(sections);
  });

  it.each(['4-2', '2-', 'hai', '1.2', '2 - 4 - 6'])('"%s" is no list of sections', (text) => {
    expect(parseSectionList(text)).toBeUndefined();
  });

  const field = sectionsField([1, 2, 3, 4]);
  it('a section beyond the four is named', () => {
    expect(field.safeParse('2-5').error?.issues[0]?.message).toBe(
      'Mục được phân công "2-5": không có Mục 5; các mục là 1, 2, 3, 4.',
    );
  });

  it('what Excel made of a list is said as such: a decimal (1,2 → 1.2), a date (2-4 → 02/04)', () => {
    expect(field.safeParse(1.2).error?.issues[0]?.message).toBe(
      'Mục được phân công là số 1,2: có lẽ Excel đã đổi "1,2" (hai mục) thành số thập phân; hãy định dạng ô là Văn bản (Text) rồi ghi lại, ví dụ "1, 2".',
    );
    expect(field.safeParse(new Date(Date.UTC(2024, 3, 2))).error?.issues[0]?.message).toContain(
      'đã bị Excel đổi thành ngày (2024-04-02)',
    );
    expect(field.safeParse(24).error?.issues[0]?.message).toContain('không có Mục "24"');
    expect(field.safeParse(3).data).toEqual([3]);
  });

  it('a deputy assigned "2-4" answers for Mục 3 too (read from the units file)', async () => {
    const units = `${UNITS}\nSA,Sở An Hòa,SBN,Cơ quan chuyên môn,Trần Văn Phó,Phó Giám đốc,Cấp phó được phân công,2-4,QĐ 5/QĐ-SA`;
    const { input } = await load(await workspace({ '2024/units.csv': units }));
    expect(input.persons.find((p) => p.name === 'Trần Văn Phó')?.assignedSections).toEqual([2, 3, 4]);
  });
});

describe('text typed in a legacy encoding is recognised (TCVN3, VNI) and never read', () => {
  it.each([
    ['Ng\u00ab H\u00f7u Lan', 'tcvn3', 'Ngô Hữu Lan'],
    ['\u00a7\u00b9t', 'tcvn3', 'Đạt'],
    ['Kh\u00abng \u00ae\u00b9t', 'tcvn3', 'Không đạt'],
    ['Ho\u00b5ng V\u00a8n Th\u00b8i', 'tcvn3', 'Hoàng Văn Thái'],
  ])('%s is TCVN3 for %s', (text, encoding, meant) => {
    expect(legacyEncodingOf(text)).toBe(encoding);
    expect(fromTcvn3(text)).toBe(meant);
  });

  it.each([
    ['Kho\u00e2ng \u00f1a\u00eft', 'Không đạt'],
    ['\u00d1a\u00eft', 'Đạt'],
    ['Nguye\u00e3n Va\u00ean An', 'Nguyễn Văn An'],
    ['Gia\u00f9m \u00f1o\u00e1c', 'Giám đốc'],
    ['Ng\u00f6\u00f4\u00f8i', 'Người'],
  ])('%s is VNI for %s', (text, meant) => {
    expect(legacyEncodingOf(text)).toBe('vni');
    expect(fromVni(text)).toBe(meant);
  });

  it.each([
    'Ngô Hữu Lan',
    'Hoà Bình',
    'Quân',
    'Thuý',
    'Khoá',
    'Xoè',
    '25°C',
    '1½',
    '§ 3',
    '«Tên»',
    'Sở Y tế',
    'ST\u00adP',
  ])('%s is not legacy text', (text) => {
    expect(legacyWords(text)).toBe(0);
  });

  it('no text of the sample (names, positions, evidence, notes) is taken for legacy text', async () => {
    const texts: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.name.endsWith('.xlsx')) {
          const book = new ExcelJS.Workbook();
          await book.xlsx.readFile(path);
          book.eachSheet((sheet) => {
            sheet.eachRow((row) => {
              row.eachCell((cell) => {
                if (typeof cell.value === 'string') texts.push(cell.value);
              });
            });
          });
        }
      }
    };
    await walk(SAMPLE);
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((t) => legacyWords(t) > 0)).toEqual([]);
  });

  it('a CSV whose statuses are TCVN3 gives one error naming the encoding, not one per row', async () => {
    const root = await workspace({ '2024/self-reports/SA.csv': report('SA', '\u00a7\u00b9t') });
    expect(await errors(root)).toEqual([
      '2024/self-reports/SA.csv: chữ tiếng Việt trong tệp được gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime), không phải Unicode (ví dụ dòng 2, cột C: "§¹t", có lẽ là "Đạt"). Công cụ không đọc tệp này để không ghi sai tên và kết quả. Hãy chuyển mã sang Unicode: mở Unikey Toolkit (Ctrl+Shift+F6), chọn Nguồn "TCVN3 (ABC)", Đích "Unicode", sao chép các ô, bấm "Chuyển mã", dán lại, đổi phông chữ sang Times New Roman, rồi lưu tệp.',
    ]);
  });

  it('one foreign word is no encoding (a reader does not refuse "Müller")', async () => {
    const units = UNITS.replace('Nguyễn Văn Hòa', 'Anna Müller');
    expect(await errors(await workspace({ '2024/units.csv': units }))).toEqual([]);
  });
});

describe('tables as official documents write them', () => {
  it('"Nơi nhận:" in the code column ends the table, with the lines under it', async () => {
    const scores = `${SCORES}\nNơi nhận:,,,\n- Như trên;,,,\n- Lưu: VT.,,,`;
    expect(await errors(await workspace({ '2024/scores.csv': scores }))).toEqual([]);
  });

  it('group rows and an average row are not data; a row with a code always is', async () => {
    const scores = [
      'Mã đơn vị,Tên đơn vị,Khối,Điểm ICT Index',
      ',I. KHỐI SỞ BAN NGÀNH,,',
      'SA,Sở An Hòa,SBN,0.8',
      'II,KHỐI HUYỆN,,',
      'HA,Huyện Lạc Sơn,HUYEN,0.7',
      ',Trung bình,,0.75',
    ].join('\n');
    const { input, problems } = await load(await workspace({ '2024/scores.csv': scores }));
    expect(errorsOf(problems)).toEqual([]);
    expect(input.scores.map((s) => s.unitCode)).toEqual(['SA', 'HA']);
    // A data row whose code is missing is still an error, whatever its name says.
    const missing = `${SCORES}\n,Tổng công ty Điện lực,SBN,0.6`;
    expect(await errors(await workspace({ '2024/scores.csv': missing }))).toEqual([
      '2024/scores.csv, dòng 4, cột A (Mã đơn vị): thiếu mã đơn vị.',
    ]);
  });

  it('the numbering row under the header is not data', async () => {
    const scores = SCORES.replace('Điểm ICT Index\n', 'Điểm ICT Index\n(1),(2),(3),(4)\n');
    const { input, problems } = await load(await workspace({ '2024/scores.csv': scores }));
    expect(errorsOf(problems)).toEqual([]);
    expect(input.scores).toHaveLength(2);
  });

  it('a header on two rows with no merged cells: the group above, its parts below', async () => {
    const units = [
      'Mã đơn vị,Tên đơn vị,Khối,Loại đơn vị,Người chịu trách nhiệm,,,Thời gian,',
      ',,,,Họ và tên,Chức vụ,Vai trò,Từ ngày,Đến ngày',
      'SA,Sở An Hòa,SBN,Cơ quan chuyên môn,Nguyễn Văn Hòa,Giám đốc,Người đứng đầu,01/01/2024,30/06/2024',
      'SA,Sở An Hòa,SBN,Cơ quan chuyên môn,Lê Văn Tư,Giám đốc,Người đứng đầu,01/07/2024,31/12/2024',
      'HA,Huyện Lạc Sơn,HUYEN,UBND cấp huyện,Hoàng Văn Lực,Chủ tịch UBND huyện,Người đứng đầu,,',
    ].join('\n');
    const { input, problems } = await load(await workspace({ '2024/units.csv': units }));
    expect(errorsOf(problems).map(formatProblem)).toEqual([]);
    expect(input.persons.map((p) => [p.name, p.period])).toEqual([
      ['Nguyễn Văn Hòa', { from: '2024-01-01', to: '2024-06-30' }],
      ['Lê Văn Tư', { from: '2024-07-01', to: '2024-12-31' }],
      ['Hoàng Văn Lực', null],
    ]);
  });

  it('a score written as a text percentage is the percentage ("77,05%" is 0.7705)', () => {
    expect(scoreField.safeParse('77,05%').data).toBe(0.7705);
    expect(scoreField.safeParse('84 %').data).toBe(0.84);
    expect(scoreField.safeParse('abc%').success).toBe(false);
  });
});

describe('one mistake, one message', () => {
  it('a report sent twice is one error naming both files', async () => {
    const root = await workspace({ '2024/self-reports/SA (1).csv': report('SA') });
    expect(await errors(root)).toEqual([
      `2024/self-reports/SA.csv, dòng 2: ${CHECKLIST.length} tiêu chí của đơn vị SA (1.1, 1.2, 1.3, 2.1, 2.2, 2.3, …) đã có báo cáo trong tệp 2024/self-reports/SA (1).csv: có lẽ báo cáo được gửi hai lần; hãy giữ lại một tệp.`,
    ]);
  });

  it('a unit’s rows pasted twice in one file are one error', async () => {
    const twice = `${report('SA')}\n${report('SA').split('\n').slice(1).join('\n')}`;
    expect(await errors(await workspace({ '2024/self-reports/SA.csv': twice }))).toEqual([
      `2024/self-reports/SA.csv, dòng ${CHECKLIST.length + 2}: ${CHECKLIST.length} tiêu chí của đơn vị SA (1.1, 1.2, 1.3, 2.1, 2.2, 2.3, …) được ghi hai lần trong tệp (lần đầu từ 2024/self-reports/SA.csv, dòng 2); mỗi tiêu chí chỉ ghi một lần.`,
    ]);
  });

  it('a follow-up row naming a reward recipient is not checked against a units file that could not be read', async () => {
    const root = await workspace({
      '2024/units.csv': Buffer.from([0xff, 0xfe, 0x41]),
      '2024/follow-up.csv': [
        'Mã đơn vị,Chậm triển khai kết luận,Yêu cầu kiểm điểm,Thành tích đặc biệt,Người được đề nghị thưởng',
        'SA,Không,Không,Có,Nguyễn Văn Hòa',
      ].join('\n'),
    });
    const found = await errors(root);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^2024\/units\.csv/u);
  });

  it('two sheet names that print alike are told apart', () => {
    expect(distinguished(['Theo dõi', 'Theo dõi'.normalize('NFD'), 'Theo dõi ', 'Khác'])).toEqual([
      '"Theo dõi"',
      `"${'Theo dõi'.normalize('NFD')}" (dấu tách rời khỏi chữ (Unicode NFD))`,
      '"Theo dõi " (có dấu cách ở cuối)',
      '"Khác"',
    ]);
  });
});
