import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import type { SelfReportsRead } from '../../src/io/readers.js';
import { ROOT } from '../e2e/run.js';
import { CHECKLIST } from '../helpers.js';

const ITEM_CODES = CHECKLIST.map((item) => item.code);

type Pool = (
  files: readonly { path: string; display: string }[],
  limits: typeof DEFAULT_LIMITS,
  itemCodes: readonly string[],
  options?: { parallel?: boolean },
) => Promise<SelfReportsRead[]>;

describe('the read pool', () => {
  it('worker threads read the self-reports exactly as the main thread does, in the order given', async () => {
    // The compiled pool (built by the e2e global setup), since worker threads run JavaScript.
    const { readSelfReportFiles } = (await import(join(ROOT, 'dist/io/pool.js'))) as { readSelfReportFiles: Pool };
    const folder = join(ROOT, 'fixtures/sample/2024/self-reports');
    const files = (await readdir(folder))
      .sort()
      .map((name) => ({ path: join(folder, name), display: `2024/self-reports/${name}` }));
    files.push({ path: join(ROOT, 'test/fixtures/readers/broken/text.xlsx'), display: 'broken.xlsx' });
    const [inline, parallel] = await Promise.all([
      readSelfReportFiles(files, DEFAULT_LIMITS, ITEM_CODES, { parallel: false }),
      readSelfReportFiles(files, DEFAULT_LIMITS, ITEM_CODES, { parallel: true }),
    ]);
    expect(parallel).toEqual(inline);
    expect(parallel.flatMap((r) => r.rows)).toHaveLength(29 * 22);
    expect(parallel.at(-1)?.problems.map((p) => p.code)).toEqual(['xlsx-not-zip']);
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
    expect(back).toStrictEqual(rows);
    expect(new Set(packed.texts).size).toBe(packed.texts.length);
    expect(packed.texts.length).toBeLessThan(500);
  });
});
