import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, cleanUp, docxParagraphs, dumpWorkbook, sampleCopy, tableOf, tempDir, runIn } from './run.js';

// The run users schedule this December (issue #34): 2025 in the merged province, on the sample's 2025 year.

interface PersonJson {
  unitCode: string;
  rating: string;
  sanction: string | null;
  rewards: string[];
  reviewReasons: string[];
  withheldSanction: string | null;
  withheldRewards: string[];
  citations: string[];
}
interface YearJson {
  policy: { index: { name: string; own: boolean } };
  legal: {
    issuer: { heading: string; short: string };
    discipline: { inForce: string; atConduct: string | null };
    facts: { key: string; source: string; act: string }[];
    needs: { key: string; message: string }[];
  };
  persons: PersonJson[];
  outOfScope: { unitCode: string; territory: string }[];
}

afterAll(cleanUp);

let out: string;
let json: YearJson;
let stderr: string;

beforeAll(async () => {
  out = await tempDir();
  const result = await runIn(['sanctions', '--year', '2025', '-w', SAMPLE, '-o', out, '--json']);
  expect(result.code).toBe(0);
  json = JSON.parse(result.stdout) as YearJson;
  stderr = (await runIn(['sanctions', '--year', '2025', '-w', SAMPLE, '-o', out, '--force', '-q'])).stderr;
});

const personsOf = (code: string) => json.persons.filter((p) => p.unitCode === code);

