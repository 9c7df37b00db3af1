import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SAMPLE, dumpWorkbook, runIn, tableOf, tempDir } from './run.js';

/** Runs the program in this process, as cron would (no terminal), and gives what it printed. */
async function inProcess(args: readonly string[]): Promise<{ code: number | null; out: string; err: string }> {
  const { code, stdout, stderr } = await runIn(args, { env: { NO_COLOR: '1' } });
  return { code, out: stdout, err: stderr };
}

describe('what a user meets, in Vietnamese (issue #36)', () => {
  it('the help says "chọn:" and "mặc định:", never commander\'s English, however the lines wrap', async () => {
    for (const args of [['--help'], ['rate', '--help'], ['sanctions', '--help']]) {
      const { out } = await inProcess(args);
      expect(out.replace(/\s+/gu, ' ')).toContain('(chọn: "semicolon", "comma")');
      expect(out.replace(/\s+/gu, ' ')).toContain('(chọn: "vi", "vn", "en", mặc định: "vi")');
      expect(out, args.join(' ')).not.toMatch(/choices|default:/u);
    }
  });

  it('a missing argument is named by what it is, not by its English name', async () => {
    const explain = await inProcess(['explain', '--year', '2024', '-w', SAMPLE]);
    expect(explain.code).toBe(2);
    expect(explain.err).toContain('lỗi: thiếu tham số bắt buộc: mã hoặc tên đơn vị (ví dụ SYT, "Sở Y tế", "Tư pháp")');
    expect(explain.err).not.toContain("'unit'");
    const rank = await inProcess(['rank']);
    expect(rank.err).toContain('lỗi: thiếu tham số bắt buộc: tệp điểm (.xlsx hoặc .csv)');
  });

  it('--quiet: one line, starting with the local time it was printed, then "ict-eval:" (a cron log)', async () => {
    const check = await inProcess(['check', '--year', '2024', '-w', SAMPLE, '-q']);
    expect(check.code).toBe(0);
    expect(check.out).toBe('');
    const lines = check.err.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} ict-eval: năm 2024: 31 đơn vị, /u);
    const stamp = new Date((lines[0] ?? '').slice(0, 19).replace(' ', 'T'));
    expect(Math.abs(stamp.getTime() - Date.now())).toBeLessThan(10 * 60 * 1000);
    // Without --quiet the summary has no time: a terminal's reader sees when.
    const plain = await inProcess(['check', '--year', '2024', '-w', SAMPLE]);
    expect(plain.err.trimEnd().split('\n').at(-1)).toMatch(/^ict-eval: năm 2024: /u);
  });

  it('the Khen thưởng sheet is grouped by block, with the counts of each kind per block and in all', async () => {
    const out = await tempDir();
    expect((await inProcess(['rate', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'])).code).toBe(0);
    const table = tableOf(await dumpWorkbook(join(out, '2024/xep-loai-2024.xlsx')), 'Khen thưởng');
    expect(table.groups).toEqual(['KHỐI SỞ, BAN, NGÀNH', 'KHỐI HUYỆN, THỊ XÃ, THÀNH PHỐ']);
    // STT restarts in each group; a unit's own reward is in its block.
    expect(table.rows.map((r) => r[0])).toEqual([1, 2, 3, 1, 2]);
    expect(table.rows.at(-1)?.[1]).toBe('(Tập thể) Huyện Tân Mỹ');
    const lines = table.below.map((r) => String(r[0]));
    expect(lines.slice(0, 3)).toEqual([
      'Khối Sở, ban, ngành: 3 đề nghị — Đề nghị xem xét khen thưởng: 2; Đề nghị thưởng đột xuất: 1.',
      'Khối Huyện, thị xã, thành phố: 2 đề nghị — Đề nghị xem xét khen thưởng: 1; Đề nghị thưởng đột xuất: 1.',
      'Tổng cộng: 5 đề nghị — Đề nghị xem xét khen thưởng: 3; Đề nghị thưởng đột xuất: 2.',
    ]);
  });

  it('the templates print whole: the instructions fit a portrait page, a unit not reported is said once', async () => {
    const out = await tempDir();
    expect((await inProcess(['template', '--assessment', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'])).code).toBe(
      0,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, '2024/mau-danh-gia/assessment.xlsx'));
    // 75 characters at Times New Roman 12 is what fits a portrait A4 page's text (rendered and looked at); 110 ran
    // past its right edge.
    expect(workbook.getWorksheet('Hướng dẫn')?.getColumn(1).width).toBeLessThanOrEqual(75);
    const own = workbook.getWorksheet('Tự đánh giá của đơn vị');
    const rows: string[][] = [];
    own?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''))));
    const notReported = rows.filter((r) => r[2]?.startsWith('Chưa báo cáo') === true);
    expect(notReported.map((r) => r[0])).toEqual(['SNV', 'TTRA']);
    for (const row of notReported) {
      expect(row[2]).toBe('Chưa báo cáo (Điều 19)');
      // Merged across the items: the other cells read back as the first one's value, never typed again.
      expect(own?.getCell(`C${rows.indexOf(row) + 1}`).isMerged).toBe(true);
    }
  });

  it("rank without -w reads a workspace's scores file with that workspace's configuration, and says so", async () => {
    // 2025's scores have a block only the sample's configuration declares (XA): without it the file is refused.
    const inferred = await inProcess(['rank', 'fixtures/sample/2025/scores.xlsx', '-q']);
    expect(inferred.code, inferred.err).toBe(0);
    expect(inferred.err).toContain('Dùng cấu hình của thư mục làm việc fixtures/sample (thư mục chứa tệp điểm).');
    // Named with -w, nothing to say.
    const named = await inProcess(['rank', 'fixtures/sample/2025/scores.xlsx', '-w', SAMPLE, '-q']);
    expect(named.code).toBe(0);
    expect(named.err).not.toContain('Dùng cấu hình');
  });
});
