import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/problems.js';
import { runYear } from '../../src/commands/year.js';
import {
  BIN,
  RECORD_FILES,
  ROOT,
  SAMPLE,
  cleanUp,
  dumpWorkbook,
  listFiles,
  run,
  runIn,
  sampleCopy,
  tempDir,
} from './run.js';

// Issue 12: safe for the civil servant at the keyboard, and for cron. Each test fails on the
// behaviour the issue found (data lost by init, EPIPE stack traces, --json writing, exit 1 for a
// missing folder).
afterAll(cleanUp);

/** Every file of a folder with its SHA-256: to show that nothing changed. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await listFiles(dir))
    result[file] = createHash('sha256')
      .update(await readFile(join(dir, file)))
      .digest('hex');
  return result;
}

/** Runs the binary with its stdout closed by the reader before anything is written (`| head -0`). */
function runWithClosedStdout(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
}

describe('init never replaces an input', () => {
  it('run again with --force in a filled workspace: every file is kept byte for byte, the policy too', async () => {
    const ws = await sampleCopy();
    await writeFile(join(ws, 'ict-eval.config.json'), '{ "out": "ra", "policy": { "rankScope": "all" } }\n');
    const before = await fingerprint(ws);
    const again = await runIn(['init', ws, '--year', '2024', '--force']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/giữ nguyên các tệp đã có: 2024\/units\.xlsx/u);
    expect(await fingerprint(ws)).toEqual(before);
  });

  it('adds a year beside the others, carrying the units over with --from, and touches nothing else', async () => {
    const ws = await sampleCopy();
    const before = await fingerprint(ws);
    const added = await runIn(['init', ws, '--year', '2026', '--from', '2025']);
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/được chuyển từ năm 2025 theo tình trạng ngày 01\/01\/2026 .*: hãy kiểm tra lại/u);
    const after = await fingerprint(ws);
    for (const [file, hash] of Object.entries(before)) expect(after[file]).toBe(hash);
    expect(Object.keys(after).filter((f) => !(f in before))).toEqual([
      '2026/assessment.xlsx',
      '2026/follow-up.xlsx',
      '2026/scores.xlsx',
      '2026/units.xlsx',
    ]);
    // What holds on 1/1/2026 only (rules.md v3): the districts that ended on 30/6/2025 are not carried.
    const codes = ((await dumpWorkbook(join(ws, '2026/units.xlsx')))['Danh sách'] ?? []).map((r) => r[0]);
    expect(codes).not.toContain('TPAL');
    expect(codes).toContain('PAL');
  });

  it('an input saved as CSV counts as there: no units.xlsx is made beside units.csv', async () => {
    const ws = await tempDir();
    await writeFile(join(ws, 'placeholder'), '');
    expect((await runIn(['init', ws, '--year', '2024'])).code).toBe(0);
    await rm(join(ws, '2024/units.xlsx'));
    await writeFile(join(ws, '2024/units.csv'), 'Mã đơn vị;Tên đơn vị\n');
    expect((await runIn(['init', ws, '--year', '2024'])).code).toBe(0);
    expect((await listFiles(join(ws, '2024'))).filter((f) => f.startsWith('units'))).toEqual(['units.csv']);
  });

  it('--from a year without units is a usage error naming it', async () => {
    const result = await runIn(['init', SAMPLE, '--year', '2026', '--from', '2019']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--from 2019: không có tệp 2019/units.xlsx');
  });
});

describe('a closed pipe ends quietly with 0', () => {
  it.each([
    [['--help']],
    [['check', '--year', '2024', '-w', SAMPLE]],
    [['rank', join(SAMPLE, '2024/scores.xlsx'), '--json', '-w', SAMPLE]],
  ])('%j', async (args) => {
    const result = await runWithClosedStdout(args);
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/u);
    expect(result.code).toBe(0);
  });
});

