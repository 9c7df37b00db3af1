/**
 * One cell's value as the readers hand it on: already unwrapped from rich text, formulas
 * (their cached result) and hyperlinks. A value that cannot be used is a `BadCell`.
 */
export type Cell = string | number | boolean | Date | null | BadCell;

export interface BadCell {
  readonly bad: 'formula-without-result' | 'error-value' | 'too-long';
  /** The formula, the error text (`#N/A`), or the length of a text too long. */
  readonly detail: string;
}

/**
 * The most characters a cell's text may have: Excel's own limit (32 767), so no spreadsheet a person made holds more.
 * A longer text is a bad cell, never read: no text past it reaches a regular expression, a terminal or an output
 * (issue #40: a 12-million-character unit name overflowed the stack in a regular expression).
 */
export const MAX_CELL_CHARS = 32_767;

/** A text as a cell: the text, or a bad cell when it is longer than MAX_CELL_CHARS. */
export function textCell(text: string): string | BadCell {
  return text.length > MAX_CELL_CHARS ? { bad: 'too-long', detail: String(text.length) } : text;
}

export function isBadCell(cell: Cell): cell is BadCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** A row of a sheet: its 1-based number and its cells from column A. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly Cell[];
  /** The row is hidden in the sheet (`<row hidden="1">`: hidden by hand, or filtered out by an AutoFilter). */
  readonly hidden?: true;
}

/** A sheet of a file: a worksheet of a workbook, or the one table of a CSV (no sheet name). */
export interface RawSheet {
  readonly name: string | undefined;
  /**
   * The rows in order, a batch at a time (a slice of the sheet's XML, some thousand rows): one step of the async
   * iteration per batch, not per row (issue #38: per row, it allocated some 250 bytes and a microtask for each of a
   * national year's 440 000 rows).
   */
  readonly rows: AsyncIterable<readonly RawRow[]> | Iterable<readonly RawRow[]>;
  /** The sheet is hidden in the workbook (`state="hidden"` or `"veryHidden"`): it is not read. */
  readonly hidden?: boolean;
  /** 1-based numbers of the columns hidden in the sheet. */
  readonly hiddenColumns?: ReadonlySet<number>;
  /** A CSV: a row with more cells than the header row is an error (a decimal comma in a `,` file). */
  readonly csv?: boolean;
  /**
   * The rows once more, from the start (a workbook's sheet, read again from its XML): what `readTable` compares a
   * later sheet of the same table with, since the rows of the first were handed on as they were read, not kept.
   */
  readonly again?: () => AsyncIterable<readonly RawRow[]> | Iterable<readonly RawRow[]>;
}
