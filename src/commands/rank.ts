import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type Problem, warning } from '../problems.js';
import { rankScoresFile } from '../pipeline/rank.js';
import { legalContext } from '../rules/legal.js';
import { gapProblem } from '../report/content/gaps.js';
import { rankingDocument } from '../report/content/outputs.js';
import { titleBlock } from '../report/content/title.js';
import { CONFIG_FILE, documentDate } from '../config.js';
import { rankingJson } from '../report/render/json.js';
import { rankingTables } from '../report/render/ranking-screen.js';
import { toolVersion } from '../version.js';
import { memoryPhase } from '../heap.js';
import { type Context, parseYear, runRequest } from './context.js';
import { printJson, warningLines } from './print.js';
import { outputFolder, writeDocuments, writtenText } from './write.js';

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
  const path = resolve(context.console.cwd, scoresPath);
  const previousFull = previousPath === undefined ? undefined : resolve(context.console.cwd, previousPath);
  const ranked = await rankScoresFile({
    ...runRequest(context),
    scores: path,
    ...(previousFull === undefined ? {} : { previous: previousFull }),
    year,
    display: context.display,
  });
  memoryPhase('ranked');
  const { config, policy, ranking, previous, names, components, rated } = ranked;
  const warnings = [
    ...yearFolderDiffers(context, scoresPath, year),
    ...ranked.problems,
    ...ranked.gaps.map((gap) => gapProblem(gap, policy, names)),
  ];
  const infoYear = year ?? ranked.policyYear;
  const info = {
    block: titleBlock(policy, config, infoYear),
    policy,
    files: ranked.files,
    warnings,
    toolVersion: toolVersion(),
    legal: legalContext(policy, infoYear, documentDate(config, infoYear), {
      blocks: ranked.blocks,
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
  memoryPhase('printed');
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
