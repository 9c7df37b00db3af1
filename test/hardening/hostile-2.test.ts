import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import { odsCells } from '../../src/io/convert.js';
import { fileDigest } from '../../src/io/workspace.js';
import { CONVERTER_LIMITS, DEFAULT_LIMITS } from '../../src/io/limits.js';
import { formatProblem } from '../../src/problems.js';
import { readScoresFile } from '../../src/io/readers/index.js';
import { SAMPLE, run } from '../e2e/run.js';

// Issue #40, hostile files second round: bounded work for any file, nothing through links, no raw control codes,
// neutralised CSV headers, an exit code for a full output stream, no prototype keys, no stale temporary folders. Each
// attack of the issue is a case here; docs/reliability.md gives their measured bounds.

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function temp(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ict-eval-hostile2-'));
  roots.push(root);
  return root;
}

async function sampleCopy(): Promise<string> {
  const root = await temp();
  await cp(SAMPLE, root, { recursive: true });
  return root;
}

const scores = (path: string) => readScoresFile(path, 'scores.xlsx', DEFAULT_LIMITS, BN_358_2013.blocks, BN_358_2013);

describe('bounded work: a part is parsed once, a workbook lists few sheets, an .ods declares few cells', () => {
  async function workbookListing(sheets: number, sharedPart: boolean): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Điểm');
    sheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Điểm ICT Index']);
    for (let i = 0; i < 2000; i++) sheet.addRow([`U${i}`, `Đơn vị ${i}`, 'SBN', 0.5]);
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
    const rId = /<sheet [^>]*r:id="(rId\d+)"/u.exec(workbook)?.[1] ?? 'rId1';
    // Every sheet listed points at the one worksheet part (sharedPart), or at one part of its own.
    const listed = Array.from(
      { length: sheets },
      (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="${sharedPart ? rId : `rIdX${i}`}"/>`,
    ).join('');
    zip.file('xl/workbook.xml', workbook.replace(/<sheets>.*<\/sheets>/su, `<sheets>${listed}</sheets>`));
    if (!sharedPart) {
      const extra = Array.from(
        { length: sheets },
        (_, i) =>
          `<Relationship Id="rIdX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`,
      ).join('');
      zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `${extra}</Relationships>`));
    }
    const path = join(await temp(), 'scores.xlsx');
    await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return path;
  }

  it('20 000 sheets over one 2 000-row part: refused before any sheet is parsed', async () => {
    const started = Date.now();
    const read = await scores(await workbookListing(20_000, true));
    expect(read.problems.map(formatProblem)).toEqual([
      'scores.xlsx: tệp liệt kê 20000 trang tính, vượt giới hạn 255 trang; có thể là tệp độc hại. Hãy chép các trang cần dùng sang một tệp mới.',
    ]);
    // Not a timing test: the bound is that no sheet was read (docs/reliability.md measures the time).
    expect(read.scores).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('two sheets sharing one part: refused (no spreadsheet program writes that)', async () => {
    const read = await scores(await workbookListing(2, true));
    expect(read.problems.map((p) => p.code)).toEqual(['xlsx-shape']);
    expect(read.problems[0]?.message).toContain('cùng trỏ tới một phần dữ liệu');
  });

  /** An .ods as LibreOffice lays it out, with one row of `columns` numbers repeated `rows` times. */
  async function repeatedOds(columns: number, rows: number): Promise<Buffer> {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file(
      'META-INF/manifest.xml',
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    );
    zip.file(
      'content.xml',
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="T"><table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${columns}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`,
    );
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  it('an .ods of one row of 1 024 numbers repeated 1 048 576 times: refused before any converter runs', async () => {
    const bytes = await repeatedOds(1024, 1_048_576);
    expect(bytes.length).toBeLessThan(2000);
    expect(await odsCells(bytes)).toBeGreaterThan(CONVERTER_LIMITS.odsCells);
    const root = await sampleCopy();
    await rm(join(root, '2024/follow-up.xlsx'));
    await writeFile(join(root, '2024/follow-up.ods'), bytes);
    const started = Date.now();
    const result = run(['check', '--year', '2024', '-w', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2024/follow-up.ods: tệp .ods khai báo 1.073.741.824 ô có dữ liệu');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('a real .ods declares its cells, not its blank repeats', async () => {
    const bytes = await readFile(join(SAMPLE, '../../test/fixtures/real-world/follow-up-as-ods/2024/follow-up.ods'));
    const cells = await odsCells(bytes);
    expect(cells).toBeGreaterThan(20);
    expect(cells).toBeLessThan(1000);
  });

  it.runIf(spawnSync('sh', ['-c', 'command -v ps']).status === 0)(
    'a converter that never ends is killed with its process group at its time limit, and its folder removed',
    async () => {
      // A stand-in for ssconvert and soffice that starts a child and waits forever (as a hung LibreOffice does).
      const bin = await temp();
      for (const name of ['ssconvert', 'soffice']) {
        await writeFile(join(bin, name), '#!/bin/sh\nsleep 600 &\nwait\n');
        await chmod(join(bin, name), 0o755);
      }
      const tmp = await temp();
      const root = await sampleCopy();
      await rm(join(root, '2024/follow-up.xlsx'));
      await cp(
        join(SAMPLE, '../../test/fixtures/real-world/follow-up-as-ods/2024/follow-up.ods'),
        join(root, '2024/follow-up.ods'),
      );
      const started = Date.now();
      const result = run(['check', '--year', '2024', '-w', root], {
        env: { PATH: `${bin}:${process.env.PATH ?? ''}`, ICT_EVAL_CONVERTER_SECONDS: '1', TMPDIR: tmp },
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('gnumeric ssconvert: quá 1 giây');
      expect(result.stderr).toContain('LibreOffice: quá 1 giây');
      expect(Date.now() - started).toBeLessThan(20_000);
      // Nothing left behind: no folder, and no sleeping child of the converter.
      expect(await readdir(tmp)).toEqual([]);
      const sleeping = spawnSync('sh', ['-c', `ps -eo args | grep '[s]leep 600' || true`], {
        encoding: 'utf8',
      }).stdout.trim();
      expect(sleeping).toBe('');
    },
  );
});

describe('nothing is read or written through a link, a FIFO or a device', () => {
  it('a self-report that is a link to /dev/zero is refused and never hashed (the run ends)', async () => {
    const root = await sampleCopy();
    await rm(join(root, '2024/self-reports/STC.xlsx'));
    await symlink('/dev/zero', join(root, '2024/self-reports/STC.xlsx'));
    const result = run(['check', '--year', '2024', '-w', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2024/self-reports/STC.xlsx: là một liên kết tượng trưng (symlink)');
    expect(await fileDigest(join(root, '2024/self-reports/STC.xlsx'))).toBeUndefined();
  });

  it.runIf(spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0)(
    'a FIFO in place of a self-report is refused without waiting for a writer',
    async () => {
      const root = await sampleCopy();
      await rm(join(root, '2024/self-reports/STC.xlsx'));
      expect(spawnSync('mkfifo', [join(root, '2024/self-reports/STC.xlsx')]).status).toBe(0);
      const result = run(['check', '--year', '2024', '-w', root]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('2024/self-reports/STC.xlsx: không phải tệp thông thường');
      expect(await fileDigest(join(root, '2024/self-reports/STC.xlsx'))).toBeUndefined();
    },
  );

  it('init --from does not carry a units file that is a link (to /etc/passwd)', async () => {
    const root = await temp();
    await mkdir(join(root, '2024'), { recursive: true });
    await symlink('/etc/passwd', join(root, '2024/units.csv'));
    const result = run(['init', root, '--year', '2025', '--from', '2024']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('liên kết tượng trưng');
    const made = await readdir(join(root, '2025')).catch(() => []);
    expect(made.filter((name) => name.startsWith('units'))).toEqual([]);
  });

  it('the history log as a link: the line is not appended to the file outside', async () => {
    const root = await sampleCopy();
    const out = await temp();
    expect(run(['sanctions', '--year', '2024', '-w', root, '-o', out, '-q']).code).toBe(0);
    const outside = join(await temp(), 'outside.tsv');
    await writeFile(outside, 'untouched\n');
    await rm(join(out, '2024/lich-su/nhat-ky.tsv'));
    await symlink(outside, join(out, '2024/lich-su/nhat-ky.tsv'));
    const again = run(['sanctions', '--year', '2024', '-w', root, '-o', out, '-q', '--force']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('nhat-ky.tsv: đó là một liên kết tượng trưng (symlink)');
    expect(await readFile(outside, 'utf8')).toBe('untouched\n');
  });

  it('an output folder that is a link into an input folder is refused (real paths are compared)', async () => {
    const root = await sampleCopy();
    const link = join(await temp(), 'out');
    await symlink(join(root, '2024/self-reports'), link);
    const before = (await readdir(join(root, '2024/self-reports'))).sort();
    const result = run(['sanctions', '--year', '2024', '-w', root, '-o', link]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nằm trong thư mục dữ liệu đầu vào');
    expect((await readdir(join(root, '2024/self-reports'))).sort()).toEqual(before);
  });
});

describe('no internal error, and no raw control code, whatever the text', () => {
  it('a 12-million-character unit name ending in a non-Latin letter: a located error, not a crash', async () => {
    const root = await sampleCopy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(root, '2024/units.xlsx'));
    const sheet = book.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    sheet.getCell('B6').value = `${'A'.repeat(12_000_000)}ữ`;
    await book.xlsx.writeFile(join(root, '2024/units.xlsx'));
    for (const command of ['check', 'sanctions']) {
      const result = run([command, '--year', '2024', '-w', root, '-o', await temp()]);
      expect(result.code, result.stderr.slice(0, 400)).toBe(1);
      expect(result.stderr).toContain('ô có 12.000.001 ký tự, vượt giới hạn 32.767 ký tự của một ô Excel');
      expect(result.stderr).not.toContain('lỗi nội bộ');
    }
  }, 60_000);

  it('a configuration of 2 MB, or with a 100 000-character text, is refused by name', async () => {
    const root = await sampleCopy();
    const config = JSON.parse(await readFile(join(root, 'ict-eval.config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(root, 'ict-eval.config.json'), JSON.stringify({ ...config, department: 'x'.repeat(100_000) }));
    const long = run(['check', '--year', '2024', '-w', root]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain(
      'ict-eval.config.json: giá trị tại department dài 100.000 ký tự, vượt giới hạn 10.000',
    );
    await writeFile(join(root, 'ict-eval.config.json'), `{"x": "${'x'.repeat(2 * 1024 * 1024)}"}`);
    const large = run(['check', '--year', '2024', '-w', root]);
    expect(large.code).toBe(2);
    expect(large.stderr).toContain('lớn hơn 1024 KB');
  });

  it('terminal escape sequences in a unit name and a file name never reach the terminal or the outputs', async () => {
    const root = await sampleCopy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(root, '2024/units.xlsx'));
    const sheet = book.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    // Clear the screen, erase the line above, set the window title; a C1 CSI too. On every row of the unit.
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'VPUB')
        row.getCell(2).value = 'Văn phòng\u001b[2J\u001b[1A\u001b[2K\u001b]0;pwned\u0007 UBND tỉnh\u009b31m';
    });
    await book.xlsx.writeFile(join(root, '2024/units.xlsx'));
    await cp(join(root, '2024/self-reports/STC.xlsx'), join(root, '2024/self-reports/\u001b[2JSTC.xlsx'));
    const out = await temp();
    const result = run(['sanctions', '--year', '2024', '-w', root, '-o', out]);
    // The report sent twice stops the run; its message names the file with ESC shown, not sent.
    expect(result.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- the control characters are what must not come out
    for (const text of [result.stdout, result.stderr]) expect(text).not.toMatch(/[\u001b\u0007\u009b]/u);
    expect(result.stderr).toContain('␛[2JSTC.xlsx');
    await rm(join(root, '2024/self-reports/\u001b[2JSTC.xlsx'));
    const ok = run(['sanctions', '--year', '2024', '-w', root, '-o', out, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).not.toMatch(/\\u001b|\\u009b|\\u0007/u);
    expect(ok.stdout).toContain('Văn phòng[2J[1A[2K]0;pwned UBND tỉnh31m');
    const written = run(['sanctions', '--year', '2024', '-w', root, '-o', out, '-q', '--force']);
    expect(written.code).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(join(out, '2024/xep-loai-2024.xlsx')));
    const parts = zip.file(/^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/u);
    const xml = (await Promise.all(parts.map((f) => f.async('string')))).join('');
    expect(xml).toContain('Văn phòng[2J');
    // eslint-disable-next-line no-control-regex -- the control characters are what must not be written
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|_x001b_/iu);
  });

  it('a formula as a column header of the scores is neutralised in rank --csv, as cells are', async () => {
    const root = await temp();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Điểm');
    sheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Khối', '=HYPERLINK("http://x","bấm")', 'Điểm ICT Index']);
    sheet.addRow(['SA', 'Sở An Hòa', 'SBN', 1, 0.8]);
    sheet.addRow(['SB', 'Sở Bình An', 'SBN', 2, 0.7]);
    await book.xlsx.writeFile(join(root, 'scores.xlsx'));
    const out = await temp();
    const result = run(['rank', join(root, 'scores.xlsx'), '--csv', '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(0);
    const text = (await Promise.all(files.map((f) => readFile(join(out, f), 'utf8')))).join('\n');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text.split(/[;\r\n]/u).some((cell) => cell.startsWith('=') || cell.startsWith('"='))).toBe(false);
  });
});

describe('what the process says and leaves', () => {
  it('stdout on a full disk (/dev/full): one line, exit 5, no stack trace', () => {
    const result = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" dist/cli.js sanctions --year 2024 -w "${SAMPLE}" --json > /dev/full`],
      { encoding: 'utf8', cwd: join(SAMPLE, '../..') },
    );
    expect(result.status).toBe(5);
    expect(result.stderr).toContain('ict-eval: không ghi được ra stdout (ổ đĩa đã hết chỗ trống');
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it.each([
    ['blocks', '{"vi":"Khối ma","basis":"QĐ 1"}'],
    ['indicators', '"1.1"'],
  ])('a configuration whose %s has a "__proto__" key is refused, not silently dropped', async (key, value) => {
    const root = await sampleCopy();
    const config = JSON.parse(await readFile(join(root, 'ict-eval.config.json'), 'utf8')) as Record<string, unknown>;
    // Written as text: a "__proto__" key in an object literal would set its prototype instead.
    const raw = `${JSON.stringify(config).slice(0, -1)},"${key}":{"__proto__":${value}}}`;
    await writeFile(join(root, 'ict-eval.config.json'), raw);
    const result = run(['check', '--year', '2024', '-w', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`ict-eval.config.json: khoá "__proto__" tại ${key} không được dùng`);
  });

  it('temporary folders a killed run left are removed once an hour old; a recent one is kept', async () => {
    const tmp = await temp();
    const old = join(tmp, 'ict-eval-record-killed');
    const recent = join(tmp, 'ict-eval-record-running');
    for (const folder of [old, recent]) {
      await mkdir(folder);
      await writeFile(join(folder, 'record.json'), '{}');
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    const result = run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', join(tmp, 'out'), '-q'], {
      env: { TMPDIR: tmp },
    });
    expect(result.code, result.stderr).toBe(0);
    const left = await readdir(tmp);
    expect(left).not.toContain('ict-eval-record-killed');
    expect(left).toContain('ict-eval-record-running');
  });
});
