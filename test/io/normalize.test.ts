import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import {
  blockParser,
  cleanText,
  isBlankText,
  matchKey,
  matchKeyOf,
  normalizeUnitCode,
  parseFlag,
  parseNumberText,
  parseRole,
  parseStatus,
} from '../../src/io/normalize.js';

describe('matching headers and values as people type them', () => {
  it.each([
    ['Mã đơn vị', 'ma don vi'],
    ['MÃ ĐƠN VỊ:', 'ma don vi'],
    ['  ma  don-vi ', 'ma don vi'],
    ['Mã đơn vị'.normalize('NFD'), 'ma don vi'],
    ['Căn cứ / ghi chú', 'can cu ghi chu'],
    ['Điểm ICT Index (thang 1)', 'diem ict index thang 1'],
  ])('the header %j is matched as %j', (text, key) => {
    expect(matchKey(text)).toBe(key);
  });

  it("gives an ASCII text the key the Unicode passes give it (the fast path of each row's code)", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 24 }), (text) => {
        expect(matchKey(text)).toBe(matchKeyOf(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of ['U00001', 'ub-01', ' I. ', 'Noi nhan:', '\u0001x\u007f', 'Tong cong'])
      expect(matchKey(text)).toBe(matchKeyOf(text));
  });

  it('gives a name of Vietnamese letters the key the Unicode passes give it (the fast path of names)', () => {
    // Letters of Vietnamese in NFC and upper case, ASCII, and what sends a text to the Unicode passes: decomposed
    // marks, an invisible character, a control, other scripts, Ð/ð, a letter whose lower case is two characters.
    const piece = fc.oneof(
      fc.constantFrom(...'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ'.split('')),
      fc.constantFrom(...'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ'.split('')),
      fc.constantFrom('Nguyễn', 'Thị', 'Văn', ' ', '  ', '-', '.', ',', '(', ')', '/', '1', 'x', 'Q'),
      fc.constantFrom('e\u0301', '\u0301', '\u00ad', '\u200b', '\u0001', '\u00a0', 'Ð', 'ð', 'İ', 'ß', '×', '中', 'Ω'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(matchKey(text)).toBe(matchKeyOf(text));
      }),
      { numRuns: 3000 },
    );
    for (const text of ['Nguyễn Thị Ánh', 'TRẦN VĂN ĐỨC', ' Lê  Hoàng-Phúc. ', 'Ngô Thị Thu Hà (Phó)', 'Đỗ × Ðinh'])
      expect(matchKey(text)).toBe(matchKeyOf(text));
    expect(matchKey('Ngô Thị Thu Hà (Phó)')).toBe('ngo thi thu ha pho');
  });

  it.each([
    ['Đạt', 'dat'],
    ['đạt', 'dat'],
    ['DAT', 'dat'],
    [' Đạt ', 'dat'],
    ['Met', 'dat'],
    ['Không đạt', 'khong-dat'],
    ['KHONG DAT', 'khong-dat'],
    ['không  đạt', 'khong-dat'],
    ['Not met', 'khong-dat'],
    ['Không áp dụng', 'khong-ap-dung'],
    ['N/A', 'khong-ap-dung'],
    ['Not applicable', 'khong-ap-dung'],
    ['Đạt yêu cầu', undefined],
    ['Tốt', undefined],
  ])('the status %j reads as %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it.each([
    ['Có', true],
    ['có', true],
    ['x', true],
    ['X', true],
    ['Yes', true],
    ['1', true],
    ['Không', false],
    ['No', false],
    ['0', false],
    ['-', false],
    ['—', false],
    ['Có lẽ', undefined],
    ['?', undefined],
  ])('the flag %j reads as %s', (text, flag) => {
    expect(parseFlag(text)).toBe(flag);
  });

  it.each([
    ['SBN', 'SBN'],
    ['Sở, ban, ngành', 'SBN'],
    ['sở ban ngành', 'SBN'],
    ['HUYEN', 'HUYEN'],
    ['Huyện, thị xã, thành phố', 'HUYEN'],
    ['huyen', 'HUYEN'],
    ['Xã', undefined],
  ])('the block %j reads as %s', (text, block) => {
    expect(blockParser(BN_358_2013.blocks)(text)).toBe(block);
  });

  it.each([
    ['Người đứng đầu', 'head'],
    ['NGƯỜI ĐỨNG ĐẦU', 'head'],
    ['Cấp phó được phân công', 'deputy'],
    ['Cấp phó', 'deputy'],
    ['Chuyên viên', undefined],
  ])('the role %j reads as %s', (text, role) => {
    expect(parseRole(text)).toBe(role);
  });

  it.each([
    ['85,5', 85.5],
    ['85.5', 85.5],
    [' 0,7900 ', 0.79],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['90', 90],
    ['85,5 điểm', undefined],
    ['', undefined],
    ['1,2,3', undefined],
  ])('the number written %j is %s', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it('cleans text to NFC with single spaces', () => {
    expect(cleanText('  Sở\u00a0 Y   tế '.normalize('NFD'))).toBe('Sở Y tế');
  });

  it('compares unit codes trimmed and case-folded', () => {
    expect(normalizeUnitCode(' syt ')).toBe('SYT');
    expect(normalizeUnitCode('s yt')).toBe('SYT');
  });
});

