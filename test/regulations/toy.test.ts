import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runYear, type YearRun } from '../../src/commands/year.js';
import { formatCitation } from '../../src/rules/citation.js';
import { ratingDocument, sanctionDocument } from '../../src/report/content/outputs.js';
import { sheetCsv } from '../../src/report/render/csv.js';
import { renderWorkbook } from '../../src/report/render/workbook.js';
import { cleanUp, tempDir } from '../e2e/run.js';
import { TOY } from './toy/index.js';

// A whole year under a second regulation module (two sections, one block, shares 1/2 and 1/3):
// the engine, the readers, the pipeline and the documents run on it without any change outside
// the module's own folder (test/regulations/toy/).
const csv = (rows: readonly string[]) => `${rows.join('\n')}\n`;
const report = (code: string, notMet: readonly string[]) =>
  ['A', 'B', 'C'].map((item) => `${code},${item},${notMet.includes(item) ? 'Không đạt' : 'Đạt'},VB 1/${code},`);

let workspace: string;
let run: YearRun;
const person = (name: string) => {
  const found = run.rows.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no row for ${name}`);
  return found;
};

beforeAll(async () => {
  workspace = await tempDir();
  await mkdir(join(workspace, '2030/self-reports'), { recursive: true });
  await mkdir(join(workspace, '2029'), { recursive: true });
  const units = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];
  await writeFile(
    join(workspace, '2030/units.csv'),
    csv([
      'Mã đơn vị,Tên đơn vị,Khối,Họ và tên,Chức vụ,Vai trò,Mục được phân công,Văn bản phân công',
      ...units.map(
        (code, i) =>
          `${code},Đơn vị ${code},${i % 2 === 0 ? 'TINH' : 'Cấp tỉnh'},Người ${code},Giám đốc,Người đứng đầu,,`,
      ),
      'U1,Đơn vị U1,TINH,Phó U1,Phó Giám đốc,Cấp phó được phân công,Tất cả,QĐ 3/QĐ-U1',
    ]),
  );
  const scores = (values: readonly number[]) =>
    csv([
      'Mã đơn vị,Tên đơn vị,Khối,Điểm ICT Index',
      ...units.map((code, i) => `${code},Đơn vị ${code},TINH,${values[i] ?? ''}`),
    ]);
  await writeFile(join(workspace, '2030/scores.csv'), scores([90, 80, 70, 60, 50, 40]));
  await writeFile(join(workspace, '2029/scores.csv'), scores([90, 80, 70, 60, 50, 40]));
  const reports = [
    ...report('U1', []),
    ...report('U2', ['B']),
    ...report('U3', ['A', 'C']),
    ...report('U4', []),
    ...report('U5', ['C']),
  ];
  await writeFile(
    join(workspace, '2030/self-reports/all.csv'),
    csv(['Mã đơn vị,Mã tiêu chí,Tự đánh giá,Minh chứng,Ghi chú', ...reports]),
  );
  // The department's assessment, long form: it decides the items (here as the units reported them).
  await writeFile(
    join(workspace, '2030/assessment.csv'),
    csv([
      'Mã đơn vị,Mã tiêu chí,Kết quả đánh giá,Ghi chú',
      ...reports.map((line) => `${line.split(',').slice(0, 3).join(',')},`),
    ]),
  );
  await writeFile(
    join(workspace, '2030/follow-up.csv'),
    csv([
      'Mã đơn vị,Chậm triển khai kết luận,Yêu cầu kiểm điểm,Thành tích đặc biệt,Căn cứ / ghi chú',
      'U3,Có,Không,Không,KL 1',
      'U5,Có,Không,Không,KL 2',
    ]),
  );
  run = await runYear({ workspace, cwd: workspace, regulations: [TOY] }, 2030);
});
afterAll(cleanUp);

describe('a second regulation module runs through the whole pipeline', () => {
  it('is the module in force for the year, with its own default shares', () => {
    expect(run.errors).toEqual([]);
    expect(run.policy.regulation.id).toBe('toy/2030');
    expect(run.policy.parameters.topShare).toBe(0.5);
    expect(run.policy.blocks.map((b) => b.code)).toEqual(['TINH']);
    expect(Object.keys(run.policy.parameters.uncoveredCases)).toEqual(['one-not-slow', 'two-not-slow']);
  });

  it('assesses its two sections and three items, and ranks its one block with its shares (N = 6, k = 3, k′ = 2)', () => {
    const u3 = run.evaluation.units.find((u) => u.unit.code === 'U3');
    expect(u3?.assessment.sections.map((s) => s.section)).toEqual([1, 2]);
    expect(u3?.assessment.violatedSections).toEqual([1, 2]);
    expect(run.evaluation.ranking.groups).toEqual([
      { scope: 'TINH', n: 6, topSize: 3, bottomSize: 2, topCount: 3, bottomCount: 2, source: 'scores' },
    ]);
  });

  it.each([
    ['Người U1', 'xuat-sac', null, ['khoản 1 Điều 1', 'khoản 1 Điều 5', 'khoản 1 Điều 6']],
    ['Phó U1', 'xuat-sac', null, ['khoản 2 Điều 1', 'khoản 1 Điều 5']],
    [
      'Người U2',
      'khong-hoan-thanh',
      'can-xem-xet',
      ['khoản 1 Điều 1', 'khoản 3 Điều 5', 'khoản 2 Điều 3', 'khoản 3 Điều 6 (đoạn đầu)', 'khoản 2 Điều 7'],
    ],
    [
      'Người U3',
      'khong-hoan-thanh',
      'khien-trach',
      ['khoản 1 Điều 1', 'khoản 3 Điều 5', 'khoản 1 Điều 3', 'Điều 4', 'điểm b khoản 3 Điều 6'],
    ],
    ['Người U4', 'hoan-thanh', null, ['khoản 1 Điều 1', 'khoản 2 Điều 5']],
    [
      'Người U5',
      'khong-hoan-thanh',
      'phe-binh',
      ['khoản 1 Điều 1', 'khoản 3 Điều 5', 'Điều 4', 'điểm a khoản 3 Điều 6'],
    ],
    ['Người U6', 'thieu-du-lieu', null, ['khoản 1 Điều 1']],
  ])('%s is rated %s, sanction %s, citing only the module’s articles %j', (name, rating, sanction, citations) => {
    const row = person(name);
    expect(row.rating).toBe(rating);
    expect(row.sanction).toBe(sanction);
    expect(row.citations).toEqual(citations);
  });

  it('explains an uncovered case in the module’s words, with its nearest point', () => {
    const sanction = person('Người U2').evaluation.sanction;
    expect(sanction.uncoveredCase).toBe('one-not-slow');
    expect(sanction.nearestClauses.map((c) => formatCitation(c))).toEqual(['điểm a khoản 3 Điều 6']);
  });

  it('writes the workbooks with its sections, shares, decision and issuer', async () => {
    const rating = ratingDocument(run.evaluation, run.rows, run.info);
    const sheet = rating.sheets[0];
    if (sheet?.kind !== 'table') throw new Error('no table');
    const text = sheetCsv(sheet);
    expect(sheet.columns.map((c) => c.header).filter((h) => h.startsWith('Mục'))).toEqual([
      'Mục 1. Hạ tầng',
      'Mục 2. Dịch vụ',
    ]);
    expect(sheet.groups?.[0]).toBe('Khối Cơ quan cấp tỉnh');
    expect(text).toContain('50% cao nhất');
    expect(text).toContain('Cơ quan cấp tỉnh');
    expect(sheet.subtitle).toContain('Quy định kèm theo Quyết định số 1/2030/QĐ-TOY');
    expect(text).not.toMatch(/358|Điều 15|Điều 17/u);
    expect(rating.block).toMatchObject({
      province: 'UBND TỈNH THỬ NGHIỆM',
      department: 'SỞ THỬ NGHIỆM',
      year: 2030,
      place: 'Thử Nghiệm',
      signature: { signerTitle: 'GIÁM ĐỐC' },
    });
    const sanctions = sanctionDocument(run.evaluation, run.rows, run.info);
    expect(sanctions.sheets.map((s) => s.title)).toContain(
      'Đề xuất hình thức xử lý trách nhiệm người đứng đầu (khoản 3 Điều 6)',
    );
    expect((await renderWorkbook(rating)).subarray(0, 2).toString()).toBe('PK');
  });
});