describe('sanctions --year 2025 on the sample: the province as it is', () => {
  it('names the index, the body and the decree in force, each with its act', () => {
    expect(json.policy.index).toMatchObject({ name: 'DTI', own: false });
    expect(json.legal.issuer).toEqual({
      heading: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      name: 'Sở Khoa học và Công nghệ',
      short: 'Sở KH&CN',
    });
    expect(json.legal.discipline.inForce).toMatch(/^Nghị định số 172\/2025\/NĐ-CP ngày 30\/6\/2025/u);
    expect(json.legal.discipline.atConduct).toMatch(/^Nghị định số 112\/2020\/NĐ-CP/u);
    expect(json.legal.facts.find((f) => f.key === 'department')).toMatchObject({ source: 'config' });
    expect(json.legal.facts.find((f) => f.key === 'mergers')).toMatchObject({ source: 'config' });
  });

  it('is a DỰ THẢO that names the act missing: the adoption of the DTI for Điều 15 and 17', () => {
    expect(json.legal.needs).toEqual([
      { key: 'legal.index.basis', message: 'cần văn bản của UBND tỉnh áp dụng DTI thay ICT Index cho Điều 15, 17' },
    ]);
    expect(stderr).toMatch(
      /DỰ THẢO: 1 người chưa đủ dữ liệu để xếp loại: Thanh tra tỉnh; cần văn bản của UBND tỉnh áp dụng DTI/u,
    );
  });

  it('districts until 30/6 and wards from 1/7: ratings shown, no reward, no proposal, to review (unit-part-year)', () => {
    for (const code of ['TPAL', 'HLS', 'HQV', 'HTM', 'PAL', 'XLS', 'STTTT', 'SNNMT']) {
      for (const p of personsOf(code)) {
        expect(p.reviewReasons, code).toContain('unit-part-year');
        expect(p.rewards, code).toEqual([]);
        expect(['can-xem-xet', 'thieu-du-lieu', null], code).toContain(p.sanction);
      }
    }
    // Huyện Lạc Sơn broke all four Mục under a review demand: cảnh cáo by the table, withheld.
    expect(personsOf('HLS')[0]).toMatchObject({ rating: 'khong-hoan-thanh', withheldSanction: 'canh-cao' });
    // Huyện Tân Mỹ's achievement, and Phường An Lạc's top rank: rewards withheld.
    expect(personsOf('HTM')[0]?.withheldRewards).toEqual(['thuong-dot-xuat']);
    expect(personsOf('PAL')[0]).toMatchObject({ rating: 'xuat-sac', withheldRewards: ['khen-thuong'] });
  });

  it('a department through the merger, with its act, keeps its proposal; a ward of the former neighbour is out of scope', () => {
    expect(personsOf('SYT')[0]).toMatchObject({ rating: 'khong-hoan-thanh', sanction: 'phe-binh' });
    expect(json.outOfScope).toEqual([
      { unitCode: 'PTMB', unitName: 'Phường Tân Mỹ Bắc', block: 'XA', territory: 'Bắc Giang cũ' },
    ]);
    expect(personsOf('PTMB')).toEqual([]);
  });

  it('the workbooks: Sở KH&CN in the heading, "Điểm DTI", the decree in force in the basis sheet, the small group', async () => {
    const rating = await dumpWorkbook(join(out, '2025/xep-loai-2025.xlsx'));
    const table = tableOf(rating, 'Xếp loại');
    expect(table.top.map((row) => row[0])).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(table.header).toContain('Điểm DTI');
    expect(table.header).not.toContain('Điểm ICT Index');
    const basis = (rating['Căn cứ và tham số'] ?? []).map((row) => row.join(' | '));
    expect(basis.find((row) => row.startsWith('Xử lý kỷ luật'))).toMatch(
      /Nghị định số 34\/2011\/NĐ-CP ngày 17\/5\/2011 của Chính phủ \(Quy định dẫn\), nay là Nghị định số 172\/2025\/NĐ-CP/u,
    );
    expect(basis.find((row) => row.startsWith('Còn thiếu'))).toMatch(/áp dụng DTI thay ICT Index cho Điều 15, 17/u);
    const warnings = (rating['Cảnh báo'] ?? []).map((row) => String(row[1]));
    expect(warnings.some((w) => /^Xã, phường: chỉ có N = 5 đơn vị được xếp hạng/u.test(w))).toBe(true);
  });

  it('the letter is issued by Sở KH&CN and never speaks as Sở TT&TT', async () => {
    const docs = await tempDir();
    expect((await runIn(['report', '--year', '2025', '-w', SAMPLE, '-o', docs, '--to', 'so-noi-vu', '-q'])).code).toBe(
      0,
    );
    const text = await docxParagraphs(join(docs, '2025/cong-van-so-noi-vu-2025.docx'));
    // The body on two lines beside the motto (Nghị định 30/2020/NĐ-CP), its abbreviation in the number line.
    expect(text.slice(text.indexOf('SỞ KHOA HỌC'), text.indexOf('SỞ KHOA HỌC') + 2)).toEqual([
      'SỞ KHOA HỌC',
      'VÀ CÔNG NGHỆ',
    ]);
    expect(text).toContain('Số:        /SKHCN-……');
    expect(text.join('\n')).not.toMatch(/Sở TT&TT|SỞ THÔNG TIN|STTTT/u);
    expect(
      text.some((p) =>
        p.includes(
          'Sở Khoa học và Công nghệ (thực hiện nhiệm vụ của Sở Thông tin và Truyền thông theo khoản 2 Điều 18) đã tổng hợp',
        ),
      ),
    ).toBe(true);
    expect(text.some((p) => p.startsWith('Sở KH&CN trân trọng đề nghị Sở Nội vụ'))).toBe(true);
  });

  it('with the act adopting the DTI given, only the unrated person keeps it a draft; --final then says only that', async () => {
    const ws = await sampleCopy();
    const configPath = join(ws, 'ict-eval.config.json');
    const config = JSON.parse(await readFile(configPath, 'utf8')) as { legal: Record<string, unknown> };
    config.legal.index = { basis: 'Quyết định số 30/2025/QĐ-UBND ngày 10/9/2025 của UBND tỉnh An Lạc' };
    await writeFile(configPath, JSON.stringify(config));
    const result = await runIn(['sanctions', '--year', '2025', '-w', ws, '--json']);
    const year = JSON.parse(result.stdout) as YearJson;
    expect(year.legal.needs).toEqual([]);
    expect(year.legal.facts.find((f) => f.key === 'index')).toMatchObject({
      source: 'config',
      act: 'Quyết định số 30/2025/QĐ-UBND ngày 10/9/2025 của UBND tỉnh An Lạc',
    });
    const final = await runIn(['sanctions', '--year', '2025', '-w', ws, '--final', '-o', join(ws, 'out')]);
    expect(final.code).toBe(4);
    expect(final.stderr).toContain('(1 người chưa đủ dữ liệu để xếp loại: Thanh tra tỉnh)');
  });
});

