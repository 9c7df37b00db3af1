import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { UserError } from '../../src/errors.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runYear } from '../../src/commands/year.js';
import { ratingDocument, sanctionDocument } from '../../src/report/content/outputs.js';
import { renderWorkbook } from '../../src/report/render/workbook.js';
import { BIN, SAMPLE, cleanUp, listFiles, run, sampleCopy, tempDir } from '../e2e/run.js';

afterAll(cleanUp);

const OUTPUTS = ['2024/xep-loai-2024.xlsx', '2024/xu-ly-2024.xlsx'];
let reference: Map<string, Buffer>;

beforeAll(async () => {
  const out = await tempDir();
  expect(run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q']).code).toBe(0);
  // The workbooks, and the run's record (the same inputs give the same record, byte for byte).
  const records = (await listFiles(out)).filter((name) => /^2024\/lich-su\/[0-9a-f]{16}\.json$/u.test(name));
  expect(records).toHaveLength(1);
  reference = new Map(
    await Promise.all([...OUTPUTS, ...records].map(async (name) => [name, await readFile(join(out, name))] as const)),
  );
});

function spawnRun(args: readonly string[]) {
  return spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
}

/** Every output present is a whole file, byte-identical to a complete run's; temporaries aside. */
async function expectWholeOrAbsent(out: string): Promise<number> {
  let present = 0;
  for (const name of await listFiles(out)) {
    if (name.endsWith('.ict-eval-tmp')) continue;
    if (name === '2024/lich-su/nhat-ky.tsv') {
      // The log of runs: each line whole (time, record, command).
      for (const line of (await readFile(join(out, name), 'utf8')).split('\n').filter((l) => l !== ''))
        expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z\t[0-9a-f]{16}\t(sanctions|rate)$/u);
      continue;
    }
    const expected = reference.get(name);
    expect(expected, `unexpected file ${name}`).toBeDefined();
    expect((await readFile(join(out, name))).equals(expected ?? Buffer.alloc(0)), `${name} is partial`).toBe(true);
    if (OUTPUTS.includes(name)) present++;
  }
  return present;
}

describe('a run killed mid-write leaves the old outputs or none, never a partial one', () => {
  it('SIGKILL at twelve moments across a run, with and without earlier outputs', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const out = await tempDir();
      const withOld = i % 2 === 1;
      if (withOld) expect(run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q']).code).toBe(0);
      const child = spawnRun(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q', '--force']);
      // Listen before waiting: on a fast machine the run can end before the kill, and an 'exit' emitted
      // with no listener is gone (the test then waited for it until its timeout).
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 60 * i));
      child.kill('SIGKILL');
      await exited;
      const present = await expectWholeOrAbsent(out);
      if (withOld) expect(present).toBe(2);
      seen.add(present);
    }
    // The moments spread over the run: some kills came before any output, some after.
    expect(seen.has(0)).toBe(true);
  }, 120_000);
});

