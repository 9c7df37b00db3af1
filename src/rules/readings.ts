import { type PersonEvaluation, type YearEvaluation, type YearInput, evaluateYear } from './evaluate.js';
import type { AssessmentStore } from './sections.js';
import { type Policy, type PolicyParameters, groupSizeRoundings } from './policy.js';

/**
 * Which readings of the law matter (`ict-eval what-if`): for each parameter that settles a reading of text the
 * regulation leaves open (or the size and scope of its ranking groups), each other value, one parameter at a time with
 * the others as configured — the persons whose rating, sanction or rewards would then differ. Đoạn 2 Điều 19 asks the
 * Sở to put exactly these to UBND tỉnh so that the Quy định can be settled.
 */

/** The parameters that settle a contested reading, in the order the outputs list them. */
export const CONTESTED = [
  'pointC',
  'deputyExcellence',
  'partYearHeads',
  'partYearUnits',
  'mergedUnits',
  'unassessedItems',
  'notApplicableWithoutNote',
  'informationOnlyItems',
  'itemsWithoutIndicator',
  'rewardWithoutReport',
  'rankSource',
  'rankScope',
  'groupSizeRounding',
] as const satisfies readonly (keyof PolicyParameters)[];

export type ContestedParameter = (typeof CONTESTED)[number];

/**
 * The parameters that are not readings: the shares the regulation writes (20%, 15%), the precision of scores, and the
 * forms UBND tỉnh may choose for the cases no point settles (its choice, khoản 1 Điều 17, not a reading of the text).
 */
export const NOT_CONTESTED = [
  'topShare',
  'bottomShare',
  'scorePrecision',
  'uncoveredCases',
] as const satisfies readonly (keyof PolicyParameters)[];

/** One alternative: a parameter and the other value it is tried with. */
export interface Reading {
  readonly parameter: ContestedParameter | 'policy';
  /** The value the run uses, and the one tried (for `policy`: the overrides of the other policy file). */
  readonly current: unknown;
  readonly alternative: unknown;
}

/** A person whose outcome the other reading changes: the outcome now, and under the other reading. */
export interface PersonChange {
  readonly now: PersonEvaluation;
  readonly other: PersonEvaluation;
  /** What differs: the rating, the sanction (or the form withheld), the rewards. */
  readonly what: readonly ('rating' | 'sanction' | 'rewards')[];
}

export interface ReadingResult {
  readonly reading: Reading;
  readonly changes: readonly PersonChange[];
}

/** Every other value of each contested parameter, from the values the policy's schema allows. */
export function alternativesOf(policy: Policy): Reading[] {
  const p = policy.parameters;
  const values: Record<ContestedParameter, readonly unknown[]> = {
    pointC: ['both', 'either'],
    deputyExcellence: ['unit', 'assigned'],
    partYearHeads: ['can-xem-xet', 'apply'],
    partYearUnits: ['can-xem-xet', 'apply'],
    mergedUnits: ['continue', 'part-year'],
    unassessedItems: ['missing-data', 'self-report'],
    notApplicableWithoutNote: ['missing-data', 'accept'],
    // The regulation's information-only items (Điều 13) counted as any other, or not: the two readings of its text.
    informationOnlyItems: [policy.regulation.defaults.informationOnlyItems, []],
    itemsWithoutIndicator: ['review', 'note'],
    rewardWithoutReport: ['review', 'note'],
    rankSource: ['official-if-complete', 'scores'],
    rankScope: ['block', 'all'],
    groupSizeRounding: groupSizeRoundings,
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return CONTESTED.flatMap((parameter) =>
    values[parameter]
      .filter((value) => !same(value, p[parameter]))
      .map((alternative) => ({ parameter, current: p[parameter], alternative })),
  );
}

/** The same person in two evaluations of one year: unit, name, role and period. */
function key(p: PersonEvaluation): string {
  const period = p.person.period === null ? '' : `${p.person.period.from}/${p.person.period.to}`;
  return `${p.person.unitCode}\u0000${p.person.name}\u0000${p.person.role}\u0000${period}`;
}

/** The persons whose rating, sanction (or form withheld) or rewards differ between two evaluations of one year. */
export function changesBetween(now: YearEvaluation, other: YearEvaluation): PersonChange[] {
  const others = new Map(other.persons.map((p) => [key(p), p]));
  const changes: PersonChange[] = [];
  for (const person of now.persons) {
    const alt = others.get(key(person));
    if (alt === undefined) continue;
    const what: PersonChange['what'][number][] = [];
    if (person.rating.outcome !== alt.rating.outcome) what.push('rating');
    if (person.sanction.outcome !== alt.sanction.outcome || person.withheld !== alt.withheld) what.push('sanction');
    const rewards = (p: PersonEvaluation) => p.rewards.map((r) => r.outcome).join();
    if (rewards(person) !== rewards(alt)) what.push('rewards');
    if (what.length > 0) changes.push({ now: person, other: alt, what });
  }
  return changes;
}

/**
 * Decides the year again under each reading, from the same input, and keeps the persons whose outcome differs from
 * `now` (the year under the run's policy).
 */
export function whatIf(
  input: YearInput,
  policy: Policy,
  now: YearEvaluation,
  readings: readonly Reading[],
  policyOf: (reading: Reading) => Policy = (reading) => withReading(policy, reading),
  store?: AssessmentStore,
): ReadingResult[] {
  // The section results of `now` serve every reading that decides items as it does (evaluateYear checks which).
  const reuse = { policy, units: now.units };
  return readings.map((reading) => ({
    reading,
    changes: changesBetween(now, evaluateYear(input, policyOf(reading), reuse, store)),
  }));
}

/** The policy with one contested parameter set to another value (the others as configured). */
export function withReading(policy: Policy, reading: Reading): Policy {
  if (reading.parameter === 'policy') throw new Error('withReading: a whole policy is built by the pipeline');
  const parameters = { ...policy.parameters, [reading.parameter]: reading.alternative };
  return { ...policy, parameters };
}
