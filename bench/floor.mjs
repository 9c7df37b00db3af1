#!/usr/bin/env node
// The floor for our stack: exceljs's streaming reader merely iterating every cell of a year's
// input workbooks, doing nothing with them.   node bench/floor.mjs <workspace> <year>
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const [workspace, year] = process.argv.slice(2);
const files = [
  join(workspace, year, 'units.xlsx'),
  join(workspace, year, 'scores.xlsx'),
  join(workspace, String(Number(year) - 1), 'scores.xlsx'),
  join(workspace, year, 'follow-up.xlsx'),
  ...readdirSync(join(workspace, year, 'self-reports'))
    .sort()
    .map((f) => join(workspace, year, 'self-reports', f)),
];
let cells = 0;
for (const file of files) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      row.eachCell(() => {
        cells++;
      });
    }
  }
}
process.stdout.write(`${cells}\n`);
