import type {
  AssessmentRow,
  Block,
  FollowUp,
  ItemStatus,
  Person,
  RowList,
  ScoreRow,
  SelfReportRow,
  SourceRef,
  Unit,
} from '../domain.js';
import { holdsHeadPost } from '../domain.js';
import type { Citation } from './citation.js';
import { kept } from './kept.js';
import type { Policy } from './policy.js';
import { type RankGroup, type RankInput, type RankedUnit, type Ranking, compareCodes, rankUnits } from './ranking.js';
import { type RatingDecision, deputyRating, ratePerson } from './rating.js';
import { type RewardDecision, adHocReward, rewardConsideration } from './rewards.js';
import { type PreviousBottom, type SanctionDecision, type SanctionForm, decideSanction } from './sanctions.js';
import { type ItemResult, type UnitAssessment, assessUnit, counts } from './sections.js';
import { sameName } from './names.js';
import { inTerritory } from './legal.js';

/** Everything the rules need for one evaluation year, already read and validated. */
export interface YearInput {
  readonly year: number;
  readonly units: readonly Unit[];
  readonly persons: readonly Person[];
  /** This year's scores; units of the index that are not in the units file included (they count in N). */
  readonly scores: readonly ScoreRow[];
  /** The previous year's scores; null when that file is absent (a data gap, said once). */
  readonly previousScores: readonly ScoreRow[] | null;
  /** The previous year's responsible persons (`Y-1/units`), to know who was head then; null when absent. */
  readonly previousPersons: readonly Person[] | null;
  /** The units' self-reports: an array, or the readers' table (see RowList). */
  readonly selfReports: RowList<SelfReportRow>;
  /** The department's assessment of the items: an array, or the readers' table (see RowList). */
  readonly assessments: RowList<AssessmentRow>;
  readonly followUps: readonly FollowUp[];
}

/** A data gap the rules found: the run goes on, and the gap is listed as a warning. */
export type Gap =
  /** Neither a report nor an assessment: the unit's persons cannot be rated. */
  | { readonly kind: 'no-report'; readonly unitCode: string }
  /** Assessed, but the unit sent no report (a breach of the reporting duty): rated on the assessment. */
  | { readonly kind: 'report-missing'; readonly unitCode: string }
  /** Counted items the department has not assessed (missing data). */
  | { readonly kind: 'not-assessed'; readonly unitCode: string; readonly itemCodes: readonly string[] }
  /** Items whose result stands on the unit's self-assessment alone (`unassessedItems: self-report`). */
  | { readonly kind: 'self-report-accepted'; readonly unitCode: string; readonly itemCodes: readonly string[] }
  | {
      readonly kind: 'not-applicable-without-note';
      readonly unitCode: string;
      readonly itemCode: string;
      readonly accepted: boolean;
      readonly source?: SourceRef;
    }
  /** A status entered for an item whose article does not bind the unit: it is "Không áp dụng" by rule. */
  | {
      readonly kind: 'not-applicable-by-rule';
      readonly unitCode: string;
      readonly itemCode: string;
      readonly entered: ItemStatus;
      readonly source?: SourceRef;
    }
  | { readonly kind: 'no-score'; readonly unitCode: string }
  | { readonly kind: 'no-previous-year'; readonly year: number }
  | { readonly kind: 'no-previous-score'; readonly unitCode: string; readonly year: number }
  | {
      readonly kind: 'previous-unsettled';
      readonly unitCode: string;
      readonly codes: readonly string[];
      readonly year: number;
    }
  | {
      readonly kind: 'official-rank-differs';
      readonly unitCode: string;
      readonly officialRank: number;
      readonly rank: number;
      readonly used: 'official' | 'scores';
    }
  | { readonly kind: 'official-ranks'; readonly scope: string; readonly issue: 'incomplete' | 'inconsistent' }
  /** The regulation took effect during the year: it covers the year only in part. */
  | {
      readonly kind: 'regulation-partial-year';
      readonly year: number;
      readonly effective: string;
      readonly decision: string;
    }
  /** Units outside the regulation's territory (a former province, `Địa bàn`): listed, not rated. */
  | { readonly kind: 'out-of-scope'; readonly unitCodes: readonly string[]; readonly territory: string }
  /** A ranking group so small that k = 1 is far above the share (N = 3: 33%). */
  | {
      readonly kind: 'small-group';
      readonly scope: string;
      readonly n: number;
      readonly topSize: number;
      readonly bottomSize: number;
    }
  /** Last year's scores are of another index than this year's: "two years running" compares two indices. */
  | { readonly kind: 'index-changed'; readonly year: number; readonly previous: string; readonly current: string };

