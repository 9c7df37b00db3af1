import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import { checklistItem as itemOf, sectionItems as itemsOf } from '../../src/rules/checklist.js';

const { checklist: CHECKLIST, sections: SECTIONS } = BN_358_2013;
const checklistItem = (code: string) => itemOf(BN_358_2013, code);
const sectionItems = (section: number) => itemsOf(BN_358_2013, section);
import { formatCitation } from '../../src/rules/citation.js';

// The law text lives beside its module (the project stands alone: a clone has nothing beside it).
const regulation = readFileSync(new URL('../../src/regulations/bn-358-2013/law.txt', import.meta.url), 'utf8');

/** The text of one article of the attached Quy định, from its heading to the next one. */
function articleText(article: number): string {
  const start = regulation.indexOf(`\nĐiều ${article}. `, regulation.indexOf('Chương I'));
  if (start < 0) throw new Error(`Điều ${article} not found in the regulation`);
  const end = regulation.indexOf('\nĐiều ', start + 1);
  return regulation.slice(start, end < 0 ? undefined : end);
}

/** rules.md's table: item → article, as the spec writes it (v2: smallest unit first). */
const RULES_MD_TABLE: readonly [string, string][] = [
  ['1.1', 'khoản 1 Điều 5'],
  ['1.2', 'khoản 2 Điều 5'],
  ['1.3', 'Điều 6'],
  ['2.1', 'khoản 1 Điều 7'],
  ['2.2', 'khoản 2 Điều 7'],
  ['2.3', 'khoản 3 Điều 7'],
  ['2.4', 'khoản 1 Điều 8'],
  ['2.5', 'khoản 2 Điều 8'],
  ['2.6', 'khoản 3 Điều 8'],
  ['2.7', 'khoản 1 Điều 9'],
  ['2.8', 'khoản 2 Điều 9'],
  ['2.9', 'khoản 3 Điều 9'],
  ['3.1', 'khoản 1 Điều 10'],
  ['3.2', 'khoản 2 Điều 10'],
  ['3.3', 'khoản 3 Điều 10'],
  ['3.4', 'Điều 11'],
  ['4.1', 'Điều 12'],
  ['4.2', 'Điều 13'],
  ['4.3', 'khoản 1 Điều 14'],
  ['4.4', 'khoản 2 Điều 14'],
  ['4.5', 'khoản 3 Điều 14'],
  ['4.6', 'khoản 4 Điều 14'],
];

describe('the checklist of Chương II, Mục 1–4', () => {
  it('has the 22 items of rules.md, in order, each citing the article rules.md gives', () => {
    expect(CHECKLIST.map((item) => [item.code, formatCitation(item.citation)])).toEqual(RULES_MD_TABLE);
  });

  it.each(CHECKLIST.map((item) => [item.code, item] as const))(
    'item %s sits in the section its code names',
    (code, item) => {
      expect(String(item.section)).toBe(code.split('.')[0]);
      expect(sectionItems(item.section)).toContain(item);
    },
  );

  it.each(CHECKLIST.map((item) => [item.code, item] as const))(
    'item %s cites an article and clause that exist in the regulation, within its section',
    (_code, item) => {
      const text = articleText(item.citation.article);
      if (item.citation.clause !== undefined) expect(text).toContain(`\n${item.citation.clause}. `);
      const section = SECTIONS.find((s) => s.number === item.section);
      expect(section?.articles).toContain(item.citation.article);
      const heading = regulation.indexOf(`Mục ${item.section}. `);
      const next = regulation.indexOf(`Mục ${item.section + 1}. `);
      const at = regulation.indexOf(`\nĐiều ${item.citation.article}. `, heading);
      expect(at).toBeGreaterThan(heading);
      if (next > 0) expect(at).toBeLessThan(next);
    },
  );

  it.each(CHECKLIST.map((item) => [item.code, item] as const))(
    'item %s has a full Vietnamese wording and an English label',
    (_code, item) => {
      expect(item.textVi.length).toBeGreaterThan(40);
      expect(item.textVi.normalize('NFC')).toBe(item.textVi);
      expect(item.labelEn.length).toBeGreaterThan(10);
    },
  );

  it('has sections 1 to 4 with the 3, 9, 4 and 6 items of rules.md', () => {
    expect(SECTIONS.map((s) => sectionItems(s.number).length)).toEqual([3, 9, 4, 6]);
  });

  it('Điều 11 (item 3.4) binds only the specialised agencies and the districts, as its text says', () => {
    expect(checklistItem('3.4')?.appliesTo).toEqual(['co-quan-chuyen-mon', 'ubnd-huyen']);
    expect(articleText(11)).toContain('Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh; Chủ tịch UBND các huyện');
    expect(CHECKLIST.filter((item) => item.appliesTo !== undefined).map((item) => item.code)).toEqual(['3.4']);
  });

  it('finds an item by code and knows nothing of an unknown code', () => {
    expect(checklistItem('2.9')?.citation).toEqual({ article: 9, clause: 3 });
    expect(checklistItem('5.1')).toBeUndefined();
  });
});
