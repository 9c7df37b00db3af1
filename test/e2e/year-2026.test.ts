import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs, dumpWorkbook, runIn, sampleCopy, tableOf, tempDir } from './run.js';

/**
 * 2026, the year a December run is scheduled for, in the province as it is all year: no district-level government,
 * Sở KH&CN the assessing body, the DTI published, Nghị định 172/2025/NĐ-CP the discipline decree. Made as an office
 * makes it: `init --year 2026 --from 2025` on the sample, then the year's files (the 2025 ones, less the units that
 * ended in 2025). The run must not crash, must name the index, the body and the decree in force with their acts, and
 * must be a DỰ THẢO naming the act the configuration does not give (the DTI's adoption).
 */
let ws = '';
let units: string[] = [];

/** A 2025 workbook's rows of units that go on in 2026 only, written into 2026/. */
async function carried(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(ws, '2025', file));
  for (const sheet of book.worksheets) {
    const gone: number[] = [];
    sheet.eachRow((row, number) => {
      const code = row.getCell(1).value;
      if (typeof code === 'string' && /^[A-Z]{2,}$/u.test(code) && !units.includes(code)) gone.push(number);
    });
    for (const number of gone.reverse()) sheet.spliceRows(number, 1);
  }
  await book.xlsx.writeFile(join(ws, '2026', file));
}

beforeAll(async () => {
  ws = await sampleCopy();
  const init = await runIn(['init', ws, '--year', '2026', '--from', '2025', '-q']);
  expect(init.code, init.stderr).toBe(0);
  const dump = await dumpWorkbook(join(ws, '2026/units.xlsx'));
  units = [...new Set((dump['Danh sách'] ?? []).map((r) => String(r[0] ?? '')).filter((c) => /^[A-Z]{2,}$/u.test(c)))];
  await carried('scores.xlsx');
  await carried('assessment.xlsx');
  await mkdir(join(ws, '2026/self-reports'), { recursive: true });
  for (const name of await readdir(join(ws, '2025/self-reports')))
    if (units.includes(name.replace(/\.xlsx$/u, '')))
      await copyFile(join(ws, '2025/self-reports', name), join(ws, '2026/self-reports', name));
});

describe('2026 in the province as it is', () => {
  it('carries no district: the units of 1/1/2026 only', () => {
    expect(units).toContain('PAL');
    expect(units).toContain('SNNMT');
    for (const ended of ['TPAL', 'TXDP', 'HLS', 'HTM', 'HQV', 'STTTT']) expect(units).not.toContain(ended);
  });

  it('check names the index, the body and the decree in force, and why the year is a draft', async () => {
    const check = await runIn(['check', '--year', '2026', '-w', ws]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('Chỉ số xếp hạng: DTI');
    expect(check.stdout).toContain('Cơ quan ban hành văn bản ngày 31/12/2026: SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(check.stdout).toContain('Nghị định 172/2025/NĐ-CP');
    expect(check.stderr).toMatch(
      /ict-eval: năm 2026: \d+ đơn vị, không có lỗi dữ liệu; .*Bản DỰ THẢO: .*cần văn bản của UBND tỉnh áp dụng DTI/u,
    );
  });

  it('sanctions and the letter: written as drafts, issued by Sở KH&CN, with no block of districts', async () => {
    const out = await tempDir();
    const sanctions = await runIn(['sanctions', '--year', '2026', '-w', ws, '-o', out, '-q']);
    expect(sanctions.code, sanctions.stderr).toBe(0);
    expect(sanctions.stderr).toContain('DỰ THẢO');
    const rating = tableOf(await dumpWorkbook(join(out, '2026/xep-loai-2026.xlsx')), 'Xếp loại');
    expect(rating.top.flat()).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(rating.groups).not.toContain('KHỐI HUYỆN, THỊ XÃ, THÀNH PHỐ');
    expect(rating.groups).toContain('KHỐI XÃ, PHƯỜNG');
    const letter = await runIn(['report', '--year', '2026', '-w', ws, '-o', out, '-q', '--to', 'so-noi-vu']);
    expect(letter.code, letter.stderr).toBe(0);
    const text = await docxParagraphs(join(out, '2026/cong-van-so-noi-vu-2026.docx'));
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('Số:        /SKHCN-……');
    expect(text.join('\n')).not.toMatch(/SỞ THÔNG TIN|Sở TT&TT|STTTT/u);
  });
});