/** The follow-up facts that count, for a unit absent from follow-up: all false. */
export interface FollowUpFacts {
  readonly slow: boolean;
  readonly reviewDemanded: boolean;
  readonly reviewDocument: string;
  readonly exceptionalAchievement: boolean;
  readonly rewardRecipient: string;
  readonly note: string;
  readonly source?: SourceRef;
}

/** The unit's place in last year's ranking, by its code or its previous codes. */
export interface PreviousFacts {
  readonly status: PreviousBottom;
  /** The codes looked up in last year's ranking. */
  readonly codes: readonly string[];
  /** Last year's rank of each code, when it had one. */
  readonly ranks: readonly { readonly code: string; readonly rank: RankedUnit | undefined }[];
}

/** A rating and a sanction for one scope of sections (a head's: all; a deputy's: the assigned ones). */
export interface Judgement {
  readonly scope: readonly number[];
  readonly rating: RatingDecision;
  readonly sanction: SanctionDecision;
}

export interface UnitEvaluation {
  readonly unit: Unit;
  readonly assessment: UnitAssessment;
  /** This year's rank, or undefined when the unit has none. */
  readonly rank: RankedUnit | undefined;
  readonly group: RankGroup | undefined;
  readonly previous: PreviousFacts;
  readonly followUp: FollowUpFacts;
  /** The unit's result for the whole of its sections: what its head answers for (shown even with no head). */
  readonly whole: Judgement;
  /** The ad-hoc reward of the unit itself (an exceptional achievement with no named recipient). */
  readonly unitRewards: readonly RewardDecision[];
  /** The unit has no head or acting head in the units file. */
  readonly withoutHead: boolean;
  /** The unit existed for part of the year only (its own period), or is taken so by `mergedUnits: part-year`. */
  readonly partYear: boolean;
  /** The merger the unit went through during the year, with its act; `unconfirmed` when no act covers it. */
  readonly merger: { readonly from: string; readonly basis: string } | 'unconfirmed' | null;
}

/** Why a person's case goes to Sở Nội vụ for review, or is flagged there. */
export type ReviewReason =
  | 'uncovered'
  | 'part-year'
  | 'head-changed'
  | 'no-report'
  | 'point-c-flag'
  | 'previous-year-unsettled'
  | 'unit-part-year'
  | 'no-indicator';

export interface PersonEvaluation {
  readonly person: Person;
  readonly unit: UnitEvaluation;
  /** Why this person is rated: the clause of their block (or its configured basis), or the deputy clause. */
  readonly roleCitation: Citation;
  /** A head or acting head who held the post for only part of the year. */
  readonly partYear: boolean;
  /** A head who did not head the unit last year (by last year's units file); null when that file does not say. */
  readonly headChanged: boolean | null;
  readonly rating: RatingDecision;
  readonly rewards: readonly RewardDecision[];
  /** The rewards the tables give, withheld for review (a unit that existed part of the year); empty otherwise. */
  readonly withheldRewards: readonly RewardDecision[];
  readonly sanction: SanctionDecision;
  /** The form the table gives, withheld for review (part-year, head changed); null otherwise. */
  readonly withheld: SanctionForm | null;
  readonly reviewReasons: readonly string[];
  /**
   * What the outputs say beside the outcome without sending the case to review: a default reading (`deputy-excellence`),
   * a proposal kept although it rests on items with no indicator (`no-indicator`), a reward kept although the unit sent
   * no report (`no-report-reward`), under the policy's `note` choices.
   */
  readonly notes: readonly string[];
  /** The sections the person answers for. */
  readonly scope: readonly number[];
}

