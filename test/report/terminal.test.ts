import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import {
  fitColumns,
  tableLines,
  terminalWidth,
  textTable,
  wrapText,
  wrapWords,
  writeLines,
} from '../../src/report/render/terminal.js';

const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));
/** The words of a text, whatever the line breaks and padding: nothing may be lost by wrapping. */
const words = (text: string) => text.split(/\s+/u).filter((w) => w !== '' && !/^─+$/u.test(w));

describe('terminal tables fit 80–100 columns (issue 12)', () => {
  const headers = ['STT', 'Họ và tên', 'Đơn vị', 'Xếp loại', 'Căn cứ'];
  const rows = [
    [
      '1',
      'Bùi Thị Tâm',
      'Ban Quản lý các khu công nghiệp',
      'Không hoàn thành nhiệm vụ',
      'khoản 3 Điều 15; khoản 1 Điều 9; khoản 3 Điều 14; khoản 1 Điều 17 (đoạn đầu); khoản 3 Điều 18',
    ],
    ['2', 'Phạm Thị Bình', 'Sở Nội vụ', 'Hoàn thành xuất sắc nhiệm vụ', 'khoản 1 Điều 15'],
  ];

  it('narrows the widest columns and wraps their cells: no line wider than asked, no word lost', () => {
    for (const width of [60, 80, 100]) {
      const table = textTable(headers, rows, { width });
      expect(widest(table)).toBeLessThanOrEqual(width);
      expect(words(table).sort()).toEqual(words([headers, ...rows].flat().join(' ')).sort());
    }
  });

  it('leaves a table that fits as it is, one line per row', () => {
    const table = textTable(['Mã', 'Đơn vị'], [['SYT', 'Sở Y tế']], { width: 80 });
    expect(table.split('\n')).toEqual(['Mã   Đơn vị', '───  ───────', 'SYT  Sở Y tế']);
  });

  it('moves the stacked columns under their rows only when the table is too wide', () => {
    const wide = textTable(headers, rows, { width: 80, stack: [4] });
    expect(wide).toContain('\n     Căn cứ: khoản 3 Điều 15; khoản 1 Điều 9;');
    expect(wide.split('\n')[0]).not.toContain('Căn cứ');
    expect(widest(wide)).toBeLessThanOrEqual(80);
    const roomy = textTable(headers, rows, { width: 400, stack: [4] });
    expect(roomy.split('\n')[0]).toContain('Căn cứ');
    expect(roomy.split('\n')).toHaveLength(4);
  });

  it('narrows the widest column first and never below 8 (or the natural width)', () => {
    // 77 wide: the 40 narrows to 30, then the two take turns (the first on a tie) until 60.
    expect(fitColumns([3, 40, 30], 60)).toEqual([3, 26, 27]);
    expect(fitColumns([3, 5, 30, 30], 10)).toEqual([3, 5, 8, 8]);
  });

  it('takes the terminal width between 60 and 100, 100 in a pipe', () => {
    expect(terminalWidth(undefined)).toBe(100);
    expect(terminalWidth(80)).toBe(80);
    expect(terminalWidth(250)).toBe(100);
    expect(terminalWidth(30)).toBe(60);
  });

  it('wraps running text keeping each line’s indentation and hanging its continuation under the bullet', () => {
    const text = `Cảnh báo:\n  - ${'đơn vị chưa gửi báo cáo '.repeat(6).trim()}\n   Mục 1: Đạt`;
    const wrapped = wrapText(text, 60);
    expect(widest(wrapped)).toBeLessThanOrEqual(60);
    const lines = wrapped.split('\n');
    expect(lines[1]).toMatch(/^ {2}- đơn vị/u);
    expect(lines[2]).toMatch(/^ {4}\S/u);
    expect(lines.at(-1)).toBe('   Mục 1: Đạt');
    expect(words(wrapped)).toEqual(words(text));
  });
});

describe('textWidth: the fast count agrees with string-width', () => {
  it.each([
    'Sở Lao động - Thương binh và Xã hội',
    'Không hoàn thành nhiệm vụ — khoản 3 Điều 15; “điểm b”…',
    'Sở Y tế'.normalize('NFD'),
    '\u001b[31mVi phạm\u001b[39m',
    '越南 ICT',
    // rank's "±" column and the rule under a table's header.
    '▲12',
    '▼3',
    '─'.repeat(12),
    '┼│┴',
    '',
  ])('%j', async (text) => {
    const { textWidth } = await import('../../src/report/render/terminal.js');
    expect(textWidth(text)).toBe(stringWidth(text));
  });
});