describe('a run replaces the whole set of outputs it belongs to, and nothing else', () => {
  it('sanctions --csv, then sanctions --force without --csv: the old CSVs go; then rate --force: xu-ly goes', async () => {
    const ws = await sampleCopy();
    const out = join(ws, 'out');
    await rm(out, { recursive: true, force: true });
    await writeFile(join(ws, 'keep-me.txt'), 'not ours');
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '--csv', '-q'])).code).toBe(0);
    expect((await runIn(['rank', join(ws, '2024/scores.xlsx'), '-w', ws, '-q', '--write'])).code).toBe(0);
    // Six sheets of the rating workbook (with "Sở cần đánh giá": TTRA awaits the Sở's assessment) and four of the
    // sanction workbook.
    expect((await listFiles(out)).filter((f) => f.endsWith('.csv'))).toHaveLength(10);
    // Without --force the stale files count as existing outputs too.
    const refused = await runIn(['rate', '--year', '2024', '-w', ws, '-q']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('out/2024/xu-ly-2024.xlsx');
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '-q', '--force'])).code).toBe(0);
    // The run's record stays (one record: the same inputs give the same record), beside the new set.
    expect(await listFiles(out)).toEqual([
      ...RECORD_FILES,
      '2024/xep-hang-2024.xlsx',
      '2024/xep-loai-2024.xlsx',
      '2024/xu-ly-2024.xlsx',
    ]);
    expect((await runIn(['rate', '--year', '2024', '-w', ws, '-q', '--force'])).code).toBe(0);
    expect(await listFiles(out)).toEqual([...RECORD_FILES, '2024/xep-hang-2024.xlsx', '2024/xep-loai-2024.xlsx']);
    expect(await readFile(join(ws, 'keep-me.txt'), 'utf8')).toBe('not ours');
  });

  it('a report made from other data than the workbooks is said; a rerun of the workbooks removes the documents, naming them', async () => {
    const ws = await sampleCopy();
    const out = join(ws, 'out');
    await rm(out, { recursive: true, force: true });
    // The letter before any workbook: it says its lists come from xep-loai-2024.xlsx, which is not there.
    const alone = await runIn(['report', '--year', '2024', '-w', ws, '-q', '--to', 'so-noi-vu']);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain('Lưu ý: chưa có xep-loai-2024.xlsx cùng thư mục');
    await rm(join(out, '2024/cong-van-so-noi-vu-2024.docx'));
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '-q'])).code).toBe(0);
    // Made from the same data as the workbooks: nothing to say.
    const same = await runIn(['report', '--year', '2024', '-w', ws, '-q']);
    expect(same.code).toBe(0);
    expect(same.stderr).not.toContain('Lưu ý');
    expect((await runIn(['report', '--year', '2024', '-w', ws, '-q', '--to', 'so-noi-vu'])).stderr).not.toContain(
      'Lưu ý',
    );
    // A self-report corrected (here withdrawn): the report made again alone no longer matches the workbooks.
    await rm(join(ws, '2024/self-reports/SYT.xlsx'));
    const other = await runIn(['report', '--year', '2024', '-w', ws, '-q', '--force']);
    expect(other.code).toBe(0);
    expect(other.stderr).toMatch(
      /Lưu ý: xep-loai-2024\.xlsx cùng thư mục được lập từ dữ liệu khác \(bản ghi [0-9a-f]{16}, lần này [0-9a-f]{16}\)/u,
    );
    expect(other.stderr).toContain('ict-eval sanctions --year 2024 --force');
    // The workbooks made again from the corrected data: the letter, made from the earlier data, goes (named); the
    // report, made from the same data as the new workbooks, stays.
    expect((await runIn(['sanctions', '--year', '2024', '-w', ws, '-q'])).code).toBe(3);
    const rerun = await runIn(['sanctions', '--year', '2024', '-w', ws, '-q', '--force']);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/đã xoá \S*out\/2024\/cong-van-so-noi-vu-2024\.docx của lần chạy trước/u);
    expect(rerun.stderr).toContain('lập lại bằng ict-eval report');
    expect(rerun.stderr).not.toContain('bao-cao-2024.docx');
    expect((await listFiles(out)).filter((f) => f.endsWith('.docx'))).toEqual(['2024/bao-cao-2024.docx']);
    // A report of the same data made before the workbooks, then the workbooks: nothing goes, nothing is said.
    expect((await runIn(['report', '--year', '2024', '-w', ws, '-q', '--to', 'so-noi-vu'])).stderr).not.toContain(
      'Lưu ý',
    );
    const again = await runIn(['sanctions', '--year', '2024', '-w', ws, '-q', '--force']);
    expect(again.stderr).not.toContain('đã xoá');
    expect((await listFiles(out)).filter((f) => f.endsWith('.docx'))).toEqual([
      '2024/bao-cao-2024.docx',
      '2024/cong-van-so-noi-vu-2024.docx',
    ]);
    // Another correction, and the workbooks made again: both documents are now of the earlier data, and both go.
    await rm(join(ws, '2024/self-reports/STC.xlsx'));
    const both = await runIn(['sanctions', '--year', '2024', '-w', ws, '-q', '--force']);
    expect(both.stderr).toContain('out/2024/bao-cao-2024.docx');
    expect(both.stderr).toContain('out/2024/cong-van-so-noi-vu-2024.docx');
    expect((await listFiles(out)).filter((f) => f.endsWith('.docx'))).toEqual([]);
    // rate --force after sanctions: xu-ly-2024.xlsx goes, and the summary says so.
    const rate = await runIn(['rate', '--year', '2024', '-w', ws, '-q', '--force']);
    expect(rate.stderr).toMatch(/đã xoá \S*out\/2024\/xu-ly-2024\.xlsx của lần chạy trước/u);
    // The report made now matches the workbooks again.
    expect((await runIn(['report', '--year', '2024', '-w', ws, '-q'])).stderr).not.toContain('Lưu ý');
  });
});

