import { describe, expect, it } from 'vitest';
import { cite, citeOpening, formatCitation, formatFullCitation, sameCitation } from '../../src/rules/citation.js';

describe('citations in the form rules.md requires', () => {
  it.each([
    [cite(17, 1, 'b'), 'Điều 17 khoản 1 điểm b'],
    [cite(15, 3), 'Điều 15 khoản 3'],
    [cite(6), 'Điều 6'],
    [citeOpening(17, 1), 'Điều 17 khoản 1 (đoạn đầu)'],
  ])('%j reads “%s”', (citation, text) => {
    expect(formatCitation(citation)).toBe(text);
  });

  it('adds the decision in the full form', () => {
    expect(formatFullCitation(cite(17, 1, 'b'), 'QĐ 358/2013/QĐ-UBND')).toBe(
      'Điều 17 khoản 1 điểm b, QĐ 358/2013/QĐ-UBND',
    );
  });

  it('knows two citations of the same provision', () => {
    expect(sameCitation(cite(9, 2), { article: 9, clause: 2 })).toBe(true);
    expect(sameCitation(cite(9, 2), cite(9, 3))).toBe(false);
  });
});
