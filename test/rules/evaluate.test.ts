import { describe, expect, it } from 'vitest';
import type { FollowUp, Person, ScoreRow, Unit } from '../../src/domain.js';
import { formatCitation } from '../../src/rules/citation.js';
import { type YearInput, evaluateYear } from '../../src/rules/evaluate.js';
import { resolvePolicy } from '../../src/rules/policy.js';
import { firstItemsOf, report } from '../helpers.js';

// A fictional province: five departments (SBN) and five districts (HUYEN). N = 5 per block, so k = k′ = 1.
const units: Unit[] = [
  { code: 'SA', name: 'Sở An Hòa', block: 'SBN' },
  { code: 'SB', name: 'Sở Bình Lâm', block: 'SBN' },
  { code: 'SC', name: 'Sở Cẩm Giang', block: 'SBN' },
  { code: 'SD', name: 'Sở Đông Khê', block: 'SBN' },
  { code: 'SE', name: 'Sở Yên Thái', block: 'SBN' },
  { code: 'HA', name: 'Huyện Lạc Sơn', block: 'HUYEN' },
  { code: 'HB', name: 'Huyện Minh Tân', block: 'HUYEN' },
  { code: 'HC', name: 'Huyện Ngọc Lâm', block: 'HUYEN' },
  { code: 'HD', name: 'Thị xã Phú Lộc', block: 'HUYEN' },
  { code: 'HE', name: 'Huyện Tân Mỹ', block: 'HUYEN' },
];

const head = (unitCode: string, name: string): Person => ({ unitCode, name, position: 'Giám đốc', role: 'head' });
const deputy = (unitCode: string, name: string): Person => ({
  unitCode,
  name,
  position: 'Phó Giám đốc',
  role: 'deputy',
});
const persons: Person[] = [
  deputy('SA', 'Trần Thị Mai'),
  head('SA', 'Nguyễn Văn Hòa'),
  head('SB', 'Lê Minh Tuấn'),
  head('SC', 'Phạm Thu Hà'),
  head('SD', 'Vũ Đức Thắng'),
  head('SE', 'Đỗ Quang Vinh'),
  head('HA', 'Hoàng Văn Lực'),
  head('HB', 'Bùi Thị Ngân'),
  head('HC', 'Đặng Hữu Phước'),
  head('HD', 'Ngô Thanh Bình'),
  head('HE', 'Phan Thị Yến'),
];

function scores(values: Record<string, number | null>): ScoreRow[] {
  return units
    .filter((u) => u.code in values)
    .map((u) => ({ unitCode: u.code, unitName: u.name, block: u.block, score: values[u.code] ?? null }));
}

const thisYear = scores({ SA: 95, SB: 80, SC: 70, SD: 60, SE: 40, HA: 88, HB: 77, HC: 66, HD: 55, HE: null });
// Last year: SE was at the bottom of SBN too; HE did not exist (a unit new this year).
const lastYear = scores({ SA: 90, SB: 85, SC: 75, SD: 65, SE: 30, HA: 70, HB: 80, HC: 60, HD: 50 });

const followUps: FollowUp[] = [
  {
    unitCode: 'SE',
    slow: true,
    reviewDemanded: false,
    exceptionalAchievement: false,
    note: 'Chậm triển khai Kết luận số 12-KL/UBND',
  },
  { unitCode: 'HD', slow: false, reviewDemanded: true, exceptionalAchievement: false, note: '' },
  {
    unitCode: 'HB',
    slow: false,
    reviewDemanded: false,
    exceptionalAchievement: true,
    note: 'Giải thưởng chuyển đổi số',
  },
];

