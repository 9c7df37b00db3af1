import { createRequire } from 'node:module';
import { Chalk, type ChalkInstance } from 'chalk';
import type StringWidth from 'string-width';
import type WrapAnsi from 'wrap-ansi';
import type { Options as WrapOptions } from 'wrap-ansi';
import { gathered } from './pieces.js';
import type { Lang } from '../content/labels.js';

/**
 * What a command's screen needs of the run: its language, its colours, the width tables fit, how a running text wraps on
 * each stream, and how a path is shown. A command's Context is one.
 */
export interface Screen {
  readonly lang: Lang;
  readonly chalk: ChalkInstance;
  readonly width: number;
  wrap(text: string, stream: 'stdout' | 'stderr'): string;
  display(path: string): string;
}

/*
 * string-width and wrap-ansi measure and wrap what the counting here does not (colour codes, wide characters, emoji):
 * loaded on first use, not with the program. string-width builds an Intl.Segmenter and its tables when loaded, some 30
 * ms of a province run whose texts never need it. Node ≥ 20.19 (package.json engines) requires an ES module as it
 * requires any other; the name is not `require`, so that the bundle (scripts/build.mjs) leaves the call to Node.
 */
const load = createRequire(import.meta.url);
let measure: typeof StringWidth | undefined;
let wrapper: typeof WrapAnsi | undefined;
function stringWidth(text: string): number {
  measure ??= (load('string-width') as { default: typeof StringWidth }).default;
  return measure(text);
}
function wrapAnsi(text: string, columns: number, options: WrapOptions): string {
  wrapper ??= (load('wrap-ansi') as { default: typeof WrapAnsi }).default;
  return wrapper(text, columns, options);
}

/** Colours only on a terminal that wants them: never with --no-color, NO_COLOR, or a pipe. */
export function makeChalk(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/**
 * Text made only of Latin letters (Vietnamese included), digits, punctuation and combining marks, and of the one-column
 * signs the tables draw: the rule under a header (─, box drawing) and a place gained or lost (▲ ▼, `rank`'s column "±").
 * Without the signs, `rank`'s table of a national year sent 10 000 cells and its rules through string-width: 0.45 s
 * and some 80 MB of a 2.3 s run.
 */
const LATIN = /^[\u0020-\u007e\u00a0-\u024f\u1e00-\u1eff\u2013\u2014\u2018-\u201d\u2026\u2500-\u257f\u25b2\u25bc]*$/u;
const MARKS = /[\u0300-\u036f]/gu;

/**
 * Text whose every character takes one column, once composed (NFC): Latin and Vietnamese letters, digits,
 * punctuation, spaces — no colour codes, tabs, line breaks, combining marks left apart or soft hyphens (which LATIN
 * lets through and string-width counts as 0).
 */
const PLAIN = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u1e00-\u1eff\u2013\u2014\u2018-\u201d\u2026]*$/u;

/**
 * Whether every character of the text takes one column: then the width of the text and of each of its words is its
 * length, as textWidth and string-width count it (row heights count such text by length, wrapWords wraps it itself).
 */
export function widthIsLength(text: string): boolean {
  return PLAIN.test(text);
}

/**
 * How many columns a text takes: for Latin and Vietnamese text (nearly every cell) the letters less the combining
 * marks, counted directly; anything else (ANSI colours, wide characters, emoji) through string-width, which is exact
 * but about 10 µs a call — too slow for the 165 000 cells of a national workbook.
 */
export function textWidth(text: string): number {
  const plain = text.replace(MARKS, '');
  if (LATIN.test(plain)) return plain.length;
  return stringWidth(text);
}

/** The width terminal output fits (product.md: 80–100 columns): the terminal's own if narrower, else 100. */
export function terminalWidth(columns: number | undefined): number {
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return 100;
  return Math.max(60, Math.min(100, Math.floor(columns)));
}

const GAP = 2;
/** A column is not narrowed below this when the table is too wide (unless its widest cell is narrower). */
const MIN_COLUMN = 8;

export interface TableOptions {
  /** The width to fit (columns); 100 unless told. */
  readonly width?: number;
  /**
   * Columns (by index) that, when the table is wider than `width`, leave the grid and are shown under their row as
   * "Header: text" lines: long free text (citations, rewards) reads better stacked than squeezed.
   */
  readonly stack?: readonly number[];
  /** Colours each line of a cell (row -1 is the header); stacked lines are painted as their column. */
  readonly paint?: (row: number, col: number, text: string) => string;
}

/**
 * A plain text table that fits `width` columns: the `stack` columns move under their rows if the table is too wide,
 * then the widest columns are narrowed in turn and their cells wrap at word boundaries onto further lines
 * (nothing is cut off).
 *
 * Given a line at a time: a national table (11 000 persons, some 30 000 lines) made whole, then joined, then encoded
 * for stdout, was the run's peak of memory, 14–20 MB over the workbooks' (`writeLines` sends it in pieces; issue #15).
 */
