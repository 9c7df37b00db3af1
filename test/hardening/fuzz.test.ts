import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadYear } from '../../src/io/workspace.js';
import { errorsOf } from '../../src/problems.js';
import { CHECKLIST } from '../helpers.js';
import { evaluateYear } from '../../src/rules/evaluate.js';
import { resolvePolicy } from '../../src/rules/policy.js';

/** `npm test` runs a short fuzz; `npm run fuzz` sets FUZZ_RUNS for a long one. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

type Table = string[][];

/** A valid year: `n` units, their scores and their 22-item reports, as tables (header first). */
function baseYear(n: number, seed: number): Record<string, Table> {
  const statuses = ['Đạt', 'Không đạt', 'Không áp dụng', 'Đạt', 'Đạt'];
  const units: Table = [['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Họ và tên', 'Chức vụ', 'Vai trò']];
  const scores: Table = [['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Điểm ICT Index']];
  const reports: Table = [['Mã đơn vị', 'Mã tiêu chí', 'Tự đánh giá', 'Minh chứng', 'Thẩm định', 'Ghi chú']];
  const follow: Table = [['Mã đơn vị', 'Chậm triển khai kết luận', 'Yêu cầu kiểm điểm', 'Thành tích đặc biệt']];
  for (let i = 0; i < n; i++) {
    const code = `U${i}`;
    const block = i % 3 === 0 ? 'HUYEN' : 'SBN';
    units.push([code, `Đơn vị số ${i}`, block, `Người ${i}`, 'Giám đốc', 'Người đứng đầu']);
    scores.push([code, `Đơn vị số ${i}`, block, String(((seed * 31 + i * 17) % 100) / 100)]);
    for (const [k, item] of CHECKLIST.entries()) {
      reports.push([code, item.code, statuses[(seed + i * 7 + k) % statuses.length] ?? 'Đạt', '', '', 'lý do']);
    }
    if ((seed + i) % 4 === 0) follow.push([code, 'Có', (seed + i) % 8 === 0 ? 'Có' : '', '']);
  }
  return { '2024/units': units, '2024/scores': scores, '2024/self-reports/all': reports, '2024/follow-up': follow };
}

type Mutation =
  | { kind: 'shuffle'; file: number; seed: number }
  | { kind: 'set'; file: number; row: number; col: number; value: string }
  | { kind: 'drop-column'; file: number; col: number }
  | { kind: 'duplicate-header'; file: number; col: number }
  | { kind: 'drop-row'; file: number; row: number }
  | { kind: 'duplicate-row'; file: number; row: number }
  | { kind: 'title-lines'; file: number; lines: number };

const valueArb = fc.oneof(
  fc.constantFrom(
    '',
    'Đạt',
    'đạt',
    'KHONG DAT',
    'Không áp dụng',
    'Có',
    'x',
    '85,5',
    '-1',
    '1e400',
    'NaN',
    '=1+1',
    '@SUM(A1)',
    '1.1',
    '5.1',
    'SBN',
    'HUYEN',
    'Cấp phó',
    'U0',
    'u1',
    'ZZ',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => s.normalize('NFD')),
  fc.constantFrom('\u0000', '\u0007bell', 'a\r\nb', '\t', '"', '""', ';', ','),
  fc.integer({ min: 1000, max: 70_000 }).map((n) => 'Ư'.repeat(n)),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('shuffle' as const), file: fc.nat(3), seed: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), file: fc.nat(3), row: fc.nat(60), col: fc.nat(6), value: valueArb }),
  fc.record({ kind: fc.constant('drop-column' as const), file: fc.nat(3), col: fc.nat(5) }),
  fc.record({ kind: fc.constant('duplicate-header' as const), file: fc.nat(3), col: fc.nat(5) }),
  fc.record({ kind: fc.constant('drop-row' as const), file: fc.nat(3), row: fc.nat(60) }),
  fc.record({ kind: fc.constant('duplicate-row' as const), file: fc.nat(3), row: fc.nat(60) }),
  fc.record({ kind: fc.constant('title-lines' as const), file: fc.nat(3), lines: fc.integer({ min: 1, max: 35 }) }),
);

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function mutate(tables: Record<string, Table>, mutations: readonly Mutation[]): Record<string, Table> {
  const out = Object.fromEntries(Object.entries(tables).map(([k, t]) => [k, t.map((r) => [...r])]));
  const keys = Object.keys(out);
  for (const m of mutations) {
    const key = keys[m.file % keys.length] ?? '';
    const table = out[key];
    if (table === undefined) continue;
    const body = () => table.length - 1;
    switch (m.kind) {
      case 'shuffle':
        out[key] = [table[0] ?? [], ...shuffled(table.slice(1), m.seed)];
        break;
      case 'set': {
        const row = table[1 + (m.row % Math.max(1, body()))];
        if (row !== undefined) row[m.col % row.length] = m.value;
        break;
      }
      case 'drop-column':
        for (const row of table) row.splice(m.col % row.length, 1);
        break;
      case 'duplicate-header': {
        const header = table[0] ?? [];
        header.push(header[m.col % header.length] ?? '');
        for (const row of table.slice(1)) row.push('x');
        break;
      }
      case 'drop-row':
        if (body() > 0) table.splice(1 + (m.row % body()), 1);
        break;
      case 'duplicate-row':
        if (body() > 0) table.push([...(table[1 + (m.row % body())] ?? [])]);
        break;
      case 'title-lines':
        table.unshift(...Array.from({ length: m.lines }, (_, i) => [i === 0 ? 'UBND TỈNH AN LẠC' : '']));
        break;
    }
  }
  return out;
}

