import type { Block, Person, RowList, ScoreRow, SourceRef, Unit } from '../domain.js';
import { holdsHeadPost } from '../domain.js';
import type { Policy } from './policy.js';
import { type RankInput, type RankedUnit, type Ranking, compareCodes, rankUnits } from './ranking.js';
import { adHocReward } from './rewards.js';
import type { PreviousBottom } from './sanctions.js';
import {
  type AssessmentStore,
  type ItemResult,
  type UnitAssessment,
  PLAIN_STORE,
  assessUnit,
  counts,
} from './sections.js';
import { inTerritory } from './legal.js';
import type {
  YearInput,
  Gap,
  FollowUpFacts,
  PreviousFacts,
  UnitEvaluation,
  PersonEvaluation,
  YearEvaluation,
} from './evaluation.js';
import { judge, evaluatePerson } from './person.js';

const NO_FOLLOW_UP: FollowUpFacts = {
  slow: false,
  reviewDemanded: false,
  reviewDocument: '',
  exceptionalAchievement: false,
  rewardRecipient: '',
  note: '',
};

/**
 * The positions of a list's rows, by unit: the rules take a unit's rows (rowsAt) when they assess it, however the
 * list keeps them.
 */
function positionsByUnit(rows: RowList<{ readonly unitCode: string }>): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let position = 0; position < rows.length; position++) {
    const unitCode = rows.unitCodeAt?.(position) ?? rows.at(position)?.unitCode;
    if (unitCode === undefined) continue;
    const list = map.get(unitCode);
    if (list === undefined) map.set(unitCode, [position]);
    else list.push(position);
  }
  return map;
}

function rowsAt<T>(rows: RowList<T>, positions: readonly number[] | undefined): T[] {
  const found: T[] = [];
  for (const position of positions ?? []) {
    const row = rows.at(position);
    if (row !== undefined) found.push(row);
  }
  return found;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list === undefined) map.set(key(row), [row]);
    else list.push(row);
  }
  return map;
}

function toRankInputs(scores: readonly ScoreRow[], units: ReadonlyMap<string, Unit> | null): RankInput[] {
  return scores.map((row) => {
    const unit = units?.get(row.unitCode);
    return {
      unitCode: row.unitCode,
      block: row.block,
      score: row.score,
      officialRank: row.officialRank ?? null,
      inIndex: row.notRanked !== true && unit?.inIndex !== false,
      rated: units === null || unit !== undefined,
    };
  });
}

/** Last year's bottom group for a unit: by its own code, or by every previous code it names. */
function previousFacts(
  unit: Unit,
  previousRanking: Ranking | null,
  previousRankOf: ReadonlyMap<string, RankedUnit>,
): PreviousFacts {
  const explicit = unit.previousCodes.length > 0;
  const codes = explicit ? unit.previousCodes : [unit.code];
  const ranks = codes.map((code) => ({ code, rank: previousRankOf.get(code) }));
  if (previousRanking === null) return { status: 'no-data', codes, ranks };
  if (ranks.some((r) => r.rank === undefined)) {
    // A named previous code absent from last year's scores cannot be settled; a unit's own code absent is a new unit.
    return { status: explicit ? 'unsettled' : 'no-data', codes, ranks };
  }
  const bottoms = ranks.filter((r) => r.rank?.bottom === true).length;
  const status: PreviousBottom = bottoms === ranks.length ? 'bottom' : bottoms === 0 ? 'not-bottom' : 'unsettled';
  return { status, codes, ranks };
}

/** An item's place, for a gap: made only then (a row makes its SourceRef when asked, and a year has 220 000 items). */
function where(item: ItemResult): { source?: SourceRef } {
  const { source } = item;
  return source === undefined ? {} : { source };
}