describe('a placeholder is not a basis: each configuration key is refused by name (exit 2)', () => {
  it.each([
    ['legal.regulation.basis', { legal: { regulation: { basis: 'Công văn số …/UBND-KGVX' } } }],
    ['legal.index.basis', { legal: { index: { name: 'DTI', basis: '<văn bản của UBND tỉnh áp dụng DTI>' } } }],
    ['legal.department.basis', { legal: { department: { basis: 'Quyết định số /QĐ-UBND ngày ...' } } }],
    [
      'legal.mergers.0.basis',
      { legal: { mergers: [{ units: 'all-departments', from: '2025-07-01', basis: 'Quyết định số …' }] } },
    ],
    ['legal.territory.basis', { legal: { territory: { basis: '___' } } }],
    ['legal.discipline.0.name', { legal: { discipline: [{ from: '2027-01-01', name: 'Nghị định số …/2027/NĐ-CP' }] } }],
    ['blocks.XA.basis', { blocks: { XA: { vi: 'Xã, phường', basis: 'Quyết định số …/2025/QĐ-UBND ngày …' } } }],
  ])('%s', async (key, config) => {
    const ws = await sampleCopy();
    await writeFile(join(ws, 'ict-eval.config.json'), JSON.stringify(config));
    const result = await runIn(['check', '--year', '2025', '-w', ws]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `ict-eval.config.json không hợp lệ: ${key}: văn bản căn cứ còn là chỗ trống để điền`,
    );
  });
});

describe('the issue’s own case: every district moved into a configured block XA, Loại đơn vị left blank', () => {
  it('runs (exit 0) with no internal error: the communes take the block’s kind, UBND cấp xã', async () => {
    const ws = await sampleCopy();
    for (const file of ['2024/units.xlsx', '2024/scores.xlsx', '2023/scores.xlsx']) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(ws, file));
      book.eachSheet((sheet) => {
        sheet.eachRow((row) => {
          if (row.getCell(3).value === 'HUYEN') {
            row.getCell(3).value = 'XA';
            if (file === '2024/units.xlsx') row.getCell(4).value = null;
          }
        });
      });
      await book.xlsx.writeFile(join(ws, file));
    }
    for (const command of ['check', 'sanctions']) {
      const result = await runIn([command, '--year', '2024', '-w', ws, '-o', join(ws, 'out'), '--force']);
      expect(result.stderr).not.toMatch(/lỗi nội bộ|internal error/u);
      expect(result.code).toBe(0);
    }
    const json = JSON.parse((await runIn(['sanctions', '--year', '2024', '-w', ws, '--json'])).stdout) as YearJson;
    expect(json.persons.filter((p) => p.unitCode === 'TPAL').length).toBe(2);
  });
});

describe('init --year 2025 --from 2024 carries only what holds on 1/1/2025 (rules.md v3, "The next year")', () => {
  it('leaves out a head who left on 15/06/2024, clears the previous codes, dates the districts’ end, titles 2025', async () => {
    const ws = await sampleCopy();
    await rm(join(ws, '2025'), { recursive: true });
    const result = await runIn(['init', ws, '--year', '2025', '--from', '2024']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('bỏ người đã hết thời gian giữ chức: Ngô Quốc Dung, SXD (15/06/2024)');
    const dump = await dumpWorkbook(join(ws, '2025/units.xlsx'));
    const rows = dump['Danh sách'] ?? [];
    const header = rows[0] ?? [];
    const column = (name: string) => header.indexOf(name);
    const body = rows.slice(1);
    expect(body.map((r) => r[column('Họ và tên')])).not.toContain('Ngô Quốc Dung');
    expect(body.filter((r) => r[0] === 'SXD').map((r) => [r[column('Từ ngày')], r[column('Đến ngày')]])).toEqual([
      ['', ''],
    ]);
    expect(body.every((r) => (r[column('Mã đơn vị năm trước')] ?? '') === '')).toBe(true);
    expect(body.filter((r) => r[2] === 'HUYEN').every((r) => r[column('Hoạt động đến ngày')] === '30/06/2025')).toBe(
      true,
    );
    expect((dump['Hướng dẫn'] ?? []).flat()).toContain('DANH SÁCH NGƯỜI CHỊU TRÁCH NHIỆM NĂM 2025');
    // The new year reads without an error on the carried dates.
    const check = await runIn(['check', '--year', '2025', '-w', ws]);
    expect(check.code).toBe(0);
  });
});
