import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { type Run, cleanUp, dumpWorkbook, listFiles, tempDir, runIn } from './run.js';

// Issue 12, "Done when": the annual cycle on a new workspace, as an office walks it — init, fill the units,
// template, fill the reports, the Sở's assessment, the scores, check, rank, rate, sanctions, explain, and
// a second year added with init — and no input file ever changes under a command of the tool.
afterAll(cleanUp);

/** Every input of the workspace (all but the output folder) with its SHA-256. */
async function inputs(ws: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await listFiles(ws)) {
    if (file.startsWith('out/')) continue;
    result[file] = createHash('sha256')
      .update(await readFile(join(ws, file)))
      .digest('hex');
  }
  return result;
}

/** The row whose cells hold every one of `headers`, and the column of each: layout-agnostic filling. */
function headerRow(sheet: ExcelJS.Worksheet, headers: readonly string[]): { row: number; columns: number[] } {
  for (let r = 1; r <= Math.min(sheet.rowCount, 30); r++) {
    const texts = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, col) => texts.set(cell.text.trim(), col));
    const columns = headers.map((h) => texts.get(h) ?? 0);
    if (columns.every((c) => c > 0)) return { row: r, columns };
  }
  throw new Error(`no row with ${headers.join(', ')} in sheet ${sheet.name}`);
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

const UNITS = [
  ['SYT', 'Sở Y tế', 'SBN', 'Trần Văn Khải'],
  ['STP', 'Sở Tư pháp', 'SBN', 'Lê Thị Mơ'],
  ['SXD', 'Sở Xây dựng', 'SBN', 'Phan Quốc Toản'],
  ['SCT', 'Sở Công Thương', 'SBN', 'Vương Thị Lụa'],
  ['SNV', 'Sở Nội vụ', 'SBN', 'Hà Minh Trí'],
  ['HQV', 'Huyện Quế Võ', 'HUYEN', 'Đinh Văn Cẩn'],
  ['HTM', 'Huyện Tân Mỹ', 'HUYEN', 'Mai Thị Hồng'],
] as const;
const SCORES: Record<string, number> = { SYT: 0.81, STP: 0.74, SXD: 0.69, SCT: 0.62, SNV: 0.55, HQV: 0.7, HTM: 0.6 };
/** The one item the Sở finds not met (the unit said it was met). */
const FAILED = { unit: 'SXD', item: '2.7' };

