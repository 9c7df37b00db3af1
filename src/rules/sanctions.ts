import type { Citation } from './citation.js';
import type { PolicyParameters } from './policy.js';
import type { Rating } from './rating.js';
import type { Regulation, SanctionCondition, SanctionForm, SanctionRule, UncoveredCaseDef } from './regulation.js';

/**
 * The sanction points of khoản 1 Điều 17, most severe first; the cases no point settles go to Sở Nội vụ for UBND tỉnh
 * (khoản 3 Điều 18). The points themselves are the regulation module's data (sanctionRules in
 * src/regulations/bn-358-2013/index.ts). Tests: test/rules/sanctions.test.ts.
 *
 * > a. Phê bình: Đối với trường hợp vi phạm hai hoặc một trong các mục của Quy định này (Mục 1, Mục 2, Mục 3, Mục 4)
 * > và chậm triển khai thực hiện các kết luận của UBND tỉnh về lĩnh vực công nghệ thông tin.
 * > b. Khiển trách: Đối với trường hợp vi phạm hai trong các mục của Quy định này (Mục 1, Mục 2, Mục 3, Mục 4), chậm
 * > triển khai thực hiện các kết luận của UBND tỉnh về lĩnh vực công nghệ thông tin, xếp hạng mức độ ứng dụng công nghệ
 * > thông tin nằm trong nhóm 15% cơ quan có kết quả thấp nhất trong hai năm liền.
 * > c. Cảnh cáo: Đối với những trường hợp vi phạm cả 4 mục của Quy định này thiếu trách nhiệm trong triển khai ứng dụng
 * > công nghệ thông tin mà cơ quan quản lý cấp trên yêu cầu phải kiểm điểm.
 */

export type { SanctionForm } from './regulation.js';

/** The forms of the sanction points, `can-xem-xet` for a case they do not settle, `thieu-du-lieu` when the data cannot decide. */
export type Sanction = 'canh-cao' | 'khien-trach' | 'phe-binh' | 'can-xem-xet' | 'thieu-du-lieu';

/**
 * The unit's place in last year's bottom group: in it, not in it, no data (no file, or a new unit:
 * taken as not in it, and said), or unsettled (a previous code absent from last year's scores, or a
 * merger whose units were not all in it: neither true nor false).
 */
export type PreviousBottom = 'bottom' | 'not-bottom' | 'no-data' | 'unsettled';

