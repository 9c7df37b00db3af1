import { cp, readFile, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/io/problems.js';
import { type YearRun, runYear } from '../../src/pipeline/year.js';
import { ROOT, SAMPLE, cleanUp, tempDir } from '../e2e/run.js';

// Files as provincial offices really save them (test/fixtures/real-world/, made by
// scripts/make-real-world-fixtures.sh), each laid over the sample workspace. Every case gives the
// sample's own outcome, or stops with a located Vietnamese error: never another outcome with exit 0.
const CORPUS = join(ROOT, 'test/fixtures/real-world');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** The sample with the given cases laid over it, in order: each case's remove.txt, then its files. */
async function workspaceWith(cases: readonly string[]): Promise<string> {
  const root = await tempDir();
  await cp(SAMPLE, root, { recursive: true });
  for (const name of cases) {
    const dir = join(CORPUS, name);
    for (const file of await filesUnder(dir)) {
      if (file === 'remove.txt') {
        const removed = (await readFile(join(dir, file), 'utf8')).split('\n').filter((l) => l.trim() !== '');
        for (const path of removed) await rm(join(root, path), { force: true });
      }
    }
    for (const file of await filesUnder(dir)) if (file !== 'remove.txt') await cp(join(dir, file), join(root, file));
  }
  return root;
}

const outcome = (run: YearRun) =>
  run.rows.map((r) => [
    r.unitCode,
    r.name,
    r.role,
    JSON.stringify(r.period),
    r.rating,
    r.sanction,
    r.rewards.join('+'),
    r.reviewReasons.join('+'),
  ]);

const converter = ['ssconvert', 'soffice'].some((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);

let clean: ReturnType<typeof outcome>;
beforeAll(async () => {
  clean = outcome(await runYear({ workspace: SAMPLE, cwd: SAMPLE }, 2024));
});
afterAll(cleanUp);

/** Cases read as the clean file is, with the warning (if any) that says what was done. */
const SAME_OUTCOME: readonly [string, string | null][] = [
  ['appraisal-column-of-so-tt-tt', 'assessment-in-self-report'],
  ['follow-up-capitalised', null],
  ['follow-up-double-extension', null],
  ['follow-up-as-xls', 'converted'],
  ['follow-up-as-ods', 'converted'],
  ['last-year-scores-as-xls', 'converted'],
  ['hidden-stale-sheet-in-follow-up', 'hidden-sheet'],
  ['hidden-sheet-with-phantom-deputy', 'hidden-sheet'],
  ['partial-header-sheet-in-units', 'partial-header'],
  ['blank-row-before-a-deputy', null],
  ['unit-code-merged-over-its-rows', null],
  ['assessment-merged-over-a-section', null],
  ['iso-date-cells', null],
  ['header-16380-columns-wide', 'too-many-columns'],
  ['soft-hyphen-and-lookalike-letter', null],
];

/** Cases that must stop the run, with the exact located message. */
const ERRORS: readonly [string, string][] = [
  [
    'two-visible-follow-up-sheets',
    '2024/follow-up.xlsx: có 2 trang cùng là bảng theo dõi sau đánh giá ("Theo dõi", "Bản sửa") với nội dung khác nhau; hãy giữ lại một trang (hoặc ẩn/xoá các trang cũ).',
  ],
  [
    'hidden-old-score-column',
    '2024/scores.xlsx, trang "ICT Index 2024", dòng 5: cột "Điểm ICT Index" (cột E) đang bị ẩn: công cụ không đọc dữ liệu mà người kiểm tra không nhìn thấy. Nếu đây là cột đúng, hãy bỏ ẩn; nếu là cột cũ, hãy xoá hoặc đổi tên.',
  ],
  [
    'same-deputy-twice',
    '2024/units.xlsx, trang "Danh sách", dòng 40: Trần Quốc Lan đã có trong danh sách của đơn vị VPUB (trang "Danh sách", dòng 7) trong cùng thời gian; mỗi người chỉ ghi một lần.',
  ],
  [
    'comma-csv-with-decimal-commas',
    '2023/scores.csv, dòng 2: dòng có 5 ô nhưng dòng tiêu đề chỉ có 4 cột. Thường do số thập phân viết bằng dấu phẩy (85,5) trong tệp CSV phân tách bằng dấu phẩy: hãy đặt số trong dấu ngoặc kép, dùng dấu chấm, hoặc lưu tệp phân tách bằng dấu chấm phẩy (;).',
  ],
  [
    'score-on-another-scale',
    '2024/scores.xlsx, trang "ICT Index 2024", dòng 8, cột E (Điểm ICT Index): điểm 48 khác hẳn thang điểm của các đơn vị khác (trung vị 0,6875): có thể nhập nhầm thang điểm, hoặc ô định dạng phần trăm. Hãy kiểm tra và nhập lại theo cùng một thang.',
  ],
  [
    'percent-cell-among-scores-of-100',
    '2024/scores.xlsx, trang "ICT Index 2024", dòng 7, cột E (Điểm ICT Index): điểm 0,725 khác hẳn thang điểm của các đơn vị khác (trung vị 68): có thể nhập nhầm thang điểm, hoặc ô định dạng phần trăm. Hãy kiểm tra và nhập lại theo cùng một thang.',
  ],
  [
    'cyrillic-letter-in-a-code',
    '2024/self-reports/STP.xlsx, trang "Tự đánh giá", dòng 6: mã đơn vị "SТP" (chứa ký tự lạ U+0422 "Т") trong báo cáo tự đánh giá không có trong danh sách đơn vị (2024/units.xlsx).',
  ],
  [
    'workbook-renamed-csv',
    '2024/follow-up.csv: tệp đuôi .csv này thực ra là bảng tính Excel (.xlsx) bị đổi tên; hãy đổi lại đuôi thành .xlsx.',
  ],
  [
    'unclosed-quote-csv',
    '2024/follow-up.csv, dòng 2: dấu ngoặc kép (") mở ở một ô của dòng này nhưng không bao giờ được đóng, nên phần còn lại của tệp bị coi là một ô (đến dòng 3); hãy sửa ô đó trong Excel rồi lưu lại.',
  ],
];

describe('files as offices save them: read right, or refused with a located message', () => {
  it('the corpus holds every case the tests name', async () => {
    const names = (await readdir(CORPUS)).sort();
    expect(names).toEqual([...SAME_OUTCOME.map(([n]) => n), ...ERRORS.map(([n]) => n)].sort());
  });

  it.each(SAME_OUTCOME)('%s: the sample’s own outcome (warning: %s)', async (name, code) => {
    const run = await runYear({ workspace: await workspaceWith([name]), cwd: ROOT }, 2024);
    const converting = code === 'converted';
    if (converting && !converter) {
      // No gnumeric or LibreOffice here: refused with the steps to save the file as .xlsx.
      expect(run.errors.map((p) => p.code)).toEqual(['convert-failed']);
      return;
    }
    expect(run.errors.map(formatProblem)).toEqual([]);
    expect(outcome(run)).toEqual(clean);
    if (code !== null) expect(run.problems.map((p) => p.code)).toContain(code);
  });

  it.each(['Asia/Ho_Chi_Minh', 'America/New_York', 'Pacific/Kiritimati'])(
    'iso-date-cells: the calendar dates in %s too (a zone-less date cell is never read in local time)',
    async (zone) => {
      const saved = process.env.TZ;
      process.env.TZ = zone; // tests run in forked processes: this changes only this file's clock
      try {
        expect(new Date(2024, 0, 1).getTimezoneOffset()).not.toBe(0);
        const run = await runYear({ workspace: await workspaceWith(['iso-date-cells']), cwd: ROOT }, 2024);
        expect(run.errors.map(formatProblem)).toEqual([]);
        expect(outcome(run)).toEqual(clean);
        const periods = run.rows.filter((r) => r.unitCode === 'SXD').map((r) => r.period);
        expect(periods.every((p) => p !== null)).toBe(true);
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    },
  );

  it.each(ERRORS)('%s: stops with a located message', async (name, message) => {
    const run = await runYear({ workspace: await workspaceWith([name]), cwd: ROOT }, 2024);
    expect(run.errors.map(formatProblem)).toEqual([message]);
  });

  it('any set of these files together gives the sample’s outcome or stops with errors, never another outcome', async () => {
    const all = [...SAME_OUTCOME.map(([n]) => n), ...ERRORS.map(([n]) => n)].filter(
      (n) => converter || !['follow-up-as-xls', 'follow-up-as-ods', 'last-year-scores-as-xls'].includes(n),
    );
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(all, { minLength: 2, maxLength: 5 }), async (cases) => {
        const run = await runYear({ workspace: await workspaceWith(cases), cwd: ROOT }, 2024);
        if (run.errors.length === 0) expect(outcome(run)).toEqual(clean);
        else expect(run.errors.every((p) => p.where?.file !== undefined)).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 12) },
    );
  }, 120_000);
});
