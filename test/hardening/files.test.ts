import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/io/limits.js';
import { formatProblem } from '../../src/problems.js';
import { readScoresFile } from '../../src/io/readers/index.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function scoresWorkbook(extraRows: (string | number)[][] = []): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Điểm');
  sheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Điểm ICT Index']);
  sheet.addRow(['SA', 'Sở An Hòa', 'SBN', 0.8]);
  for (const row of extraRows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function save(bytes: Buffer, name = 'scores.xlsx'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ict-eval-hostile-'));
  roots.push(root);
  const path = join(root, name);
  await writeFile(path, bytes);
  return path;
}

/**
 * A copy of a zip with a field of an entry changed in its central directory record and in its local header: `write`
 * is given the field's place in each (`central` and `local`: its offset from the start of that header).
 */
function patchEntry(
  zip: Buffer,
  entryName: string,
  field: { central: number; local: number },
  write: (out: Buffer, at: number) => void,
): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entryName);
  for (let at = out.indexOf(name); at >= 0; at = out.indexOf(name, at + 1)) {
    if (at >= 46 && out.readUInt32LE(at - 46) === 0x02014b50) write(out, at - 46 + field.central);
    if (at >= 30 && out.readUInt32LE(at - 30) === 0x04034b50) write(out, at - 30 + field.local);
  }
  return out;
}

/** Sets the uncompressed size of an entry, in its local header and in the central directory, to `size`. */
function lieAboutSize(zip: Buffer, entryName: string, size: number): Buffer {
  return patchEntry(zip, entryName, { central: 24, local: 22 }, (out, at) => out.writeUInt32LE(size, at));
}

/** The scores read from a workbook of these bytes, saved as scores.xlsx. */
async function readScores(bytes: Buffer, limits: ReadLimits = DEFAULT_LIMITS) {
  return readScoresFile(await save(bytes), 'scores.xlsx', limits, BN_358_2013.blocks, BN_358_2013);
}

