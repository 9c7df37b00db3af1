import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runYear } from '../../src/commands/year.js';
import type { CellValue, Document, TableSheet } from '../../src/report/content/document.js';
import { ratingDocument, sanctionDocument } from '../../src/report/content/outputs.js';
import { PassThrough, Writable } from 'node:stream';
import { workbookWriter, xmlEncoder } from '../../src/report/render/exceljs.js';
import { columnLetter } from '../../src/problems.js';
import { WAITING_XML_BYTES, directRows, settleStream } from '../../src/report/render/sheet-rows.js';
import { renderWorkbook } from '../../src/report/render/workbook.js';
import { SAMPLE } from '../e2e/run.js';
import { hostileText } from './hostile-text.js';

// The tables' data rows are written as sheet XML (directRows), not through exceljs's rows and cells: the workbook's
// bytes must be those exceljs writes itself, whatever the cells hold.

let documents: Document[];

beforeAll(async () => {
  const run = await runYear({ workspace: SAMPLE, cwd: SAMPLE }, 2024);
  documents = [
    ratingDocument(run.evaluation, run.rows, run.info),
    sanctionDocument(run.evaluation, run.rows, run.info),
  ];
});

async function bothWays(document: Document): Promise<[Buffer, Buffer]> {
  return [await renderWorkbook(document, 'direct'), await renderWorkbook(document, 'exceljs')];
}

/** Texts as cells hold them, with runs of spaces, wide letters, a formula's look and XML's own closing tags. */
const text = hostileText(['  ', '中文', '=SUM(A1)', '</v></c>', '\u0008'], 8);

const value: fc.Arbitrary<CellValue> = fc.oneof(
  text,
  fc.constant(null),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 0.1 + 0.2, 1e21, 5e-7),
);

const sheet: fc.Arbitrary<TableSheet> = fc.integer({ min: 1, max: 30 }).chain((count) =>
  fc.record(
    {
      kind: fc.constant('table' as const),
      name: fc.constantFrom('Bảng 1', 'Xếp loại'),
      title: fc.constantFrom('Danh sách', 'Kết quả xếp loại'),
      columns: fc.constant(
        Array.from({ length: count }, (_, i) => ({
          header: `Cột ${i + 1}`,
          width: [1, 2, 4, 8, 14, 40][i % 6] ?? 10,
          ...(i % 3 === 2 ? { numFmt: i % 2 === 0 ? '0.00' : '0.0000' } : {}),
        })),
      ),
      // As long as the header, shorter, longer, or none (the empty text then).
      rows: fc.array(fc.array(value, { maxLength: count + 2 }), { maxLength: 12 }),
      emptyText: fc.constant('Không có.'),
      groups: fc.array(fc.constantFrom('Khối sở, ban, ngành', 'Khối xã, phường', 'a & b'), { maxLength: 12 }),
      official: fc.constantFrom({ basis: 'Căn cứ' }),
    },
    { requiredKeys: ['kind', 'name', 'title', 'columns', 'rows'] },
  ),
);

