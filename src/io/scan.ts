import type { Cell, RawRow } from './cells.js';
import { QUICK_CELL, columnIn, quickCell } from './quick-cell.js';

/**
 * A worksheet's rows read by a scanner made for SpreadsheetML's cell grid (`<row>`, `<c r t s>`, `<v>`, `<f>`,
 * `<is><t>`, ECMA-376 Part 1 §18.3.1): `indexOf` from tag to tag over the decoded text, no event per character and no
 * object per tag. It is the fast path of the reader; the SAX parser (saxes) stays the reference, and a test gives both
 * the same workbooks and fuzzed sheets and requires the same cells (test/io/scan.test.ts). A cell written as spreadsheet
 * programs write nearly all of them (`<c r t s><v>…</v></c>`) is read character by character, without a search per tag
 * (src/io/quick-cell.ts); the sink is told the same elements either way.
 *
 * It does not handle, and says so by returning the reason instead of rows, what a sheet from a spreadsheet program
 * does not contain in its cells: CDATA sections, comments and processing instructions between the rows, prefixed
 * element names (`<x:row>`), single-quoted attributes, spaces around `=`, entities other than XML's five and character
 * references, a tag not closed. The reader then reads that sheet with SAX, which handles all of XML (and rejects what
 * is not XML, as before).
 */
export type ScanResult = { readonly rows: RawRow[] } | { readonly fallback: string };

/**
 * What a cell's value needs beside the sheet: the shared strings and which styles are dates. It must not keep the cell it
 * is given: the reader fills one object again for each cell (2.7 million in a national year).
 */
export type CellMaker = (cell: Readonly<ScannedCell>) => Cell;

export interface ScannedCell {
  column: number;
  type: string;
  style: number;
  formula: string | undefined;
  value: string | undefined;
  inline: string | undefined;
}

/** XML's five entities and character references; undefined for anything else (the SAX parser decides then). */
export function decodeText(raw: string): string | undefined {
  // XML normalises line ends before anything else (XML 1.0 §2.11): CR LF and a lone CR are LF.
  const text = raw.includes('\r') ? raw.replace(/\r\n?/gu, '\n') : raw;
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp);
    if (semi < 0) return undefined;
    const name = text.slice(amp + 1, semi);
    let char: string;
    switch (name) {
      case 'lt':
        char = '<';
        break;
      case 'gt':
        char = '>';
        break;
      case 'amp':
        char = '&';
        break;
      case 'quot':
        char = '"';
        break;
      case 'apos':
        char = "'";
        break;
      default: {
        const hex = /^#x([0-9a-fA-F]{1,6})$/u.exec(name);
        const dec = /^#([0-9]{1,7})$/u.exec(name);
        const code = hex?.[1] !== undefined ? parseInt(hex[1], 16) : dec?.[1] !== undefined ? Number(dec[1]) : NaN;
        // Only the characters XML allows (§2.2); anything else is for the SAX parser to reject.
        const allowed =
          code === 0x9 ||
          code === 0xa ||
          code === 0xd ||
          (code >= 0x20 && code <= 0xd7ff) ||
          (code >= 0xe000 && code <= 0xfffd) ||
          (code >= 0x10000 && code <= 0x10ffff);
        if (!allowed) return undefined;
        char = String.fromCodePoint(code);
      }
    }
    out += text.slice(last, amp) + char;
    last = semi + 1;
    amp = text.indexOf('&', last);
  }
  return out + text.slice(last);
}

/** "AB12" → 28: the 1-based column of a cell reference. */
export function columnOf(reference: string): number {
  return columnIn(reference, 0, reference.length);
}

/**
 * What SpreadsheetML's elements make of a sheet (ECMA-376 Part 1 §18.3.1.4, §18.3.1.73): rows of cells, each cell's
 * value from its type, style, formula, cached value and inline text (phonetic runs are not text). Both readers feed
 * it, the scanner and the SAX parser, so that they differ only in how they find the tags.
 */
export class SheetGrid implements ElementSink {
  /** The rows completed so far (a reader may take them and empty the list). */
  readonly rows: RawRow[] = [];
  private readonly makeCell: CellMaker;
  private rowNumber = 0;
  private rowHidden = false;
  private cells: Cell[] | undefined;
  private nextColumn = 1;
  /** The cell being read (`scratch`), or undefined between cells. */
  private cell: ScannedCell | undefined;
  private readonly scratch: ScannedCell = {
    column: 0,
    type: 'n',
    style: 0,
    formula: undefined,
    value: undefined,
    inline: undefined,
  };
  /** Which text is being collected: a value, a formula, an inline string's text, or nothing. */
  private collecting: 'v' | 'f' | 't' | undefined;
  private phonetic = 0;

