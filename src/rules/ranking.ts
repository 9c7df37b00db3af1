import type { Block } from '../domain.js';
import type { Citation } from './citation.js';
import type { GroupSizeRounding, Policy } from './policy.js';

export interface RankInput {
  readonly unitCode: string;
  readonly block: Block;
  /** Null when the unit has no score for the year: it is left unranked. */
  readonly score: number | null;
  /** The official rank given by the file, if any, checked against the computed rank. */
  readonly officialRank?: number | null;
}

/** Which units are ranked together: a block's code, or `'all'` (`rankScope: all`; block codes are upper case). */
export type RankScope = string;

export interface RankGroup {
  readonly scope: RankScope;
  /** N: the number of units ranked in the scope. */
  readonly n: number;
  /** k: size of the top group before ties. */
  readonly topSize: number;
  /** k': size of the bottom group before ties. */
  readonly bottomSize: number;
  /** Number of units actually in each group (larger than k or k' when a tie straddles the cut). */
  readonly topCount: number;
  readonly bottomCount: number;
}

export interface RankedUnit {
  readonly unitCode: string;
  readonly block: Block;
  readonly scope: RankScope;
  readonly score: number;
  /** The score as compared: rounded to `scorePrecision` decimals. */
  readonly comparedScore: number;
  /** Competition rank, 1 = best; ties share a rank and the next ranks are skipped (1, 2, 2, 4). */
  readonly rank: number;
  /** 1 + the number of units of the scope with a strictly lower score. */
  readonly rankFromBottom: number;
  readonly top: boolean;
  readonly bottom: boolean;
  readonly officialRank: number | null;
}

export interface UnrankedUnit {
  readonly unitCode: string;
  readonly block: Block;
  readonly reason: 'no-score';
}

export interface RankDisagreement {
  readonly unitCode: string;
  readonly officialRank: number;
  readonly rank: number;
}

export interface Ranking {
  readonly groups: readonly RankGroup[];
  /** Ranked units, by scope, then rank, then unit code. */
  readonly ranked: readonly RankedUnit[];
  readonly unranked: readonly UnrankedUnit[];
  /** Units whose official rank differs from the rank computed from the score. */
  readonly rankDisagreements: readonly RankDisagreement[];
  readonly citations: readonly Citation[];
}

/** What ranking needs of a policy: its parameters, the order of its blocks, the regulation's group citations. */
export type RankingPolicy = Pick<Policy, 'parameters' | 'blocks' | 'regulation'>;

/**
 * The size of a group: share × N, rounded as the policy says. `floor-min-1` (the default) is
 * max(1, floor(share × N)). The product is first rounded to 9 decimals, so that binary
 * floating point never turns 0.15 × 20 = 3 into 3.0000000000000004 and `ceil` into 4.
 * Never more than N; zero when N is zero.
 */
export function groupSize(share: number, n: number, rounding: GroupSizeRounding): number {
  if (n <= 0) return 0;
  const exact = Math.round(share * n * 1e9) / 1e9;
  let size: number;
  switch (rounding) {
    case 'floor-min-1':
      size = Math.max(1, Math.floor(exact));
      break;
    case 'floor':
      size = Math.floor(exact);
      break;
    case 'ceil':
      size = Math.ceil(exact);
      break;
    case 'round':
      // Half rounds up: 0.5 → 1, 2.5 → 3.
      size = Math.floor(exact + 0.5);
      break;
  }
  return Math.min(n, size);
}

/**
 * The integer a score is compared by: the score × 10^precision, rounded half up. The scaled value
 * is first cut to 12 significant digits, so float noise from spreadsheet formulas
 * (0.1 + 0.2 = 0.30000000000000004, 85.12345 stored as 85.123449999…) never splits a tie.
 */
export function scoreKey(score: number, precision: number): number {
  const scaled = Number((score * 10 ** precision).toPrecision(12));
  return Math.floor(scaled + 0.5);
}

