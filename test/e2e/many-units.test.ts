import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { NAMED, named } from '../../src/problems.js';
import { main } from '../../src/program.js';
import { CELL_LIMIT, cellText } from '../../src/report/render/workbook.js';
import { ROOT, cleanUp, run, tempDir } from './run.js';

afterAll(cleanUp);

interface ProblemJson {
  code: string;
  message: string;
  units?: string[];
}

/**
 * A warning about many units (here: no unit gives its Loại đơn vị) named all 10 000 codes of a national run in one
 * message: a line of 100 000 characters in the terminal, and a cell of the "Cảnh báo" sheet three times what Excel
 * holds (32 767), which makes Excel "repair" the workbook and drop it.
 */
describe('a warning about many units names the first 50 and gives all of them in --json', async () => {
  const workspace = await tempDir();
  // The seeded generator of the benchmark: 80 units, none with a Loại đơn vị.
  const made = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), workspace, '80', '4', '1']);
  expect(made.status).toBe(0);
  const out = join(workspace, 'out');
  const result = run(['sanctions', '--year', '2024', '-w', workspace, '-o', out, '--json']);
  const problems = (JSON.parse(result.stdout) as { problems: ProblemJson[] }).problems;
  const defaulted = problems.find((p) => p.code === 'kind-defaulted');
  const codes = Array.from({ length: 80 }, (_, i) => `DV${String(i).padStart(6, '0')}`);

  it('says how many, names the first 50 and counts the rest; --json "units" lists all 80', () => {
    expect(result.code).toBe(0);
    expect(defaulted?.message).toMatch(/^80 đơn vị không ghi Loại đơn vị, đã lấy theo khối/u);
    expect(defaulted?.message).toContain(`${codes.slice(0, NAMED).join(', ')} và 30 đơn vị khác`);
    expect(defaulted?.message).not.toContain(codes[NAMED]);
    expect(defaulted?.units).toEqual(codes);
  });

  it('writes the same message in the workbook’s "Cảnh báo" sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, '2024', 'xep-loai-2024.xlsx'));
    const texts: string[] = [];
    workbook.getWorksheet('Cảnh báo')?.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.push(cell.value);
      });
    });
    expect(texts.filter((t) => t.includes('không ghi Loại đơn vị'))).toEqual([
      `${(defaulted?.message ?? '').charAt(0).toUpperCase()}${(defaulted?.message ?? '').slice(1)}`,
    ]);
  });

  it('is among the warnings `explain` gives for a unit it does not name', () => {
    const explained = run(['explain', codes[79] ?? '', '--year', '2024', '-w', workspace]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('80 đơn vị không ghi Loại đơn vị');
  });
});

describe('named: up to 50 names whole, more as the first 50 and a count', () => {
  it('keeps 50, cuts 51', () => {
    const items = Array.from({ length: 51 }, (_, i) => `U${i}`);
    expect(named(items.slice(0, 50)).vi).toBe(items.slice(0, 50).join(', '));
    expect(named(items).vi).toBe(
      `${items.slice(0, 50).join(', ')} và 1 đơn vị khác (đủ danh sách: --json, trường "units" của cảnh báo)`,
    );
    expect(named(items).en).toMatch(/ and 1 more /u);
  });
});

describe('cellText: no cell longer than Excel holds', () => {
  it('keeps a text that fits; cuts a longer one at 32 767 characters and says so', () => {
    expect(cellText('Sở Y tế')).toBe('Sở Y tế');
    const fits = 'a'.repeat(CELL_LIMIT);
    expect(cellText(fits)).toBe(fits);
    const cut = cellText('ế'.repeat(CELL_LIMIT + 1));
    expect(cut).toHaveLength(CELL_LIMIT);
    expect(cut).toMatch(/^ế+ … \[cắt bớt: một ô Excel chứa tối đa 32 767 ký tự; đủ nội dung trong --json\]$/u);
  });

  it('never cuts a character outside the BMP in half', () => {
    const cut = cellText('😀'.repeat(CELL_LIMIT));
    expect(cut.length).toBeLessThanOrEqual(CELL_LIMIT);
    // A lone high surrogate before the note would be a broken character.
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/u);
    expect(cut).toMatch(/😀 … \[cắt bớt/u);
  });
});

/**
 * A national table printed whole (11 000 persons, some 30 000 lines: the text, its pieces and its bytes) was the run's
 * peak of memory; it is now sent some 64K characters at a time (writeLines, issue #15). 500 units: tables of 110–130K
 * characters.
 */
describe('the terminal table of a large year is printed in pieces of whole lines', async () => {
  const workspace = await tempDir();
  const made = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), workspace, '500', '4', '1']);
  expect(made.status).toBe(0);

  it.each([
    ['sanctions', ['sanctions', '--year', '2024', '-o', join(workspace, 'out')]],
    ['check', ['check', '--year', '2024']],
  ])('%s: the pieces, joined, are what the program prints in a pipe', async (_name, args) => {
    const pieces: string[] = [];
    const code = await main([...args, '-w', workspace], {
      stdout: (text) => pieces.push(text),
      stderr: () => undefined,
      isTTY: false,
      env: { NO_COLOR: '1' },
      cwd: ROOT,
    });
    expect(code).toBe(0);
    const printed = run([...args, '-w', workspace, '--force']);
    expect(pieces.join('')).toBe(printed.stdout);
    // The table's pieces, and after them what else the command prints (check: the disagreements), if anything.
    expect(pieces.filter((piece) => piece !== '').length).toBeGreaterThan(1);
    for (const piece of pieces.filter((p) => p !== '')) {
      expect(piece.endsWith('\n')).toBe(true);
      expect(piece.length).toBeLessThan(64 * 1024 + 200);
    }
    expect(pieces[0]?.split('\n')[0]).toMatch(/^(STT|Mã)/u);
  });
});
