import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { readAssessmentFile } from '../../src/io/readers/index.js';
import { CHECKLIST } from '../helpers.js';
import { SAMPLE, cleanUp, docxParagraphs, dumpWorkbook, sampleCopy, tableOf, tempDir, runIn } from './run.js';

// rules.md v3 "Corrections of version 3" in the documents: what stays with the Sở, section V of the report, rank
// movement by previous codes, the collective reward, the groups as the index has them, the row note of the wide form.

afterAll(cleanUp);

describe('what the Sở has not assessed stays with the Sở (khoản 2–3 Điều 18)', () => {
  let letter: string[];
  let report: string[];
  beforeAll(async () => {
    const out = await tempDir();
    expect((await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', out, '--to', 'so-noi-vu', '-q'])).code).toBe(
      0,
    );
    expect((await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'])).code).toBe(0);
    letter = await docxParagraphs(join(out, '2024/cong-van-so-noi-vu-2024.docx'));
    report = await docxParagraphs(join(out, '2024/bao-cao-2024.docx'));
  });

  it('the draft letter says how many units the Sở has not assessed, and none of them is in its appendices', () => {
    expect(letter).toContain(
      'Còn 1 đơn vị Sở chưa đánh giá (khoản 2 Điều 18): Thanh tra tỉnh (TTRA). Người chịu trách nhiệm của các đơn vị này chưa được xếp loại và chưa có trong các danh sách kèm theo; Sở TT&TT sẽ gửi bổ sung sau khi đánh giá.',
    );
    expect(letter.join('\n')).not.toContain('Đặng Thanh Khánh');
  });

  it('the report to UBND tỉnh lists them (đoạn 1 Điều 19 for the report, khoản 2 Điều 18 for the evaluation)', () => {
    expect(
      report.some((p) =>
        p.startsWith(
          'Đơn vị Sở chưa đánh giá (khoản 2 Điều 18), người chịu trách nhiệm chưa được xếp loại và chưa chuyển Sở Nội vụ: Thanh tra tỉnh.',
        ),
      ),
    ).toBe(true);
    expect(report.some((p) => p.includes('(khoản 2 Điều 18) và báo cáo UBND tỉnh (đoạn 1 Điều 19) như sau.'))).toBe(
      true,
    );
    // Phụ lục 3 (to Sở Nội vụ, through UBND tỉnh) holds only assessed cases.
    const appendix = report.slice(report.indexOf('PHỤ LỤC 3. CÁC TRƯỜNG HỢP CẦN XEM XÉT'));
    expect(appendix.join('\n')).not.toContain('Đặng Thanh Khánh');
  });

  it('section V proposes to amend the Quy định (đoạn 2 Điều 19) for each kind of case it does not settle', () => {
    const section = report.slice(report.indexOf('V. ĐỀ XUẤT, KIẾN NGHỊ'));
    const amend = section.filter((p) =>
      p.startsWith('Đề nghị UBND tỉnh xem xét sửa đổi, bổ sung Quy định (đoạn 2 Điều 19)'),
    );
    expect(amend.map((p) => p.replace(/: năm nay .*$/u, ''))).toEqual([
      'Đề nghị UBND tỉnh xem xét sửa đổi, bổ sung Quy định (đoạn 2 Điều 19) cho trường hợp vi phạm mà khoản 1 Điều 17 chưa quy định hình thức xử lý',
      'Đề nghị UBND tỉnh xem xét sửa đổi, bổ sung Quy định (đoạn 2 Điều 19) cho trường hợp cấp trên yêu cầu kiểm điểm nhưng chưa vi phạm cả các mục (điều kiện của điểm c chưa rõ liên từ)',
      'Đề nghị UBND tỉnh xem xét sửa đổi, bổ sung Quy định (đoạn 2 Điều 19) cho đề xuất xử lý dựa vào tiêu chí chưa gắn chỉ tiêu đánh giá (Quy định dẫn chỉ tiêu của QĐ 15/2011/QĐ-UBND, nay đã thay đổi)',
      'Đề nghị UBND tỉnh xem xét sửa đổi, bổ sung Quy định (đoạn 2 Điều 19) cho cấp phó được phân công một phần các mục trong khi đơn vị vi phạm mục khác (Điều 15 chưa quy định; tạm xếp hoàn thành nhiệm vụ)',
    ]);
    expect(amend[3]).toMatch(/: năm nay 1 người — Nguyễn Văn Mạnh \(Thành phố An Lạc\)\.$/u);
    // The report names the collective reward that the workbook and the letter carry.
    expect(report.find((p) => p.startsWith('Đề nghị xem xét khen thưởng (Điều 16): '))).toContain(
      '(tập thể) Huyện Tân Mỹ — Đề nghị thưởng đột xuất',
    );
  });
});

describe('the groups as the index has them, and rank movement by previous codes', () => {
  it('a unit of the index that is not rated, at the top, is named in the top group ("không xếp loại"), not "không có"', async () => {
    const ws = await sampleCopy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(ws, '2024/scores.xlsx'));
    book.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        if (row.getCell(1).value === 'CAT') row.getCell(5).value = 0.95;
      });
    });
    await book.xlsx.writeFile(join(ws, '2024/scores.xlsx'));
    expect((await runIn(['report', '--year', '2024', '-w', ws, '-q'])).code).toBe(0);
    const text = await docxParagraphs(join(ws, 'out/2024/bao-cao-2024.docx'));
    expect(text.find((p) => p.startsWith('Nhóm 20% cao nhất: Công an tỉnh (không xếp loại)'))).toBeDefined();
  });

  it('rank --previous: a renamed unit has its old rank through its previous code, never "mới"', async () => {
    const args = ['rank', join(SAMPLE, '2024/scores.xlsx'), '--previous', join(SAMPLE, '2023/scores.xlsx')];
    const json = JSON.parse((await runIn([...args, '-w', SAMPLE, '--json'])).stdout) as {
      rows: { unitCode: string; previousRank: number | null; previousStatus: string }[];
    };
    const txdp = json.rows.find((r) => r.unitCode === 'TXDP');
    expect(txdp?.previousStatus).toBe('renamed');
    // Huyện Đông Phú (HDP) was 2nd of the districts in 2023 (0,76 after Thành phố An Lạc's 0,82).
    expect(txdp?.previousRank).toBe(2);
    // HGB names HLT too, which no file of 2023 has: a merger, no one rank.
    expect(json.rows.find((r) => r.unitCode === 'HGB')?.previousStatus).toBe('merged');
    const table = (await runIn([...args, '-w', SAMPLE])).stdout;
    const line = table.split('\n').find((l) => / TXDP /u.test(l)) ?? '';
    expect(line).toContain('(mã HDP)');
    expect(line).not.toContain('mới');
  });

  it('the ranking workbook says so too', async () => {
    const out = await tempDir();
    const args = ['rank', join(SAMPLE, '2024/scores.xlsx'), '--previous', join(SAMPLE, '2023/scores.xlsx')];
    expect((await runIn([...args, '-w', SAMPLE, '--year', '2024', '-o', out, '-q'])).code).toBe(0);
    const rows = tableOf(await dumpWorkbook(join(out, '2024/xep-hang-2024.xlsx')), 'Xếp hạng').rows;
    const txdp = rows.find((row) => row[1] === 'TXDP');
    expect(txdp?.[8]).toBe(2);
    expect(txdp?.[9]).not.toBe('Mới');
  });
});

describe('the wide assessment: the row note is said beside the items it speaks of', () => {
  it('beside the "Không áp dụng" item only, never beside a met one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ict-eval-wide-'));
    const codes = CHECKLIST.map((i) => i.code);
    const statuses = codes.map((c) => (c === '4.6' ? 'Không áp dụng' : 'Đạt'));
    await writeFile(
      join(dir, 'a.csv'),
      [`Mã đơn vị,${codes.join(',')},Ghi chú`, `SGDDT,${statuses.join(',')},Không có dự án đầu tư CNTT trong năm`].join(
        '\n',
      ),
    );
    const read = await readAssessmentFile(join(dir, 'a.csv'), 'a.csv', DEFAULT_LIMITS, codes);
    const rows = [...read.rows];
    expect(rows.filter((r) => r.note !== '').map((r) => r.itemCode)).toEqual(['4.6']);
  });
});