export interface YearEvaluation {
  readonly year: number;
  readonly policy: Policy;
  readonly ranking: Ranking;
  /** Null when the previous year's scores are absent. */
  readonly previousRanking: Ranking | null;
  readonly units: readonly UnitEvaluation[];
  /** One row per responsible person: units in block order then by code; heads (by period) before deputies. */
  readonly persons: readonly PersonEvaluation[];
  /** Units with no head or acting head: their result without a person. */
  readonly unitsWithoutHead: readonly UnitEvaluation[];
  /** Units of the index that are not in the units file: counted in N, listed, not rated. */
  readonly notRated: readonly RankedUnit[];
  /** Units of the units file outside the regulation's territory (rules.md v3): listed, not rated. */
  readonly outOfScope: readonly Unit[];
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

const NO_FOLLOW_UP: FollowUpFacts = {
  slow: false,
  reviewDemanded: false,
  reviewDocument: '',
  exceptionalAchievement: false,
  rewardRecipient: '',
  note: '',
};

/**
 * The positions of a list's rows, by unit: the rules take a unit's rows (rowsAt) when they assess it, so that the rows
 * of a table kept column by column are made one unit at a time, never all at once (issue #15).
 */
function positionsByUnit(rows: RowList<{ readonly unitCode: string }>): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let position = 0; position < rows.length; position++) {
    const unitCode = rows.unitCodeAt?.(position) ?? rows.at(position)?.unitCode;
    if (unitCode === undefined) continue;
    const list = map.get(unitCode);
    if (list === undefined) map.set(unitCode, [position]);
    else list.push(position);
  }
  return map;
}

function rowsAt<T>(rows: RowList<T>, positions: readonly number[] | undefined): T[] {
  const found: T[] = [];
  for (const position of positions ?? []) {
    const row = rows.at(position);
    if (row !== undefined) found.push(row);
  }
  return found;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list === undefined) map.set(key(row), [row]);
    else list.push(row);
  }
  return map;
}

function toRankInputs(scores: readonly ScoreRow[], units: ReadonlyMap<string, Unit> | null): RankInput[] {
  return scores.map((row) => {
    const unit = units?.get(row.unitCode);
    return {
      unitCode: row.unitCode,
      block: row.block,
      score: row.score,
      officialRank: row.officialRank ?? null,
      inIndex: row.notRanked !== true && unit?.inIndex !== false,
      rated: units === null || unit !== undefined,
    };
  });
}

/** Last year's bottom group for a unit: by its own code, or by every previous code it names. */
function previousFacts(
  unit: Unit,
  previousRanking: Ranking | null,
  previousRankOf: ReadonlyMap<string, RankedUnit>,
): PreviousFacts {
  const explicit = unit.previousCodes.length > 0;
  const codes = explicit ? unit.previousCodes : [unit.code];
  const ranks = codes.map((code) => ({ code, rank: previousRankOf.get(code) }));
  if (previousRanking === null) return { status: 'no-data', codes, ranks };
  if (ranks.some((r) => r.rank === undefined)) {
    // A named previous code absent from last year's scores cannot be settled; a unit's own code absent is a new unit.
    return { status: explicit ? 'unsettled' : 'no-data', codes, ranks };
  }
  const bottoms = ranks.filter((r) => r.rank?.bottom === true).length;
  const status: PreviousBottom = bottoms === ranks.length ? 'bottom' : bottoms === 0 ? 'not-bottom' : 'unsettled';
  return { status, codes, ranks };
}

/** An item's place, for a gap: made only then (a row makes its SourceRef when asked, and a year has 220 000 items). */
function where(item: ItemResult): { source?: SourceRef } {
  const { source } = item;
  return source === undefined ? {} : { source };
}

function gapsOfAssessment(unit: Unit, assessment: UnitAssessment): Gap[] {
  if (!assessment.hasReport && !assessment.hasAssessment) return [{ kind: 'no-report', unitCode: unit.code }];
  const gaps: Gap[] = [];
  if (!assessment.hasReport) gaps.push({ kind: 'report-missing', unitCode: unit.code });
  const notAssessed = assessment.items.filter((i) => i.missing === 'not-assessed' && counts(i)).map((i) => i.item.code);
  if (notAssessed.length > 0) gaps.push({ kind: 'not-assessed', unitCode: unit.code, itemCodes: notAssessed });
  if (assessment.selfDecided.length > 0) {
    gaps.push({
      kind: 'self-report-accepted',
      unitCode: unit.code,
      itemCodes: assessment.selfDecided.map((i) => i.item.code),
    });
  }
  for (const item of assessment.items) {
    if (item.notApplicableWithoutNote && counts(item)) {
      gaps.push({
        kind: 'not-applicable-without-note',
        unitCode: unit.code,
        itemCode: item.item.code,
        accepted: item.missing === null,
        ...where(item),
      });
    }
    // Only a "Không đạt" for an item that does not bind the unit could have changed an outcome: said.
    const entered = item.assessment ?? item.selfAssessment;
    if (item.notApplicableByRule && entered === 'khong-dat') {
      gaps.push({
        kind: 'not-applicable-by-rule',
        unitCode: unit.code,
        itemCode: item.item.code,
        entered,
        ...where(item),
      });
    }
  }
  return gaps;
}