function gapsOfAssessment(unit: Unit, assessment: UnitAssessment): Gap[] {
  if (!assessment.hasReport && !assessment.hasAssessment) return [{ kind: 'no-report', unitCode: unit.code }];
  const gaps: Gap[] = [];
  if (!assessment.hasReport) gaps.push({ kind: 'report-missing', unitCode: unit.code });
  const notAssessed = assessment.items.filter((i) => i.missing === 'not-assessed' && counts(i)).map((i) => i.item.code);
  if (notAssessed.length > 0) gaps.push({ kind: 'not-assessed', unitCode: unit.code, itemCodes: notAssessed });
  if (assessment.selfDecided.length > 0) {
    gaps.push({
      kind: 'self-report-accepted',
      unitCode: unit.code,
      itemCodes: assessment.selfDecided.map((i) => i.item.code),
    });
  }
  for (const item of assessment.items) {
    if (item.notApplicableWithoutNote && counts(item)) {
      gaps.push({
        kind: 'not-applicable-without-note',
        unitCode: unit.code,
        itemCode: item.item.code,
        accepted: item.missing === null,
        ...where(item),
      });
    }
    // Only a "Không đạt" for an item that does not bind the unit could have changed an outcome: said.
    const entered = item.assessment ?? item.selfAssessment;
    if (item.notApplicableByRule && entered === 'khong-dat') {
      gaps.push({
        kind: 'not-applicable-by-rule',
        unitCode: unit.code,
        itemCode: item.item.code,
        entered,
        ...where(item),
      });
    }
  }
  return gaps;
}

/** Heads and acting heads first, by the start of their period; then deputies in the order of the units file. */
function personOrder(a: Person, b: Person): number {
  const aHead = holdsHeadPost(a.role);
  const bHead = holdsHeadPost(b.role);
  if (aHead !== bHead) return aHead ? -1 : 1;
  if (!aHead) return 0;
  const aFrom = a.period?.from ?? '';
  const bFrom = b.period?.from ?? '';
  return aFrom < bFrom ? -1 : aFrom > bFrom ? 1 : 0;
}

/**
 * Applies the whole regulation to one year: each unit's section results, the ranking of this
 * year and the year before, and for each responsible person the rating, rewards and sanction
 * proposal on the sections they answer for. Pure: same input, same result.
 */
