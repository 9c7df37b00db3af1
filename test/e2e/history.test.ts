import { createHash } from 'node:crypto';
import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SAMPLE,
  cleanUp,
  docxParagraphs,
  dumpWorkbook,
  listFiles,
  run,
  sampleCopy,
  tableOf,
  tempDir,
  runIn,
} from './run.js';

// Issue 14: every run of rate/sanctions is kept in out/Y/lich-su/ and two runs can be compared.
afterAll(cleanUp);

/** Sets the Sở's assessment of one item of one unit in the workspace's wide assessment sheet. */
async function assess(ws: string, unit: string, item: string, status: string): Promise<void> {
  const path = join(ws, '2024/assessment.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Đánh giá của Sở');
  if (sheet === undefined) throw new Error('no assessment sheet');
  let header = 0;
  let column = 0;
  sheet.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (header === 0 && cell.text === item) {
        header = r;
        column = c;
      }
    });
  });
  let changed = 0;
  sheet.eachRow((row, r) => {
    if (r > header && row.getCell(1).text === unit) {
      row.getCell(column).value = status;
      changed++;
    }
  });
  expect(changed).toBe(1);
  await workbook.xlsx.writeFile(path);
}

const records = async (ws: string) =>
  (await listFiles(join(ws, 'out/2024/lich-su'))).filter((f) => /^[0-9a-f]{16}\.json$/u.test(f));

