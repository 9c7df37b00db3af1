import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain.js';
import { type RankInput, groupSize, rankUnits, scoreKey } from '../../src/rules/ranking.js';
import { policyWith } from '../helpers.js';

const P = policyWith();

/** Units U01, U02, … of one block with the given scores. */
function block(scores: readonly (number | null)[], blockName: Block = 'SBN', prefix = 'U'): RankInput[] {
  return scores.map((score, i) => ({
    unitCode: `${prefix}${String(i + 1).padStart(2, '0')}`,
    block: blockName,
    score,
  }));
}

/** Scores N, N-1, …, 1: N units, no ties. */
const distinct = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe('the size of the top 20% group k and the bottom 15% group k′', () => {
  it.each([
    // N, k (top, floor-min-1), k′ (bottom, floor-min-1)
    [1, 1, 1],
    [4, 1, 1],
    [5, 1, 1],
    [8, 1, 1],
    [18, 3, 2],
    [19, 3, 2],
    [20, 4, 3],
    [40, 8, 6],
  ])('with N = %i units, k = %i and k′ = %i by default (max(1, floor(share × N)))', (n, k, kBottom) => {
    expect(groupSize(0.2, n, 'floor-min-1')).toBe(k);
    expect(groupSize(0.15, n, 'floor-min-1')).toBe(kBottom);
    const ranking = rankUnits(block(distinct(n)), P);
    expect(ranking.groups).toEqual([
      { scope: 'SBN', n, topSize: k, bottomSize: kBottom, topCount: k, bottomCount: kBottom, source: 'scores' },
    ]);
  });

  it.each([
    // rounding, N, share, k
    ['floor', 4, 0.2, 0],
    ['floor', 5, 0.2, 1],
    ['floor', 19, 0.15, 2],
    ['ceil', 4, 0.2, 1],
    ['ceil', 19, 0.2, 4],
    ['ceil', 20, 0.15, 3],
    ['ceil', 21, 0.15, 4],
    ['round', 12, 0.2, 2],
    ['round', 13, 0.2, 3],
    ['round', 10, 0.15, 2],
    ['round', 9, 0.15, 1],
    ['floor-min-1', 3, 0.2, 1],
    ['floor-min-1', 0, 0.2, 0],
    ['ceil', 1, 1, 1],
  ] as const)('with %s rounding, N = %i and share %d, the group holds %i units', (rounding, n, share, k) => {
    expect(groupSize(share, n, rounding)).toBe(k);
  });

  it('never lets floating point push an exact product over an integer (0.15 × 20 = 3 under ceil)', () => {
    for (const n of [20, 40, 60, 100, 140]) expect(groupSize(0.15, n, 'ceil')).toBe((15 * n) / 100);
    for (const n of [5, 15, 35, 45]) expect(groupSize(0.2, n, 'ceil')).toBe(n / 5);
  });

  it('an empty scope has empty groups', () => {
    expect(groupSize(0.2, 0, 'ceil')).toBe(0);
  });
});