/** The rating and the sanction (table only) for a scope of sections of a unit. */
function judge(
  unit: Omit<UnitEvaluation, 'whole' | 'unitRewards' | 'withoutHead'>,
  scope: readonly number[],
  policy: Policy,
  deputy = false,
): Judgement {
  const own = ratePerson(unit.assessment, scope, unit.rank, unit.group, unit.unit.inIndex, policy.regulation);
  // A deputy's excellence also looks at the sections not assigned (rules.md v3, deputyExcellence).
  const rating = deputy
    ? deputyRating(own, unit.assessment, policy.parameters.deputyExcellence, policy.regulation)
    : own;
  const sanction = decideSanction(
    {
      rating: rating.outcome,
      violatedSections: rating.facts.violatedSections.length,
      undeterminedSections: rating.facts.undeterminedSections.length,
      slow: unit.followUp.slow,
      bottomThisYear: unit.rank === undefined ? null : unit.rank.bottom,
      bottomPrevious: unit.previous.status,
      reviewDemanded: unit.followUp.reviewDemanded,
    },
    policy,
  );
  return { scope, rating, sanction };
}

/** Who headed the unit last year, by last year's units file; null when that file does not say. */
function headedLastYear(
  person: Person,
  unit: UnitEvaluation,
  previousPersons: readonly Person[] | null,
): boolean | null {
  if (previousPersons === null) return null;
  const heads = previousPersons.filter((p) => unit.previous.codes.includes(p.unitCode) && holdsHeadPost(p.role));
  if (heads.length === 0) return null;
  return heads.some((p) => sameName(p.name, person.name));
}

/**
 * One person's outcome: the judgement of the sections they answer for, then the cases the table does not settle for a
 * person, which go to review (`can-xem-xet`) with the form, or the reward, withheld: a head for part of the year (a
 * sanction, or the reward of an excellent rating), a head new since last year whose sanction rests on last year's
 * group, a unit that existed for part of the year (every reward and proposal), a head whose unit sent no report (the
 * reward of an excellent rating), a proposal resting on a violated section no failed item of which is linked to an
 * indicator of QĐ 15/2011 (when indicators are configured). Rewards follow the same care as sanctions (khoản 1 Điều 4).
 */