describe('every run kept and comparable', () => {
  it('the same inputs give the same record; one corrected item gives a second record and a diff naming exactly who and why', async () => {
    const ws = await sampleCopy();
    const original = join(ws, 'original-assessment.xlsx');
    await copyFile(join(ws, '2024/assessment.xlsx'), original);
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '-q'])).code).toBe(0);
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '-q', '--force'])).code).toBe(0);
    expect((await runIn(['rate', '--year', '2024', '-w', ws, '-q', '--force'])).code).toBe(0);
    const [first] = await records(ws);
    expect(await records(ws)).toHaveLength(1);
    const bytes = await readFile(join(ws, 'out/2024/lich-su', first ?? ''));
    // Named by the digest of its bytes: written as they were sealed (rate and sanctions hold them deflated till then).
    expect(`${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.json`).toBe(first);
    const record = JSON.parse(bytes.toString('utf8')) as {
      inputs: { path: string; sha256: string }[];
      persons: { name: string; rating: string; citations: string[] }[];
      policy: Record<string, unknown>;
    };
    expect(record.persons).toHaveLength(34);
    expect(record.inputs.map((f) => f.path)).toContain('2024/assessment.xlsx');
    expect(record.policy.rankScope).toBe('block');
    expect(record.persons.find((p) => p.name === 'Đỗ Văn Xuân')?.citations).toContain('điểm a khoản 1 Điều 17');
    // No earlier record: no "Thay đổi" sheet.
    expect(Object.keys(await dumpWorkbook(join(ws, 'out/2024/xep-loai-2024.xlsx')))).not.toContain('Thay đổi');

    // The Sở re-assesses item 3.1 of the Văn phòng UBND tỉnh: Mục 3 is its head's alone (the deputy answers for 2, 4);
    // the deputy, excellent while the unit broke nothing, is "completed" once it breaks Mục 3 (rules.md v3: Điều 15 is
    // silent on a deputy assigned part of the sections, and the default reading is the stricter one).
    await assess(ws, 'VPUB', '3.1', 'Không đạt');
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '-q', '--force'])).code).toBe(0);
    const both = await records(ws);
    expect(both).toHaveLength(2);
    expect(both).toContain(first);

    const diff = await runIn(['diff', '--year', '2024', '-w', ws, '--json']);
    expect(diff.code).toBe(0);
    const json = JSON.parse(diff.stdout) as {
      from: string;
      to: string;
      inputs: { what: string }[];
      policy: unknown[];
      persons: {
        name: string;
        unitCode: string;
        from: { rating: string };
        to: { rating: string; sanction: string };
        facts: unknown[];
      }[];
    };
    expect(`${json.from}.json`).toBe(first);
    expect(json.inputs.map((f) => f.what)).toEqual(['2024/assessment.xlsx']);
    expect(json.policy).toEqual([]);
    expect(json.persons.map((p) => [p.name, p.unitCode, p.from.rating, p.to.rating, p.to.sanction])).toEqual([
      ['Nguyễn Văn An', 'VPUB', 'xuat-sac', 'khong-hoan-thanh', 'can-xem-xet'],
      ['Trần Quốc Lan', 'VPUB', 'xuat-sac', 'hoan-thanh', null],
    ]);
    expect(json.persons[0]?.facts).toEqual([{ what: 'tiêu chí 3.1', from: 'Đạt', to: 'Không đạt' }]);

    const text = await runIn(['diff', '--year', '2024', '-w', ws]);
    expect(text.stdout).toContain(
      '  - Nguyễn Văn An, Văn phòng UBND tỉnh (VPUB): Hoàn thành xuất sắc nhiệm vụ; khen thưởng: Đề nghị xem xét khen thưởng → Không hoàn thành nhiệm vụ; xử lý: Cần xem xét\n    vì: tiêu chí 3.1: Đạt → Không đạt',
    );
    expect(text.stderr).toContain('2 người thay đổi kết quả');

    // Both workbooks carry the "Thay đổi" sheet against the earlier record.
    for (const file of ['xep-loai-2024.xlsx', 'xu-ly-2024.xlsx']) {
      const changes = tableOf(await dumpWorkbook(join(ws, 'out/2024', file)), 'Thay đổi');
      expect(changes.rows.map((row) => [row[1], row[5]])).toEqual([
        ['Nguyễn Văn An', 'tiêu chí 3.1: Đạt → Không đạt'],
        ['Trần Quốc Lan', 'tiêu chí 3.1: Đạt → Không đạt'],
      ]);
    }
    // The report says it too: a paragraph of section III and an appendix with the same row.
    expect((await runIn(['report', '--year', '2024', '-w', ws, '-q'])).code).toBe(0);
    const report = await docxParagraphs(join(ws, 'out/2024/bao-cao-2024.docx'));
    const said = report.find((p) => p.startsWith('Điều chỉnh so với lần tổng hợp trước của năm 2024'));
    expect(said).toContain('sau khi sửa 2024/assessment.xlsx): 2 người thay đổi kết quả, nêu tại Phụ lục 4');
    expect(said).toContain(
      'Nguyễn Văn An (Văn phòng UBND tỉnh): hoàn thành xuất sắc nhiệm vụ; khen thưởng: đề nghị xem xét khen thưởng → không hoàn thành nhiệm vụ; xử lý: cần xem xét',
    );
    expect(report).toContain('PHỤ LỤC 4. THAY ĐỔI SO VỚI LẦN ĐÁNH GIÁ TRƯỚC');
    expect(report).toContain('tiêu chí 3.1: Đạt → Không đạt');

    // Back to the original assessment: the first record again, nothing removed; the last two are now the other way.
    await copyFile(original, join(ws, '2024/assessment.xlsx'));
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '-q', '--force'])).code).toBe(0);
    expect(await records(ws)).toEqual(both);
    const back = JSON.parse((await runIn(['diff', '--year', '2024', '-w', ws, '--json'])).stdout) as {
      to: string;
      persons: unknown[];
    };
    expect(`${back.to}.json`).toBe(first);
    expect(back.persons).toHaveLength(2);
    // Named records, by a prefix of their digest.
    const named = await runIn([
      'diff',
      '--year',
      '2024',
      '-w',
      ws,
      (first ?? '').slice(0, 6),
      (first ?? '').slice(0, 8),
      '--json',
    ]);
    expect((JSON.parse(named.stdout) as { persons: unknown[] }).persons).toEqual([]);
  }, 60_000);

  it('--json without -o keeps no record; diff with fewer than two records is wrong usage, saying why', async () => {
    const ws = await sampleCopy();
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '--json'])).code).toBe(0);
    expect(await records(ws)).toEqual([]);
    const none = await runIn(['diff', '--year', '2024', '-w', ws]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('năm 2024 chưa có hai bản ghi để so sánh');
    const unknown = await runIn(['diff', '--year', '2024', '-w', ws, 'abc', 'def']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('không có bản ghi "abc"');
  });

  it('the record is held in a temporary file till kept, removed however the run ends (kept, exit 3, report)', async () => {
    const ws = await sampleCopy();
    // The run's own temporary folder (TMPDIR): nothing of the record may be left in it.
    const temp = await tempDir();
    const env = { TMPDIR: temp };
    const runs: [string[], number][] = [
      [['sanctions', '--year', '2024', '-w', ws, '-q'], 0],
      [['sanctions', '--year', '2024', '-w', ws, '-q'], 3],
      [['report', '--year', '2024', '-w', ws, '-q'], 0],
      [['report', '--year', '2024', '-w', ws, '-q'], 3],
      [['report', '--year', '2024', '-w', ws, '-q', '--to', 'so-noi-vu'], 0],
    ];
    for (const [args, code] of runs) {
      const result = run(args, { env });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(code);
      expect(await readdir(temp), `after ${args.join(' ')} (exit ${code})`).toEqual([]);
    }
    // Kept once (the same inputs, the same record), logged by each run that kept it.
    expect(await records(ws)).toHaveLength(1);
    const log = await readFile(join(ws, 'out/2024/lich-su/nhat-ky.tsv'), 'utf8');
    expect(
      log
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[2]),
    ).toEqual(['sanctions', 'report', 'report --to so-noi-vu']);
  }, 60_000);

  it('a temporary folder that cannot take the record: exit 2 before anything is written, saying which and what to do', async () => {
    const ws = await sampleCopy();
    const missing = join(await tempDir(), 'không-có');
    const result = await runIn(['sanctions', '--year', '2024', '-w', ws, '-q'], { env: { TMPDIR: missing } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `không ghi được bản ghi lịch sử tạm vào thư mục tạm của hệ thống ${missing} (ENOENT)`,
    );
    expect(result.stderr).toContain('TMPDIR');
    expect(result.stderr).not.toContain('lỗi nội bộ');
    expect(await listFiles(join(ws, 'out'))).toEqual([]);
    // Printing only (--json without -o) keeps no record, so needs no temporary folder.
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '--json'], { env: { TMPDIR: missing } })).code).toBe(
      0,
    );
  });

  it('no "Thay đổi" sheet against a record of other persons (an output folder shared with another workspace)', async () => {
    const out = join(await sampleCopy(), 'shared-out');
    expect((await runIn(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'])).code).toBe(0);
    // Another workspace: the same units, every person under another name.
    const other = await sampleCopy();
    const path = join(other, '2024/units.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    let renamed = 0;
    const sheet = workbook.getWorksheet('Danh sách');
    let header = 0;
    let column = 0;
    sheet?.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        if (header === 0 && cell.text === 'Họ và tên') {
          header = r;
          column = c;
        }
      });
      if (header > 0 && r > header && row.getCell(column).text !== '') {
        row.getCell(column).value = `${row.getCell(column).text} Hai`;
        renamed++;
      }
    });
    expect(renamed).toBeGreaterThan(30);
    await workbook.xlsx.writeFile(path);
    // The follow-up names a person to reward: the same person, under the new name.
    const followUp = new ExcelJS.Workbook();
    await followUp.xlsx.readFile(join(other, '2024/follow-up.xlsx'));
    followUp.eachSheet((s) => {
      s.eachRow((row) => {
        row.eachCell((cell) => {
          if (cell.text === 'Lê Thanh Uyên') cell.value = 'Lê Thanh Uyên Hai';
        });
      });
    });
    await followUp.xlsx.writeFile(join(other, '2024/follow-up.xlsx'));
    const second = await runIn(['sanctions', '--year', '2024', '-w', other, '-o', out, '-q', '--force']);
    expect(second.code, second.stderr).toBe(0);
    expect((await listFiles(join(out, '2024/lich-su'))).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(Object.keys(await dumpWorkbook(join(out, '2024/xep-loai-2024.xlsx')))).not.toContain('Thay đổi');
  });
});
