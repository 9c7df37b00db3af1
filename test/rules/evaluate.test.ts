import { describe, expect, it } from 'vitest';
import type { FollowUp, Person, ScoreRow, Unit } from '../../src/domain.js';
import { formatCitation } from '../../src/rules/citation.js';
import { type YearInput, evaluateYear } from '../../src/rules/evaluate.js';
import { resolvePolicy } from '../../src/rules/policy.js';
import { type ReportSpec, assessed, firstItemsOf, report, headOf as head, followUpOf as follow } from '../helpers.js';

// A fictional province: five departments (SBN) and five districts (HUYEN). N = 5 per block, so k = k′ = 1.
const unit = (code: string, name: string, block: string, more: Partial<Unit> = {}): Unit => ({
  code,
  name,
  block,
  kind: block === 'SBN' ? 'co-quan-chuyen-mon' : 'ubnd-huyen',
  inIndex: true,
  previousCodes: [],
  ...more,
});
const units: Unit[] = [
  unit('SA', 'Sở An Hòa', 'SBN'),
  unit('SB', 'Sở Bình Lâm', 'SBN'),
  unit('SC', 'Sở Cẩm Giang', 'SBN'),
  unit('SD', 'Sở Đông Khê', 'SBN'),
  unit('SE', 'Sở Yên Thái', 'SBN'),
  unit('HA', 'Huyện Lạc Sơn', 'HUYEN'),
  unit('HB', 'Huyện Minh Tân', 'HUYEN'),
  unit('HC', 'Huyện Ngọc Lâm', 'HUYEN'),
  unit('HD', 'Thị xã Phú Lộc', 'HUYEN'),
  unit('HE', 'Huyện Tân Mỹ', 'HUYEN'),
];

const deputy = (unitCode: string, name: string, sections: number[]): Person => ({
  unitCode,
  name,
  position: 'Phó Giám đốc',
  role: 'deputy',
  period: null,
  assignedSections: sections,
  assignmentDocument: 'Quyết định số 1/QĐ',
});
const persons: Person[] = [
  deputy('SA', 'Trần Thị Mai', [1, 2, 3, 4]),
  head('SA', 'Nguyễn Văn Hòa'),
  head('SB', 'Lê Minh Tuấn'),
  head('SC', 'Phạm Thu Hà'),
  deputy('SC', 'Vũ Thị Lan', [1, 2]),
  head('SD', 'Vũ Đức Thắng'),
  head('SE', 'Đỗ Quang Vinh'),
  head('HA', 'Hoàng Văn Lực'),
  head('HB', 'Bùi Thị Ngân'),
  head('HC', 'Đặng Hữu Phước'),
  head('HD', 'Ngô Thanh Bình', { period: { from: '2024-01-01', to: '2024-06-30' } }),
  head('HD', 'Lý Văn Khang', { role: 'acting-head', period: { from: '2024-07-01', to: '2024-12-31' } }),
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
  follow('SE', { slow: true, note: 'Chậm triển khai Kết luận số 12-KL/UBND' }),
  follow('HD', { reviewDemanded: true, reviewDocument: 'Văn bản số 210/UBND-NC' }),
  follow('HB', { exceptionalAchievement: true, note: 'Giải thưởng chuyển đổi số' }),
  follow('SA', { exceptionalAchievement: true, rewardRecipient: 'Trần Thị Mai', note: 'Sáng kiến cấp tỉnh' }),
];

const specs: Record<string, ReportSpec> = {
  SA: {},
  SB: {},
  SC: { notMet: ['3.4'] },
  SD: { blank: ['2.2'] },
  SE: { notMet: firstItemsOf([1, 4]) },
  HA: {},
  HB: {},
  HD: { notMet: firstItemsOf([1, 2, 3, 4]) },
  HE: {},
};
// HC sent nothing and was not assessed.
const input: YearInput = {
  year: 2024,
  units,
  persons,
  scores: thisYear,
  previousScores: lastYear,
  previousPersons: null,
  selfReports: Object.entries(specs).flatMap(([code, spec]) => report(code, spec)),
  assessments: Object.entries(specs).flatMap(([code, spec]) => assessed(code, spec)),
  followUps,
};

