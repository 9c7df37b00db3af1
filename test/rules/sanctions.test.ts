import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/rules/citation.js';
import { type Sanction, type SanctionFacts, decideSanction } from '../../src/rules/sanctions.js';
import { policyWith } from '../helpers.js';

const P = policyWith();

function facts(
  v: number,
  slow: boolean,
  bottom2: boolean,
  reviewDemanded: boolean,
  more: Partial<SanctionFacts> = {},
): SanctionFacts {
  return {
    rating: 'khong-hoan-thanh',
    violatedSections: v,
    undeterminedSections: 0,
    slow,
    bottomThisYear: bottom2,
    bottomPreviousYear: bottom2,
    reviewDemanded,
    ...more,
  };
}

const yes = true;
const no = false;

/**
 * rules.md, "Sanctions (Điều 17 khoản 1)": every combination of v = 1…4 with and without slow,
 * bottom2 and reviewDemanded, and the outcome the literal reading gives.
 */
const TABLE: readonly [number, boolean, boolean, boolean, Sanction, string, string | null][] = [
  // v, slow, bottom2, review → outcome, citation, uncovered case
  [1, no, no, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v1-2-not-slow'],
  [1, no, no, yes, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v1-2-not-slow'],
  [1, no, yes, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v1-2-not-slow'],
  [1, no, yes, yes, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v1-2-not-slow'],
  [1, yes, no, no, 'phe-binh', 'Điều 17 khoản 1 điểm a', null],
  [1, yes, no, yes, 'phe-binh', 'Điều 17 khoản 1 điểm a', null],
  [1, yes, yes, no, 'phe-binh', 'Điều 17 khoản 1 điểm a', null],
  [1, yes, yes, yes, 'phe-binh', 'Điều 17 khoản 1 điểm a', null],
  [2, no, no, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v1-2-not-slow'],
  [2, no, no, yes, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v1-2-not-slow'],
  [2, no, yes, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v1-2-not-slow'],
  [2, no, yes, yes, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v1-2-not-slow'],
  [2, yes, no, no, 'phe-binh', 'Điều 17 khoản 1 điểm a', null],
  [2, yes, no, yes, 'phe-binh', 'Điều 17 khoản 1 điểm a', null],
  [2, yes, yes, no, 'khien-trach', 'Điều 17 khoản 1 điểm b', null],
  [2, yes, yes, yes, 'khien-trach', 'Điều 17 khoản 1 điểm b', null],
  [3, no, no, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v3'],
  [3, no, no, yes, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v3'],
  [3, no, yes, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v3'],
  [3, no, yes, yes, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v3'],
  [3, yes, no, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v3'],
  [3, yes, no, yes, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v3'],
  [3, yes, yes, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v3'],
  [3, yes, yes, yes, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v3'],
  [4, no, no, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v4-no-review'],
  [4, no, no, yes, 'canh-cao', 'Điều 17 khoản 1 điểm c', null],
  [4, no, yes, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v4-no-review'],
  [4, no, yes, yes, 'canh-cao', 'Điều 17 khoản 1 điểm c', null],
  [4, yes, no, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v4-no-review'],
  [4, yes, no, yes, 'canh-cao', 'Điều 17 khoản 1 điểm c', null],
  [4, yes, yes, no, 'can-xem-xet', 'Điều 17 khoản 1 (đoạn đầu)', 'v4-no-review'],
  [4, yes, yes, yes, 'canh-cao', 'Điều 17 khoản 1 điểm c', null],
];

const flag = (value: boolean, name: string) => (value ? name : `not ${name}`);

describe('the sanction of Điều 17 khoản 1 for a head who did not complete the duty', () => {
  it.each(
    TABLE.map(
      (row) =>
        [
          `v = ${row[0]}, ${flag(row[1], 'slow')}, ${flag(row[2], 'bottom 15% two years running')}, ${flag(row[3], 'review demanded')}`,
          ...row,
        ] as const,
    ),
  )('%s → the outcome of rules.md’s table', (_name, v, slow, bottom2, review, outcome, citation, uncovered) => {
    const decision = decideSanction(facts(v, slow, bottom2, review), P);
    expect(decision.outcome).toBe(outcome);
    expect(decision.citations.map(formatCitation)).toContain(citation);
    expect(decision.uncoveredCase).toBe(uncovered);
    expect(decision.reason).toBe(uncovered === null ? 'clause' : 'uncovered');
  });

  it('a head who violated two sections, was slow, and sat in the bottom 15% two years running is reprimanded, though criticism applies too', () => {
    const decision = decideSanction(facts(2, yes, yes, no), P);
    expect(decision.outcome).toBe('khien-trach');
    expect(decision.applicableClauses).toEqual(['khien-trach', 'phe-binh']);
    expect(decision.bottomTwoYears).toBe(true);
  });

  it('in the bottom 15% this year but not last year is not "two years running"', () => {
    const decision = decideSanction(facts(2, yes, no, no, { bottomThisYear: true, bottomPreviousYear: false }), P);
    expect(decision.bottomTwoYears).toBe(false);
    expect(decision.outcome).toBe('phe-binh');
  });

  it('in the bottom 15% last year but not this year is not "two years running"', () => {
    const decision = decideSanction(facts(2, yes, no, no, { bottomThisYear: false, bottomPreviousYear: true }), P);
    expect(decision.outcome).toBe('phe-binh');
  });

  it('with no ranking for the previous year, bottom2 is false and the decision says the previous year is missing', () => {
    const decision = decideSanction(facts(2, yes, no, no, { bottomThisYear: true, bottomPreviousYear: null }), P);
    expect(decision.bottomTwoYears).toBe(false);
    expect(decision.outcome).toBe('phe-binh');
    expect(decision.notes).toContain('previous-year-missing');
  });

  it.each([
    ['v1-2-not-slow', 1, no, no, [['Điều 17 khoản 1 điểm a']]],
    ['v1-2-not-slow', 2, no, yes, [['Điều 17 khoản 1 điểm a', 'Điều 17 khoản 1 điểm b']]],
    ['v3', 3, yes, no, [['Điều 17 khoản 1 điểm a', 'Điều 17 khoản 1 điểm b', 'Điều 17 khoản 1 điểm c']]],
    ['v4-no-review', 4, yes, yes, [['Điều 17 khoản 1 điểm c']]],
  ] as const)(
    'an uncovered case %s (v = %i) lists the nearest points for Sở Nội vụ (Điều 18 khoản 3)',
    (_case, v, slow, bottom2, [nearest]) => {
      const decision = decideSanction(facts(v, slow, bottom2, no), P);
      expect(decision.outcome).toBe('can-xem-xet');
      expect(decision.nearestClauses.map(formatCitation)).toEqual(nearest);
      expect(decision.citations.map(formatCitation)).toEqual(['Điều 17 khoản 1 (đoạn đầu)', 'Điều 18 khoản 3']);
      expect(decision.mappedByPolicy).toBe(false);
    },
  );

  it('an uncovered case gets the form the policy maps it to, marked as a policy choice', () => {
    const policy = policyWith({
      uncoveredCases: { 'v1-2-not-slow': 'can-xem-xet', v3: 'khien-trach', 'v4-no-review': 'canh-cao' },
    });
    const v3 = decideSanction(facts(3, no, no, no), policy);
    expect(v3).toMatchObject({
      outcome: 'khien-trach',
      reason: 'uncovered',
      uncoveredCase: 'v3',
      mappedByPolicy: true,
    });
    const v4 = decideSanction(facts(4, no, no, no), policy);
    expect(v4).toMatchObject({ outcome: 'canh-cao', uncoveredCase: 'v4-no-review', mappedByPolicy: true });
    const v1 = decideSanction(facts(1, no, no, no), policy);
    expect(v1).toMatchObject({ outcome: 'can-xem-xet', mappedByPolicy: false });
  });

  it('a mapping of uncovered cases never changes a case a point settles', () => {
    const policy = policyWith({
      uncoveredCases: { 'v1-2-not-slow': 'canh-cao', v3: 'canh-cao', 'v4-no-review': 'canh-cao' },
    });
    expect(decideSanction(facts(1, yes, no, no), policy).outcome).toBe('phe-binh');
  });

  it.each([
    ['xuat-sac', 'not-applicable'],
    ['hoan-thanh', 'not-applicable'],
    ['thieu-du-lieu', 'not-rated'],
  ] as const)('a person rated %s gets no sanction', (rating, reason) => {
    const decision = decideSanction(facts(0, yes, yes, yes, { rating }), P);
    expect(decision.outcome).toBeNull();
    expect(decision.reason).toBe(reason);
  });

  it('refuses a khong-hoan-thanh rating with no violated section (a programming error)', () => {
    expect(() => decideSanction(facts(0, yes, no, no), P)).toThrow(RangeError);
  });
});

describe('the sanction when missing items leave the number of violated sections open', () => {
  it('v = 1 known, slow, one section undetermined: criticism either way, and it says so', () => {
    const decision = decideSanction(facts(1, yes, no, no, { undeterminedSections: 1 }), P);
    expect(decision.outcome).toBe('phe-binh');
    expect(decision.possibleOutcomes).toEqual(['phe-binh']);
    expect(decision.notes).toContain('certain-despite-missing-items');
  });

  it('v = 2 known, slow, one section undetermined: criticism at v = 2 but needs review at v = 3, so missing data', () => {
    const decision = decideSanction(facts(2, yes, no, no, { undeterminedSections: 1 }), P);
    expect(decision.outcome).toBe('thieu-du-lieu');
    expect(decision.reason).toBe('uncertain');
    expect(decision.possibleOutcomes).toEqual(['phe-binh', 'can-xem-xet']);
  });

  it('v = 3 known, review demanded, one section undetermined: needs review at v = 3, warning at v = 4, so missing data', () => {
    const decision = decideSanction(facts(3, no, no, yes, { undeterminedSections: 1 }), P);
    expect(decision.outcome).toBe('thieu-du-lieu');
    expect(decision.possibleOutcomes).toEqual(['can-xem-xet', 'canh-cao']);
  });

  it('v = 3 known, no review demanded, one section undetermined: needs review either way', () => {
    const decision = decideSanction(facts(3, no, no, no, { undeterminedSections: 1 }), P);
    expect(decision.outcome).toBe('can-xem-xet');
  });
});