const input: YearInput = {
  year: 2024,
  units,
  persons,
  scores: thisYear,
  previousScores: lastYear,
  selfReports: [
    ...report('SA'),
    ...report('SB'),
    ...report('SC', { notMet: ['3.4'] }),
    ...report('SD', { blank: ['2.2'] }),
    ...report('SE', { notMet: firstItemsOf([1, 4]) }),
    ...report('HA'),
    ...report('HB'),
    // HC sent nothing.
    ...report('HD', { notMet: firstItemsOf([1, 2, 3, 4]) }),
    ...report('HE'),
  ],
  followUps,
};

const evaluation = evaluateYear(input, resolvePolicy(2024));
const person = (name: string) => {
  const found = evaluation.persons.find((p) => p.person.name === name);
  if (found === undefined) throw new Error(`no person ${name}`);
  return found;
};

describe('a year evaluated from end to end', () => {
  it('yields one row per responsible person, heads before deputies, departments before districts, then by code', () => {
    expect(evaluation.persons.map((p) => p.person.name)).toEqual([
      'Nguyễn Văn Hòa',
      'Trần Thị Mai',
      'Lê Minh Tuấn',
      'Phạm Thu Hà',
      'Vũ Đức Thắng',
      'Đỗ Quang Vinh',
      'Hoàng Văn Lực',
      'Bùi Thị Ngân',
      'Đặng Hữu Phước',
      'Ngô Thanh Bình',
      'Phan Thị Yến',
    ]);
  });

  it('names the policy version it applied', () => {
    expect(evaluation.policy.regulation.id).toBe('358/2013');
  });

  it('a head of a department, first of the block with no violation, is rated excellent and proposed for reward', () => {
    const p = person('Nguyễn Văn Hòa');
    expect(p.unit.rating.outcome).toBe('xuat-sac');
    expect(p.unit.rewards.map((r) => r.outcome)).toEqual(['khen-thuong']);
    expect(formatCitation(p.roleCitation)).toBe('Điều 2 khoản 1');
  });

  it('an assigned deputy is rated exactly as the head (Điều 2 khoản 3)', () => {
    const headRow = person('Nguyễn Văn Hòa');
    const deputyRow = person('Trần Thị Mai');
    expect(deputyRow.unit).toBe(headRow.unit);
    expect(formatCitation(deputyRow.roleCitation)).toBe('Điều 2 khoản 3');
  });

  it('the chair of a district is rated under Điều 2 khoản 2', () => {
    expect(formatCitation(person('Hoàng Văn Lực').roleCitation)).toBe('Điều 2 khoản 2');
  });

  it('a unit that violated one section is not completed and, not slow, needs a human decision', () => {
    const p = person('Phạm Thu Hà');
    expect(p.unit.rating.outcome).toBe('khong-hoan-thanh');
    expect(p.unit.sanction).toMatchObject({ outcome: 'can-xem-xet', uncoveredCase: 'v1-2-not-slow' });
  });

  it('a unit that violated two sections, was slow and sat in the bottom 15% two years running is reprimanded', () => {
    const p = person('Đỗ Quang Vinh');
    expect(p.unit.rank?.bottom).toBe(true);
    expect(p.unit.previousRank?.bottom).toBe(true);
    expect(p.unit.sanction.outcome).toBe('khien-trach');
    expect(p.unit.sanction.citations.map(formatCitation)).toEqual(['Điều 17 khoản 1 điểm b']);
  });

  it('a district that violated all four sections with a review demanded is warned', () => {
    expect(person('Ngô Thanh Bình').unit.sanction.outcome).toBe('canh-cao');
  });

  it('a unit with a blank item and nothing violated is not rated, and gets no sanction', () => {
    const p = person('Vũ Đức Thắng');
    expect(p.unit.rating.outcome).toBe('thieu-du-lieu');
    expect(p.unit.sanction.outcome).toBeNull();
  });

  it('a unit that sent no self-report is not rated', () => {
    expect(person('Đặng Hữu Phước').unit.rating).toMatchObject({ outcome: 'thieu-du-lieu', reason: 'no-report' });
  });

  it('an exceptional achievement is proposed for an ad-hoc reward, whatever the rating', () => {
    const p = person('Bùi Thị Ngân');
    expect(p.unit.rating.outcome).toBe('hoan-thanh');
    expect(p.unit.rewards.map((r) => r.outcome)).toEqual(['thuong-dot-xuat']);
  });

  it('a unit new this year, with no score, is unranked, completed, with no previous rank', () => {
    const p = person('Phan Thị Yến');
    expect(p.unit.rank).toBeUndefined();
    expect(p.unit.previousRank).toBeUndefined();
    expect(p.unit.rating).toMatchObject({ outcome: 'hoan-thanh', reason: 'unranked' });
    expect(p.unit.sanction.notes).toContain('previous-year-missing');
  });

  it('a unit absent from the follow-up has all three facts false', () => {
    expect(person('Lê Minh Tuấn').unit.followUp).toMatchObject({
      slow: false,
      reviewDemanded: false,
      exceptionalAchievement: false,
    });
  });

  it('lists every data gap: no report, a blank item, no score, no previous score', () => {
    expect(evaluation.gaps).toEqual(
      expect.arrayContaining([
        { kind: 'no-report', unitCode: 'HC' },
        { kind: 'missing-item', unitCode: 'SD', itemCode: '2.2', reason: 'blank' },
        { kind: 'no-score', unitCode: 'HE' },
        { kind: 'no-previous-score', unitCode: 'HE', year: 2023 },
      ]),
    );
    expect(evaluation.gaps).toHaveLength(4);
  });

  it('without last year’s scores, says so once, and no one is in the bottom group two years running', () => {
    const alone = evaluateYear({ ...input, previousScores: null }, resolvePolicy(2024));
    expect(alone.gaps.filter((g) => g.kind === 'no-previous-year')).toEqual([{ kind: 'no-previous-year', year: 2023 }]);
    expect(alone.gaps.some((g) => g.kind === 'no-previous-score')).toBe(false);
    const se = alone.units.find((u) => u.unit.code === 'SE');
    expect(se?.sanction).toMatchObject({
      outcome: 'phe-binh',
      bottomTwoYears: false,
      notes: ['previous-year-missing'],
    });
  });

  it('gives the same result whatever the order of the input rows', () => {
    const reversed: YearInput = {
      ...input,
      units: [...input.units].reverse(),
      persons: [...input.persons].reverse().sort((a, b) => (a.role === b.role ? 0 : a.role === 'head' ? 1 : -1)),
      scores: [...input.scores].reverse(),
      selfReports: [...input.selfReports].reverse(),
      followUps: [...input.followUps].reverse(),
    };
    const again = evaluateYear(reversed, resolvePolicy(2024));
    const summary = (e: typeof evaluation) =>
      e.persons.map((p) => [p.person.name, p.unit.rating.outcome, p.unit.sanction.outcome, p.unit.rank?.rank ?? null]);
    expect(summary(again)).toEqual(summary(evaluation));
  });

  it('ranks all units together with rankScope = all, changing who is in the top group', () => {
    const all = evaluateYear(input, resolvePolicy(2024, { rankScope: 'all' }));
    // N = 9 ranked units, k = 1: only SA (95) is in the top group; HA (88) is no longer.
    expect(all.ranking.groups).toEqual([
      { scope: 'all', n: 9, topSize: 1, bottomSize: 1, topCount: 1, bottomCount: 1 },
    ]);
    expect(all.units.find((u) => u.unit.code === 'HA')?.rating.outcome).toBe('hoan-thanh');
    expect(evaluation.units.find((u) => u.unit.code === 'HA')?.rating.outcome).toBe('xuat-sac');
  });

  it('refuses a person of a unit that is not in the units list (the readers catch it first)', () => {
    expect(() =>
      evaluateYear({ ...input, persons: [...persons, head('ZZ', 'Không Tồn Tại')] }, resolvePolicy(2024)),
    ).toThrow(/unknown unit ZZ/);
  });
});