describe('two runs at once (a cron overlap)', () => {
  it('both finish, and the outputs are whole files, identical to a single run’s', async () => {
    const out = await tempDir();
    const runs = [0, 1, 2].map(() =>
      spawnRun(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q', '--force']),
    );
    const codes = await Promise.all(
      runs.map((child) => new Promise<number | null>((resolve) => child.on('exit', resolve))),
    );
    expect(codes).toEqual([0, 0, 0]);
    expect(await expectWholeOrAbsent(out)).toBe(2);
    expect((await readdir(join(out, '2024'))).filter((n) => n.endsWith('.ict-eval-tmp'))).toEqual([]);
  }, 60_000);
});

describe('text from the inputs stays text', () => {
  it('a unit or person name that looks like a formula is a string cell in the workbook and neutralised in CSV', async () => {
    const workspace = await sampleCopy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(workspace, '2024/units.xlsx'));
    const sheet = book.getWorksheet('Danh sách');
    if (sheet === undefined) throw new Error('no sheet');
    sheet.getCell('E6').value = '=HYPERLINK("http://evil.example","Bấm vào")';
    sheet.getCell('F6').value = '+84912345678';
    await book.xlsx.writeFile(join(workspace, '2024/units.xlsx'));
    const out = await tempDir();
    expect(run(['rate', '--year', '2024', '-w', workspace, '-o', out, '--csv', '-q']).code).toBe(0);
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(join(out, '2024/xep-loai-2024.xlsx'));
    const rows = result.getWorksheet('Xếp loại');
    const cell = [...Array(40).keys()]
      .map((i) => rows?.getCell(7 + i, 2))
      .find((c) => typeof c?.value === 'string' && c.value.startsWith('=HYPERLINK'));
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.formula).toBeUndefined();
    const csv = await readFile(join(out, '2024/xep-loai-2024-xep-loai.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm vào"")"`);
    expect(csv).toContain("'+84912345678");
    expect(csv).not.toMatch(/,=HYPERLINK/u);
  });
});

describe('file names made from unit codes never escape the output folder', () => {
  it('template names hostile codes safely, one file per unit', async () => {
    const workspace = await tempDir();
    await mkdir(join(workspace, '2024'), { recursive: true });
    const codes = ['../../thoat', 'a/b', 'CON', 'con.x', 'X'.repeat(300), 'Sở:Y*tế?'];
    const lines = [
      'Mã đơn vị,Tên đơn vị,Khối,Họ và tên,Chức vụ,Vai trò',
      ...codes.map((c, i) => `"${c}",Đơn vị ${i},SBN,Người ${i},Giám đốc,Người đứng đầu`),
    ];
    await writeFile(join(workspace, '2024/units.csv'), lines.join('\n'));
    const out = join(workspace, 'ket-qua');
    const result = run(['template', '--year', '2024', '-w', workspace, '-o', out]);
    expect(result.code).toBe(0);
    const files = await listFiles(out);
    expect(files).toHaveLength(codes.length);
    expect(files.every((f) => f.startsWith('2024/mau-bao-cao/') && f.split('/').length === 3 && f.length < 120)).toBe(
      true,
    );
    expect(await listFiles(workspace)).toEqual(['2024/units.csv', ...files.map((f) => `ket-qua/${f}`)].sort());
  });
});

describe('determinism', () => {
  it('the whole cycle gives the same bytes at another wall-clock time and in another time zone', async () => {
    const render = async () => {
      const run = await runYear({ workspace: SAMPLE, cwd: SAMPLE }, 2024);
      const { evaluation, rows, info } = run;
      return Promise.all([
        renderWorkbook(ratingDocument(evaluation, rows, info)),
        renderWorkbook(sanctionDocument(evaluation, rows, info)),
      ]);
    };
    const zone = process.env.TZ;
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2025-01-02T03:04:05Z'));
      process.env.TZ = 'Asia/Ho_Chi_Minh';
      const first = await render();
      vi.setSystemTime(new Date('2031-07-08T23:59:59Z'));
      process.env.TZ = 'America/Los_Angeles';
      const second = await render();
      expect(second[0].equals(first[0])).toBe(true);
      expect(second[1].equals(first[1])).toBe(true);
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('writeOutputs: whole files or none', () => {
  it('a process killed while writing a large output leaves the old file, not a partial one', async () => {
    const out = await tempDir();
    const target = join(out, 'lon.xlsx');
    await writeFile(target, 'bản cũ, đầy đủ');
    // A child that writes 300 MB through writeOutputs; it is killed as soon as it has started writing.
    const script = `
      import { writeOutputs } from ${JSON.stringify(join(BIN, '..', 'io', 'output.js'))};
      process.stdout.write('start\\n');
      await writeOutputs([{ path: ${JSON.stringify(target)}, bytes: Buffer.alloc(300 * 1024 * 1024, 65) }], { force: true, protectedPaths: [], display: (p) => p });
      process.stdout.write('done\\n');
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) =>
      child.stdout.once('data', () => {
        resolve();
      }),
    );
    // Kill it once writing has begun: a temporary file has grown, or the target itself has changed.
    const original = (await stat(target)).size;
    for (let i = 0; i < 2000; i++) {
      const sizes = await Promise.all(
        (await readdir(out)).map(async (n) => [n, (await stat(join(out, n))).size] as const),
      );
      if (sizes.some(([n, size]) => (n === 'lon.xlsx' ? size !== original : size > 0))) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.kill('SIGKILL');
    await exited;
    expect(await readFile(target, 'utf8')).toBe('bản cũ, đầy đủ');
    const left = (await readdir(out)).filter((n) => n !== 'lon.xlsx');
    // Only a temporary file may be left behind; it is removed by a later run once stale.
    expect(left.every((n) => n.startsWith('.') && n.endsWith('.ict-eval-tmp'))).toBe(true);
  }, 60_000);

  it('when one file of a set cannot be written, none of the set is replaced', async () => {
    const { writeOutputs } = await import('../../src/io/output.js');
    const out = await tempDir();
    await writeFile(join(out, 'a.xlsx'), 'cũ');
    await writeFile(join(out, 'blocked'), 'a file where a folder should be');
    const refused: unknown = await writeOutputs(
      [
        { path: join(out, 'a.xlsx'), bytes: 'mới' },
        { path: join(out, 'blocked', 'b.xlsx'), bytes: 'mới' },
      ],
      { force: true, protectedPaths: [], display: (p) => p },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).exitCode).toBe(2);
    expect((refused as UserError).message).toMatch(
      /^không ghi được .*blocked\/b\.xlsx \(.*E(NOTDIR|EXIST)\); các tệp kết quả cũ vẫn giữ nguyên\./u,
    );
    expect(await readFile(join(out, 'a.xlsx'), 'utf8')).toBe('cũ');
    expect((await readdir(out)).sort()).toEqual(['a.xlsx', 'blocked']);
  });

  it('a copy of another file (the held history record): its bytes, or nothing when that file cannot be read', async () => {
    const { writeOutputs } = await import('../../src/io/output.js');
    const out = await tempDir();
    const held = join(await tempDir(), 'record.json');
    const bytes = Buffer.from(`{"năm": 2024, "x": "${'ả'.repeat(100_000)}"}\n`);
    await writeFile(held, bytes);
    const options = { force: false, protectedPaths: [], display: (p: string) => p };
    await writeOutputs([{ path: join(out, 'r.json'), bytes: { copyOf: held } }], options);
    expect((await readFile(join(out, 'r.json'))).equals(bytes)).toBe(true);
    // Not over an existing output without --force (exit 3), as any output.
    await expect(writeOutputs([{ path: join(out, 'r.json'), bytes: { copyOf: held } }], options)).rejects.toMatchObject(
      { exitCode: 3 },
    );
    // A file that is gone: an error, and neither the output nor a temporary file is left.
    await expect(
      writeOutputs([{ path: join(out, 's.json'), bytes: { copyOf: join(out, 'gone.json') } }], options),
    ).rejects.toThrow(/ENOENT/u);
    expect(await readdir(out)).toEqual(['r.json']);
  });
});
