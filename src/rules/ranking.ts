import type { Block } from '../domain.js';
import type { Citation } from './citation.js';
import type { GroupSizeRounding, Policy } from './policy.js';

export interface RankInput {
  readonly unitCode: string;
  readonly block: Block;
  /** Null when the unit has no score for the year. */
  readonly score: number | null;
  /** The official rank given by the file, if any. */
  readonly officialRank?: number | null;
  /** False when the unit is marked as not ranked in the index (`Xếp hạng ICT Index` = Không, `Không xếp hạng`). */
  readonly inIndex?: boolean;
  /** False for a unit of the index that is not in the units file: it counts in N, it is not rated. */
  readonly rated?: boolean;
}

/** Which units are ranked together: a block's code, or `'all'` (`rankScope: all`; block codes are upper case). */
export type RankScope = string;

/** Where a group's ranks come from: the official ranks of the file (all given), or the scores. */
export type RankSource = 'official' | 'scores';

export interface RankGroup {
  readonly scope: RankScope;
  /** N: the number of units ranked in the scope (those not rated included). */
  readonly n: number;
  /** k: size of the top group before ties. */
  readonly topSize: number;
  /** k': size of the bottom group before ties. */
  readonly bottomSize: number;
  /** Number of units actually in each group (larger than k or k' when a tie straddles the cut). */
  readonly topCount: number;
  readonly bottomCount: number;
  readonly source: RankSource;
}

export interface RankedUnit {
  readonly unitCode: string;
  readonly block: Block;
  readonly scope: RankScope;
  /** Null only when the official ranks are used and the file gives a rank without a score. */
  readonly score: number | null;
  /** The score as compared: rounded to `scorePrecision` decimals. */
  readonly comparedScore: number | null;
  /** Competition rank, 1 = best; ties share a rank and the next ranks are skipped (1, 2, 2, 4). */
  readonly rank: number;
  /** 1 + the number of units of the scope ranked strictly below. */
  readonly rankFromBottom: number;
  readonly top: boolean;
  readonly bottom: boolean;
  readonly officialRank: number | null;
  /** False for a unit of the index that is not in the units file. */
  readonly rated: boolean;
}

export interface UnrankedUnit {
  readonly unitCode: string;
  readonly block: Block;
  /** No score (and no official rank used); or marked as not ranked in the index. */
  readonly reason: 'no-score' | 'not-in-index';
  readonly rated: boolean;
}

export interface RankDisagreement {
  readonly unitCode: string;
  readonly officialRank: number;
  /** The rank computed from the score. */
  readonly rank: number;
  /** Which of the two the tool used. */
  readonly used: RankSource;
}

/** A group whose official ranks could not be used as given. */
export interface OfficialRankIssue {
  readonly scope: RankScope;
  /** `incomplete`: some units of the group have no official rank; `inconsistent`: the ranks are not a ranking (1, 2, 2, 4). */
  readonly issue: 'incomplete' | 'inconsistent';
}

export interface Ranking {
  readonly groups: readonly RankGroup[];
  /** Ranked units, by scope, then rank, then unit code. */
  readonly ranked: readonly RankedUnit[];
  readonly unranked: readonly UnrankedUnit[];
  /** Units whose official rank differs from the rank computed from the score. */
  readonly rankDisagreements: readonly RankDisagreement[];
  readonly officialRankIssues: readonly OfficialRankIssue[];
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

interface Member {
  readonly input: RankInput;
  readonly score: number | null;
  readonly key: number | null;
  readonly official: number | null;
}

/** Whether official ranks are a competition ranking: each rank is 1 + the number of strictly better ones. */
function consistentRanks(ranks: readonly number[]): boolean {
  const sorted = [...ranks].sort((a, b) => a - b);
  let first = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] !== sorted[i - 1]) first = i;
    if (sorted[i] !== 1 + first) return false;
  }
  return true;
}

