import type {
  AssessmentRow,
  FollowUp,
  ItemStatus,
  Person,
  RowList,
  ScoreRow,
  SelfReportRow,
  SourceRef,
  Unit,
} from '../domain.js';
import type { Citation } from './citation.js';
import type { Policy } from './policy.js';
import type { RankGroup, RankedUnit, Ranking } from './ranking.js';
import type { RatingDecision } from './rating.js';
import type { RewardDecision } from './rewards.js';
import type { PreviousBottom, SanctionDecision, SanctionForm } from './sanctions.js';
import type { UnitAssessment } from './sections.js';

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