  constructor(makeCell: CellMaker) {
    this.makeCell = makeCell;
  }

  /** Whether text now belongs to a cell (a value, a formula, an inline string). */
  get wantsText(): boolean {
    return this.cell !== undefined && this.collecting !== undefined;
  }

  /** An element opens, by its local name, with its r, t and s attributes, and whether it is hidden (a row). */
  open(name: string, r: string | undefined, t: string | undefined, s: string | undefined, hidden = false): void {
    switch (name) {
      case 'row': {
        const number = Number(r);
        this.rowNumber = Number.isInteger(number) && number > 0 ? number : this.rowNumber + 1;
        this.rowHidden = hidden;
        this.cells = [];
        this.nextColumn = 1;
        break;
      }
      case 'c':
        this.openCell(r === undefined ? 0 : columnOf(r), t, s);
        break;
      case 'v':
        if (this.cell !== undefined) {
          this.cell.value = '';
          this.collecting = 'v';
        }
        break;
      case 'f':
        if (this.cell !== undefined) {
          this.cell.formula = '';
          this.collecting = 'f';
        }
        break;
      case 'is':
        if (this.cell !== undefined) this.cell.inline = '';
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 't':
        if (this.cell?.inline !== undefined && this.phonetic === 0) this.collecting = 't';
        break;
      default:
        break;
    }
  }

  /** A cell opens, in the column its reference names (0: none, the column after the last cell's). */
  openCell(column: number, t: string | undefined, s: string | number | undefined): void {
    const cell = this.scratch;
    cell.column = column || this.nextColumn;
    cell.type = t ?? 'n';
    cell.style = Number(s ?? 0);
    cell.formula = cell.value = cell.inline = undefined;
    this.cell = cell;
  }

  /** Text, its entities decoded. */
  text(text: string): void {
    const cell = this.cell;
    if (cell === undefined || this.collecting === undefined) return;
    if (this.collecting === 'v') cell.value = (cell.value ?? '') + text;
    else if (this.collecting === 't') cell.inline = (cell.inline ?? '') + text;
    else cell.formula = (cell.formula ?? '') + text;
  }

  /** An element closes, by its local name. */
  close(name: string): void {
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        this.collecting = undefined;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'c': {
        const cell = this.cell;
        if (cell !== undefined && this.cells !== undefined) {
          const value = this.makeCell(cell);
          while (this.cells.length < cell.column - 1) this.cells.push(null);
          this.cells[cell.column - 1] = value;
          this.nextColumn = cell.column + 1;
        }
        this.cell = undefined;
        break;
      }
      case 'row':
        // A hidden row says so (a property only then: the rows of a sheet keep one shape).
        if (this.cells !== undefined)
          this.rows.push(
            this.rowHidden
              ? { row: this.rowNumber, cells: this.cells, hidden: true }
              : { row: this.rowNumber, cells: this.cells },
          );
        this.cells = undefined;
        break;
      default:
        break;
    }
  }
}

/**
 * How much of a sheet's cells is decoded and scanned at a time, in bytes of its XML: a slice ends after a `</row>`.
 * Whole, a national self-report file's rows (and their cells) were all made before the first was used, and the sheet's
 * text was one string, two bytes a character once a Vietnamese letter is in it: 28 MB for a file of 55 000 rows.
 */
export const SCAN_SLICE = 256 * 1024;

/**
 * The rows of a worksheet's XML, a slice at a time (`{ rows }` for each), or, at the first thing the scanner does not
 * handle, why the rest must be read by the SAX parser (`{ fallback }`, last). Each slice is decoded on its own, from one
 * point between rows (after a `</row>`) to another: UTF-8 never has a '<' inside a character, so the text is the
 * whole text's. A slice must end with nothing left open, else the sheet is left to SAX. The rows handed on before a
 * fallback are the first rows SAX gives: both feed the same SheetGrid.
 */
export function* scanSheetSlices(bytes: Buffer, makeCell: CellMaker, slice = SCAN_SLICE): Generator<ScanResult> {
  const open = bytes.indexOf('<sheetData');
  if (open < 0) {
    if (bytes.includes(':sheetData')) yield { fallback: 'prefixed element names' };
    return;
  }
  const openEnd = bytes.indexOf('>', open);
  if (openEnd < 0) {
    yield { fallback: 'sheetData not closed' };
    return;
  }
  if (bytes[openEnd - 1] === 47) return;
  // From the end, where it is: a search from the start would read the whole sheet once more. A second one before it
  // is met as a closing tag that closes nothing, and leaves the sheet to SAX.
  const close = bytes.lastIndexOf('</sheetData>');
  if (close < openEnd) {
    yield { fallback: 'sheetData not closed' };
    return;
  }
  const grid = new SheetGrid(makeCell);
  for (let from = openEnd + 1; from < close;) {
    const cut = bytes.indexOf('</row>', Math.min(from + slice, close));
    const to = cut < 0 || cut >= close ? close : cut + 6;
    const text = bytes.toString('utf8', from, to);
    const fallback = scanElements(text, 0, text.length, grid);
    if (fallback !== undefined) {
      yield { fallback };
      return;
    }
    if (grid.rows.length > 0) yield { rows: grid.rows.splice(0) };
    from = to;
  }
}

