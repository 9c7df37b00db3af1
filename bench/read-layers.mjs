#!/usr/bin/env node
// Where the read of the self-reports goes, layer by layer (issue #38: "read ÷ inflating the inputs"): the year's
// self-report files read by ever more of the reader, in one process, from dist/ — opened (guard, zip, inflate), then
// their rows scanned and their cells made (shared strings too), then through the table (header, places, hidden rows,
// legacy check), then whole (parseRow, the converters, the columns). Each layer includes the ones before it: the
// difference of two is what the second adds. CPU milliseconds of this process, the best of the rounds: the machine is
// noisy, and the best is the figure least moved by its load.
//   node bench/read-layers.mjs <workspace> [rounds=8] [year=2024]   → one JSON line (ms)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [workspace, roundsText = '8', yearText = '2024'] = process.argv.slice(2);
if (workspace === undefined) throw new Error('usage: node bench/read-layers.mjs <workspace> [rounds] [year]');
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { openXlsx } = await import(join(dist, 'io', 'guard.js'));
const { readXlsxSheets } = await import(join(dist, 'io', 'xlsx.js'));
const { streamTable } = await import(join(dist, 'io', 'table.js'));
const { readSelfReportFile } = await import(join(dist, 'io', 'readers', 'index.js'));
const { DEFAULT_LIMITS } = await import(join(dist, 'io', 'limits.js'));
const { SELF_REPORT_SPEC } = await import(join(dist, 'inputs', 'columns.js'));
const { REGULATIONS } = await import(join(dist, 'regulations', 'index.js'));

const dir = join(workspace, yearText, 'self-reports');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.xlsx'))
  .sort()
  .map((name) => join(dir, name));
const itemCodes = REGULATIONS[0].checklist.map((item) => item.code);

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const layers = {
  open: async (file) => {
    await openXlsx(file, file, DEFAULT_LIMITS);
  },
  rows: async (file) => {
    const opened = await openXlsx(file, file, DEFAULT_LIMITS);
    if ('severity' in opened) throw new Error(`${file}: ${opened.message}`);
    for (const sheet of readXlsxSheets(opened)) for await (const batch of sheet.rows) void batch;
  },
  table: async (file) => {
    await streamTable(file, file, SELF_REPORT_SPEC, DEFAULT_LIMITS, () => undefined);
  },
  whole: async (file) => {
    await readSelfReportFile(file, file, DEFAULT_LIMITS, itemCodes);
  },
};

const best = Object.fromEntries(Object.keys(layers).map((name) => [name, Infinity]));
for (let round = 0; round < Number(roundsText); round++) {
  for (const [name, read] of Object.entries(layers)) {
    const start = cpuMs();
    for (const file of files) await read(file);
    best[name] = Math.min(best[name], cpuMs() - start);
  }
}
console.log(
  JSON.stringify({
    files: files.length,
    ...Object.fromEntries(Object.entries(best).map(([k, v]) => [k, Math.round(v)])),
  }),
);
