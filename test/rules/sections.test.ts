import { describe, expect, it } from 'vitest';
import type { AssessmentRow, SelfReportRow } from '../../src/domain.js';
import { AssessedRow, ReportRow } from '../../src/io/rows.js';
import { type ItemResult, type UnitAssessment, PLAIN_STORE, assessUnit, notable } from '../../src/rules/sections.js';
import { COMPACT_STORE } from '../../src/pipeline/compact.js';
import { AGENCY, CHECKLIST, assessAs, assessed, policyWith, report } from '../helpers.js';

const P = policyWith();
const item = (a: ReturnType<typeof assessAs>, code: string) => a.items.find((i) => i.item.code === code);
/** An item result's fields, the getters' among them. */
const pick = (i: ItemResult) => ({
  item: i.item.code,
  status: i.status,
  selfAssessment: i.selfAssessment,
  assessment: i.assessment,
  decidedBy: i.decidedBy,
  disagreement: i.disagreement,
  missing: i.missing,
  reported: i.reported,
  flags: [i.notApplicableWithoutNote, i.notApplicableByRule, i.informationOnly],
  texts: [i.note, i.evidence, i.unitNote],
  source: i.source,
});

function withReport(rows: SelfReportRow[], itemCode: string, change: Partial<SelfReportRow>): SelfReportRow[] {
  return rows.map((row) => (row.itemCode === itemCode ? { ...row, ...change } : row));
}
function withAssessment(rows: AssessmentRow[], itemCode: string, change: Partial<AssessmentRow>): AssessmentRow[] {
  return rows.map((row) => (row.itemCode === itemCode ? { ...row, ...change } : row));
}

describe('a unit’s section results from the department’s assessment (khoản 2 Điều 18)', () => {
  it('a unit whose items are all assessed met violates no section', () => {
    const a = assessAs();
    expect(a.hasReport).toBe(true);
    expect(a.hasAssessment).toBe(true);
    expect(a.violatedSections).toEqual([]);
    expect(a.undeterminedSections).toEqual([]);
    expect(a.sections.map((s) => s.status)).toEqual(['met', 'met', 'met', 'met']);
  });

  it('one item assessed not met violates its section, citing the item’s article', () => {
    const a = assessAs({ notMet: ['2.8'] });
    expect(a.violatedSections).toEqual([2]);
    expect(a.sections[1]?.notMet).toEqual(['2.8']);
    expect(a.sections[1]?.citations).toEqual([{ article: 9, clause: 2 }]);
  });

  it('several items of one section not met still count as one violated section', () => {
    expect(assessAs({ notMet: ['2.1', '2.5', '2.9'] }).violatedSections).toEqual([2]);
  });

  it('items not met in sections 4 and 1 give the violated sections in ascending order', () => {
    expect(assessAs({ notMet: ['4.6', '1.2'] }).violatedSections).toEqual([1, 4]);
  });

  it('the assessment decides over a self-assessment of Đạt, and the disagreement is reported', () => {
    const a = assessUnit(AGENCY, report('SYT'), withAssessment(assessed('SYT'), '3.4', { status: 'khong-dat' }), P);
    expect(a.violatedSections).toEqual([3]);
    expect(item(a, '3.4')?.decidedBy).toBe('assessment');
    expect(a.disagreements.map((d) => d.item.code)).toEqual(['3.4']);
  });

  it('the assessment decides over a self-assessment of Không đạt: the section is met', () => {
    const a = assessUnit(AGENCY, withReport(report('SYT'), '1.1', { selfAssessment: 'khong-dat' }), assessed('SYT'), P);
    expect(a.violatedSections).toEqual([]);
    expect(a.disagreements).toHaveLength(1);
  });

  it('a unit that marks every item Đạt, with no assessment by the department, violates nothing yet is rated on nothing: every item is missing data', () => {
    const a = assessUnit(AGENCY, report('SYT'), [], P);
    expect(a.hasAssessment).toBe(false);
    expect(a.violatedSections).toEqual([]);
    expect(a.undeterminedSections).toEqual([1, 2, 3, 4]);
    expect(a.items.filter((i) => i.missing === 'not-assessed' && !i.informationOnly)).toHaveLength(21);
  });

  it('with `unassessedItems: self-report`, the self-assessment stands where the department has not assessed, and says so', () => {
    const a = assessUnit(
      AGENCY,
      withReport(report('SYT'), '1.1', { selfAssessment: 'khong-dat' }),
      [],
      policyWith({ unassessedItems: 'self-report' }),
    );
    expect(a.violatedSections).toEqual([1]);
    expect(a.undeterminedSections).toEqual([]);
    expect(item(a, '1.1')?.decidedBy).toBe('self-assessment');
    expect(a.selfDecided).toHaveLength(22);
  });

  it('an item the department left blank is missing data, never met: its section is undetermined', () => {
    const a = assessAs({ blank: ['3.2'] });
    expect(a.violatedSections).toEqual([]);
    expect(a.undeterminedSections).toEqual([3]);
    expect(item(a, '3.2')?.missing).toBe('not-assessed');
  });

  it('a missing item does not undo a violation of the same section', () => {
    const a = assessAs({ notMet: ['4.1'], blank: ['4.3'] });
    expect(a.violatedSections).toEqual([4]);
    expect(a.undeterminedSections).toEqual([]);
  });

  it('Không áp dụng with the department’s note is accepted and violates nothing', () => {
    const a = assessAs({ notApplicable: ['4.6'] });
    expect(a.violatedSections).toEqual([]);
    expect(a.undeterminedSections).toEqual([]);
  });

  it('Không áp dụng without a note is missing data by default, and flagged', () => {
    const a = assessAs({ notApplicableNoNote: ['4.6'] });
    expect(item(a, '4.6')?.missing).toBe('not-applicable-without-note');
    expect(item(a, '4.6')?.status).toBeNull();
    expect(a.undeterminedSections).toEqual([4]);
  });

  it('Không áp dụng without a note is accepted, still flagged, when the policy says accept', () => {
    const a = assessAs({ notApplicableNoNote: ['4.6'] }, policyWith({ notApplicableWithoutNote: 'accept' }));
    expect(item(a, '4.6')?.missing).toBeNull();
    expect(item(a, '4.6')?.notApplicableWithoutNote).toBe(true);
    expect(a.undeterminedSections).toEqual([]);
  });

  it('a unit with no report and no assessment has neither, and every section is undetermined', () => {
    const a = assessUnit(AGENCY, [], [], P);
    expect(a.hasReport).toBe(false);
    expect(a.hasAssessment).toBe(false);
    expect(a.undeterminedSections).toEqual([1, 2, 3, 4]);
  });

  it('refuses rows of another unit, unknown items and duplicate items (the readers catch these first)', () => {
    expect(() => assessUnit(AGENCY, report('SGD'), [], P)).toThrow(/self-report row of unit SGD/);
    const [first] = report('SYT');
    if (first === undefined) throw new Error('empty report');
    expect(() => assessUnit(AGENCY, [{ ...first, itemCode: '5.1' }], [], P)).toThrow(/unknown item 5.1/);
    expect(() => assessUnit(AGENCY, [...report('SYT'), first], [], P)).toThrow(/two self-report rows for item 1.1/);
  });
});