/** What the tags of a part make: the rows of a sheet (SheetGrid), the shared strings (StringTable). */
export interface ElementSink {
  /** Whether the text met now is wanted (it is decoded only then). */
  readonly wantsText: boolean;
  /** `hidden`: the element has `hidden="1"` (or `"true"`): a row hidden, or filtered out by an AutoFilter. */
  open(name: string, r: string | undefined, t: string | undefined, s: string | undefined, hidden: boolean): void;
  /**
   * A cell opens (`<c>`) whose reference is given as the column it names (columnOf of `r`; 0 when it has none or names
   * no column): what the scanner calls instead of `open('c', r, …)` when the sink has it, so that no string is cut for
   * the reference of each of a national year's 2.7 million cells (issue #38). The same as `open` in every other way.
   */
  openCell?(column: number, t: string | undefined, s: string | number | undefined): void;
  text(text: string): void;
  close(name: string): void;
}

/**
 * The elements between `from` and `to` (the inside of `<sheetData>` or `<sst>`), tag by tag, told to `sink` by local
 * name with the attributes r, t and s; text between tags as one piece, its entities decoded. Returns why the part
 * must be left to the SAX parser, or undefined when it was read whole.
 *
 * Each '<' is found once: the one after a tag's own is where the next tag starts, and no tag may reach it (a '<' in a
 * tag or in an attribute value is not XML; SAX decides). A CDATA section, a comment or a processing instruction starts
 * with '<', so it is seen when its '<' is reached.
 */