describe('--json writes nothing unless -o', () => {
  it('sanctions --json twice in a row: exit 0 both times, the workspace unchanged, the JSON on stdout', async () => {
    const ws = await sampleCopy();
    await rm(join(ws, 'out'), { recursive: true, force: true });
    const before = await fingerprint(ws);
    for (const attempt of [1, 2]) {
      const result = await runIn(['sanctions', '--year', '2024', '--json', '-w', ws]);
      expect([attempt, result.code]).toEqual([attempt, 0]);
      expect((JSON.parse(result.stdout) as { year: number }).year).toBe(2024);
      expect(result.stderr).toContain('Không ghi tệp nào (--json mà không có -o).');
    }
    expect(await fingerprint(ws)).toEqual(before);
  });

  it('with -o it writes', async () => {
    const out = await tempDir();
    expect((await runIn(['rate', '--year', '2024', '--json', '-w', SAMPLE, '-o', out])).code).toBe(0);
    expect(await listFiles(out)).toEqual([...RECORD_FILES, '2024/xep-loai-2024.xlsx']);
  });
});

describe('a missing workspace or year is wrong usage (exit 2) with the path, the years found and the ways out', () => {
  it('a year the workspace does not have', async () => {
    const result = await runIn(['check', '--year', '2030', '-w', SAMPLE]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`không có thư mục năm 2030 trong ${SAMPLE} (các năm có ở đó: 2023, 2024, 2025)`);
    expect(result.stderr).toMatch(/ICT_EVAL_WORKSPACE.*ict-eval init/u);
  });

  it('a workspace that does not exist', () => {
    const result = run(['sanctions', '--year', '2024'], { env: { ICT_EVAL_WORKSPACE: '/nonexistent/ict' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('không có thư mục không gian làm việc /nonexistent/ict');
  });
});

describe('an output folder the system refuses is wrong usage (exit 2) naming the file and why, not an internal error', () => {
  it('-o at a file: exit 2, the reason in Vietnamese, nothing written, no record and nothing left in TMPDIR', async () => {
    const dir = await tempDir();
    const file = join(dir, 'ket-qua');
    await writeFile(file, 'một tệp, không phải thư mục');
    const temp = await tempDir();
    for (const command of [['sanctions'], ['report']]) {
      const result = run([...command, '--year', '2024', '-w', SAMPLE, '-o', file, '-q'], { env: { TMPDIR: temp } });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`không ghi được ${file}/2024/`);
      expect(result.stderr).toContain('(một phần của đường dẫn là tệp, không phải thư mục, ENOTDIR)');
      expect(result.stderr).toContain('các tệp kết quả cũ vẫn giữ nguyên');
      expect(result.stderr).not.toContain('lỗi nội bộ');
      expect(await readFile(file, 'utf8')).toBe('một tệp, không phải thư mục');
      expect(await listFiles(temp)).toEqual([]);
    }
  });
});

describe('one mistake, one message', () => {
  it('an invalid Vai trò of the only head: the cell is named, and the unit is not also "without head" or "not in the units"', async () => {
    const ws = await sampleCopy();
    const path = join(ws, '2024/units.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Danh sách');
    let changed = 0;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === 'SYT' && row.getCell(7).value === 'Người đứng đầu') {
        row.getCell(7).value = 'Giam doc xyz';
        changed++;
      }
    });
    expect(changed).toBe(1);
    await workbook.xlsx.writeFile(path);
    const result = await runYear({ workspace: ws, cwd: ws }, 2024);
    expect(result.errors.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^2024\/units\.xlsx, trang "Danh sách", dòng \d+, cột G \(Vai trò\): vai trò "Giam doc xyz" không hợp lệ/u,
      ),
    ]);
    expect(result.problems.filter((p) => /SYT/u.test(p.message)).map(formatProblem)).toEqual([]);
  });
});