export function evaluateYear(
  input: YearInput,
  policy: Policy,
  reuse?: ReusedEvaluation,
  /** How the units' results are kept: the rules' plain records, or the pipeline's compact store (a national year). */
  store: AssessmentStore = PLAIN_STORE,
): YearEvaluation {
  const { regulation } = policy;
  const reused = reusedAssessments(policy, reuse);
  // Units outside the regulation's territory (a former province, with no act extending the regulation to it) are
  // listed, not rated; they still count in the index's N, as every unit the index ranks does.
  const outOfScope =
    policy.legal.territory === undefined ? input.units.filter((u) => !inTerritory(regulation, u.territory ?? '')) : [];
  const outside = new Set(outOfScope.map((u) => u.code));
  const unitMap = new Map(input.units.filter((u) => !outside.has(u.code)).map((u) => [u.code, u]));
  const ranking = rankUnits(toRankInputs(input.scores, unitMap), policy);
  const previousRanking =
    input.previousScores === null ? null : rankUnits(toRankInputs(input.previousScores, null), policy);
  const rankOf = new Map(ranking.ranked.map((r) => [r.unitCode, r]));
  const previousRankOf = new Map((previousRanking?.ranked ?? []).map((r) => [r.unitCode, r]));
  const groupOf = (r: Ranking | null, rank: RankedUnit | undefined) =>
    rank === undefined ? undefined : r?.groups.find((g) => g.scope === rank.scope);
  // The rows by unit, made the first time a unit's section results are not reused.
  let rowsByUnit: { reports: Map<string, number[]>; assessments: Map<string, number[]> } | undefined;
  const rowsOf = (code: string) => {
    rowsByUnit ??= { reports: positionsByUnit(input.selfReports), assessments: positionsByUnit(input.assessments) };
    return {
      reports: rowsAt(input.selfReports, rowsByUnit.reports.get(code)),
      assessments: rowsAt(input.assessments, rowsByUnit.assessments.get(code)),
    };
  };
  const followUpOf = new Map(input.followUps.map((f) => [f.unitCode, f]));
  const personsByUnit = groupBy(input.persons, (p) => p.unitCode);
  const allSections = regulation.sections.map((s) => s.number);

  const gaps: Gap[] = [];
  if (regulation.effective > `${String(input.year).padStart(4, '0')}-01-01`) {
    gaps.push({
      kind: 'regulation-partial-year',
      year: input.year,
      effective: regulation.effective,
      decision: regulation.decision,
    });
  }
  if (input.previousScores === null) gaps.push({ kind: 'no-previous-year', year: input.year - 1 });
  if (outOfScope.length > 0)
    gaps.push({
      kind: 'out-of-scope',
      unitCodes: outOfScope.map((u) => u.code),
      territory: regulation.context.territory?.name ?? '',
    });

  // Units in a fixed order whatever the order of the input rows: the policy's blocks in order, then code.
  const blockIndex = new Map(policy.blocks.map((b, i) => [b.code, i]));
  const blockOrder = (block: Block) => blockIndex.get(block) ?? blockIndex.size;
  const notInIndex = new Set(ranking.unranked.filter((u) => u.reason === 'not-in-index').map((u) => u.unitCode));
  const units = [...unitMap.values()].sort(
    (a, b) => blockOrder(a.block) - blockOrder(b.block) || compareCodes(a.code, b.code),
  );
  const evaluations: UnitEvaluation[] = units.map((unit) => {
    const assessment =
      reused?.get(unit.code) ??
      (() => {
        const rows = rowsOf(unit.code);
        return assessUnit(unit, rows.reports, rows.assessments, policy, store);
      })();
    for (const gap of gapsOfAssessment(unit, assessment)) gaps.push(gap);
    const rank = rankOf.get(unit.code);
    if (rank === undefined && unit.inIndex && !notInIndex.has(unit.code)) {
      gaps.push({ kind: 'no-score', unitCode: unit.code });
    }
    const previous = previousFacts(unit, previousRanking, previousRankOf);
    if (previousRanking !== null && previous.status === 'no-data')
      gaps.push({ kind: 'no-previous-score', unitCode: unit.code, year: input.year - 1 });
    if (previous.status === 'unsettled')
      gaps.push({ kind: 'previous-unsettled', unitCode: unit.code, codes: previous.codes, year: input.year - 1 });
    const group = groupOf(ranking, rank);
    const followUp = followUpOf.get(unit.code) ?? NO_FOLLOW_UP;
    const own = personsByUnit.get(unit.code) ?? [];
    const merger = mergerOf(unit, input.year, policy);
    const partYear =
      (unit.period ?? null) !== null ||
      (merger !== null && merger !== 'unconfirmed' && policy.parameters.mergedUnits === 'part-year');
    const base = { unit, assessment, rank, group, previous, followUp, partYear, merger };
    return {
      unit,
      assessment,
      rank,
      group,
      previous,
      followUp,
      partYear,
      merger,
      whole: judge(base, allSections, policy),
      unitRewards: followUp.exceptionalAchievement && followUp.rewardRecipient === '' ? [adHocReward(regulation)] : [],
      withoutHead: !own.some((p) => holdsHeadPost(p.role)),
    };
  });

  for (const gap of rankingGaps(ranking, policy)) gaps.push(gap);

  const known = new Set(units.map((u) => u.code));
  for (const person of input.persons) {
    if (!known.has(person.unitCode) && !outside.has(person.unitCode))
      throw new Error(`evaluateYear: person ${person.name} belongs to unknown unit ${person.unitCode}`);
  }
  const persons: PersonEvaluation[] = [];
  for (const evaluation of evaluations) {
    const own = [...(personsByUnit.get(evaluation.unit.code) ?? [])].sort(personOrder);
    for (const person of own) persons.push(evaluatePerson(person, evaluation, input, policy));
  }
  return {
    year: input.year,
    policy,
    ranking,
    previousRanking,
    units: evaluations,
    persons,
    unitsWithoutHead: evaluations.filter((u) => u.withoutHead),
    notRated: ranking.ranked.filter((r) => !r.rated && !outside.has(r.unitCode)),
    outOfScope,
    gaps,
  };
}