describe('the annual cycle on a new workspace', () => {
  it('walks a whole year and the next one; no command of the tool changes an input', async () => {
    const ws = join(await tempDir(), 'so-kh-cn');
    const steps: string[] = [];
    /** Runs a command; asserts that it exits as expected and leaves every input as it was. */
    const tool = async (args: readonly string[], code = 0): Promise<Run> => {
      const before = await inputs(ws);
      const result = await runIn([...args, '-w', ws]);
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(code);
      const after = await inputs(ws);
      for (const [file, hash] of Object.entries(before)) expect(after[file], `${args.join(' ')}: ${file}`).toBe(hash);
      steps.push(args[0] ?? '');
      return result;
    };

    // 1. init makes the workspace with blank inputs.
    const init = await runIn(['init', ws, '--year', '2024']);
    expect(init.code).toBe(0);
    expect(await listFiles(ws)).toEqual([
      '2024/assessment.xlsx',
      '2024/follow-up.xlsx',
      '2024/scores.xlsx',
      '2024/units.xlsx',
      'ict-eval.config.json',
    ]);

    // 2. The office fills the units (by hand, in Excel: here with exceljs).
    const units = new ExcelJS.Workbook();
    await units.xlsx.readFile(join(ws, '2024/units.xlsx'));
    const list = sheetOf(units, 'Danh sách');
    const u = headerRow(list, ['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Họ và tên', 'Chức vụ', 'Vai trò']);
    UNITS.forEach(([code, name, block, person], i) => {
      const values = [code, name, block, person, code.startsWith('H') ? 'Chủ tịch UBND' : 'Giám đốc', 'Người đứng đầu'];
      values.forEach((value, k) => (list.getCell(u.row + 1 + i, u.columns[k] ?? 0).value = value));
    });
    await units.xlsx.writeFile(join(ws, '2024/units.xlsx'));

    // 3. template: one workbook per unit, named by code and name.
    await tool(['template', '--year', '2024']);
    const templates = await listFiles(join(ws, 'out/2024/mau-bao-cao'));
    expect(templates).toEqual(UNITS.map(([code, name]) => `${code} - ${name}.xlsx`).sort());

    // 4. Each unit fills its template and sends it back: every item "Đạt" with its evidence.
    await mkdir(join(ws, '2024/self-reports'), { recursive: true });
    for (const file of templates) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(ws, 'out/2024/mau-bao-cao', file));
      const sheet = sheetOf(workbook, 'Tự đánh giá');
      const h = headerRow(sheet, ['Mã tiêu chí', 'Tự đánh giá', 'Minh chứng']);
      let filled = 0;
      for (let r = h.row + 1; r <= sheet.rowCount; r++) {
        if (!/^\d\.\d+$/u.test(sheet.getCell(r, h.columns[0] ?? 0).text)) continue;
        sheet.getCell(r, h.columns[1] ?? 0).value = 'Đạt';
        sheet.getCell(r, h.columns[2] ?? 0).value = `Văn bản số ${r}/${file.split(' ')[0] ?? ''}`;
        filled++;
      }
      expect(filled).toBe(22);
      await workbook.xlsx.writeFile(join(ws, '2024/self-reports', file));
    }

    // 5. The Sở's assessment sheet, pre-filled with the units; the Sở assesses and saves it over the blank one.
    await tool(['template', '--year', '2024', '--assessment']);
    const assessment = new ExcelJS.Workbook();
    await assessment.xlsx.readFile(join(ws, 'out/2024/mau-danh-gia/assessment.xlsx'));
    const sheet = sheetOf(assessment, 'Đánh giá của Sở');
    const a = headerRow(sheet, ['Mã đơn vị', '1.1', '4.6']);
    let assessed = 0;
    for (let r = a.row + 1; r <= sheet.rowCount; r++) {
      const code = sheet.getCell(r, a.columns[0] ?? 0).text;
      if (code === '') continue;
      sheet.getRow(a.row).eachCell((cell, col) => {
        const item = cell.text;
        if (!/^\d\.\d+$/u.test(item)) return;
        sheet.getCell(r, col).value = code === FAILED.unit && item === FAILED.item ? 'Không đạt' : 'Đạt';
      });
      assessed++;
    }
    expect(assessed).toBe(UNITS.length);
    await assessment.xlsx.writeFile(join(ws, '2024/assessment.xlsx'));

    // 6. The ICT Index scores.
    const scores = new ExcelJS.Workbook();
    await scores.xlsx.readFile(join(ws, '2024/scores.xlsx'));
    const scoreSheet = sheetOf(scores, 'Điểm');
    const s = headerRow(scoreSheet, ['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Điểm ICT Index']);
    UNITS.forEach(([code, name, block], i) => {
      [code, name, block, SCORES[code] ?? 0].forEach(
        (value, k) => (scoreSheet.getCell(s.row + 1 + i, s.columns[k] ?? 0).value = value),
      );
    });
    await scores.xlsx.writeFile(join(ws, '2024/scores.xlsx'));

    // 7. check: no data error, the Sở's "Không đạt" against the unit's "Đạt" is listed; nothing written.
    const outBefore = await listFiles(join(ws, 'out'));
    const check = await tool(['check', '--year', '2024']);
    expect(check.stdout).toMatch(/Sở Xây dựng \(SXD\), tiêu chí 2\.7: tự đánh giá "Đạt", Sở đánh giá "Không đạt"/u);
    expect(check.stderr).toContain('không có lỗi dữ liệu');
    expect(await listFiles(join(ws, 'out'))).toEqual(outBefore);

    // 8. rank prints the ranking per block (and writes only with --write).
    const rank = await tool(['rank', join(ws, '2024/scores.xlsx')]);
    expect(rank.stdout).toMatch(/^1\s+SYT\s+Sở Y tế\s+0,81\s+20% cao nhất/mu);
    expect(await listFiles(join(ws, 'out'))).toEqual(outBefore);

    // 9. rate, then sanctions --final: the year is complete, so nothing is a draft.
    const rate = await tool(['rate', '--year', '2024']);
    expect(rate.stderr).not.toContain('DỰ THẢO');
    const sanctions = await tool(['sanctions', '--year', '2024', '--final', '--force']);
    expect(sanctions.stderr).toMatch(/năm 2024: 7 người: .*0 chưa xếp loại/u);
    expect(sanctions.stderr).not.toContain('DỰ THẢO');
    for (const file of ['out/2024/xep-loai-2024.xlsx', 'out/2024/xu-ly-2024.xlsx']) {
      const dump = await dumpWorkbook(join(ws, file));
      expect(JSON.stringify(dump), file).not.toContain('DỰ THẢO');
      expect(JSON.stringify(dump), file).toContain('Phan Quốc Toản');
    }

    // 10. explain by name: the failed item, the rating and its article.
    const explain = await tool(['explain', 'xây dựng', '--year', '2024']);
    expect(explain.stdout.split('\n')[0]).toMatch(/^Sở Xây dựng \(SXD\) — /u);
    expect(explain.stdout).toContain(
      '   - 2.7 (khoản 1 Điều 9): Không đạt (đơn vị tự đánh giá "Đạt", Sở đánh giá "Không đạt")',
    );
    expect(explain.stdout).toContain('Xếp loại: Không hoàn thành nhiệm vụ');

    // 11. The next year: init adds 2025 beside 2024, the units carried over; 2024 and its outputs untouched.
    const outputs = await listFiles(join(ws, 'out'));
    await tool(['init', '--year', '2025', '--from', '2024']);
    const after = await listFiles(ws);
    expect(after.filter((f) => f.startsWith('2025/'))).toEqual([
      '2025/assessment.xlsx',
      '2025/follow-up.xlsx',
      '2025/scores.xlsx',
      '2025/units.xlsx',
    ]);
    expect(await listFiles(join(ws, 'out'))).toEqual(outputs);
    const carried = await dumpWorkbook(join(ws, '2025/units.xlsx'));
    expect(JSON.stringify(carried['Danh sách'])).toContain('Phan Quốc Toản');
    expect(steps).toEqual(['template', 'template', 'check', 'rank', 'rate', 'sanctions', 'explain', 'init']);
  });
});