describe('items the regulation itself takes out (rules.md v2)', () => {
  it.each([
    ['co-quan-chuyen-mon', true],
    ['ubnd-huyen', true],
    ['sbn-khac', false],
  ] as const)(
    'Điều 11 (item 3.4) assessed Không đạt for a unit of kind %s counts as a violation: %s',
    (kind, counts) => {
      const a = assessAs({ notMet: ['3.4'] }, P, { code: 'X', kind });
      expect(a.violatedSections).toEqual(counts ? [3] : []);
      expect(item(a, '3.4')?.notApplicableByRule).toBe(!counts);
      if (!counts) expect(item(a, '3.4')?.status).toBe('khong-ap-dung');
    },
  );

  it('Điều 13 (item 4.2) is information only by default: assessed Không đạt, it never violates Mục 4', () => {
    const a = assessAs({ notMet: ['4.2'] });
    expect(a.violatedSections).toEqual([]);
    expect(item(a, '4.2')?.status).toBe('khong-dat');
    expect(item(a, '4.2')?.informationOnly).toBe(true);
  });

  it('an information-only item the department has not assessed leaves no section undetermined', () => {
    expect(assessAs({ blank: ['4.2'] }).undeterminedSections).toEqual([]);
  });

  it('with `informationOnlyItems: []`, item 4.2 not met violates Mục 4', () => {
    expect(assessAs({ notMet: ['4.2'] }, policyWith({ informationOnlyItems: [] })).violatedSections).toEqual([4]);
  });
});

