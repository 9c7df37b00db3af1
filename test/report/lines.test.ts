import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/report/render/terminal.js';
import { linesFor } from '../../src/report/render/workbook.js';

/** The definition linesFor counts by position: paragraphs split at line ends, words at spaces, each measured. */
function byWords(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width * 1.25) - 1);
  if (text.length <= room && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const length = textWidth(word);
      if (line > 0 && line + 1 + length > room) {
        lines++;
        line = 0;
      }
      if (length > room) {
        lines += Math.ceil(length / room) - 1;
        line = length % room;
      } else line += (line > 0 ? 1 : 0) + length;
    }
  }
  return lines;
}

const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '  ', '\n', '\n\n', 'a', 'Nguyễn', 'điểm a khoản 1 Điều 17', '中文', '😀', 'x'.repeat(40)),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

describe('the lines a text takes in a cell', () => {
  it('are counted as the words are wrapped', () => {
    expect(linesFor('ngắn', 10)).toBe(1);
    // 12 characters a line at width 10: "một hai ba" | "bốn năm sáu" | "bảy".
    expect(linesFor('một hai ba bốn năm sáu bảy', 10)).toBe(3);
    expect(linesFor('a\nb', 10)).toBe(2);
    expect(linesFor('a\n', 10)).toBe(2);
    // A word longer than the line takes as many lines as it needs.
    expect(linesFor('x'.repeat(30), 10)).toBe(3);
    // Wide letters take two columns each: 24 columns, 11 a line.
    expect(linesFor('中'.repeat(12), 10)).toBe(3);
    expect(linesFor('x'.repeat(12), 10)).toBe(2);
  });

  it('match the word-by-word definition for any text and width', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 60 }), (t, width) => {
        expect(linesFor(t, width)).toBe(byWords(t, width));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });
});
