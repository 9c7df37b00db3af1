import type { Block, FollowUp, Person, ScoreRow, SelfReportRow, SourceRef, Unit } from '../domain.js';
import type { Citation } from './citation.js';
import type { Policy } from './policy.js';
import { type RankGroup, type RankedUnit, type Ranking, compareCodes, rankUnits } from './ranking.js';
import { type RatingDecision, rateUnit } from './rating.js';
import { type RewardDecision, proposeRewards } from './rewards.js';
import { type SanctionDecision, decideSanction } from './sanctions.js';
import { type UnitAssessment, assessUnit } from './sections.js';

/** Everything the rules need for one evaluation year, already read and validated. */
export interface YearInput {
  readonly year: number;
  readonly units: readonly Unit[];
  readonly persons: readonly Person[];
  readonly scores: readonly ScoreRow[];
  /** The previous year's scores; null when that file is absent (a data gap, said once). */
  readonly previousScores: readonly ScoreRow[] | null;
  readonly selfReports: readonly SelfReportRow[];
  readonly followUps: readonly FollowUp[];
}

/** A data gap the rules found: the run goes on, and the gap is listed as a warning. */
export type Gap =
  | { readonly kind: 'no-report'; readonly unitCode: string }
  | {
      readonly kind: 'missing-item';
      readonly unitCode: string;
      readonly itemCode: string;
      readonly reason: 'blank' | 'no-row';
      readonly source?: SourceRef;
    }
  | {
      readonly kind: 'not-applicable-without-note';
      readonly unitCode: string;
      readonly itemCode: string;
      readonly accepted: boolean;
      readonly source?: SourceRef;
    }
  | { readonly kind: 'no-score'; readonly unitCode: string }
  | { readonly kind: 'no-previous-year'; readonly year: number }
  | { readonly kind: 'no-previous-score'; readonly unitCode: string; readonly year: number }
  | {
      readonly kind: 'official-rank-differs';
      readonly unitCode: string;
      readonly officialRank: number;
      readonly rank: number;
    };

/** The follow-up facts that count, for a unit absent from follow-up: all false. */
export interface FollowUpFacts {
  readonly slow: boolean;
  readonly reviewDemanded: boolean;
  readonly exceptionalAchievement: boolean;
  readonly note: string;
  readonly source?: SourceRef;
}

export interface UnitEvaluation {
  readonly unit: Unit;
  readonly assessment: UnitAssessment;
  /** This year's rank, or undefined when the unit has no score. */
  readonly rank: RankedUnit | undefined;
  readonly group: RankGroup | undefined;
  /** Last year's rank, or undefined when there is none. */
  readonly previousRank: RankedUnit | undefined;
  readonly previousGroup: RankGroup | undefined;
  readonly followUp: FollowUpFacts;
  readonly rating: RatingDecision;
  readonly rewards: readonly RewardDecision[];
  readonly sanction: SanctionDecision;
}

export interface PersonEvaluation {
  readonly person: Person;
  readonly unit: UnitEvaluation;
  /**
   * Why this person is rated: the clause that brings in the heads of the unit's block (or the
   * configured block's legal basis), or the clause on assigned deputies.
   */
  readonly roleCitation: Citation;
}

export interface YearEvaluation {
  readonly year: number;
  readonly policy: Policy;
  readonly ranking: Ranking;
  /** Null when the previous year's scores are absent. */
  readonly previousRanking: Ranking | null;
  readonly units: readonly UnitEvaluation[];
  /** One row per responsible person, in the order of units then heads before deputies. */
  readonly persons: readonly PersonEvaluation[];
  readonly gaps: readonly Gap[];
}

/** Who is rated, and under which provision: the deputy clause, or the basis of the unit's block. */
export function roleCitation(
  role: Person['role'],
  block: Block,
  policy: Pick<Policy, 'regulation' | 'blocks'>,
): Citation {
  if (role === 'deputy') return policy.regulation.deputyBasis;
  const def = policy.blocks.find((b) => b.code === block);
  if (def === undefined) throw new Error(`roleCitation: block ${block} is not a block of the run`);
  return def.basis;
}

const NO_FOLLOW_UP: FollowUpFacts = { slow: false, reviewDemanded: false, exceptionalAchievement: false, note: '' };

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list === undefined) map.set(key(row), [row]);
    else list.push(row);
  }
  return map;
}

function toRankInputs(scores: readonly ScoreRow[]) {
  return scores.map((row) => ({
    unitCode: row.unitCode,
    block: row.block,
    score: row.score,
    officialRank: row.officialRank ?? null,
  }));
}

