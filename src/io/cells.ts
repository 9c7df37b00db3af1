/**
 * One cell's value as the readers hand it on: already unwrapped from rich text, formulas
 * (their cached result) and hyperlinks. A value that cannot be used is a `BadCell`.
 */
export type Cell = string | number | boolean | Date | null | BadCell;

export interface BadCell {
  readonly bad: 'formula-without-result' | 'error-value';
  /** The formula, or the error text (`#N/A`). */
  readonly detail: string;
}

export function isBadCell(cell: Cell): cell is BadCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** A row of a sheet: its 1-based number and its cells from column A. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly Cell[];
}

/** A sheet of a file: a worksheet of a workbook, or the one table of a CSV (no sheet name). */
export interface RawSheet {
  readonly name: string | undefined;
  readonly rows: AsyncIterable<RawRow>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Unwraps an exceljs cell value (the I/O edge: exceljs types its values loosely). Rich text
 * becomes its plain text; a formula its cached result, or a BadCell when the producer stored
 * none; a hyperlink its text; an error value (`#N/A`) a BadCell.
 */
export function fromExcelValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'bigint') return Number(value);
  if (!isRecord(value)) return null;
  if (Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = typeof value.formula === 'string' ? value.formula : typeof value.sharedFormula === 'string' ? value.sharedFormula : '';
    if (!('result' in value) || value.result === undefined || value.result === null) {
      return { bad: 'formula-without-result', detail: `=${formula}` };
    }
    return fromExcelValue(value.result);
  }
  if (typeof value.error === 'string') return { bad: 'error-value', detail: value.error };
  if ('text' in value) return fromExcelValue(value.text);
  return JSON.stringify(value);
}
