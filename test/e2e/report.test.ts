import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SAMPLE,
  addReportColumn,
  cleanUp,
  docxParagraphs,
  dumpWorkbook,
  listFiles,
  sampleCopy,
  tempDir,
  tableOf,
  run,
  runIn,
} from './run.js';

// Issue 14: the Sở's annual report to UBND tỉnh, from the same evaluation as the workbooks.
afterAll(cleanUp);

/** The charts of a .docx (Word's own, word/charts/chartN.xml): title, and each series' name and values. */
async function charts(path: string) {
  const zip = await JSZip.loadAsync(await readFile(path));
  const names = Object.keys(zip.files)
    .filter((n) => /^word\/charts\/chart\d+\.xml$/u.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/u.exec(a)?.[1]) - Number(/(\d+)\.xml$/u.exec(b)?.[1]));
  const values = (xml: string) => [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/gu)].map((m) => m[1] ?? '');
  return Promise.all(
    names.map(async (name) => {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      return {
        title: /<a:t>([^<]*)<\/a:t>/u.exec(xml)?.[1] ?? '',
        type: /<c:(barChart|scatterChart)>/u.exec(xml)?.[1] ?? '',
        series: [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/gu)].map((m) => {
          const ser = m[1] ?? '';
          return {
            name: values(/<c:tx>([\s\S]*?)<\/c:tx>/u.exec(ser)?.[1] ?? '')[0] ?? '',
            categories: values(/<c:cat>([\s\S]*?)<\/c:cat>/u.exec(ser)?.[1] ?? ''),
            values: values(/<c:(?:val|yVal)>([\s\S]*?)<\/c:(?:val|yVal)>/u.exec(ser)?.[1] ?? '').map(Number),
            x: values(/<c:xVal>([\s\S]*?)<\/c:xVal>/u.exec(ser)?.[1] ?? '').map(Number),
          };
        }),
      };
    }),
  );
}

const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);

