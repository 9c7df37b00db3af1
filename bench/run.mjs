#!/usr/bin/env node
// npm run bench: generates the province and national workspaces with the seeded generator,
// measures, side by side and interleaved, wall time, CPU time (user + system, every thread) and peak RSS of ict-eval
// and of what a user would reach for, prints a table and writes docs/benchmarks.md. Ratios are the figures: the
// machine is shared and noisy, so each figure is the median of several interleaved runs, and CPU time is given beside
// wall time (ict-eval may use both cores, ssconvert uses one). The targets are issue #38's.
//   BENCH_RUNS=5 npm run bench        (default 3 runs of each)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputFiles } from './inputs.mjs';
import { median } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'ict-eval-bench-'));
const node = process.execPath;
const cli = join(root, 'dist', 'cli.js');

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
if (!have('ssconvert') || !have('xlsx2csv')) {
  console.error('bench: installing gnumeric and xlsx2csv from Debian (needs root)…');
  spawnSync(
    'sh',
    [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gnumeric xlsx2csv',
    ],
    { stdio: 'inherit' },
  );
}

function generate(name, units, files) {
  const dir = join(work, name);
  execFileSync(node, [join(root, 'bench', 'generate.mjs'), dir, String(units), String(files), '1'], {
    stdio: 'inherit',
  });
  return dir;
}

/**
 * One run under /usr/bin/time: wall seconds (timed here, to the microsecond: time's own %e has 10 ms steps, which
 * made `--version` ÷ `node -e 0` read 0.08 ÷ 0.05), CPU seconds (user + system of the command and its children, every
 * thread) and peak RSS in MB of the whole command.
 */
function measure(argv) {
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
  const [kb, user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { seconds, cpu: user + system, mb: kb / 1024 };
}

/** Runs every case once per round, round after round (interleaved), and keeps the medians. */
function bench(cases, rounds) {
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) samples.get(c.name).push(measure(c.argv()));
  }
  return cases.map((c) => {
    const list = samples.get(c.name);
    return {
      ...c,
      seconds: median(list.map((s) => s.seconds)),
      cpu: median(list.map((s) => s.cpu)),
      mb: median(list.map((s) => s.mb)),
      samples: list,
    };
  });
}

/** The workbooks each workspace's `sanctions` run reads (bench/inputs.mjs): what every peer is given. */
const inputsOf = new Map();
const convertAll = (tool, dir) => {
  const out = join(work, 'csv');
  const files = inputsOf
    .get(dir)
    .map((f) => `'${f}'`)
    .join(' ');
  const command =
    tool === 'ssconvert'
      ? `mkdir -p ${out}; for f in ${files}; do ssconvert "$f" ${out}/$(basename "$f").csv 2>/dev/null || exit 1; done`
      : `mkdir -p ${out}; for f in ${files}; do xlsx2csv "$f" > ${out}/$(basename "$f").csv || exit 1; done`;
  return ['sh', '-c', command];
};

console.error('bench: generating workspaces…');
const province = generate('province', 30, 30);
const national = generate('national', 10_000, 20);
for (const dir of [province, national]) inputsOf.set(dir, await inputFiles(dir));
// One output folder per workspace: a run compares itself with the last record in its folder (out/Y/lich-su/).
const out = join(work, 'out');

