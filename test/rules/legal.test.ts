import { describe, expect, it } from 'vitest';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import {
  type YearFacts,
  disciplineOn,
  inTerritory,
  issuerOn,
  legalContext,
  provinceOn,
  withNowIs,
} from '../../src/rules/legal.js';
import { type LegalSettings, resolvePolicy } from '../../src/rules/policy.js';
import { factOn } from '../../src/rules/regulation.js';

// rules.md v3, "The legal context of the year": each dated fact on both sides of its date, with its act.

const NONE: YearFacts = { blocks: new Set(['SBN', 'HUYEN']), unconfirmed: [], confirmed: [] };
const policyOf = (year: number, legal: LegalSettings = {}, overrides: Record<string, unknown> = {}) =>
  resolvePolicy(year, overrides, { legal });
const needsOf = (year: number, date: string, legal: LegalSettings = {}, facts: YearFacts = NONE) =>
  legalContext(policyOf(year, legal), year, date, facts).needs.map((n) => n.key);

describe('the body that assesses (khoản 2 Điều 18), by the date of the document', () => {
  it.each([
    ['2025-02-28', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Sở TT&TT', 'Sở Thông tin và Truyền thông'],
    [
      '2025-03-01',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'Sở KH&CN',
      'Sở Khoa học và Công nghệ (thực hiện nhiệm vụ của Sở Thông tin và Truyền thông theo khoản 2 Điều 18)',
    ],
    [
      '2025-07-01',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'Sở KH&CN',
      'Sở Khoa học và Công nghệ (thực hiện nhiệm vụ của Sở Thông tin và Truyền thông theo khoản 2 Điều 18)',
    ],
  ])('on %s the documents are issued by %s, which calls itself %s and speaks as %s', (date, heading, short, speaks) => {
    const issuer = issuerOn(BN_358_2013, date);
    expect([issuer.heading, issuer.short, issuer.speaks]).toEqual([heading, short, speaks]);
  });

  it('the Sở KH&CN needs the province’s own act establishing it (legal.department.basis); the Sở TT&TT does not', () => {
    expect(needsOf(2024, '2025-02-28')).not.toContain('legal.department.basis');
    expect(needsOf(2024, '2025-03-01')).toContain('legal.department.basis');
    expect(needsOf(2024, '2025-03-01', { department: { basis: 'Quyết định số 12/QĐ-UBND ngày 28/02/2025' } })).toEqual(
      [],
    );
  });

  it('a date no holder covers has no fact, never the nearest one', () => {
    const facts = [{ from: '2025-03-01', to: null, value: 'B', act: 'x' }];
    expect(factOn(facts, '2025-02-28')).toBeUndefined();
    expect(factOn(facts, '2025-03-01')?.value).toBe('B');
  });

  it('a configured department name that is one of the module’s bodies takes that body’s running names', () => {
    expect(issuerOn(BN_358_2013, '2024-12-31', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ').short).toBe('Sở KH&CN');
  });
});

describe('discipline (khoản 1 Điều 17, khoản 3 Điều 4): the decree in force on the proposal’s date', () => {
  it.each([
    ['2019-12-31', 'Nghị định 34/2011/NĐ-CP'],
    ['2024-12-31', 'Nghị định 112/2020/NĐ-CP (sửa đổi bởi Nghị định 71/2023/NĐ-CP)'],
    ['2025-06-30', 'Nghị định 112/2020/NĐ-CP (sửa đổi bởi Nghị định 71/2023/NĐ-CP)'],
    ['2025-07-01', 'Nghị định 172/2025/NĐ-CP'],
  ])('on %s: %s', (date, short) => {
    expect(disciplineOn(policyOf(2019), 2019, date).inForce.value.short).toBe(short);
  });

  it('names the regulation’s own words beside the decree in force ("Nghị định 34/2011/NĐ-CP, nay là …")', () => {
    const d = disciplineOn(policyOf(2026), 2026, '2026-12-31');
    expect(d.short).toBe('Nghị định 34/2011/NĐ-CP, nay là Nghị định 172/2025/NĐ-CP');
    expect(d.atConduct).toBeUndefined();
    expect(d.text).toContain('viên chức');
  });

  it('for conduct before 1/7/2025 proposed after it, names both decrees and says the transitional article decides', () => {
    const d = disciplineOn(policyOf(2025), 2025, '2025-12-31');
    expect(d.inForce.value.short).toBe('Nghị định 172/2025/NĐ-CP');
    expect(d.atConduct?.value.short).toBe('Nghị định 112/2020/NĐ-CP (sửa đổi bởi Nghị định 71/2023/NĐ-CP)');
    expect(d.text).toMatch(/điều khoản chuyển tiếp của Nghị định 172\/2025\/NĐ-CP \(chưa được đối chiếu\)/u);
    // The same for 2024's conduct proposed in 2026.
    expect(disciplineOn(policyOf(2024), 2024, '2026-01-15').atConduct).toBeDefined();
  });

  it('a decree the configuration adds holds from its date', () => {
    const policy = policyOf(2027, { discipline: [{ from: '2027-01-01', name: 'Nghị định số 5/2027/NĐ-CP' }] });
    expect(disciplineOn(policy, 2027, '2026-12-31').inForce.value.short).toBe('Nghị định 172/2025/NĐ-CP');
    expect(disciplineOn(policy, 2027, '2027-01-01').inForce.value.short).toBe('Nghị định số 5/2027/NĐ-CP');
  });
});

describe('the province merged on 1/7/2025: the regulation’s own continuation is a fact the province gives', () => {
  it('the province’s People’s Committee: the former province until 30/6/2025, the new one from 1/7/2025', () => {
    const { province } = BN_358_2013.context;
    expect(factOn(province, '2025-06-30')?.act).toBe('Quyết định số 358/2013/QĐ-UBND');
    expect(factOn(province, '2025-07-01')?.act).toMatch(/^tỉnh Bắc Ninh \(mới\), trên cơ sở hợp nhất/u);
    expect(provinceOn(BN_358_2013, '2025-07-01')).toBe('UBND TỈNH BẮC NINH');
  });

  it('a year that ends before 1/7/2025 needs nothing; 2025 and 2026 need the act that keeps it applying', () => {
    expect(needsOf(2024, '2024-12-31')).toEqual([]);
    expect(needsOf(2025, '2025-02-28')).toEqual(['legal.regulation.basis']);
    expect(needsOf(2026, '2025-02-28')).toEqual(['legal.regulation.basis']);
  });

  it('the act, or the day it stops applying, is enough; either is printed with its source', () => {
    expect(needsOf(2025, '2025-02-28', { regulation: { basis: 'Công văn số 1/UBND ngày 1/8/2025' } })).toEqual([]);
    const context = legalContext(policyOf(2025, { regulation: { until: '2026-12-31' } }), 2025, '2025-02-28', NONE);
    expect(context.needs).toEqual([]);
    expect(context.lines.find((l) => l.key === 'regulation')).toMatchObject({
      value: 'áp dụng đến hết ngày 31/12/2026',
      source: 'config',
    });
    expect(context.lines.find((l) => l.key === 'province-merger')?.value).toBe('từ ngày 01/07/2025');
  });
});

describe('the index: the DTI instead of the ICT Index needs the act that adopts it for Điều 15, 17', () => {
  it('without the act: a need with the exact words; with it: a line from the configuration', () => {
    const dti = { index: { name: 'DTI' } };
    const without = legalContext(policyOf(2024, dti), 2024, '2024-12-31', NONE);
    expect(without.needs.map((n) => n.vi)).toEqual([
      'cần văn bản của UBND tỉnh áp dụng DTI thay ICT Index cho Điều 15, 17',
    ]);
    const withAct = legalContext(
      policyOf(2024, { index: { name: 'DTI', basis: 'Quyết định số 9/QĐ-UBND ngày 2/3/2025' } }),
      2024,
      '2024-12-31',
      NONE,
    );
    expect(withAct.needs).toEqual([]);
    expect(withAct.lines.find((l) => l.key === 'index')).toMatchObject({
      value: 'DTI, áp dụng thay ICT Index cho Điều 15, 17',
      act: 'Quyết định số 9/QĐ-UBND ngày 2/3/2025',
      source: 'config',
    });
  });

  it('the ICT Index itself needs nothing, and cites QĐ 15/2011', () => {
    const context = legalContext(policyOf(2024), 2024, '2024-12-31', NONE);
    expect(context.lines.find((l) => l.key === 'index')?.act).toMatch(/^Quyết định số 15\/2011\/QĐ-UBND/u);
  });
});

describe('departments merged on 1/7/2025, territory, and the instruments the items name', () => {
  it('a department through the merger without its act is a need naming the units', () => {
    const facts = { ...NONE, unconfirmed: [{ code: 'SYT', name: 'Sở Y tế' }] };
    const context = legalContext(
      policyOf(2025, { regulation: { basis: 'Công văn số 1/UBND' } }),
      2025,
      '2025-02-28',
      facts,
    );
    expect(context.needs.map((n) => n.key)).toEqual(['legal.mergers']);
    expect(context.needs[0]?.vi).toMatch(/từ ngày 01\/07\/2025 \(legal\.mergers\) cho 1 đơn vị: SYT$/u);
  });

  it.each([
    ['', true],
    ['Bắc Ninh cũ', true],
    ['Tỉnh Bắc Ninh', true],
    ['Bắc Giang cũ', false],
    ['Bac Giang', false],
  ])('a unit with Địa bàn "%s" is in the regulation’s territory: %s', (territory, inside) => {
    expect(inTerritory(BN_358_2013, territory)).toBe(inside);
  });

  it('an item’s words stay as the law wrote them, with "nay là …" beside the instrument that was replaced', () => {
    const item = BN_358_2013.checklist.find((i) => i.code === '2.1');
    expect(withNowIs(item?.textVi ?? '', BN_358_2013, '2025-12-31')).toContain(
      'Nghị định 43/2011/NĐ-CP (nay là Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ)',
    );
    // Before the replacement was issued, the words stand alone.
    expect(withNowIs(item?.textVi ?? '', BN_358_2013, '2021-12-31')).not.toContain('nay là');
  });
});
