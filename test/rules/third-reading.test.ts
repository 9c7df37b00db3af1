import { describe, expect, it } from 'vitest';
import type { FollowUp, Person, ScoreRow, SelfReportRow, Unit } from '../../src/domain.js';
import { type YearInput, evaluateYear } from '../../src/rules/evaluate.js';
import { resolvePolicy } from '../../src/rules/policy.js';
import { type ReportSpec, assessed, firstItemsOf, report, headOf as head, followUpOf as follow } from '../helpers.js';

// rules.md v3, "Corrections of version 3": each correction as the law's case. Five departments ranked so that SA is
// alone in the top group (N = 5, k = 1) and SE alone in the bottom one.

const unit = (code: string, more: Partial<Unit> = {}): Unit => ({
  code,
  name: `Sở ${code}`,
  block: 'SBN',
  kind: 'co-quan-chuyen-mon',
  inIndex: true,
  previousCodes: [],
  ...more,
});
const deputy = (unitCode: string, name: string, sections: readonly number[]): Person =>
  head(unitCode, name, {
    role: 'deputy',
    position: 'Phó Giám đốc',
    assignedSections: sections,
    assignmentDocument: 'Quyết định số 5/QĐ-SA ngày 02/01/2024',
  });
const scores: ScoreRow[] = [
  ['SA', 90],
  ['SB', 80],
  ['SC', 70],
  ['SD', 60],
  ['SE', 50],
].map(([code, score]) => ({
  unitCode: String(code),
  unitName: `Sở ${String(code)}`,
  block: 'SBN',
  score: Number(score),
}));

