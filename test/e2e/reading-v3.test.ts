import { cp, readFile, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE, cleanUp, dumpWorkbook, tempDir, runIn } from './run.js';

// Issue #35: `check` on each refused file names the cause a civil servant can act on (the encoding, the hidden row,
// the date Excel made), in Vietnamese and in English; `template --assessment` reads a report sent as .ods.

afterAll(cleanUp);

const CORPUS = join(ROOT, 'test/fixtures/real-world');

/** A copy of the sample with a case of the corpus laid over it. */
async function sampleWith(name: string): Promise<string> {
  const root = await tempDir();
  await cp(SAMPLE, root, { recursive: true });
  const dir = join(CORPUS, name);
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
  for (const file of files.filter((f) => f === 'remove.txt'))
    for (const path of (await readFile(join(dir, file), 'utf8')).split('\n').filter((l) => l.trim() !== ''))
      await rm(join(root, path), { force: true });
  for (const file of files.filter((f) => f !== 'remove.txt')) await cp(join(dir, file), join(root, file));
  return root;
}

describe('check names the cause of each refused file, in both languages', () => {
  it.each([
    ['units-typed-in-tcvn3', 'bảng mã cũ TCVN3 (ABC, phông .VnTime)', 'legacy encoding TCVN3 (ABC, .VnTime fonts)'],
    ['self-report-typed-in-vni', 'bảng mã cũ VNI Windows', 'legacy encoding VNI Windows'],
    [
      'hidden-withdrawn-follow-up-row',
      'đang bị ẩn (ẩn dòng, hoặc bị lọc bởi AutoFilter)',
      'is hidden (hidden rows, or filtered out by an AutoFilter)',
    ],
    ['autofilter-hides-score-rows', 'bị lọc bởi AutoFilter', 'filtered out by an AutoFilter'],
    ['assessment-header-made-a-date', 'có lẽ Excel đã đổi "1.1" thành ngày', 'Excel probably turned "1.1" into a date'],
    ['deputy-sections-made-a-date', 'đã bị Excel đổi thành ngày', 'Excel turned the sections assigned into a date'],
    [
      'previous-code-names-nothing',
      'Ô này cần mã, không phải tên đơn vị: có lẽ là HDP',
      'The cell takes codes, not unit names: perhaps HDP',
    ],
    ['self-report-sent-twice', 'có lẽ báo cáo được gửi hai lần', 'probably sent twice'],
  ])('%s', async (name, vi, en) => {
    const root = await sampleWith(name);
    const vietnamese = await runIn(['check', '--year', '2024', '-w', root]);
    expect(vietnamese.code).toBe(1);
    expect(vietnamese.stderr).toContain(vi);
    const english = await runIn(['check', '--year', '2024', '-w', root, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain(en);
  });

  it('the year-end run stops with the same message and writes nothing', async () => {
    const root = await sampleWith('units-typed-in-tcvn3');
    const out = await tempDir();
    const sanctions = await runIn(['sanctions', '--year', '2024', '-w', root, '-o', out]);
    expect(sanctions.code).toBe(1);
    expect(sanctions.stderr).toContain('bảng mã cũ TCVN3 (ABC, phông .VnTime)');
    expect(await readdir(out)).toEqual([]);
  });
});

const converter = ['ssconvert', 'soffice'].some((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);

describe.runIf(converter)('template --assessment reads a self-report sent as .ods, as every command does', () => {
  it('the unit’s own assessments are beside its row, not "Chưa báo cáo"', async () => {
    const root = await sampleWith('self-report-as-ods');
    const out = await tempDir();
    const result = await runIn(['template', '--assessment', '--year', '2024', '-w', root, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const dump = await dumpWorkbook(join(out, '2024/mau-danh-gia/assessment.xlsx'));
    const rows = Object.values(dump).flat();
    const stc = rows.filter((row) => row.includes('STC'));
    expect(stc.length).toBeGreaterThan(0);
    expect(stc.flat().filter((cell) => cell === 'Chưa báo cáo')).toEqual([]);
    expect(stc.flat().filter((cell) => cell === 'Đạt').length).toBeGreaterThan(10);
  });
});