const SEMI_SPACE = 'node --max-semi-space-size=8, ict-eval sanctions --year 2024';
const MMAP_THRESHOLD = 'MALLOC_MMAP_THRESHOLD_=131072 ict-eval sanctions --year 2024';
const RANK = 'ict-eval rank scores.xlsx --previous (2023) scores.xlsx';
const rankArgv = (...more) => [
  node,
  cli,
  'rank',
  join(national, '2024', 'scores.xlsx'),
  '--previous',
  join(national, '2023', 'scores.xlsx'),
  '-w',
  national,
  ...more,
];
const sanctionsNationalArgs = [cli, 'sanctions', '--year', '2024', '-w', national, '-o', out, '--force', '-q'];
const national_ = bench(
  [
    { name: 'ict-eval sanctions --year 2024', argv: () => [node, ...sanctionsNationalArgs] },
    // Right after it in each round: the target is the median of the two's ratio in each round (roundRatio).
    { name: 'ssconvert, inputs to CSV', argv: () => convertAll('ssconvert', national) },
    {
      // What an operator short of memory can give node (NODE_OPTIONS or the cron line): a young generation of 8 MB
      // semi-spaces instead of V8's 16. A program cannot set it for itself once started (v8.setFlagsFromString is
      // too late for the heap's new space).
      name: SEMI_SPACE,
      argv: () => [node, '--max-semi-space-size=8', ...sanctionsNationalArgs],
    },
    {
      // What an operator can give glibc's malloc (the environment of the cron line): a fixed threshold of 128 KB above
      // which a buffer is mapped on its own and given back when freed. By default glibc raises the threshold to the
      // size of each large buffer freed (an inflated sheet, up to 32 MB), and the buffers below it then stay in its
      // heap, in pieces the system does not get back. Read at the process's start, so never by the program itself.
      name: MMAP_THRESHOLD,
      argv: () => ['env', 'MALLOC_MMAP_THRESHOLD_=131072', node, ...sanctionsNationalArgs],
    },
    {
      // The annual report: its annexes list every person (11 000), so its peak is the document's, not the read's.
      name: 'ict-eval report --year 2024',
      argv: () => [node, cli, 'report', '--year', '2024', '-w', national, '-o', `${out}-report`, '--force', '-q'],
    },
    {
      // Issue #39: the inputs read once, the year decided 16 times (as configured, then each of 15 other readings).
      name: 'ict-eval what-if --year 2024',
      argv: () => [node, cli, 'what-if', '--year', '2024', '-w', national, '-q'],
    },
    {
      // Issue #38: ranking a national year's scores by hand, against the year before (two 400 KB score files).
      name: RANK,
      argv: () => rankArgv('-q'),
    },
    {
      // The same by hand, as a user runs it: its tables printed (10 000 rows; to /dev/null here).
      name: `${RANK}, printed`,
      argv: () => rankArgv(),
    },
    {
      name: 'exceljs streaming reader, every cell (floor)',
      argv: () => [node, join(root, 'bench', 'floor.mjs'), ...inputsOf.get(national)],
    },
    { name: 'xlsx2csv, inputs to CSV', argv: () => convertAll('xlsx2csv', national) },
  ],
  runs,
);
const province_ = bench(
  [
    {
      name: 'ict-eval sanctions --year 2024',
      argv: () => [node, cli, 'sanctions', '--year', '2024', '-w', province, '-o', `${out}-province`, '--force', '-q'],
    },
    { name: 'ssconvert, inputs to CSV', argv: () => convertAll('ssconvert', province) },
  ],
  runs,
);
const cold = bench(
  [
    { name: 'node -e 0', argv: () => [node, '-e', '0'] },
    { name: 'ict-eval --version', argv: () => [node, cli, '--version'] },
    { name: 'ict-eval --help', argv: () => [node, cli, '--help'] },
  ],
  Math.max(15, runs),
);
const growth = [];
for (const units of [1_000, 5_000, 10_000, 20_000]) {
  const dir = units === 10_000 ? national : generate(`growth-${units}`, units, 20);
  const [result] = bench(
    [
      {
        name: String(units),
        argv: () => [
          node,
          cli,
          'sanctions',
          '--year',
          '2024',
          '-w',
          dir,
          '-o',
          `${out}-growth-${units}`,
          '--force',
          '-q',
        ],
      },
    ],
    Math.min(runs, 3),
  );
  growth.push({ units, dir, persons: units + Math.ceil(units / 10), rows: units * 22, ...result });
}

const growthOf = (units) => growth.find((g) => g.units === units);

