import { type Citation, cite, citeOpening } from './citation.js';
import type { PolicyParameters, UncoveredCase } from './policy.js';
import type { Rating } from './rating.js';

/** The forms of Điều 17 khoản 1, `can-xem-xet` for a case it does not settle, `thieu-du-lieu` when the data cannot decide. */
export type Sanction = 'canh-cao' | 'khien-trach' | 'phe-binh' | 'can-xem-xet' | 'thieu-du-lieu';

/** The three forms the regulation names, most severe first (rules.md: cảnh cáo > khiển trách > phê bình). */
export type SanctionForm = 'canh-cao' | 'khien-trach' | 'phe-binh';
export const SANCTION_FORMS_BY_SEVERITY: readonly SanctionForm[] = ['canh-cao', 'khien-trach', 'phe-binh'];

export const SANCTION_CITATIONS = {
  'phe-binh': cite(17, 1, 'a'),
  'khien-trach': cite(17, 1, 'b'),
  'canh-cao': cite(17, 1, 'c'),
  /** The opening paragraph of Điều 17 khoản 1: "tùy theo tính chất, mức độ vi phạm và hậu quả gây ra". */
  general: citeOpening(17, 1),
  /** Điều 18 khoản 3: Sở Nội vụ proposes rewards and discipline to UBND tỉnh. */
  homeAffairs: cite(18, 3),
} as const satisfies Record<string, Citation>;

/** The facts Điều 17 khoản 1 looks at, for one unit and year. */
export interface SanctionFacts {
  readonly rating: Rating;
  /** v: the number of sections known to be violated. */
  readonly violatedSections: number;
  /** Sections not violated whose result is unknown because an item is missing. */
  readonly undeterminedSections: number;
  /** Chậm triển khai thực hiện các kết luận của UBND tỉnh về CNTT. */
  readonly slow: boolean;
  /** In the bottom 15% group this year. */
  readonly bottomThisYear: boolean;
  /** In the bottom 15% group the year before; null when there is no ranking of the unit for that year. */
  readonly bottomPreviousYear: boolean | null;
  /** The superior body has required a self-criticism review. */
  readonly reviewDemanded: boolean;
}

export type SanctionReason =
  /** Rated xuat-sac or hoan-thanh: no sanction. */
  | 'not-applicable'
  /** Rated thieu-du-lieu: no sanction, listed as missing data. */
  | 'not-rated'
  /** A point of Điều 17 khoản 1 applies (the most severe one when several do). */
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
  /** bottom2: in the bottom 15% group this year AND the year before. */
  readonly bottomTwoYears: boolean;
  /** The points whose conditions hold, most severe first. */
  readonly applicableClauses: readonly SanctionForm[];
  /** For an uncovered case: which one, and whether the policy mapped it to a form. */
  readonly uncoveredCase: UncoveredCase | null;
  readonly mappedByPolicy: boolean;
  /** For an uncovered case: the points nearest to the facts, for Sở Nội vụ to weigh. */
  readonly nearestClauses: readonly Citation[];
  /** For an uncertain case: the outcomes the possible values of v lead to. */
  readonly possibleOutcomes: readonly Sanction[];
  readonly notes: readonly SanctionNote[];
  readonly facts: SanctionFacts;
}

/** The points of Điều 17 khoản 1 whose literal conditions hold, most severe first. */
export function applicableClauses(v: number, slow: boolean, bottomTwoYears: boolean, reviewDemanded: boolean): SanctionForm[] {
  const forms: SanctionForm[] = [];
  // c. Cảnh cáo: "vi phạm cả 4 mục ... mà cơ quan quản lý cấp trên yêu cầu phải kiểm điểm".
  if (v === 4 && reviewDemanded) forms.push('canh-cao');
  // b. Khiển trách: "vi phạm hai trong các mục ..., chậm triển khai ..., nhóm 15% ... thấp nhất trong hai năm liền".
  if (v === 2 && slow && bottomTwoYears) forms.push('khien-trach');
  // a. Phê bình: "vi phạm hai hoặc một trong các mục ... và chậm triển khai ...".
  if ((v === 1 || v === 2) && slow) forms.push('phe-binh');
  return forms;
}