describe('table rows written as sheet XML', () => {
  it('give exceljs’s own bytes for the sample year’s workbooks', async () => {
    expect(documents[0]?.sheets.some((s) => s.kind === 'table' && s.rows.length > 0)).toBe(true);
    for (const document of documents) {
      const [direct, reference] = await bothWays(document);
      expect(direct.equals(reference)).toBe(true);
    }
  });

  it('give exceljs’s own bytes for any cells, widths, groups and row lengths', async () => {
    const block = documents[0]?.block;
    if (block === undefined) throw new Error('no sample document');
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const named = sheets.map((s, i) => ({ ...s, name: `${s.name} ${i + 1}` }));
        const [direct, reference] = await bothWays({ block, sheets: named });
        expect(direct.equals(reference)).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  });

  it('give the same bytes when two workbooks are rendered at once (each lets the event loop run between pieces)', async () => {
    const [rating, sanctions] = documents;
    if (rating === undefined || sanctions === undefined) throw new Error('no sample documents');
    // The sample's tables forty times over: far more than one 64 KB piece of XML each.
    const times = <T>(list: readonly T[] | undefined) =>
      list === undefined ? undefined : Array.from({ length: 40 }, () => list).flat();
    const big = (document: Document): Document => ({
      ...document,
      sheets: document.sheets.map((s) =>
        s.kind === 'table' ? { ...s, rows: times(s.rows) ?? [], ...(s.groups ? { groups: times(s.groups) } : {}) } : s,
      ),
    });
    const [a, b] = [big(rating), big(sanctions)];
    const aloneA = await renderWorkbook(a);
    const aloneB = await renderWorkbook(b);
    expect(aloneA.length).toBeGreaterThan(100_000);
    const [togetherA, togetherB, throughExceljs] = await Promise.all([
      renderWorkbook(a),
      renderWorkbook(b),
      renderWorkbook(a, 'exceljs'),
    ]);
    expect(togetherA.equals(aloneA)).toBe(true);
    expect(togetherB.equals(aloneB)).toBe(true);
    expect(throughExceljs.equals(aloneA)).toBe(true);
  });

  it('are written directly with the exceljs the tool is built with, once the sheet’s data has begun', async () => {
    // Else every table would silently take the slower way (exceljsRows): an exceljs that changes fails here.
    const WorkbookWriter = await workbookWriter();
    const encode = await xmlEncoder();
    const workbook = new WorkbookWriter({ stream: new PassThrough(), useStyles: true, useSharedStrings: false });
    const ws = workbook.addWorksheet('Bảng');
    expect(directRows(ws, encode)).toBeUndefined();
    const row = ws.getRow(1);
    row.getCell(1).value = 'Tiêu đề';
    row.commit();
    expect(directRows(ws, encode)).toBeDefined();
    // Rows not yet committed come first: not written directly.
    ws.getRow(3).getCell(1).value = 'x';
    expect(directRows(ws, encode)).toBeUndefined();
  });

  it('name the columns as Excel does (columnLetter, shared with the readers’ messages)', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });

  it('wait, when too much XML waits in the zip for its deflating, until it has gone (not one turn of the loop)', async () => {
    const WorkbookWriter = await workbookWriter();
    const out = new PassThrough();
    out.resume();
    const workbook = new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = workbook.addWorksheet('Bảng');
    const header = ws.getRow(1);
    header.getCell(1).value = 'Tiêu đề';
    header.commit();
    const sink = directRows(ws, await xmlEncoder());
    if (sink === undefined) throw new Error('directRows refused a fresh sheet');
    const pipes = (ws as unknown as { stream: { pipes: { _writableState: { length: number } }[] } }).stream.pipes;
    const waiting = () => pipes[0]?._writableState.length ?? 0;
    const cells = Array.from({ length: 10 }, (_, i) => `Đơn vị hành chính số ${i}: ý kiến của Sở Nội vụ`);
    const styles = cells.map(() => ({}));
    // Rows written with no turn of the event loop: nothing is deflated, the XML waits.
    let row = 2;
    while (waiting() <= 2 * WAITING_XML_BYTES) sink.write(row++, 15, cells, styles);
    await sink.settle();
    expect(waiting()).toBeLessThanOrEqual(WAITING_XML_BYTES);
    sink.end();
    ws.commit();
    await workbook.commit();
  });

  it('wait no longer than told for a zip that does not drain, and not at all with no zip', async () => {
    const stalled = new Writable({ highWaterMark: 16, write: () => undefined });
    stalled.write(Buffer.alloc(64));
    stalled.write(Buffer.alloc(64));
    expect(stalled.writableLength).toBeGreaterThan(100);
    const started = performance.now();
    await settleStream({ pipes: [stalled] }, 100, 50);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    await settleStream({ pipes: [stalled] }, 1000, 60_000);
    await settleStream({}, 0, 60_000);
    await settleStream({ pipes: [] }, 0, 60_000);
  });
});