/** A year of the five units, each with its report and assessment spec, and the persons given. */
function year(
  specs: Record<string, ReportSpec & { noReport?: boolean; noAssessment?: boolean }>,
  persons: readonly Person[],
  followUps: readonly FollowUp[] = [],
): YearInput {
  const codes = ['SA', 'SB', 'SC', 'SD', 'SE'];
  return {
    year: 2024,
    units: codes.map((code) => unit(code)),
    persons,
    scores,
    previousScores: null,
    previousPersons: null,
    selfReports: codes.flatMap((code) => (specs[code]?.noReport === true ? [] : report(code, specs[code] ?? {}))),
    assessments: codes.flatMap((code) => (specs[code]?.noAssessment === true ? [] : assessed(code, specs[code] ?? {}))),
    followUps,
  };
}
const personOf = (evaluation: ReturnType<typeof evaluateYear>, name: string) => {
  const found = evaluation.persons.find((p) => p.person.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
};

describe('deputies and excellence (khoản 3 Điều 2, khoản 1 Điều 4, Điều 15)', () => {
  const persons = [head('SA', 'Trần Văn Đầu'), deputy('SA', 'Lê Thị Phó', [1, 2])];

  it('a deputy assigned Mục 1 and 2 of a top unit that broke Mục 3 is hoàn thành by default: Điều 15 is silent', () => {
    const e = evaluateYear(year({ SA: { notMet: firstItemsOf([3]) } }, persons), resolvePolicy(2024));
    const p = personOf(e, 'Lê Thị Phó');
    expect(p.rating).toMatchObject({ outcome: 'hoan-thanh', reason: 'deputy-unit-violated' });
    expect(p.notes).toEqual(['deputy-excellence']);
    expect(p.rewards).toEqual([]);
    // The head answers for Mục 3: not completed.
    expect(personOf(e, 'Trần Văn Đầu').rating.outcome).toBe('khong-hoan-thanh');
  });

  it('under deputyExcellence: assigned (v2’s reading) the same deputy is xuất sắc', () => {
    const e = evaluateYear(
      year({ SA: { notMet: firstItemsOf([3]) } }, persons),
      resolvePolicy(2024, { deputyExcellence: 'assigned' }),
    );
    expect(personOf(e, 'Lê Thị Phó').rating.outcome).toBe('xuat-sac');
    expect(personOf(e, 'Lê Thị Phó').notes).toEqual([]);
  });

  it('while an unassigned Mục has an item not yet assessed, the deputy could be either: possibleRatings holds both', () => {
    const e = evaluateYear(year({ SA: { blank: ['3.1'] } }, persons), resolvePolicy(2024));
    expect(personOf(e, 'Lê Thị Phó').rating).toMatchObject({
      outcome: 'thieu-du-lieu',
      reason: 'deputy-unit-open',
      possibleRatings: ['xuat-sac', 'hoan-thanh'],
    });
  });

  it('a deputy of a unit that broke nothing, in the top group, is xuất sắc as before; not considered for the reward', () => {
    const e = evaluateYear(year({}, persons), resolvePolicy(2024));
    expect(personOf(e, 'Lê Thị Phó').rating.outcome).toBe('xuat-sac');
    expect(personOf(e, 'Lê Thị Phó').rewards).toEqual([]);
    expect(personOf(e, 'Trần Văn Đầu').rewards.map((r) => r.outcome)).toEqual(['khen-thuong']);
  });
});

describe('rewards follow the same care as sanctions (khoản 1 Điều 4: "khen thưởng hoặc xử lý kỷ luật")', () => {
  it('a head for part of the year rated xuất sắc goes to review (part-year), not to the reward list', () => {
    const persons = [
      head('SA', 'Ngô Văn Trước', { period: { from: '2024-01-01', to: '2024-06-30' } }),
      head('SA', 'Đỗ Thị Sau', { period: { from: '2024-07-01', to: '2024-12-31' } }),
    ];
    const e = evaluateYear(year({}, persons), resolvePolicy(2024));
    for (const name of ['Ngô Văn Trước', 'Đỗ Thị Sau']) {
      const p = personOf(e, name);
      expect([p.rating.outcome, p.rewards, p.withheldRewards.map((r) => r.outcome), p.reviewReasons]).toEqual([
        'xuat-sac',
        [],
        ['khen-thuong'],
        ['part-year'],
      ]);
    }
  });

  it('a head rated xuất sắc whose unit sent no report (Điều 19) goes to review, reason no-report', () => {
    const e = evaluateYear(year({ SA: { noReport: true } }, [head('SA', 'Vũ Văn Im')]), resolvePolicy(2024));
    const p = personOf(e, 'Vũ Văn Im');
    expect([p.rating.outcome, p.rewards, p.reviewReasons]).toEqual(['xuat-sac', [], ['no-report']]);
    // Not reporting is no breach of Mục 1–4: no sanction.
    expect(p.sanction.outcome).toBeNull();
  });

  it('under rewardWithoutReport: note, the reward is proposed with the note', () => {
    const e = evaluateYear(
      year({ SA: { noReport: true } }, [head('SA', 'Vũ Văn Im')]),
      resolvePolicy(2024, { rewardWithoutReport: 'note' }),
    );
    const p = personOf(e, 'Vũ Văn Im');
    expect([p.rewards.map((r) => r.outcome), p.reviewReasons, p.notes]).toEqual([
      ['khen-thuong'],
      [],
      ['no-report-reward'],
    ]);
  });
});

describe('indicators of QĐ 15/2011 (the opening of khoản 1 Điều 17)', () => {
  const slow = [follow('SD', { slow: true })];
  const persons = [head('SD', 'Phan Văn Chậm')];
  // SD breaks Mục 4 by item 4.5 (open-source software) and is slow: phê bình by điểm a.
  const input = year({ SD: { notMet: ['4.5'] } }, persons, slow);

  it('with no indicator configured, the Sở’s assessment stands for them: phê bình', () => {
    expect(personOf(evaluateYear(input, resolvePolicy(2024)), 'Phan Văn Chậm').sanction.outcome).toBe('phe-binh');
  });

  it('with indicators configured and none for 4.5, the phê bình lacks that basis: can-xem-xet, reason no-indicator', () => {
    const policy = resolvePolicy(2024, {}, { indicators: { '1.1': 'Hạ tầng kỹ thuật' } });
    const p = personOf(evaluateYear(input, policy), 'Phan Văn Chậm');
    expect([p.sanction.outcome, p.withheld, p.reviewReasons]).toEqual(['can-xem-xet', 'phe-binh', ['no-indicator']]);
  });

  it('with 4.5 linked to an indicator, the proposal stands; under itemsWithoutIndicator: note, it stands noted', () => {
    const linked = resolvePolicy(2024, {}, { indicators: { '4.5': 'Phần mềm nguồn mở' } });
    expect(personOf(evaluateYear(input, linked), 'Phan Văn Chậm').sanction.outcome).toBe('phe-binh');
    const noted = resolvePolicy(2024, { itemsWithoutIndicator: 'note' }, { indicators: { '1.1': 'Hạ tầng kỹ thuật' } });
    const p = personOf(evaluateYear(input, noted), 'Phan Văn Chậm');
    expect([p.sanction.outcome, p.notes]).toEqual(['phe-binh', ['no-indicator']]);
  });
});

describe('a template sent back blank is a report without content (rules.md v3)', () => {
  it('a unit whose rows carry no status, no evidence and no note has not reported', () => {
    const blank: SelfReportRow[] = report('SB').map((row) => ({
      ...row,
      selfAssessment: null,
      evidence: '',
      note: '',
    }));
    const input = { ...year({ SB: { noReport: true } }, [head('SB', 'Hà Văn Trống')]) };
    const e = evaluateYear({ ...input, selfReports: [...input.selfReports, ...blank] }, resolvePolicy(2024));
    expect(personOf(e, 'Hà Văn Trống').unit.assessment.hasReport).toBe(false);
  });
});