describe('hostile workbooks end in a clear message, within bounded memory', () => {
  it('a zip whose central directory understates a part’s size is refused when the inflated bytes exceed the claim', async () => {
    const honest = await scoresWorkbook(
      Array.from({ length: 2000 }, (_, i) => [`U${i}`, 'Đơn vị '.repeat(20), 'SBN', i / 2000]),
    );
    const read = await readScores(lieAboutSize(honest, 'xl/sharedStrings.xml', 100));
    expect(read.scores).toEqual([]);
    expect(read.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^scores\.xlsx: tệp \.xlsx bị hỏng hoặc chưa tải về hết \(.*\)\. Hãy xin lại tệp từ đơn vị gửi\.$/u,
      ),
    ]);
  });

  it('a zip whose central directory overstates a part’s size is refused when fewer bytes inflate', async () => {
    const honest = await scoresWorkbook();
    const zip = await JSZip.loadAsync(honest);
    const actual = (await zip.file('xl/worksheets/sheet1.xml')?.async('nodebuffer'))?.length ?? 0;
    const read = await readScores(lieAboutSize(honest, 'xl/worksheets/sheet1.xml', actual + 7));
    expect(read.scores).toEqual([]);
    expect(read.problems.map(formatProblem)).toEqual([
      `scores.xlsx: tệp .xlsx bị hỏng hoặc chưa tải về hết (not enough bytes in the stream. expected ${actual + 7}. got only ${actual}). Hãy xin lại tệp từ đơn vị gửi.`,
    ]);
  });

  it('an understated size is named in the message, with the bytes seen', async () => {
    const honest = await scoresWorkbook();
    const read = await readScores(lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 100));
    expect(read.problems.map(formatProblem)).toEqual([
      'scores.xlsx: tệp .xlsx bị hỏng hoặc chưa tải về hết (too many bytes in the stream. expected 100. got at least 101). Hãy xin lại tệp từ đơn vị gửi.',
    ]);
  });

  it('a workbook whose parts are stored, not deflated, is read', async () => {
    const zip = await JSZip.loadAsync(await scoresWorkbook([['SB', 'Sở Bình An', 'SBN', 0.25]]));
    const stored = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const read = await readScores(stored);
    expect(read.problems).toEqual([]);
    expect(read.scores.map((s) => [s.unitCode, s.score])).toEqual([
      ['SA', 0.8],
      ['SB', 0.25],
    ]);
  });

  it('a part whose deflated data is damaged, or compressed by a method other than deflate, is refused', async () => {
    const zip = await JSZip.loadAsync(await scoresWorkbook());
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = bytes.indexOf(name) - 30;
    expect(bytes.readUInt32LE(local)).toBe(0x04034b50);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    // A deflate block of the reserved type 3: no inflater accepts it.
    const damaged = Buffer.from(bytes);
    damaged[dataStart] = 0b111;
    // Method 12 (bzip2) in the local header and the central record.
    const bzip = patchEntry(bytes, 'xl/worksheets/sheet1.xml', { central: 10, local: 8 }, (out, at) =>
      out.writeUInt16LE(12, at),
    );
    const messages = [];
    for (const file of [damaged, bzip]) {
      const read = await readScores(file);
      expect(read.scores).toEqual([]);
      messages.push(...read.problems.map(formatProblem));
    }
    expect(messages).toEqual([
      'scores.xlsx: tệp .xlsx bị hỏng hoặc chưa tải về hết (invalid block type). Hãy xin lại tệp từ đơn vị gửi.',
      'scores.xlsx: tệp .xlsx bị hỏng hoặc chưa tải về hết (unsupported compression method: 12). Hãy xin lại tệp từ đơn vị gửi.',
    ]);
  });

  it('the inflated bytes are counted against the limit, not only the declared sizes', async () => {
    // 3 MB of shared strings, declared honestly: refused under a 1 MB budget whatever the claims say.
    const big = await scoresWorkbook([['SB', 'x'.repeat(3_000_000), 'SBN', 0.5]]);
    const read = await readScores(big, { ...DEFAULT_LIMITS, maxUncompressedBytes: 1_000_000 });
    expect(read.problems.map((p) => p.code)).toEqual(['xlsx-too-large-uncompressed']);
  });

  it('a huge shared-strings table within the limit is read', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      `U${i}`,
      `Đơn vị số ${i} ${'đ'.repeat(50)}`,
      'SBN',
      (i % 100) / 100,
    ]);
    const read = await readScores(await scoresWorkbook(rows));
    expect(read.problems).toEqual([]);
    expect(read.scores).toHaveLength(20_001);
  });

  it('parts the central directory does not list are never read (an entry hidden between local headers)', async () => {
    const zip = await JSZip.loadAsync(await scoresWorkbook());
    // A second copy of the sheet with another unit, under a name the reader would take if it streamed local headers.
    const sheet = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
    zip.file('xl/worksheets/sheet9.xml', (sheet ?? '').replace(/SA/gu, 'ZZ'));
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    // Drop sheet9 from the central directory by renaming its central record's name to a part the reader ignores.
    const patched = Buffer.from(bytes);
    const name = Buffer.from('xl/worksheets/sheet9.xml');
    for (let at = patched.indexOf(name); at >= 0; at = patched.indexOf(name, at + 1)) {
      if (patched.readUInt32LE(at - 46) === 0x02014b50) patched.write('xl/media/ignored__.xml', at);
    }
    const read = await readScores(patched);
    expect(read.scores.map((s) => s.unitCode)).toEqual(['SA']);
  });

  it('an empty file named .xlsx', async () => {
    const read = await readScores(Buffer.alloc(0));
    expect(read.problems.map(formatProblem)).toEqual(['scores.xlsx: tệp rỗng (0 byte).']);
  });

  it('a zip with no workbook in it', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const read = await readScores(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(read.problems.map(formatProblem)).toEqual([
      'scores.xlsx: tệp nén này không chứa bảng tính Excel (thiếu xl/workbook.xml).',
    ]);
  });

  it('a zip with too many entries', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 30; i++) zip.file(`x/${i}.txt`, '');
    const read = await readScores(await zip.generateAsync({ type: 'nodebuffer' }), {
      ...DEFAULT_LIMITS,
      maxZipEntries: 20,
    });
    expect(read.problems.map(formatProblem)).toEqual(['scores.xlsx: tệp .xlsx chứa quá nhiều thành phần (trên 20).']);
  });

  it('a workbook whose XML is broken', async () => {
    const zip = await JSZip.loadAsync(await scoresWorkbook());
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>');
    const read = await readScores(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(read.problems.length).toBe(1);
    expect(read.problems[0]?.severity).toBe('error');
    expect(read.problems[0]?.where?.file).toBe('scores.xlsx');
  });
});

describe('large files', () => {
  it('a sheet of 200 000 rows is read whole (no call-stack overflow from spreading rows)', async () => {
    const { readTable } = await import('../../src/io/table.js');
    const lines = ['Mã đơn vị,Mã tiêu chí,Tự đánh giá'];
    for (let i = 0; i < 200_000; i++) lines.push(`U${i % 9000},1.1,Đạt`);
    const path = await save(Buffer.from(lines.join('\n')), 'lon.csv');
    const read = await readTable(
      path,
      'lon.csv',
      { titleVi: 'bảng', columns: [{ key: 'a', headers: ['Mã đơn vị'], required: true }] },
      DEFAULT_LIMITS,
    );
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(200_000);
  }, 60_000);
});