const evaluation = evaluateYear(input, resolvePolicy(2024));
const person = (name: string, e = evaluation) => {
  const found = e.persons.find((p) => p.person.name === name);
  if (found === undefined) throw new Error(`no person ${name}`);
  return found;
};

describe('a year evaluated from end to end', () => {
  it('yields one row per responsible person: departments before districts, then by code; heads by period before deputies', () => {
    expect(evaluation.persons.map((p) => p.person.name)).toEqual([
      'Nguyễn Văn Hòa',
      'Trần Thị Mai',
      'Lê Minh Tuấn',
      'Phạm Thu Hà',
      'Vũ Thị Lan',
      'Vũ Đức Thắng',
      'Đỗ Quang Vinh',
      'Hoàng Văn Lực',
      'Bùi Thị Ngân',
      'Đặng Hữu Phước',
      'Ngô Thanh Bình',
      'Lý Văn Khang',
      'Phan Thị Yến',
    ]);
  });

  it('names the regulation it applied', () => {
    expect(evaluation.policy.regulation.id).toBe('358/2013');
  });

  it('a head of a department, first of the block with no violation, is rated excellent and considered for reward (khoản 1 Điều 16)', () => {
    const p = person('Nguyễn Văn Hòa');
    expect(p.rating.outcome).toBe('xuat-sac');
    expect(p.rewards.map((r) => r.outcome)).toEqual(['khen-thuong']);
    expect(formatCitation(p.roleCitation)).toBe('khoản 1 Điều 2');
  });

  it('an assigned deputy of an excellent unit is rated excellent but not considered for the head’s reward; an achievement named for the deputy is theirs', () => {
    const p = person('Trần Thị Mai');
    expect(p.rating.outcome).toBe('xuat-sac');
    expect(p.rewards.map((r) => r.outcome)).toEqual(['thuong-dot-xuat']);
    expect(formatCitation(p.roleCitation)).toBe('khoản 3 Điều 2');
  });

  it('the chair of a district is rated under khoản 2 Điều 2', () => {
    expect(formatCitation(person('Hoàng Văn Lực').roleCitation)).toBe('khoản 2 Điều 2');
  });

  it('a unit that violated one section: its head is not completed and, not slow, a case to review; a deputy assigned other sections is completed', () => {
    expect(person('Phạm Thu Hà').rating.outcome).toBe('khong-hoan-thanh');
    expect(person('Phạm Thu Hà').sanction).toMatchObject({ outcome: 'can-xem-xet', uncoveredCase: 'v1-2-not-slow' });
    expect(person('Phạm Thu Hà').reviewReasons).toEqual(['uncovered']);
    expect(person('Vũ Thị Lan').rating.outcome).toBe('hoan-thanh');
    expect(person('Vũ Thị Lan').sanction.outcome).toBeNull();
  });

  it('a unit that violated two sections, was slow and sat in the bottom 15% two years running: its head is reprimanded (điểm b)', () => {
    const p = person('Đỗ Quang Vinh');
    expect(p.unit.rank?.bottom).toBe(true);
    expect(p.unit.previous.status).toBe('bottom');
    expect(p.sanction.outcome).toBe('khien-trach');
    expect(p.sanction.citations.map((c) => formatCitation(c))).toEqual(['điểm b khoản 1 Điều 17']);
  });

  it('two heads in the year, each for part of it: the warning the table gives (điểm c) goes to review for both, with the form withheld', () => {
    for (const name of ['Ngô Thanh Bình', 'Lý Văn Khang']) {
      const p = person(name);
      expect(p.partYear).toBe(true);
      expect(p.sanction.outcome).toBe('can-xem-xet');
      expect(p.withheld).toBe('canh-cao');
      expect(p.reviewReasons).toEqual(['part-year']);
    }
    expect(person('Lý Văn Khang').rewards).toEqual([]);
  });

  it('with `partYearHeads: apply`, the heads of part of the year get the table’s form', () => {
    const applied = evaluateYear(input, resolvePolicy(2024, { partYearHeads: 'apply' }));
    expect(person('Ngô Thanh Bình', applied).sanction.outcome).toBe('canh-cao');
  });

  it('a unit with an item not assessed and nothing violated is not rated, and gets no sanction', () => {
    const p = person('Vũ Đức Thắng');
    expect(p.rating.outcome).toBe('thieu-du-lieu');
    expect(p.rating.possibleRatings).toEqual(['hoan-thanh', 'khong-hoan-thanh']);
    expect(p.sanction.outcome).toBeNull();
  });

  it('a unit that sent no report and was not assessed is not rated, and its head is a case to review (no-report)', () => {
    const p = person('Đặng Hữu Phước');
    expect(p.rating).toMatchObject({ outcome: 'thieu-du-lieu', reason: 'no-report', citations: [] });
    expect(p.reviewReasons).toEqual(['no-report']);
  });

  it('an exceptional achievement with no named recipient is the unit’s own ad-hoc reward, whatever the rating', () => {
    expect(person('Bùi Thị Ngân').rewards).toEqual([]);
    const hb = evaluation.units.find((u) => u.unit.code === 'HB');
    expect(hb?.unitRewards.map((r) => r.outcome)).toEqual(['thuong-dot-xuat']);
  });

  it('a unit new this year, with no score, is unranked and not rated: it could be excellent or completed', () => {
    const p = person('Phan Thị Yến');
    expect(p.unit.rank).toBeUndefined();
    expect(p.unit.previous.status).toBe('no-data');
    expect(p.rating).toMatchObject({
      outcome: 'thieu-du-lieu',
      reason: 'no-score',
      possibleRatings: ['xuat-sac', 'hoan-thanh'],
    });
  });

  it('a unit absent from the follow-up has all its facts false', () => {
    expect(person('Lê Minh Tuấn').unit.followUp).toMatchObject({
      slow: false,
      reviewDemanded: false,
      exceptionalAchievement: false,
    });
  });

  it('lists every data gap: no report, an item not assessed, no score, no previous score, and small groups', () => {
    expect(evaluation.gaps).toEqual(
      expect.arrayContaining([
        { kind: 'no-report', unitCode: 'HC' },
        { kind: 'not-assessed', unitCode: 'SD', itemCodes: ['2.2'] },
        { kind: 'no-score', unitCode: 'HE' },
        { kind: 'no-previous-score', unitCode: 'HE', year: 2023 },
        // N = 4 and 5 ranked units per block: k' = 1 is 25% and 20% of them, above the 15% share (rules.md v3).
        { kind: 'small-group', scope: 'SBN', n: 5, topSize: 1, bottomSize: 1 },
        { kind: 'small-group', scope: 'HUYEN', n: 4, topSize: 1, bottomSize: 1 },
      ]),
    );
    expect(evaluation.gaps).toHaveLength(6);
  });

  it('without last year’s scores, says so once, and no one is in the bottom group two years running', () => {
    const alone = evaluateYear({ ...input, previousScores: null }, resolvePolicy(2024));
    expect(alone.gaps.filter((g) => g.kind === 'no-previous-year')).toEqual([{ kind: 'no-previous-year', year: 2023 }]);
    expect(alone.gaps.some((g) => g.kind === 'no-previous-score')).toBe(false);
    expect(person('Đỗ Quang Vinh', alone).sanction).toMatchObject({
      outcome: 'phe-binh',
      bottomTwoYears: false,
      notes: ['previous-year-missing'],
    });
  });

  it('gives the same result whatever the order of the input rows', () => {
    const reversed: YearInput = {
      ...input,
      units: [...input.units].reverse(),
      persons: [...input.persons].reverse(),
      scores: [...input.scores].reverse(),
      selfReports: [...input.selfReports].reverse(),
      assessments: [...input.assessments].reverse(),
      followUps: [...input.followUps].reverse(),
    };
    const again = evaluateYear(reversed, resolvePolicy(2024));
    const summary = (e: typeof evaluation) =>
      e.persons
        .map((p) => [p.person.name, p.rating.outcome, p.sanction.outcome, p.unit.rank?.rank ?? null] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(summary(again)).toEqual(summary(evaluation));
  });

  it('ranks all units together with rankScope = all, changing who is in the top group', () => {
    const all = evaluateYear(input, resolvePolicy(2024, { rankScope: 'all' }));
    // N = 9 ranked units, k = 1: only SA (95) is in the top group; HA (88) is no longer.
    expect(all.ranking.groups).toEqual([
      { scope: 'all', n: 9, topSize: 1, bottomSize: 1, topCount: 1, bottomCount: 1, source: 'scores' },
    ]);
    expect(person('Hoàng Văn Lực', all).rating.outcome).toBe('hoan-thanh');
    expect(person('Hoàng Văn Lực').rating.outcome).toBe('xuat-sac');
  });

  it('refuses a person of a unit that is not in the units list (the readers catch it first)', () => {
    expect(() =>
      evaluateYear({ ...input, persons: [...persons, head('ZZ', 'Không Tồn Tại')] }, resolvePolicy(2024)),
    ).toThrow(/unknown unit ZZ/);
  });
});

describe('heads, vacancies and the index as rules.md v2 reads them', () => {
  it('a unit with no head is reported without a person, and still counts in the ranking', () => {
    const vacant = evaluateYear({ ...input, persons: persons.filter((p) => p.unitCode !== 'SB') }, resolvePolicy(2024));
    expect(vacant.unitsWithoutHead.map((u) => u.unit.code)).toEqual(['SB']);
    expect(vacant.unitsWithoutHead[0]?.whole.rating.outcome).toBe('hoan-thanh');
    expect(vacant.ranking.groups[0]?.n).toBe(5);
  });

  it('a unit of the index that is not in the units file counts in N and is listed, not rated', () => {
    const extra: ScoreRow = { unitCode: 'CA', unitName: 'Công an tỉnh', block: 'SBN', score: 99 };
    const e = evaluateYear({ ...input, scores: [...thisYear, extra] }, resolvePolicy(2024));
    expect(e.ranking.groups[0]).toMatchObject({ scope: 'SBN', n: 6, topSize: 1 });
    expect(e.notRated.map((r) => r.unitCode)).toEqual(['CA']);
    // SA is no longer first of its block: rank 2 of 6, outside the top group of k = 1.
    expect(person('Nguyễn Văn Hòa', e).rating.outcome).toBe('hoan-thanh');
  });

  it('a unit marked Không in "Xếp hạng ICT Index" has no rank and is rated on its sections alone', () => {
    const e = evaluateYear(
      { ...input, units: units.map((u) => (u.code === 'HE' ? { ...u, inIndex: false } : u)) },
      resolvePolicy(2024),
    );
    expect(person('Phan Thị Yến', e).rating).toMatchObject({ outcome: 'hoan-thanh', reason: 'not-in-index' });
    expect(e.gaps.some((g) => g.kind === 'no-score' && g.unitCode === 'HE')).toBe(false);
  });

  it('a renamed unit is matched to last year’s ranking by its previous code', () => {
    const renamed = units.map((u) => (u.code === 'SE' ? { ...u, code: 'SE2', previousCodes: ['SE'] } : u));
    const e = evaluateYear(
      {
        ...input,
        units: renamed,
        persons: persons.map((p) => (p.unitCode === 'SE' ? { ...p, unitCode: 'SE2' } : p)),
        scores: thisYear.map((s) => (s.unitCode === 'SE' ? { ...s, unitCode: 'SE2' } : s)),
        selfReports: [...input.selfReports].map((r) => (r.unitCode === 'SE' ? { ...r, unitCode: 'SE2' } : r)),
        assessments: [...input.assessments].map((r) => (r.unitCode === 'SE' ? { ...r, unitCode: 'SE2' } : r)),
        followUps: followUps.map((f) => (f.unitCode === 'SE' ? { ...f, unitCode: 'SE2' } : f)),
      },
      resolvePolicy(2024),
    );
    expect(person('Đỗ Quang Vinh', e).sanction.outcome).toBe('khien-trach');
  });

  it('a previous code absent from last year’s scores leaves a reprimand that rests on it to review', () => {
    const e = evaluateYear(
      { ...input, units: units.map((u) => (u.code === 'SE' ? { ...u, previousCodes: ['SX'] } : u)) },
      resolvePolicy(2024),
    );
    const p = person('Đỗ Quang Vinh', e);
    expect(p.sanction).toMatchObject({ outcome: 'can-xem-xet', reason: 'previous-year-unsettled' });
    expect(p.reviewReasons).toEqual(['previous-year-unsettled']);
  });

  it.each([
    ['named head last year', 'Đỗ Quang Vinh', 'khien-trach', []],
    ['someone else headed it last year', 'Trịnh Văn Cũ', 'can-xem-xet', ['head-changed']],
  ] as const)('a reprimand resting on two bottom years, when %s: %s', (_case, lastHead, outcome, reasons) => {
    const e = evaluateYear({ ...input, previousPersons: [head('SE', lastHead)] }, resolvePolicy(2024));
    const p = person('Đỗ Quang Vinh', e);
    expect(p.sanction.outcome).toBe(outcome);
    expect(p.reviewReasons).toEqual(reasons);
  });

  it('the official ranks are used when the file gives them for the whole block, and a disagreement with the scores is said', () => {
    const official = thisYear.map((s) =>
      s.block === 'SBN' ? { ...s, officialRank: { SA: 2, SB: 1, SC: 3, SD: 4, SE: 5 }[s.unitCode] ?? null } : s,
    );
    const e = evaluateYear({ ...input, scores: official }, resolvePolicy(2024));
    expect(e.ranking.groups[0]).toMatchObject({ scope: 'SBN', source: 'official' });
    expect(person('Lê Minh Tuấn', e).rating.outcome).toBe('xuat-sac');
    expect(person('Nguyễn Văn Hòa', e).rating.outcome).toBe('hoan-thanh');
    expect(e.gaps).toEqual(
      expect.arrayContaining([
        { kind: 'official-rank-differs', unitCode: 'SA', officialRank: 2, rank: 1, used: 'official' },
      ]),
    );
    const byScores = evaluateYear({ ...input, scores: official }, resolvePolicy(2024, { rankSource: 'scores' }));
    expect(person('Nguyễn Văn Hòa', byScores).rating.outcome).toBe('xuat-sac');
  });

  it('official ranks given for part of a block are not used, and that is said', () => {
    const partial = thisYear.map((s) => (s.unitCode === 'SA' ? { ...s, officialRank: 1 } : s));
    const e = evaluateYear({ ...input, scores: partial }, resolvePolicy(2024));
    expect(e.ranking.groups[0]?.source).toBe('scores');
    expect(e.gaps).toEqual(expect.arrayContaining([{ kind: 'official-ranks', scope: 'SBN', issue: 'incomplete' }]));
  });
});

describe('the regulation in time, and the ICT Index indicators of the configuration', () => {
  it('a run for 2013, which the decision covers from 10/10/2013 only, says so', () => {
    const e = evaluateYear({ ...input, year: 2013 }, resolvePolicy(2013));
    expect(e.gaps).toEqual(
      expect.arrayContaining([
        { kind: 'regulation-partial-year', year: 2013, effective: '2013-10-10', decision: 'QĐ 358/2013/QĐ-UBND' },
      ]),
    );
    expect(evaluation.gaps.some((g) => g.kind === 'regulation-partial-year')).toBe(false);
  });

  it('keeps the indicator each item is judged by, and refuses one for an item the checklist does not have', () => {
    expect(resolvePolicy(2024, {}, { indicators: { '2.1': 'Chỉ số 2.1 của QĐ 15/2011' } }).indicators.get('2.1')).toBe(
      'Chỉ số 2.1 của QĐ 15/2011',
    );
    expect(() => resolvePolicy(2024, {}, { indicators: { '9.9': 'x' } })).toThrow(
      /mã tiêu chí "9.9" không có trong danh mục/u,
    );
  });
});