/** The facts the sanction points look at, for one person and year. */
export interface SanctionFacts {
  readonly rating: Rating;
  /** v: the number of sections known to be violated (among those the person answers for). */
  readonly violatedSections: number;
  /** Sections not violated whose result is unknown because an item is missing. */
  readonly undeterminedSections: number;
  /** Chậm triển khai thực hiện các kết luận của UBND tỉnh về CNTT. */
  readonly slow: boolean;
  /** In the bottom group this year; null when the unit has no rank. */
  readonly bottomThisYear: boolean | null;
  readonly bottomPrevious: PreviousBottom;
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
  | 'uncertain'
  /** Last year's bottom group cannot be settled, and the outcome depends on it. */
  | 'previous-year-unsettled';

export type SanctionNote =
  /** bottom2 was taken as false because the unit has no ranking for the previous year (rules.md). */
  | 'previous-year-missing'
  /** v is only a lower bound (an item is missing), yet every possible v gives the same outcome. */
  | 'certain-despite-missing-items';

export interface SanctionDecision {
  readonly outcome: Sanction | null;
  readonly reason: SanctionReason;
  readonly citations: readonly Citation[];
  /** bottom2: in the bottom group this year AND the year before; null when that cannot be settled. */
  readonly bottomTwoYears: boolean | null;
  /** The points whose conditions hold, most severe first. */
  readonly applicableClauses: readonly SanctionForm[];
  /** The applied point requires bottom2 (khiển trách under QĐ 358/2013). */
  readonly restsOnBottomTwoYears: boolean;
  /** For an uncovered case: which one, and whether the policy mapped it to a form. */
  readonly uncoveredCase: string | null;
  readonly mappedByPolicy: boolean;
  /** For an uncovered case: the points nearest to the facts, for Sở Nội vụ to weigh. */
  readonly nearestClauses: readonly Citation[];
  /** For an uncertain case: the outcomes the possible facts lead to. */
  readonly possibleOutcomes: readonly Sanction[];
  readonly notes: readonly SanctionNote[];
  /** Flags of points that do not apply although some of their facts hold (`point-c-flag`). */
  readonly flags: readonly string[];
  readonly facts: SanctionFacts;
}

type Parameters = Pick<PolicyParameters, 'uncoveredCases' | 'pointC'>;

/** Whether the facts meet a condition: every fact it names must hold. */
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

/** Whether a point applies: its condition, or the alternative reading the policy chose. */
function ruleHolds(
  rule: SanctionRule,
  v: number,
  facts: SanctionFacts,
  bottomTwoYears: boolean,
  parameters: Parameters,
): boolean {
  const alternative = rule.alternative;
  if (alternative !== undefined && parameters[alternative.parameter] === alternative.value) {
    return alternative.anyOf.some((condition) => holds(condition, v, facts, bottomTwoYears));
  }
  return holds(rule.condition, v, facts, bottomTwoYears);
}

/** The sanction points whose conditions hold, most severe first (the regulation's order). */
export function applicableClauses(
  regulation: Regulation,
  v: number,
  facts: SanctionFacts,
  bottomTwoYears: boolean,
  parameters: Parameters,
): SanctionForm[] {
  return regulation.sanctionRules
    .filter((rule) => ruleHolds(rule, v, facts, bottomTwoYears, parameters))
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
  readonly restsOnBottomTwoYears: boolean;
  readonly uncoveredCase: string | null;
  readonly mappedByPolicy: boolean;
  readonly nearestClauses: readonly Citation[];
}

function outcomeFor(
  regulation: Regulation,
  v: number,
  facts: SanctionFacts,
  bottomTwoYears: boolean,
  parameters: Parameters,
): Outcome {
  const forms = applicableClauses(regulation, v, facts, bottomTwoYears, parameters);
  const mostSevere = regulation.sanctionRules.find((rule) => rule.form === forms[0]);
  if (mostSevere !== undefined) {
    return {
      outcome: mostSevere.form,
      reason: 'clause',
      citations: [mostSevere.citation],
      applicableClauses: forms,
      restsOnBottomTwoYears: mostSevere.condition.bottomTwoYears === true,
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
    restsOnBottomTwoYears: false,
    uncoveredCase: kase.id,
    mappedByPolicy: mapped !== 'can-xem-xet',
    nearestClauses: kase.nearest
      .filter((n) => n.when === undefined || holds(n.when, v, facts, bottomTwoYears))
      .map((n) => n.citation),
  };
}

/** The points behind a decision. */
type Clauses = Pick<
  SanctionDecision,
  'applicableClauses' | 'restsOnBottomTwoYears' | 'uncoveredCase' | 'mappedByPolicy' | 'nearestClauses'
>;
/** A decision's outcome, why, and its articles. */
type Verdict = Pick<SanctionDecision, 'outcome' | 'reason' | 'citations'>;

/** The points behind a decision that rests on none: no sanction, or an outcome left open. */
const noClause = (): Clauses => ({
  applicableClauses: [],
  restsOnBottomTwoYears: false,
  uncoveredCase: null,
  mappedByPolicy: false,
  nearestClauses: [],
});

/** Every decision is made here: the verdict, the clauses it rests on, and the rest, in one record of the same fields. */
function decision(
  verdict: Verdict,
  clauses: Clauses,
  rest: Pick<SanctionDecision, 'bottomTwoYears' | 'possibleOutcomes' | 'notes' | 'flags' | 'facts'>,
): SanctionDecision {
  return {
    outcome: verdict.outcome,
    reason: verdict.reason,
    citations: verdict.citations,
    bottomTwoYears: rest.bottomTwoYears,
    applicableClauses: clauses.applicableClauses,
    restsOnBottomTwoYears: clauses.restsOnBottomTwoYears,
    uncoveredCase: clauses.uncoveredCase,
    mappedByPolicy: clauses.mappedByPolicy,
    nearestClauses: clauses.nearestClauses,
    possibleOutcomes: rest.possibleOutcomes,
    notes: rest.notes,
    flags: rest.flags,
    facts: rest.facts,
  };
}

/**
 * The sanction proposal for a person rated `khong-hoan-thanh`: the most severe point of the
 * regulation whose conditions hold; `can-xem-xet` (or the form the policy maps it to) where none
 * does; `thieu-du-lieu` when missing items leave the number of violated sections, and so the
 * outcome, open; `can-xem-xet` when the outcome rests on last year's bottom group and that cannot
 * be settled. Other ratings get no sanction. The outcome is a proposal: Sở Nội vụ submits it to
 * UBND tỉnh, which decides.
 */
export function decideSanction(
  facts: SanctionFacts,
  policy: { readonly regulation: Regulation; readonly parameters: Parameters },
): SanctionDecision {
  const { regulation, parameters } = policy;
  const sectionCount = regulation.sections.length;
  const notes: SanctionNote[] = [];
  if (facts.bottomPrevious === 'no-data') notes.push('previous-year-missing');
  const unsettled = facts.bottomThisYear === true && facts.bottomPrevious === 'unsettled';
  const bottomTwoYears = unsettled ? null : facts.bottomThisYear === true && facts.bottomPrevious === 'bottom';
  const decided = (
    verdict: Verdict,
    clauses: Clauses,
    possibleOutcomes: readonly Sanction[],
    flags: readonly string[],
  ) => decision(verdict, clauses, { bottomTwoYears, possibleOutcomes, notes, flags, facts });
  if (facts.rating === 'xuat-sac' || facts.rating === 'hoan-thanh') {
    return decided(
      { outcome: null, reason: 'not-applicable', citations: [regulation.citations.sanctions] },
      noClause(),
      [],
      [],
    );
  }
  if (facts.rating === 'thieu-du-lieu')
    return decided({ outcome: null, reason: 'not-rated', citations: [] }, noClause(), [], []);
  if (facts.violatedSections < 1 || facts.violatedSections > sectionCount) {
    throw new RangeError(
      `decideSanction: a khong-hoan-thanh rating needs 1 to ${sectionCount} violated sections, got ${facts.violatedSections}`,
    );
  }

  const highest = Math.min(sectionCount, facts.violatedSections + facts.undeterminedSections);
  const readings = unsettled ? [true, false] : [bottomTwoYears === true];
  const candidates: { v: number; bottom2: boolean; outcome: Outcome }[] = [];
  for (let v = facts.violatedSections; v <= highest; v++) {
    for (const bottom2 of readings)
      candidates.push({ v, bottom2, outcome: outcomeFor(regulation, v, facts, bottom2, parameters) });
  }
  const possibleOutcomes = [...new Set(candidates.map((c) => c.outcome.outcome))];
  const known = candidates[0]?.outcome;
  if (known === undefined) throw new Error('decideSanction: no candidate outcome');
  if (possibleOutcomes.length > 1) {
    // Unknown items decide between the outcomes: missing data. Only last year's group does: a case to review.
    const byV = new Set(candidates.filter((c) => c.bottom2 === readings[0]).map((c) => c.outcome.outcome)).size > 1;
    return decided(
      {
        outcome: byV ? 'thieu-du-lieu' : 'can-xem-xet',
        reason: byV ? 'uncertain' : 'previous-year-unsettled',
        citations: byV
          ? [regulation.citations.sanctionsOpening]
          : [regulation.citations.sanctionsOpening, regulation.citations.homeAffairs],
      },
      noClause(),
      possibleOutcomes,
      [],
    );
  }
  if (highest > facts.violatedSections) notes.push('certain-despite-missing-items');
  const flags = regulation.sanctionRules
    .filter((rule) => rule.flag !== undefined && !known.applicableClauses.includes(rule.form))
    .filter(
      (rule) =>
        rule.flag !== undefined && holds(rule.flag.when, facts.violatedSections, facts, bottomTwoYears === true),
    )
    .map((rule) => rule.flag?.id ?? '');
  return decided(known, known, possibleOutcomes, flags);
}
