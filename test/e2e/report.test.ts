import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE, cleanUp, dumpWorkbook, listFiles, run, tempDir, tableOf } from './run.js';

// Issue 14: the Sở's annual report to UBND tỉnh, from the same evaluation as the workbooks.
afterAll(cleanUp);

/** The text of a .docx, paragraph by paragraph (w:p), as Word shows it. */
async function paragraphs(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1] ?? '').join(''))
    .map((text) =>
      text
        .replace(/&amp;/gu, '&')
        .replace(/&lt;/gu, '<')
        .replace(/&gt;/gu, '>')
        .replace(/&quot;/gu, '"'),
    )
    .filter((text) => text !== '');
}

describe('ict-eval report', () => {
  it('writes the annual report whose numbers and names are the workbooks’', async () => {
    const out = await tempDir();
    const result = run(['report', '--year', '2024', '-w', SAMPLE, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Đã ghi .*bao-cao-2024\.docx\. DỰ THẢO: 3 người chưa đủ dữ liệu/u);
    const files = await listFiles(out);
    expect(files).toContain('2024/bao-cao-2024.docx');
    expect(files.filter((f) => f.startsWith('2024/lich-su/') && f.endsWith('.json'))).toHaveLength(1);

    const text = await paragraphs(join(out, '2024/bao-cao-2024.docx'));
    // The frame of Nghị định 30/2020/NĐ-CP, the title, the draft line, the basis and the five sections.
    for (const expected of [
      'UBND TỈNH AN LẠC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'An Lạc, ngày …… tháng …… năm ……',
      'BÁO CÁO',
      'Kết quả đánh giá trách nhiệm người đứng đầu về ứng dụng công nghệ thông tin năm 2024',
      'I. CÔNG TÁC ĐÁNH GIÁ',
      'II. KẾT QUẢ ĐÁNH GIÁ THEO KHỐI',
      'III. BIẾN ĐỘNG SO VỚI NĂM TRƯỚC',
      'IV. KHÓ KHĂN, VƯỚNG MẮC CỦA CÁC ĐƠN VỊ',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      'PHỤ LỤC 1. KẾT QUẢ XẾP LOẠI NGƯỜI ĐỨNG ĐẦU',
    ])
      expect(text, expected).toContain(expected);
    expect(text).toContain('DỰ THẢO — bản chưa chính thức: 3 người chưa đủ dữ liệu để xếp loại: BDT, SLDTBXH, TTRA.');
    expect(text.some((p) => p.startsWith('Căn cứ Quyết định số 358/2013/QĐ-UBND ngày 30/9/2013'))).toBe(true);

    // The same counts as the rating workbook's, per block and in all.
    const sanctions = run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q']);
    expect(sanctions.code).toBe(0);
    const rating = tableOf(await dumpWorkbook(join(out, '2024/xep-loai-2024.xlsx')), 'Xếp loại');
    const total = String(rating.below.find((row) => String(row[0]).startsWith('Tổng cộng'))?.[0]);
    const counts = (line: string) => [...line.matchAll(/: (\d+)/gu)].map((m) => Number(m[1]));
    const reported = text.find((p) => p.startsWith('Tổng hợp: '));
    expect(reported).toBe(
      'Tổng hợp: 34 người; Hoàn thành xuất sắc nhiệm vụ: 6; Hoàn thành nhiệm vụ: 12; Không hoàn thành nhiệm vụ: 13; Chưa xếp loại (thiếu dữ liệu): 3 (Điều 15).',
    );
    // "Tổng cộng: 34 người — Hoàn thành xuất sắc nhiệm vụ: 6; …" under the workbook's table: the same five numbers.
    expect(counts(reported ?? '')).toEqual(counts(total));
    expect(counts(total)).toEqual([34, 6, 12, 13, 3]);
    const perBlock = text.find((p) => p.startsWith('Khối Sở, ban, ngành: '));
    expect(perBlock).toMatch(/^Khối Sở, ban, ngành: 23 người — Hoàn thành xuất sắc nhiệm vụ: 4; /u);

    // The proposals of appendix 2 are the sanction workbook's, in the same words.
    const proposals = tableOf(await dumpWorkbook(join(out, '2024/xu-ly-2024.xlsx')), 'Đề xuất xử lý').rows.map((row) =>
      String(row[1]),
    );
    const zip = await JSZip.loadAsync(await readFile(join(out, '2024/bao-cao-2024.docx')));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const name of proposals) expect(xml).toContain(name);
    expect(text.find((p) => p.startsWith('Đề xuất xử lý (khoản 1 Điều 17): '))).toMatch(
      /Cảnh cáo 1, Khiển trách 1, Phê bình 1 — /u,
    );
  });

  it('gives the same bytes for the same inputs; --final refuses an incomplete year', async () => {
    const a = await tempDir();
    const b = await tempDir();
    expect(run(['report', '--year', '2024', '-w', SAMPLE, '-o', a, '-q']).code).toBe(0);
    expect(
      run(['report', '--year', '2024', '-w', SAMPLE, '-o', b, '-q'], { env: { TZ: 'Pacific/Kiritimati' } }).code,
    ).toBe(0);
    expect(
      (await readFile(join(a, '2024/bao-cao-2024.docx'))).equals(await readFile(join(b, '2024/bao-cao-2024.docx'))),
    ).toBe(true);
    const final = run(['report', '--year', '2024', '-w', SAMPLE, '-o', await tempDir(), '--final']);
    expect(final.code).toBe(4);
    expect(final.stderr).toContain('--final: năm 2024 chưa đủ dữ liệu cho bản chính thức');
  });
});