describe('the ICT Index ranking (Điều 15 khoản 1, Điều 17 khoản 1 điểm b)', () => {
  it('ranks the highest score first', () => {
    const r = rankUnits(block([70, 90, 80]), P);
    expect(r.ranked.map((u) => [u.unitCode, u.rank])).toEqual([
      ['U02', 1],
      ['U03', 2],
      ['U01', 3],
    ]);
  });

  it('ties share a rank and the next rank is skipped (1, 2, 2, 4)', () => {
    const r = rankUnits(block([90, 80, 80, 70]), P);
    expect(r.ranked.map((u) => u.rank)).toEqual([1, 2, 2, 4]);
  });

  it('a tie straddling the 20% cut puts every tied unit in the top group', () => {
    // N = 10, k = 2: the units ranked 2 and 2 are both in the group, three units in all.
    const r = rankUnits(block([95, 90, 90, 80, 70, 60, 50, 40, 30, 20]), P);
    expect(r.ranked.filter((u) => u.top).map((u) => u.unitCode)).toEqual(['U01', 'U02', 'U03']);
    expect(r.groups[0]).toMatchObject({ n: 10, topSize: 2, topCount: 3 });
  });

  it('a tie just below the 20% cut stays out of the top group', () => {
    // N = 10, k = 2: ranks 1, 2, 3, 3 — the units ranked 3 are outside.
    const r = rankUnits(block([95, 90, 85, 85, 70, 60, 50, 40, 30, 20]), P);
    expect(r.ranked.filter((u) => u.top).map((u) => u.unitCode)).toEqual(['U01', 'U02']);
  });

  it('a tie for first place among five units puts both in the top group of k = 1', () => {
    const r = rankUnits(block([90, 90, 80, 70, 60]), P);
    expect(r.ranked.filter((u) => u.top).map((u) => u.rank)).toEqual([1, 1]);
  });

  it('the bottom group counts from the bottom: 1 + units with a strictly lower score ≤ k′', () => {
    // N = 20, k′ = 3: the last three, and a unit tied with the third-last.
    const scores = distinct(20).map((s) => s + 10);
    scores[16] = scores[17] ?? 0; // U17 ties U18, the third from the bottom
    const r = rankUnits(block(scores), P);
    expect(
      r.ranked
        .filter((u) => u.bottom)
        .map((u) => u.unitCode)
        .sort(),
    ).toEqual(['U17', 'U18', 'U19', 'U20']);
    expect(r.groups[0]).toMatchObject({ bottomSize: 3, bottomCount: 4 });
  });

  it('with N = 1 the only unit is in the top group and in the bottom group, as k = k′ = 1 says', () => {
    const r = rankUnits(block([42]), P);
    expect(r.ranked[0]).toMatchObject({ rank: 1, rankFromBottom: 1, top: true, bottom: true });
  });

  it('when every unit ties, every unit is first, in the top group and in the bottom group', () => {
    const r = rankUnits(block([50, 50, 50, 50, 50]), P);
    expect(r.ranked.every((u) => u.rank === 1 && u.top && u.bottom)).toBe(true);
  });

  it('ranks within each block by default, each block with its own N, k and k′', () => {
    const inputs = [...block(distinct(20), 'SBN', 'S'), ...block(distinct(8), 'HUYEN', 'H')];
    const r = rankUnits(inputs, P);
    expect(r.groups).toEqual([
      { scope: 'SBN', n: 20, topSize: 4, bottomSize: 3, topCount: 4, bottomCount: 3, source: 'scores' },
      { scope: 'HUYEN', n: 8, topSize: 1, bottomSize: 1, topCount: 1, bottomCount: 1, source: 'scores' },
    ]);
    expect(r.ranked.filter((u) => u.rank === 1).map((u) => u.unitCode)).toEqual(['S01', 'H01']);
  });

  it('ranks all units together with rankScope = all', () => {
    const inputs = [...block([90, 50], 'SBN', 'S'), ...block([80, 70, 60], 'HUYEN', 'H')];
    const r = rankUnits(inputs, policyWith({ rankScope: 'all' }));
    expect(r.groups).toEqual([
      { scope: 'all', n: 5, topSize: 1, bottomSize: 1, topCount: 1, bottomCount: 1, source: 'scores' },
    ]);
    expect(r.ranked.map((u) => u.unitCode)).toEqual(['S01', 'H01', 'H02', 'H03', 'S02']);
  });

  it('leaves a unit without a score unranked, in neither group, and out of N', () => {
    const r = rankUnits(block([90, null, 80, 70, 60, 50]), P);
    expect(r.unranked).toEqual([{ unitCode: 'U02', block: 'SBN', reason: 'no-score', rated: true }]);
    expect(r.groups[0]?.n).toBe(5);
    expect(r.ranked.map((u) => u.unitCode)).not.toContain('U02');
  });

  it('compares scores at 4 decimals by default, so formula noise never splits a tie', () => {
    const r = rankUnits(block([0.1 + 0.2, 0.3, 0.29994, 0.30006]), P);
    expect(r.ranked.map((u) => [u.unitCode, u.rank])).toEqual([
      ['U04', 1],
      ['U01', 2],
      ['U02', 2],
      ['U03', 4],
    ]);
  });

  it('keeps scores apart at 4 decimals that scorePrecision = 2 joins', () => {
    const r = rankUnits(block([85.1234, 85.1229]), policyWith({ scorePrecision: 2 }));
    expect(r.ranked.map((u) => u.rank)).toEqual([1, 1]);
    expect(rankUnits(block([85.1234, 85.1229]), P).ranked.map((u) => u.rank)).toEqual([1, 2]);
  });

  it('rounds a half at the last kept decimal up, even when binary floating point stores it just below', () => {
    expect(scoreKey(85.12345, 4)).toBe(851235);
    expect(scoreKey(1.005, 2)).toBe(101);
    expect(scoreKey(0.1 + 0.2, 4)).toBe(3000);
  });

  it('reads any scale alike: 0–1, 0–100, 0–1000', () => {
    const ranks = (scores: number[]) => rankUnits(block(scores), P).ranked.map((u) => [u.unitCode, u.rank]);
    expect(ranks([0.61, 0.75, 0.42])).toEqual(ranks([61, 75, 42]));
    expect(ranks([610, 750, 420])).toEqual(ranks([61, 75, 42]));
  });

  it('uses the official ranks when the file gives one to every unit of the group, and reports where the scores disagree (rules.md v2)', () => {
    const inputs: RankInput[] = [
      { unitCode: 'A', block: 'SBN', score: 80, officialRank: 1 },
      { unitCode: 'B', block: 'SBN', score: 90, officialRank: 2 },
      { unitCode: 'C', block: 'SBN', score: 70, officialRank: 3 },
    ];
    const r = rankUnits(inputs, P);
    expect(r.groups[0]?.source).toBe('official');
    expect(r.ranked.map((u) => u.unitCode)).toEqual(['A', 'B', 'C']);
    expect(r.rankDisagreements).toEqual([
      { unitCode: 'A', officialRank: 1, rank: 2, used: 'official' },
      { unitCode: 'B', officialRank: 2, rank: 1, used: 'official' },
    ]);
  });

  it('with `rankSource: scores`, ranks by score whatever the file says', () => {
    const inputs: RankInput[] = [
      { unitCode: 'A', block: 'SBN', score: 80, officialRank: 1 },
      { unitCode: 'B', block: 'SBN', score: 90, officialRank: 2 },
    ];
    const r = rankUnits(inputs, policyWith({ rankSource: 'scores' }));
    expect(r.ranked.map((u) => u.unitCode)).toEqual(['B', 'A']);
    expect(r.groups[0]?.source).toBe('scores');
  });

  it.each([
    ['given for part of the group', [1, null, 3], 'incomplete'],
    ['not a ranking (1, 3, 3)', [1, 3, 3], 'inconsistent'],
  ] as const)('official ranks %s are not used: the scores decide and the issue is said', (_case, ranks, issue) => {
    const inputs: RankInput[] = ranks.map((officialRank, i) => ({
      unitCode: `U${i}`,
      block: 'SBN',
      score: 90 - i,
      officialRank,
    }));
    const r = rankUnits(inputs, P);
    expect(r.groups[0]?.source).toBe('scores');
    expect(r.officialRankIssues).toEqual([{ scope: 'SBN', issue }]);
  });

  it('official ranks with ties give the bottom group from the worst rank shared (1, 2, 2, 4: k′ = 1 holds rank 4)', () => {
    const inputs: RankInput[] = [1, 2, 2, 4].map((officialRank, i) => ({
      unitCode: `U${i}`,
      block: 'SBN',
      score: null,
      officialRank,
    }));
    const r = rankUnits(inputs, P);
    expect(r.ranked.map((u) => [u.unitCode, u.rank, u.rankFromBottom, u.bottom])).toEqual([
      ['U0', 1, 4, false],
      ['U1', 2, 2, false],
      ['U2', 2, 2, false],
      ['U3', 4, 1, true],
    ]);
  });

  it('a unit of the index not in the units file counts in N; a unit marked not ranked in the index is out of N', () => {
    const r = rankUnits(
      [
        { unitCode: 'A', block: 'SBN', score: 90 },
        { unitCode: 'X', block: 'SBN', score: 95, rated: false },
        { unitCode: 'N', block: 'SBN', score: 99, inIndex: false },
      ],
      P,
    );
    expect(r.groups[0]?.n).toBe(2);
    expect(r.ranked.map((u) => [u.unitCode, u.rank, u.rated])).toEqual([
      ['X', 1, false],
      ['A', 2, true],
    ]);
    expect(r.unranked).toEqual([{ unitCode: 'N', block: 'SBN', reason: 'not-in-index', rated: true }]);
  });

  it('refuses a unit given twice and a score that is not finite', () => {
    expect(() => rankUnits([...block([1]), ...block([2])], P)).toThrow(/U01 is given twice/);
    expect(() => rankUnits(block([Number.NaN]), P)).toThrow(/not a finite number/);
  });
});

