import type { Citation } from './citation.js';
import type { RankGroup, RankedUnit } from './ranking.js';
import type { Regulation } from './regulation.js';
import { type UnitAssessment, counts } from './sections.js';

/**
 * The rating of Điều 15: what the data gives each person who answers (rules.md: a person who cannot be rated on the
 * data given is `thieu-du-lieu`, never a default). Tests: test/rules/rating.test.ts.
 *
 * > Điều 15. Đánh giá trách nhiệm người đứng đầu
 * > 1. Hoàn thành xuất sắc nhiệm vụ: Thực hiện đúng quy định tại Mục 1, Mục 2, Mục 3, Mục 4 của Quy định này và cơ
 * > quan có xếp hạng mức độ ứng dụng công nghệ thông tin tỉnh Bắc Ninh (ICT Index) thuộc nhóm 20% đơn vị có kết quả
 * > cao nhất.
 * > 2. Hoàn thành nhiệm vụ: Thực hiện tốt quy định tại Mục 1, Mục 2, Mục 3, Mục 4 của Quy định này.
 * > 3. Không hoàn thành nhiệm vụ: Có vi phạm quy định ít nhất 1 trong 4 mục của Quy định này.
 */

/** The three ratings of the regulation, plus `thieu-du-lieu` for a person who cannot be rated on the data given. */
export type Rating = 'xuat-sac' | 'hoan-thanh' | 'khong-hoan-thanh' | 'thieu-du-lieu';

/** Which branch of the rule decided. */
export type RatingReason =
  /** At least one section (of those the person answers for) is violated (the "not completed" clause). */
  | 'violated-sections'
  /** The unit sent no report and the department assessed nothing: no fact to rate on. */
  | 'no-report'
  /** No section violated, but an item the person answers for has no usable status. */
  | 'missing-items'
  /** No section violated, but the unit has no score (or rank) for the year: the top group cannot be settled. */
  | 'no-score'
  /** No section violated, and the unit is not ranked in the index: rated on its sections alone. */
  | 'not-in-index'
  /** No section violated, and the unit is in the top group (the "excellent" clause). */
  | 'top-group'
  /** No section violated, ranked but not in the top group (the "completed" clause). */
  | 'not-top-group'
  /**
   * A deputy whose assigned sections were met while the unit broke another section: the regulation says nothing of
   * it (Điều 15 speaks of Mục 1–4 together), and the stricter default (`deputyExcellence: unit`) gives "completed".
   */
  | 'deputy-unit-violated'
  /** The same deputy while another section of the unit is not settled: excellent or completed, by that section. */
  | 'deputy-unit-open';

export interface RatingFacts {
  /** The sections the person answers for (all for a head; the assigned ones for a deputy). */
  readonly scope: readonly number[];
  /** Violated sections among the scope. */
  readonly violatedSections: readonly number[];
  /** Sections of the scope with no violation whose result is unknown. */
  readonly undeterminedSections: readonly number[];
  /** Codes of counted items of the scope with no usable status. */
  readonly missingItems: readonly string[];
  readonly hasReport: boolean;
  readonly hasAssessment: boolean;
  readonly rank: number | null;
  readonly n: number | null;
  readonly topSize: number | null;
  readonly top: boolean | null;
  readonly inIndex: boolean;
}

export interface RatingDecision {
  readonly outcome: Rating;
  readonly reason: RatingReason;
  /** Set when the outcome rests on a default reading of text the regulation does not settle (rules.md v3). */
  readonly defaultReading?: 'deputy-excellence';
  /** The clause that decides; none for `thieu-du-lieu` (it states the missing facts instead). */
  readonly citations: readonly Citation[];
  /** For `thieu-du-lieu`: every rating the unknown facts could lead to. */
  readonly possibleRatings: readonly Rating[];
  readonly facts: RatingFacts;
}

/** The rating the rank alone gives a person with no violation: known, or the two it could be. */
function byRank(rank: RankedUnit | undefined, inIndex: boolean): readonly Rating[] {
  if (!inIndex) return ['hoan-thanh'];
  if (rank === undefined) return ['xuat-sac', 'hoan-thanh'];
  return [rank.top ? 'xuat-sac' : 'hoan-thanh'];
}

/**
 * Rates a person on the sections they answer for (all of them for a head or acting head; the
 * assigned ones for a deputy). A known violation decides on its own ("not completed"), whatever
 * else is missing; otherwise missing facts mean `thieu-du-lieu` with the ratings they could lead to,
 * never a silent "met" or a silent "completed"; otherwise the top group decides between "excellent"
 * and "completed", and a unit not ranked in the index is rated on its sections alone.
 */
