import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/io/guard.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { formatProblem } from '../../src/problems.js';
import { readAssessmentFile, readSelfReportFile } from '../../src/io/readers/index.js';
import { SCAN_SLICE } from '../../src/io/scan.js';
import { readXlsxSheets } from '../../src/io/xlsx.js';
import { CHECKLIST } from '../helpers.js';

// Issue #15: a table's rows go to the reader as they are read (streamTable), none kept by the table. What a file says
// must not change: a second sheet of the same table is compared with the first (read again), and when they differ
// no row stands, nor any problem of a row; a sheet the scanner leaves to SAX half-way gives the same rows.

const codes = CHECKLIST.map((i) => i.code);
const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ict-eval-stream-'));
  roots.push(dir);
  return dir;
}

const HEADER = ['Mã đơn vị', 'Mã tiêu chí', 'Tự đánh giá', 'Minh chứng', 'Ghi chú'];

/** A self-report row of unit `unit`: each item of the checklist, every one met, with its evidence. */
const reportRows = (unit: string): string[][] =>
  codes.map((code) => [unit, code, 'Đạt', `Văn bản số ${code}/${unit}`, '']);

/** A workbook of the given sheets (a header row, then the rows), written by exceljs. */
async function workbook(path: string, sheets: readonly { name: string; rows: readonly string[][] }[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    ws.addRow(HEADER);
    for (const row of sheet.rows) ws.addRow(row);
  }
  await book.xlsx.writeFile(path);
}

const texts = (problems: Parameters<typeof formatProblem>[0][]) => problems.map((p) => formatProblem(p));

describe('a table read a row at a time (streamTable)', () => {
  it('two visible sheets with the same rows: the first is read, once, and a warning says so', async () => {
    const path = join(await folder(), 'SA.xlsx');
    const rows = [...reportRows('SA'), ...reportRows('SB')];
    await workbook(path, [
      { name: 'Tự đánh giá', rows },
      { name: 'Bản sao', rows },
    ]);
    const read = await readSelfReportFile(path, 'SA.xlsx', DEFAULT_LIMITS, codes);
    expect(read.rows.length).toBe(rows.length);
    expect([...read.rows].map((r) => [r.unitCode, r.itemCode, r.evidence])).toEqual(
      rows.map(([unit, code, , evidence]) => [unit, code, evidence]),
    );
    expect(texts([...read.problems])).toEqual([
      'SA.xlsx: các trang "Tự đánh giá", "Bản sao" giống hệt nhau; chỉ đọc trang đầu.',
    ]);
  });

  it('two visible sheets that differ: an error, no row read, and no problem of the first sheet’s rows', async () => {
    const path = join(await folder(), 'SA.xlsx');
    const rows = reportRows('SA');
    // The first sheet has a cell the reader refuses; the second has it right.
    const first = rows.map((row, i) => (i === 3 ? [row[0] ?? '', row[1] ?? '', 'Đạt?', row[3] ?? '', ''] : row));
    await workbook(path, [
      { name: 'Tự đánh giá', rows: first },
      { name: 'Bản sửa', rows },
    ]);
    const read = await readSelfReportFile(path, 'SA.xlsx', DEFAULT_LIMITS, codes);
    expect(read.rows.length).toBe(0);
    expect(texts([...read.problems])).toEqual([
      'SA.xlsx: có 2 trang cùng là báo cáo tự đánh giá ("Tự đánh giá", "Bản sửa") với nội dung khác nhau; hãy giữ lại một trang (hoặc ẩn/xoá các trang cũ).',
    ]);
  });

  it('the same for the Sở’s assessment file', async () => {
    const dir = await folder();
    const long = (status: string) => codes.map((code) => ['SA', code, status, '']);
    const write = async (name: string, second: readonly string[][]) => {
      const book = new ExcelJS.Workbook();
      for (const [sheet, rows] of [
        ['Đánh giá', long('Đạt')],
        ['Bản sao', second],
      ] as const) {
        const ws = book.addWorksheet(sheet);
        ws.addRow(['Mã đơn vị', 'Mã tiêu chí', 'Kết quả đánh giá', 'Ghi chú']);
        for (const row of rows) ws.addRow(row);
      }
      await book.xlsx.writeFile(join(dir, name));
    };
    await write('same.xlsx', long('Đạt'));
    await write('other.xlsx', long('Không đạt'));
    const same = await readAssessmentFile(join(dir, 'same.xlsx'), 'same.xlsx', DEFAULT_LIMITS, codes);
    expect(same.rows.length).toBe(codes.length);
    expect(texts([...same.problems])).toEqual([
      'same.xlsx: các trang "Đánh giá", "Bản sao" giống hệt nhau; chỉ đọc trang đầu.',
    ]);
    const other = await readAssessmentFile(join(dir, 'other.xlsx'), 'other.xlsx', DEFAULT_LIMITS, codes);
    expect(other.rows.length).toBe(0);
    expect(texts([...other.problems])).toEqual([
      'other.xlsx: có 2 trang cùng là bảng đánh giá của Sở ("Đánh giá", "Bản sao") với nội dung khác nhau; hãy giữ lại một trang (hoặc ẩn/xoá các trang cũ).',
    ]);
  });

  it('a sheet larger than a slice, left to SAX near its end (a comment): the same rows and problems as without it', async () => {
    const dir = await folder();
    const plain = join(dir, 'plain.xlsx');
    const units = Array.from({ length: 200 }, (_, i) => `U${String(i).padStart(3, '0')}`);
    // One row with a bad status, so that the problems are compared too.
    const rows = units
      .flatMap(reportRows)
      .map((row, i) => (i === 500 ? [row[0] ?? '', row[1] ?? '', 'x', '', ''] : row));
    await workbook(plain, [{ name: 'Tự đánh giá', rows }]);
    // The same workbook with a comment before its last row: the scanner hands on the rows before it, SAX the rest.
    const zip = await JSZip.loadAsync(await readFile(plain));
    const part = zip.file('xl/worksheets/sheet1.xml');
    const xml = (await part?.async('string')) ?? '';
    expect(xml.length).toBeGreaterThan(3 * SCAN_SLICE);
    const last = xml.lastIndexOf('<row ');
    zip.file('xl/worksheets/sheet1.xml', `${xml.slice(0, last)}<!-- sửa lần cuối -->${xml.slice(last)}`);
    const commented = join(dir, 'commented.xlsx');
    await writeFile(commented, await zip.generateAsync({ type: 'nodebuffer' }));

    const a = await readSelfReportFile(plain, 'SA.xlsx', DEFAULT_LIMITS, codes);
    const b = await readSelfReportFile(commented, 'SA.xlsx', DEFAULT_LIMITS, codes);
    expect(b.rows.length).toBe(rows.length - 1);
    expect([...b.rows]).toEqual([...a.rows]);
    expect(texts([...b.problems])).toEqual(texts([...a.problems]));
    expect(b.problems).toHaveLength(1);
    // It was read so: the scanner up to the comment, SAX after (ICT_EVAL_DEBUG=read says so).
    const opened = await openXlsx(commented, 'SA.xlsx', DEFAULT_LIMITS);
    if ('severity' in opened) throw new Error(opened.message);
    const fallbacks: string[] = [];
    for (const sheet of readXlsxSheets(opened, { onFallback: (name, why) => fallbacks.push(`${name}: ${why}`) }))
      for await (const batch of sheet.rows) for (const row of batch) expect(row.row).toBeGreaterThan(0);
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toMatch(/^Tự đánh giá: a comment in the cells, after the \d{3,} rows before it$/u);
  });
});
