import type { Block, ItemStatus, Role } from '../domain.js';
import type { BlockDef, UnitKindDef } from '../rules/regulation.js';
import { visible } from '../visible.js';

/**
 * Text as it should be compared and stored: Unicode NFC (Vietnamese arrives in NFC, NFD and
 * old tone-mark placements), non-breaking and repeated spaces collapsed, trimmed.
 */
export function cleanText(value: string): string {
  // Printable ASCII words one space apart (codes, numbers, most headers): clean and NFC as they are. A test without
  // the Unicode flag, which V8 runs on one-byte text much faster (issue #38: every cell of a read comes here).
  if (PLAIN_ASCII.test(value)) return value;
  // Most texts are clean already (a national year's 220 000 different evidence texts among them): one test, no copy.
  if (ALREADY_CLEAN.test(value) && value.normalize('NFC') === value) return value;
  // The same few texts come back in every row (codes, statuses, the same evidence): each is cleaned once.
  const known = CLEANED.get(value);
  if (known !== undefined) return known;
  const cleaned = clean(value);
  if (CLEANED.size >= CLEANED_MAX) CLEANED.clear();
  CLEANED.set(value, cleaned);
  return cleaned;
}

/** What cleanText leaves as it is without looking further: printable ASCII (no space) words, one space apart. */
const PLAIN_ASCII = /^(?:[!-~]+(?: [!-~]+)*)?$/;

/**
 * Whether cleanText makes a text empty: it holds only spaces, control characters and characters that show nothing,
 * which clean removes, folds or trims (the same sets as CONTROL, INVISIBLE and `\s`). Without making the clean text:
 * a required cell is first asked whether it is empty, then cleaned (test/io/normalize.test.ts checks the two agree).
 */
export function isBlankText(value: string): boolean {
  return BLANK.test(value);
}

// eslint-disable-next-line no-control-regex -- control characters are what a blank text may hold
const BLANK = /^[\s\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u180e]*$/u;

/** Texts already cleaned, up to this many (then forgotten, so that memory stays bounded). */
const CLEANED = new Map<string, string>();
const CLEANED_MAX = 50_000;

function clean(value: string): string {
  return (
    value
      // Control characters (C0 but the spaces \s folds, DEL, C1): never text of an input, and never passed on to a
      // terminal, a log or an output (a unit name with terminal escapes, from a CSV).
      .replace(CONTROL, '')
      .replace(INVISIBLE, '')
      .replace(/\u00d0/gu, 'Đ')
      .replace(/\u00f0/gu, 'đ')
      .normalize('NFC')
      .replace(/[\s\u00a0\ufeff]+/gu, ' ')
      .trim()
  );
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu;

/** Characters that show nothing: soft hyphen, zero-width spaces and joiners, direction marks, word joiner. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u180e]/gu;

/**
 * A text that `clean` leaves as it is, if it is also NFC: words of no space, invisible character, Ð or ð, with one plain
 * space between them, none before or after (`\s` is every space `clean` folds and `trim` removes).
 */
const ALREADY_CLEAN =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it must not pass
  /^(?:[^\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u180e\u00d0\u00f0]+(?: [^\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u180e\u00d0\u00f0]+)*)?$/u;

/** Letters a Vietnamese text may hold: ASCII, Latin with Vietnamese marks (precomposed or combining). */
const VIETNAMESE = /^[\p{Script=Latin}\p{M}\p{N}\p{P}\p{Zs}\p{S}]$/u;

/**
 * A value as a message quotes it, with any hidden or foreign character named by its code point (a
 * Cyrillic С in "SТC", a soft hyphen), so that two values that look alike can be told apart.
 */
export function revealed(value: string): string {
  const odd: string[] = [];
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const hidden = INVISIBLE.test(char);
    INVISIBLE.lastIndex = 0;
    if (hidden || !VIETNAMESE.test(char))
      odd.push(
        `U+${code.toString(16).toUpperCase().padStart(4, '0')}${hidden ? ' (ký tự ẩn)' : ` "${visible(char)}"`}`,
      );
  }
  return odd.length === 0 ? `"${value}"` : `"${visible(value)}" (chứa ký tự lạ ${[...new Set(odd)].join(', ')})`;
}

/**
 * The key a header or an enumerated value is matched by: no diacritics (đ → d), lower case,
 * punctuation and repeated spaces folded to one space. `Mã đơn vị`, `MÃ ĐƠN VỊ:` and
 * `ma  don-vi` all give `ma don vi`.
 */
