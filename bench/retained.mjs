#!/usr/bin/env node
// What a decided year keeps in the heap, part by part (issue #38: memory growing gently): the year read and decided as
// `sanctions` does (runYear, from dist/), the heap collected in full, then each part let go in turn and the heap
// collected again. A part's figure is what went with it, after the parts above it: what it alone holds. Unlike peak
// RSS, these figures do not depend on the machine's load or on when V8 collects: they move only when the code does.
//   node bench/retained.mjs <workspace> [year=2024]   → one JSON line: { total, parts: [[name, MB], …] }
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const [workspace, yearText = '2024'] = process.argv.slice(2);
if (workspace === undefined) throw new Error('usage: node bench/retained.mjs <workspace> [year]');
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { runYear } = await import(join(dist, 'commands', 'year.js'));
const { collectNow } = await import(join(dist, 'heap.js'));

const heapMb = () => {
  collectNow();
  return collectNow().after / 1024 / 1024;
};

const before = heapMb();
const run = await runYear({ workspace, cwd: workspace }, Number(yearText));
const total = heapMb() - before;
const { evaluation, loaded } = run;
const units = evaluation.units;
const counts = { units: units.length, persons: evaluation.persons.length };
const drop = (object, keys) => {
  for (const key of keys) object[key] = undefined;
};

/** In this order: what the outputs are made from, then the rules' results, then the input kept for the outputs. */
const parts = [
  ['the outputs’ rows (presentYear: one per person, with its texts)', () => drop(run, ['rows'])],
  ['warnings and problems', () => drop(run, ['warnings', 'problems', 'errors'])],
  ['each person’s evaluation', () => drop(evaluation, ['persons'])],
  [
    'each unit’s judgement as a whole (rating and sanction, their facts and citations)',
    () => {
      for (const unit of units) drop(unit, ['whole']);
    },
  ],
  [
    'each unit’s sections and items (the assessment)',
    () => {
      for (const unit of units) drop(unit, ['assessment']);
    },
  ],
  [
    'each unit’s previous year, rank, group, rewards',
    () => {
      for (const unit of units) drop(unit, ['previous', 'rank', 'group', 'unitRewards', 'followUp', 'merger']);
    },
  ],
  ['the units’ evaluations (what is left of them)', () => drop(evaluation, ['units', 'unitsWithoutHead'])],
  ['the rankings (this year, last year)', () => drop(evaluation, ['ranking', 'previousRanking', 'notRated'])],
  ['the scores’ unit names (what the outputs keep of the scores read)', () => drop(loaded.input, ['scores'])],
  ['the persons read (this year, last year)', () => drop(loaded.input, ['persons', 'previousPersons'])],
  ['the units read', () => drop(loaded.input, ['units'])],
  ['the self-reports’ facts', () => drop(run, ['selfReports'])],
  [
    'the rest (files, legal context, gaps, follow-ups, settings)',
    () => {
      drop(run, ['loaded', 'legal', 'info', 'evaluation', 'config', 'policy']);
    },
  ],
];

let last = heapMb();
const measured = [];
for (const [name, letGo] of parts) {
  letGo();
  const now = heapMb();
  measured.push([name, Number((last - now).toFixed(1))]);
  last = now;
}
console.log(JSON.stringify({ ...counts, total: Number(total.toFixed(1)), parts: measured }));
