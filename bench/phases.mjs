#!/usr/bin/env node
// Where the time of `sanctions` goes, phase by phase, in one process (median of the runs given).
//   node bench/phases.mjs <workspace> [runs=3]   → one JSON line
import { loadYear } from '../dist/io/workspace.js';
import { evaluateYear } from '../dist/rules/evaluate.js';
import { resolvePolicy } from '../dist/rules/policy.js';
import { personRows } from '../dist/report/content/model.js';
import { ratingDocument, sanctionDocument } from '../dist/report/content/outputs.js';
import { renderWorkbook } from '../dist/report/render/workbook.js';
import { runInfo } from './info.mjs';

const [workspace, runsText = '3'] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const samples = [];
for (let run = 0; run < Number(runsText); run++) {
  const phase = {};
  let start = now();
  const policy = resolvePolicy(2024);
  const loaded = await loadYear(workspace, 2024, policy);
  phase.read = now() - start;
  start = now();
  const evaluation = evaluateYear(loaded.input, policy);
  phase.rules = now() - start;
  start = now();
  const rows = personRows(evaluation);
  const info = runInfo(policy, loaded, evaluation);
  const documents = [ratingDocument(evaluation, rows, info), sanctionDocument(evaluation, rows, info)];
  phase.documents = now() - start;
  start = now();
  for (const document of documents) await renderWorkbook(document);
  phase.write = now() - start;
  samples.push(phase);
}
const median = (key) => {
  const values = samples.map((s) => s[key]).sort((a, b) => a - b);
  return Math.round(values[Math.floor(values.length / 2)]);
};
process.stdout.write(
  `${JSON.stringify({ read: median('read'), rules: median('rules'), documents: median('documents'), write: median('write') })}\n`,
);
