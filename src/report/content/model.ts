import type { Block, Period, Role } from '../../domain.js';
import { type Citation, formatCitation } from '../../rules/citation.js';
import type { PersonEvaluation, UnitEvaluation, YearEvaluation } from '../../rules/evaluate.js';
import type { Rating, RatingReason } from '../../rules/rating.js';
import type { Reward } from '../../rules/rewards.js';
import type { Sanction, SanctionReason } from '../../rules/sanctions.js';
import type { SectionStatus } from '../../rules/sections.js';
import { Shared, sharedList } from '../../pipeline/kept.js';

/** One responsible person's outcome, flattened for tables, workbooks and `--json`. */
export interface PersonRow {
  readonly unitCode: string;
  readonly unitName: string;
  readonly block: Block;
  readonly name: string;
  readonly position: string;
  readonly role: Role;
  /** When the person held the post in the year; null = the whole year. */
  readonly period: Period | null;
  /** A deputy's assigned sections (sorted); null for a head. */
  readonly assignedSections: readonly number[] | null;
  /** The unit's result per section; null for a section the person does not answer for. */
  readonly sections: readonly (SectionStatus | null)[];
  /** Violated sections among those the person answers for. */
  readonly violatedSections: readonly number[];
  readonly score: number | null;
  readonly rank: number | null;
  readonly n: number | null;
  readonly topSize: number | null;
  readonly bottomSize: number | null;
  /** In the top / bottom group this year; null when the unit has no rank (or is not ranked in the index). */
  readonly top: boolean | null;
  readonly bottom: boolean | null;
  /** In the bottom group last year; null when unknown, absent, or not applicable. */
  readonly bottomPrevious: boolean | null;
  readonly previousRank: number | null;
  readonly rating: Rating;
  readonly ratingReason: RatingReason;
  readonly possibleRatings: readonly Rating[];
  readonly rewards: readonly Reward[];
  readonly sanction: Sanction | null;
  readonly sanctionReason: SanctionReason;
  readonly reviewReasons: readonly string[];
  /** Remarks beside the outcome that do not send it to review (a default reading, a `note` policy choice). */
  readonly remarks: readonly string[];
  readonly slow: boolean;
  readonly reviewDemanded: boolean;
  readonly bottomTwoYears: boolean | null;
  /** Every provision the person's outcome rests on (short form), in order: role, rating, rewards, sanction. */
  readonly citations: readonly string[];
  readonly ratingCitations: readonly string[];
  readonly sanctionCitations: readonly string[];
  readonly evaluation: PersonEvaluation;
}

function unique(citations: readonly Citation[]): readonly string[] {
  return sharedList(CITATION_LISTS, [...new Set(citations.map((c) => formatCitation(c)))]);
}

/**
 * The lists of a person's row that many persons have alike, kept once (Shared in src/pipeline/kept.ts): a national
 * year's 11 000 rows have 20 different lists of section statuses, 2 of rewards and some 4 000 of citations; made for each
 * row, their arrays took 2.8 MB of the 50 MB a national year kept to its last workbook (bench/retained.mjs).
 */
const CITATION_LISTS = new Shared<readonly string[]>();
const SECTION_STATUSES = new Shared<readonly (SectionStatus | null)[]>();
const REWARD_LISTS = new Shared<readonly Reward[]>();

/** The forms of Điều 17 a person may be proposed for, most severe first. */
export const SANCTION_FORMS = ['canh-cao', 'khien-trach', 'phe-binh'] as const;

/** Proposed for a form of Điều 17: on the "Đề xuất xử lý" sheet, counted as "đề xuất xử lý" everywhere. */
export function isProposed(r: PersonRow): boolean {
  return r.sanction !== null && (SANCTION_FORMS as readonly string[]).includes(r.sanction);
}