describe('textWidth: every sign the fast count takes as one column is one for string-width', () => {
  it('box drawing (U+2500–U+257F), ▲ and ▼', async () => {
    const { textWidth } = await import('../../src/report/render/terminal.js');
    const signs = [...Array.from({ length: 0x80 }, (_, i) => String.fromCodePoint(0x2500 + i)), '▲', '▼'];
    for (const sign of signs) expect([sign, textWidth(`a${sign}b`)]).toEqual([sign, stringWidth(`a${sign}b`)]);
  });
});

describe('wrapWords: the plain-text path wraps exactly as wrap-ansi does', () => {
  // Letters a civil servant's text is made of, and the ones that must leave the fast path (marks left after NFC, a
  // soft hyphen, a tab, a colour code, wide characters).
  const plain = ['a', 'b', 'Đ', 'ế', 'ữ', 'ơ', '1', ';', '(', ')', '“', '”', '…', '—', '\u00a0', 'É'];
  const odd = ['e\u0301', 'q\u0301', '\u00ad', '\t', '\u001b[31m', '\u001b[39m', '越', '😀', '\n'];
  const word = (letters: readonly string[]) =>
    fc.array(fc.constantFrom(...letters), { minLength: 0, maxLength: 14 }).map((l) => l.join(''));
  const text = (letters: readonly string[]) =>
    fc
      .array(fc.tuple(word(letters), fc.constantFrom(' ', ' ', ' ', '  ', '   ')), { maxLength: 40 })
      .map((parts) => parts.map(([w, gap]) => w + gap).join(''));

  it('gives wrap-ansi’s lines for generated plain texts, odd ones and long words (width 10–100)', () => {
    fc.assert(
      fc.property(
        fc.oneof(text(plain), text([...plain, ...odd])),
        fc.integer({ min: 10, max: 100 }),
        (input, width) => {
          expect(wrapWords(input, width)).toEqual(wrapAnsi(input, width, { hard: true, trim: true }).split('\n'));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });

  it('wraps a national table’s citation line as wrap-ansi does, and every line fits', () => {
    const citation = `Căn cứ: ${Array.from({ length: 40 }, (_, i) => `khoản ${(i % 3) + 1} Điều ${5 + (i % 13)}`).join('; ')}`;
    for (const width of [40, 57, 98]) {
      const lines = wrapWords(citation, width);
      expect(lines).toEqual(wrapAnsi(citation, width, { hard: true, trim: true }).split('\n'));
      expect(lines.length).toBeGreaterThan(3);
      expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(width);
    }
  });
});

describe('widthIsLength: the row-height count may take lengths for widths', () => {
  it('holds only where every word’s width (textWidth and string-width) is its length', async () => {
    const { textWidth, widthIsLength } = await import('../../src/report/render/terminal.js');
    const letters = [
      'a',
      'Đ',
      'ế',
      'ữ',
      '1',
      ';',
      '“',
      '…',
      '—',
      '\u00a0',
      '\u00ad',
      'e\u0301',
      '越',
      '😀',
      '\t',
      '\u001b[1m',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters, ' '), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        if (!widthIsLength(text)) return;
        for (const word of text.split(' ')) {
          expect(textWidth(word)).toBe(word.length);
          expect(stringWidth(word)).toBe(word.length);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
    expect(widthIsLength('Sở Y tế; khoản 3 Điều 15 — “điểm b”…')).toBe(true);
    expect(widthIsLength('Sở Y tế'.normalize('NFD'))).toBe(false);
    expect(widthIsLength('越南')).toBe(false);
    expect(widthIsLength('Sở\u00adY tế')).toBe(false);
  });
});

describe('writeLines: a table or any lines sent in pieces, the same text as printed whole', () => {
  it('joins the pieces to the lines, each ended by a newline; no piece ends inside a line', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 30_000 }).map((s) => s.replaceAll('\n', ' ')),
          { maxLength: 40 },
        ),
        (lines) => {
          const pieces: string[] = [];
          writeLines((text) => pieces.push(text), lines);
          expect(pieces.join('')).toBe(lines.map((line) => `${line}\n`).join(''));
          for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
          // A piece closes once it reaches 64K characters: at most that and one line more.
          for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(64 * 1024 + 30_001);
          expect(pieces.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(pieces.join('').length / (64 * 1024)) + 1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('prints a table as textTable gives it, with the newline after its last line', () => {
    const headers = ['STT', 'Họ và tên', 'Căn cứ'];
    const rows = Array.from({ length: 3000 }, (_, i) => [String(i + 1), `Người số ${i}`, 'khoản 3 Điều 15; Điều 6']);
    const pieces: string[] = [];
    writeLines((text) => pieces.push(text), tableLines(headers, rows, { width: 80 }));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(`${textTable(headers, rows, { width: 80 })}\n`);
  });
});
