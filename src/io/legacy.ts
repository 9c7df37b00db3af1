/**
 * Vietnamese typed in a legacy encoding (product.md v3): text typed with the .VnTime fonts (TCVN3, the "ABC" table of
 * TCVN 5712:1993) or the VNI fonts (VNI-Windows) is stored in a workbook as the Windows-1252 characters of its bytes —
 * "Ngô Hữu Lan" as "Ng« H÷u Lan" (TCVN3) or "Ngoâ Höõu Lan" (VNI). The readers recognise it and refuse the file with one
 * message naming the encoding and how to convert it (Unikey's "Chuyển mã"): no such text reaches an output, and the
 * tool does not convert it itself (a .VnTimeH capital and a lower-case letter are one code; only the font tells them
 * apart, and a wrong guess would print a wrong name in a decision about a person).
 *
 * The tables are those of Unikey and of xvnkb (tcvn.h, vni.h), by letter and tone in the order of Unicode's
 * Vietnamese letters; `fromTcvn3` and `fromVni` only show, in the message, what the text probably says.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 (ABC): each Windows-1252 character of the table and the Vietnamese letter it stands for. */
const TCVN3: Readonly<Record<string, string>> = {
  '\u00b8': 'á',
  '\u00b5': 'à',
  '\u00b6': 'ả',
  '\u00b7': 'ã',
  '\u00b9': 'ạ',
  '\u00a8': 'ă',
  '\u00be': 'ắ',
  '\u00bb': 'ằ',
  '\u00bc': 'ẳ',
  '\u00bd': 'ẵ',
  '\u00c6': 'ặ',
  '\u00a9': 'â',
  '\u00ca': 'ấ',
  '\u00c7': 'ầ',
  '\u00c8': 'ẩ',
  '\u00c9': 'ẫ',
  '\u00cb': 'ậ',
  '\u00ae': 'đ',
  '\u00d0': 'é',
  '\u00cc': 'è',
  '\u00ce': 'ẻ',
  '\u00cf': 'ẽ',
  '\u00d1': 'ẹ',
  '\u00aa': 'ê',
  '\u00d5': 'ế',
  '\u00d2': 'ề',
  '\u00d3': 'ể',
  '\u00d4': 'ễ',
  '\u00d6': 'ệ',
  '\u00dd': 'í',
  '\u00d7': 'ì',
  '\u00d8': 'ỉ',
  '\u00dc': 'ĩ',
  '\u00de': 'ị',
  '\u00e3': 'ó',
  '\u00df': 'ò',
  '\u00e1': 'ỏ',
  '\u00e2': 'õ',
  '\u00e4': 'ọ',
  '\u00ab': 'ô',
  '\u00e8': 'ố',
  '\u00e5': 'ồ',
  '\u00e6': 'ổ',
  '\u00e7': 'ỗ',
  '\u00e9': 'ộ',
  '\u00ac': 'ơ',
  '\u00ed': 'ớ',
  '\u00ea': 'ờ',
  '\u00eb': 'ở',
  '\u00ec': 'ỡ',
  '\u00ee': 'ợ',
  '\u00f3': 'ú',
  '\u00ef': 'ù',
  '\u00f1': 'ủ',
  '\u00f2': 'ũ',
  '\u00f4': 'ụ',
  '\u00ad': 'ư',
  '\u00f8': 'ứ',
  '\u00f5': 'ừ',
  '\u00f6': 'ử',
  '\u00f7': 'ữ',
  '\u00f9': 'ự',
  '\u00fd': 'ý',
  '\u00fa': 'ỳ',
  '\u00fb': 'ỷ',
  '\u00fc': 'ỹ',
  '\u00fe': 'ỵ',
  '\u00a1': 'Ă',
  '\u00a2': 'Â',
  '\u00a3': 'Ê',
  '\u00a4': 'Ô',
  '\u00a5': 'Ơ',
  '\u00a6': 'Ư',
  '\u00a7': 'Đ',
};