/** Which uncovered case a violation count falls in, when no point applies. */
export function uncoveredCaseOf(v: number): UncoveredCase {
  if (v === 3) return 'v3';
  if (v >= 4) return 'v4-no-review';
  return 'v1-2-not-slow';
}

function nearestClausesOf(kase: UncoveredCase, v: number, bottomTwoYears: boolean): Citation[] {
  switch (kase) {
    case 'v1-2-not-slow':
      return v === 2 && bottomTwoYears
        ? [SANCTION_CITATIONS['phe-binh'], SANCTION_CITATIONS['khien-trach']]
        : [SANCTION_CITATIONS['phe-binh']];
    case 'v3':
      return [SANCTION_CITATIONS['phe-binh'], SANCTION_CITATIONS['khien-trach'], SANCTION_CITATIONS['canh-cao']];
    case 'v4-no-review':
      return [SANCTION_CITATIONS['canh-cao']];
  }
}

interface Outcome {
  readonly outcome: Sanction;
  readonly reason: 'clause' | 'uncovered';
  readonly citations: readonly Citation[];
  readonly applicableClauses: readonly SanctionForm[];
  readonly uncoveredCase: UncoveredCase | null;
  readonly mappedByPolicy: boolean;
  readonly nearestClauses: readonly Citation[];
}

function outcomeFor(v: number, facts: SanctionFacts, bottomTwoYears: boolean, parameters: Pick<PolicyParameters, 'uncoveredCases'>): Outcome {
  const forms = applicableClauses(v, facts.slow, bottomTwoYears, facts.reviewDemanded);
  const mostSevere = forms[0];
  if (mostSevere !== undefined) {
    return {
      outcome: mostSevere,
      reason: 'clause',
      citations: [SANCTION_CITATIONS[mostSevere]],
      applicableClauses: forms,
      uncoveredCase: null,
      mappedByPolicy: false,
      nearestClauses: [],
    };
  }
  const kase = uncoveredCaseOf(v);
  const mapped = parameters.uncoveredCases[kase];
  return {
    outcome: mapped,
    reason: 'uncovered',
    citations: [SANCTION_CITATIONS.general, SANCTION_CITATIONS.homeAffairs],
    applicableClauses: [],
    uncoveredCase: kase,
    mappedByPolicy: mapped !== 'can-xem-xet',
    nearestClauses: nearestClausesOf(kase, v, bottomTwoYears),
  };
}

/**
 * The sanction proposal of Điều 17 khoản 1 for a person rated `khong-hoan-thanh`: the most
 * severe point whose literal conditions hold; `can-xem-xet` (or the form the policy maps it to)
 * where none does; `thieu-du-lieu` when missing items leave the number of violated sections,
 * and so the outcome, open. Other ratings get no sanction.
 */
export function decideSanction(facts: SanctionFacts, parameters: Pick<PolicyParameters, 'uncoveredCases'>): SanctionDecision {
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
    return { outcome: null, reason: 'not-applicable', citations: [cite(17, 1)], ...none };
  }
  if (facts.rating === 'thieu-du-lieu') {
    return { outcome: null, reason: 'not-rated', citations: [cite(15)], ...none };
  }
  if (facts.violatedSections < 1 || facts.violatedSections > 4) {
    throw new RangeError(`decideSanction: a khong-hoan-thanh rating needs 1 to 4 violated sections, got ${facts.violatedSections}`);
  }

  const highest = Math.min(4, facts.violatedSections + facts.undeterminedSections);
  const candidates: Outcome[] = [];
  for (let v = facts.violatedSections; v <= highest; v++) candidates.push(outcomeFor(v, facts, bottomTwoYears, parameters));
  const possibleOutcomes = [...new Set(candidates.map((c) => c.outcome))];
  const known = candidates[0];
  if (known === undefined) throw new Error('decideSanction: no candidate outcome');
  if (possibleOutcomes.length > 1) {
    return {
      ...none,
      outcome: 'thieu-du-lieu',
      reason: 'uncertain',
      citations: [SANCTION_CITATIONS.general],
      possibleOutcomes,
    };
  }
  if (highest > facts.violatedSections) notes.push('certain-despite-missing-items');
  return { ...none, ...known, possibleOutcomes };
}
