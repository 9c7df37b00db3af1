import { EXIT, UserError } from '../errors.js';
import type { Config } from '../config.js';
import type { InputFile } from '../domain.js';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { readScoresFile, readUnitsFile } from '../io/readers/index.js';
import { type IndexHeader, fileDigest, findInput } from '../io/workspace.js';
import { InputProblemsError, type Problem, errorsOf, warning } from '../problems.js';
import { newestRegulation } from '../regulations/index.js';
import { type Gap, rankingGaps } from '../rules/evaluate.js';
import type { Policy } from '../rules/policy.js';
import { type Ranking, rankUnits } from '../rules/ranking.js';
import { type RunRequest, indexInUse, loadSettings } from './year.js';

/** What `rank` asks: the scores file, last year's if given (both absolute), and the year if known. */
export interface RankRequest extends RunRequest {
  readonly scores: string;
  readonly previous?: string;
  readonly year: number | undefined;
  /** A path as messages show it. */
  readonly display: (path: string) => string;
}

/** A scores file read and ranked: the ranking per block, last year's, and what the outputs name beside it. */
export interface RankedFile {
  /** The year the policy was chosen for: the year, else the newest regulation's first (the output names it). */
  readonly policyYear: number;
  readonly config: Config;
  readonly policy: Policy;
  readonly ranking: Ranking;
  readonly previous: Ranking | null;
  readonly names: ReadonlyMap<string, string>;
  readonly components: ReadonlyMap<
    string,
    readonly { readonly name: string; readonly value: number | string | null }[]
  >;
  /** The year's units, when the workspace has them: which units of the index are rated, and their previous codes. */
  readonly rated: RatedUnits | undefined;
  /** The readers' warnings and the ranking's gaps (the outputs say them in words). */
  readonly problems: readonly Problem[];
  readonly gaps: readonly Gap[];
  readonly files: readonly InputFile[];
  /** The blocks the scores name. */
  readonly blocks: ReadonlySet<string>;
}

interface RatedUnits {
  readonly codes: ReadonlySet<string>;
  readonly previousCodes: ReadonlyMap<string, readonly string[]>;
  readonly problems: readonly Problem[];
}

/**
 * `rank`'s read and decide: the scores (and last year's) read with the workspace's blocks and policy, the index they
 * name, the ranking of each block and last year's. Malformed data stops here (exit 1), as an empty file does.
 */
export async function rankScoresFile(request: RankRequest): Promise<RankedFile> {
  const { year, display } = request;
  // Without a year, the newest regulation applies, and the output names it.
  const policyYear = year ?? Number(newestRegulation().effective.slice(0, 4));
  const settings = await loadSettings(request, policyYear);
  const read = (path: string) =>
    readScoresFile(path, display(path), DEFAULT_LIMITS, settings.policy.blocks, settings.policy.regulation);
  const scores = await read(request.scores);
  const previousRead = request.previous === undefined ? undefined : await read(request.previous);
  // The index the file names in its header ("Điểm DTI") is the one every output names.
  const headerOf = (file: typeof scores | undefined, path: string | undefined): IndexHeader | undefined =>
    file?.index === undefined || file.scoreHeader === undefined || path === undefined
      ? undefined
      : { name: file.index, header: file.scoreHeader, file: display(path) };
  const indexed = indexInUse(
    settings.policy,
    policyYear,
    headerOf(scores, request.scores),
    headerOf(previousRead, request.previous),
  );
  const { policy } = indexed;
  const problems = [...scores.problems, ...(previousRead?.problems ?? []), ...indexed.problems];
  const errors = errorsOf(problems);
  if (errors.length > 0) throw new InputProblemsError(errors);
  if (scores.scores.length === 0)
    throw new UserError(
      {
        vi: `${display(request.scores)} không có dòng điểm nào.`,
        en: `${display(request.scores)} has no score rows.`,
      },
      EXIT.inputProblems,
    );
  const rated = year === undefined ? undefined : await ratedUnits(request.workspace, year, policy);
  const toInputs = (rows: typeof scores.scores, ratedCodes: ReadonlySet<string> | undefined) =>
    rows.map((r) => ({
      unitCode: r.unitCode,
      block: r.block,
      score: r.score,
      officialRank: r.officialRank ?? null,
      inIndex: r.notRanked !== true,
      ...(ratedCodes === undefined ? {} : { rated: ratedCodes.has(r.unitCode) }),
    }));
  const ranking = rankUnits(toInputs(scores.scores, rated?.codes), policy);
  const previous = previousRead === undefined ? null : rankUnits(toInputs(previousRead.scores, undefined), policy);
  const files: InputFile[] = [];
  for (const [role, full] of [
    ['scores', request.scores],
    ['previous-scores', request.previous],
  ] as const) {
    if (full === undefined) continue;
    const digest = await fileDigest(full);
    if (digest !== undefined) files.push({ role, path: display(full), ...digest });
  }
  return {
    policyYear,
    config: settings.config,
    policy,
    ranking,
    previous,
    names: new Map(scores.scores.map((s) => [s.unitCode, s.unitName])),
    components: new Map(scores.scores.map((s) => [s.unitCode, s.components ?? []])),
    rated,
    problems: [...problems, ...(rated?.problems ?? [])],
    gaps: [
      ...indexed.gaps,
      ...rankingGaps(ranking, policy),
      ...ranking.unranked
        .filter((u) => u.reason === 'no-score')
        .map((u): Gap => ({ kind: 'no-score', unitCode: u.unitCode })),
    ],
    files,
    blocks: new Set(scores.scores.map((r) => r.block)),
  };
}

/**
 * The units of the year's units file, when the workspace has one, so that a unit of the index that is
 * not rated is marked so (it still counts in N). A units file that cannot be read is said, not fatal.
 */
async function ratedUnits(workspace: string, year: number, policy: Policy): Promise<RatedUnits | undefined> {
  const found = await findInput(workspace, String(year), 'units');
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
