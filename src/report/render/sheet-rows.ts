import { once } from 'node:events';
import { setImmediate as turn } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../problems.js';
import type { CellValue } from '../content/document.js';

/**
 * Where a table's data rows go: `write` gets a row's number, its height and its cells (value and style, from
 * column A), and reads them before it returns, so the caller may reuse the arrays; it returns true when it has
 * handed a piece of XML to the sheet's stream, and the caller then waits for `settle()` before the next row (the
 * zip's deflating goes on only while it waits). `end` is called after the last data row, before anything else is
 * added to the sheet.
 */
export interface RowSink {
  write(
    number: number,
    height: number,
    values: readonly CellValue[],
    styles: readonly Partial<ExcelJS.Style>[],
  ): boolean;
  settle(): Promise<void>;
  end(): void;
}

/** How the data rows are written: by exceljs's rows and cells, or as sheet XML (directRows); both give equal bytes. */
export type RowWriting = 'exceljs' | 'direct';

/** The data rows through exceljs's own rows and cells: the reference that directRows is tested against. */
export function exceljsRows(ws: ExcelJS.Worksheet): RowSink {
  return {
    write(number, height, values, styles) {
      const row = ws.getRow(number);
      values.forEach((value, i) => {
        const cell = row.getCell(i + 1);
        cell.value = value;
        const style = styles[i];
        if (style !== undefined) cell.style = style;
      });
      row.height = height;
      row.commit();
      return false;
    },
    settle: async () => {
      await turn();
    },
    end() {},
  };
}

/** What directRows uses of exceljs's streaming worksheet writer (exceljs 4.4, lib/stream/xlsx/worksheet-writer.js). */
interface WriterInternals {
  /**
   * The sheet's XML, on its way to the zip (exceljs's StreamBuf, lib/utils/stream-buf.js); `pipes` holds the zip's
   * input for the sheet (archiver pipes the stream into a PassThrough of its own when the sheet is added), which the
   * zip reads and deflates when it comes to the sheet.
   */
  readonly stream: { write(text: string): unknown; readonly pipes?: unknown };
  /** The rows not yet committed, and the number of the first of them. */
  readonly _rows: readonly unknown[];
  _rowZero: number;
  /** Whether `<sheetData>` has been opened. */
  readonly startedData: boolean;
  /** The workbook's style table: a style object's id, registered the first time it is seen. */
  readonly _workbook: { readonly styles: { addStyleModel(style: object, cellType: number): number } };
}

function internals(ws: ExcelJS.Worksheet): WriterInternals | undefined {
  const candidate = ws as unknown as Partial<Record<keyof WriterInternals, unknown>>;
  const { stream, _rows, _rowZero, startedData, _workbook } = candidate;
  const styles = (_workbook as { styles?: { addStyleModel?: unknown } } | undefined)?.styles;
  const ok =
    typeof (stream as { write?: unknown } | undefined)?.write === 'function' &&
    Array.isArray(_rows) &&
    _rows.length === 0 &&
    typeof _rowZero === 'number' &&
    startedData === true &&
    typeof styles?.addStyleModel === 'function';
  return ok ? (ws as unknown as WriterInternals) : undefined;
}

/** exceljs's cell types (lib/doc/enums.js ValueType), which its style table is given with each style. */
const NULL = 0;
const NUMBER = 2;
const STRING = 3;

/** Rows are written to the sheet's stream in pieces of about this many characters. */
const PIECE = 1 << 16;

/**
 * The bytes of a sheet's XML that may wait, not yet deflated, in the zip's input before the rows stop for it. exceljs
 * hands its stream's pieces on without looking at what the zip's input says (write's false), so the XML waited there
 * while it was made faster than deflated: up to 18 MB of a national rating sheet (29 MB of XML), 34 MB of external
 * memory at the top of the rendering. Past this bound the rows wait until the input has drained.
 */
export const WAITING_XML_BYTES = 1 << 20;
/** How long rows wait for the zip's input to drain before they go on anyway: a stalled zip slows a run, never hangs it. */
const DRAIN_WAIT_MS = 2000;