describe('cleanText takes a text that is clean already as it is, and cleans any other', () => {
  // The definition: every text goes through these steps (cleanText skips them for a text they would not change).
  const reference = (value: string) =>
    value
      .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u180e]/gu, '')
      .replace(/\u00d0/gu, 'Đ')
      .replace(/\u00f0/gu, 'đ')
      .normalize('NFC')
      .replace(/[\s\u00a0\ufeff]+/gu, ' ')
      .trim();
  // What makes a text unclean, beside plain and Vietnamese letters: every kind of space, invisible characters, Ð and ð,
  // combining marks (NFD, old tone-mark placements), a lone surrogate.
  const odd = [
    ' ',
    '  ',
    '\t',
    '\n',
    '\r',
    '\u00a0',
    '\ufeff',
    '\u2003',
    '\u3000',
    '\u2028',
    '\u00ad',
    '\u200b',
    '\u200d',
    '\u202e',
    '\u2060',
    '\u180e',
    '\u00d0',
    '\u00f0',
    '\u0301',
    '\u0323',
    '\u0309',
    'e\u0302\u0301',
    'o\u031b',
    '\ud800',
  ];
  const letters = ['a', 'Z', '7', '/', '-', 'Đ', 'đ', 'ạ', 'ế', 'ờ', 'ữ', 'Ư', 'Văn', 'bản', 'số', 'QĐ-UBND'];
  const text = fc
    .array(
      fc.oneof(fc.constantFrom(...odd), fc.constantFrom(...letters), fc.string({ unit: 'grapheme', maxLength: 3 })),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join(''));

  it('gives what the definition gives, for any text', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(cleanText(value)).toBe(reference(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives what the definition gives for any ASCII text, control characters and runs of spaces too (its quickest test)', () => {
    // eslint-disable-next-line no-control-regex -- the control characters clean removes first
    const withControls = (value: string) => reference(value.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu, ''));
    const ascii = fc
      .array(
        fc.oneof(
          fc.constantFrom(' ', '  ', '\t', '\u0001', '\u007f', 'A1', 'x-y'),
          fc.string({ unit: 'binary-ascii', maxLength: 4 }),
        ),
        {
          maxLength: 10,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(ascii, (value) => {
        expect(cleanText(value)).toBe(withControls(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('says a text is blank exactly when cleaning it leaves nothing', () => {
    const blankish = fc
      .array(fc.constantFrom(...odd.filter((o) => !/[\p{L}\p{M}]/u.test(o)), '\u0001', '\u001f', '\u0085', ' '), {
        maxLength: 6,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(text, blankish), (value) => {
        expect(isBlankText(value)).toBe(cleanText(value) === '');
      }),
      { numRuns: 3000 },
    );
    for (const value of ['', ' ', '\u00a0\u200b', '\ufeff\t', '\u0085'] as const) expect(isBlankText(value)).toBe(true);
    for (const value of ['.', 'Đ', '\u0301', '\ud800', ' 0 '] as const) expect(isBlankText(value)).toBe(false);
  });

  it('cleans each kind of unclean text (the quick test lets none through)', () => {
    for (const [value, clean] of [
      [' Đạt', 'Đạt'],
      ['Không  đạt', 'Không đạt'],
      ['Không\u00a0đạt', 'Không đạt'],
      ['Đa\u0323t', 'Đạt'],
      ['\u00d0ạt', 'Đạt'],
      ['Đạt\u200b', 'Đạt'],
      ['Văn bản\tsố 1', 'Văn bản số 1'],
      ['\ufeffĐạt', 'Đạt'],
    ] as const) {
      expect(cleanText(value)).toBe(clean);
    }
  });
});
