import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type SheetPlace, sourceAt } from '../../src/domain.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { readAssessmentFile, readSelfReportFile } from '../../src/io/readers/index.js';
import { AssessmentColumns, type ReportRow, SelfReportColumns } from '../../src/io/rows.js';
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
    expect([...read.rows].map((r) => [r.unitCode, r.itemCode, r.status, r.source])).toStrictEqual([
      ['SA', '1.1', 'dat', { file: 'assessment.csv', row: 2, column: 'B (1.1)' }],
      ['SA', '1.2', 'khong-dat', { file: 'assessment.csv', row: 2, column: 'C (1.2)' }],
      ['SB', '1.1', 'khong-ap-dung', { file: 'assessment.csv', row: 3, column: 'B (1.1)' }],
      ['SB', '1.2', 'dat', { file: 'assessment.csv', row: 3, column: 'C (1.2)' }],
      ['SC', '1.2', 'dat', { file: 'assessment.csv', row: 4, column: 'C (1.2)' }],
    ]);
    expect(new Set([...read.rows].map(placeOf)).size).toBe(2);
  });

  it('the long assessment form and a self-report: each row at its row; the rows of one sheet share one place', async () => {
    const long = await csv('long.csv', [
      'Mã đơn vị,Mã tiêu chí,Kết quả đánh giá,Ghi chú',
      'SA,1.1,Đạt,',
      'SA,2.1,Không đạt,Chưa có kế hoạch',
    ]);
    const assessed = await readAssessmentFile(long, 'long.csv', DEFAULT_LIMITS, codes);
    expect([...assessed.rows].map((r) => r.source)).toStrictEqual([
      { file: 'long.csv', row: 2 },
      { file: 'long.csv', row: 3 },
    ]);
    expect(new Set([...assessed.rows].map(placeOf)).size).toBe(1);

    const workbook = fileURLToPath(new URL('../../fixtures/sample/2024/self-reports/SYT.xlsx', import.meta.url));
    const report = await readSelfReportFile(workbook, '2024/self-reports/SYT.xlsx', DEFAULT_LIMITS, codes);
    expect(report.rows).toHaveLength(22);
    const sources = [...report.rows].map((r) => r.source);
    expect(sources[0]).toStrictEqual({ file: '2024/self-reports/SYT.xlsx', sheet: 'Tự đánh giá', row: 6 });
    expect(sources.every((s, i) => i === 0 || (s.row ?? 0) > (sources[i - 1]?.row ?? 0))).toBe(true);
    expect(new Set(sources.map((s) => s.sheet))).toEqual(new Set(['Tự đánh giá']));
    expect(new Set([...report.rows].map(placeOf)).size).toBe(1);
  });
});

describe('rows kept column by column (SelfReportColumns, AssessmentColumns)', () => {
  const statuses = [null, 'dat', 'khong-dat', 'khong-ap-dung'] as const;
  const places: SheetPlace[] = [
    { file: 'a.csv' },
    { file: 'b.xlsx', sheet: 'S' },
    { file: 'c.xlsx', column: 'B (1.1)' },
  ];
  const reportRow = fc.record({
    unitCode: fc.constantFrom('SA', 'SB', 'DV-01', ''),
    itemCode: fc.constantFrom(...codes),
    selfAssessment: fc.constantFrom(...statuses),
    evidence: fc.string(),
    note: fc.string(),
    difficulties: fc.string(),
    place: fc.constantFrom(...places),
    line: fc.option(fc.integer({ min: 1, max: 1_048_576 }), { nil: undefined }),
  });
  type Fields = Pick<
    ReportRow,
    'unitCode' | 'itemCode' | 'selfAssessment' | 'evidence' | 'note' | 'difficulties' | 'place' | 'line'
  >;
  const fieldsOf = (row: ReportRow): Fields => ({
    unitCode: row.unitCode,
    itemCode: row.itemCode,
    selfAssessment: row.selfAssessment,
    evidence: row.evidence,
    note: row.note,
    difficulties: row.difficulties,
    place: row.place,
    line: row.line,
  });
  const filled = (rows: readonly Fields[]): SelfReportColumns => {
    const table = new SelfReportColumns();
    for (const r of rows)
      table.push(r.unitCode, r.itemCode, r.selfAssessment, r.evidence, r.note, r.difficulties, r.place, r.line);
    return table;
  };

  it('give back every row as pushed, in order, by position (from the end when negative) and by iteration', () => {
    fc.assert(
      fc.property(fc.array(reportRow, { maxLength: 700 }), (made) => {
        // fast-check's records have no prototype; a row's fields are compared as plain objects.
        const rows = made.map((row): Fields => ({ ...row }));
        const table = filled(rows);
        expect(table.length).toBe(rows.length);
        expect([...table].map(fieldsOf)).toStrictEqual(rows);
        rows.forEach((row, i) => {
          expect(fieldsOf(table.at(i) as ReportRow)).toStrictEqual(row);
          expect(fieldsOf(table.at(i - rows.length) as ReportRow)).toStrictEqual(row);
        });
        expect(table.at(rows.length)).toBeUndefined();
        expect(table.at(-rows.length - 1)).toBeUndefined();
        // The place is the one given, shared, not a copy.
        for (const row of table) expect(places).toContain(row.place);
      }),
      { numRuns: 60 },
    );
  });

  it('a copier adds rows of another table as they are, their SourceRef included, and the codes to give them', () => {
    fc.assert(
      fc.property(fc.array(reportRow, { maxLength: 300 }), fc.array(reportRow, { maxLength: 20 }), (rows, before) => {
        const from = filled(rows);
        // A table that has codes of its own already: the copied rows' codes are translated to its numbers.
        const to = filled(before.map((row): Fields => ({ ...row })));
        const copy = to.copier(from);
        for (let i = from.length - 1; i >= 0; i--) copy(i);
        expect(to.length).toBe(before.length + rows.length);
        expect([...to].slice(before.length).map((r) => [fieldsOf(r), r.source])).toStrictEqual(
          [...from].reverse().map((r) => [fieldsOf(r), r.source]),
        );
        rows.forEach((row, i) => {
          expect(from.unitCodeAt(i)).toBe(row.unitCode);
          expect(from.itemCodeAt(i)).toBe(row.itemCode);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('an assessment table gives back its rows the same way', () => {
    const table = new AssessmentColumns();
    const rows = Array.from({ length: 600 }, (_, i) => ({
      unitCode: `DV${i % 7}`,
      itemCode: codes[i % codes.length] ?? '1.1',
      status: statuses[i % statuses.length] ?? null,
      note: i % 5 === 0 ? `Ghi chú ${i}` : '',
      place: places[i % places.length] ?? { file: 'a.csv' },
      line: i % 11 === 0 ? undefined : i + 2,
    }));
    for (const r of rows) table.push(r.unitCode, r.itemCode, r.status, r.note, r.place, r.line);
    const back = [...table].map((r) => ({
      unitCode: r.unitCode,
      itemCode: r.itemCode,
      status: r.status,
      note: r.note,
      place: r.place,
      line: r.line,
    }));
    expect(back).toStrictEqual(rows);
    const copy = new AssessmentColumns();
    copy.push('DV9', '4.6', 'dat', '', { file: 'z.csv' }, 1);
    const copyRow = copy.copier(table);
    for (let i = 0; i < table.length; i++) copyRow(i);
    expect([...copy].slice(1).map((r) => [r.unitCode, r.itemCode, r.status, r.note, r.source])).toStrictEqual(
      rows.map((r) => [r.unitCode, r.itemCode, r.status, r.note, sourceAt(r.place, r.line)]),
    );
  });
});
