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
    bottomPrevious: bottom2 ? 'bottom' : 'not-bottom',
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
  [1, no, no, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v1-2-not-slow'],
  [1, no, no, yes, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v1-2-not-slow'],
  [1, no, yes, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v1-2-not-slow'],
  [1, no, yes, yes, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v1-2-not-slow'],
  [1, yes, no, no, 'phe-binh', 'điểm a khoản 1 Điều 17', null],
  [1, yes, no, yes, 'phe-binh', 'điểm a khoản 1 Điều 17', null],
  [1, yes, yes, no, 'phe-binh', 'điểm a khoản 1 Điều 17', null],
  [1, yes, yes, yes, 'phe-binh', 'điểm a khoản 1 Điều 17', null],
  [2, no, no, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v1-2-not-slow'],
  [2, no, no, yes, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v1-2-not-slow'],
  [2, no, yes, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v1-2-not-slow'],
  [2, no, yes, yes, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v1-2-not-slow'],
  [2, yes, no, no, 'phe-binh', 'điểm a khoản 1 Điều 17', null],
  [2, yes, no, yes, 'phe-binh', 'điểm a khoản 1 Điều 17', null],
  [2, yes, yes, no, 'khien-trach', 'điểm b khoản 1 Điều 17', null],
  [2, yes, yes, yes, 'khien-trach', 'điểm b khoản 1 Điều 17', null],
  [3, no, no, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v3'],
  [3, no, no, yes, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v3'],
  [3, no, yes, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v3'],
  [3, no, yes, yes, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v3'],
  [3, yes, no, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v3'],
  [3, yes, no, yes, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v3'],
  [3, yes, yes, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v3'],
  [3, yes, yes, yes, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v3'],
  [4, no, no, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v4-no-review'],
  [4, no, no, yes, 'canh-cao', 'điểm c khoản 1 Điều 17', null],
  [4, no, yes, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v4-no-review'],
  [4, no, yes, yes, 'canh-cao', 'điểm c khoản 1 Điều 17', null],
  [4, yes, no, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v4-no-review'],
  [4, yes, no, yes, 'canh-cao', 'điểm c khoản 1 Điều 17', null],
  [4, yes, yes, no, 'can-xem-xet', 'khoản 1 Điều 17 (đoạn đầu)', 'v4-no-review'],
  [4, yes, yes, yes, 'canh-cao', 'điểm c khoản 1 Điều 17', null],
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
    expect(decision.citations.map((c) => formatCitation(c))).toContain(citation);
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
    const decision = decideSanction(facts(2, yes, no, no, { bottomThisYear: true, bottomPrevious: 'not-bottom' }), P);
    expect(decision.bottomTwoYears).toBe(false);
    expect(decision.outcome).toBe('phe-binh');
  });

  it('in the bottom 15% last year but not this year is not "two years running"', () => {
    const decision = decideSanction(facts(2, yes, no, no, { bottomThisYear: false, bottomPrevious: 'bottom' }), P);
    expect(decision.outcome).toBe('phe-binh');
  });

  it('with no ranking for the previous year, bottom2 is false and the decision says the previous year is missing', () => {
    const decision = decideSanction(facts(2, yes, no, no, { bottomThisYear: true, bottomPrevious: 'no-data' }), P);
    expect(decision.bottomTwoYears).toBe(false);
    expect(decision.outcome).toBe('phe-binh');
    expect(decision.notes).toContain('previous-year-missing');
  });

  it.each([
    ['v1-2-not-slow', 1, no, no, [['điểm a khoản 1 Điều 17']]],
    ['v1-2-not-slow', 2, no, yes, [['điểm a khoản 1 Điều 17', 'điểm b khoản 1 Điều 17']]],
    ['v3', 3, yes, no, [['điểm a khoản 1 Điều 17', 'điểm b khoản 1 Điều 17', 'điểm c khoản 1 Điều 17']]],
    ['v4-no-review', 4, yes, yes, [['điểm c khoản 1 Điều 17']]],
  ] as const)(
    'an uncovered case %s (v = %i) lists the nearest points for Sở Nội vụ (Điều 18 khoản 3)',
    (_case, v, slow, bottom2, [nearest]) => {
      const decision = decideSanction(facts(v, slow, bottom2, no), P);
      expect(decision.outcome).toBe('can-xem-xet');
      expect(decision.nearestClauses.map((c) => formatCitation(c))).toEqual(nearest);
      expect(decision.citations.map((c) => formatCitation(c))).toEqual([
        'khoản 1 Điều 17 (đoạn đầu)',
        'khoản 3 Điều 18',
      ]);
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

describe('the readings of rules.md v2: điểm c, last year’s group, and the flags', () => {
  it('under `pointC: both` (default), all four sections violated without a review demanded is a case to review', () => {
    expect(decideSanction(facts(4, no, no, no), P).outcome).toBe('can-xem-xet');
  });

  it.each([
    [4, no, 'canh-cao'],
    [1, yes, 'canh-cao'],
    [3, yes, 'canh-cao'],
    [2, no, 'can-xem-xet'],
  ] as const)('under `pointC: either`, %i sections violated, review demanded %s: %s', (v, review, outcome) => {
    expect(decideSanction(facts(v, no, no, review), policyWith({ pointC: 'either' })).outcome).toBe(outcome);
  });

  it.each([
    [1, 'phe-binh', yes],
    [3, 'can-xem-xet', no],
  ] as const)(
    'a review demanded with %i section(s) violated keeps %s and is flagged "xem điểm c" under `both`',
    (v, outcome, slow) => {
      const decision = decideSanction(facts(v, slow, no, yes), P);
      expect(decision.outcome).toBe(outcome);
      expect(decision.flags).toEqual(['point-c-flag']);
    },
  );

  it('no flag when point c applies, nor under `either`', () => {
    expect(decideSanction(facts(4, no, no, yes), P).flags).toEqual([]);
    expect(decideSanction(facts(1, no, no, yes), policyWith({ pointC: 'either' })).flags).toEqual([]);
  });

  it('a reprimand that would rest on a previous-year group that cannot be settled is a case to review', () => {
    const decision = decideSanction(facts(2, yes, no, no, { bottomThisYear: true, bottomPrevious: 'unsettled' }), P);
    expect(decision).toMatchObject({ outcome: 'can-xem-xet', reason: 'previous-year-unsettled', bottomTwoYears: null });
    expect(decision.possibleOutcomes).toEqual(['khien-trach', 'phe-binh']);
  });

  it('an unsettled previous year does not matter when the outcome does not rest on it', () => {
    const decision = decideSanction(facts(1, yes, no, no, { bottomThisYear: true, bottomPrevious: 'unsettled' }), P);
    expect(decision.outcome).toBe('phe-binh');
  });

  it('a reprimand says that it rests on the bottom group two years running; criticism does not', () => {
    expect(decideSanction(facts(2, yes, yes, no), P).restsOnBottomTwoYears).toBe(true);
    expect(decideSanction(facts(1, yes, yes, no), P).restsOnBottomTwoYears).toBe(false);
  });

  it('a person not rated gets no sanction and cites no clause', () => {
    const decision = decideSanction(facts(0, yes, yes, yes, { rating: 'thieu-du-lieu' }), P);
    expect(decision).toMatchObject({ outcome: null, reason: 'not-rated', citations: [] });
  });
});