export function* tableLines(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): Generator<string> {
  const width = options.width ?? 100;
  const paint = options.paint ?? ((_row: number, _col: number, text: string) => text);
  const all = [headers, ...rows];
  // Each column's widest cell, measured once (a national table has some 100 000 cells).
  const naturals = headers.map((_, col) => all.reduce((widest, row) => Math.max(widest, textWidth(row[col] ?? '')), 0));
  const everyColumn = headers.map((_, col) => col);
  const tooWide = total(naturals) > width;
  const stacked = tooWide ? everyColumn.filter((col) => options.stack?.includes(col) === true) : [];
  const grid = everyColumn.filter((col) => !stacked.includes(col));
  const widths = fitColumns(
    grid.map((col) => naturals[col] ?? 0),
    width,
  );
  const indent = grid.length > 1 ? (widths[0] ?? 0) + GAP : 0;
  const render = (row: readonly string[], index: number): string[] => {
    const cells = grid.map((col, at) => wrapCell(row[col] ?? '', widths[at] ?? 0));
    const height = Math.max(1, ...cells.map((lines) => lines.length));
    const lines = Array.from({ length: height }, (_, line) =>
      cells
        .map((lines, at) => {
          const text = lines[line] ?? '';
          const padded = text + ' '.repeat(Math.max(0, (widths[at] ?? 0) - textWidth(text)));
          return paint(index, grid[at] ?? at, padded);
        })
        .join(' '.repeat(GAP))
        .trimEnd(),
    );
    if (index < 0) return lines;
    for (const col of stacked) {
      const text = row[col] ?? '';
      if (text === '') continue;
      const wrapped = wrapLine(`${headers[col] ?? ''}: ${text}`, width - indent, 2);
      lines.push(...wrapped.split('\n').map((line) => ' '.repeat(indent) + paint(index, col, line)));
    }
    return lines;
  };
  yield* render(headers, -1);
  yield widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP));
  for (const [i, row] of rows.entries()) yield* render(row, i);
}

/** The table as one text (`tableLines` joined by newlines). */
export function textTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  return [...tableLines(headers, rows, options)].join('\n');
}

/** How many characters `writePieces` sends at a time. */
const PIECE = 64 * 1024;

/**
 * Text to a stream in pieces of some 64K characters: the given pieces, joined as they come until they reach that. What
 * is sent is their concatenation, without the whole text (or its bytes) ever held.
 */
export function writePieces(write: (text: string) => void, pieces: Iterable<string>): void {
  for (const group of gathered(pieces, PIECE)) write(group.join(''));
}

/** Lines to a stream, each ended by a newline, in pieces (writePieces): the lines joined, as one text would have been. */
export function writeLines(write: (text: string) => void, lines: Iterable<string>): void {
  writePieces(
    write,
    (function* () {
      for (const line of lines) yield `${line}\n`;
    })(),
  );
}

const total = (widths: readonly number[]) =>
  widths.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, widths.length - 1);

/** Narrows the widest column one step at a time until the table fits, or every column is at its floor. */
export function fitColumns(natural: readonly number[], width: number): number[] {
  const widths = [...natural];
  const floor = natural.map((w) => Math.min(w, MIN_COLUMN));
  while (total(widths) > width) {
    let widest = -1;
    widths.forEach((w, col) => {
      if (w > (floor[col] ?? 0) && (widest < 0 || w > (widths[widest] ?? 0))) widest = col;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

/** A cell's lines at `width`: words kept whole where they fit, a longer word broken. */
function wrapCell(text: string, width: number): string[] {
  if (textWidth(text) <= width) return [text];
  return wrapWords(text, width);
}

/**
 * The lines of `text` wrapped at `width` as wrap-ansi wraps them (`hard`, `trim`): words kept whole, a word wider than
 * the width broken. wrap-ansi measures every word and row with string-width (about 10 µs a call), which took 1.5 s of
 * the main thread for the 11 000 persons of a national `sanctions` table; plain text whose words all fit is wrapped
 * here with the same steps and lengths as widths (a test compares the two on generated texts), anything else by
 * wrap-ansi itself.
 */
export function wrapWords(text: string, width: number): string[] {
  const line = text.normalize();
  const words = line.split(' ');
  if (!widthIsLength(line) || words.some((word) => word.length > width))
    return wrapAnsi(text, width, { hard: true, trim: true }).split('\n');
  if (line.trim() === '') return [''];
  const rows: string[] = [];
  let row = '';
  let length = 0;
  let trimmed = false;
  words.forEach((word, index) => {
    if (!trimmed) {
      const start = row.trimStart();
      if (start.length !== row.length) {
        row = start;
        length = start.length;
      }
      trimmed = start.length > 0;
    }
    if (index > 0 && length > 0) {
      row += ' ';
      length++;
    }
    if (length + word.length > width && length > 0 && word.length > 0) {
      rows.push(row);
      row = '';
      length = 0;
      trimmed = false;
    }
    row += word;
    length += word.length;
  });
  rows.push(row);
  return rows.map((row) => row.replace(/ +$/u, ''));
}

/**
 * Text whose every line fits `width`: a line is wrapped at word boundaries and its continuation lines are indented
 * under its text (under the text after a "- " bullet).
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const bullet = /^(\s*)(?:- )?/u.exec(line)?.[0] ?? '';
      return wrapLine(line, width, bullet.length);
    })
    .join('\n');
}

/**
 * A message line that fits `width`: wrapped at word boundaries, its own indentation kept, the lines after the first
 * indented by `indent` spaces (a list item's text under its bullet).
 */
export function wrapLine(text: string, width: number, indent: number): string {
  if (textWidth(text) <= width) return text;
  const lead = /^\s*/u.exec(text)?.[0] ?? '';
  const wrap = (body: string, room: number) => wrapWords(body, Math.max(10, room));
  const [first = '', ...rest] = wrap(text.slice(lead.length), width - lead.length);
  if (rest.length === 0) return lead + first;
  const pad = ' '.repeat(indent);
  return [lead + first, ...wrap(rest.join(' '), width - indent).map((line) => pad + line)].join('\n');
}
