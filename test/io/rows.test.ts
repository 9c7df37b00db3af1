import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type SheetPlace, sourceAt } from '../../src/domain.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { readAssessmentFile, readSelfReportFile } from '../../src/io/readers.js';
import { CHECKLIST } from '../helpers.js';

const codes = CHECKLIST.map((i) => i.code);
const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function csv(name: string, lines: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ict-eval-rows-'));
  roots.push(dir);
  const path = join(dir, name);
  await writeFile(path, lines.join('\n'));
  return path;
}

/** The place a row keeps (shared by the rows of its sheet or column); not part of what the rules read. */
const placeOf = (row: object): unknown => Reflect.get(row, 'place');

describe("a row's SourceRef, made from its sheet's place and its number", () => {
  it('has the keys of SourceRef in their order, and none for what is not known', () => {
    const cases: [SheetPlace, number | undefined, string][] = [
      [{ file: 'a.csv' }, 4, '{"file":"a.csv","row":4}'],
      [{ file: 'a.xlsx', sheet: 'Báo cáo' }, 9, '{"file":"a.xlsx","sheet":"Báo cáo","row":9}'],
      [{ file: 'a.csv', column: 'C (1.2)' }, 2, '{"file":"a.csv","row":2,"column":"C (1.2)"}'],
      [{ file: 'a.xlsx', sheet: 'S', column: 'D' }, 7, '{"file":"a.xlsx","sheet":"S","row":7,"column":"D"}'],
      [{ file: 'a.csv' }, undefined, '{"file":"a.csv"}'],
      [{ file: 'a.xlsx', sheet: 'S' }, undefined, '{"file":"a.xlsx","sheet":"S"}'],
      [{ file: 'a.csv', column: 'D' }, undefined, '{"file":"a.csv","column":"D"}'],
      [{ file: 'a.xlsx', sheet: 'S', column: 'D' }, undefined, '{"file":"a.xlsx","sheet":"S","column":"D"}'],
    ];
    for (const [place, row, json] of cases) {
      const source = sourceAt(place, row);
      expect(JSON.stringify(source)).toBe(json);
      expect(Object.values(source)).not.toContain(undefined);
    }
  });

  it('the wide assessment form: each cell at its row and item column; the cells of one column share one place', async () => {
    const path = await csv('assessment.csv', [
      'Mã đơn vị,1.1,1.2,Ghi chú',
      'SA,Đạt,Không đạt,',
      'SB,Không áp dụng,Đạt,Không có dự án',
      'SC,,Đạt,',
    ]);
    const read = await readAssessmentFile(path, 'assessment.csv', DEFAULT_LIMITS, codes);
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => [r.unitCode, r.itemCode, r.status, r.source])).toStrictEqual([
      ['SA', '1.1', 'dat', { file: 'assessment.csv', row: 2, column: 'B (1.1)' }],
      ['SA', '1.2', 'khong-dat', { file: 'assessment.csv', row: 2, column: 'C (1.2)' }],
      ['SB', '1.1', 'khong-ap-dung', { file: 'assessment.csv', row: 3, column: 'B (1.1)' }],
      ['SB', '1.2', 'dat', { file: 'assessment.csv', row: 3, column: 'C (1.2)' }],
      ['SC', '1.2', 'dat', { file: 'assessment.csv', row: 4, column: 'C (1.2)' }],
    ]);
    expect(new Set(read.rows.map(placeOf)).size).toBe(2);
  });

  it('the long assessment form and a self-report: each row at its row; the rows of one sheet share one place', async () => {
    const long = await csv('long.csv', [
      'Mã đơn vị,Mã tiêu chí,Kết quả đánh giá,Ghi chú',
      'SA,1.1,Đạt,',
      'SA,2.1,Không đạt,Chưa có kế hoạch',
    ]);
    const assessed = await readAssessmentFile(long, 'long.csv', DEFAULT_LIMITS, codes);
    expect(assessed.rows.map((r) => r.source)).toStrictEqual([
      { file: 'long.csv', row: 2 },
      { file: 'long.csv', row: 3 },
    ]);
    expect(new Set(assessed.rows.map(placeOf)).size).toBe(1);

    const workbook = fileURLToPath(new URL('../../fixtures/sample/2024/self-reports/SYT.xlsx', import.meta.url));
    const report = await readSelfReportFile(workbook, '2024/self-reports/SYT.xlsx', DEFAULT_LIMITS, codes);
    expect(report.rows).toHaveLength(22);
    const sources = report.rows.map((r) => r.source);
    expect(sources[0]).toStrictEqual({ file: '2024/self-reports/SYT.xlsx', sheet: 'Tự đánh giá', row: 6 });
    expect(sources.every((s, i) => i === 0 || (s?.row ?? 0) > (sources[i - 1]?.row ?? 0))).toBe(true);
    expect(new Set(sources.map((s) => s?.sheet))).toEqual(new Set(['Tự đánh giá']));
    expect(new Set(report.rows.map(placeOf)).size).toBe(1);
  });
});
