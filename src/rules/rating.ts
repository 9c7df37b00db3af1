import type { Citation } from './citation.js';
import type { RankGroup, RankedUnit } from './ranking.js';
import type { Regulation } from './regulation.js';
import type { UnitAssessment } from './sections.js';

/** The three ratings of the regulation, plus `thieu-du-lieu` for a person who cannot be rated on the data given. */
export type Rating = 'xuat-sac' | 'hoan-thanh' | 'khong-hoan-thanh' | 'thieu-du-lieu';

/** Which branch of the rule decided. */
export type RatingReason =
  /** At least one section is violated (the "not completed" clause). */
  | 'violated-sections'
  /** The unit sent no self-report. */
  | 'no-report'
  /** No section is violated, but an item has no usable status. */
  | 'missing-items'
  /** No section violated, and the unit is in the top group (the "excellent" clause). */
  | 'top-group'
  /** No section violated, ranked but not in the top group (the "completed" clause). */
  | 'not-top-group'
  /** No section violated, and the unit has no score this year, so it cannot be in the top group. */
  | 'unranked';

export interface RatingFacts {
  readonly violatedSections: readonly number[];
  readonly undeterminedSections: readonly number[];
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

/**
 * Rates the responsible persons of a unit. A known violation decides on its own ("not
 * completed"), whatever else is missing; otherwise missing data means `thieu-du-lieu`, never a
 * silent "met"; otherwise the top group decides between "excellent" and "completed". Without a
 * report the unit cannot be rated (the reporting article is cited).
 */
export function rateUnit(
  assessment: UnitAssessment,
  rank: RankedUnit | undefined,
  group: RankGroup | undefined,
  regulation: Regulation,
): RatingDecision {
  const { citations } = regulation;
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
    return { outcome: 'thieu-du-lieu', reason: 'no-report', citations: [citations.reporting], facts };
  }
  if (assessment.violatedSections.length > 0) {
    const itemCitations = assessment.sections.flatMap((s) => s.citations);
    return {
      outcome: 'khong-hoan-thanh',
      reason: 'violated-sections',
      citations: [citations.notCompleted, ...itemCitations],
      facts,
    };
  }
  if (missingItems.length > 0) {
    return { outcome: 'thieu-du-lieu', reason: 'missing-items', citations: [citations.notCompleted], facts };
  }
  if (rank === undefined) {
    return { outcome: 'hoan-thanh', reason: 'unranked', citations: [citations.completed], facts };
  }
  if (rank.top) {
    return { outcome: 'xuat-sac', reason: 'top-group', citations: [citations.excellent], facts };
  }
  return { outcome: 'hoan-thanh', reason: 'not-top-group', citations: [citations.completed], facts };
}