export function scanElements(text: string, from: number, to: number, sink: ElementSink): string | undefined {
  // The next '&' at or after the place being read: found again only once passed, so that the whole part is searched
  // once (a search from each tag to the end of a part without any '&' would take time in the square of its length).
  let ampersand = text.indexOf('&', from);
  const ampersandIn = (start: number, end: number): boolean => {
    if (ampersand >= 0 && ampersand < start) ampersand = text.indexOf('&', start);
    return ampersand >= 0 && ampersand < end;
  };
  // The open elements, to check that each closing tag closes the last one opened (else SAX decides).
  const stack: string[] = [];
  // The attributes the reader uses, of the tag just read: r, t and s (undefined when absent).
  let r: string | undefined;
  let t: string | undefined;
  let sAttribute: string | undefined;
  // Where the reference of the cell being opened is written (rStart -1: not so; then `r` has it, or it has none).
  let rStart = -1;
  let rEnd = -1;
  const opensCells = sink.openCell !== undefined;
  // The next carriage return, found again only once passed (as `ampersand`): a cell's value holding one is read by
  // the general path, which normalises line ends.
  let carriageReturn = opensCells ? text.indexOf('\r', from) : -1;
  const carriageReturnIn = (start: number, end: number): boolean => {
    if (carriageReturn >= 0 && carriageReturn < start) carriageReturn = text.indexOf('\r', start);
    return carriageReturn >= 0 && carriageReturn < end;
  };
  const cell = opensCells ? QUICK_CELL : undefined;
  let hidden = false;
  let i = from;
  let lt = text.indexOf('<', from);
  while (lt >= 0 && lt < to) {
    // The text between two tags is one piece (a CDATA section or a comment would leave the part to SAX): decoded and
    // handed on whole. Text nobody reads is still XML: an entity SAX would refuse leaves the part to SAX (which
    // refuses it).
    if (lt > i && (sink.wantsText || ampersandIn(i, lt))) {
      const decoded = decodeText(text.slice(i, lt));
      if (decoded === undefined) return 'an entity other than XML’s own';
      if (sink.wantsText) sink.text(decoded);
    }
    // A cell as spreadsheet programs write nearly all of them (quickCell): told to the sink as the general path tells
    // it, element by element, without cutting out its tags' names and attributes.
    if (
      cell !== undefined &&
      text.charCodeAt(lt + 1) === 99 &&
      text.charCodeAt(lt + 2) === 32 &&
      quickCell(text, lt, to, cell) &&
      !ampersandIn(lt, cell.end) &&
      (cell.valueStart < 0 || !carriageReturnIn(cell.valueStart, cell.valueEnd))
    ) {
      sink.openCell?.(cell.column, cell.type, cell.style);
      if (cell.valueStart >= 0) {
        sink.open('v', undefined, undefined, undefined, false);
        if (cell.valueEnd > cell.valueStart && sink.wantsText) sink.text(text.slice(cell.valueStart, cell.valueEnd));
        sink.close('v');
      }
      sink.close('c');
      i = cell.end;
      lt = text.indexOf('<', i);
      continue;
    }
    // The next '<': the tag must end before it.
    const next = text.indexOf('<', lt + 1);
    const limit = next < 0 || next > to ? to : next;
    const second = text.charCodeAt(lt + 1);
    if (second === 47) {
      const open = stack.at(-1);
      // Most often the tag is `</name>` of the element opened last, its '>' right after the name (a name holds no
      // '<', so that '>' comes before the next tag); else its '>' is looked for, and white space allowed before it.
      let gt = open === undefined ? -1 : lt + 2 + open.length;
      if (open === undefined || text.charCodeAt(gt) !== 62 || !text.startsWith(open, lt + 2)) {
        gt = text.indexOf('>', lt);
        if (gt < 0 || gt > limit) return 'a tag not closed';
        let end = gt;
        for (let code = text.charCodeAt(end - 1); code === 32 || code === 9 || code === 10 || code === 13;)
          code = text.charCodeAt(--end - 1);
        if (open === undefined || end - lt - 2 !== open.length || !text.startsWith(open, lt + 2)) {
          const name = text.slice(lt + 2, end);
          return name.includes(':') ? 'prefixed element names' : `</${name}> does not close the element opened last`;
        }
      }
      stack.pop();
      sink.close(open);
      i = gt + 1;
      lt = next;
      continue;
    }
    if (second === 33) {
      if (text.startsWith('<![CDATA[', lt)) return 'CDATA in the cells';
      if (text.startsWith('<!--', lt)) return 'a comment in the cells';
    } else if (second === 63) return 'a processing instruction in the cells';
    // The tag, in one pass: its name, then each attribute name="value" (a value may hold '>'), then '>' or '/>'.
    let at = lt + 1;
    let code = second;
    while (at < limit && code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 47 && code !== 62) {
      if (code === 58) return 'prefixed element names';
      code = text.charCodeAt(++at);
    }
    if (at >= limit) return 'a tag not closed';
    const name = text.slice(lt + 1, at);
    // A cell the sink opens by its column (openCell): its reference is read where it stands.
    const cellByColumn = opensCells && name === 'c';
    r = t = sAttribute = undefined;
    rStart = -1;
    hidden = false;
    let selfClosing = false;
    for (;;) {
      while (code === 32 || code === 9 || code === 10 || code === 13) code = text.charCodeAt(++at);
      if (at >= limit) return 'a tag not closed';
      if (code === 62) break;
      if (code === 47) {
        if (text.charCodeAt(at + 1) !== 62) return 'a tag not closed';
        selfClosing = true;
        at++;
        break;
      }
      const nameStart = at;
      while (at < limit && code !== 61 && code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 62)
        code = text.charCodeAt(++at);
      if (code !== 61 || at >= limit) return 'spaces around = in attributes';
      const quote = text.charCodeAt(at + 1);
      if (quote !== 34) return quote === 39 ? 'single-quoted attributes' : 'spaces around = in attributes';
      const end = text.indexOf('"', at + 2);
      if (end < 0 || end >= limit) return 'a tag not closed, or a < in an attribute';
      const entities = ampersandIn(at + 2, end);
      if (entities && decodeText(text.slice(at + 2, end)) === undefined) return 'an entity other than XML’s own';
      if (at - nameStart === 1) {
        const which = text.charCodeAt(nameStart);
        if (which === 114 && !entities && cellByColumn) {
          rStart = at + 2;
          rEnd = end;
        } else if (which === 114 || which === 116 || which === 115) {
          const raw = text.slice(at + 2, end);
          const value = entities ? (decodeText(raw) ?? raw) : raw;
          if (which === 114) {
            r = value;
            rStart = -1;
          } else if (which === 116) t = value;
          else sAttribute = value;
        }
      } else if (at - nameStart === 6 && text.startsWith('hidden', nameStart)) {
        const value = text.slice(at + 2, end);
        hidden = value === '1' || value === 'true';
      }
      at = end + 1;
      code = text.charCodeAt(at);
    }
    i = at + 1;
    lt = next;
    if (cellByColumn)
      sink.openCell?.(rStart >= 0 ? columnIn(text, rStart, rEnd) : r === undefined ? 0 : columnOf(r), t, sAttribute);
    else sink.open(name, r, t, sAttribute, hidden);
    if (!selfClosing) stack.push(name);
    else sink.close(name);
  }
  if (stack.length > 0) return `<${stack.at(-1) ?? ''}> is not closed`;
  return undefined;
}