function gapsOfAssessment(assessment: UnitAssessment): Gap[] {
  if (!assessment.hasReport) return [{ kind: 'no-report', unitCode: assessment.unitCode }];
  const gaps: Gap[] = [];
  for (const item of assessment.items) {
    const where = item.source === undefined ? {} : { source: item.source };
    if (item.missing === 'blank' || item.missing === 'no-row') {
      gaps.push({
        kind: 'missing-item',
        unitCode: assessment.unitCode,
        itemCode: item.item.code,
        reason: item.missing,
        ...where,
      });
    } else if (item.notApplicableWithoutNote) {
      gaps.push({
        kind: 'not-applicable-without-note',
        unitCode: assessment.unitCode,
        itemCode: item.item.code,
        accepted: item.missing === null,
        ...where,
      });
    }
  }
  return gaps;
}

/**
 * Applies the whole regulation to one year: each unit's section results, the ranking of this
 * year and the year before, each unit's rating, rewards and sanction, and one row per
 * responsible person. Pure: same input, same result.
 */
export function evaluateYear(input: YearInput, policy: Policy): YearEvaluation {
  const { regulation } = policy;
  const ranking = rankUnits(toRankInputs(input.scores), policy);
  const previousRanking = input.previousScores === null ? null : rankUnits(toRankInputs(input.previousScores), policy);

  const rankOf = new Map(ranking.ranked.map((r) => [r.unitCode, r]));
  const previousRankOf = new Map((previousRanking?.ranked ?? []).map((r) => [r.unitCode, r]));
  const groupOf = (r: Ranking | null, rank: RankedUnit | undefined) =>
    rank === undefined ? undefined : r?.groups.find((g) => g.scope === rank.scope);
  const reportsByUnit = groupBy(input.selfReports, (row) => row.unitCode);
  const followUpOf = new Map(input.followUps.map((f) => [f.unitCode, f]));
  const scored = new Set(input.scores.filter((s) => s.score !== null).map((s) => s.unitCode));

  const gaps: Gap[] = [];
  if (input.previousScores === null) gaps.push({ kind: 'no-previous-year', year: input.year - 1 });

  // Units in a fixed order whatever the order of the input rows: the policy's blocks in order, then code.
  const blockIndex = new Map(policy.blocks.map((b, i) => [b.code, i]));
  const blockOrder = (block: Block) => blockIndex.get(block) ?? blockIndex.size;
  const units = [...input.units].sort(
    (a, b) => blockOrder(a.block) - blockOrder(b.block) || compareCodes(a.code, b.code),
  );
  const evaluations: UnitEvaluation[] = units.map((unit) => {
    const assessment = assessUnit(unit.code, reportsByUnit.get(unit.code) ?? [], policy);
    gaps.push(...gapsOfAssessment(assessment));
    const rank = rankOf.get(unit.code);
    if (!scored.has(unit.code)) gaps.push({ kind: 'no-score', unitCode: unit.code });
    const previousRank = previousRankOf.get(unit.code);
    if (previousRanking !== null && previousRank === undefined) {
      gaps.push({ kind: 'no-previous-score', unitCode: unit.code, year: input.year - 1 });
    }
    const group = groupOf(ranking, rank);
    const previousGroup = groupOf(previousRanking, previousRank);
    const followUp = followUpOf.get(unit.code) ?? NO_FOLLOW_UP;
    const rating = rateUnit(assessment, rank, group, regulation);
    const rewards = proposeRewards(rating.outcome, followUp.exceptionalAchievement, regulation);
    const sanction = decideSanction(
      {
        rating: rating.outcome,
        violatedSections: assessment.violatedSections.length,
        undeterminedSections: assessment.undeterminedSections.length,
        slow: followUp.slow,
        bottomThisYear: rank?.bottom ?? false,
        bottomPreviousYear: previousRank === undefined ? null : previousRank.bottom,
        reviewDemanded: followUp.reviewDemanded,
      },
      policy,
    );
    return { unit, assessment, rank, group, previousRank, previousGroup, followUp, rating, rewards, sanction };
  });

  for (const disagreement of ranking.rankDisagreements) gaps.push({ kind: 'official-rank-differs', ...disagreement });

  const personsByUnit = groupBy(input.persons, (p) => p.unitCode);
  const known = new Set(units.map((u) => u.code));
  for (const person of input.persons) {
    if (!known.has(person.unitCode))
      throw new Error(`evaluateYear: person ${person.name} belongs to unknown unit ${person.unitCode}`);
  }
  const persons: PersonEvaluation[] = [];
  for (const evaluation of evaluations) {
    // Heads first, then deputies in the order the units file lists them (a stable sort).
    const own = [...(personsByUnit.get(evaluation.unit.code) ?? [])].sort((a, b) =>
      a.role === b.role ? 0 : a.role === 'head' ? -1 : 1,
    );
    for (const person of own) {
      persons.push({
        person,
        unit: evaluation,
        roleCitation: roleCitation(person.role, evaluation.unit.block, policy),
      });
    }
  }
  return { year: input.year, policy, ranking, previousRanking, units: evaluations, persons, gaps };
}