export function matchKey(value: string): string {
  // The same text as the last one (each row's code is looked at twice, and a unit's rows follow one another).
  if (value === lastText) return lastKey;
  // ASCII (the codes of every data row, looked at by each row's checks): no marks, no đ, nothing invisible, and its
  // letters and digits are [a-z0-9] — the same key without the Unicode passes (issue #38: 0.8 s of a national read).
  const key = ASCII_ALNUM.test(value)
    ? value.toLowerCase()
    : ASCII.test(value)
      ? value
          .toLowerCase()
          .replace(/[^a-z0-9]+/gu, ' ')
          .trim()
      : (letterKey(value) ?? matchKeyOf(value));
  lastText = value;
  lastKey = key;
  return key;
}

/** The text matchKey was last given, and its key. */
let lastText: string | undefined;
let lastKey = '';

const ASCII_ALNUM = /^[A-Za-z0-9]*$/u;
// eslint-disable-next-line no-control-regex -- every ASCII character, controls included, is what it passes
const ASCII = /^[\u0000-\u007f]*$/u;

/**
 * For each character that matchKey reads on its own, what it gives: a lower-case letter or digit, or '' for a character
 * that parts words (printable ASCII other than letters and digits). Made from matchKeyOf itself, for printable ASCII
 * and the precomposed Latin letters (U+00C0-U+024F, U+1E00-U+1EFF: every letter of Vietnamese, each with its marks);
 * a character is in it only when matchKeyOf gives it so alone and between two letters. Made when first needed.
 */
let letterKeys: ReadonlyMap<number, string> | undefined;
function makeLetterKeys(): ReadonlyMap<number, string> {
  const keys = new Map<number, string>();
  const ranges: readonly (readonly [number, number])[] = [
    [0x20, 0x7e],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code);
      const alone = matchKeyOf(char);
      const between = matchKeyOf(`a${char}b`);
      if (/^[a-z0-9]$/u.test(alone) && between === `a${alone}b`) keys.set(code, alone);
      else if (alone === '' && between === 'a b') keys.set(code, '');
    }
  }
  return keys;
}

/**
 * matchKey of a text of printable ASCII and precomposed Latin letters (the names of persons and units as typed, in
 * NFC), one character at a time by makeLetterKeys's table, with no Unicode pass; undefined for a text with any other
 * character (decomposed marks, other scripts, invisible or control characters), which matchKeyOf reads. Issue #38: the
 * Unicode passes were 70 ms of a national read, the 11 000 persons' names checked for one listed twice.
 */
function letterKey(value: string): string | undefined {
  const keys = (letterKeys ??= makeLetterKeys());
  let key = '';
  let parted = false;
  for (let at = 0; at < value.length; at++) {
    const letter = keys.get(value.charCodeAt(at));
    if (letter === undefined) return undefined;
    if (letter === '') parted = key !== '';
    else {
      if (parted) key += ' ';
      key += letter;
      parted = false;
    }
  }
  return key;
}