// The rules' plain records and the pipeline's compact store (src/pipeline/compact.ts) give the same results.
for (const [name, store] of [
  ['plain records', PLAIN_STORE],
  ['the compact store', COMPACT_STORE],
] as const)
  describe(`an item result keeps what it needs of the rows, not the rows (${name})`, () => {
    const assess = (...args: Parameters<typeof assessUnit>): UnitAssessment =>
      assessUnit(args[0], args[1], args[2], args[3], store);
    const place = { file: '2024/self-reports/syt.xlsx', sheet: 'Tự đánh giá' };
    const column = { file: '2024/assessment.xlsx', sheet: 'Đánh giá', column: 'E' };
    const readerRows = () => ({
      reports: CHECKLIST.map(
        (it, i) =>
          new ReportRow(
            'SYT',
            it.code,
            i === 0 ? 'khong-dat' : 'dat',
            `Văn bản ${it.code}`,
            `ghi chú ${it.code}`,
            '',
            place,
            5 + i,
          ),
      ),
      // The department assessed every item but the second, and differs from the unit on the first and the third.
      assessments: CHECKLIST.flatMap((it, i) =>
        i === 1
          ? []
          : [
              new AssessedRow(
                'SYT',
                it.code,
                i === 0 || i === 2 ? 'khong-ap-dung' : 'dat',
                i === 0 ? 'Sở: không có dự án' : '',
                column,
                7,
              ),
            ],
      ),
    });

    it('the statuses, notes, evidence and source of the readers’ rows, as the rows gave them', () => {
      const { reports, assessments } = readerRows();
      const a = assess(AGENCY, reports, assessments, P);
      const [first, second, third] = a.items;
      expect(first).toMatchObject({
        selfAssessment: 'khong-dat',
        assessment: 'khong-ap-dung',
        status: 'khong-ap-dung',
        decidedBy: 'assessment',
        disagreement: true,
        reported: true,
        evidence: `Văn bản ${CHECKLIST[0]?.code}`,
        note: 'Sở: không có dự án',
        unitNote: `ghi chú ${CHECKLIST[0]?.code}`,
      });
      expect(first?.source).toEqual({ ...column, row: 7 });
      // Not assessed: the unit's row is the source, and the item is missing.
      expect(second).toMatchObject({ selfAssessment: 'dat', assessment: null, status: null, missing: 'not-assessed' });
      expect(second?.source).toEqual({ ...place, row: 6 });
      expect(third).toMatchObject({ selfAssessment: 'dat', assessment: 'khong-ap-dung', note: '', disagreement: true });
      expect(a.disagreements.map((i) => i.item.code)).toEqual([CHECKLIST[0]?.code, CHECKLIST[2]?.code]);
    });

    it('a row made by hand gives its source whole; an item with no row has none', () => {
      const reports = report('SYT', { absent: ['1.2'] }).map((r) =>
        r.itemCode === '1.1' || r.itemCode === '1.3' ? { ...r, source: { file: 'tay.csv', row: 3, column: 'C' } } : r,
      );
      const a = assess(AGENCY, reports, assessed('SYT', { absent: ['1.2'], blank: ['1.1'] }), P);
      expect(item(a, '1.1')?.source).toEqual({ file: 'tay.csv', row: 3, column: 'C' });
      // Assessed by a row that says nothing of where it is from: the unit's row is the source.
      expect(item(a, '1.3')).toMatchObject({ assessment: 'dat', source: { file: 'tay.csv', row: 3, column: 'C' } });
      expect(item(a, '1.2')).toMatchObject({ reported: false, source: undefined, evidence: '', unitNote: '' });
    });

    it('an item worth a look keeps the unit’s evidence and note; an item met without remark keeps neither', () => {
      const reports = report('SYT').map((r) => ({
        ...r,
        evidence: `Văn bản ${r.itemCode}`,
        note: `ghi chú ${r.itemCode}`,
      }));
      const a = assess(
        AGENCY,
        reports,
        withAssessment(withAssessment(assessed('SYT'), '2.3', { status: 'khong-dat' }), '3.1', { status: null }),
        policyWith({ informationOnlyItems: ['4.2'] }),
      );
      const kept = a.items.filter((i) => i.evidence !== '').map((i) => i.item.code);
      // Not met, not assessed, information only: each is worth a look, and keeps what explain and "Chi tiết" show.
      expect(kept).toEqual(['2.3', '3.1', '4.2']);
      expect(a.items.filter(notable).map((i) => i.item.code)).toEqual(kept);
      expect(item(a, '2.3')).toMatchObject({ evidence: 'Văn bản 2.3', unitNote: 'ghi chú 2.3' });
      // Met, assessed, agreed: the status and its source stay, the unit's texts go.
      expect(item(a, '1.1')).toMatchObject({ status: 'dat', evidence: '', unitNote: '', reported: true });
      expect(item(a, '1.1')?.source).toEqual(reports[0]?.source);
    });

    it('an item met without remark is made again from what the unit keeps: its status, note, flags and source', () => {
      const reports = CHECKLIST.map(
        (it, i) => new ReportRow('SYT', it.code, 'dat', `Văn bản ${it.code}`, '', '', place, 70_000 + i),
      );
      // Lines past what a small integer holds (2^31 and more), a line of 0, and a department's note on a met item.
      const lines = [0, 100_001, 0, 2 ** 31 + 5];
      const assessments = CHECKLIST.map(
        (it, i) =>
          new AssessedRow('SYT', it.code, 'dat', i === 4 ? 'Sở: đạt, có văn bản' : '', column, lines[i] ?? 1_000_000),
      );
      const a = assess(AGENCY, reports, assessments.slice(1), policyWith({ unassessedItems: 'self-report' }));
      const [first, second, third, fourth, fifth] = a.items;
      // Not assessed, decided on the unit's self-assessment: worth a look, kept whole.
      expect(first).toMatchObject({
        status: 'dat',
        decidedBy: 'self-assessment',
        evidence: `Văn bản ${CHECKLIST[0]?.code}`,
      });
      expect(first?.source).toEqual({ ...place, row: 70_000 });
      expect(a.items[0]).toBe(first);
      expect(pick(second as ItemResult)).toEqual({
        item: CHECKLIST[1]?.code,
        status: 'dat',
        selfAssessment: 'dat',
        assessment: 'dat',
        decidedBy: 'assessment',
        disagreement: false,
        missing: null,
        reported: true,
        flags: [false, false, false],
        texts: ['', '', ''],
        source: { ...column, row: 100_001 },
      });
      expect(third?.source).toEqual({ ...column, row: 0 });
      expect(fourth?.source).toEqual({ ...column, row: 2 ** 31 + 5 });
      expect(fifth).toMatchObject({ status: 'dat', note: 'Sở: đạt, có văn bản' });
      expect(a.items[9]?.source).toEqual({ ...column, row: 1_000_000 });
      // Read twice, the same results, field by field.
      expect(a.items.map(pick)).toEqual(a.items.map(pick));
      // An item not reported, and a department's row made by hand, whose source is given whole.
      const byHand = assess(
        AGENCY,
        report('SYT', { absent: ['1.2'] }),
        assessed('SYT').map((r) =>
          r.itemCode === '1.3' ? { ...r, source: { file: 'tay.csv', row: 3, column: 'C' } } : r,
        ),
        P,
      );
      // Its met items come from two places (the one row's, and none for the others): each keeps its own.
      expect(item(byHand, '1.3')).toMatchObject({ status: 'dat', source: { file: 'tay.csv', row: 3, column: 'C' } });
      expect(byHand.items.filter((i) => i.source !== undefined).map((i) => i.item.code)).toEqual(['1.3']);
      expect(item(byHand, '1.2')).toMatchObject({ status: 'dat', reported: false, selfAssessment: null });
      expect(notable(item(byHand, '1.2') as ItemResult)).toBe(false);
    });

    it('units assessed in a wide sheet (a place per item column) each give every item its own column and row', () => {
      const columns = CHECKLIST.map((_, i) => ({ ...column, column: String.fromCharCode(67 + i) }));
      const other = CHECKLIST.map((_, i) => ({
        ...column,
        sheet: 'Đánh giá bổ sung',
        column: String.fromCharCode(67 + i),
      }));
      const unitAt = (places: typeof columns, line: number) =>
        assess(
          AGENCY,
          report('SYT'),
          CHECKLIST.map((it, i) => new AssessedRow('SYT', it.code, 'dat', '', places[i] ?? column, line)),
          P,
        );
      // One sheet, another, the first again: each unit's sources are its own, whichever unit came before it.
      const [first, second, third] = [unitAt(columns, 5), unitAt(other, 6), unitAt(columns, 7)];
      const met = (a: ReturnType<typeof unitAt>) => a.items.filter((i) => !notable(i));
      expect(met(first).length).toBe(CHECKLIST.length - 1);
      for (const [a, places, line] of [
        [first, columns, 5],
        [second, other, 6],
        [third, columns, 7],
      ] as const) {
        expect(a.items.map((i) => i.source)).toEqual(places.map((place) => ({ ...place, row: line })));
      }
    });
  });
