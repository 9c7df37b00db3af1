import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { InputProblemsError, type Problem, warning } from '../problems.js';
import { readScoresFile, readUnitsFile } from '../io/readers/index.js';
import { fileDigest, findInput } from '../io/workspace.js';
import { errorsOf } from '../problems.js';
import { indexInUse, loadSettings } from '../pipeline/year.js';
import type { IndexHeader } from '../io/workspace.js';
import { rankingGaps } from '../rules/evaluate.js';
import { legalContext } from '../rules/legal.js';
import { newestRegulation } from '../regulations/index.js';
import type { Policy } from '../rules/policy.js';
import { rankUnits } from '../rules/ranking.js';
import { gapProblem } from '../report/content/gaps.js';
import { rankingDocument } from '../report/content/outputs.js';
import { titleBlock } from '../report/content/title.js';
import { CONFIG_FILE, documentDate } from '../config.js';
import { rankingJson } from '../report/render/json.js';
import { toolVersion } from '../version.js';
import { type Context, parseYear, runRequest } from './context.js';
import { printJson, warningLines } from './print.js';
import { outputFolder, writeDocuments, writtenText } from './write.js';
import { rankingTables } from '../report/render/ranking-screen.js';

/** The year of a scores file: --year, else its folder's name when that is a year (`2024/scores.xlsx`). */
function yearOf(path: string, yearText: string | undefined): number | undefined {
  if (yearText !== undefined) return parseYear(yearText);
  const folder = basename(dirname(resolve(path)));
  return /^\d{4}$/u.test(folder) ? parseYear(folder) : undefined;
}

/**
 * The workspace a scores file lies in, when the command line names none (no -w, no ICT_EVAL_WORKSPACE): the folder
 * above its year folder, if it holds ict-eval.config.json and is not already the workspace. Undefined otherwise.
 */
function workspaceOfFile(context: Context, path: string): string | undefined {
  if (context.options.workspace !== undefined || context.console.env.ICT_EVAL_WORKSPACE !== undefined) return undefined;
  const yearFolder = dirname(resolve(context.console.cwd, path));
  if (!/^\d{4}$/u.test(basename(yearFolder))) return undefined;
  const workspace = dirname(yearFolder);
  if (resolve(workspace) === resolve(context.workspace)) return undefined;
  return existsSync(join(workspace, CONFIG_FILE)) ? workspace : undefined;
}

/** `rank 2024/scores.xlsx --year 2023`: said, since the workbook will be the 2023 one made from the 2024 folder's file. */
function yearFolderDiffers(context: Context, path: string, year: number | undefined): Problem[] {
  const folder = basename(dirname(resolve(context.console.cwd, path)));
  if (year === undefined || !/^\d{4}$/u.test(folder) || Number(folder) === year) return [];
  return [
    warning(
      'year-folder-differs',
      {
        vi: `tệp nằm trong thư mục năm ${folder} nhưng --year là ${year}: kết quả được ghi và xếp hạng như của năm ${year}. Nếu nhầm, hãy chạy lại với --year ${folder}.`,
        en: `the file is in the folder of year ${folder} but --year is ${year}: it is ranked and written as ${year}'s. If that is a mistake, run again with --year ${folder}.`,
      },
      { file: context.display(resolve(context.console.cwd, path)) },
    ),
  ];
}

