import { readFile, writeFile } from 'node:fs/promises';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { readSelfReportFile } from '../../src/io/readers.js';
import { SAMPLE, cleanUp, dumpWorkbook, listFiles, run, sampleCopy, tempDir } from './run.js';

afterAll(cleanUp);

interface PersonJson {
  unitCode: string;
  name: string;
  role: string;
  violatedSections: number[];
  rank: number | null;
  top: boolean;
  bottom: boolean;
  bottomPrevious: boolean | null;
  rating: string;
  reward: string | null;
  rewards: string[];
  sanction: string | null;
  citations: string[];
}
interface YearJson {
  year: number;
  policy: { id: string; parameters: Record<string, unknown> };
  persons: PersonJson[];
  problems: { severity: string; code: string; message: string; file: string | null }[];
}

describe('ict-eval sanctions --year 2024 on the sample workspace', async () => {
  const out = await tempDir();
  const result = run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '--json']);
  const json = JSON.parse(result.stdout) as YearJson;
  const person = (unitCode: string) => {
    const found = json.persons.find((p) => p.unitCode === unitCode && p.role === 'head');
    if (found === undefined) throw new Error(`no head of ${unitCode}`);
    return found;
  };

  it('exits 0, prints only JSON on stdout and a summary line on stderr', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^ict-eval: năm 2024: 32 người: 7 xuất sắc, 13 hoàn thành, 10 không hoàn thành, 2 chưa xếp loại; 4 đề xuất xử lý, 6 cần xem xét; 5 cảnh báo\. Đã ghi /mu,
    );
  });

  it('writes the rating and the sanction workbooks under out/2024/', async () => {
    expect(await listFiles(out)).toEqual(['2024/xep-loai-2024.xlsx', '2024/xu-ly-2024.xlsx']);
  });

  it('names the policy, and gives one row per responsible person', () => {
    expect(json.year).toBe(2024);
    expect(json.policy.id).toBe('358/2013');
    expect(json.persons).toHaveLength(32);
  });

  it.each([
    ['VPUB', 'xuat-sac', 'khen-thuong', null, 'Điều 15 khoản 1'],
    ['STTTT', 'xuat-sac', 'khen-thuong', null, 'Điều 16 khoản 2'],
    ['STC', 'khong-hoan-thanh', null, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)'],
    ['SYT', 'khong-hoan-thanh', null, 'phe-binh', 'Điều 17 khoản 1 điểm a'],
    ['BQLKCN', 'khong-hoan-thanh', null, 'khien-trach', 'Điều 17 khoản 1 điểm b'],
    ['HQV', 'khong-hoan-thanh', null, 'khien-trach', 'Điều 17 khoản 1 điểm b'],
    ['HLS', 'khong-hoan-thanh', null, 'canh-cao', 'Điều 17 khoản 1 điểm c'],
    ['HNL', 'khong-hoan-thanh', null, 'can-xem-xet', 'Điều 18 khoản 3'],
    ['STNMT', 'khong-hoan-thanh', null, 'can-xem-xet', 'Điều 15 khoản 3'],
    ['SLDTBXH', 'thieu-du-lieu', null, null, 'Điều 15 khoản 3'],
    ['TTRA', 'thieu-du-lieu', null, null, 'Điều 19'],
    ['BDT', 'hoan-thanh', null, null, 'Điều 15 khoản 2'],
    ['HTM', 'hoan-thanh', 'thuong-dot-xuat', null, 'Điều 16 khoản 2'],
    ['STP', 'hoan-thanh', null, null, 'Điều 15 khoản 2'],
  ])('the head of %s is rated %s, reward %s, sanction %s, citing %s', (unit, rating, reward, sanction, citation) => {
    const p = person(unit);
    expect(p.rating).toBe(rating);
    expect(p.reward).toBe(reward);
    expect(p.sanction).toBe(sanction);
    expect(p.citations).toContain(citation);
  });

  it('rates the assigned deputy exactly as the head', () => {
    const deputy = json.persons.find((p) => p.unitCode === 'VPUB' && p.role === 'deputy');
    expect(deputy).toMatchObject({ rating: 'xuat-sac', reward: 'khen-thuong' });
    expect(deputy?.citations).toContain('Điều 2 khoản 3');
  });

  it('puts every unit of a tie straddling the 20% cut in the top group', () => {
    expect([person('VPUB'), person('STTTT'), person('SNV'), person('STC')].map((p) => [p.rank, p.top])).toEqual([
      [1, true],
      [1, true],
      [3, true],
      [3, true],
    ]);
  });

  it('lists both rewards when both apply', () => {
    expect(person('STTTT').rewards).toEqual(['khen-thuong', 'thuong-dot-xuat']);
  });

  it('lists the data gaps as warnings', () => {
    expect(json.problems.map((p) => [p.severity, p.code])).toEqual([
      ['warning', 'no-score'],
      ['warning', 'no-previous-score'],
      ['warning', 'missing-item'],
      ['warning', 'no-report'],
      ['warning', 'no-previous-score'],
    ]);
  });

  it('the rating workbook reads back sheet by sheet, with a title block, the header and a cited rating per person', async () => {
    const dump = await dumpWorkbook(join(out, '2024/xep-loai-2024.xlsx'));
    expect(Object.keys(dump)).toEqual(['Xếp loại', 'Khen thưởng', 'Chi tiết', 'Cảnh báo', 'Căn cứ và tham số']);
    const sheet = dump['Xếp loại'] ?? [];
    expect(sheet[0]).toEqual(['UBND TỈNH AN LẠC']);
    expect(sheet[1]).toEqual(['SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    expect(sheet[5]).toEqual([
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Vai trò',
      'Đơn vị',
      'Khối',
      'Mục 1',
      'Mục 2',
      'Mục 3',
      'Mục 4',
      'Điểm ICT Index',
      'Hạng',
      'Nhóm',
      'Xếp loại',
      'Căn cứ',
    ]);
    expect(sheet).toHaveLength(6 + 32);
    const syt = sheet.find((row) => row[4] === 'Sở Y tế');
    expect(syt?.slice(6, 14)).toEqual(['Vi phạm', 'Đạt', 'Đạt', 'Đạt', 0.71, 8, '—', 'Không hoàn thành nhiệm vụ']);
    expect(syt?.[14]).toBe(
      'Điều 2 khoản 1; Điều 15 khoản 3; Điều 5 khoản 1, QĐ 358/2013/QĐ-UBND: vi phạm ít nhất một trong 4 mục',
    );
    const details = dump['Chi tiết'] ?? [];
    expect(details.find((row) => row[1] === 'Sở Y tế (SYT)')?.slice(2, 4)).toEqual([1, '1.1']);
  });

  it('the sanction workbook lists the proposals and the cases to review, each with its article', async () => {
    const dump = await dumpWorkbook(join(out, '2024/xu-ly-2024.xlsx'));
    expect(Object.keys(dump)).toEqual(['Đề xuất xử lý', 'Cần xem xét', 'Cảnh báo', 'Căn cứ và tham số']);
    const proposals = (dump['Đề xuất xử lý'] ?? []).slice(6);
    expect(proposals.map((row) => [row[3], row[8], row[9]])).toEqual([
      ['Ban Quản lý các khu công nghiệp', 'Khiển trách', 'Điều 17 khoản 1 điểm b, QĐ 358/2013/QĐ-UBND'],
      ['Sở Y tế', 'Phê bình', 'Điều 17 khoản 1 điểm a, QĐ 358/2013/QĐ-UBND'],
      ['Huyện Lạc Sơn', 'Cảnh cáo', 'Điều 17 khoản 1 điểm c, QĐ 358/2013/QĐ-UBND'],
      ['Huyện Quế Võ', 'Khiển trách', 'Điều 17 khoản 1 điểm b, QĐ 358/2013/QĐ-UBND'],
    ]);
    const review = (dump['Cần xem xét'] ?? []).slice(6);
    expect(review).toHaveLength(6);
    expect(review.find((row) => row[3] === 'Sở Tài nguyên và Môi trường')?.[8]).toMatch(/^Vi phạm 3 mục/u);
  });

  it('the "Căn cứ và tham số" sheet names the decision, the parameters, each input with its SHA-256 and the tool', async () => {
    const dump = await dumpWorkbook(join(out, '2024/xu-ly-2024.xlsx'));
    const basis = dump['Căn cứ và tham số'] ?? [];
    const value = (key: string) => basis.find((row) => row[0] === key)?.[1];
    expect(value('Văn bản áp dụng')).toMatch(/^QĐ 358\/2013\/QĐ-UBND: /u);
    expect(value('Ngày có hiệu lực')).toMatch(/^10\/10\/2013/u);
    expect(value('rankScope')).toBe('block (mặc định)');
    expect(value('2024/units.xlsx')).toMatch(/^[0-9a-f]{64} \(\d+ byte\)$/u);
    expect(value('2023/scores.xlsx')).toMatch(/^[0-9a-f]{64}/u);
    expect(value('Phần mềm')).toMatch(/^ict-eval \d+\.\d+\.\d+$/u);
  });

  it('is formatted to print: frozen header, filter, A4 landscape with the header row repeated', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, '2024/xep-loai-2024.xlsx'));
    const sheet = workbook.getWorksheet('Xếp loại');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(sheet?.autoFilter).toBeTruthy();
    expect(sheet?.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '6:6' });
    expect(sheet?.getRow(6).getCell(2).font.bold).toBe(true);
  });

  it('gives byte-identical workbooks on a rerun, in another time zone', async () => {
    const again = await tempDir();
    const rerun = run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', again, '-q'], {
      env: { TZ: 'Pacific/Kiritimati' },
    });
    expect(rerun.code).toBe(0);
    for (const name of ['2024/xep-loai-2024.xlsx', '2024/xu-ly-2024.xlsx']) {
      expect((await readFile(join(again, name))).equals(await readFile(join(out, name)))).toBe(true);
    }
  });

  it('keeps existing outputs and exits 3 without --force; replaces them with --force', async () => {
    const before = await readFile(join(out, '2024/xu-ly-2024.xlsx'));
    const refused = run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/kết quả đã có, không ghi đè: .*xep-loai-2024\.xlsx.*Dùng --force để thay thế\./u);
    expect((await readFile(join(out, '2024/xu-ly-2024.xlsx'))).equals(before)).toBe(true);
    expect(run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '--force', '-q']).code).toBe(0);
  });
});

