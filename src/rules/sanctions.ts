import type { Citation } from './citation.js';
import type { PolicyParameters } from './policy.js';
import type { Rating } from './rating.js';
import type { Regulation, SanctionCondition, SanctionForm, UncoveredCaseDef } from './regulation.js';

export type { SanctionForm } from './regulation.js';

/** The forms of the sanction points, `can-xem-xet` for a case they do not settle, `thieu-du-lieu` when the data cannot decide. */
export type Sanction = 'canh-cao' | 'khien-trach' | 'phe-binh' | 'can-xem-xet' | 'thieu-du-lieu';

/** The facts the sanction points look at, for one unit and year. */
export interface SanctionFacts {
  readonly rating: Rating;
  /** v: the number of sections known to be violated. */
  readonly violatedSections: number;
  /** Sections not violated whose result is unknown because an item is missing. */
  readonly undeterminedSections: number;
  /** Chậm triển khai thực hiện các kết luận của UBND tỉnh về CNTT. */
  readonly slow: boolean;
  /** In the bottom group this year. */
  readonly bottomThisYear: boolean;
  /** In the bottom group the year before; null when there is no ranking of the unit for that year. */
  readonly bottomPreviousYear: boolean | null;
  /** The superior body has required a self-criticism review. */
  readonly reviewDemanded: boolean;
}

export type SanctionReason =
  /** Rated xuat-sac or hoan-thanh: no sanction. */
  | 'not-applicable'
  /** Rated thieu-du-lieu: no sanction, listed as missing data. */
  | 'not-rated'
  /** A sanction point applies (the most severe one when several do). */
  | 'clause'
  /** No point applies: a case the regulation does not settle. */
  | 'uncovered'
  /** Missing items leave v unknown, and the possible values of v lead to different outcomes. */
  | 'uncertain';

export type SanctionNote =
  /** bottom2 was taken as false because the unit has no ranking for the previous year (rules.md). */
  | 'previous-year-missing'
  /** v is only a lower bound (an item is missing), yet every possible v gives the same outcome. */
  | 'certain-despite-missing-items';

export interface SanctionDecision {
  readonly outcome: Sanction | null;
  readonly reason: SanctionReason;
  readonly citations: readonly Citation[];
  /** bottom2: in the bottom group this year AND the year before. */
  readonly bottomTwoYears: boolean;
  /** The points whose conditions hold, most severe first. */
  readonly applicableClauses: readonly SanctionForm[];
  /** For an uncovered case: which one, and whether the policy mapped it to a form. */
  readonly uncoveredCase: string | null;
  readonly mappedByPolicy: boolean;
  /** For an uncovered case: the points nearest to the facts, for Sở Nội vụ to weigh. */
  readonly nearestClauses: readonly Citation[];
  /** For an uncertain case: the outcomes the possible values of v lead to. */
  readonly possibleOutcomes: readonly Sanction[];
  readonly notes: readonly SanctionNote[];
  readonly facts: SanctionFacts;
}

/** Whether the facts meet a point's condition (or a `when` of a nearest point): every fact it names must hold. */
function holds(
  condition: Partial<SanctionCondition>,
  v: number,
  facts: SanctionFacts,
  bottomTwoYears: boolean,
): boolean {
  return (
    (condition.violated === undefined || condition.violated.includes(v)) &&
    (condition.slow === undefined || condition.slow === facts.slow) &&
    (condition.bottomTwoYears === undefined || condition.bottomTwoYears === bottomTwoYears) &&
    (condition.reviewDemanded === undefined || condition.reviewDemanded === facts.reviewDemanded)
  );
}

/** The sanction points whose literal conditions hold, most severe first (the regulation's order). */
export function applicableClauses(
  regulation: Regulation,
  v: number,
  facts: SanctionFacts,
  bottomTwoYears: boolean,
): SanctionForm[] {
  return regulation.sanctionRules
    .filter((rule) => holds(rule.condition, v, facts, bottomTwoYears))
    .map((rule) => rule.form);
}

/** Which uncovered case of the regulation a violation count falls in, when no point applies. */
export function uncoveredCaseOf(regulation: Regulation, v: number): UncoveredCaseDef {
  const found = regulation.uncoveredCases.find((c) => c.violated.includes(v));
  if (found === undefined) throw new Error(`${regulation.id}: no uncovered case for ${v} violated sections`);
  return found;
}

