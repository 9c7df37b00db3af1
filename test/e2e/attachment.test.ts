import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, dumpWorkbook, sampleCopy, tableOf, runIn } from './run.js';

// Issue 13: the frame of the official attachments comes from the configuration when the office knows it.
afterAll(cleanUp);

/** A run's printed frame and what is under the table, one value per merged run of cells. */
function lines(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) => row.filter((cell, i) => cell !== null && cell !== row[i - 1]));
}

describe('the attachment frame from ict-eval.config.json', () => {
  it('the day of signing picks the issuing body and fills the date; the report, preparer and signer are printed', async () => {
    const ws = await sampleCopy();
    const config = JSON.parse(await readFile(join(ws, 'ict-eval.config.json'), 'utf8')) as Record<string, unknown>;
    config.attachment = {
      signedOn: '2025-05-15',
      report: 'Báo cáo số 27/BC-SKHCN ngày 15/5/2025',
      preparer: 'Lương Thị Diệp',
      signer: 'Kiều Văn Thắng',
    };
    await writeFile(join(ws, 'ict-eval.config.json'), JSON.stringify(config));
    const result = await runIn(['sanctions', '--year', '2024', '-w', ws]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('Lưu ý: các bảng ghi cơ quan ban hành');
    for (const [file, sheet] of [
      ['xep-loai-2024.xlsx', 'Xếp loại'],
      ['xu-ly-2024.xlsx', 'Đề xuất xử lý'],
    ] as const) {
      const table = tableOf(await dumpWorkbook(join(ws, 'out/2024', file)), sheet);
      const top = lines(table.top);
      expect(top[1]).toEqual(['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Độc lập - Tự do - Hạnh phúc']);
      expect(top[2]).toEqual(['An Lạc, ngày 15 tháng 5 năm 2025']);
      expect(top[5]).toEqual(['(Kèm theo Báo cáo số 27/BC-SKHCN ngày 15/5/2025)']);
      expect(lines(table.below)).toContainEqual(['Lương Thị Diệp', 'Kiều Văn Thắng']);
    }
  });

  it('without it, a 2024 run says which body the workbooks name and how to give the day of signing', async () => {
    const ws = await sampleCopy();
    const result = await runIn(['rate', '--year', '2024', '-w', ws]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'Lưu ý: các bảng ghi cơ quan ban hành "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" (tên ngày 31/12/2024); từ 01/03/2025 là "SỞ KHOA HỌC VÀ CÔNG NGHỆ". Nếu ký từ ngày đó, ghi ngày ký vào ict-eval.config.json',
    );
    const top = lines(tableOf(await dumpWorkbook(join(ws, 'out/2024/xep-loai-2024.xlsx')), 'Xếp loại').top);
    expect(top[2]).toEqual(['An Lạc, ngày …… tháng …… năm ……']);
    // Not in a cron log run with -q, nor beside --json.
    expect((await runIn(['rate', '--year', '2024', '-w', ws, '-q', '--force'])).stderr).not.toContain('Lưu ý');
    expect((await runIn(['rate', '--year', '2024', '-w', ws, '--json'])).stderr).not.toContain('Lưu ý');
  });

  it('a day of signing that is not a date is a usage error naming the field', async () => {
    const ws = await sampleCopy();
    await writeFile(join(ws, 'ict-eval.config.json'), JSON.stringify({ attachment: { signedOn: '15/5/2025' } }));
    const result = await runIn(['check', '--year', '2024', '-w', ws]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('attachment.signedOn: ngày ký ghi dạng năm-tháng-ngày, ví dụ "2025-05-15"');
  });
});

describe('the place-and-date line (Nghị định 30/2020/NĐ-CP, Phụ lục I)', () => {
  it('a day below 10 and the months 1 and 2 take a leading zero; blanks when the day is not known', async () => {
    const { placeAndDate } = await import('../../src/report/content/title.js');
    expect(placeAndDate({ place: 'Bắc Ninh', signedOn: '2025-02-05' })).toBe('Bắc Ninh, ngày 05 tháng 02 năm 2025');
    expect(placeAndDate({ place: 'Bắc Ninh', signedOn: '2025-11-20' })).toBe('Bắc Ninh, ngày 20 tháng 11 năm 2025');
    expect(placeAndDate({ place: 'Bắc Ninh', signedOn: '2025-03-09' })).toBe('Bắc Ninh, ngày 09 tháng 3 năm 2025');
    expect(placeAndDate({ place: 'Bắc Ninh' })).toBe('Bắc Ninh, ngày …… tháng …… năm ……');
  });

  it('the place comes from the province', async () => {
    const { placeOf } = await import('../../src/report/content/title.js');
    expect(placeOf('UBND TỈNH BẮC NINH')).toBe('Bắc Ninh');
    expect(placeOf('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI')).toBe('Hà Nội');
    expect(placeOf('UBND TỈNH BÀ RỊA - VŨNG TÀU')).toBe('Bà Rịa - Vũng Tàu');
  });
});
