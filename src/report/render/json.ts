import type { Problem } from '../../io/problems.js';
import type { Policy } from '../../rules/policy.js';
import type { Ranking } from '../../rules/ranking.js';
import type { PersonRow } from '../content/model.js';

/** The policy as `--json` names it. */
export function policyJson(policy: Policy) {
  return {
    id: policy.regulation.id,
    decision: policy.regulation.decision,
    effective: policy.regulation.effective,
    parameters: policy.parameters,
    overridden: policy.overridden,
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
  };
}

/**
 * One person as product.md's `--json` contract gives it. `reward` is the first proposal
 * (`khen-thuong` before `thuong-dot-xuat`); `rewards` lists them all, since both may apply.
 */
export function personJson(row: PersonRow) {
  const sanction = row.evaluation.unit.sanction;
  return {
    unitCode: row.unitCode,
    unitName: row.unitName,
    block: row.block,
    name: row.name,
    position: row.position,
    role: row.role,
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
    reward: row.rewards[0] ?? null,
    rewards: row.rewards,
    sanction: row.sanction,
    sanctionReason: row.sanctionReason,
    uncoveredCase: sanction.uncoveredCase,
    mappedByPolicy: sanction.mappedByPolicy,
    possibleSanctions: sanction.possibleOutcomes,
    notes: sanction.notes,
    citations: row.citations,
  };
}

export function yearJson(year: number, policy: Policy, rows: readonly PersonRow[], problems: readonly Problem[]) {
  return { year, policy: policyJson(policy), persons: rows.map(personJson), problems: problems.map(problemJson) };
}

export function rankingJson(
  ranking: Ranking,
  previous: Ranking | null,
  names: ReadonlyMap<string, string>,
  policy: Policy,
  problems: readonly Problem[],
) {
  const previousOf = new Map((previous?.ranked ?? []).map((r) => [r.unitCode, r]));
  return {
    policy: policyJson(policy),
    groups: ranking.groups.map((g) => ({
      scope: g.scope,
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
        ...(previous === null
          ? {}
          : {
              previousRank: previousOf.get(r.unitCode)?.rank ?? null,
              previousBottom: previousOf.get(r.unitCode)?.bottom ?? null,
            }),
      })),
      ...ranking.unranked.map((u) => ({
        unitCode: u.unitCode,
        unitName: names.get(u.unitCode) ?? '',
        block: u.block,
        score: null,
        rank: null,
        top: false,
        bottom: false,
        ...(previous === null
          ? {}
          : {
              previousRank: previousOf.get(u.unitCode)?.rank ?? null,
              previousBottom: previousOf.get(u.unitCode)?.bottom ?? null,
            }),
      })),
    ],
    problems: problems.map(problemJson),
  };
}