interface Outcome {
  readonly outcome: Sanction;
  readonly reason: 'clause' | 'uncovered';
  readonly citations: readonly Citation[];
  readonly applicableClauses: readonly SanctionForm[];
  readonly uncoveredCase: string | null;
  readonly mappedByPolicy: boolean;
  readonly nearestClauses: readonly Citation[];
}

function outcomeFor(
  regulation: Regulation,
  v: number,
  facts: SanctionFacts,
  bottomTwoYears: boolean,
  parameters: Pick<PolicyParameters, 'uncoveredCases'>,
): Outcome {
  const forms = applicableClauses(regulation, v, facts, bottomTwoYears);
  const mostSevere = regulation.sanctionRules.find((rule) => rule.form === forms[0]);
  if (mostSevere !== undefined) {
    return {
      outcome: mostSevere.form,
      reason: 'clause',
      citations: [mostSevere.citation],
      applicableClauses: forms,
      uncoveredCase: null,
      mappedByPolicy: false,
      nearestClauses: [],
    };
  }
  const kase = uncoveredCaseOf(regulation, v);
  const mapped = parameters.uncoveredCases[kase.id] ?? 'can-xem-xet';
  return {
    outcome: mapped,
    reason: 'uncovered',
    citations: [regulation.citations.sanctionsOpening, regulation.citations.homeAffairs],
    applicableClauses: [],
    uncoveredCase: kase.id,
    mappedByPolicy: mapped !== 'can-xem-xet',
    nearestClauses: kase.nearest
      .filter((n) => n.when === undefined || holds(n.when, v, facts, bottomTwoYears))
      .map((n) => n.citation),
  };
}

/**
 * The sanction proposal for a person rated `khong-hoan-thanh`: the most severe point of the
 * regulation whose literal conditions hold; `can-xem-xet` (or the form the policy maps it to)
 * where none does; `thieu-du-lieu` when missing items leave the number of violated sections,
 * and so the outcome, open. Other ratings get no sanction.
 */
export function decideSanction(
  facts: SanctionFacts,
  policy: { readonly regulation: Regulation; readonly parameters: Pick<PolicyParameters, 'uncoveredCases'> },
): SanctionDecision {
  const { regulation, parameters } = policy;
  const sectionCount = regulation.sections.length;
  const notes: SanctionNote[] = [];
  if (facts.bottomPreviousYear === null) notes.push('previous-year-missing');
  // rules.md: bottom2 with no score for the previous year is false, and the output says so.
  const bottomTwoYears = facts.bottomThisYear && facts.bottomPreviousYear === true;
  const none = {
    bottomTwoYears,
    applicableClauses: [],
    uncoveredCase: null,
    mappedByPolicy: false,
    nearestClauses: [],
    possibleOutcomes: [],
    notes,
    facts,
  };
  if (facts.rating === 'xuat-sac' || facts.rating === 'hoan-thanh') {
    return { outcome: null, reason: 'not-applicable', citations: [regulation.citations.sanctions], ...none };
  }
  if (facts.rating === 'thieu-du-lieu') {
    return { outcome: null, reason: 'not-rated', citations: [regulation.citations.rating], ...none };
  }
  if (facts.violatedSections < 1 || facts.violatedSections > sectionCount) {
    throw new RangeError(
      `decideSanction: a khong-hoan-thanh rating needs 1 to ${sectionCount} violated sections, got ${facts.violatedSections}`,
    );
  }

  const highest = Math.min(sectionCount, facts.violatedSections + facts.undeterminedSections);
  const candidates: Outcome[] = [];
  for (let v = facts.violatedSections; v <= highest; v++)
    candidates.push(outcomeFor(regulation, v, facts, bottomTwoYears, parameters));
  const possibleOutcomes = [...new Set(candidates.map((c) => c.outcome))];
  const known = candidates[0];
  if (known === undefined) throw new Error('decideSanction: no candidate outcome');
  if (possibleOutcomes.length > 1) {
    return {
      ...none,
      outcome: 'thieu-du-lieu',
      reason: 'uncertain',
      citations: [regulation.citations.sanctionsOpening],
      possibleOutcomes,
    };
  }
  if (highest > facts.violatedSections) notes.push('certain-despite-missing-items');
  return { ...none, ...known, possibleOutcomes };
}