// Issue #38: where the time of a real national `sanctions` run goes (its own debug lines), and the read's yardstick.
const { phases, inflate } = JSON.parse(
  execFileSync(node, [join(root, 'bench', 'phases.mjs'), national, `${out}-phases`, String(runs)], {
    encoding: 'utf8',
  }),
);

// Issues #15 and #38, writing: the tool's writer (exceljs for the frame, directRows for the data rows, the re-date) against
// a bare direct writer of the same sheet XML, both workbooks of the national year, in one process.
const writer = JSON.parse(
  execFileSync(node, [join(root, 'bench', 'writer.mjs'), national, String(runs)], { encoding: 'utf8' }),
);

// Issue #38, memory: what a decided year keeps in the heap, part by part, at 10 000 and 20 000 units (exact figures, which
// move only with the code: the peak's growth above rests on them).
const retained = [10_000, 20_000].map((units) =>
  JSON.parse(execFileSync(node, [join(root, 'bench', 'retained.mjs'), growthOf(units).dir], { encoding: 'utf8' })),
);

const fmt = (n, d = 2) => n.toFixed(d);
const base = (list, name) => list.find((c) => c.name === name);
const sanctionsNational = base(national_, 'ict-eval sanctions --year 2024');
const ssconvertNational = base(national_, 'ssconvert, inputs to CSV');
const floorNational = base(national_, 'exceljs streaming reader, every cell (floor)');
const nodeCold = base(cold, 'node -e 0');
const version = (cmd) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' }).stdout.trim().split('\n')[0] ?? '';
const pkg = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

const table = (list, ref) =>
  [
    `| what | wall (s) | CPU (s) | peak RSS (MB) | wall ÷ ${ref.name} | CPU ÷ ${ref.name} |`,
    '|---|---:|---:|---:|---:|---:|',
    ...list.map(
      (c) =>
        `| ${c.name} | ${fmt(c.seconds, c.seconds < 1 ? 3 : 2)} | ${fmt(c.cpu, c.cpu < 1 ? 3 : 2)} | ${fmt(c.mb, 0)} | ${fmt(c.seconds / ref.seconds)} | ${fmt(c.cpu / ref.cpu)} |`,
    ),
  ].join('\n');

// The targets of issue #38, each a ratio (or a size) measured in this run, wall and CPU side by side.
const met = (value, limit) => (value <= limit ? 'yes' : 'no');
/** A target of two limits: met when both are, else which is not. */
const metBoth = (wall, cpu) =>
  wall && cpu ? 'yes' : `no (${[wall ? '' : 'wall', cpu ? '' : 'CPU'].filter(Boolean).join(', ')})`;
const provinceRun = base(province_, 'ict-eval sanctions --year 2024');
const versionRun = base(cold, 'ict-eval --version');
const rank = base(national_, RANK);
const growthMb = growthOf(20000).mb - growthOf(10000).mb;
const ratio = (a, b) => ({ wall: a.seconds / b.seconds, cpu: a.cpu / b.cpu });
/**
 * The median of the ratios of each round (a's run ÷ b's run of the same round, one shortly after the other): the
 * machine's load drifts between rounds, and a ratio of two medians can take them from different rounds.
 */
