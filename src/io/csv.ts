import { parse } from 'csv-parse/sync';
import { type RawRow, type RawSheet, textCell } from './cells.js';
import { type Problem, error } from '../problems.js';

/** The separators a CSV may use: `,` by default, `;` where Excel runs with a Vietnamese locale (decimal commas). */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;

/**
 * Decodes a CSV file's bytes: UTF-8 with or without BOM, UTF-16 (LE or BE) with BOM, as Excel's
 * "Unicode Text" writes. Anything else that is not valid UTF-8 (Windows-1258, TCVN3) is refused:
 * guessing a legacy Vietnamese encoding would corrupt names silently.
 */
export function decodeCsv(bytes: Buffer, display: string): string | Problem {
  // A workbook renamed .csv: named as such, not as a text in an unknown encoding.
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return error(
      'csv-is-workbook',
      {
        vi: 'tệp đuôi .csv này thực ra là bảng tính Excel (.xlsx) bị đổi tên; hãy đổi lại đuôi thành .xlsx.',
        en: 'this .csv file is really an Excel workbook (.xlsx) renamed; change its extension back to .xlsx.',
      },
      {
        file: display,
      },
    );
  }
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return error(
      'csv-is-workbook',
      {
        vi: 'tệp đuôi .csv này thực ra là bảng tính Excel cũ (.xls) bị đổi tên; hãy đổi lại đuôi thành .xls hoặc lưu thành .xlsx.',
        en: 'this .csv file is really an old Excel workbook (.xls) renamed; change its extension back to .xls or save it as .xlsx.',
      },
      {
        file: display,
      },
    );
  }
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return error(
      'csv-encoding',
      {
        vi: 'tệp CSV không ở mã UTF-8 (có thể là Windows-1258 hoặc TCVN3). Trong Excel, hãy chọn "Lưu thành" → "CSV UTF-8 (phân tách bằng dấu phẩy)".',
        en: 'the CSV file is not UTF-8 (it may be Windows-1258 or TCVN3). In Excel, choose "Save As" → "CSV UTF-8 (Comma delimited)".',
      },
      { file: display },
    );
  }
}

function parseRecords(text: string, delimiter: string): RawRow[] {
  const records = parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const rows: RawRow[] = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    rows.push({ row: previousEnd + 1, cells: record.map((cell) => (cell === '' ? null : textCell(cell))) });
    previousEnd = info.lines;
  }
  return rows;
}

/**
 * Reads a CSV as one sheet. The separator is chosen from the header line: the first of
 * `,`, `;`, tab under which `isHeader` recognises a row among the first `scanRows`; failing
 * that, the one that splits some early line into the most columns.
 */
export function readCsvSheet(
  bytes: Buffer,
  display: string,
  isHeader: (cells: readonly (string | null)[]) => boolean,
  scanRows: number,
): RawSheet | Problem {
  const text = decodeCsv(bytes, display);
  if (typeof text !== 'string') return text;
  // The separator is judged line by line, so that a broken quote further down (reported
  // below, with its line) cannot hide the header under every separator.
  const firstLines = text.split(/\r?\n/, scanRows);
  let chosen: string | undefined;
  let widest: { delimiter: string; columns: number } = { delimiter: ',', columns: 0 };
  for (const delimiter of CSV_DELIMITERS) {
    const sample = firstLines.flatMap((line) => {
      try {
        return parseRecords(line, delimiter).map((r) => r.cells);
      } catch {
        return [];
      }
    });
    if (sample.some((cells) => isHeader(cells as (string | null)[]))) {
      chosen = delimiter;
      break;
    }
    const columns = Math.max(0, ...sample.map((cells) => cells.length));
    if (columns > widest.columns) widest = { delimiter, columns };
  }
  let rows: RawRow[];
  try {
    rows = parseRecords(text, chosen ?? widest.delimiter);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    const { lines, bytes_records: doneBytes } = cause as { lines?: number; bytes_records?: number };
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      // The unfinished row starts on the line after the last complete record.
      const opened =
        doneBytes === undefined
          ? undefined
          : Buffer.from(text).subarray(0, doneBytes).toString('utf8').split('\n').length;
      return error(
        'csv-quote-not-closed',
        {
          vi: `dấu ngoặc kép (") mở ở một ô${opened === undefined ? '' : ' của dòng này'} nhưng không bao giờ được đóng, nên phần còn lại của tệp bị coi là một ô${lines === undefined ? '' : ` (đến dòng ${lines})`}; hãy sửa ô đó trong Excel rồi lưu lại.`,
          en: `a double quote (") opens in a cell${opened === undefined ? '' : ' of this row'} and is never closed, so the rest of the file reads as one cell${lines === undefined ? '' : ` (up to row ${lines})`}; fix that cell in Excel and save again.`,
        },
        { file: display, ...(opened === undefined ? {} : { row: opened }) },
      );
    }
    const detail = cause instanceof Error ? cause.message : String(cause);
    return error(
      'csv-malformed',
      { vi: `tệp CSV sai cấu trúc (${detail}).`, en: `the CSV file is malformed (${detail}).` },
      { file: display },
    );
  }
  // The rows, read whole already, as the one batch of the sheet (none when it has none).
  return { name: undefined, rows: rows.length === 0 ? [] : [rows], csv: true };
}
