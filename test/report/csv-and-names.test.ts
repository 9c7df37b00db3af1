import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/io/names.js';
import { neutralise, sheetCsv, sheetSlug } from '../../src/report/render/csv.js';

describe('CSV export is safe to open in Excel', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+84 912', "'+84 912"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rCR', "'\rCR"],
    ['Sở Y tế', 'Sở Y tế'],
    ['', ''],
  ])('the text %j is written as %j', (text, written) => {
    expect(neutralise(text)).toBe(written);
  });

  it('keeps real numbers, negative ones included, as numbers', () => {
    expect(neutralise(-3)).toBe(-3);
    expect(neutralise(0.7705)).toBe(0.7705);
    expect(neutralise(null)).toBe('');
  });

  const sheet = {
    kind: 'table',
    name: 'Xếp loại',
    title: '',
    columns: [
      { header: 'Họ và tên', width: 10 },
      { header: 'Điểm', width: 8 },
    ],
    rows: [
      ['=cmd', 88.25],
      ['Lê Văn A; B', 70],
    ],
  } as const;

  it('by default as Vietnamese Excel opens it: BOM, STT, ";" between cells, decimal comma, CRLF', () => {
    expect(sheetCsv(sheet)).toBe('\uFEFFSTT;Họ và tên;Điểm\r\n1;\'=cmd;88,25\r\n2;"Lê Văn A; B";70\r\n');
  });

  it('--csv=comma: "," between cells and a decimal point', () => {
    expect(sheetCsv(sheet, 'comma')).toBe("\uFEFFSTT,Họ và tên,Điểm\r\n1,'=cmd,88.25\r\n2,Lê Văn A; B,70\r\n");
  });

  it('names a sheet’s CSV in ASCII', () => {
    expect(sheetSlug('Căn cứ và tham số')).toBe('can-cu-va-tham-so');
    expect(sheetSlug('Đề xuất xử lý')).toBe('de-xuat-xu-ly');
  });
});

describe('file names made from unit codes never leave their folder', () => {
  it.each([
    ['SYT', 'SYT'],
    ['../../etc/passwd', '____etc_passwd'],
    ['a/b\\c', 'a_b_c'],
    ['CON', 'don-vi-CON'],
    ['lpt1', 'don-vi-lpt1'],
    ['...', '_'],
    ['', 'don-vi-'],
    ['.hidden', 'hidden'],
    ['x'.repeat(200), 'x'.repeat(80)],
    ['Sở:Y*tế?', 'Sở_Y_tế_'],
    // Issue #40: a reserved name with an extension is still reserved on Windows; no name starts with a dash.
    ['NUL.txt', 'don-vi-NUL.txt'],
    ['com1.xlsx', 'don-vi-com1.xlsx'],
    ['.-rf', 'don-vi--rf'],
    ['-x', 'don-vi--x'],
    ['\u001b[2J', '_[2J'],
  ])('the code %j gives the name %j', (code, name) => {
    expect(safeFileName(code, new Set())).toBe(name);
  });

  it('makes names unique, ignoring case', () => {
    const used = new Set<string>();
    expect([safeFileName('SYT', used), safeFileName('syt', used), safeFileName('SYT', used)]).toEqual([
      'SYT',
      'syt-2',
      'SYT-3',
    ]);
  });
});