/** VNI-Windows: a base letter and the character of its mark (two characters), or one character of its own. */
const VNI: Readonly<Record<string, string>> = (() => {
  const table: Record<string, string> = {};
  // The tones in Unicode's order: none, sắc, huyền, hỏi, ngã, nặng; the VNI characters of each (lower, upper).
  const tones = ['', '\u00f9', '\u00f8', '\u00fb', '\u00f5', '\u00ef'];
  const tonesUpper = ['', '\u00d9', '\u00d8', '\u00db', '\u00d5', '\u00cf'];
  // â and ê, ô: the circumflex and its tones; ă: the breve and its tones.
  const hat = ['\u00e2', '\u00e1', '\u00e0', '\u00e5', '\u00e3', '\u00e4'];
  const hatUpper = ['\u00c2', '\u00c1', '\u00c0', '\u00c5', '\u00c3', '\u00c4'];
  const breve = ['\u00ea', '\u00e9', '\u00e8', '\u00fa', '\u00fc', '\u00eb'];
  const breveUpper = ['\u00ca', '\u00c9', '\u00c8', '\u00da', '\u00dc', '\u00cb'];
  const letters: [string, string, readonly string[], readonly string[], readonly string[]][] = [
    // base (lower, upper), marks (lower, upper), the Unicode letters of each tone (lower then upper)
    ['a', 'A', tones, tonesUpper, ['a', 'á', 'à', 'ả', 'ã', 'ạ', 'A', 'Á', 'À', 'Ả', 'Ã', 'Ạ']],
    ['a', 'A', hat, hatUpper, ['â', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ', 'Â', 'Ấ', 'Ầ', 'Ẩ', 'Ẫ', 'Ậ']],
    ['a', 'A', breve, breveUpper, ['ă', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ', 'Ă', 'Ắ', 'Ằ', 'Ẳ', 'Ẵ', 'Ặ']],
    ['e', 'E', tones, tonesUpper, ['e', 'é', 'è', 'ẻ', 'ẽ', 'ẹ', 'E', 'É', 'È', 'Ẻ', 'Ẽ', 'Ẹ']],
    ['e', 'E', hat, hatUpper, ['ê', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'Ê', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ']],
    ['o', 'O', tones, tonesUpper, ['o', 'ó', 'ò', 'ỏ', 'õ', 'ọ', 'O', 'Ó', 'Ò', 'Ỏ', 'Õ', 'Ọ']],
    ['o', 'O', hat, hatUpper, ['ô', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ', 'Ô', 'Ố', 'Ồ', 'Ổ', 'Ỗ', 'Ộ']],
    ['\u00f4', '\u00d4', tones, tonesUpper, ['ơ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ', 'Ơ', 'Ớ', 'Ờ', 'Ở', 'Ỡ', 'Ợ']],
    ['u', 'U', tones, tonesUpper, ['u', 'ú', 'ù', 'ủ', 'ũ', 'ụ', 'U', 'Ú', 'Ù', 'Ủ', 'Ũ', 'Ụ']],
    ['\u00f6', '\u00d6', tones, tonesUpper, ['ư', 'ứ', 'ừ', 'ử', 'ữ', 'ự', 'Ư', 'Ứ', 'Ừ', 'Ử', 'Ữ', 'Ự']],
    ['y', 'Y', tones, tonesUpper, ['y', 'ý', 'ỳ', 'ỷ', 'ỹ', '', 'Y', 'Ý', 'Ỳ', 'Ỷ', 'Ỹ', '']],
  ];
  for (const [lower, upper, marks, marksUpper, unicode] of letters) {
    for (let tone = 0; tone < 6; tone++) {
      const lowerLetter = unicode[tone] ?? '';
      const upperLetter = unicode[tone + 6] ?? '';
      if (lowerLetter !== '') table[`${lower}${marks[tone] ?? ''}`] = lowerLetter;
      if (upperLetter !== '') table[`${upper}${marksUpper[tone] ?? ''}`] = upperLetter;
    }
  }
  // Letters of one character: i with its tones, ỵ, đ (and their capitals).
  Object.assign(table, {
    '\u00ed': 'í',
    '\u00ec': 'ì',
    '\u00e6': 'ỉ',
    '\u00f3': 'ĩ',
    '\u00f2': 'ị',
    '\u00ee': 'ỵ',
    '\u00f1': 'đ',
    '\u00cd': 'Í',
    '\u00cc': 'Ì',
    '\u00c6': 'Ỉ',
    '\u00d3': 'Ĩ',
    '\u00d2': 'Ị',
    '\u00ce': 'Ỵ',
    '\u00d1': 'Đ',
  });
  // The plain letters map to themselves: only the marked ones are kept.
  return Object.fromEntries(Object.entries(table).filter(([key, letter]) => key !== letter));
})();

/** The letters of Vietnamese that Latin-1 has (à, â, ê, ô, ý …): in a legacy table too, but no sign of one. */
const LATIN1_VIETNAMESE = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');

/**
 * The characters of the two tables that no Vietnamese text in Unicode holds (« ¸ § ñ ö …; not the soft hyphen, TCVN3's
 * ư, which the readers remove as invisible): a text without any of them is not legacy text. A quick test, made for
 * every text cell.
 */
const MARKERS = new RegExp(
  `[${[...new Set([...Object.keys(TCVN3), ...Object.keys(VNI)].join(''))]
    .filter((c) => c > '\u00a0' && c !== '\u00ad' && !LATIN1_VIETNAMESE.has(c))
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'u',
);

/** Characters only TCVN3 uses (VNI never does). */
const TCVN3_ONLY = /[\u00a1-\u00ac\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c7\u00d7\u00de\u00df]/u;

/**
 * A VNI mark after a vowel that no Vietnamese word in Unicode has ("oâ", "aï", "eã", "Ñ" before a vowel): VNI's own
 * way of writing a letter. The pairs Vietnamese has ("hoà", "quân", "thuế", "tiên", "quá", "già") are not among them.
 */
const VNI_MARK =
  /[aeAE][\u00f9\u00f8\u00fb\u00f5\u00ef\u00e2\u00e1\u00e0\u00e5\u00e3\u00e4\u00ea\u00e9\u00e8\u00fa\u00fc\u00eb\u00d9\u00d8\u00db\u00d5\u00cf\u00c2\u00c1\u00c0\u00c5\u00c3\u00c4\u00ca\u00c9\u00c8\u00da\u00dc\u00cb]|[oO][\u00f9\u00f8\u00fb\u00f5\u00ef\u00e2\u00e5\u00e4\u00ea\u00eb\u00fa\u00fc\u00d9\u00d8\u00db\u00d5\u00cf\u00c2\u00c5\u00c4\u00ca\u00cb\u00da\u00dc]|[uU\u00f6\u00d6\u00f4\u00d4][\u00f9\u00f8\u00fb\u00f5\u00ef\u00e5\u00e4\u00eb\u00fc\u00d9\u00d8\u00db\u00d5\u00cf\u00c5\u00c4\u00cb\u00dc]|[yY][\u00f9\u00f8\u00fb\u00f5\u00d9\u00d8\u00db\u00d5]|[\u00f1\u00d1][aeiouyAEIOUY]/u;

/** A letter of Vietnamese outside Latin-1 (ă, đ, ơ, ư, ạ …): text that has one is Unicode. */
const UNICODE_VIETNAMESE = /[\u0100-\u024f\u1e00-\u1eff]/u;

/** Text of no character a marker (MARKERS, VNI_MARK) holds: all of them are above U+00A0. */
// eslint-disable-next-line no-control-regex -- any character up to U+00A0, control characters included
const BELOW_MARKERS = /^[\u0000-\u00a0]*$/;

/** A word of Latin-1 letters and symbols (soft hyphen too: it is TCVN3's ư). */
const WORD = /[A-Za-z\u00a1-\u00ff]+/gu;

/**
 * The legacy encoding a text is typed in, or undefined: a word that mixes ASCII letters with characters of a legacy
 * table ("Kh«ng", "Ñaït"), in a text with no Vietnamese letter of Unicode. Guillemets around a word («…») are quotes.
 */
export function legacyEncodingOf(text: string): LegacyEncoding | undefined {
  if ((!MARKERS.test(text) && !VNI_MARK.test(text)) || UNICODE_VIETNAMESE.test(text)) return undefined;
  let vni = false;
  let tcvn3 = false;
  for (const match of text.matchAll(WORD)) {
    const word = unquoted(match[0]);
    if (!/[A-Za-z]/u.test(word)) continue;
    if (TCVN3_ONLY.test(word)) tcvn3 = true;
    else if (VNI_MARK.test(word)) vni = true;
    else if (MARKERS.test(word)) tcvn3 = true;
  }
  return tcvn3 ? 'tcvn3' : vni ? 'vni' : undefined;
}

/** A word in guillemets («Tên») without them: quotes, not TCVN3's ô and ằ ("Ng«", "b»ng" keep theirs). */
function unquoted(word: string): string {
  return word.length > 2 && word.startsWith('\u00ab') && word.endsWith('\u00bb') ? word.slice(1, -1) : word;
}

/** How many words of a text are typed in a legacy table (the readers refuse a file from two such words on). */
export function legacyWords(text: string): number {
  // The quick answers first (issue #38: every text cell read comes here): no character above Latin-1's space, which
  // every marker needs; a Unicode Vietnamese letter, found near a text's start; then the markers, which scan it all.
  if (BELOW_MARKERS.test(text) || UNICODE_VIETNAMESE.test(text) || (!MARKERS.test(text) && !VNI_MARK.test(text)))
    return 0;
  let count = 0;
  for (const match of text.matchAll(WORD)) {
    const word = unquoted(match[0]);
    if (/[A-Za-z]/u.test(word) && (MARKERS.test(word) || VNI_MARK.test(word))) count++;
  }
  return count;
}

/** What a TCVN3 text probably says (for a message; .VnTimeH capitals come out in lower case). */
export function fromTcvn3(text: string): string {
  let out = '';
  for (const char of text) out += TCVN3[char] ?? char;
  return out;
}

/** What a VNI text probably says (for a message): two characters a letter where VNI writes it so. */
export function fromVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = VNI[text.slice(i, i + 2)];
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    out += VNI[text.charAt(i)] ?? text.charAt(i);
  }
  return out;
}

/** The encoding's name as offices know it, and the source table to choose in Unikey's converter. */
export const LEGACY_NAMES: Readonly<Record<LegacyEncoding, { readonly name: string; readonly unikey: string }>> = {
  tcvn3: { name: 'TCVN3 (ABC, phông .VnTime)', unikey: 'TCVN3 (ABC)' },
  vni: { name: 'VNI Windows (phông VNI-Times)', unikey: 'VNI Windows' },
};
