import fc from 'fast-check';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { workbookWriter } from '../../src/report/render/exceljs.js';
import { type ZipEntry, deflatePieces, readZip, redateZip, zipFiles } from '../../src/report/render/zip.js';
import { ROOT } from '../e2e/run.js';

/** What yazl 3 writes for the entries with the options the re-pack used before zipFiles. */
async function byYazl(entries: readonly ZipEntry[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries)
    zip.addBuffer(entry.data, entry.name, { mtime, forceDosTimestamp: true, compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('zipFiles writes the bytes yazl wrote', () => {
  it('for the parts of every workbook of the sample (inputs the tool wrote, in their order)', async () => {
    const folders = ['fixtures/sample/2024', 'fixtures/sample/2024/self-reports', 'fixtures/sample/2023'];
    let compared = 0;
    for (const folder of folders) {
      for (const name of (await readdir(join(ROOT, folder))).filter((n) => n.endsWith('.xlsx'))) {
        const entries = await readZip(await readFile(join(ROOT, folder, name)));
        const mtime = new Date(2024, 11, 31);
        expect((await zipFiles(entries, mtime)).equals(await byYazl(entries, mtime))).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('for generated entries: UTF-8 names, empty and incompressible data, any year the tool takes', async () => {
    const entry = fc.record({
      name: fc
        .array(fc.constantFrom('xl', 'word', 'media', 'Sở', 'tệp', 'a b', '[Content_Types].xml', '1.xml'), {
          minLength: 1,
          maxLength: 4,
        })
        .map((parts) => parts.join('/')),
      data: fc.oneof(
        fc.uint8Array({ maxLength: 5000 }).map((bytes) => Buffer.from(bytes)),
        fc.string({ maxLength: 3000 }).map((text) => Buffer.from(text.repeat(3))),
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { maxLength: 8 }),
        fc.integer({ min: 2000, max: 2100 }),
        async (entries, year) => {
          const mtime = new Date(year, 11, 31);
          expect((await zipFiles(entries, mtime)).equals(await byYazl(entries, mtime))).toBe(true);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });

  it('refuses a name that would leave the folder', async () => {
    await expect(zipFiles([{ name: '../x.xml', data: Buffer.from('x') }], new Date(2024, 11, 31))).rejects.toThrow(
      /bad entry name/u,
    );
  });
});

describe('redateZip lays out a deflated zip as zipFiles would, without deflating again', () => {
  const mtime = new Date(2024, 11, 31);
  const same = async (zip: Buffer) => (await redateZip(zip, mtime)).equals(await zipFiles(await readZip(zip), mtime));

  it('for exceljs’s streaming writer at level 6 (what renderWorkbook gives it): a sheet of 20 000 rows', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    const workbook = new (await workbookWriter())({ stream: sink, useStyles: true, zip: { zlib: { level: 6 } } });
    const sheet = workbook.addWorksheet('Xếp loại');
    for (let i = 1; i <= 20_000; i++)
      sheet.addRow([i, `Nguyễn Văn ${i % 977}`, 'Hoàn thành tốt nhiệm vụ'.repeat(i % 5), i / 7]).commit();
    sheet.commit();
    await workbook.commit();
    const zip = Buffer.concat(chunks);
    const sheetPart = (await readZip(zip)).find((e) => e.name === 'xl/worksheets/sheet1.xml');
    // Several 64 kB chunks of the writer went into the part's deflate.
    expect(sheetPart?.data.length ?? 0).toBeGreaterThan(1_000_000);
    expect(await same(zip)).toBe(true);
  });

  it('for the parts of every workbook of the sample zipped by zipFiles at another date, and for stored parts', async () => {
    // The sample's own files were deflated by another deflater (JSZip's): their parts are zipped by zipFiles first.
    const folder = join(ROOT, 'fixtures/sample/2024/self-reports');
    for (const name of (await readdir(folder)).filter((n) => n.endsWith('.xlsx'))) {
      const entries = await readZip(await readFile(join(folder, name)));
      const redated = await redateZip(await zipFiles(entries, new Date(2023, 5, 1, 13, 45)), mtime);
      expect(redated.equals(await zipFiles(entries, mtime))).toBe(true);
    }
    const stored = new yazl.ZipFile();
    stored.addBuffer(Buffer.from('<a>Sở</a>'.repeat(1000)), 'xl/a.xml', { compress: false });
    stored.addBuffer(Buffer.alloc(0), 'empty.xml', { compress: false });
    stored.end();
    const parts: Buffer[] = [];
    for await (const chunk of stored.outputStream) parts.push(chunk as Buffer);
    expect(await same(Buffer.concat(parts))).toBe(true);
  });
});

describe('deflatePieces: an entry deflated as its pieces come', () => {
  const MTIME = new Date(2024, 11, 31);
  it('makes the zip zipFiles makes of the whole entry, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 70_000 }), { maxLength: 6 }), async (arrays) => {
        const pieces = arrays.map((a) => Buffer.from(a));
        const whole = Buffer.concat(pieces);
        const deflated = await deflatePieces('word/document.xml', pieces);
        expect(deflated.size).toBe(whole.length);
        const zip = await zipFiles([{ name: 'a.xml', data: Buffer.from('<a/>') }, deflated], MTIME);
        const reference = await zipFiles(
          [
            { name: 'a.xml', data: Buffer.from('<a/>') },
            { name: 'word/document.xml', data: whole },
          ],
          MTIME,
        );
        expect(zip.equals(reference)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a megabyte-sized text in pieces of a megabyte, as a report writes its rows', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `<w:tr><w:t>Nguyễn Văn ${i}</w:t></w:tr>`).join('');
    const pieces = [];
    for (let at = 0; at < text.length; at += 1 << 18) pieces.push(Buffer.from(text.slice(at, at + (1 << 18))));
    const deflated = await deflatePieces('word/document.xml', pieces);
    const [entry] = await readZip(await zipFiles([deflated], MTIME));
    expect(entry?.data.toString('utf8')).toBe(text);
  });

  it('fails as its pieces fail', async () => {
    function* failing(): Generator<Buffer> {
      yield Buffer.from('<w:document>');
      throw new Error('docx: no template row for table 1');
    }
    await expect(deflatePieces('word/document.xml', failing())).rejects.toThrow('no template row');
  });
});
