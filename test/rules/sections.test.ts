import { describe, expect, it } from 'vitest';
import type { SelfReportRow } from '../../src/domain.js';
import { assessUnit } from '../../src/rules/sections.js';
import { policyWith, report } from '../helpers.js';

const P = policyWith();

function withRow(rows: SelfReportRow[], itemCode: string, change: Partial<SelfReportRow>): SelfReportRow[] {
  return rows.map((row) => (row.itemCode === itemCode ? { ...row, ...change } : row));
}

describe('a unit’s Mục 1–4 result from its self-report and the appraisal', () => {
  it('a unit whose 22 items are all met violates no section', () => {
    const a = assessUnit('SYT', report('SYT'), P);
    expect(a.hasReport).toBe(true);
    expect(a.violatedSections).toEqual([]);
    expect(a.undeterminedSections).toEqual([]);
    expect(a.sections.map((s) => s.status)).toEqual(['met', 'met', 'met', 'met']);
  });

  it('one item not met violates its section, citing the item’s article', () => {
    const a = assessUnit('SYT', report('SYT', { notMet: ['2.8'] }), P);
    expect(a.violatedSections).toEqual([2]);
    expect(a.sections[1]?.notMet).toEqual(['2.8']);
    expect(a.sections[1]?.citations).toEqual([{ article: 9, clause: 2 }]);
  });

  it('several items of one section not met still count as one violated section', () => {
    expect(assessUnit('SYT', report('SYT', { notMet: ['2.1', '2.5', '2.9'] }), P).violatedSections).toEqual([2]);
  });

  it('items not met in sections 4 and 1 give the violated sections in ascending order', () => {
    expect(assessUnit('SYT', report('SYT', { notMet: ['4.6', '1.2'] }), P).violatedSections).toEqual([1, 4]);
  });

  it('the appraisal overrides a self-assessment of Đạt, and the disagreement is reported', () => {
    const rows = withRow(report('SYT'), '3.4', { selfAssessment: 'dat', appraisal: 'khong-dat' });
    const a = assessUnit('SYT', rows, P);
    expect(a.violatedSections).toEqual([3]);
    const item = a.items.find((i) => i.item.code === '3.4');
    expect(item?.decidedBy).toBe('appraisal');
    expect(a.disagreements.map((d) => d.item.code)).toEqual(['3.4']);
  });

  it('the appraisal overrides a self-assessment of Không đạt: the section is met', () => {
    const rows = withRow(report('SYT'), '1.1', { selfAssessment: 'khong-dat', appraisal: 'dat' });
    const a = assessUnit('SYT', rows, P);
    expect(a.violatedSections).toEqual([]);
    expect(a.disagreements).toHaveLength(1);
  });

  it('an appraisal that agrees with the self-assessment is no disagreement', () => {
    const rows = withRow(report('SYT'), '1.1', { selfAssessment: 'dat', appraisal: 'dat' });
    expect(assessUnit('SYT', rows, P).disagreements).toEqual([]);
  });

  it('an appraisal alone, with a blank self-assessment, decides the item', () => {
    const rows = withRow(report('SYT'), '1.1', { selfAssessment: null, appraisal: 'khong-dat' });
    const a = assessUnit('SYT', rows, P);
    expect(a.violatedSections).toEqual([1]);
    expect(a.disagreements).toEqual([]);
  });

  it('a blank status is missing data, never met: its section is undetermined', () => {
    const a = assessUnit('SYT', report('SYT', { blank: ['3.2'] }), P);
    expect(a.violatedSections).toEqual([]);
    expect(a.undeterminedSections).toEqual([3]);
    expect(a.items.find((i) => i.item.code === '3.2')?.missing).toBe('blank');
  });

  it('an item with no row is missing data', () => {
    const a = assessUnit('SYT', report('SYT', { absent: ['4.5'] }), P);
    expect(a.undeterminedSections).toEqual([4]);
    expect(a.items.find((i) => i.item.code === '4.5')?.missing).toBe('no-row');
  });

  it('a missing item does not undo a violation of the same section', () => {
    const a = assessUnit('SYT', report('SYT', { notMet: ['4.1'], blank: ['4.2'] }), P);
    expect(a.violatedSections).toEqual([4]);
    expect(a.undeterminedSections).toEqual([]);
  });

  it('Không áp dụng with a note is accepted and violates nothing', () => {
    const a = assessUnit('SYT', report('SYT', { notApplicable: ['4.2'] }), P);
    expect(a.violatedSections).toEqual([]);
    expect(a.undeterminedSections).toEqual([]);
  });

  it('Không áp dụng without a note is missing data by default, and flagged', () => {
    const a = assessUnit('SYT', report('SYT', { notApplicableNoNote: ['4.2'] }), P);
    const item = a.items.find((i) => i.item.code === '4.2');
    expect(item?.missing).toBe('not-applicable-without-note');
    expect(item?.status).toBeNull();
    expect(a.undeterminedSections).toEqual([4]);
  });

  it('Không áp dụng without a note is accepted, still flagged, when the policy says accept', () => {
    const a = assessUnit(
      'SYT',
      report('SYT', { notApplicableNoNote: ['4.2'] }),
      policyWith({ notApplicableWithoutNote: 'accept' }),
    );
    const item = a.items.find((i) => i.item.code === '4.2');
    expect(item?.missing).toBeNull();
    expect(item?.notApplicableWithoutNote).toBe(true);
    expect(a.undeterminedSections).toEqual([]);
  });

  it('a unit with no row at all has no report', () => {
    const a = assessUnit('SYT', [], P);
    expect(a.hasReport).toBe(false);
    expect(a.undeterminedSections).toEqual([1, 2, 3, 4]);
  });

  it('refuses rows of another unit, unknown items and duplicate items (the readers catch these first)', () => {
    expect(() => assessUnit('SYT', report('SGD'), P)).toThrow(/row of unit SGD/);
    const [first] = report('SYT');
    if (first === undefined) throw new Error('empty report');
    const unknown = [{ ...first, itemCode: '5.1' }];
    expect(() => assessUnit('SYT', unknown, P)).toThrow(/unknown item 5.1/);
    const twice = [...report('SYT'), first];
    expect(() => assessUnit('SYT', twice, P)).toThrow(/two rows for item 1.1/);
  });
});
