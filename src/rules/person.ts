import type { Block, Person } from '../domain.js';
import { holdsHeadPost } from '../domain.js';
import type { Citation } from './citation.js';
import type { Policy } from './policy.js';
import { deputyRating, ratePerson } from './rating.js';
import { type RewardDecision, adHocReward, rewardConsideration } from './rewards.js';
import { type SanctionForm, decideSanction } from './sanctions.js';
import { counts } from './sections.js';
import { sameName } from './names.js';
import type { YearInput, Judgement, UnitEvaluation, ReviewReason, PersonEvaluation } from './evaluation.js';

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

/** The rating and the sanction (table only) for a scope of sections of a unit. */
export function judge(
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
export function headedLastYear(
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
export function evaluatePerson(
  person: Person,
  unit: UnitEvaluation,
  input: YearInput,
  policy: Policy,
): PersonEvaluation {
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
    reviewReasons: reasons,
    notes,
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