describe('rank says when --year and the file’s folder disagree', () => {
  it('rank 2024/scores.xlsx --year 2023: a warning naming both years', async () => {
    const result = await runIn(['rank', join(SAMPLE, '2024/scores.xlsx'), '--year', '2023', '-w', SAMPLE, '--json']);
    expect(result.code).toBe(0);
    const problems = (JSON.parse(result.stdout) as { problems: { code: string; message: string }[] }).problems;
    expect(problems.filter((p) => p.code === 'year-folder-differs').map((p) => p.message)).toEqual([
      'tệp nằm trong thư mục năm 2024 nhưng --year là 2023: kết quả được ghi và xếp hạng như của năm 2023. Nếu nhầm, hãy chạy lại với --year 2024.',
    ]);
    const agreed = await runIn(['rank', join(SAMPLE, '2024/scores.xlsx'), '--year', '2024', '-w', SAMPLE, '--json']);
    expect(agreed.stdout).not.toContain('year-folder-differs');
  });
});

describe('--final refuses an incomplete year (exit 4); without it the workbooks are a marked draft', () => {
  it('sanctions --final on the sample (3 persons not rated): exit 4, the persons’ units named, nothing written', async () => {
    const out = await tempDir();
    const result = await runIn(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '--final']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(
      '--final: năm 2024 chưa đủ dữ liệu cho bản chính thức (3 người chưa đủ dữ liệu để xếp loại: Ban Dân tộc, Sở Lao động - Thương binh và Xã hội, Thanh tra tỉnh); chưa ghi gì.',
    );
    expect(await listFiles(out)).toEqual([]);
  });

  it('without --final: written, and the summary line says DỰ THẢO and why', async () => {
    const out = await tempDir();
    const result = await runIn(['rate', '--year', '2024', '-w', SAMPLE, '-o', out, '-q']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      / DỰ THẢO: 3 người chưa đủ dữ liệu để xếp loại: Ban Dân tộc, Sở Lao động - Thương binh và Xã hội, Thanh tra tỉnh\.\n$/u,
    );
    expect(await listFiles(out)).toEqual([...RECORD_FILES, '2024/xep-loai-2024.xlsx']);
  });
});

