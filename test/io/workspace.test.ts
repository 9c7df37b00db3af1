import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/problems.js';
import { loadYear } from '../../src/io/workspace.js';
import { evaluateYear } from '../../src/rules/evaluate.js';
import { resolvePolicy } from '../../src/rules/policy.js';

const workspace = fileURLToPath(new URL('../fixtures/readers/', import.meta.url));

describe('a year of files made by openpyxl, gnumeric, LibreOffice and CSV writers loads into the domain', async () => {
  const loaded = await loadYear(workspace, 2024, resolvePolicy(2024));
  const { input } = loaded;

  it('finds no malformed data; warns that the kinds were taken from the blocks and that the v1 "Thẩm định" columns are not read', () => {
    expect(loaded.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(loaded.problems.map((p) => [p.code, p.where?.file])).toEqual([
      ['kind-defaulted', '2024/units.xlsx'],
      ['assessment-in-self-report', '2024/self-reports/HLS.csv'],
      ['assessment-in-self-report', '2024/self-reports/HMT.xlsx'],
      ['assessment-in-self-report', '2024/self-reports/STTTT.xlsx'],
      ['assessment-in-self-report', '2024/self-reports/SYT.xlsx'],
    ]);
  });

  it('reads the units below title lines and merged titles, trims and upper-cases codes, and stops at the signature block (openpyxl)', () => {
    expect(input.units.map((u) => [u.code, u.name, u.block, u.kind])).toEqual([
      ['STTTT', 'Sở Thông tin và Truyền thông', 'SBN', 'co-quan-chuyen-mon'],
      ['SYT', 'Sở Y tế', 'SBN', 'co-quan-chuyen-mon'],
      ['HLS', 'Huyện Lạc Sơn', 'HUYEN', 'ubnd-huyen'],
      ['HMT', 'Huyện Minh Tân', 'HUYEN', 'ubnd-huyen'],
    ]);
    expect(input.persons.find((p) => p.role === 'deputy')).toMatchObject({
      assignedSections: [1, 3],
      assignmentDocument: 'Quyết định số 7/QĐ-SYT',
    });
    expect(input.persons.map((p) => [p.unitCode, p.name, p.role])).toEqual([
      ['STTTT', 'Nguyễn Thị Lụa', 'head'],
      ['SYT', 'Trần Văn Khải', 'head'],
      ['SYT', 'Lê Thị Hằng', 'deputy'],
      ['HLS', 'Phạm Quốc Đạt', 'head'],
      ['HMT', 'Vũ Thanh Hương', 'head'],
    ]);
  });

  it('turns NFD text into NFC', () => {
    const name = input.persons[0]?.name ?? '';
    expect(name).toBe('Nguyễn Thị Lụa'.normalize('NFC'));
    expect(name.normalize('NFC')).toBe(name);
    expect(input.units[1]?.name.normalize('NFC')).toBe(input.units[1]?.name);
  });

  it('names the sheet and row each person came from, even where exceljs cannot resolve sheet names', () => {
    expect(input.persons[2]?.source).toEqual({ file: '2024/units.xlsx', sheet: 'Danh sách', row: 9 });
  });

  it('takes formula scores from their cached results and carries the component columns (gnumeric)', () => {
    const syt = input.scores.find((s) => s.unitCode === 'SYT');
    expect(syt?.score).toBeCloseTo(0.6305, 10);
    expect(syt?.officialRank).toBe(2);
    expect(syt?.components).toEqual([
      { name: 'Hạ tầng kỹ thuật', value: 0.22 },
      { name: 'Ứng dụng CNTT', value: 0.4105 },
    ]);
    expect(syt?.source).toMatchObject({ file: '2024/scores.xlsx', sheet: 'ICT Index 2024', row: 8 });
  });

  it('reads last year’s scores from a ";" CSV with BOM, a title line, decimal commas and a quoted ";"', () => {
    expect(input.previousScores?.map((s) => [s.unitCode, s.unitName, s.block, s.score])).toEqual([
      ['STTTT', 'Sở Thông tin và Truyền thông', 'SBN', 0.79],
      ['SYT', 'Sở Y tế; Bệnh viện', 'SBN', 0.601],
      ['HLS', 'Huyện Lạc Sơn', 'HUYEN', 0.5],
      ['HMT', 'Huyện Minh Tân', 'HUYEN', 0.355],
    ]);
  });

  it('reads 22 items for each of the four units, from four files of four programs', () => {
    for (const unit of ['STTTT', 'SYT', 'HLS', 'HMT']) {
      expect([...input.selfReports].filter((r) => r.unitCode === unit)).toHaveLength(22);
    }
  });

  it('reads item codes written as numbers and lower-case statuses (openpyxl)', () => {
    const row = [...input.selfReports].find((r) => r.unitCode === 'STTTT' && r.itemCode === '1.1');
    expect(row).toMatchObject({ selfAssessment: 'dat' });
    expect([...input.selfReports].find((r) => r.unitCode === 'STTTT' && r.itemCode === '2.8')?.selfAssessment).toBe(
      'khong-dat',
    );
  });

  it('skips an instruction sheet and reads the statuses, notes and rich text evidence (LibreOffice)', () => {
    expect([...input.selfReports].find((r) => r.unitCode === 'SYT' && r.itemCode === '1.1')?.evidence).toBe(
      'Quyết định số 45/QĐ-SYT',
    );
    const row = [...input.selfReports].find((r) => r.unitCode === 'SYT' && r.itemCode === '3.4');
    expect(row).toMatchObject({
      selfAssessment: 'dat',
      source: { file: '2024/self-reports/SYT.xlsx', sheet: 'Báo cáo', row: 19 },
    });
    expect(row).not.toHaveProperty('appraisal');
    expect([...input.selfReports].find((r) => r.unitCode === 'SYT' && r.itemCode === '4.6')).toMatchObject({
      selfAssessment: 'khong-ap-dung',
      note: 'Chưa có dự án',
    });
  });

  it('reads the department’s assessment (long form, ";" CSV with BOM), a blank being "not assessed"', () => {
    expect([...input.assessments].filter((r) => r.unitCode === 'SYT' && r.status !== 'dat')).toMatchObject([
      { itemCode: '3.4', status: 'khong-dat' },
      { itemCode: '4.6', status: 'khong-ap-dung', note: 'Chưa có dự án' },
    ]);
    expect([...input.assessments].filter((r) => r.unitCode === 'HMT')).toHaveLength(21);
  });

  it('reads a tab-separated UTF-16 CSV (Excel’s "Unicode Text")', () => {
    expect([...input.selfReports].filter((r) => r.unitCode === 'HLS').every((r) => r.selfAssessment === 'dat')).toBe(
      true,
    );
  });

  it('keeps a blank status as missing data, and case-folds a lower-case unit code (gnumeric)', () => {
    expect([...input.selfReports].find((r) => r.unitCode === 'HMT' && r.itemCode === '3.2')?.selfAssessment).toBeNull();
  });

  it('reads follow-up flags written as x, Có and Không, with the note in NFC', () => {
    expect(input.followUps).toEqual([
      expect.objectContaining({
        unitCode: 'STTTT',
        slow: true,
        reviewDemanded: false,
        exceptionalAchievement: false,
        note: 'Chậm triển khai Kết luận số 12-KL/UBND',
      }),
      expect.objectContaining({
        unitCode: 'HLS',
        slow: false,
        reviewDemanded: false,
        exceptionalAchievement: true,
        note: 'Giải thưởng chuyển đổi số, cấp tỉnh',
      }),
    ]);
  });

  it('lists every file read with its SHA-256', () => {
    expect(loaded.files.map((f) => [f.role, f.path])).toEqual([
      ['units', '2024/units.xlsx'],
      ['scores', '2024/scores.xlsx'],
      ['assessment', '2024/assessment.csv'],
      ['previous-scores', '2023/scores.csv'],
      ['follow-up', '2024/follow-up.csv'],
      ['self-report', '2024/self-reports/HLS.csv'],
      ['self-report', '2024/self-reports/HMT.xlsx'],
      ['self-report', '2024/self-reports/STTTT.xlsx'],
      ['self-report', '2024/self-reports/SYT.xlsx'],
    ]);
    expect(loaded.files.every((f) => /^[0-9a-f]{64}$/u.test(f.sha256))).toBe(true);
  });

  it('feeds the rules: the year is rated as the files say', () => {
    const evaluation = evaluateYear(input, resolvePolicy(2024));
    const rating = (code: string) => evaluation.units.find((u) => u.unit.code === code)?.whole.rating.outcome;
    expect(rating('STTTT')).toBe('khong-hoan-thanh');
    expect(rating('SYT')).toBe('khong-hoan-thanh');
    expect(rating('HLS')).toBe('xuat-sac');
    expect(rating('HMT')).toBe('thieu-du-lieu');
    const stttt = evaluation.units.find((u) => u.unit.code === 'STTTT');
    expect(stttt?.whole.sanction.outcome).toBe('phe-binh');
  });
});
