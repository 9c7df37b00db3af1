#!/usr/bin/env node
// The floor for our stack: exceljs's streaming reader merely iterating every cell of a year's
// input workbooks, doing nothing with them.   node bench/floor.mjs $(node bench/inputs.mjs <workspace>)
import ExcelJS from 'exceljs';

const files = process.argv.slice(2);
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
