// The workbooks a `sanctions` run of the year reads, as the tool itself lists them (LoadedYear.files, the list of the
// "Căn cứ và tham số" sheet): the peers (ssconvert, xlsx2csv, exceljs's reader) are timed on exactly these, so that
// "reading the same inputs" stays true when the tool reads a new kind of file (a hand-kept list had missed the
// assessment file, which the tool reads since v2 of the rules).
//   node bench/inputs.mjs <workspace> [year=2024]   → one path per line
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadYear } from '../dist/io/workspace.js';
import { resolvePolicy } from '../dist/rules/policy.js';

export async function inputFiles(workspace, year = 2024) {
  const loaded = await loadYear(workspace, year, resolvePolicy(year));
  return loaded.files.map((file) => join(workspace, file.path));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [workspace, year = '2024'] = process.argv.slice(2);
  process.stdout.write(`${(await inputFiles(workspace, Number(year))).join('\n')}\n`);
}
