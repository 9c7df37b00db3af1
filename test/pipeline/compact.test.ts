import { describe, expect, it } from 'vitest';
import { COMPACT_STORE } from '../../src/pipeline/compact.js';
import type { Policy } from '../../src/rules/policy.js';
import { PLAIN_STORE, type UnitAssessment, assessUnit } from '../../src/rules/sections.js';
import { AGENCY, type ReportSpec, assessed, policyWith, report } from '../helpers.js';

const P = policyWith();
const unit = (code: string) => ({ ...AGENCY, code });
const assess = (store: typeof COMPACT_STORE, code: string, spec: ReportSpec, policy: Policy = P): UnitAssessment =>
  assessUnit(unit(code), report(code, spec), assessed(code, spec), policy, store);
/** What a unit's assessment says of its sections, as plain values. */
const sectionsOf = (a: UnitAssessment) => ({
  sections: a.sections.map((s) => ({ ...s })),
  violatedSections: [...a.violatedSections],
  undeterminedSections: [...a.undeterminedSections],
  checklist: a.items.map((i) => i.item.code),
});
const checklistOf = (a: UnitAssessment) => (a as unknown as { checklist: unknown }).checklist;

describe('the compact store keeps once what units have alike (src/pipeline/compact.ts)', () => {
  it('two units assessed alike share their section results, lists and checklist, with the plain records’ values', () => {
    const spec: ReportSpec = { notMet: ['2.3', '3.4'], blank: ['4.1'] };
    const a = assess(COMPACT_STORE, 'SYT', spec);
    const b = assess(COMPACT_STORE, 'SGD', spec);
    expect(sectionsOf(a)).toEqual(sectionsOf(assess(PLAIN_STORE, 'SYT', spec)));
    expect(sectionsOf(b)).toEqual(sectionsOf(a));
    expect(b.sections).toBe(a.sections);
    for (const [at, section] of b.sections.entries()) expect(section).toBe(a.sections[at]);
    expect(b.violatedSections).toBe(a.violatedSections);
    expect(b.undeterminedSections).toBe(a.undeterminedSections);
    expect(checklistOf(b)).toBe(checklistOf(a));
    // What each unit has of its own stays its own.
    expect(b.unitCode).toBe('SGD');
    expect(b.items.map((i) => i.source)).toEqual(a.items.map((i) => i.source));
  });

  it('a unit assessed otherwise shares only the sections that are alike', () => {
    const a = assess(COMPACT_STORE, 'SYT', { notMet: ['2.3'] });
    const b = assess(COMPACT_STORE, 'STP', { notMet: ['2.4'] });
    expect(b.sections).not.toBe(a.sections);
    expect(b.sections[1]).not.toBe(a.sections[1]);
    expect(b.sections[1]?.notMet).toEqual(['2.4']);
    expect(b.sections[1]?.citations).toEqual(assess(PLAIN_STORE, 'STP', { notMet: ['2.4'] }).sections[1]?.citations);
    // Mục 1, 3 and 4 are met alike.
    for (const at of [0, 2, 3]) expect(b.sections[at]).toBe(a.sections[at]);
    expect(b.violatedSections).toBe(a.violatedSections);
    expect(assess(COMPACT_STORE, 'SXD', {}).violatedSections).toEqual([]);
  });

  it('never shares a section result whose citations are other objects, even if they read alike', () => {
    // Another regulation's checklist: the same items, each citing a provision of its own that reads the same.
    const other: Policy = {
      ...P,
      regulation: {
        ...P.regulation,
        checklist: P.regulation.checklist.map((item) => ({ ...item, citation: { ...item.citation } })),
      },
    };
    const a = assess(COMPACT_STORE, 'SYT', { notMet: ['2.3'] });
    const b = assess(COMPACT_STORE, 'SYT', { notMet: ['2.3'] }, other);
    expect(b.sections[1]).toEqual(a.sections[1]);
    expect(b.sections[1]).not.toBe(a.sections[1]);
    const cited = other.regulation.checklist.find((item) => item.code === '2.3')?.citation;
    expect(b.sections[1]?.citations[0]).toBe(cited);
    expect(checklistOf(b)).not.toBe(checklistOf(a));
    expect(b.items.find((i) => i.item.code === '2.3')?.item.citation).toBe(cited);
  });

  it('gives each of many different units its own values', () => {
    const first = assess(COMPACT_STORE, 'SYT', { notMet: ['1.1'] });
    const codes = P.regulation.checklist.map((item) => item.code);
    for (let i = 0; i < 300; i++) {
      const spec: ReportSpec = {
        notMet: codes.filter((_, at) => ((i + 1) >> (at % 9)) & 1),
        blank: [codes[i % codes.length] ?? ''],
      };
      expect(sectionsOf(assess(COMPACT_STORE, `U${i}`, spec))).toEqual(sectionsOf(assess(PLAIN_STORE, `U${i}`, spec)));
    }
    expect(sectionsOf(assess(COMPACT_STORE, 'SGD', { notMet: ['1.1'] }))).toEqual(sectionsOf(first));
  });
});
