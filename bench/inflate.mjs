#!/usr/bin/env node
// The read's yardstick (issue #38): the input workbooks of a year's `sanctions` run (bench/inputs.mjs) opened, and
// every part of each inflated, as the reader gets its parts — yauzl reads the central directory, the compressed bytes
// are read and inflated in one call (inflateRawSync, as src/io/guard.ts does) — and nothing else: no text is decoded,
// no XML read. Wall and CPU time of that work alone, in this process, once the list of files is made.
//   node bench/inflate.mjs <workspace>   → one JSON line (ms; bytes)
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { inputFiles } from './inputs.mjs';
import { cpuMs } from './stats.mjs';

const [workspace] = process.argv.slice(2);
const files = await inputFiles(workspace);

const open = (path) =>
  new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
const entriesOf = (zip) =>
  new Promise((resolve, reject) => {
    const entries = [];
    zip.on('entry', (entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
const rawOf = (zip, entry) =>
  new Promise((resolve, reject) =>
    zip.openReadStream(entry, { decompress: false }, (err, stream) => {
      if (err) return reject(err);
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    }),
  );

const start = performance.now();
const startCpu = cpuMs();
let parts = 0;
let inflatedBytes = 0;
let compressedBytes = 0;
for (const file of files) {
  // The file's bytes read once (the reader reads them for the record's hash, not hashed here), then its parts.
  await readFile(file);
  const zip = await open(file);
  for (const entry of await entriesOf(zip)) {
    const raw = await rawOf(zip, entry);
    const bytes = entry.compressionMethod === 8 ? inflateRawSync(raw) : raw;
    parts++;
    inflatedBytes += bytes.length;
    compressedBytes += raw.length;
  }
  zip.close();
}
process.stdout.write(
  `${JSON.stringify({ wall: Math.round(performance.now() - start), cpu: Math.round(cpuMs() - startCpu), parts, inflatedBytes, compressedBytes })}\n`,
);
