/*
 * The cell scanner's quick path (src/io/scan.ts): a cell as spreadsheet programs write nearly all of them, read
 * character by character without cutting out its tags' names and attributes (issue #38). Apart from the scanner so
 * that each module stays readable; test/io/scan.test.ts checks the scanner, with this path, against SAX.
 */

/** columnOf of the reference written from `start` to `end` in `text`, without cutting it out. */
export function columnIn(text: string, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** A cell quickCell read: where it ends, its column, type and style, where its value is written (-1: no `<v>`). */
export interface QuickCell {
  end: number;
  column: number;
  type: string | undefined;
  style: number | undefined;
  valueStart: number;
  valueEnd: number;
}

/** quickCell's answer, filled again for each cell (one object, not one per cell). */
export const QUICK_CELL: QuickCell = {
  end: 0,
  column: 0,
  type: undefined,
  style: undefined,
  valueStart: -1,
  valueEnd: -1,
};

/** The types quickCell reads by their first letter (`t="s"`, …), the same strings each time; `str` by its length. */
const ONE_LETTER_TYPES: readonly (string | undefined)[] = (() => {
  const types: (string | undefined)[] = [];
  for (const type of ['s', 'n', 'b', 'e', 'd']) types[type.charCodeAt(0)] = type;
  return types;
})();

/**
 * The cell whose `<c ` is at `lt`, when it is written as spreadsheet programs write nearly every cell: attributes
 * among r, t (s, n, b, e, d, str) and s (digits), each `name="value"` after one or more spaces; then `/>`, `></c>` or
 * `><v>value</v></c>` with nothing between the tags; no '<' in a tag and the whole before `to`. Then `out` says where it
 * ends, its column (the reference's, as columnIn reads it), type, style and value, and true is returned; else false,
 * and the general path reads it. Entities and carriage returns are the caller's to rule out (it tracks them).
 */
export function quickCell(text: string, lt: number, to: number, out: QuickCell): boolean {
  // Character by character: a cell's tags are short, and each search of the string costs more than the few
  // characters it would skip.
  let at = lt + 2;
  let column = 0;
  let type: string | undefined;
  let style: number | undefined;
  let code = text.charCodeAt(at);
  for (;;) {
    while (code === 32) code = text.charCodeAt(++at);
    if (code === 62) break;
    if (code === 47) {
      if (text.charCodeAt(++at) !== 62) return false;
      break;
    }
    if (text.charCodeAt(at + 1) !== 61 || text.charCodeAt(at + 2) !== 34) return false;
    const name = code;
    const start = at + 3;
    let end = start;
    for (code = text.charCodeAt(end); code !== 34; code = text.charCodeAt(++end))
      if (code === 60 || end >= to) return false;
    if (name === 114) column = columnIn(text, start, end);
    else if (name === 116) {
      if (end - start === 1) type = ONE_LETTER_TYPES[text.charCodeAt(start)];
      else type = end - start === 3 && text.startsWith('str', start) ? 'str' : undefined;
      if (type === undefined) return false;
    } else if (name === 115) {
      if (end === start || end - start > 9) return false;
      let number = 0;
      for (let k = start; k < end; k++) {
        const digit = text.charCodeAt(k) - 48;
        if (digit < 0 || digit > 9) return false;
        number = number * 10 + digit;
      }
      style = number;
    } else return false;
    at = end + 1;
    code = text.charCodeAt(at);
  }
  // `at` is the tag's '>'.
  if (text.charCodeAt(at - 1) === 47) {
    out.valueStart = out.valueEnd = -1;
    out.end = at + 1;
  } else if (text.charCodeAt(at + 1) !== 60) return false;
  else if (text.charCodeAt(at + 2) === 47) {
    // </c>
    if (text.charCodeAt(at + 3) !== 99 || text.charCodeAt(at + 4) !== 62) return false;
    out.valueStart = out.valueEnd = -1;
    out.end = at + 5;
  } else {
    // <v>value</v></c>
    if (text.charCodeAt(at + 2) !== 118 || text.charCodeAt(at + 3) !== 62) return false;
    const valueStart = at + 4;
    let valueEnd = valueStart;
    while (valueEnd < to && text.charCodeAt(valueEnd) !== 60) valueEnd++;
    if (!text.startsWith('</v></c>', valueEnd)) return false;
    out.valueStart = valueStart;
    out.valueEnd = valueEnd;
    out.end = valueEnd + 8;
  }
  if (out.end > to) return false;
  out.column = column;
  out.type = type;
  out.style = style;
  return true;
}