describe('properties of the ranking', () => {
  const scoresArb = fc.array(
    fc.option(
      fc.integer({ min: 0, max: 40 }).map((x) => x / 4),
      { nil: null, freq: 8 },
    ),
    {
      minLength: 0,
      maxLength: 60,
    },
  );
  const roundingArb = fc.constantFrom('floor-min-1', 'floor', 'ceil', 'round' as const);

  it('the top group never exceeds k units unless a tie straddles the cut', () => {
    fc.assert(
      fc.property(scoresArb, roundingArb, (scores, rounding) => {
        const r = rankUnits(block(scores), policyWith({ groupSizeRounding: rounding }));
        for (const group of r.groups) {
          const members = r.ranked.filter((u) => u.scope === group.scope);
          const top = members.filter((u) => u.top);
          if (top.length > group.topSize) {
            // The extra units all share the score of the unit at position k.
            const cutScore = [...members].sort((a, b) => a.rank - b.rank)[group.topSize - 1]?.comparedScore;
            const straddling = members.filter((u) => u.comparedScore === cutScore);
            expect(straddling.some((u) => u.rank <= group.topSize)).toBe(true);
            expect(straddling.length).toBeGreaterThan(1);
            expect(top.filter((u) => u.comparedScore !== cutScore).length).toBeLessThan(group.topSize);
          }
          // And it is never smaller than k.
          expect(top.length).toBeGreaterThanOrEqual(group.topSize);
        }
      }),
    );
  });

  it('the bottom group never exceeds k′ units unless a tie straddles the cut', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const r = rankUnits(block(scores), P);
        for (const group of r.groups) {
          const bottom = r.ranked.filter((u) => u.scope === group.scope && u.bottom);
          expect(bottom.length).toBeGreaterThanOrEqual(group.bottomSize);
          if (bottom.length > group.bottomSize) {
            const highest = Math.max(...bottom.map((u) => u.comparedScore ?? 0));
            expect(bottom.filter((u) => u.comparedScore === highest).length).toBeGreaterThan(1);
          }
        }
      }),
    );
  });

  it('ranks are invariant under the order of the rows', () => {
    fc.assert(
      fc.property(
        scoresArb.chain((scores) =>
          fc.tuple(fc.constant(scores), fc.shuffledSubarray(block(scores), { minLength: scores.length })),
        ),
        ([scores, shuffled]) => {
          expect(rankUnits(shuffled, P)).toEqual(rankUnits(block(scores), P));
        },
      ),
    );
  });

  it('scaling all scores by a positive factor leaves ranks and groups unchanged', () => {
    fc.assert(
      fc.property(scoresArb, fc.constantFrom(10, 100, 1000, 0.01), (scores, factor) => {
        const ranks = (list: (number | null)[]) =>
          rankUnits(block(list), P).ranked.map((u) => [u.unitCode, u.rank, u.top, u.bottom]);
        expect(ranks(scores.map((s) => (s === null ? null : s * factor)))).toEqual(ranks(scores));
      }),
    );
  });

  it('every unit with a score is ranked once and every unit without one is unranked', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const r = rankUnits(block(scores), P);
        expect(r.ranked.length).toBe(scores.filter((s) => s !== null).length);
        expect(r.unranked.length).toBe(scores.filter((s) => s === null).length);
        expect(r.groups.reduce((sum, g) => sum + g.n, 0)).toBe(r.ranked.length);
      }),
    );
  });
});