const roundRatio = (a, b) => ({
  wall: median(a.samples.map((s, i) => s.seconds / b.samples[i].seconds)),
  cpu: median(a.samples.map((s, i) => s.cpu / b.samples[i].cpu)),
});
const vsSsconvert = roundRatio(sanctionsNational, ssconvertNational);
const vsSsconvertMedians = ratio(sanctionsNational, ssconvertNational);
const write = { wall: writer.toolMs / writer.directMs, cpu: writer.toolCpuMs / writer.directCpuMs };
const read = { wall: phases.read.wall / inflate.wall, cpu: phases.read.cpu / inflate.cpu };
const targets = [
  [
    'national `sanctions` ÷ ssconvert reading the same inputs',
    '≤ 0.8 wall (stretch 0.6) and ≤ 1.1 CPU',
    fmt(vsSsconvert.wall),
    fmt(vsSsconvert.cpu),
    metBoth(vsSsconvert.wall <= 0.8, vsSsconvert.cpu <= 1.1),
  ],
  [
    'writing both workbooks ÷ the bare writer (in one process)',
    '≤ 1.2',
    fmt(write.wall),
    fmt(write.cpu),
    met(Math.max(write.wall, write.cpu), 1.2),
  ],
  [
    'the read ÷ inflating the inputs (in one process)',
    '≤ 1.5',
    fmt(read.wall),
    fmt(read.cpu),
    met(Math.max(read.wall, read.cpu), 1.5),
  ],
  ['peak RSS, 20 000 units − 10 000 units', '≤ 60 MB', `${fmt(growthMb, 0)} MB`, '', met(growthMb, 60)],
  [
    '`rank` at 10 000 units (with the year before), peak RSS',
    '≤ 120 MB',
    `${fmt(rank.mb, 0)} MB`,
    '',
    met(rank.mb, 120),
  ],
  [
    'province `sanctions`',
    '< 1 s',
    `${fmt(provinceRun.seconds)} s`,
    `${fmt(provinceRun.cpu)} s`,
    met(provinceRun.seconds, 0.999),
  ],
  [
    '`--version` ÷ `node -e 0`',
    '≤ 1.5',
    fmt(versionRun.seconds / nodeCold.seconds),
    fmt(versionRun.cpu / nodeCold.cpu),
    met(versionRun.seconds / nodeCold.seconds, 1.5),
  ],
];

const phaseRows = Object.entries(phases).map(([name, p]) => `| ${name} | ${p.wall} | ${p.cpu} |`);