/** The zip's input for a sheet (a Node or readable-stream Writable), as far as settle() reads it. */
interface ZipInput {
  readonly _writableState: { readonly length: number };
  once(event: 'drain', listener: () => void): unknown;
}

/** The zip's input the sheet's stream is piped to, when there is one and it says how much waits in it. */
function zipInput(stream: { readonly pipes?: unknown }): ZipInput | undefined {
  const pipes = stream.pipes;
  const input: unknown = Array.isArray(pipes) && pipes.length === 1 ? pipes[0] : undefined;
  if (typeof input !== 'object' || input === null) return undefined;
  const state = (input as { _writableState?: { length?: unknown } })._writableState;
  const ok = typeof state?.length === 'number' && typeof (input as { once?: unknown }).once === 'function';
  return ok ? (input as ZipInput) : undefined;
}

/**
 * Lets the event loop run, and waits while more than `bound` bytes of XML wait in the zip's input (until it drains,
 * or `waitMs` at most).
 */
export async function settleStream(stream: { readonly pipes?: unknown }, bound: number, waitMs: number): Promise<void> {
  const input = zipInput(stream);
  if (input === undefined || input._writableState.length <= bound) {
    await turn();
    return;
  }
  await once(input as unknown as NodeJS.EventEmitter, 'drain', { signal: AbortSignal.timeout(waitMs) }).catch(
    () => undefined,
  );
}

/**
 * The data rows as sheet XML, written straight to the worksheet writer's stream: exceljs builds a row object, a
 * cell object and a model per cell, and an XML stream per row, which took half of a national rating workbook's
 * rendering (bench/writer.mjs). The XML is exactly what exceljs writes for the same rows — the same attributes in
 * the same order, its own escaping, each cell's style registered in the same order, so with the same id — which
 * test/report/sheet-rows.test.ts checks against exceljsRows byte for byte. Undefined when the writer is not in the state
 * this expects (another exceljs, or rows not yet committed): the caller then uses exceljsRows. `xmlEncode` is exceljs's
 * own (xmlEncoder in ./exceljs.ts).
 */
export function directRows(ws: ExcelJS.Worksheet, xmlEncode: (text: string) => string): RowSink | undefined {
  const writer = internals(ws);
  if (writer === undefined) return undefined;
  const styles = writer._workbook.styles;
  const letters: string[] = [];
  let piece = '';
  let next = writer._rowZero;
  return {
    write(number, height, values, cellStyles) {
      if (number < next) throw new Error(`Dòng ${number} đã được ghi (ghi trực tiếp bảng tính)`);
      next = number + 1;
      let xml = `<row r="${number}"`;
      if (height) xml += ` ht="${height}" customHeight="1"`;
      if (values.length > 0) xml += ` spans="1:${values.length}"`;
      xml += ' x14ac:dyDescent="0.25"';
      if (values.length === 0) xml += '/>';
      else {
        xml += '>';
        for (let i = 0; i < values.length; i++) {
          const value = values[i] ?? null;
          const style = cellStyles[i];
          const type = value === null ? NULL : typeof value === 'number' ? NUMBER : STRING;
          const id = style === undefined ? 0 : styles.addStyleModel(style, type);
          if (value === null && !id) continue;
          xml += `<c r="${(letters[i] ??= columnLetter(i + 1))}${number}"`;
          if (id) xml += ` s="${id}"`;
          if (value === null) xml += '/>';
          else if (typeof value === 'number') xml += `><v>${String(value)}</v></c>`;
          else xml += ` t="str"><v>${xmlEncode(value)}</v></c>`;
        }
        xml += '</row>';
      }
      piece += xml;
      if (piece.length >= PIECE) {
        writer.stream.write(piece);
        piece = '';
        return true;
      }
      return false;
    },
    settle: () => settleStream(writer.stream, WAITING_XML_BYTES, DRAIN_WAIT_MS),
    end() {
      if (piece !== '') writer.stream.write(piece);
      piece = '';
      writer._rowZero = next;
    },
  };
}