describe('ict-eval report', () => {
  it('writes the annual report whose numbers and names are the workbooks’', async () => {
    const out = await tempDir();
    const result = await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Đã ghi .*bao-cao-2024\.docx\. DỰ THẢO: 3 người chưa đủ dữ liệu/u);
    const files = await listFiles(out);
    expect(files).toContain('2024/bao-cao-2024.docx');
    expect(files.filter((f) => f.startsWith('2024/lich-su/') && f.endsWith('.json'))).toHaveLength(1);

    const text = await docxParagraphs(join(out, '2024/bao-cao-2024.docx'));
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
    // Nghị định 30/2020/NĐ-CP: "DỰ THẢO" boxed above the motto, why under it; the body on two lines broken between
    // words; the number line with the office's abbreviation; the appendices' "(Kèm theo …)" with number and date blanks.
    expect(text.indexOf('DỰ THẢO')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('DỰ THẢO')).toBeLessThan(text.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    expect(text[text.indexOf('DỰ THẢO') + 1]).toBe(
      'Chưa phải bản chính thức: 3 người chưa đủ dữ liệu để xếp loại: Ban Dân tộc, Sở Lao động - Thương binh và Xã hội, Thanh tra tỉnh.',
    );
    expect(text).toContain('SỞ THÔNG TIN');
    expect(text).toContain('VÀ TRUYỀN THÔNG');
    expect(text).toContain('Số:        /BC-STTTT');
    expect(text).toContain(
      '(Kèm theo Báo cáo số ……/BC-STTTT ngày …… tháng …… năm …… của Sở Thông tin và Truyền thông)',
    );
    // No internal run detail (a record's digest) where a person reads.
    expect(text.filter((p) => /\b[0-9a-f]{16}\b/u.test(p))).toEqual([]);
    expect(text.some((p) => p.startsWith('Căn cứ Quyết định số 358/2013/QĐ-UBND ngày 30/9/2013'))).toBe(true);

    // The same counts as the rating workbook's, per block and in all.
    const sanctions = await runIn(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q']);
    expect(sanctions.code).toBe(0);
    const rating = tableOf(await dumpWorkbook(join(out, '2024/xep-loai-2024.xlsx')), 'Xếp loại');
    const total = String(rating.below.find((row) => String(row[0]).startsWith('Tổng cộng'))?.[0]);
    const counts = (line: string) => [...line.matchAll(/: (\d+)/gu)].map((m) => Number(m[1]));
    const reported = text.find((p) => p.startsWith('Tổng hợp: '));
    expect(reported).toBe(
      'Tổng hợp: 34 người; Hoàn thành xuất sắc nhiệm vụ: 5; Hoàn thành nhiệm vụ: 13; Không hoàn thành nhiệm vụ: 13; Chưa xếp loại (thiếu dữ liệu): 3 (Điều 15).',
    );
    // "Tổng cộng: 34 người — Hoàn thành xuất sắc nhiệm vụ: 6; …" under the workbook's table: the same five numbers.
    expect(counts(reported ?? '')).toEqual(counts(total));
    expect(counts(total)).toEqual([34, 5, 13, 13, 3]);
    const perBlock = text.find((p) => p.startsWith('Khối Sở, ban, ngành: '));
    expect(perBlock).toMatch(/^Khối Sở, ban, ngành: 23 người — Hoàn thành xuất sắc nhiệm vụ: 4; /u);

    // The proposals of appendix 2 are the sanction workbook's, in the same words.
    const proposals = tableOf(await dumpWorkbook(join(out, '2024/xu-ly-2024.xlsx')), 'Đề xuất xử lý').rows.map((row) =>
      String(row[1]),
    );
    const zip = await JSZip.loadAsync(await readFile(join(out, '2024/bao-cao-2024.docx')));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const name of proposals) expect(xml).toContain(name);
    // The disciplinary forms name the decree in force on the report's date, with the regulation's words beside it.
    expect(
      text.find((p) =>
        p.startsWith(
          'Đề xuất xử lý (khoản 1 Điều 17; khiển trách, cảnh cáo theo Nghị định 34/2011/NĐ-CP, nay là Nghị định 112/2020/NĐ-CP (sửa đổi bởi Nghị định 71/2023/NĐ-CP)): ',
        ),
      ),
    ).toMatch(/Cảnh cáo 0, Khiển trách 0, Phê bình 1 — Đỗ Văn Xuân \(Sở Y tế\): phê bình, điểm a khoản 1 Điều 17\.$/u);
  });

  it('draws the score distribution, the Mục violations and the rank movement from the same evaluation', async () => {
    const out = await tempDir();
    expect((await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'])).code).toBe(0);
    const found = await charts(join(out, '2024/bao-cao-2024.docx'));
    expect(found.map((c) => c.title)).toEqual([
      'Sở, ban, ngành: phân bố điểm ICT Index (N = 20)',
      'Huyện, thị xã, thành phố: phân bố điểm ICT Index (N = 10)',
      'Số đơn vị vi phạm từng Mục theo khối, năm 2024',
      'Sở, ban, ngành: hạng ICT Index năm 2024 so với năm 2023',
      'Huyện, thị xã, thành phố: hạng ICT Index năm 2024 so với năm 2023',
    ]);
    const text = await docxParagraphs(join(out, '2024/bao-cao-2024.docx'));
    for (const n of [1, 2, 3, 4]) expect(text.some((p) => p.startsWith(`Biểu đồ ${n}. `))).toBe(true);

    // Distribution: per block, every scored unit once, in the group `rank` gives it.
    const ranked = JSON.parse(
      (await runIn(['rank', join(SAMPLE, '2024/scores.xlsx'), '-w', SAMPLE, '--json'])).stdout,
    ) as {
      rows: { block: string; score: number | null; rank: number | null; top: boolean; bottom: boolean }[];
    };
    for (const [index, block] of [
      [0, 'SBN'],
      [1, 'HUYEN'],
    ] as const) {
      const rows = ranked.rows.filter((r) => r.block === block && r.rank !== null && r.score !== null);
      const [bottom, middle, top] = found[index]?.series ?? [];
      expect(sum(bottom?.values ?? [])).toBe(rows.filter((r) => r.bottom).length);
      expect(sum(top?.values ?? [])).toBe(rows.filter((r) => r.top).length);
      expect(sum(middle?.values ?? [])).toBe(rows.filter((r) => !r.top && !r.bottom).length);
      // The lowest bin holds the lowest score; the bins are in order of score.
      const lowest = Math.min(...rows.map((r) => r.score ?? 0));
      const first = (bottom?.values ?? []).findIndex(
        (v, i) => v + (middle?.values[i] ?? 0) + (top?.values[i] ?? 0) > 0,
      );
      const [from, to] = (bottom?.categories[first] ?? '').split('–').map((x) => Number(x.replace(',', '.')));
      expect(lowest).toBeGreaterThanOrEqual(from ?? NaN);
      expect(lowest).toBeLessThan(to ?? NaN);
    }

    // Violations: per block and Mục, the units whose head the rating workbook shows "Vi phạm" in that Mục's column.
    const sanctions = await runIn(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q']);
    expect(sanctions.code).toBe(0);
    const rating = tableOf(await dumpWorkbook(join(out, '2024/xep-loai-2024.xlsx')), 'Xếp loại');
    const violations = found[2]?.series ?? [];
    expect(violations.map((s) => s.name)).toEqual([
      'Mục 1. Hạ tầng thông tin',
      'Mục 2. Thông tin, dịch vụ công trực tuyến',
      'Mục 3. Nguồn nhân lực CNTT',
      'Mục 4. Triển khai ứng dụng CNTT',
    ]);
    expect(violations.map((s) => s.values)).toEqual([
      [4, 2],
      [3, 3],
      [3, 3],
      [1, 4],
    ]);
    // A unit violates a Mục when a row of it shows "Vi phạm" in that Mục's column (every unit has a row: its head,
    // or the deputy assigned all four Mục where the unit has no head).
    const units = new Map<string, Set<number>>();
    for (const row of rating.rows) {
      const marks = units.get(String(row[4])) ?? new Set<number>();
      for (const m of [0, 1, 2, 3]) if (row[5 + m] === 'Vi phạm') marks.add(m);
      units.set(String(row[4]), marks);
    }
    expect([0, 1, 2, 3].map((m) => [...units.values()].filter((marks) => marks.has(m)).length)).toEqual(
      violations.map((s) => sum(s.values)),
    );

    // Movement: one chart per block, on its own axes (one block's points hid the other's on shared axes); one point
    // per unit ranked both years, x last year's rank, y this year's.
    const movements = found.slice(3);
    expect(movements.map((m) => m.type)).toEqual(['scatterChart', 'scatterChart']);
    const points = movements.flatMap((m) => m.series.filter((s) => s.name.trim() !== 'Giữ nguyên hạng'));
    expect(points.map((s) => s.name)).toEqual(['Sở, ban, ngành', 'Huyện, thị xã, thành phố']);
    const stated = text.find((p) => p.startsWith('So với năm 2023: '));
    const moved = points.flatMap((s) => s.x.map((x, i) => Math.sign(x - (s.values[i] ?? x))));
    expect(stated).toBe(
      `So với năm 2023: ${moved.filter((d) => d > 0).length} đơn vị tăng hạng, ${moved.filter((d) => d < 0).length} đơn vị giảm hạng, ${moved.filter((d) => d === 0).length} đơn vị giữ nguyên hạng trong khối.`,
    );
  });

  it('section IV quotes the difficulties the units wrote in their reports, and says so when none did', async () => {
    const none = await tempDir();
    expect((await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', none, '-q'])).code).toBe(0);
    const before = await docxParagraphs(join(none, '2024/bao-cao-2024.docx'));
    expect(before[before.indexOf('IV. KHÓ KHĂN, VƯỚNG MẮC CỦA CÁC ĐƠN VỊ') + 1]).toMatch(
      /^Không đơn vị nào nêu khó khăn, vướng mắc trong báo cáo tự đánh giá \(cột "Khó khăn, vướng mắc"; đoạn 2 Điều 19\)/u,
    );

    const ws = await sampleCopy();
    // Two units write in the column (one of them on two rows, once the same text twice).
    const write = (file: string, texts: readonly string[]) => addReportColumn(ws, file, 'Khó khăn, vướng mắc', texts);
    await write('SYT.xlsx', [
      'Thiếu kinh phí nâng cấp máy chủ.',
      'Thiếu kinh phí nâng cấp máy chủ.',
      'Chưa có cán bộ chuyên trách CNTT.',
    ]);
    await write('BQLKCN.xlsx', ['Tiêu chí 2.3 chưa rõ cách tính.']);
    const result = await runIn(['report', '--year', '2024', '-w', ws, '-q']);
    expect(result.code).toBe(0);
    // The column is read, not reported as a column the tool does not know.
    expect(result.stderr).not.toContain('Khó khăn');
    const text = await docxParagraphs(join(ws, 'out/2024/bao-cao-2024.docx'));
    const at = text.indexOf('IV. KHÓ KHĂN, VƯỚNG MẮC CỦA CÁC ĐƠN VỊ');
    expect(text.slice(at + 1, at + 4)).toEqual([
      // Đoạn 2 Điều 19: the units raise their difficulties with the Sở, to be put to UBND tỉnh (rules.md v3).
      '2/31 đơn vị nêu khó khăn, vướng mắc trong báo cáo tự đánh giá (đoạn 2 Điều 19), nguyên văn:',
      // In the order of the units file; a text written twice is quoted once.
      '- Sở Y tế: Thiếu kinh phí nâng cấp máy chủ. Chưa có cán bộ chuyên trách CNTT.',
      '- Ban Quản lý các khu công nghiệp: Tiêu chí 2.3 chưa rõ cách tính.',
    ]);
    expect(text[at + 4]).toBe('V. ĐỀ XUẤT, KIẾN NGHỊ');
  });

  it('--to so-noi-vu writes the letter to Sở Nội vụ with the workbooks’ own lists attached', async () => {
    const out = await tempDir();
    const result = await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', out, '--to', 'so-noi-vu']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'ict-eval: công văn gửi Sở Nội vụ năm 2024: 5 đề nghị khen thưởng, 1 đề xuất xử lý, 13 cần xem xét.',
    );
    expect(await listFiles(out)).toContain('2024/cong-van-so-noi-vu-2024.docx');
    const text = await docxParagraphs(join(out, '2024/cong-van-so-noi-vu-2024.docx'));
    // A công văn (Nghị định 30/2020): its subject under the number, "Kính gửi", no title.
    expect(text).toContain(
      'V/v đề nghị khen thưởng, xử lý trách nhiệm người đứng đầu về ứng dụng công nghệ thông tin năm 2024',
    );
    expect(text).toContain('Kính gửi: Sở Nội vụ tỉnh An Lạc.');
    expect(text).not.toContain('BÁO CÁO');
    expect(text).toContain('1. Khen thưởng (Điều 16): 5 đề nghị, danh sách tại Phụ lục 1.');
    expect(text).toContain(
      '2. Xử lý trách nhiệm người đứng đầu (khoản 1 Điều 17): 1 người — phê bình 1; danh sách tại Phụ lục 2. Phê bình không phải hình thức kỷ luật; khiển trách, cảnh cáo theo Nghị định 34/2011/NĐ-CP, nay là Nghị định 112/2020/NĐ-CP (sửa đổi bởi Nghị định 71/2023/NĐ-CP).',
    );
    expect(text.some((p) => p.startsWith('3. ') && p.endsWith('13 trường hợp, nêu rõ lý do tại Phụ lục 3.'))).toBe(
      true,
    );
    expect(text).toContain('- Như trên;');

    // The lists are the workbooks' rows: the same names, in the same order, under the same appendix titles.
    expect((await runIn(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'])).code).toBe(0);
    const rating = await dumpWorkbook(join(out, '2024/xep-loai-2024.xlsx'));
    const sanction = await dumpWorkbook(join(out, '2024/xu-ly-2024.xlsx'));
    const zip = await JSZip.loadAsync(await readFile(join(out, '2024/cong-van-so-noi-vu-2024.docx')));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/gu)]
      .map((m) =>
        [...m[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/gu)].map((row) =>
          [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/gu)].map((cell) =>
            [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1] ?? '').join(''),
          ),
        ),
      )
      .filter((rows) => rows[0]?.[0] === 'STT');
    const namesOf = (rows: readonly (readonly unknown[])[]) => rows.map((row) => String(row[1]));
    expect(tables.map((rows) => namesOf(rows.slice(1)))).toEqual([
      namesOf(tableOf(rating, 'Khen thưởng').rows),
      namesOf(tableOf(sanction, 'Đề xuất xử lý').rows),
      namesOf(tableOf(sanction, 'Cần xem xét').rows),
    ]);
    expect(tables.map((rows) => rows.length - 1)).toEqual([5, 1, 13]);

    const wrong = await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', out, '--to', 'ubnd']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--to "ubnd" không hợp lệ: ubnd-tinh');
  });

  it('gives the same bytes for the same inputs; --final refuses an incomplete year', async () => {
    const a = await tempDir();
    const b = await tempDir();
    // Two processes, as two runs are: docx numbers some of a document's ids from counters of its module, which go on
    // counting when one process renders a second document (no command does).
    expect(run(['report', '--year', '2024', '-w', SAMPLE, '-o', a, '-q']).code).toBe(0);
    expect(
      (await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', b, '-q'], { env: { TZ: 'Pacific/Kiritimati' } }))
        .code,
    ).toBe(0);
    expect(
      (await readFile(join(a, '2024/bao-cao-2024.docx'))).equals(await readFile(join(b, '2024/bao-cao-2024.docx'))),
    ).toBe(true);
    const final = await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', await tempDir(), '--final']);
    expect(final.code).toBe(4);
    expect(final.stderr).toContain('--final: năm 2024 chưa đủ dữ liệu cho bản chính thức');
  });
});