const markdown = `# Benchmarks

Made by \`npm run bench\` (\`bench/run.mjs\`) on ${new Date().toISOString().slice(0, 10)}; each figure is the median of ${runs} interleaved runs
(cold start: ${Math.max(15, runs)}): wall time, CPU time (user + system, every thread of the command) and peak RSS from
\`/usr/bin/time\`. The machine is shared and noisy: read the ratios, each measured within this run.

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB. Node ${process.version}; exceljs ${pkg('exceljs')}, saxes ${pkg('saxes')},
yauzl ${pkg('yauzl')}; ${version('ssconvert --version')}; xlsx2csv ${version('xlsx2csv --version')}.

Workspaces from \`bench/generate.mjs\` (seed 1): province = 30 units, one self-report workbook each; national = 10 000 units
(11 000 persons), 220 000 self-report rows in 20 workbooks, the Sở's assessment (10 000 rows × 22 items), two years of
scores, a follow-up; every file \`.xlsx\`. ssconvert, xlsx2csv and exceljs's reader are given the workbooks the run reads,
as it lists them (\`bench/inputs.mjs\`): ${inputsOf.get(province).length} for the province, ${inputsOf.get(national).length} for the national year.

## Targets (issue #38)
| target | goal | wall | CPU | met |
|---|---|---:|---:|---|
${targets.map((t) => `| ${t.join(' | ')} |`).join('\n')}

The ratio to ssconvert is the median of each round's ratio (\`sanctions\` and ssconvert run one after the other in a
round); the ratio of the two medians in the table below: ${fmt(vsSsconvertMedians.wall)} wall, ${fmt(vsSsconvertMedians.cpu)} CPU.

## National (10 000 units)
${table(national_, ssconvertNational)}

\`sanctions\` ÷ the exceljs floor: ${fmt(sanctionsNational.seconds / floorNational.seconds)} in wall time, ${fmt(sanctionsNational.cpu / floorNational.cpu)} in CPU. With V8's young generation at
8 MB semi-spaces (\`NODE_OPTIONS=--max-semi-space-size=8 ict-eval …\`, which an operator short of memory can set; the
program cannot set it for itself), \`sanctions\` takes ${fmt(base(national_, SEMI_SPACE).seconds / sanctionsNational.seconds)}× the time, ${fmt(base(national_, SEMI_SPACE).cpu / sanctionsNational.cpu)}× the CPU and ${fmt(base(national_, SEMI_SPACE).mb, 0)} MB at its peak. With glibc's
malloc told to map every buffer over 128 KB on its own (\`MALLOC_MMAP_THRESHOLD_=131072 ict-eval …\`, read when the process
starts, so again the operator's to set), it takes ${fmt(base(national_, MMAP_THRESHOLD).seconds / sanctionsNational.seconds)}× the time and ${fmt(base(national_, MMAP_THRESHOLD).mb, 0)} MB at its peak.

## Where the time of national \`sanctions\` goes
\`bench/phases.mjs\`: the real command under \`ICT_EVAL_DEBUG=memory\`, each phase from the end of the one before, ms
(CPU: every thread of the process).

| phase | wall (ms) | CPU (ms) |
|---|---:|---:|
${phaseRows.join('\n')}

The read's yardstick (\`bench/inflate.mjs\`, in one process): opening the same ${inputsOf.get(national).length} workbooks and inflating every
part of them (${inflate.parts} parts, ${fmt(inflate.compressedBytes / 2 ** 20, 1)} MB → ${fmt(inflate.inflatedBytes / 2 ** 20, 1)} MB), nothing decoded or parsed: ${inflate.wall} ms wall,
${inflate.cpu} ms CPU.

Writing both workbooks (\`bench/writer.mjs\`, ${writer.rows} table rows, in one process, ms, median): what the tool does —
exceljs's streaming writer for the frame, the data rows as sheet XML (directRows), deflated while they are made, and the
re-date for fixed bytes — ${writer.toolMs} wall, ${writer.toolCpuMs} CPU (the re-date alone, redateZip in zip.ts: ${writer.redateMs}); a bare direct
writer — the tables' sheet XML as strings with fixed style ids and no row heights, deflated by zlib once it is all
made, no frame, styles or zip directory — ${writer.directMs} wall, ${writer.directCpuMs} CPU (${fmt(writer.directXmlBytes / 2 ** 20, 1)} MB of XML, ${fmt(writer.directDeflatedBytes / 2 ** 20, 1)} MB
deflated; the workbooks: ${fmt(writer.workbookBytes / 2 ** 20, 1)} MB).

## Province (30 units)
${table(province_, base(province_, 'ssconvert, inputs to CSV'))}

## Cold start
${table(cold, nodeCold)}

## Growth of \`sanctions\` with the number of units
| units | persons | self-report rows | wall (s) | CPU (s) | peak RSS (MB) | µs per row |
|---:|---:|---:|---:|---:|---:|---:|
${growth.map((g) => `| ${g.units} | ${g.persons} | ${g.rows} | ${fmt(g.seconds)} | ${fmt(g.cpu)} | ${fmt(g.mb, 0)} | ${fmt((g.seconds * 1e6) / g.rows, 1)} |`).join('\n')}

## What a decided year keeps
\`bench/retained.mjs\`: the year read and decided as \`sanctions\` does, the heap collected in full, then each part let go
in turn and the heap collected again; a part's figure is what went with it, after the parts above it (MB of heap).
These do not depend on the machine's load: they are what the peak's growth per unit rests on (the heap may grow 30%
past them, and the outputs are made on top of them).

| part | ${retained.map((r) => `${r.units} units`).join(' | ')} |
|---|${retained.map(() => '---:').join('|')}|
${(retained[0]?.parts ?? []).map(([name], at) => `| ${name} | ${retained.map((r) => fmt(r.parts[at]?.[1] ?? 0, 1)).join(' | ')} |`).join('\n')}
| **all** | ${retained.map((r) => `**${fmt(r.total, 1)}**`).join(' | ')} |
`;

writeFileSync(join(root, 'docs', 'benchmarks.md'), markdown);
console.log(markdown);
rmSync(work, { recursive: true, force: true });