describe('the other commands on the sample workspace', () => {
  it('rate writes only the rating workbook', async () => {
    const out = await tempDir();
    const result = run(['rate', '--year', '2024', '-w', SAMPLE, '-o', out, '--no-color']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Hoàn thành xuất sắc nhiệm vụ');
    expect(result.stdout).not.toContain('\u001b[');
    expect(await listFiles(out)).toEqual(['2024/xep-loai-2024.xlsx']);
  });

  it('--csv writes each sheet as UTF-8 CSV with BOM beside the workbook', async () => {
    const out = await tempDir();
    expect(run(['rate', '--year', '2024', '-w', SAMPLE, '-o', out, '--csv', '-q']).code).toBe(0);
    expect(await listFiles(out)).toEqual([
      '2024/xep-loai-2024-can-cu-va-tham-so.csv',
      '2024/xep-loai-2024-canh-bao.csv',
      '2024/xep-loai-2024-chi-tiet.csv',
      '2024/xep-loai-2024-khen-thuong.csv',
      '2024/xep-loai-2024-xep-loai.csv',
      '2024/xep-loai-2024.xlsx',
    ]);
    const csv = await readFile(join(out, '2024/xep-loai-2024-xep-loai.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFSTT,Họ và tên,Chức vụ')).toBe(true);
  });

  it('check prints each unit’s sections, the disagreements and the gaps, and exits 0', () => {
    const result = run(['check', '--year', '2024', '-w', SAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/STP\s+Sở Tư pháp\s+Đạt\s+Đạt\s+Đạt\s+Đạt\s+Có\s+1/u);
    expect(result.stdout).toContain('STP, tiêu chí 2.9: tự đánh giá "Không đạt", thẩm định "Đạt"');
    expect(result.stderr).toContain('đơn vị TTRA không có báo cáo tự đánh giá');
  });

  it('check --json gives each unit’s sections', () => {
    const result = run(['check', '--year', '2024', '-w', SAMPLE, '--json']);
    const json = JSON.parse(result.stdout) as {
      units: { unitCode: string; violatedSections: number[]; hasReport: boolean }[];
    };
    expect(json.units.find((u) => u.unitCode === 'STNMT')?.violatedSections).toEqual([1, 2, 3]);
    expect(json.units.find((u) => u.unitCode === 'TTRA')?.hasReport).toBe(false);
  });

  it('rank --json gives N, k and k′ per block and last year’s rank', async () => {
    const out = await tempDir();
    const result = run([
      'rank',
      join(SAMPLE, '2024/scores.xlsx'),
      '--previous',
      join(SAMPLE, '2023/scores.xlsx'),
      '-w',
      SAMPLE,
      '-o',
      out,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      groups: unknown[];
      rows: { unitCode: string; rank: number | null; previousRank: number | null; previousBottom: boolean | null }[];
    };
    expect(json.groups).toEqual([
      { scope: 'SBN', n: 19, k: 3, kBottom: 2, topCount: 4, bottomCount: 2 },
      { scope: 'HUYEN', n: 10, k: 2, kBottom: 1, topCount: 2, bottomCount: 1 },
    ]);
    expect(json.rows.find((r) => r.unitCode === 'SNV')).toMatchObject({ rank: 3, previousRank: 6 });
    expect(json.rows.find((r) => r.unitCode === 'HPL')).toMatchObject({ previousRank: null, previousBottom: null });
    expect(await listFiles(out)).toEqual(['2024/xep-hang-2024.xlsx']);
  });

  it('explain gives the derivation with its articles, in Vietnamese and in English', () => {
    const vi = run(['explain', 'bqlkcn', '--year', '2024', '-w', SAMPLE]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain(
      'Khiển trách — đủ điều kiện của điểm được áp dụng (Điều 17 khoản 1 điểm b, QĐ 358/2013/QĐ-UBND)',
    );
    expect(vi.stdout).toContain('Các điểm cùng thỏa mãn (chọn hình thức nặng nhất): Khiển trách, Phê bình');
    const en = run(['explain', 'BQLKCN', '--year', '2024', '-w', SAMPLE, '--lang', 'en']);
    expect(en.stdout).toContain(
      'Reprimand — the conditions of the applied point hold (Điều 17 khoản 1 điểm b, QĐ 358/2013/QĐ-UBND)',
    );
  });

  it('explain of an unknown unit is a usage error naming the known codes', () => {
    const result = run(['explain', 'XYZ', '--year', '2024', '-w', SAMPLE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/không có đơn vị "XYZ" trong danh sách năm 2024\. Các mã có: BDT, BQLKCN/u);
  });
});

describe('exit codes for cron', () => {
  it('malformed input: exit 1, every problem listed with its place, nothing written', async () => {
    const workspace = await sampleCopy();
    await writeFile(
      join(workspace, '2024/follow-up.csv'),
      'Mã đơn vị,Chậm triển khai kết luận,Yêu cầu kiểm điểm,Thành tích đặc biệt\nSYT,Có,,\n',
    );
    await writeFile(
      join(workspace, '2024/self-reports/extra.csv'),
      'Mã đơn vị,Mã tiêu chí,Tự đánh giá\nXX,1.1,Đạt\nSYT,1.2,Tốt\n',
    );
    const out = join(workspace, 'ket-qua');
    const result = run(['sanctions', '--year', '2024', '-w', workspace, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ict-eval: Dữ liệu đầu vào có 3 lỗi, chưa ghi kết quả nào:');
    expect(result.stderr).toContain(
      '  - 2024/follow-up: có cả 2024/follow-up.xlsx và 2024/follow-up.csv; hãy giữ lại một tệp.',
    );
    expect(result.stderr).toContain(
      '  - 2024/self-reports/extra.csv, dòng 3, cột C (Tự đánh giá): giá trị "Tốt" không phải là trạng thái hợp lệ;',
    );
    expect(result.stderr).toContain(
      '  - 2024/self-reports/extra.csv, dòng 2: mã đơn vị "XX" trong báo cáo tự đánh giá không có trong danh sách đơn vị (2024/units.xlsx).',
    );
    expect(await listFiles(out)).toEqual([]);
  });

  it('--json on malformed input still prints only JSON, with the problems', async () => {
    const workspace = await sampleCopy();
    await writeFile(join(workspace, '2024/self-reports/extra.csv'), 'Mã đơn vị,Mã tiêu chí,Tự đánh giá\nSYT,1.1,Tốt\n');
    const result = run(['sanctions', '--year', '2024', '-w', workspace, '--json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as {
      problems: { code: string; file: string; row: number; column: string }[];
    };
    expect(json.problems.filter((p) => p.code.startsWith('invalid'))).toEqual([
      expect.objectContaining({
        code: 'invalid-selfAssessment',
        file: '2024/self-reports/extra.csv',
        row: 2,
        column: 'C (Tự đánh giá)',
      }),
    ]);
  });

  it.each([
    [['sanctions'], /required option '-y, --year <year>'/u],
    [['sanctions', '--year', '24'], /năm "24" không hợp lệ/u],
    [['bogus'], /unknown command 'bogus'/u],
    [['rate', '--year', '2024', '--lang', 'fr'], /Allowed choices are vi, en/u],
  ])('wrong usage %j: exit 2', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('an invalid --policy file is a usage error naming the parameter', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.json'), '{ "topShare": 2 }');
    const result = run(['rate', '--year', '2024', '-w', SAMPLE, '--policy', join(dir, 'p.json'), '-o', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Tham số chính sách không hợp lệ: topShare/u);
  });

  it('a --policy file changes the outcome and the output says which parameter was overridden', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.json'), '{ "topShare": 0.1 }');
    const result = run(['rate', '--year', '2024', '-w', SAMPLE, '--policy', join(dir, 'p.json'), '-o', dir, '--json']);
    const json = JSON.parse(result.stdout) as YearJson & { policy: { overridden: string[] } };
    expect(json.policy.overridden).toEqual(['topShare']);
    // 19 departments ranked, k = max(1, floor(1.9)) = 1: the two tied first stay in, Sở Nội vụ (third) falls out.
    expect(json.persons.find((p) => p.unitCode === 'SNV')?.rating).toBe('hoan-thanh');
    expect(json.persons.find((p) => p.unitCode === 'STTTT')?.rating).toBe('xuat-sac');
  });

  it('refuses an output folder inside the year’s input folder', async () => {
    const workspace = await sampleCopy();
    const result = run(['rate', '--year', '2024', '-w', workspace, '-o', join(workspace, '2024')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nằm trong thư mục dữ liệu đầu vào/u);
  });

  it('--version and --help (with examples) exit 0', () => {
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
    const help = run(['sanctions', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('ict-eval sanctions --year 2024');
  });
});

describe('init and template', () => {
  it('template refuses a year with both units.xlsx and units.csv, as the other commands do', async () => {
    const workspace = await sampleCopy();
    await writeFile(join(workspace, '2024/units.csv'), 'Mã đơn vị,Tên đơn vị,Khối,Họ và tên,Chức vụ,Vai trò\n');
    const out = await tempDir();
    const result = run(['template', '--year', '2024', '-w', workspace, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2024/units: có cả 2024/units.xlsx và 2024/units.csv; hãy giữ lại một tệp.');
    expect(await listFiles(out)).toEqual([]);
  });

  it('init makes a workspace the tool then reads, and refuses to overwrite it', async () => {
    const dir = await tempDir();
    expect(run(['init', join(dir, 'ws'), '--year', '2025']).code).toBe(0);
    expect(await listFiles(join(dir, 'ws'))).toEqual([
      '2025/follow-up.xlsx',
      '2025/scores.xlsx',
      '2025/units.xlsx',
      'ict-eval.config.json',
    ]);
    expect(run(['init', join(dir, 'ws'), '--year', '2025']).code).toBe(3);
    const dump = await dumpWorkbook(join(dir, 'ws/2025/units.xlsx'));
    expect(dump['Danh sách']?.[0]).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Họ và tên', 'Chức vụ', 'Vai trò']);
    expect(dump['Hướng dẫn']?.[1]).toEqual(['SỞ KHOA HỌC VÀ CÔNG NGHỆ']);
  });

  it('template writes one workbook per unit, and a filled template is read back as it is', async () => {
    const out = await tempDir();
    expect(run(['template', '--year', '2024', '-w', SAMPLE, '-o', out]).code).toBe(0);
    const files = await listFiles(out);
    expect(files).toHaveLength(30);
    const path = join(out, '2024/mau-bao-cao/SYT.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Tự đánh giá');
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.getCell('E2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Đạt,Không đạt,Không áp dụng"'],
    });
    // Cells are locked unless said otherwise; the sheet is protected, the status and note columns are not locked.
    // exceljs leaves protection undefined for a cell with the default (locked), whatever its type says.
    const codeProtection = sheet.getCell('A2').protection as Partial<ExcelJS.Protection> | undefined;
    expect(codeProtection?.locked).not.toBe(false);
    expect(sheet.getCell('E2').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('F2').protection).toMatchObject({ locked: false });
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    for (let row = 2; row <= 23; row++) sheet.getCell(row, 5).value = row === 3 ? 'Không đạt' : 'Đạt';
    await workbook.xlsx.writeFile(path);
    const read = await readSelfReportFile(
      path,
      'SYT.xlsx',
      DEFAULT_LIMITS,
      BN_358_2013.checklist.map((i) => i.code),
    );
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(22);
    expect(read.rows[1]).toMatchObject({
      unitCode: 'SYT',
      itemCode: '1.2',
      selfAssessment: 'khong-dat',
      appraisal: null,
    });
  });
});
