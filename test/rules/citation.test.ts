import { describe, expect, it } from 'vitest';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import {
  cite,
  citeDecision,
  citeOpening,
  formatCitation,
  formatFullCitation,
  sameCitation,
} from '../../src/rules/citation.js';

describe('citations in the form of rules.md v2: smallest unit first', () => {
  it.each([
    [cite(17, 1, 'b'), 'điểm b khoản 1 Điều 17', 'Art. 17(1)(b)'],
    [cite(15, 3), 'khoản 3 Điều 15', 'Art. 15(3)'],
    [cite(6), 'Điều 6', 'Art. 6'],
    [citeOpening(17, 1), 'khoản 1 Điều 17 (đoạn đầu)', 'Art. 17(1), opening paragraph'],
    [citeDecision(2), 'Điều 2 của Quyết định', 'Art. 2 of the Decision'],
  ])('%j reads “%s”, in English “%s”', (citation, vi, en) => {
    expect(formatCitation(citation)).toBe(vi);
    expect(formatCitation(citation, 'en')).toBe(en);
  });

  it('the full form names the Quy định attached to the decision, with its number, date and issuer', () => {
    expect(formatFullCitation(cite(17, 1, 'b'), BN_358_2013.reference)).toBe(
      'điểm b khoản 1 Điều 17 Quy định kèm theo Quyết định số 358/2013/QĐ-UBND ngày 30/9/2013 của UBND tỉnh Bắc Ninh',
    );
    expect(formatFullCitation(cite(17, 1, 'b'), BN_358_2013.reference, 'en')).toBe(
      'Art. 17(1)(b) of the Regulation attached to Decision 358/2013/QĐ-UBND',
    );
  });

  it('an article of the decision itself is cited to the decision, not to the Quy định', () => {
    expect(formatFullCitation(citeDecision(2), BN_358_2013.reference)).toBe(
      'Điều 2 Quyết định số 358/2013/QĐ-UBND ngày 30/9/2013 của UBND tỉnh Bắc Ninh',
    );
  });

  it('a configured block’s legal basis is cited as written', () => {
    expect(formatCitation({ document: 'Quyết định số 99/2025/QĐ-UBND' })).toBe('Quyết định số 99/2025/QĐ-UBND');
  });

  it('knows two citations of the same provision', () => {
    expect(sameCitation(cite(9, 2), { article: 9, clause: 2 })).toBe(true);
    expect(sameCitation(cite(9, 2), cite(9, 3))).toBe(false);
  });
});
