#!/usr/bin/env node
// Issues #15 and #38, "writing": both workbooks of a national `sanctions` run written by what we use (exceljs's streaming writer for the frame,
// the data rows as sheet XML by directRows, deflated while they are made, then the re-date for fixed bytes, redateZip
// in src/report/render/zip.ts) against a bare direct writer of its sheet XML (strings per row with fixed style ids and
// no row heights, deflated by Node's zlib with zlib.crc32 once all are made). The direct side writes only the tables'
// cells — no frame, merges, styles part or zip directory, which are a few kB — so it is a yardstick, not a writer;
// since the tool deflates while it writes, it can be faster than this. Its XML size is printed beside the workbook's
// so that the two are seen to write the same amount.
//   node bench/writer.mjs <workspace> [runs=3]   → one JSON line (ms wall and CPU, medians of interleaved runs; bytes)
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { runYear } from '../dist/commands/year.js';
import { ratingDocument, sanctionDocument } from '../dist/report/content/outputs.js';
import { renderWorkbook } from '../dist/report/render/workbook.js';
import { redateZip } from '../dist/report/render/zip.js';
import { cpuMs, medianRounded } from './stats.mjs';

const [workspace, runsText = '3'] = process.argv.slice(2);
const runs = Number(runsText);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const deflateRaw = promisify(zlib.deflateRaw);

// The year as `sanctions` decides it (src/commands/year.ts), and its two documents as it builds them.
const run = await runYear({ workspace, cwd: process.cwd() }, 2024);
const documents = [
  ratingDocument(run.evaluation, run.rows, run.info),
  sanctionDocument(run.evaluation, run.rows, run.info),
];

// XML's special characters (control characters, which exceljs drops, are left out of this yardstick).
const escape = (text) =>
  /[&<>"]/u.test(text)
    ? text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')
    : text;
const letters = (n) => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** The tables' cells as sheet XML, one string per row, deflated and CRC'd as a zip entry would be. */
async function direct() {
  let xmlBytes = 0;
  const parts = [];
  for (const sheet of documents.flatMap((d) => d.sheets)) {
    if (sheet.kind !== 'table') continue;
    const columns = sheet.columns.length + 1;
    const refs = Array.from({ length: columns }, (_, i) => letters(i + 1));
    const chunks = [];
    sheet.rows.forEach((values, index) => {
      const r = index + 11;
      let xml = `<row r="${r}" ht="15" customHeight="1" spans="1:${columns}" x14ac:dyDescent="0.25"><c r="A${r}" s="7"><v>${index + 1}</v></c>`;
      values.forEach((value, i) => {
        const ref = `${refs[i + 1]}${r}`;
        if (value === null || value === undefined) xml += `<c r="${ref}" s="8"/>`;
        else if (typeof value === 'number') xml += `<c r="${ref}" s="7"><v>${value}</v></c>`;
        else xml += `<c r="${ref}" s="8" t="str"><v>${escape(value)}</v></c>`;
      });
      chunks.push(`${xml}</row>`);
    });
    const data = Buffer.from(`<sheetData>${chunks.join('')}</sheetData>`);
    xmlBytes += data.length;
    parts.push(data);
  }
  const packed = await Promise.all(
    parts.map(async (data) => ({ crc: zlib.crc32(data), bytes: await deflateRaw(data) })),
  );
  return { xmlBytes, zipBytes: packed.reduce((sum, p) => sum + p.bytes.length, 0) };
}

const samples = { tool: [], toolCpu: [], redate: [], direct: [], directCpu: [] };
let sizes = {};
for (let run = 0; run < runs; run++) {
  let start = now();
  let startCpu = cpuMs();
  let workbookBytes = 0;
  let last;
  for (const document of documents) {
    last = await renderWorkbook(document);
    workbookBytes += last.length;
  }
  samples.tool.push(now() - start);
  samples.toolCpu.push(cpuMs() - startCpu);
  start = now();
  // What renderWorkbook does after exceljs: the parts laid out again with the fixed date (not inflated).
  await redateZip(last, new Date(2024, 11, 31));
  samples.redate.push(now() - start);
  start = now();
  startCpu = cpuMs();
  const bare = await direct();
  samples.direct.push(now() - start);
  samples.directCpu.push(cpuMs() - startCpu);
  sizes = { workbookBytes, directXmlBytes: bare.xmlBytes, directDeflatedBytes: bare.zipBytes };
}
process.stdout.write(
  `${JSON.stringify({
    rows: documents.flatMap((d) => d.sheets).reduce((n, s) => n + (s.kind === 'table' ? s.rows.length : 0), 0),
    toolMs: medianRounded(samples.tool),
    toolCpuMs: medianRounded(samples.toolCpu),
    redateMs: medianRounded(samples.redate),
    directMs: medianRounded(samples.direct),
    directCpuMs: medianRounded(samples.directCpu),
    ...sizes,
  })}\n`,
);
