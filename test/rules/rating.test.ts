import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/rules/citation.js';
import { type RankGroup, type RankedUnit } from '../../src/rules/ranking.js';
import { rateUnit } from '../../src/rules/rating.js';
import { proposeRewards } from '../../src/rules/rewards.js';
import { assessUnit } from '../../src/rules/sections.js';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import { type ReportSpec, firstItemsOf, policyWith, report } from '../helpers.js';

const group: RankGroup = { scope: 'SBN', n: 10, topSize: 2, bottomSize: 1, topCount: 2, bottomCount: 1 };

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
  };
}

function rate(spec: ReportSpec | 'no-report', rank: RankedUnit | undefined) {
  const rows = spec === 'no-report' ? [] : report('SYT', spec);
  return rateUnit(assessUnit('SYT', rows, policyWith()), rank, rank === undefined ? undefined : group, BN_358_2013);
}

describe('the rating of Điều 15', () => {
  it.each([
    ['no section violated, in the top 20% group', {}, ranked(1, true), 'xuat-sac', 'top-group', 'Điều 15 khoản 1'],
    [
      'no section violated, ranked outside the top 20% group',
      {},
      ranked(5, false),
      'hoan-thanh',
      'not-top-group',
      'Điều 15 khoản 2',
    ],
    ['no section violated, no score this year', {}, undefined, 'hoan-thanh', 'unranked', 'Điều 15 khoản 2'],
    [
      'one section violated, though first in the ranking',
      { notMet: ['2.1'] },
      ranked(1, true),
      'khong-hoan-thanh',
      'violated-sections',
      'Điều 15 khoản 3',
    ],
    [
      'all four sections violated',
      { notMet: firstItemsOf([1, 2, 3, 4]) },
      ranked(9, false),
      'khong-hoan-thanh',
      'violated-sections',
      'Điều 15 khoản 3',
    ],
    [
      'a violation known while another item is blank',
      { notMet: ['1.1'], blank: ['3.1'] },
      ranked(1, true),
      'khong-hoan-thanh',
      'violated-sections',
      'Điều 15 khoản 3',
    ],
    [
      'an item blank and nothing violated, in the top group',
      { blank: ['3.1'] },
      ranked(1, true),
      'thieu-du-lieu',
      'missing-items',
      'Điều 15 khoản 3',
    ],
    [
      'an item missing its row',
      { absent: ['4.6'] },
      ranked(5, false),
      'thieu-du-lieu',
      'missing-items',
      'Điều 15 khoản 3',
    ],
    [
      'Không áp dụng without a note',
      { notApplicableNoNote: ['4.5'] },
      ranked(5, false),
      'thieu-du-lieu',
      'missing-items',
      'Điều 15 khoản 3',
    ],
    [
      'Không áp dụng with a note, in the top group',
      { notApplicable: ['4.5'] },
      ranked(2, true),
      'xuat-sac',
      'top-group',
      'Điều 15 khoản 1',
    ],
    ['no self-report at all', 'no-report', ranked(1, true), 'thieu-du-lieu', 'no-report', 'Điều 19'],
  ] as const)('a unit with %s is rated %s', (_name, spec, rank, outcome, reason, citation) => {
    const decision = rate(spec, rank);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reason).toBe(reason);
    expect(decision.citations.map(formatCitation)[0]).toBe(citation);
  });

  it('a violation cites Điều 15 khoản 3 and the article of every item not met', () => {
    const decision = rate({ notMet: ['1.3', '4.2'] }, ranked(3, false));
    expect(decision.citations.map(formatCitation)).toEqual(['Điều 15 khoản 3', 'Điều 6', 'Điều 13']);
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

describe('the rewards of Điều 16', () => {
  it.each([
    ['xuat-sac', false, ['khen-thuong']],
    ['xuat-sac', true, ['khen-thuong', 'thuong-dot-xuat']],
    ['hoan-thanh', false, []],
    ['hoan-thanh', true, ['thuong-dot-xuat']],
    ['khong-hoan-thanh', true, ['thuong-dot-xuat']],
    ['thieu-du-lieu', true, ['thuong-dot-xuat']],
    ['khong-hoan-thanh', false, []],
  ] as const)('a person rated %s, exceptional achievement %s, is proposed for %j', (rating, achievement, rewards) => {
    expect(proposeRewards(rating, achievement, BN_358_2013).map((r) => r.outcome)).toEqual(rewards);
  });

  it('reward consideration cites Điều 16 khoản 1, the ad-hoc reward Điều 16 khoản 2', () => {
    const [consideration, adHoc] = proposeRewards('xuat-sac', true, BN_358_2013);
    expect(consideration?.citations.map(formatCitation)).toContain('Điều 16 khoản 1');
    expect(adHoc?.citations.map(formatCitation)).toEqual(['Điều 16 khoản 2']);
  });
});
