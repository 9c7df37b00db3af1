import type { Problem } from '../../problems.js';
import type { Policy } from '../../rules/policy.js';
import { type Ranking, previousPlace } from '../../rules/ranking.js';
import { formatCitation } from '../../rules/citation.js';
import type { UnitEvaluation, YearEvaluation } from '../../rules/evaluate.js';
import type { LegalContext } from '../../rules/legal.js';
import { type PersonRow, awaitsAssessment, bottomPreviousOf } from '../content/model.js';

/** The policy as `--json` names it. */
export function policyJson(policy: Policy) {
  return {
    id: policy.regulation.id,
    decision: policy.regulation.decision,
    effective: policy.regulation.effective,
    index: policy.index,
    parameters: policy.parameters,
    overridden: policy.overridden,
  };
}

/**
 * The year's legal context (rules.md v3): the day the documents are dated, the body that issues them, the discipline
 * decree, each fact used with its act and source, and the acts still needed (each one makes the year a draft).
 */
export function legalJson(legal: LegalContext) {
  return {
    documentDate: legal.documentDate,
    issuer: { heading: legal.issuer.heading, name: legal.issuer.name, short: legal.issuer.short },
    discipline: {
      inForce: legal.discipline.inForce.value.name,
      from: legal.discipline.inForce.from,
      atConduct: legal.discipline.atConduct?.value.name ?? null,
    },
    facts: legal.lines.map((line) => ({
      key: line.key,
      topic: line.topic,
      value: line.value,
      act: line.act,
      source: line.source,
      ...(line.unverified === undefined ? {} : { unverified: line.unverified }),
    })),
    needs: legal.needs.map((need) => ({ key: need.key, message: need.vi })),
    draft: legal.needs.length > 0,
  };
}

export function problemJson(problem: Problem) {
  return {
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    file: problem.where?.file ?? null,
    sheet: problem.where?.sheet ?? null,
    row: problem.where?.row ?? null,
    column: problem.where?.column ?? null,
    // A warning about many units names the first 50 in its message; here are all of them.
    ...(problem.units === undefined ? {} : { units: problem.units }),
  };
}

/**
 * One person as product.md's `--json` contract gives it. `reward` is the first proposal
 * (`khen-thuong` before `thuong-dot-xuat`); `rewards` lists them all, since both may apply.
 */
export function personJson(row: PersonRow) {
  const sanction = row.evaluation.sanction;
  return {
    unitCode: row.unitCode,
    unitName: row.unitName,
    block: row.block,
    name: row.name,
    position: row.position,
    role: row.role,
    period: row.period,
    assignedSections: row.assignedSections,
    violatedSections: row.violatedSections,
    sections: row.sections,
    score: row.score,
    rank: row.rank,
    n: row.n,
    topSize: row.topSize,
    bottomSize: row.bottomSize,
    top: row.top,
    bottom: row.bottom,
    previousRank: row.previousRank,
    bottomPrevious: row.bottomPrevious,
    slow: row.slow,
    reviewDemanded: row.reviewDemanded,
    bottomTwoYears: row.bottomTwoYears,
    rating: row.rating,
    ratingReason: row.ratingReason,
    possibleRatings: row.rating === 'thieu-du-lieu' ? row.possibleRatings : undefined,
    reward: row.rewards[0] ?? null,
    rewards: row.rewards,
    sanction: row.sanction,
    sanctionReason: row.sanctionReason,
    reviewReasons: row.reviewReasons,
    remarks: row.remarks,
    awaitsAssessment: awaitsAssessment(row),
    withheldSanction: row.evaluation.withheld,
    withheldRewards: row.evaluation.withheldRewards.map((r) => r.outcome),
    uncoveredCase: sanction.uncoveredCase,
    mappedByPolicy: sanction.mappedByPolicy,
    possibleSanctions: sanction.possibleOutcomes,
    notes: sanction.notes,
    citations: row.citations,
  };
}

/** A unit with no head or acting head: its result without a person (product.md `unitsWithoutHead`). */
function unitWithoutHeadJson(unit: UnitEvaluation) {
  const { rating, sanction, scope } = unit.whole;
  return {
    unitCode: unit.unit.code,
    unitName: unit.unit.name,
    block: unit.unit.block,
    sections: unit.assessment.sections.map((s) => s.status),
    violatedSections: rating.facts.violatedSections,
    scope,
    score: unit.unit.inIndex ? (unit.rank?.score ?? null) : null,
    rank: unit.unit.inIndex ? (unit.rank?.rank ?? null) : null,
    top: unit.unit.inIndex && unit.rank !== undefined ? unit.rank.top : null,
    bottom: unit.unit.inIndex && unit.rank !== undefined ? unit.rank.bottom : null,
    bottomPrevious: bottomPreviousOf(unit),
    rating: rating.outcome,
    possibleRatings: rating.outcome === 'thieu-du-lieu' ? rating.possibleRatings : undefined,
    sanction: sanction.outcome,
    citations: [...rating.citations, ...(sanction.outcome === null ? [] : sanction.citations)].map((c) =>
      formatCitation(c),
    ),
  };
}

