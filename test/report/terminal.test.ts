import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitColumns, terminalWidth, textTable, wrapText } from '../../src/report/render/terminal.js';

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
    '',
  ])('%j', async (text) => {
    const { textWidth } = await import('../../src/report/render/terminal.js');
    expect(textWidth(text)).toBe(stringWidth(text));
  });
});
