import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import type { SelfReportsRead } from '../../src/io/readers/index.js';
import { ROOT } from '../e2e/run.js';
import { CHECKLIST } from '../helpers.js';

const ITEM_CODES = CHECKLIST.map((item) => item.code);

type Pool = (
  files: readonly { path: string; display: string }[],
  limits: typeof DEFAULT_LIMITS,
  itemCodes: readonly string[],
  options?: { parallel?: boolean; workerOldSpaceMb?: number },
) => Promise<SelfReportsRead[]>;

/** The compiled pool (built by the e2e global setup), since worker threads run JavaScript. */
async function compiledPool(): Promise<Pool> {
  return ((await import(join(ROOT, 'dist/io/pool.js'))) as { readSelfReportFiles: Pool }).readSelfReportFiles;
}

/** The sample's self-reports, in name order. */
async function sampleReports(): Promise<{ path: string; display: string }[]> {
  const folder = join(ROOT, 'fixtures/sample/2024/self-reports');
  return (await readdir(folder))
    .sort()
    .map((name) => ({ path: join(folder, name), display: `2024/self-reports/${name}` }));
}

describe('the read pool', () => {
  it('worker threads read the self-reports exactly as the main thread does, in the order given', async () => {
    const readSelfReportFiles = await compiledPool();
    const files = await sampleReports();
    files.push({ path: join(ROOT, 'test/fixtures/readers/broken/text.xlsx'), display: 'broken.xlsx' });
    const [inline, parallel] = await Promise.all([
      readSelfReportFiles(files, DEFAULT_LIMITS, ITEM_CODES, { parallel: false }),
      readSelfReportFiles(files, DEFAULT_LIMITS, ITEM_CODES, { parallel: true }),
    ]);
    expect(parallel).toEqual(inline);
    expect(parallel.map((r) => [...r.rows])).toEqual(inline.map((r) => [...r.rows]));
    expect(parallel.flatMap((r) => [...r.rows])).toHaveLength(29 * 22);
    expect(parallel.at(-1)?.problems.map((p) => p.code)).toEqual(['xlsx-not-zip']);
  });
});

/** What `run` writes to stderr under ICT_EVAL_DEBUG=read, and its result. */
async function underReadDebug<T>(run: () => Promise<T>): Promise<{ result: T; said: string[] }> {
  const said: string[] = [];
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    said.push(String(text));
    return true;
  });
  vi.stubEnv('ICT_EVAL_DEBUG', 'read');
  try {
    return { result: await run(), said };
  } finally {
    write.mockRestore();
    vi.unstubAllEnvs();
  }
}

describe('a reader thread out of memory', () => {
  it('hands its file to a thread without the limit, which reads it whole: the same rows, said under ICT_EVAL_DEBUG=read', async () => {
    const readSelfReportFiles = await compiledPool();
    const files = (await sampleReports()).slice(0, 6);
    const inline = await readSelfReportFiles(files, DEFAULT_LIMITS, ITEM_CODES, { parallel: false });
    // 1 MB of old generation: a limited thread cannot even load the reader, so every file it was sent is read again.
    const { result: parallel, said } = await underReadDebug(() =>
      readSelfReportFiles(files, DEFAULT_LIMITS, ITEM_CODES, { parallel: true, workerOldSpaceMb: 1 }),
    );
    expect(parallel).toEqual(inline);
    expect(parallel.map((r) => [...r.rows])).toEqual(inline.map((r) => [...r.rows]));
    expect(parallel.flatMap((r) => [...r.rows])).toHaveLength(6 * 22);
    const retried = said.filter((line) => /read again without the 1 MB limit of a reader thread/u.test(line));
    expect(retried.length).toBeGreaterThan(0);
    expect(said.filter((line) => line.includes('self-report files'))).toEqual([
      expect.stringMatching(/^ict-eval: debug: 6 self-report files, [\d.]+ KB: read by \d+ reader threads\n$/u),
    ]);
  });
});

