import { describe, expect, it } from 'vitest';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import { formatCitation } from '../../src/rules/citation.js';
import { type RankGroup, type RankedUnit } from '../../src/rules/ranking.js';
import { ratePerson } from '../../src/rules/rating.js';
import { adHocReward, rewardConsideration } from '../../src/rules/rewards.js';
import { assessUnit } from '../../src/rules/sections.js';
import { AGENCY, type ReportSpec, assessAs, firstItemsOf } from '../helpers.js';
import { policyWith } from '../helpers.js';

const group: RankGroup = {
  scope: 'SBN',
  n: 10,
  topSize: 2,
  bottomSize: 1,
  topCount: 2,
  bottomCount: 1,
  source: 'scores',
};
const ALL = [1, 2, 3, 4];

function ranked(rank: number, top: boolean): RankedUnit {
  return {
    unitCode: 'SYT',
    block: 'SBN',
    scope: 'SBN',
    score: 90,
    comparedScore: 90,
    rank,
    rankFromBottom: 10,
    top,
    bottom: false,
    officialRank: null,
    rated: true,
  };
}

function rate(
  spec: ReportSpec | 'no-report',
  rank: RankedUnit | undefined,
  scope: readonly number[] = ALL,
  inIndex = true,
) {
  const a = spec === 'no-report' ? assessUnit(AGENCY, [], [], policyWith()) : assessAs(spec);
  return ratePerson(a, scope, rank, rank === undefined ? undefined : group, inIndex, BN_358_2013);
}

describe('the rating of Điều 15, as rules.md v2 reads it', () => {
  it.each([
    ['no section violated, in the top 20% group', {}, ranked(1, true), 'xuat-sac', 'top-group', 'khoản 1 Điều 15'],
    [
      'no section violated, ranked outside the top 20% group',
      {},
      ranked(5, false),
      'hoan-thanh',
      'not-top-group',
      'khoản 2 Điều 15',
    ],
    [
      'one section violated, though first in the ranking',
      { notMet: ['2.1'] },
      ranked(1, true),
      'khong-hoan-thanh',
      'violated-sections',
      'khoản 3 Điều 15',
    ],
    [
      'all four sections violated',
      { notMet: firstItemsOf([1, 2, 3, 4]) },
      ranked(9, false),
      'khong-hoan-thanh',
      'violated-sections',
      'khoản 3 Điều 15',
    ],
    [
      'a violation known while another item is not assessed',
      { notMet: ['1.1'], blank: ['3.1'] },
      ranked(1, true),
      'khong-hoan-thanh',
      'violated-sections',
      'khoản 3 Điều 15',
    ],
    [
      'Không áp dụng with a note, in the top group',
      { notApplicable: ['4.5'] },
      ranked(2, true),
      'xuat-sac',
      'top-group',
      'khoản 1 Điều 15',
    ],
  ] as const)('a head whose unit has %s is rated %s', (_name, spec, rank, outcome, reason, citation) => {
    const decision = rate(spec, rank);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reason).toBe(reason);
    expect(decision.citations.map((c) => formatCitation(c))[0]).toBe(citation);
    expect(decision.possibleRatings).toEqual([]);
  });

  it.each([
    [
      'an item not assessed and nothing violated, in the top group',
      { blank: ['3.1'] },
      ranked(1, true),
      'missing-items',
      ['xuat-sac', 'khong-hoan-thanh'],
    ],
    [
      'an item with no row anywhere, outside the top group',
      { absent: ['4.6'] },
      ranked(5, false),
      'missing-items',
      ['hoan-thanh', 'khong-hoan-thanh'],
    ],
    [
      'Không áp dụng without a note',
      { notApplicableNoNote: ['4.5'] },
      ranked(5, false),
      'missing-items',
      ['hoan-thanh', 'khong-hoan-thanh'],
    ],
    ['no score for the year and nothing violated', {}, undefined, 'no-score', ['xuat-sac', 'hoan-thanh']],
    ['no report and no assessment', 'no-report', ranked(1, true), 'no-report', ['xuat-sac', 'khong-hoan-thanh']],
    [
      'no report, no assessment and no score',
      'no-report',
      undefined,
      'no-report',
      ['xuat-sac', 'hoan-thanh', 'khong-hoan-thanh'],
    ],
  ] as const)(
    'a head whose unit has %s is not rated, cites no rating clause, and lists what it could be',
    (_name, spec, rank, reason, possible) => {
      const decision = rate(spec, rank);
      expect(decision.outcome).toBe('thieu-du-lieu');
      expect(decision.reason).toBe(reason);
      expect(decision.citations).toEqual([]);
      expect(decision.possibleRatings).toEqual(possible);
    },
  );

  it('a unit not ranked in the index (Xếp hạng ICT Index = Không) with nothing violated is rated on its sections alone: completed', () => {
    const decision = rate({}, undefined, ALL, false);
    expect(decision).toMatchObject({ outcome: 'hoan-thanh', reason: 'not-in-index' });
    expect(decision.facts.top).toBeNull();
  });

  it('a violation cites khoản 3 Điều 15 and the article of every item not met, an information-only item not among them', () => {
    const decision = rate({ notMet: ['1.3', '4.2', '4.6'] }, ranked(3, false));
    expect(decision.citations.map((c) => formatCitation(c))).toEqual(['khoản 3 Điều 15', 'Điều 6', 'khoản 4 Điều 14']);
    expect(decision.facts.violatedSections).toEqual([1, 4]);
  });

  it('the facts name the rank, N and k the top group was decided with', () => {
    expect(rate({}, ranked(1, true)).facts).toMatchObject({ rank: 1, n: 10, topSize: 2, top: true, missingItems: [] });
    expect(rate({ blank: ['2.2'] }, undefined).facts).toMatchObject({
      rank: null,
      n: null,
      missingItems: ['2.2'],
      undeterminedSections: [2],
    });
  });
});

