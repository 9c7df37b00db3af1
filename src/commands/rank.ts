import { basename, dirname, resolve } from 'node:path';
import { loadConfig, DEFAULT_PROVINCE, defaultDepartment } from '../config.js';
import { EXIT, UserError } from '../errors.js';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { InputProblemsError } from '../io/problems.js';
import { readScoresFile } from '../io/readers.js';
import { errorsOf, fileDigest } from '../io/workspace.js';
import { RULES_VERSIONS } from '../rules/policy.js';
import { rankUnits } from '../rules/ranking.js';
import { gapProblem } from '../report/gaps.js';
import { rankingJson } from '../report/json.js';
import { BLOCK_LABELS, label } from '../report/labels.js';
import { rankingDocument } from '../report/outputs.js';
import { textTable } from '../report/terminal.js';
import { toolVersion } from '../version.js';
import { type Context, outputFolder, parseYear, runPolicy, warningLines, writeDocuments } from './context.js';

/** The year of a scores file: --year, else its folder's name when that is a year (`2024/scores.xlsx`). */
function yearOf(path: string, yearText: string | undefined): number | undefined {
  if (yearText !== undefined) return parseYear(yearText);
  const folder = basename(dirname(resolve(path)));
  return /^\d{4}$/u.test(folder) ? parseYear(folder) : undefined;
}

/** `ict-eval rank <scores> [--previous <file>]`: the ranking per block, groups, thresholds, last year's rank. */
export async function runRank(context: Context, scoresPath: string, previousPath: string | undefined, yearText: string | undefined): Promise<void> {
  const year = yearOf(scoresPath, yearText);
  const config = await loadConfig(context.workspace);
  // Without a year, the newest version of the rules applies, and the output names it.
  const newest = RULES_VERSIONS.at(-1);
  const policyYear = year ?? Number(newest?.effective.slice(0, 4) ?? '2013');
  const policy = await runPolicy(context, config, policyYear);
  const path = resolve(context.console.cwd, scoresPath);
  const read = await readScoresFile(path, context.display(path), DEFAULT_LIMITS);
  const previousFull = previousPath === undefined ? undefined : resolve(context.console.cwd, previousPath);
  const previousRead = previousFull === undefined ? undefined : await readScoresFile(previousFull, context.display(previousFull), DEFAULT_LIMITS);
  const problems = [...read.problems, ...(previousRead?.problems ?? [])];
  const errors = errorsOf(problems);
  if (errors.length > 0) throw new InputProblemsError(errors);
  if (read.scores.length === 0) throw new UserError(`${context.display(path)} không có dòng điểm nào.`, EXIT.inputProblems);

  const toInputs = (rows: typeof read.scores) => rows.map((r) => ({ unitCode: r.unitCode, block: r.block, score: r.score, officialRank: r.officialRank ?? null }));
  const ranking = rankUnits(toInputs(read.scores), policy.parameters);
  const previous = previousRead === undefined ? null : rankUnits(toInputs(previousRead.scores), policy.parameters);
  const warnings = [...problems, ...ranking.rankDisagreements.map((d) => gapProblem({ kind: 'official-rank-differs', ...d })), ...ranking.unranked.map((u) => gapProblem({ kind: 'no-score', unitCode: u.unitCode }))];
  const names = new Map(read.scores.map((s) => [s.unitCode, s.unitName]));
  const components = new Map(read.scores.map((s) => [s.unitCode, s.components ?? []]));

  const files = [];
  for (const [role, full] of [['scores', path], ['previous-scores', previousFull]] as const) {
    if (full === undefined) continue;
    files.push({ role, path: context.display(full), ...(await fileDigest(full)) });
  }
  const blockYear = year ?? policyYear;
  const info = {
    block: { province: config.province ?? DEFAULT_PROVINCE, department: config.department ?? defaultDepartment(blockYear), year: blockYear },
    policy,
    files,
    warnings,
    toolVersion: toolVersion(),
  };
  const folder = outputFolder(context, config, year);
  const written = await writeDocuments(context, folder, [{ base: year === undefined ? 'xep-hang' : `xep-hang-${year}`, document: rankingDocument(ranking, previous, components, names, info) }], {
    folders: [dirname(path), ...(previousFull === undefined ? [] : [dirname(previousFull)])],
    files: [path, ...(previousFull === undefined ? [] : [previousFull])],
  });

  const { lang, chalk } = context;
  const vi = lang === 'vi';
  if (context.options.json === true) {
    context.console.stdout(`${JSON.stringify(rankingJson(ranking, previous, names, policy, warnings), null, 2)}\n`);
  } else if (context.options.quiet !== true) {
    const previousOf = new Map((previous?.ranked ?? []).map((r) => [r.unitCode, r]));
    const out: string[] = [];
    for (const group of ranking.groups) {
      out.push(chalk.bold(`${label(BLOCK_LABELS, group.scope, lang)}: N = ${group.n}, k = ${group.topSize} (${vi ? 'nhóm 20%' : 'top 20%'}), k' = ${group.bottomSize} (${vi ? 'nhóm 15%' : 'bottom 15%'})`));
      const rows = ranking.ranked
        .filter((r) => r.scope === group.scope)
        .map((r) => {
          const before = previousOf.get(r.unitCode);
          return [
            String(r.rank),
            r.unitCode,
            names.get(r.unitCode) ?? '',
            String(r.score),
            [r.top ? (vi ? '20% cao nhất' : 'top 20%') : '', r.bottom ? (vi ? '15% thấp nhất' : 'bottom 15%') : ''].filter((g) => g !== '').join(', '),
            ...(previous === null ? [] : [before === undefined ? '—' : String(before.rank), before === undefined ? (vi ? 'mới' : 'new') : movement(before.rank - r.rank)]),
          ];
        });
      const headers = [vi ? 'Hạng' : 'Rank', vi ? 'Mã' : 'Code', vi ? 'Đơn vị' : 'Unit', vi ? 'Điểm' : 'Score', vi ? 'Nhóm' : 'Group', ...(previous === null ? [] : [vi ? 'Hạng trước' : 'Prev.', '±'])];
      out.push(textTable(headers, rows, { paint: (row, _col, text) => (row < 0 ? chalk.bold(text) : text) }), '');
    }
    context.console.stdout(`${out.join('\n')}\n`);
    context.console.stderr(warningLines(context, warnings));
  }
  context.summary(`ict-eval: ${vi ? 'đã ghi' : 'wrote'} ${written.join(', ')}${year === undefined ? (vi ? ` (quy định ${policy.version.id})` : ` (rules ${policy.version.id})`) : ''}.`);
}

function movement(delta: number): string {
  if (delta > 0) return `▲${delta}`;
  if (delta < 0) return `▼${-delta}`;
  return '=';
}