/**
 * A unit the Sở has not assessed (no item of it in the Sở's file): its persons are the Sở's own open work (khoản 2
 * Điều 18: the Sở assesses every unit each year, reported or not), listed on "Sở cần đánh giá" and in the report to UBND
 * tỉnh, never on what goes to Sở Nội vụ, which acts "căn cứ vào kết quả đánh giá" of the Sở (khoản 3 Điều 18).
 */
export function awaitsAssessment(r: Pick<PersonRow, 'evaluation'>): boolean {
  return !r.evaluation.unit.assessment.hasAssessment;
}

/**
 * A case for Sở Nội vụ to weigh, among those the Sở has assessed: an uncovered or uncertain sanction, or any reason to
 * review (a head who changed, a point c flag, a unit that existed part of the year…). The "Cần xem xét" sheet, the
 * report's Phụ lục 3, the letter and every count of "cần xem xét" list exactly these.
 */
export function toReview(r: PersonRow): boolean {
  if (awaitsAssessment(r)) return false;
  return r.sanction === 'can-xem-xet' || r.sanction === 'thieu-du-lieu' || r.reviewReasons.length > 0;
}

/** The rows of a year, one per responsible person, in the order of the evaluation. */
export function personRows(evaluation: YearEvaluation): PersonRow[] {
  return evaluation.persons.map((p) => personRow(p));
}

/** Last year's bottom group as a fact: true, false, or null when it cannot be said. */
export function bottomPreviousOf(unit: UnitEvaluation): boolean | null {
  if (!unit.unit.inIndex) return null;
  switch (unit.previous.status) {
    case 'bottom':
      return true;
    case 'not-bottom':
      return false;
    case 'no-data':
    case 'unsettled':
      return null;
  }
}

export function personRow(p: PersonEvaluation): PersonRow {
  const u: UnitEvaluation = p.unit;
  const ranked = u.unit.inIndex ? u.rank : undefined;
  const sanctionCitations = p.sanction.outcome === null ? [] : unique(p.sanction.citations);
  const previousRanks = u.previous.ranks.map((r) => r.rank?.rank).filter((r) => r !== undefined);
  return {
    unitCode: u.unit.code,
    unitName: u.unit.name,
    block: u.unit.block,
    name: p.person.name,
    position: p.person.position,
    role: p.person.role,
    period: p.person.period,
    assignedSections: p.person.assignedSections,
    sections: sharedList(
      SECTION_STATUSES,
      u.assessment.sections.map((s) => (p.scope.includes(s.section) ? s.status : null)),
    ),
    violatedSections: p.rating.facts.violatedSections,
    score: ranked?.score ?? null,
    rank: ranked?.rank ?? null,
    n: u.group?.n ?? null,
    topSize: u.group?.topSize ?? null,
    bottomSize: u.group?.bottomSize ?? null,
    top: ranked === undefined ? null : ranked.top,
    bottom: ranked === undefined ? null : ranked.bottom,
    bottomPrevious: bottomPreviousOf(u),
    previousRank: previousRanks.length === 1 ? (previousRanks[0] ?? null) : null,
    rating: p.rating.outcome,
    ratingReason: p.rating.reason,
    possibleRatings: p.rating.possibleRatings,
    rewards: sharedList(
      REWARD_LISTS,
      p.rewards.map((r) => r.outcome),
    ),
    sanction: p.sanction.outcome,
    sanctionReason: p.sanction.reason,
    reviewReasons: p.reviewReasons,
    remarks: p.notes,
    slow: u.followUp.slow,
    reviewDemanded: u.followUp.reviewDemanded,
    bottomTwoYears: p.sanction.bottomTwoYears,
    citations: unique([
      p.roleCitation,
      ...p.rating.citations,
      ...p.rewards.flatMap((r) => r.citations),
      ...(p.sanction.outcome === null ? [] : p.sanction.citations),
    ]),
    ratingCitations: unique(p.rating.citations),
    sanctionCitations,
    evaluation: p,
  };
}

/** `1, 3` for sections 1 and 3; empty when none. */
export function sectionList(sections: readonly number[]): string {
  return sections.join(', ');
}