/**
 * Ranks units within their block (or all together) and marks the top and bottom groups of the
 * regulation, with the policy's shares, rounding and score precision. A group whose every unit has
 * an official rank (Hạng) uses those ranks (`rankSource: official-if-complete`), checked against the
 * scores; otherwise the scores decide. Units of the index that are not rated count in N. Units with
 * neither, or marked as not ranked, are left unranked. Scopes come in the order of the policy's blocks.
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

  const byScope = new Map<RankScope, Member[]>();
  const unranked: UnrankedUnit[] = [];
  for (const input of inputs) {
    const rated = input.rated ?? true;
    if (input.inIndex === false) {
      unranked.push({ unitCode: input.unitCode, block: input.block, reason: 'not-in-index', rated });
      continue;
    }
    const official = input.officialRank ?? null;
    if (input.score === null && official === null) {
      unranked.push({ unitCode: input.unitCode, block: input.block, reason: 'no-score', rated });
      continue;
    }
    const scope: RankScope = parameters.rankScope === 'all' ? 'all' : input.block;
    const list = byScope.get(scope) ?? [];
    const key = input.score === null ? null : scoreKey(input.score, parameters.scorePrecision);
    list.push({ input, score: input.score, key, official });
    byScope.set(scope, list);
  }

  const groups: RankGroup[] = [];
  const ranked: RankedUnit[] = [];
  const rankDisagreements: RankDisagreement[] = [];
  const officialRankIssues: OfficialRankIssue[] = [];
  const scopes = [...byScope.keys()].sort((a, b) => scopeOrder.indexOf(a) - scopeOrder.indexOf(b));
  for (const scope of scopes) {
    const all = byScope.get(scope) ?? [];
    const withOfficial = all.filter((m) => m.official !== null);
    let source: RankSource = 'scores';
    if (parameters.rankSource === 'official-if-complete' && withOfficial.length > 0) {
      if (withOfficial.length < all.length) officialRankIssues.push({ scope, issue: 'incomplete' });
      else if (!consistentRanks(withOfficial.map((m) => m.official ?? 0)))
        officialRankIssues.push({ scope, issue: 'inconsistent' });
      else source = 'official';
    }
    // Ranked by scores, a unit with an official rank but no score has no place: it is unranked.
    const members = source === 'official' ? all : all.filter((m) => m.key !== null);
    for (const m of all) {
      if (source !== 'official' && m.key === null)
        unranked.push({
          unitCode: m.input.unitCode,
          block: m.input.block,
          reason: 'no-score',
          rated: m.input.rated ?? true,
        });
    }
    const n = members.length;
    const topSize = groupSize(parameters.topShare, n, parameters.groupSizeRounding);
    const bottomSize = groupSize(parameters.bottomShare, n, parameters.groupSizeRounding);
    const scored = members.filter((m) => m.key !== null);
    const scorePositions = keyPositions(scored.map((m) => m.key ?? 0));
    // Official ranks are "better first" like scores are "higher first": the same positions serve, negated.
    const officialPositions = keyPositions(members.map((m) => -(m.official ?? 0)));
    const scopeRanked = members.map((m): RankedUnit => {
      const byScore = m.key === null ? undefined : scorePositions.get(m.key);
      const scoreRank = byScore === undefined ? null : 1 + byScore.higher;
      const position = source === 'official' ? officialPositions.get(-(m.official ?? 0)) : byScore;
      const rank = 1 + (position?.higher ?? 0);
      const rankFromBottom = 1 + (position?.lower ?? 0);
      if (
        m.official !== null &&
        scoreRank !== null &&
        m.official !== scoreRank &&
        (source === 'scores' || scored.length === n)
      ) {
        rankDisagreements.push({ unitCode: m.input.unitCode, officialRank: m.official, rank: scoreRank, used: source });
      }
      return {
        unitCode: m.input.unitCode,
        block: m.input.block,
        scope,
        score: m.score,
        comparedScore: m.key === null ? null : m.key / 10 ** parameters.scorePrecision,
        rank,
        rankFromBottom,
        top: rank <= topSize,
        bottom: rankFromBottom <= bottomSize,
        officialRank: m.official,
        rated: m.input.rated ?? true,
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
      source,
    });
  }
  unranked.sort((a, b) => compareCodes(a.unitCode, b.unitCode));
  rankDisagreements.sort((a, b) => compareCodes(a.unitCode, b.unitCode));
  return {
    groups,
    ranked,
    unranked,
    rankDisagreements,
    officialRankIssues,
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

/**
 * A unit's place in last year's ranking (rules.md v3, "Rank movement"): by its own code, or by the codes it names as
 * last year's (`Mã đơn vị năm trước`: renamed, merged or split). Never "new" when a previous code is given: `missing` is
 * a previous code not in last year's ranking; `merged` has several previous ranks, a combination, and no one rank.
 */
export interface PreviousPlace {
  readonly status: 'same' | 'renamed' | 'merged' | 'new' | 'missing';
  /** The one previous rank (same or renamed); null otherwise. */
  readonly rank: number | null;
  /** In last year's bottom group: known for one rank, or for a merger all in or all out of it; null otherwise. */
  readonly bottom: boolean | null;
  /** Each previous code with its rank (null: not in last year's ranking). */
  readonly codes: readonly { readonly code: string; readonly rank: number | null }[];
}

export function previousPlace(
  unitCode: string,
  previousCodes: readonly string[],
  previousOf: ReadonlyMap<string, RankedUnit>,
): PreviousPlace {
  const named = previousCodes.length > 0;
  const codes = (named ? previousCodes : [unitCode]).map((code) => ({
    code,
    rank: previousOf.get(code)?.rank ?? null,
    bottom: previousOf.get(code)?.bottom,
  }));
  const listed = codes.map(({ code, rank }) => ({ code, rank }));
  if (codes.length > 1) {
    const bottoms = codes.map((c) => c.bottom);
    const bottom = bottoms.every((b) => b === true) ? true : bottoms.every((b) => b === false) ? false : null;
    return { status: 'merged', rank: null, bottom, codes: listed };
  }
  const [only] = codes;
  if (only === undefined || only.rank === null)
    return { status: named ? 'missing' : 'new', rank: null, bottom: null, codes: listed };
  return { status: named ? 'renamed' : 'same', rank: only.rank, bottom: only.bottom ?? null, codes: listed };
}

/** The previous place in words: "3", "3 (mã TXDP)", "hợp nhất: HGB hạng 9, HLT —", "mới", "mã HDP không có". */
export function previousPlaceText(place: PreviousPlace, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  switch (place.status) {
    case 'same':
      return String(place.rank);
    case 'renamed':
      return `${String(place.rank)} (${vi ? 'mã' : 'code'} ${place.codes[0]?.code ?? ''})`;
    case 'merged':
      return `${vi ? 'hợp nhất' : 'merged'}: ${place.codes.map((c) => `${c.code} ${c.rank === null ? '—' : `${vi ? 'hạng' : 'rank'} ${c.rank}`}`).join(', ')}`;
    case 'missing':
      return vi
        ? `mã ${place.codes.map((c) => c.code).join(', ')} không có năm trước`
        : `code ${place.codes.map((c) => c.code).join(', ')} not ranked last year`;
    case 'new':
      return vi ? 'mới' : 'new';
  }
}