describe('a deputy answers for the sections assigned (khoản 3 Điều 2, khoản 1 Điều 4)', () => {
  it.each([
    ['Mục 3 violated, assigned Mục 1 and 2, in the top group', { notMet: ['3.1'] }, [1, 2], 'xuat-sac'],
    ['Mục 3 violated, assigned Mục 3', { notMet: ['3.1'] }, [3], 'khong-hoan-thanh'],
    ['Mục 2 not assessed, assigned Mục 1', { blank: ['2.1'] }, [1], 'xuat-sac'],
    ['Mục 2 not assessed, assigned Mục 2', { blank: ['2.1'] }, [2], 'thieu-du-lieu'],
  ] as const)('a deputy of a unit with %s is rated %s', (_name, spec, scope, outcome) => {
    const decision = rate(spec, ranked(1, true), scope);
    expect(decision.outcome).toBe(outcome);
    expect(decision.facts.scope).toEqual(scope);
  });

  it('a deputy’s violated sections are the unit’s among those assigned', () => {
    expect(rate({ notMet: firstItemsOf([1, 2, 4]) }, ranked(5, false), [2, 3]).facts.violatedSections).toEqual([2]);
  });
});

describe('the rewards of Điều 16', () => {
  it.each([
    ['xuat-sac', true, ['khen-thuong']],
    ['xuat-sac', false, []],
    ['hoan-thanh', true, []],
    ['khong-hoan-thanh', true, []],
    ['thieu-du-lieu', true, []],
  ] as const)(
    'a person rated %s who holds the head’s post: %s, is considered for %j (khoản 1 is for the head only)',
    (rating, head, rewards) => {
      expect(rewardConsideration(rating, head, BN_358_2013).map((r) => r.outcome)).toEqual(rewards);
    },
  );

  it('reward consideration cites khoản 1 Điều 16 and the rating, the ad-hoc reward khoản 2 Điều 16', () => {
    const [consideration] = rewardConsideration('xuat-sac', true, BN_358_2013);
    expect(consideration?.citations.map((c) => formatCitation(c))).toEqual(['khoản 1 Điều 16', 'khoản 1 Điều 15']);
    expect(adHocReward(BN_358_2013).citations.map((c) => formatCitation(c))).toEqual(['khoản 2 Điều 16']);
  });
});