/** matchKey of any text, by its Unicode passes (exported for the test that the ASCII path agrees with it). */
export function matchKeyOf(value: string): string {
  return value
    .replace(INVISIBLE, '')
    .replace(/[\u00d0\u0110]/gu, 'D')
    .replace(/[\u00f0\u0111]/gu, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A unit code as compared: trimmed, NFC, upper case, inner spaces removed. */
export function normalizeUnitCode(value: string): string {
  // Printable ASCII with no space and no lower-case letter (most codes as typed): already what it gives.
  if (CODE_AS_IS.test(value)) return value;
  return cleanText(value).replace(/\s+/gu, '').toUpperCase();
}

const CODE_AS_IS = /^[!-`{-~]+$/;

function table<T>(entries: Record<string, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, spellings] of Object.entries(entries)) {
    for (const spelling of spellings) {
      const key = matchKey(spelling);
      if (key === '') throw new Error(`the spelling ${JSON.stringify(spelling)} has no letters or digits to match`);
      map.set(key, value as T);
    }
  }
  return map;
}

const STATUSES = table<ItemStatus>({
  dat: ['Đạt', 'Met', 'Đ'],
  'khong-dat': ['Không đạt', 'Not met', 'KĐ', 'Chưa đạt'],
  'khong-ap-dung': ['Không áp dụng', 'Not applicable', 'N/A', 'NA', 'KAD'],
});

const FLAGS = table<'yes' | 'no'>({
  yes: ['Có', 'x', 'Yes', 'Y', 'True', '1', 'Đúng'],
  no: ['Không', 'No', 'N', 'False', '0', 'Sai'],
});

const ROLES = table<Role>({
  head: ['Người đứng đầu', 'Head', 'Thủ trưởng', 'Cấp trưởng'],
  'acting-head': [
    'Quyền / phụ trách',
    'Quyền',
    'Phụ trách',
    'Quyền người đứng đầu',
    'Quyền Giám đốc',
    'Phó Giám đốc phụ trách',
    'Phó Chủ tịch phụ trách',
    'Acting head',
    'Acting',
  ],
  deputy: ['Cấp phó được phân công', 'Cấp phó', 'Deputy', 'Assigned deputy', 'Phó được phân công'],
});

/** The accepted spellings of each kind of value, as the error messages list them. */
export const ACCEPTED = {
  status: '"Đạt", "Không đạt", "Không áp dụng" (hoặc để trống)',
  flag: '"Có" hoặc "Không" (x, Yes, No cũng được; để trống là Không)',
  role: '"Người đứng đầu", "Quyền / phụ trách" hoặc "Cấp phó được phân công"',
} as const;

/**
 * A lookup by match key, remembered per spelling: a national year has 440 000 status cells in a
 * handful of spellings, and the key (NFD, diacritics, case) is the costly part.
 */
function remembered<T>(table: ReadonlyMap<string, T>): (text: string) => T | undefined {
  const seen = new Map<string, T | undefined>();
  return (text) => {
    if (seen.has(text)) return seen.get(text);
    const found = table.get(matchKey(text));
    if (seen.size < 10_000) seen.set(text, found);
    return found;
  };
}

const statusOf = remembered(STATUSES);
const flagOf = remembered(FLAGS);
const roleOf = remembered(ROLES);

export function parseStatus(text: string): ItemStatus | undefined {
  return statusOf(text);
}

export function parseFlag(text: string): boolean | undefined {
  // A dash is how many offices write "none".
  if (/^[-–—]+$/u.test(cleanText(text))) return false;
  const found = flagOf(text);
  return found === undefined ? undefined : found === 'yes';
}

const blockParsers = new WeakMap<readonly BlockDef[], (text: string) => Block | undefined>();

/** A parser of the blocks of a run: each block's code and aliases, matched like every enumerated value. */
export function blockParser(blocks: readonly BlockDef[]): (text: string) => Block | undefined {
  let parse = blockParsers.get(blocks);
  if (parse === undefined) {
    parse = remembered(table<Block>(Object.fromEntries(blocks.map((b) => [b.code, [b.code, ...b.aliases]]))));
    blockParsers.set(blocks, parse);
  }
  return parse;
}

/** The blocks of a run as an error message lists them: `"SBN" (Sở, ban, ngành) hoặc "HUYEN" (…)`. */
export function acceptedBlocks(blocks: readonly BlockDef[]): string {
  const listed = blocks.map((b) => `"${b.code}" (${b.vi})`);
  const last = listed.pop();
  return listed.length === 0 ? (last ?? '') : `${listed.join(', ')} hoặc ${last ?? ''}`;
}

export function parseRole(text: string): Role | undefined {
  return roleOf(text);
}

/**
 * A number written as text: `85.5`, `85,5` (decimal comma, as Vietnamese Excel writes it),
 * `1.234,5` or `1,234.5` (with thousands separators), surrounded by spaces. Undefined otherwise.
 */
export function parseNumberText(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]+/gu, '');
  if (/^[-+]?\d+([.,]\d+)?$/u.test(compact)) return Number(compact.replace(',', '.'));
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/u.test(compact)) return Number(compact.replace(/\./gu, '').replace(',', '.'));
  if (/^[-+]?\d{1,3}(,\d{3})+\.\d+$/u.test(compact)) return Number(compact.replace(/,/gu, ''));
  return undefined;
}

const kindParsers = new WeakMap<readonly UnitKindDef[], (text: string) => string | undefined>();

/** A parser of the regulation's unit kinds: each kind's Vietnamese and English names, code and aliases. */
export function kindParser(kinds: readonly UnitKindDef[]): (text: string) => string | undefined {
  let parse = kindParsers.get(kinds);
  if (parse === undefined) {
    parse = remembered(
      table<string>(Object.fromEntries(kinds.map((k) => [k.code, [k.code, k.vi, k.en, ...k.aliases]]))),
    );
    kindParsers.set(kinds, parse);
  }
  return parse;
}
