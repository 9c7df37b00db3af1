import type { Block, Role } from '../../domain.js';
import { type Citation, formatCitation } from '../../rules/citation.js';
import type { PersonEvaluation, UnitEvaluation, YearEvaluation } from '../../rules/evaluate.js';
import type { Rating, RatingReason } from '../../rules/rating.js';
import type { Reward } from '../../rules/rewards.js';
import type { Sanction, SanctionReason } from '../../rules/sanctions.js';
import type { SectionStatus } from '../../rules/sections.js';

/** One responsible person's outcome, flattened for tables, workbooks and `--json`. */
export interface PersonRow {
  readonly unitCode: string;
  readonly unitName: string;
  readonly block: Block;
  readonly name: string;
  readonly position: string;
  readonly role: Role;
  readonly sections: readonly SectionStatus[];
  readonly violatedSections: readonly number[];
  readonly score: number | null;
  readonly rank: number | null;
  readonly n: number | null;
  readonly topSize: number | null;
  readonly bottomSize: number | null;
  readonly top: boolean;
  readonly bottom: boolean;
  /** In the bottom group last year; null when the unit has no ranking last year. */
  readonly bottomPrevious: boolean | null;
  readonly previousRank: number | null;
  readonly rating: Rating;
  readonly ratingReason: RatingReason;
  readonly rewards: readonly Reward[];
  readonly sanction: Sanction | null;
  readonly sanctionReason: SanctionReason;
  readonly slow: boolean;
  readonly reviewDemanded: boolean;
  readonly bottomTwoYears: boolean;
  /** Every article the person's outcome rests on, in order: role, rating, rewards, sanction. */
  readonly citations: readonly string[];
  readonly ratingCitations: readonly string[];
  readonly sanctionCitations: readonly string[];
  readonly evaluation: PersonEvaluation;
}

function unique(citations: readonly Citation[]): string[] {
  return [...new Set(citations.map(formatCitation))];
}

/** The rows of a year, one per responsible person, in the order of the evaluation. */
export function personRows(evaluation: YearEvaluation): PersonRow[] {
  return evaluation.persons.map((p) => personRow(p));
}

export function personRow(p: PersonEvaluation): PersonRow {
  const u: UnitEvaluation = p.unit;
  const sanctionCitations = u.sanction.outcome === null ? [] : unique(u.sanction.citations);
  return {
    unitCode: u.unit.code,
    unitName: u.unit.name,
    block: u.unit.block,
    name: p.person.name,
    position: p.person.position,
    role: p.person.role,
    sections: u.assessment.sections.map((s) => s.status),
    violatedSections: u.assessment.violatedSections,
    score: u.rank?.score ?? null,
    rank: u.rank?.rank ?? null,
    n: u.group?.n ?? null,
    topSize: u.group?.topSize ?? null,
    bottomSize: u.group?.bottomSize ?? null,
    top: u.rank?.top ?? false,
    bottom: u.rank?.bottom ?? false,
    bottomPrevious: u.previousRank === undefined ? null : u.previousRank.bottom,
    previousRank: u.previousRank?.rank ?? null,
    rating: u.rating.outcome,
    ratingReason: u.rating.reason,
    rewards: u.rewards.map((r) => r.outcome),
    sanction: u.sanction.outcome,
    sanctionReason: u.sanction.reason,
    slow: u.followUp.slow,
    reviewDemanded: u.followUp.reviewDemanded,
    bottomTwoYears: u.sanction.bottomTwoYears,
    citations: unique([
      p.roleCitation,
      ...u.rating.citations,
      ...u.rewards.flatMap((r) => r.citations),
      ...(u.sanction.outcome === null ? [] : u.sanction.citations),
    ]),
    ratingCitations: unique(u.rating.citations),
    sanctionCitations,
    evaluation: p,
  };
}

/** `1, 3` for sections 1 and 3; empty when none. */
export function sectionList(sections: readonly number[]): string {
  return sections.join(', ');
}