describe('how the self-reports are read, said under ICT_EVAL_DEBUG=read', () => {
  it('a few small files here, one after the other', async () => {
    const readSelfReportFiles = await compiledPool();
    const files = (await sampleReports()).slice(0, 3);
    const { said } = await underReadDebug(() => readSelfReportFiles(files, DEFAULT_LIMITS, ITEM_CODES));
    expect(said.filter((line) => line.includes('self-report files'))).toEqual([
      expect.stringMatching(/^ict-eval: debug: 3 self-report files, [\d.]+ KB: read here, one after the other\n$/u),
    ]);
  });
});

describe('when reader threads are used', () => {
  const national = { files: 20, bytes: 6.1 * 1024 * 1024 };
  it('not on a 2-core machine, where they cost more CPU and memory than they save (the national year is read here)', async () => {
    const { readerThreads } = await import('../../src/io/pool.js');
    expect(readerThreads(national.files, national.bytes, 2)).toBe(0);
    expect(readerThreads(national.files, national.bytes, 1)).toBe(0);
  });
  it('one per core from 3 cores, at most 4, for 4 MB of files or more in at least 4 files', async () => {
    const { readerThreads } = await import('../../src/io/pool.js');
    expect(readerThreads(national.files, national.bytes, 3)).toBe(3);
    expect(readerThreads(national.files, national.bytes, 16)).toBe(4);
    expect(readerThreads(national.files, 3 * 1024 * 1024, 16)).toBe(0);
    expect(readerThreads(3, national.bytes, 16)).toBe(0);
  });
  it('as a caller forces: at least one thread when asked for, none when refused', async () => {
    const { readerThreads } = await import('../../src/io/pool.js');
    expect(readerThreads(1, 1000, 2, true)).toBe(1);
    expect(readerThreads(6, 1000, 2, true)).toBe(2);
    expect(readerThreads(national.files, national.bytes, 16, false)).toBe(0);
  });
});

describe('rows packed for the trip between threads', () => {
  it('come back as they went: nulls, absent sheets, repeated and unique texts; each distinct text posted once', async () => {
    const { packRows, unpackRows, packedBuffers } = await import('../../src/io/read-worker.js');
    const statuses = ['dat', 'khong-dat', 'khong-ap-dung', null] as const;
    const rows = Array.from({ length: 500 }, (_, i) => ({
      unitCode: `DV${String(i % 7).padStart(3, '0')}`,
      itemCode: ITEM_CODES[i % ITEM_CODES.length] ?? '1.1',
      selfAssessment: statuses[i % statuses.length] ?? null,
      evidence: i % 3 === 0 ? '' : `Văn bản số ${i}/QĐ-UBND`,
      note: i % 5 === 0 ? 'Không có dự án trong năm' : '',
      difficulties: i % 11 === 0 ? 'Thiếu kinh phí' : '',
      source:
        i % 4 === 0
          ? { file: `2024/self-reports/b-${i % 2}.csv`, row: i + 2 }
          : { file: `2024/self-reports/b-${i % 2}.xlsx`, sheet: 'Tự đánh giá', row: i + 5 },
    }));
    const packed = packRows(rows);
    const back = unpackRows(structuredClone(packed, { transfer: packedBuffers(packed) }));
    // Every field of the row as the rules read it; the place is made when asked, with no key for an absent sheet.
    const fields = [...back].map((r) => ({
      unitCode: r.unitCode,
      itemCode: r.itemCode,
      selfAssessment: r.selfAssessment,
      evidence: r.evidence,
      note: r.note,
      difficulties: r.difficulties,
      source: r.source,
    }));
    expect(fields).toStrictEqual(rows);
    expect(new Set(packed.texts).size).toBe(packed.texts.length);
    expect(packed.texts.length).toBeLessThan(500);
  });
});