function evaluatePerson(person: Person, unit: UnitEvaluation, input: YearInput, policy: Policy): PersonEvaluation {
  const { regulation, parameters } = policy;
  const head = holdsHeadPost(person.role);
  const judgement = head ? unit.whole : judge(unit, person.assignedSections ?? [], policy, true);
  const partYear = head && person.period !== null;
  const headed = head ? headedLastYear(person, unit, input.previousPersons) : null;
  const headChanged = headed === null ? null : !headed;
  const reasons: string[] = [];
  const notes: string[] = [];
  let sanction = judgement.sanction;
  let withheld: SanctionForm | null = null;
  const table = sanction.outcome;
  const form: SanctionForm | null =
    table === 'canh-cao' || table === 'khien-trach' || table === 'phe-binh' ? table : null;
  const consideration = rewardConsideration(judgement.rating.outcome, head, regulation);
  let rewards: readonly RewardDecision[] = [
    ...consideration,
    ...(unit.followUp.exceptionalAchievement &&
    unit.followUp.rewardRecipient !== '' &&
    sameName(unit.followUp.rewardRecipient, person.name)
      ? [adHocReward(regulation)]
      : []),
  ];
  let withheldRewards: readonly RewardDecision[] = [];
  /**
   * The case goes to review for `reason`: the form the table gives is withheld, and so are the rewards `which` names
   * (the consideration an excellent rating gives, or every reward).
   */
  const review = (reason: ReviewReason, which: 'none' | 'consideration' | 'all') => {
    if (!reasons.includes(reason)) reasons.push(reason);
    if (form !== null && withheld === null) {
      withheld = form;
      sanction = {
        ...sanction,
        outcome: 'can-xem-xet',
        citations: [regulation.citations.sanctionsOpening, regulation.citations.homeAffairs],
      };
    }
    const held = rewards.filter(
      (r) => which === 'all' || (which === 'consideration' && r.reason === 'excellent-rating'),
    );
    if (held.length > 0) {
      withheldRewards = [...withheldRewards, ...held];
      rewards = rewards.filter((r) => !held.includes(r));
    }
  };
  if (judgement.rating.reason === 'no-report') reasons.push('no-report');
  if (sanction.reason === 'uncovered') reasons.push('uncovered');
  if (sanction.reason === 'previous-year-unsettled') reasons.push('previous-year-unsettled');
  if (partYear && parameters.partYearHeads === 'can-xem-xet' && (form !== null || consideration.length > 0))
    review('part-year', 'consideration');
  if (headChanged === true && sanction.restsOnBottomTwoYears) review('head-changed', 'none');
  // rules.md v3: a unit that existed for part of the year — its persons' ratings are shown, with no reward and no
  // sanction proposal, and the case goes to review.
  if (unit.partYear && parameters.partYearUnits === 'can-xem-xet') review('unit-part-year', 'all');
  // A head rated excellent whose unit sent no report (Điều 19): not reporting is no breach of Mục 1–4, but the reward
  // waits for review.
  if (consideration.length > 0 && !unit.assessment.hasReport) {
    if (parameters.rewardWithoutReport === 'review') review('no-report', 'consideration');
    else notes.push('no-report-reward');
  }
  if (form !== null && unlinkedSections(unit, judgement, policy).length > 0) {
    if (parameters.itemsWithoutIndicator === 'review') review('no-indicator', 'none');
    else notes.push('no-indicator');
  }
  if (judgement.rating.defaultReading !== undefined) notes.push(judgement.rating.defaultReading);
  for (const flag of sanction.flags) reasons.push(flag);
  return {
    person,
    unit,
    roleCitation: roleCitation(person.role, unit.unit.block, policy),
    partYear,
    headChanged,
    rating: judgement.rating,
    rewards,
    withheldRewards,
    sanction,
    withheld,
    reviewReasons: kept(reasons),
    notes: kept(notes),
    scope: judgement.scope,
  };
}

/**
 * The violated sections a proposal rests on none of whose failed items is linked to an indicator of QĐ 15/2011 (the
 * opening of khoản 1 Điều 17 takes the concrete indicators from it, rules.md v3); none while no indicator is configured
 * (then the Sở's assessment stands for their application, and the basis sheet says so).
 */
export function unlinkedSections(
  unit: Pick<UnitEvaluation, 'assessment'>,
  judgement: Pick<Judgement, 'rating'>,
  policy: Pick<Policy, 'indicators'>,
): number[] {
  if (policy.indicators.size === 0) return [];
  return judgement.rating.facts.violatedSections.filter(
    (section) =>
      !unit.assessment.items.some(
        (item) =>
          item.item.section === section &&
          item.status === 'khong-dat' &&
          counts(item) &&
          policy.indicators.has(item.item.code),
      ),
  );
}

/** Heads and acting heads first, by the start of their period; then deputies in the order of the units file. */
function personOrder(a: Person, b: Person): number {
  const aHead = holdsHeadPost(a.role);
  const bHead = holdsHeadPost(b.role);
  if (aHead !== bHead) return aHead ? -1 : 1;
  if (!aHead) return 0;
  const aFrom = a.period?.from ?? '';
  const bFrom = b.period?.from ?? '';
  return aFrom < bFrom ? -1 : aFrom > bFrom ? 1 : 0;
}

/**
 * Applies the whole regulation to one year: each unit's section results, the ranking of this
 * year and the year before, and for each responsible person the rating, rewards and sanction
 * proposal on the sections they answer for. Pure: same input, same result.
 */