export function yearJson(
  evaluation: YearEvaluation,
  rows: readonly PersonRow[],
  problems: readonly Problem[],
  legal: LegalContext,
) {
  const { policy } = evaluation;
  return {
    year: evaluation.year,
    policy: policyJson(policy),
    legal: legalJson(legal),
    persons: rows.map(personJson),
    unitRewards: evaluation.units.flatMap((u) =>
      u.unitRewards.map((reward) => ({
        unitCode: u.unit.code,
        unitName: u.unit.name,
        reward: reward.outcome,
        basis: u.followUp.note,
        citations: reward.citations.map((c) => formatCitation(c)),
      })),
    ),
    unitsWithoutHead: evaluation.unitsWithoutHead.map(unitWithoutHeadJson),
    notRated: evaluation.notRated.map((r) => ({ unitCode: r.unitCode, block: r.block, score: r.score, rank: r.rank })),
    outOfScope: evaluation.outOfScope.map((u) => ({
      unitCode: u.code,
      unitName: u.name,
      block: u.block,
      territory: u.territory ?? '',
    })),
    unitPeriods: evaluation.units
      .filter((u) => (u.unit.period ?? null) !== null || u.merger !== null)
      .map((u) => ({
        unitCode: u.unit.code,
        period: u.unit.period ?? null,
        partYear: u.partYear,
        merger: u.merger,
      })),
    problems: problems.map(problemJson),
  };
}

export function rankingJson(
  ranking: Ranking,
  previous: Ranking | null,
  names: ReadonlyMap<string, string>,
  policy: Policy,
  problems: readonly Problem[],
  previousCodes: ReadonlyMap<string, readonly string[]> = new Map(),
) {
  const previousOf = new Map((previous?.ranked ?? []).map((r) => [r.unitCode, r]));
  const before = (code: string) => {
    const place = previousPlace(code, previousCodes.get(code) ?? [], previousOf);
    return {
      previousRank: place.rank,
      previousBottom: place.bottom,
      previousCodes: place.codes,
      previousStatus: place.status,
    };
  };
  return {
    policy: policyJson(policy),
    groups: ranking.groups.map((g) => ({
      scope: g.scope,
      rankSource: g.source,
      n: g.n,
      k: g.topSize,
      kBottom: g.bottomSize,
      topCount: g.topCount,
      bottomCount: g.bottomCount,
    })),
    rows: [
      ...ranking.ranked.map((r) => ({
        unitCode: r.unitCode,
        unitName: names.get(r.unitCode) ?? '',
        block: r.block,
        score: r.score,
        rank: r.rank,
        top: r.top,
        bottom: r.bottom,
        rated: r.rated,
        ...(previous === null ? {} : before(r.unitCode)),
      })),
      ...ranking.unranked.map((u) => ({
        unitCode: u.unitCode,
        unitName: names.get(u.unitCode) ?? '',
        block: u.block,
        score: null,
        rank: null,
        top: u.reason === 'not-in-index' ? null : false,
        bottom: u.reason === 'not-in-index' ? null : false,
        rated: u.rated,
        unranked: u.reason,
        ...(previous === null ? {} : before(u.unitCode)),
      })),
    ],
    problems: problems.map(problemJson),
  };
}

/**
 * The text of `JSON.stringify(value, null, 2)` and a newline, a piece at a time: an object's members one by one, and
 * each element of an array among them on its own. Each of these is JSON.stringify's own text, indented to its place, so
 * the pieces join to the same bytes. A national `sanctions --json` (11 000 persons, 15 MB) was one string of two bytes a
 * character, then its UTF-8 bytes: 56 MB over the run's peak (issue #15).
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'toJSON' in value) {
    yield `${JSON.stringify(value, null, 2)}\n`;
    return;
  }
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    const head = `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(member) && member.length > 0) {
      first = false;
      yield `${head}[`;
      for (const [i, element] of member.entries()) {
        // JSON writes an element it cannot (undefined, a function) as null.
        const text = JSON.stringify(element, null, 2) as string | undefined;
        yield `${i === 0 ? '' : ','}\n    ${text === undefined ? 'null' : text.replaceAll('\n', '\n    ')}`;
      }
      yield '\n  ]';
      continue;
    }
    // JSON leaves out a member it cannot write.
    const text = JSON.stringify(member, null, 2) as string | undefined;
    if (text === undefined) continue;
    first = false;
    yield `${head}${text.replaceAll('\n', '\n  ')}`;
  }
  yield first ? '{}\n' : '\n}\n';
}