const csvCell = (v: string) => (/[",;\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);

async function writeYear(tables: Record<string, Table>, format: 'csv' | 'xlsx'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ict-eval-fuzz-'));
  roots.push(root);
  for (const [name, table] of Object.entries(tables)) {
    const path = join(root, `${name}.${format}`);
    await mkdir(join(path, '..'), { recursive: true });
    if (format === 'csv') {
      await writeFile(path, `\uFEFF${table.map((r) => r.map(csvCell).join(',')).join('\r\n')}`);
    } else {
      const book = new ExcelJS.Workbook();
      book.addWorksheet('Hướng dẫn').addRow(['Điền theo mẫu']);
      const sheet = book.addWorksheet('Dữ liệu');
      for (const row of table) sheet.addRow(row.map((v) => (/^-?\d+(\.\d+)?$/u.test(v) ? Number(v) : v)));
      await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
    }
  }
  return root;
}

/** The pipeline as a command runs it: exit 1 with located problems, or exit 0 with a result. */
async function pipeline(root: string) {
  const loaded = await loadYear(root, 2024, resolvePolicy(2024));
  const errors = errorsOf(loaded.problems);
  if (errors.length > 0) return { code: 1 as const, errors, result: null };
  const evaluation = evaluateYear(loaded.input, resolvePolicy(2024));
  return { code: 0 as const, errors, result: evaluation };
}

const summary = (e: ReturnType<typeof evaluateYear>) =>
  e.persons.map((p) => [
    p.person.unitCode,
    p.person.name,
    p.rating.outcome,
    p.sanction.outcome,
    p.unit.rank?.rank ?? null,
  ]);

describe('random and mutated inputs never crash: exit 0 with a result, or exit 1 with located problems', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: any mix of wrong types, missing or duplicate columns, shuffled and duplicate rows, title lines, huge strings, control characters and NFD text`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 6 }),
          fc.nat(1000),
          fc.array(mutationArb, { maxLength: 6 }),
          async (n, seed, mutations) => {
            const root = await writeYear(mutate(baseYear(n, seed), mutations), format);
            const outcome = await pipeline(root);
            for (const problem of outcome.errors) {
              expect(problem.where?.file, problem.message).toMatch(/^2024\//u);
              expect(problem.message.length).toBeGreaterThan(5);
            }
            if (outcome.result !== null) expect(outcome.result.persons.length).toBeGreaterThan(0);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }

  it('rows in any order give the same result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.nat(1000), fc.nat(), async (n, seed, shuffleSeed) => {
        const tables = baseYear(n, seed);
        const reordered = mutate(
          tables,
          [0, 1, 2, 3].map((file) => ({ kind: 'shuffle' as const, file, seed: shuffleSeed + file })),
        );
        const [a, b] = await Promise.all([
          pipeline(await writeYear(tables, 'csv')),
          pipeline(await writeYear(reordered, 'csv')),
        ]);
        expect(a.code).toBe(0);
        expect(b.code).toBe(0);
        if (a.result !== null && b.result !== null) expect(summary(b.result)).toEqual(summary(a.result));
      }),
      { numRuns: RUNS },
    );
  });

  it('the same year read from CSV and from xlsx gives the same result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.nat(1000), async (n, seed) => {
        const tables = baseYear(n, seed);
        const [a, b] = await Promise.all([
          pipeline(await writeYear(tables, 'csv')),
          pipeline(await writeYear(tables, 'xlsx')),
        ]);
        if (a.result === null || b.result === null) throw new Error('a valid year was refused');
        expect(summary(b.result)).toEqual(summary(a.result));
      }),
      { numRuns: Math.max(5, Math.floor(RUNS / 2)) },
    );
  });
});