export function ratePerson(
  assessment: UnitAssessment,
  scope: readonly number[],
  rank: RankedUnit | undefined,
  group: RankGroup | undefined,
  inIndex: boolean,
  regulation: Regulation,
): RatingDecision {
  const { citations } = regulation;
  const inScope = (section: number) => scope.includes(section);
  const facts: RatingFacts = {
    scope,
    violatedSections: assessment.violatedSections.filter(inScope),
    undeterminedSections: assessment.undeterminedSections.filter(inScope),
    missingItems: assessment.items
      .filter((i) => i.missing !== null && counts(i) && inScope(i.item.section))
      .map((i) => i.item.code),
    hasReport: assessment.hasReport,
    hasAssessment: assessment.hasAssessment,
    rank: rank?.rank ?? null,
    n: group?.n ?? null,
    topSize: group?.topSize ?? null,
    top: inIndex && rank !== undefined ? rank.top : null,
    inIndex,
  };
  const decided = (outcome: Rating, reason: RatingReason, cited: readonly Citation[]): RatingDecision => ({
    outcome,
    reason,
    citations: cited,
    possibleRatings: [],
    facts,
  });
  const unknown = (reason: RatingReason, possible: readonly Rating[]): RatingDecision => ({
    outcome: 'thieu-du-lieu',
    reason,
    citations: [],
    possibleRatings: [...new Set(possible)],
    facts,
  });
  if (facts.violatedSections.length > 0) {
    const itemCitations = assessment.sections.filter((s) => inScope(s.section)).flatMap((s) => s.citations);
    return decided('khong-hoan-thanh', 'violated-sections', [citations.notCompleted, ...itemCitations]);
  }
  const ranked = byRank(rank, inIndex);
  if (!assessment.hasReport && !assessment.hasAssessment) return unknown('no-report', [...ranked, 'khong-hoan-thanh']);
  if (facts.missingItems.length > 0) return unknown('missing-items', [...ranked, 'khong-hoan-thanh']);
  if (!inIndex) return decided('hoan-thanh', 'not-in-index', [citations.completed]);
  if (rank === undefined) return unknown('no-score', ranked);
  if (rank.top) return decided('xuat-sac', 'top-group', [citations.excellent]);
  return decided('hoan-thanh', 'not-top-group', [citations.completed]);
}

/**
 * A deputy answers "như người đứng đầu" for the sections assigned (khoản 3 Điều 2, khoản 1 Điều 4): a failure is
 * judged on those alone. For excellence Điều 15 has no words on a deputy assigned part of the sections: khoản 1 and 2
 * speak of "Mục 1, Mục 2, Mục 3, Mục 4". Under `deputyExcellence: unit` (the stricter default of rules.md v3), a deputy
 * the assigned sections would make excellent is excellent only if the unit broke no section: "completed" when it broke
 * another one, and not settled (excellent or completed) while another one is open. Under `assigned`, as v2 read it.
 */
export function deputyRating(
  rating: RatingDecision,
  unit: Pick<RatingFacts, 'violatedSections' | 'undeterminedSections'>,
  reading: 'unit' | 'assigned',
  regulation: Regulation,
): RatingDecision {
  const couldExcel =
    rating.outcome === 'xuat-sac' ||
    (rating.outcome === 'thieu-du-lieu' && rating.possibleRatings.includes('xuat-sac'));
  if (reading === 'assigned' || !couldExcel) return rating;
  const outside = (sections: readonly number[]) => sections.filter((s) => !rating.facts.scope.includes(s));
  if (outside(unit.violatedSections).length > 0) {
    // Whatever the rank: not excellent, and every assigned section met (or not yet known to be broken).
    if (rating.outcome === 'thieu-du-lieu' && rating.possibleRatings.includes('khong-hoan-thanh')) {
      return {
        ...rating,
        possibleRatings: rating.possibleRatings.filter((r) => r !== 'xuat-sac'),
        defaultReading: 'deputy-excellence',
      };
    }
    return {
      outcome: 'hoan-thanh',
      reason: 'deputy-unit-violated',
      citations: [regulation.citations.completed],
      possibleRatings: [],
      facts: rating.facts,
      defaultReading: 'deputy-excellence',
    };
  }
  if (rating.outcome === 'xuat-sac' && outside(unit.undeterminedSections).length > 0) {
    return {
      outcome: 'thieu-du-lieu',
      reason: 'deputy-unit-open',
      citations: [],
      possibleRatings: ['xuat-sac', 'hoan-thanh'],
      facts: rating.facts,
      defaultReading: 'deputy-excellence',
    };
  }
  return rating;
}
