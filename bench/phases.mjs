#!/usr/bin/env node
// Where the time of a national `sanctions` run goes, phase by phase: the real command (dist/cli.js, as a user starts
// it), its phases as it says them under ICT_EVAL_DEBUG=memory (src/heap.ts: wall time since the process started and
// CPU time of all its threads at the end of each phase). Medians of the runs given. Beside it, the yardstick of the
// read (issue #38): opening the same input workbooks and inflating every part of them, in one process.
//   node bench/phases.mjs <workspace> <out> [runs=3]   → one JSON line (ms)
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianRounded } from './stats.mjs';

const [workspace, out, runsText = '3'] = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');

/** The phases, each from the end of the one before (start: the process's start) to the end of its own line. */
const PHASES = [
  ['start', 'settings'], // node, the modules, the configuration and the policy
  ['read', 'read'],
  ['rules', 'rules'],
  ['decide', 'decided'], // the heap collected once the rows go; the rows and the legal context made
  ['history', 'history'], // the record built, serialised, hashed and held
  ['rating workbook', 'rendered xep-loai-2024.xlsx'],
  ['sanctions workbook', 'rendered xu-ly-2024.xlsx'],
  ['write and keep', 'kept'],
];

function once() {
  const result = spawnSync(cli, ['sanctions', '--year', '2024', '-w', workspace, '-o', out, '--force', '-q'], {
    encoding: 'utf8',
    env: { ...process.env, ICT_EVAL_DEBUG: 'memory' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`sanctions failed: ${result.stderr}`);
  const at = new Map();
  for (const m of result.stderr.matchAll(/^ict-eval: debug: ([^:\n]+): .*, at ([\d.]+) s, CPU ([\d.]+) s$/gmu))
    at.set(m[1], { wall: Number(m[2]) * 1000, cpu: Number(m[3]) * 1000 });
  let last = { wall: 0, cpu: 0 };
  const phase = {};
  for (const [name, line] of PHASES) {
    const end = at.get(line);
    if (end === undefined) throw new Error(`no "${line}" line in the run's debug output`);
    phase[name] = { wall: end.wall - last.wall, cpu: end.cpu - last.cpu };
    last = end;
  }
  return phase;
}

const samples = [];
const inflates = [];
for (let run = 0; run < Number(runsText); run++) {
  samples.push(once());
  inflates.push(
    JSON.parse(execFileSync(process.execPath, [join(root, 'bench', 'inflate.mjs'), workspace], { encoding: 'utf8' })),
  );
}
const phases = Object.fromEntries(
  PHASES.map(([name]) => [
    name,
    { wall: medianRounded(samples.map((s) => s[name].wall)), cpu: medianRounded(samples.map((s) => s[name].cpu)) },
  ]),
);
const inflate = {
  wall: medianRounded(inflates.map((i) => i.wall)),
  cpu: medianRounded(inflates.map((i) => i.cpu)),
  parts: inflates[0].parts,
  inflatedBytes: inflates[0].inflatedBytes,
  compressedBytes: inflates[0].compressedBytes,
};
process.stdout.write(`${JSON.stringify({ phases, inflate })}\n`);