/**
 * Another evaluation of the same input (`what-if` decides a year again under each contested reading): its section
 * results are taken as they are when its policy decides items as this one does — the same regulation module and blocks
 * (the same objects), and the same three parameters an item's status depends on. Anything else decides them again.
 */
export interface ReusedEvaluation {
  readonly policy: Policy;
  readonly units: readonly UnitEvaluation[];
}

function reusedAssessments(policy: Policy, reuse: ReusedEvaluation | undefined): Map<string, UnitAssessment> | null {
  if (reuse === undefined) return null;
  const a = policy.parameters;
  const b = reuse.policy.parameters;
  const same =
    policy.regulation === reuse.policy.regulation &&
    policy.blocks === reuse.policy.blocks &&
    a.unassessedItems === b.unassessedItems &&
    a.notApplicableWithoutNote === b.notApplicableWithoutNote &&
    a.informationOnlyItems.join() === b.informationOnlyItems.join();
  return same ? new Map(reuse.units.map((u) => [u.unit.code, u.assessment])) : null;
}

/**
 * What a ranking says of its own data: official ranks that differ from the scores or cannot be used, and groups so
 * small that k = 1 is far above the share (rules.md v3: N = 3 gives 33%, said beside N and k).
 */
export function rankingGaps(ranking: Ranking, policy: Pick<Policy, 'parameters'>): Gap[] {
  const gaps: Gap[] = [];
  for (const d of ranking.rankDisagreements) gaps.push({ kind: 'official-rank-differs', ...d });
  for (const issue of ranking.officialRankIssues) gaps.push({ kind: 'official-ranks', ...issue });
  for (const g of ranking.groups) {
    if (g.n > 0 && (g.topSize > policy.parameters.topShare * g.n || g.bottomSize > policy.parameters.bottomShare * g.n))
      gaps.push({ kind: 'small-group', scope: g.scope, n: g.n, topSize: g.topSize, bottomSize: g.bottomSize });
  }
  return gaps;
}

/**
 * The merger a unit went through during the year (rules.md v3, "Departments that continue through a merger"): a
 * department of the regulation's province that existed on both sides of the day the province was merged, and the
 * configuration's `legal.mergers` entry that covers it (by code, or "all-departments"), or `unconfirmed` without one.
 */
function mergerOf(unit: Unit, year: number, policy: Policy): UnitEvaluation['merger'] {
  const territory = policy.regulation.context.territory;
  const start = `${String(year).padStart(4, '0')}-01-01`;
  const end = `${String(year).padStart(4, '0')}-12-31`;
  const from = unit.period?.from ?? start;
  const to = unit.period?.to ?? end;
  const entry = (policy.legal.mergers ?? []).find(
    (m) =>
      m.from > from &&
      m.from <= to &&
      (m.units === 'all-departments'
        ? territory?.departmentKinds.includes(unit.kind) === true
        : m.units.some((code) => code.toUpperCase() === unit.code)),
  );
  if (entry !== undefined) return { from: entry.from, basis: entry.basis };
  if (territory === undefined || !territory.departmentKinds.includes(unit.kind)) return null;
  return territory.mergedOn > from && territory.mergedOn <= to ? 'unconfirmed' : null;
}
export type {
  YearInput,
  Gap,
  FollowUpFacts,
  PreviousFacts,
  Judgement,
  UnitEvaluation,
  ReviewReason,
  PersonEvaluation,
  YearEvaluation,
} from './evaluation.js';

export { roleCitation, unlinkedSections } from './person.js';