describe('template writes only what is missing unless --force', () => {
  it('a second run keeps the templates already written (one edited) and adds the one that is missing', async () => {
    const out = await tempDir();
    expect((await runIn(['template', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'])).code).toBe(0);
    const folder = join(out, '2024/mau-bao-cao');
    await writeFile(join(folder, 'SYT - Sở Y tế.xlsx'), 'edited by hand');
    await rm(join(folder, 'STP - Sở Tư pháp.xlsx'));
    const again = await runIn(['template', '--year', '2024', '-w', SAMPLE, '-o', out, '-q']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('đã ghi 1 mẫu báo cáo');
    expect(again.stderr).toContain('Giữ nguyên 30 mẫu đã có (dùng --force để ghi lại tất cả).');
    expect(await readFile(join(folder, 'SYT - Sở Y tế.xlsx'), 'utf8')).toBe('edited by hand');
    expect((await listFiles(folder)).length).toBe(31);
    expect((await runIn(['template', '--year', '2024', '-w', SAMPLE, '-o', out, '-q', '--force'])).code).toBe(0);
    expect(await readFile(join(folder, 'SYT - Sở Y tế.xlsx'), 'utf8')).not.toBe('edited by hand');
  });

  it('names each file "<code> - <unit name>.xlsx"; a template under the older name "<code>.xlsx" counts as there', async () => {
    const out = await tempDir();
    const folder = join(out, '2024/mau-bao-cao');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'SYT.xlsx'), 'written by an earlier version');
    expect((await runIn(['template', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'])).code).toBe(0);
    const files = await listFiles(folder);
    expect(files).toHaveLength(31);
    expect(files).toContain('SYT.xlsx');
    expect(files).toContain('SLDTBXH - Sở Lao động - Thương binh và Xã hội.xlsx');
    expect(files).not.toContain('SYT - Sở Y tế.xlsx');
    // --force writes it under the new name and removes the old one: one template per unit.
    expect((await runIn(['template', '--year', '2024', '-w', SAMPLE, '-o', out, '-q', '--force'])).code).toBe(0);
    const forced = await listFiles(folder);
    expect(forced).toHaveLength(31);
    expect(forced).toContain('SYT - Sở Y tế.xlsx');
    expect(forced).not.toContain('SYT.xlsx');
  });
});

describe('numbers as the language writes them', () => {
  it('rank and explain print 0,812 in Vietnamese and 0.812 in English', async () => {
    const out = await tempDir();
    const vi = await runIn(['rank', join(SAMPLE, '2024/scores.xlsx'), '-w', SAMPLE, '-o', out]);
    expect(vi.stdout).toMatch(/^1\s+STTTT\s+Sở Thông tin và Truyền thông\s+0,812\s/mu);
    const en = await runIn([
      'rank',
      join(SAMPLE, '2024/scores.xlsx'),
      '-w',
      SAMPLE,
      '-o',
      out,
      '--force',
      '--lang',
      'en',
    ]);
    expect(en.stdout).toMatch(/^1\s+STTTT\s+Sở Thông tin và Truyền thông\s+0\.812\s/mu);
    const explain = await runIn(['explain', 'SYT', '--year', '2024', '-w', SAMPLE]);
    expect(explain.stdout).toContain('Điểm 0,71 (so sánh ở 4 chữ số thập phân: 0,71)');
  });
});

describe('explain by code or by name', () => {
  it.each([['SYT'], ['Sở Y tế'], ['so y te'], ['Y tế']])('%s → Sở Y tế', async (unit) => {
    const result = await runIn(['explain', unit, '--year', '2024', '-w', SAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^Sở Y tế \(SYT\) — /u);
  });

  it('a part of several names is a usage error listing them', async () => {
    const result = await runIn(['explain', 'Sở', '--year', '2024', '-w', SAMPLE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"Sở" khớp với nhiều đơn vị: SCT \(Sở Công Thương\), /u);
    // A part is whole words: "Sở" is not in "Huyện Lạc Sơn" ("so" in "son" matched it before issue #36).
    expect(result.stderr).not.toContain('HLS');
    const listed = [...result.stderr.matchAll(/[A-Z]+ \(([^)]+)\)/gu)].map((m) => m[1] ?? '');
    expect(listed.length).toBeGreaterThan(10);
    for (const name of listed) expect(name).toMatch(/^Sở /u);
    // Typed without marks, a part still matches whole words only: "son" is Lạc Sơn's, not a part of another word.
    expect((await runIn(['explain', 'son', '--year', '2024', '-w', SAMPLE])).stdout).toMatch(
      /^Huyện Lạc Sơn \(HLS\) — /u,
    );
  });
});

describe('rank prints; it writes only with -o or --write', () => {
  it('without them: the table on stdout, nothing written, the summary says how to write', async () => {
    const ws = await sampleCopy();
    await rm(join(ws, 'out'), { recursive: true, force: true });
    const before = await fingerprint(ws);
    const result = await runIn(['rank', join(ws, '2024/scores.xlsx'), '-w', ws]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1\s+STTTT\s/mu);
    expect(result.stderr).toContain('không ghi tệp nào (thêm -o <thư mục> hoặc --write để ghi)');
    expect(await fingerprint(ws)).toEqual(before);
    expect((await runIn(['rank', join(ws, '2024/scores.xlsx'), '-w', ws, '--write', '-q'])).code).toBe(0);
    expect(await listFiles(join(ws, 'out'))).toEqual(['2024/xep-hang-2024.xlsx']);
  });
});

/** Runs `main` in this process on a console that says it is a terminal `columns` wide. */
async function onTerminal(
  args: readonly string[],
  columns: number,
): Promise<{ code: number | null; out: string; err: string }> {
  const { code, stdout, stderr } = await runIn(args, { env: { NO_COLOR: '1' }, columns });
  return { code, out: stdout, err: stderr };
}

const widthOf = (text: string) => Math.max(0, ...text.split('\n').map((line) => stringWidth(line)));

describe('terminal output fits the terminal (80–100 columns)', () => {
  it('check, rate, sanctions, rank and explain on an 80-column terminal: every line fits, nothing cut off', async () => {
    const out = await tempDir();
    const commands = [
      ['check', '--year', '2024'],
      ['rate', '--year', '2024', '-o', out],
      ['sanctions', '--year', '2024', '-o', out, '--force'],
      ['rank', join(SAMPLE, '2024/scores.xlsx'), '--previous', join(SAMPLE, '2023/scores.xlsx')],
      ['explain', 'BQLKCN', '--year', '2024'],
    ];
    for (const command of commands) {
      const result = await onTerminal([...command, '-w', SAMPLE], 80);
      expect(result.code, command.join(' ')).toBe(0);
      expect(widthOf(result.out), command.join(' ')).toBeLessThanOrEqual(80);
      expect(widthOf(result.err), command.join(' ')).toBeLessThanOrEqual(80);
    }
    // The citations that the table used to cut with "…" are whole, under the person's row.
    const sanctions = await onTerminal(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '--force'], 80);
    expect(sanctions.out.replace(/\s+/gu, ' ')).toContain(
      'Căn cứ: khoản 3 Điều 15; khoản 1 Điều 9; khoản 3 Điều 14; khoản 1 Điều 17 (đoạn đầu); khoản 3 Điều 18',
    );
    expect(sanctions.out).not.toContain('…');
  });

  it('in a pipe the tables still fit 100 columns; running text keeps whole lines for grep', async () => {
    const check = await runIn(['check', '--year', '2024', '-w', SAMPLE]);
    const table = check.stdout.split('\n\n')[0] ?? '';
    expect(table).toMatch(/^Mã\s+Đơn vị\s+Mục 1/u);
    expect(widthOf(table)).toBeLessThanOrEqual(100);
    expect(check.stderr).toContain(
      '2024/scores.xlsx: 1 đơn vị có trong bảng điểm nhưng không có trong danh sách đơn vị: được tính vào số đơn vị xếp hạng (N), không xếp loại: CAT (Công an tỉnh).',
    );
  });
});

describe('explain shows every item, says which are detailed, and lists the unit’s data warnings', () => {
  it('SGTVT: 22 items under their Mục, the failed one with its text; the v1 column warning about its report', async () => {
    const result = await runIn(['explain', 'SGTVT', '--year', '2024', '-w', SAMPLE]);
    expect(result.code).toBe(0);
    const items = result.stdout.match(/^ {3}- \d\.\d+ \(/gmu) ?? [];
    expect(items).toHaveLength(22);
    expect(result.stdout).toContain(
      'Hiển thị cả 22 tiêu chí; nội dung, minh chứng và ghi chú chỉ ghi với tiêu chí không đạt, chưa đánh giá, không áp dụng, chỉ theo dõi hoặc có chênh lệch.',
    );
    expect(result.stdout).toMatch(/^ {3}Mục 1\. Trách nhiệm của người đứng đầu/mu);
    expect(result.stdout).toContain('   - 1.1 (khoản 1 Điều 5): Đạt\n   - 1.2 (khoản 2 Điều 5): Đạt\n');
    expect(result.stdout).toMatch(/ {3}- 3\.4 \(Điều 11\): Không đạt\n {7}Bố trí đủ cán bộ chuyên trách/u);
    expect(result.stdout).toContain(
      'Cảnh báo dữ liệu liên quan (1):\n  - 2024/self-reports/SGTVT.xlsx: cột "Thẩm định"',
    );
  });

  it('each unit gets its own warnings, not the others’', async () => {
    const sct = (await runIn(['explain', 'SCT', '--year', '2024', '-w', SAMPLE])).stdout;
    expect(sct).toMatch(
      /Cảnh báo dữ liệu liên quan \(1\):\n {2}- 2024\/units\.xlsx, trang "Danh sách", dòng 20: đơn vị SCT/u,
    );
    const bdt = (await runIn(['explain', 'BDT', '--year', '2024', '-w', SAMPLE])).stdout;
    expect(bdt).toContain('Cảnh báo dữ liệu liên quan (2):');
    expect(bdt).toContain('Ban Dân tộc (BDT) chưa có điểm ICT Index năm nay');
    expect(bdt).toContain('Ban Dân tộc (BDT) không có điểm năm 2023 (đơn vị mới)');
    expect(bdt).not.toContain('SGTVT');
    const syt = (await runIn(['explain', 'SYT', '--year', '2024', '-w', SAMPLE])).stdout;
    expect(syt).toContain('Cảnh báo dữ liệu liên quan: không có.');
  });
});

describe('--lang en: warnings and usage errors in English', () => {
  /** Words of a Vietnamese sentence that no English message has (data values and headers are quoted, so excluded). */
  const vietnamese = /\b(không|chưa|được|của|tiêu chí|người|đơn vị|thư mục|dòng|trang|cột)\b/u;
  const unquoted = (line: string) => line.replace(/"[^"]*"|\([^)]*\)/gu, '');

  it('the sample’s warnings, their locations and the summary are English', async () => {
    const result = await runIn(['sanctions', '--year', '2024', '-w', SAMPLE, '--json', '--lang', 'en']);
    expect(result.code).toBe(0);
    const check = await runIn(['check', '--year', '2024', '-w', SAMPLE, '--lang', 'en']);
    const warnings = check.stderr.split('\n').filter((line) => line.startsWith('  - '));
    expect(warnings).toHaveLength(12);
    for (const line of warnings) expect(unquoted(line.replace(/^.*?: /u, ''))).not.toMatch(vietnamese);
    expect(check.stderr).toContain(
      '2024/assessment.xlsx, sheet "Đánh giá của Sở", row 22, column R (3.4): Ban Quản lý các khu công nghiệp (BQLKCN), item 3.4: "Not met" was entered',
    );
    expect(check.stderr).toMatch(/^ict-eval: 2024: 31 units, no malformed data; 12 warnings\./mu);
  });

  it('a missing year, an unknown unit, --final on an incomplete year: the message is English', async () => {
    const year = await runIn(['check', '--year', '2030', '-w', SAMPLE, '--lang', 'en']);
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('there is no folder for 2030 in ');
    expect(year.stderr).toContain('the years there: 2023, 2024');
    const unit = await runIn(['explain', 'XYZ', '--year', '2024', '-w', SAMPLE, '--lang', 'en']);
    expect(unit.stderr).toContain('no unit "XYZ" (by code or name) in the units of 2024.');
    const final = await runIn([
      'rate',
      '--year',
      '2024',
      '-w',
      SAMPLE,
      '-o',
      await tempDir(),
      '--final',
      '--lang',
      'en',
    ]);
    expect(final.code).toBe(4);
    expect(final.stderr).toContain('--final: 2024 lacks data for final workbooks (3 person(s) lack data to be rated');
  });

  it('malformed data: the list’s heading and the locations are English', async () => {
    const ws = await sampleCopy();
    const path = join(ws, '2024/scores.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    let at: { row: number; col: number } | undefined;
    sheet?.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        if (at === undefined && cell.text.startsWith('Điểm')) at = { row: r + 1, col: c };
      });
    });
    if (sheet === undefined || at === undefined) throw new Error('no score column in the sample');
    sheet.getCell(at.row, at.col).value = 'tám mươi';
    await workbook.xlsx.writeFile(path);
    const result = await runIn(['check', '--year', '2024', '-w', ws, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /ict-eval: The inputs have 1 error; nothing was written:\n {2}- 2024\/scores\.xlsx, sheet "ICT Index 2024", row \d+, column [A-Z]+ \(Điểm ICT Index\): score "tám mươi" is not a number \(or "Không xếp hạng"\)\.\n/u,
    );
  });
});

describe('--lang en: the help too', () => {
  it('command and option descriptions and examples are English; Vietnamese by default', async () => {
    const en = await runIn(['rate', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('rate the heads (Art. 15) and propose rewards (Art. 16)');
    expect(en.stdout).toMatch(/-y, --year <year>\s+the year evaluated \(required\)/u);
    expect(en.stdout).toContain('Examples:');
    expect(en.stdout).not.toMatch(/năm đánh giá|Ví dụ/u);
    const vi = await runIn(['rate', '--help']);
    expect(vi.stdout).toContain('xếp loại người đứng đầu (Điều 15)');
    expect(vi.stdout).toContain('Ví dụ:');
  });
});