/**
 * Ranks units by ICT Index score within their block (or all together), and marks the top group
 * and the bottom group of the regulation, with the policy's shares, rounding and score precision.
 * Units without a score are left unranked. Scopes come in the order of the policy's blocks.
 */
export function rankUnits(inputs: readonly RankInput[], policy: RankingPolicy): Ranking {
  const { parameters, regulation } = policy;
  const scopeOrder: readonly RankScope[] = [...policy.blocks.map((b) => b.code), 'all'];
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.unitCode)) throw new Error(`rankUnits: unit ${input.unitCode} is given twice`);
    seen.add(input.unitCode);
    if (input.score !== null && !Number.isFinite(input.score)) {
      throw new Error(`rankUnits: unit ${input.unitCode} has a score that is not a finite number`);
    }
  }

  const byScope = new Map<RankScope, { input: RankInput; score: number; key: number }[]>();
  const unranked: UnrankedUnit[] = [];
  for (const input of inputs) {
    if (input.score === null) {
      unranked.push({ unitCode: input.unitCode, block: input.block, reason: 'no-score' });
      continue;
    }
    const scope: RankScope = parameters.rankScope === 'all' ? 'all' : input.block;
    const list = byScope.get(scope) ?? [];
    list.push({ input, score: input.score, key: scoreKey(input.score, parameters.scorePrecision) });
    byScope.set(scope, list);
  }

  const groups: RankGroup[] = [];
  const ranked: RankedUnit[] = [];
  const rankDisagreements: RankDisagreement[] = [];
  const scopes = [...byScope.keys()].sort((a, b) => scopeOrder.indexOf(a) - scopeOrder.indexOf(b));
  for (const scope of scopes) {
    const members = byScope.get(scope) ?? [];
    const n = members.length;
    const topSize = groupSize(parameters.topShare, n, parameters.groupSizeRounding);
    const bottomSize = groupSize(parameters.bottomShare, n, parameters.groupSizeRounding);
    const positions = keyPositions(members.map((m) => m.key));
    const scopeRanked = members.map(({ input, score, key }): RankedUnit => {
      const position = positions.get(key) ?? { higher: 0, lower: 0 };
      const rank = 1 + position.higher;
      const rankFromBottom = 1 + position.lower;
      const officialRank = input.officialRank ?? null;
      if (officialRank !== null && officialRank !== rank) {
        rankDisagreements.push({ unitCode: input.unitCode, officialRank, rank });
      }
      return {
        unitCode: input.unitCode,
        block: input.block,
        scope,
        score,
        comparedScore: key / 10 ** parameters.scorePrecision,
        rank,
        rankFromBottom,
        top: rank <= topSize,
        bottom: rankFromBottom <= bottomSize,
        officialRank,
      };
    });
    scopeRanked.sort((a, b) => a.rank - b.rank || compareCodes(a.unitCode, b.unitCode));
    for (const unit of scopeRanked) ranked.push(unit);
    groups.push({
      scope,
      n,
      topSize,
      bottomSize,
      topCount: scopeRanked.filter((r) => r.top).length,
      bottomCount: scopeRanked.filter((r) => r.bottom).length,
    });
  }
  unranked.sort((a, b) => compareCodes(a.unitCode, b.unitCode));
  rankDisagreements.sort((a, b) => compareCodes(a.unitCode, b.unitCode));
  return {
    groups,
    ranked,
    unranked,
    rankDisagreements,
    citations: [regulation.citations.topGroup, regulation.citations.bottomGroup],
  };
}

/** For each distinct key: how many keys are strictly higher and strictly lower (one sort, no N² scan). */
function keyPositions(keys: readonly number[]): Map<number, { higher: number; lower: number }> {
  const sorted = [...keys].sort((a, b) => b - a);
  const positions = new Map<number, { higher: number; lower: number }>();
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i];
    if (key === undefined || positions.has(key)) continue;
    let last = i;
    while (sorted[last + 1] === key) last++;
    positions.set(key, { higher: i, lower: sorted.length - 1 - last });
  }
  return positions;
}

/** Orders unit codes the same way on every machine (no locale). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