export function evaluateYear(input: YearInput, policy: Policy, reuse?: ReusedEvaluation): YearEvaluation {
  const { regulation } = policy;
  const reused = reusedAssessments(policy, reuse);
  // Units outside the regulation's territory (a former province, with no act extending the regulation to it) are
  // listed, not rated; they still count in the index's N, as every unit the index ranks does.
  const outOfScope =
    policy.legal.territory === undefined ? input.units.filter((u) => !inTerritory(regulation, u.territory ?? '')) : [];
  const outside = new Set(outOfScope.map((u) => u.code));
  const unitMap = new Map(input.units.filter((u) => !outside.has(u.code)).map((u) => [u.code, u]));
  const ranking = rankUnits(toRankInputs(input.scores, unitMap), policy);
  const previousRanking =
    input.previousScores === null ? null : rankUnits(toRankInputs(input.previousScores, null), policy);
  const rankOf = new Map(ranking.ranked.map((r) => [r.unitCode, r]));
  const previousRankOf = new Map((previousRanking?.ranked ?? []).map((r) => [r.unitCode, r]));
  const groupOf = (r: Ranking | null, rank: RankedUnit | undefined) =>
    rank === undefined ? undefined : r?.groups.find((g) => g.scope === rank.scope);
  // The rows by unit, made the first time a unit's section results are not reused.
  let rowsByUnit: { reports: Map<string, number[]>; assessments: Map<string, number[]> } | undefined;
  const rowsOf = (code: string) => {
    rowsByUnit ??= { reports: positionsByUnit(input.selfReports), assessments: positionsByUnit(input.assessments) };
    return {
      reports: rowsAt(input.selfReports, rowsByUnit.reports.get(code)),
      assessments: rowsAt(input.assessments, rowsByUnit.assessments.get(code)),
    };
  };
  const followUpOf = new Map(input.followUps.map((f) => [f.unitCode, f]));
  const personsByUnit = groupBy(input.persons, (p) => p.unitCode);
  const allSections = regulation.sections.map((s) => s.number);

  const gaps: Gap[] = [];
  if (regulation.effective > `${String(input.year).padStart(4, '0')}-01-01`) {
    gaps.push({
      kind: 'regulation-partial-year',
      year: input.year,
      effective: regulation.effective,
      decision: regulation.decision,
    });
  }
  if (input.previousScores === null) gaps.push({ kind: 'no-previous-year', year: input.year - 1 });
  if (outOfScope.length > 0)
    gaps.push({
      kind: 'out-of-scope',
      unitCodes: outOfScope.map((u) => u.code),
      territory: regulation.context.territory?.name ?? '',
    });

  // Units in a fixed order whatever the order of the input rows: the policy's blocks in order, then code.
  const blockIndex = new Map(policy.blocks.map((b, i) => [b.code, i]));
  const blockOrder = (block: Block) => blockIndex.get(block) ?? blockIndex.size;
  const notInIndex = new Set(ranking.unranked.filter((u) => u.reason === 'not-in-index').map((u) => u.unitCode));
  const units = [...unitMap.values()].sort(
    (a, b) => blockOrder(a.block) - blockOrder(b.block) || compareCodes(a.code, b.code),
  );
  const evaluations: UnitEvaluation[] = units.map((unit) => {
    const assessment =
      reused?.get(unit.code) ??
      (() => {
        const rows = rowsOf(unit.code);
        return assessUnit(unit, rows.reports, rows.assessments, policy);
      })();
    for (const gap of gapsOfAssessment(unit, assessment)) gaps.push(gap);
    const rank = rankOf.get(unit.code);
    if (rank === undefined && unit.inIndex && !notInIndex.has(unit.code)) {
      gaps.push({ kind: 'no-score', unitCode: unit.code });
    }
    const previous = previousFacts(unit, previousRanking, previousRankOf);
    if (previousRanking !== null && previous.status === 'no-data')
      gaps.push({ kind: 'no-previous-score', unitCode: unit.code, year: input.year - 1 });
    if (previous.status === 'unsettled')
      gaps.push({ kind: 'previous-unsettled', unitCode: unit.code, codes: previous.codes, year: input.year - 1 });
    const group = groupOf(ranking, rank);
    const followUp = followUpOf.get(unit.code) ?? NO_FOLLOW_UP;
    const own = personsByUnit.get(unit.code) ?? [];
    const merger = mergerOf(unit, input.year, policy);
    const partYear =
      (unit.period ?? null) !== null ||
      (merger !== null && merger !== 'unconfirmed' && policy.parameters.mergedUnits === 'part-year');
    const base = { unit, assessment, rank, group, previous, followUp, partYear, merger };
    // One literal, not `{ ...base, whole }`: see decideSanction (a hidden class per unit otherwise).
    return {
      unit,
      assessment,
      rank,
      group,
      previous,
      followUp,
      partYear,
      merger,
      whole: judge(base, allSections, policy),
      unitRewards: followUp.exceptionalAchievement && followUp.rewardRecipient === '' ? [adHocReward(regulation)] : [],
      withoutHead: !own.some((p) => holdsHeadPost(p.role)),
    };
  });

  for (const gap of rankingGaps(ranking, policy)) gaps.push(gap);

  const known = new Set(units.map((u) => u.code));
  for (const person of input.persons) {
    if (!known.has(person.unitCode) && !outside.has(person.unitCode))
      throw new Error(`evaluateYear: person ${person.name} belongs to unknown unit ${person.unitCode}`);
  }
  const persons: PersonEvaluation[] = [];
  for (const evaluation of evaluations) {
    const own = [...(personsByUnit.get(evaluation.unit.code) ?? [])].sort(personOrder);
    for (const person of own) persons.push(evaluatePerson(person, evaluation, input, policy));
  }
  return {
    year: input.year,
    policy,
    ranking,
    previousRanking,
    units: evaluations,
    persons,
    unitsWithoutHead: evaluations.filter((u) => u.withoutHead),
    notRated: ranking.ranked.filter((r) => !r.rated && !outside.has(r.unitCode)),
    outOfScope,
    gaps,
  };
}

