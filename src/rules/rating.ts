import { type Citation, cite } from './citation.js';
import type { SectionNumber } from './checklist.js';
import type { RankGroup, RankedUnit } from './ranking.js';
import type { UnitAssessment } from './sections.js';

/** The ratings of Điều 15, plus `thieu-du-lieu` for a person who cannot be rated on the data given. */
export type Rating = 'xuat-sac' | 'hoan-thanh' | 'khong-hoan-thanh' | 'thieu-du-lieu';
export const RATINGS: readonly Rating[] = ['xuat-sac', 'hoan-thanh', 'khong-hoan-thanh', 'thieu-du-lieu'];

/** Which branch of the rule decided. */
export type RatingReason =
  /** At least one of Mục 1–4 is violated (Điều 15 khoản 3). */
  | 'violated-sections'
  /** The unit sent no self-report. */
  | 'no-report'
  /** No section is violated, but an item has no usable status. */
  | 'missing-items'
  /** No section violated, and the unit is in the top 20% group (Điều 15 khoản 1). */
  | 'top-group'
  /** No section violated, ranked but not in the top 20% group (Điều 15 khoản 2). */
  | 'not-top-group'
  /** No section violated, and the unit has no score this year, so it cannot be in the top group (Điều 15 khoản 2). */
  | 'unranked';

export interface RatingFacts {
  readonly violatedSections: readonly SectionNumber[];
  readonly undeterminedSections: readonly SectionNumber[];
  /** Codes of items with no usable status. */
  readonly missingItems: readonly string[];
  readonly hasReport: boolean;
  readonly rank: number | null;
  readonly n: number | null;
  readonly topSize: number | null;
  readonly top: boolean;
}

export interface RatingDecision {
  readonly outcome: Rating;
  readonly reason: RatingReason;
  readonly citations: readonly Citation[];
  readonly facts: RatingFacts;
}

export const RATING_CITATIONS = {
  excellent: cite(15, 1),
  completed: cite(15, 2),
  notCompleted: cite(15, 3),
  /** Điều 19: the annual report to Sở TT&TT, without which the head cannot be rated. */
  reporting: cite(19),
} as const;

/**
 * Rates the responsible persons of a unit (Điều 15). A known violation decides on its own
 * (khoản 3), whatever else is missing; otherwise missing data means `thieu-du-lieu`, never a
 * silent "met"; otherwise the top 20% group decides between khoản 1 and khoản 2.
 */
export function rateUnit(assessment: UnitAssessment, rank: RankedUnit | undefined, group: RankGroup | undefined): RatingDecision {
  const missingItems = assessment.items.filter((item) => item.missing !== null).map((item) => item.item.code);
  const facts: RatingFacts = {
    violatedSections: assessment.violatedSections,
    undeterminedSections: assessment.undeterminedSections,
    missingItems,
    hasReport: assessment.hasReport,
    rank: rank?.rank ?? null,
    n: group?.n ?? null,
    topSize: group?.topSize ?? null,
    top: rank?.top ?? false,
  };
  if (!assessment.hasReport) {
    return { outcome: 'thieu-du-lieu', reason: 'no-report', citations: [RATING_CITATIONS.reporting], facts };
  }
  if (assessment.violatedSections.length > 0) {
    const itemCitations = assessment.sections.flatMap((s) => s.citations);
    return {
      outcome: 'khong-hoan-thanh',
      reason: 'violated-sections',
      citations: [RATING_CITATIONS.notCompleted, ...itemCitations],
      facts,
    };
  }
  if (missingItems.length > 0) {
    return { outcome: 'thieu-du-lieu', reason: 'missing-items', citations: [RATING_CITATIONS.notCompleted], facts };
  }
  if (rank === undefined) {
    return { outcome: 'hoan-thanh', reason: 'unranked', citations: [RATING_CITATIONS.completed], facts };
  }
  if (rank.top) {
    return { outcome: 'xuat-sac', reason: 'top-group', citations: [RATING_CITATIONS.excellent], facts };
  }
  return { outcome: 'hoan-thanh', reason: 'not-top-group', citations: [RATING_CITATIONS.completed], facts };
}
