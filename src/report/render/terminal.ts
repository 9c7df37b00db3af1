import { Chalk, type ChalkInstance } from 'chalk';

/** Colours only on a terminal that wants them: never with --no-color, NO_COLOR, or a pipe. */
export function makeChalk(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** A plain text table: columns padded to their widest cell, long cells cut with an ellipsis. */
export function textTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { maxWidth?: number; paint?: (row: number, col: number, text: string) => string } = {},
): string {
  const max = options.maxWidth ?? 40;
  const cut = (text: string) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const cells = [headers, ...rows].map((row) => row.map(cut));
  const widths = headers.map((_, col) => cells.reduce((widest, row) => Math.max(widest, (row[col] ?? '').length), 0));
  const line = (row: readonly string[], index: number) =>
    row
      .map((cell, col) => {
        const padded = cell.padEnd(widths[col] ?? 0);
        return options.paint === undefined ? padded : options.paint(index, col, padded);
      })
      .join('  ')
      .trimEnd();
  const [head, ...body] = cells;
  return [
    line(head ?? [], -1),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...body.map((row, i) => line(row, i)),
  ].join('\n');
}