/**
 * Another evaluation of the same input (`what-if` decides a year again under each contested reading): its section
 * results are taken as they are when its policy decides items as this one does — the same regulation module and blocks
 * (the same objects), and the same three parameters an item's status depends on. Anything else decides them again.
 */
export interface ReusedEvaluation {
  readonly policy: Policy;
  readonly units: readonly UnitEvaluation[];
}

function reusedAssessments(policy: Policy, reuse: ReusedEvaluation | undefined): Map<string, UnitAssessment> | null {
  if (reuse === undefined) return null;
  const a = policy.parameters;
  const b = reuse.policy.parameters;
  const same =
    policy.regulation === reuse.policy.regulation &&
    policy.blocks === reuse.policy.blocks &&
    a.unassessedItems === b.unassessedItems &&
    a.notApplicableWithoutNote === b.notApplicableWithoutNote &&
    a.informationOnlyItems.join() === b.informationOnlyItems.join();
  return same ? new Map(reuse.units.map((u) => [u.unit.code, u.assessment])) : null;
}

/**
 * What a ranking says of its own data: official ranks that differ from the scores or cannot be used, and groups so
 * small that k = 1 is far above the share (rules.md v3: N = 3 gives 33%, said beside N and k).
 */
export function rankingGaps(ranking: Ranking, policy: Pick<Policy, 'parameters'>): Gap[] {
  const gaps: Gap[] = [];
  for (const d of ranking.rankDisagreements) gaps.push({ kind: 'official-rank-differs', ...d });
  for (const issue of ranking.officialRankIssues) gaps.push({ kind: 'official-ranks', ...issue });
  for (const g of ranking.groups) {
    if (g.n > 0 && (g.topSize > policy.parameters.topShare * g.n || g.bottomSize > policy.parameters.bottomShare * g.n))
      gaps.push({ kind: 'small-group', scope: g.scope, n: g.n, topSize: g.topSize, bottomSize: g.bottomSize });
  }
  return gaps;
}

/**
 * The merger a unit went through during the year (rules.md v3, "Departments that continue through a merger"): a
 * department of the regulation's province that existed on both sides of the day the province was merged, and the
 * configuration's `legal.mergers` entry that covers it (by code, or "all-departments"), or `unconfirmed` without one.
 */
function mergerOf(unit: Unit, year: number, policy: Policy): UnitEvaluation['merger'] {
  const territory = policy.regulation.context.territory;
  const start = `${String(year).padStart(4, '0')}-01-01`;
  const end = `${String(year).padStart(4, '0')}-12-31`;
  const from = unit.period?.from ?? start;
  const to = unit.period?.to ?? end;
  const entry = (policy.legal.mergers ?? []).find(
    (m) =>
      m.from > from &&
      m.from <= to &&
      (m.units === 'all-departments'
        ? territory?.departmentKinds.includes(unit.kind) === true
        : m.units.some((code) => code.toUpperCase() === unit.code)),
  );
  if (entry !== undefined) return { from: entry.from, basis: entry.basis };
  if (territory === undefined || !territory.departmentKinds.includes(unit.kind)) return null;
  return territory.mergedOn > from && territory.mergedOn <= to ? 'unconfirmed' : null;
}