/** `ict-eval rank <scores> [--previous <file>]`: the ranking per block, groups, thresholds, last year's rank. */
export async function runRank(
  given: Context,
  scoresPath: string,
  previousPath: string | undefined,
  yearText: string | undefined,
  write = false,
): Promise<void> {
  // A scores file in a workspace's year folder (fixtures/sample/2025/scores.xlsx) is read with that workspace's
  // configuration (its blocks, its policy) when no workspace is named: the same ranking as with -w. Said in the summary.
  const inferred = workspaceOfFile(given, scoresPath);
  const context: Context = inferred === undefined ? given : { ...given, workspace: inferred };
  const year = yearOf(scoresPath, yearText);
  // Without a year, the newest regulation applies, and the output names it.
  const policyYear = year ?? Number(newestRegulation().effective.slice(0, 4));
  const settings = await loadSettings(runRequest(context), policyYear);
  const { config } = settings;
  const path = resolve(context.console.cwd, scoresPath);
  const read = await readScoresFile(
    path,
    context.display(path),
    DEFAULT_LIMITS,
    settings.policy.blocks,
    settings.policy.regulation,
  );
  const previousFull = previousPath === undefined ? undefined : resolve(context.console.cwd, previousPath);
  const previousRead =
    previousFull === undefined
      ? undefined
      : await readScoresFile(
          previousFull,
          context.display(previousFull),
          DEFAULT_LIMITS,
          settings.policy.blocks,
          settings.policy.regulation,
        );
  // The index the file names in its header ("Điểm DTI") is the one every output names.
  const headerOf = (scores: typeof read | undefined, shown: string | undefined): IndexHeader | undefined =>
    scores?.index === undefined || scores.scoreHeader === undefined || shown === undefined
      ? undefined
      : { name: scores.index, header: scores.scoreHeader, file: shown };
  const indexed = indexInUse(
    settings.policy,
    year ?? policyYear,
    headerOf(read, context.display(path)),
    headerOf(previousRead, previousFull === undefined ? undefined : context.display(previousFull)),
  );
  const { policy } = indexed;
  const problems = [...read.problems, ...(previousRead?.problems ?? []), ...indexed.problems];
  const errors = errorsOf(problems);
  if (errors.length > 0) throw new InputProblemsError(errors);
  if (read.scores.length === 0)
    throw new UserError(
      { vi: `${context.display(path)} không có dòng điểm nào.`, en: `${context.display(path)} has no score rows.` },
      EXIT.inputProblems,
    );

  const rated = year === undefined ? undefined : await ratedUnits(context, year, policy);
  const toInputs = (rows: typeof read.scores, ratedCodes: ReadonlySet<string> | undefined) =>
    rows.map((r) => ({
      unitCode: r.unitCode,
      block: r.block,
      score: r.score,
      officialRank: r.officialRank ?? null,
      inIndex: r.notRanked !== true,
      ...(ratedCodes === undefined ? {} : { rated: ratedCodes.has(r.unitCode) }),
    }));
  const names = new Map(read.scores.map((s) => [s.unitCode, s.unitName]));
  const ranking = rankUnits(toInputs(read.scores, rated?.codes), policy);
  const previous = previousRead === undefined ? null : rankUnits(toInputs(previousRead.scores, undefined), policy);
  const warnings = [
    ...yearFolderDiffers(context, scoresPath, year),
    ...problems,
    ...(rated?.problems ?? []),
    ...[...indexed.gaps, ...rankingGaps(ranking, policy)].map((gap) => gapProblem(gap, policy, names)),
    ...ranking.unranked
      .filter((u) => u.reason === 'no-score')
      .map((u) => gapProblem({ kind: 'no-score', unitCode: u.unitCode }, policy, names)),
  ];
  const components = new Map(read.scores.map((s) => [s.unitCode, s.components ?? []]));

  const files = [];
  for (const [role, full] of [
    ['scores', path],
    ['previous-scores', previousFull],
  ] as const) {
    if (full === undefined) continue;
    const digest = await fileDigest(full);
    if (digest !== undefined) files.push({ role, path: context.display(full), ...digest });
  }
  const infoYear = year ?? policyYear;
  const info = {
    block: titleBlock(policy, config, infoYear),
    policy,
    files,
    warnings,
    toolVersion: toolVersion(),
    legal: legalContext(policy, infoYear, documentDate(config, infoYear), {
      blocks: new Set(read.scores.map((r) => r.block)),
      unconfirmed: [],
      confirmed: [],
    }),
  };
  const folder = outputFolder(context, config, year);
  // rank prints; it writes the ranking workbook only when asked (-o or --write).
  const writes = write || context.options.out !== undefined;
  const written = !writes
    ? { written: [], removed: [] }
    : await writeDocuments(
        context,
        folder,
        [
          {
            base: year === undefined ? 'xep-hang' : `xep-hang-${year}`,
            document: rankingDocument(ranking, previous, components, names, info, rated?.previousCodes),
          },
        ],
        {
          folders: [dirname(path), ...(previousFull === undefined ? [] : [dirname(previousFull)])],
          files: [path, ...(previousFull === undefined ? [] : [previousFull])],
        },
      );

  const vi = context.lang === 'vi';
  if (context.options.json === true) {
    printJson(context, rankingJson(ranking, previous, names, policy, warnings, rated?.previousCodes));
  } else if (context.options.quiet !== true) {
    context.console.stdout(`${rankingTables(context, policy, ranking, previous, names, rated?.previousCodes)}\n`);
    context.console.stderr(warningLines(context, warnings));
  }
  const from =
    inferred === undefined
      ? ''
      : vi
        ? ` Dùng cấu hình của thư mục làm việc ${given.display(inferred)} (thư mục chứa tệp điểm).`
        : ` Used the configuration of the workspace ${given.display(inferred)} (the scores file's).`;
  context.summary(
    `ict-eval: ${writtenText(context, written.written, written.removed)}${year === undefined ? (vi ? ` (quy định ${policy.regulation.id})` : ` (rules ${policy.regulation.id})`) : ''}.${from}`,
  );
}

/**
 * The units of the year's units file, when the workspace has one, so that a unit of the index that is
 * not rated is marked so (it still counts in N). A units file that cannot be read is said, not fatal.
 */
async function ratedUnits(
  context: Context,
  year: number,
  policy: Policy,
): Promise<
  | {
      codes: ReadonlySet<string>;
      previousCodes: ReadonlyMap<string, readonly string[]>;
      problems: readonly Problem[];
    }
  | undefined
> {
  const found = await findInput(context.workspace, String(year), 'units');
  if (found === undefined || 'severity' in found) return undefined;
  const read = await readUnitsFile(found.path, found.display, DEFAULT_LIMITS, {
    blocks: policy.blocks,
    regulation: policy.regulation,
    year,
  });
  const previousCodes = new Map(read.units.map((u) => [u.code, u.previousCodes]));
  if (errorsOf(read.problems).length > 0) {
    return {
      codes: new Set(read.units.map((u) => u.code)),
      previousCodes,
      problems: [
        warning(
          'units-unreadable',
          {
            vi: 'danh sách đơn vị có lỗi (xem "ict-eval check"): cột "Được xếp loại" chỉ dựa trên các dòng đọc được.',
            en: 'the units file has errors (see "ict-eval check"): the "Được xếp loại" column rests on the rows that could be read.',
          },
          { file: found.display },
        ),
      ],
    };
  }
  return { codes: new Set(read.units.map((u) => u.code)), previousCodes, problems: [] };
}
