import { describe, expect, it } from 'vitest';
import type { Person, ScoreRow, Unit } from '../../src/domain.js';
import { type YearInput, evaluateYear } from '../../src/rules/evaluate.js';
import { type LegalSettings, resolvePolicy } from '../../src/rules/policy.js';
import { assessed, firstItemsOf, report, followUpOf as follow } from '../helpers.js';

// 2025 in the province as it is (rules.md v3): a district until 30/6, a ward from 1/7, a department through the
// merger of 1/7/2025, a ward of the former neighbour. The law's cases, each as a sentence.

const XA = {
  code: 'XA',
  vi: 'Xã, phường',
  en: 'Communes and wards',
  aliases: [],
  basis: { document: 'Quyết định số 45/2025/QĐ-UBND ngày 25/7/2025 của UBND tỉnh An Lạc' },
  configured: true,
};
const unit = (code: string, block: string, kind: string, more: Partial<Unit> = {}): Unit => ({
  code,
  name: code,
  block,
  kind,
  inIndex: true,
  previousCodes: [],
  ...more,
});
const head = (unitCode: string, name: string): Person => ({
  unitCode,
  name,
  position: 'Thủ trưởng',
  role: 'head',
  period: null,
  assignedSections: null,
  assignmentDocument: '',
});
const units: Unit[] = [
  unit('SA', 'SBN', 'co-quan-chuyen-mon'),
  unit('SB', 'SBN', 'co-quan-chuyen-mon'),
  unit('SC', 'SBN', 'co-quan-chuyen-mon'),
  unit('SD', 'SBN', 'co-quan-chuyen-mon'),
  unit('SE', 'SBN', 'co-quan-chuyen-mon', { period: { from: '2025-01-01', to: '2025-02-28' }, inIndex: false }),
  unit('HA', 'HUYEN', 'ubnd-huyen', { period: { from: '2025-01-01', to: '2025-06-30' }, inIndex: false }),
  unit('PA', 'XA', 'ubnd-xa', { period: { from: '2025-07-01', to: '2025-12-31' } }),
  unit('PB', 'XA', 'ubnd-xa', { period: { from: '2025-07-01', to: '2025-12-31' } }),
  unit('PG', 'XA', 'ubnd-xa', { period: { from: '2025-07-01', to: '2025-12-31' }, territory: 'Bắc Giang cũ' }),
];
const persons = units.map((u) => head(u.code, `Người đứng đầu ${u.code}`));
const score = (unitCode: string, block: string, value: number): ScoreRow => ({
  unitCode,
  unitName: unitCode,
  block,
  score: value,
});
const scores = [
  score('SA', 'SBN', 800),
  score('SB', 'SBN', 700),
  score('SC', 'SBN', 600),
  score('SD', 'SBN', 500),
  score('PA', 'XA', 700),
  score('PB', 'XA', 600),
  score('PG', 'XA', 650),
];
const notMet: Record<string, readonly string[]> = { SD: firstItemsOf([1]), HA: firstItemsOf([1]), PB: ['3.4'] };
const input: YearInput = {
  year: 2025,
  units,
  persons,
  scores,
  previousScores: null,
  previousPersons: null,
  selfReports: units.flatMap((u) => report(u.code, { notMet: notMet[u.code] ?? [] })),
  assessments: units.flatMap((u) => assessed(u.code, { notMet: notMet[u.code] ?? [] })),
  followUps: [
    follow('SD', { slow: true }),
    follow('HA', { slow: true, exceptionalAchievement: true, rewardRecipient: 'Người đứng đầu HA' }),
  ],
};
const MERGERS: LegalSettings = {
  mergers: [{ units: 'all-departments', from: '2025-07-01', basis: 'Quyết định số 101/QĐ-UBND ngày 30/6/2025' }],
};
const evaluate = (legal: LegalSettings = MERGERS, overrides: Record<string, unknown> = {}) =>
  evaluateYear(input, resolvePolicy(2025, overrides, { configuredBlocks: [XA], legal }));
const personOf = (code: string, e = evaluate()) => {
  const found = e.persons.find((p) => p.unit.unit.code === code);
  if (found === undefined) throw new Error(`no person of ${code}`);
  return found;
};

