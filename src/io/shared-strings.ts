import { type ElementSink, scanElements } from './scan.js';

/*
 * The shared strings part of a workbook (`xl/sharedStrings.xml`), read by the scanner of src/io/scan.ts, and the copy a
 * kept text is made as (ownText): apart from the sheets' cells, so that each module stays readable (issue #38 made
 * scan.ts longer).
 */

/**
 * The shared strings (ECMA-376 Part 1 §18.4.8 `si`): each item's text, its runs joined; phonetic runs (`rPh`) are
 * not text. Fed by the scanner or by the SAX parser.
 */
export class StringTable implements ElementSink {
  readonly strings: string[] = [];
  private current: string[] | undefined;
  private inText = false;
  private phonetic = 0;

  get wantsText(): boolean {
    return this.inText && this.current !== undefined;
  }

  open(name: string): void {
    if (name === 'si') this.current = [];
    else if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.inText = true;
  }

  text(text: string): void {
    if (this.inText && this.current !== undefined) this.current.push(text);
  }

  close(name: string): void {
    if (name === 'si') {
      this.strings.push(ownText((this.current ?? []).join('')));
      this.current = undefined;
    } else if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inText = false;
  }
}

/** V8 copies a piece of a string shorter than this (SlicedString::kMinLength); a longer one is a view of the whole. */
const SLICE_MIN = 13;

/**
 * `text` as a string of its own. Text cut from a part's XML (a slice) is, in V8, a view that keeps the whole part
 * alive: one unit name kept from a 1 MB shared-strings part kept the megabyte (a national run held 4 MB of parts so,
 * through the names and positions of the units and heads). A new string made from it lets the part go. The cells
 * that are kept (shared strings, text in cells, an error's text) are made so; text turned into a number or a date is
 * not kept and not copied.
 *
 * A short text is copied by joining it to one character and cutting that off (the cut is shorter than SLICE_MIN: a
 * copy). A longer one goes through a buffer of its UTF-16 code units, which gives exactly the same text (a lone
 * surrogate too) as a flat string of its own. Joined and cut, a longer text is a view again: of the joined copy, 32
 * bytes more per text (220 000 evidence texts a national year, 8 MB of the heap while the rules run), or, when V8
 * takes the cut from the second half of the joined string, of the part itself (test/io/retain.test.ts).
 */
export function ownText(text: string): string {
  if (text.length < SLICE_MIN) return ` ${text}`.slice(1);
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** `<si><t>`, `<si><t xml:space="preserve">` and `</t></si>`: an item of one run of plain text, as bytes. */
const ITEM_OPEN = Buffer.from('<si><t>');
const ITEM_OPEN_PRESERVE = Buffer.from('<si><t xml:space="preserve">');
const ITEM_CLOSE = Buffer.from('</t></si>');

/** Whether `expected` is written at `at` (byte by byte: a call into Buffer's compare costs more than these few). */
function bytesAt(bytes: Buffer, at: number, expected: Buffer): boolean {
  if (at + expected.length > bytes.length) return false;
  for (let k = 0; k < expected.length; k++) if (bytes[at + k] !== expected[k]) return false;
  return true;
}

/**
 * The shared strings between `from` and `close` of a part's bytes when every item is one run of plain text, one after
 * the other: `<si><t>text</t></si>` (or `<t xml:space="preserve">`), the text without '&' or a carriage return, as
 * Excel, LibreOffice and exceljs write nearly every table. Each text is decoded from its own bytes, a string of its own
 * (what ownText makes of a piece of the whole part's text), without decoding the whole part first. Undefined at the
 * first other thing (rich text, phonetic runs, an entity, white space between items): then the part is read as text.
 */
function plainItems(bytes: Buffer, from: number, close: number): string[] | undefined {
  const strings: string[] = [];
  let at = from;
  while (at < close) {
    let start: number;
    if (bytesAt(bytes, at, ITEM_OPEN)) start = at + ITEM_OPEN.length;
    else if (bytesAt(bytes, at, ITEM_OPEN_PRESERVE)) start = at + ITEM_OPEN_PRESERVE.length;
    else return undefined;
    let end = start;
    for (let byte = bytes[end]; byte !== 60; byte = bytes[++end])
      if (byte === 38 || byte === 13 || byte === undefined) return undefined;
    if (!bytesAt(bytes, end, ITEM_CLOSE)) return undefined;
    strings.push(bytes.toString('utf8', start, end));
    at = end + ITEM_CLOSE.length;
  }
  return at === close ? strings : undefined;
}

/** Around the table: only the XML declaration and white space (anything else is for SAX to judge). */
const onlyDeclaration = (before: string, after: string): boolean =>
  /^\s*(<\?xml[^>]*\?>)?\s*$/u.test(before) && after.trim() === '';

/**
 * The shared strings of a `sharedStrings.xml` part, or why the SAX parser must read it: from its bytes when its items
 * are plain (plainItems), else from its text.
 */
export function scanSharedStrings(
  xml: string | Buffer,
): { readonly strings: string[] } | { readonly fallback: string } {
  if (typeof xml === 'string') return scanSharedText(xml);
  const open = xml.indexOf('<sst');
  const openEnd = open < 0 ? -1 : xml.indexOf('>', open);
  const close = xml.lastIndexOf('</sst>');
  if (openEnd >= 0 && xml[openEnd - 1] !== 47 && close > openEnd) {
    const strings = plainItems(xml, openEnd + 1, close);
    if (
      strings !== undefined &&
      onlyDeclaration(xml.toString('utf8', 0, open), xml.toString('utf8', close + '</sst>'.length))
    )
      return { strings };
  }
  return scanSharedText(xml.toString('utf8'));
}

/** The shared strings of a `sharedStrings.xml` text, or why the SAX parser must read it. */
function scanSharedText(text: string): { readonly strings: string[] } | { readonly fallback: string } {
  const open = text.indexOf('<sst');
  if (open < 0) return { fallback: 'no <sst> element (prefixed names?)' };
  const openEnd = text.indexOf('>', open);
  if (openEnd < 0) return { fallback: 'sst not closed' };
  const table = new StringTable();
  if (text.charCodeAt(openEnd - 1) === 47) return { strings: table.strings };
  const close = text.lastIndexOf('</sst>');
  if (close < openEnd) return { fallback: 'sst not closed' };
  if (!onlyDeclaration(text.slice(0, open), text.slice(close + 6)))
    return { fallback: 'XML around the shared strings' };
  const fallback = scanElements(text, openEnd + 1, close, table);
  return fallback === undefined ? { strings: table.strings } : { fallback };
}