describe('a unit that existed for part of the year (partYearUnits: can-xem-xet)', () => {
  it('a district until 30/6 that broke Mục 1 and was slow: rated, the phê bình withheld, its reward withheld, to review', () => {
    const p = personOf('HA');
    expect(p.rating.outcome).toBe('khong-hoan-thanh');
    expect(p.sanction.outcome).toBe('can-xem-xet');
    expect(p.withheld).toBe('phe-binh');
    expect(p.rewards).toEqual([]);
    expect(p.withheldRewards.map((r) => r.outcome)).toEqual(['thuong-dot-xuat']);
    expect(p.reviewReasons).toEqual(['unit-part-year']);
  });

  it('a ward from 1/7 in the top group: rated xuất sắc, no reward proposed, to review', () => {
    const p = personOf('PA');
    expect(p.rating.outcome).toBe('xuat-sac');
    expect(p.rewards).toEqual([]);
    expect(p.withheldRewards.map((r) => r.outcome)).toEqual(['khen-thuong']);
    expect(p.reviewReasons).toEqual(['unit-part-year']);
  });

  it('a department that ceased on 28/2 with nothing violated: hoàn thành, to review', () => {
    const p = personOf('SE');
    expect([p.rating.outcome, p.sanction.outcome, p.reviewReasons]).toEqual(['hoan-thanh', null, ['unit-part-year']]);
  });

  it('under partYearUnits: apply, the tables give their outcomes as for a whole year', () => {
    const applied = evaluate(MERGERS, { partYearUnits: 'apply' });
    expect(personOf('HA', applied).sanction.outcome).toBe('phe-binh');
    expect(personOf('PA', applied).rewards.map((r) => r.outcome)).toEqual(['khen-thuong']);
    expect(personOf('PA', applied).reviewReasons).toEqual([]);
  });
});

describe('communes: Điều 11 (item 3.4) binds them only when the block’s act says so', () => {
  it('a commune assessed "Không đạt" on 3.4 breaks no Mục by default', () => {
    expect(personOf('PB').rating.outcome).toBe('hoan-thanh');
  });

  it('with binds: ["3.4"] in the block’s configuration, it breaks Mục 3', () => {
    const binding = evaluateYear(
      input,
      resolvePolicy(2025, {}, { configuredBlocks: [{ ...XA, binds: ['3.4'] }], legal: MERGERS }),
    );
    expect(personOf('PB', binding).rating.facts.violatedSections).toEqual([3]);
  });
});

describe('the province merged on 1/7/2025', () => {
  it('a ward of the former neighbour is out of scope: not rated, listed, and still counted in N', () => {
    const e = evaluate();
    expect(e.outOfScope.map((u) => u.code)).toEqual(['PG']);
    expect(e.persons.some((p) => p.unit.unit.code === 'PG')).toBe(false);
    expect(e.notRated.map((r) => r.unitCode)).not.toContain('PG');
    expect(e.ranking.groups.find((g) => g.scope === 'XA')?.n).toBe(3);
    expect(e.gaps).toContainEqual({ kind: 'out-of-scope', unitCodes: ['PG'], territory: 'Bắc Ninh' });
  });

  it('with an act extending the regulation to that territory, it is rated', () => {
    const e = evaluate({ ...MERGERS, territory: { basis: 'Quyết định số 60/2025/QĐ-UBND' } });
    expect(e.outOfScope).toEqual([]);
    expect(personOf('PG', e).rating.outcome).toBe('hoan-thanh');
  });

  it('a department through 1/7/2025 with the act is one unit for the year, noted; without it, unconfirmed', () => {
    expect(personOf('SA').unit.merger).toEqual({
      from: '2025-07-01',
      basis: 'Quyết định số 101/QĐ-UBND ngày 30/6/2025',
    });
    expect(personOf('SA').reviewReasons).toEqual([]);
    expect(personOf('SA', evaluate({})).unit.merger).toBe('unconfirmed');
    // The department that ceased on 28/2 and the district never went through it.
    expect(personOf('SE').unit.merger).toBeNull();
    expect(personOf('HA').unit.merger).toBeNull();
  });

  it('under mergedUnits: part-year, a merged department is treated as part-year: its proposal goes to review', () => {
    const p = personOf('SD', evaluate(MERGERS, { mergedUnits: 'part-year' }));
    expect([p.sanction.outcome, p.withheld, p.reviewReasons]).toEqual(['can-xem-xet', 'phe-binh', ['unit-part-year']]);
    expect(personOf('SD').sanction.outcome).toBe('phe-binh');
  });
});

describe('small groups (rules.md v3)', () => {
  it('N = 3: k = 1 is 33%, above 20%, and k′ = 1 above 15%: said beside N and k', () => {
    expect(evaluate().gaps).toContainEqual({ kind: 'small-group', scope: 'XA', n: 3, topSize: 1, bottomSize: 1 });
  });
});
