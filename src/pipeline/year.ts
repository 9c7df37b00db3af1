import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CONFIG_FILE, type Config, configuredBlocks, documentDate, loadConfig, loadPolicyFile } from '../config.js';
import { debugLine } from '../debug.js';
import { EXIT, UserError } from '../errors.js';
import { collectNow, mb, memoryPhase, settleHeapGrowth } from '../heap.js';
import { type SelfReportRow, isPlaced } from '../domain.js';
import { pathKind } from '../io/fs.js';
import { type Problem, error } from '../problems.js';
import { type IndexHeader, type LoadedYear, loadYear } from '../io/workspace.js';
import { type Gap, type YearEvaluation, type YearInput, evaluateYear } from '../rules/evaluate.js';
import { type LegalContext, type YearFacts, legalContext } from '../rules/legal.js';
import { sameName } from '../rules/names.js';
import { type ReadingResult, alternativesOf, whatIf } from '../rules/readings.js';
import { COMPACT_STORE } from './compact.js';
import { type Policy, PolicyError, resolvePolicy } from '../rules/policy.js';
import type { Regulation } from '../rules/regulation.js';
import { type UnitDifficulties, unitDifficulties } from '../inputs/difficulties.js';

/**
 * The index the year ranks by: the configuration's name (legal.index.name) when given, else the one the scores file's
 * column header names ("Điểm DTI"), else the regulation's own. A header that names another index than the
 * configuration is malformed data, never a choice; last year's scores of another index are said (a gap).
 */
export function indexInUse(
  policy: Policy,
  year: number,
  header: IndexHeader | undefined,
  previousHeader: IndexHeader | undefined,
): { policy: Policy; problems: Problem[]; gaps: Gap[] } {
  const own = policy.regulation.context.index.name;
  const problems: Problem[] = [];
  let index = policy.index;
  if (header !== undefined) {
    if (policy.index.from === 'config' && !sameName(header.name, policy.index.name)) {
      problems.push(
        error(
          'index-mismatch',
          {
            vi: `cột "${header.header}" của bảng điểm là điểm ${header.name}, nhưng ${CONFIG_FILE} ghi chỉ số là ${policy.index.name} (legal.index.name); hãy sửa tiêu đề cột hoặc cấu hình cho khớp.`,
            en: `column "${header.header}" of the scores file holds ${header.name} scores, but ${CONFIG_FILE} names the index ${policy.index.name} (legal.index.name); make the heading and the configuration agree.`,
          },
          { file: header.file, column: header.header },
        ),
      );
    } else if (policy.index.from !== 'config') {
      index = { name: header.name, own: sameName(header.name, own), from: 'scores' };
    }
  }
  const previous = previousHeader?.name;
  const gaps: Gap[] =
    previous !== undefined && (header !== undefined || index.from === 'config') && !sameName(previous, index.name)
      ? [{ kind: 'index-changed', year, previous, current: index.name }]
      : [];
  return { policy: index === policy.index ? policy : { ...policy, index }, problems, gaps };
}

/**
 * The year decided again under the readings the request asks for: every contested parameter's other values, or the
 * policy of another file as a whole (the configuration's policy, then that file's overrides), from the same input.
 */
async function readingsOf(
  request: RunRequest,
  config: Config,
  year: number,
  input: YearInput,
  policy: Policy,
  evaluation: YearEvaluation,
): Promise<ReadingResult[] | undefined> {
  const asked = request.readings;
  if (asked === undefined) return undefined;
  if (asked === 'contested') return whatIf(input, policy, evaluation, alternativesOf(policy), undefined, COMPACT_STORE);
  const overrides = await policyOverrides(request.cwd, asked.policyFile);
  // The other file's policy, with the index the run found (it is the inputs', not a reading).
  const other = { ...policyOf(config, year, overrides, request.regulations), index: policy.index };
  const reading = { parameter: 'policy' as const, current: config.policy ?? {}, alternative: overrides };
  return whatIf(input, policy, evaluation, [reading], () => other, COMPACT_STORE);
}

/** The blocks of the year's units, and which departments went through the province's merger, with the act or not. */
function yearFacts(evaluation: YearEvaluation): YearFacts {
  const unconfirmed = evaluation.units
    .filter((u) => u.merger === 'unconfirmed')
    .map((u) => ({ code: u.unit.code, name: u.unit.name }));
  const confirmed = new Map<string, { from: string; basis: string; units: string[] }>();
  for (const u of evaluation.units) {
    if (u.merger === null || u.merger === 'unconfirmed') continue;
    const key = `${u.merger.from}\u0000${u.merger.basis}`;
    const entry = confirmed.get(key) ?? { ...u.merger, units: [] };
    entry.units.push(u.unit.code);
    confirmed.set(key, entry);
  }
  return {
    blocks: new Set(evaluation.units.map((u) => u.unit.block)),
    unconfirmed,
    confirmed: [...confirmed.values()],
  };
}

/** What a run is asked to do: which workspace, which year, and an optional `--policy` file. */
export interface RunRequest {
  readonly workspace: string;
  /** The `--policy` file, resolved against `cwd`. */
  readonly policyFile?: string;
  readonly cwd: string;
  /** The regulation modules to choose from (default: every registered one); tests give their own. */
  readonly regulations?: readonly Regulation[];
  /**
   * Which readings of the law to decide the year again under, from the same input (`what-if`, the report's section
   * V): every contested parameter's other values, or the policy of another file as a whole (resolved against `cwd`).
   */
  readonly readings?: 'contested' | { readonly policyFile: string };
}

/** The settings of a run: the workspace configuration and the policy (regulation module, blocks, parameters). */
export interface Settings {
  readonly config: Config;
  readonly policy: Policy;
}

/**
 * config → module: the workspace's configuration, then the regulation module in force for the year
 * with the configured blocks and the parameters (rules.md defaults, then the config's `policy`,
 * then `--policy`).
 */
export async function loadSettings(request: RunRequest, year: number): Promise<Settings> {
  const config = await loadConfig(request.workspace);
  const fromFile = request.policyFile === undefined ? {} : await policyOverrides(request.cwd, request.policyFile);
  return { config, policy: policyOf(config, year, fromFile, request.regulations) };
}

/** A `--policy` file's overrides: a JSON object (anything else is wrong usage). */
async function policyOverrides(cwd: string, file: string): Promise<Record<string, unknown>> {
  const content = await loadPolicyFile(resolve(cwd, file));
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new UserError(
      {
        vi: `${file} phải là một đối tượng JSON, ví dụ { "rankScope": "all" }.`,
        en: `${file} must be a JSON object, such as { "rankScope": "all" }.`,
      },
      EXIT.usage,
    );
  }
  return content as Record<string, unknown>;
}

/** The policy of a year: the configuration's blocks, indicators and legal facts, its `policy`, then `overrides`. */
function policyOf(
  config: Config,
  year: number,
  overrides: Record<string, unknown>,
  regulations: readonly Regulation[] | undefined,
): Policy {
  try {
    return resolvePolicy(
      year,
      { ...(config.policy ?? {}), ...overrides },
      {
        configuredBlocks: configuredBlocks(config),
        indicators: config.indicators ?? {},
        ...(config.legal === undefined ? {} : { legal: config.legal }),
        ...(regulations === undefined ? {} : { regulations }),
      },
    );
  } catch (error) {
    if (error instanceof PolicyError) {
      const list = error.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw new UserError({ vi: error.message, en: `Invalid policy parameters: ${list}` }, EXIT.usage);
    }
    throw error;
  }
}

/**
 * What a run keeps of the year it read once the rules have run: all but the rows of the self-reports and of the
 * assessment (220 000 of each in a national year, some 35 MB with their indexes). The item results carry what the
 * outputs need of them, and what else a command asks of the self-reports is taken from them first (`SelfReportFacts`).
 */
export interface KeptYear extends Omit<LoadedYear, 'input'> {
  readonly input: Omit<YearInput, 'selfReports' | 'assessments' | 'scores' | 'previousScores'> & {
    /** This year's scores rows as the outputs name their units (the rankings keep the scores). */
    readonly scores: readonly ScoreName[];
  };
}

/**
 * What the outputs take of a scores row once the year is decided: the unit's name as the scores file writes it. The
 * rows themselves (their components, their places, last year's rows too) took 6.7 MB of the 62.6 MB a national year
 * kept (bench/retained.mjs), for nothing any output reads of them.
 */
export interface ScoreName {
  readonly unitCode: string;
  readonly unitName: string;
}

/** What the commands ask of the self-reports beyond the item results, taken before the rows go. */
export interface SelfReportFacts {
  /** The files each unit's rows came from, by unit code (`explain` shows the warnings about them). */
  readonly filesByUnit: ReadonlyMap<string, readonly string[]>;
  /** The units' "Khó khăn, vướng mắc" (section IV of the annual report), in the order of the units. */
  readonly difficulties: readonly UnitDifficulties[];
}

function selfReportFacts(input: YearInput): SelfReportFacts {
  const filesByUnit = new Map<string, string[]>();
  // One pass over the rows (a table's rows are made as they are read): the rows that say something of difficulties
  // are set aside for unitDifficulties.
  const withDifficulties: SelfReportRow[] = [];
  for (const row of input.selfReports) {
    if (row.difficulties !== undefined && row.difficulties !== '') withDifficulties.push(row);
    const file = isPlaced(row) ? row.place.file : row.source?.file;
    if (file === undefined) continue;
    const files = filesByUnit.get(row.unitCode);
    if (files === undefined) filesByUnit.set(row.unitCode, [file]);
    else if (!files.includes(file)) files.push(file);
  }
  return { filesByUnit, difficulties: unitDifficulties(input.units, withDifficulties) };
}

/**
 * A year, read and decided (the pipeline's result): the settings, what was kept of the inputs, the evaluation, the data
 * gaps the rules found, the inputs' problems, the legal context, and the other readings asked for. What the outputs
 * make of it (persons' rows, gaps in words, the title block) is the report's (src/report/content/run.ts).
 */
export interface DecidedYear extends Settings {
  readonly year: number;
  readonly loaded: KeptYear;
  readonly selfReports: SelfReportFacts;
  readonly evaluation: YearEvaluation;
  /** The data gaps: the rules' and the index's (a previous year of another index). */
  readonly gaps: readonly Gap[];
  /** The problems of the inputs (the readers', and a scores header that names another index than the configuration). */
  readonly inputProblems: readonly Problem[];
  /** The legal context of the year: the facts the outputs rest on, with their acts, and the acts still needed. */
  readonly legal: LegalContext;
  /** The year decided again under the readings asked for (RunRequest.readings); absent when none was asked. */
  readonly readings?: readonly ReadingResult[];
}

/**
 * A workspace or a year folder that is not there is a usage mistake (exit 2), not a data problem:
 * the message shows the path looked at, the years found, and the ways to point elsewhere.
 */
export async function requireYearFolder(workspace: string, year: number): Promise<void> {
  const how =
    'Chỉ ra không gian làm việc bằng -w <thư mục> hoặc biến môi trường ICT_EVAL_WORKSPACE, hoặc tạo mới bằng "ict-eval init <thư mục> --year ' +
    `${year}".`;
  const howEn = `Point to the workspace with -w <folder> or the ICT_EVAL_WORKSPACE variable, or make one with "ict-eval init <folder> --year ${year}".`;
  if ((await pathKind(workspace)) !== 'directory') {
    throw new UserError(
      {
        vi: `không có thư mục không gian làm việc ${workspace}. ${how}`,
        en: `there is no workspace folder ${workspace}. ${howEn}`,
      },
      EXIT.usage,
    );
  }
  if ((await pathKind(join(workspace, String(year)))) === 'directory') return;
  const years = (await readdir(workspace, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && /^\d{4}$/u.test(e.name))
    .map((e) => e.name)
    .sort();
  const found =
    years.length === 0
      ? 'ở đó chưa có thư mục năm nào (có thể đây không phải không gian làm việc)'
      : `các năm có ở đó: ${years.join(', ')}`;
  const foundEn =
    years.length === 0 ? 'it has no year folder (it may not be a workspace)' : `the years there: ${years.join(', ')}`;
  throw new UserError(
    {
      vi: `không có thư mục năm ${year} trong ${workspace} (${found}). Dùng --year với một năm có sẵn; thêm năm ${year} bằng "ict-eval init --year ${year}"; hoặc ${how.charAt(0).toLowerCase()}${how.slice(1)}`,
      en: `there is no folder for ${year} in ${workspace} (${foundEn}). Use --year with a year that is there; add ${year} with "ict-eval init --year ${year}"; or ${howEn.charAt(0).toLowerCase()}${howEn.slice(1)}`,
    },
    EXIT.usage,
  );
}

/**
 * The one pipeline of every command: config → module → load → evaluate. The rules run on what could be read (malformed
 * rows were set aside by the readers), so `check` can show the sections of every unit beside the errors; a command that
 * writes refuses a run with errors.
 *
 * The rows of the self-reports and of the assessment go with readAndDecide's frame; the heap is collected then, before
 * the outputs are made (collectNow in src/heap.ts), for a national year, where it pays: ROWS_TO_COLLECT rows or more.
 */
export async function decideYear(request: RunRequest, year: number): Promise<DecidedYear> {
  const { decided, rows } = await readAndDecide(request, year);
  if (rows >= ROWS_TO_COLLECT) {
    const { before, after, ms } = collectNow();
    debugLine('memory', `${rows} rows let go, heap collected: ${mb(before)} → ${mb(after)} MB in ${ms.toFixed(0)} ms`);
  }
  return decided;
}

/**
 * Rows read (self-report and assessment) from which a run collects the heap once they are let go: 460 units' worth,
 * whose rows V8 would size the heap by (20 240 rows: 30 → 15 MB in 16 ms). A province's year (30 units, 1 300 rows)
 * is left to V8: its heap is small, and a collection would only cost it time.
 */
export const ROWS_TO_COLLECT = 20_000;

async function readAndDecide(request: RunRequest, year: number): Promise<{ decided: DecidedYear; rows: number }> {
  await requireYearFolder(request.workspace, year);
  const settings = await loadSettings(request, year);
  memoryPhase('settings');
  const { config } = settings;
  const loaded = await loadYear(request.workspace, year, settings.policy);
  // The heap's growth goes back to its own before a long stretch without a turn of the event loop (src/heap.ts): the
  // rules and the other readings of the law when the run decides them (what-if, report), else once the rules have run.
  if (request.readings !== undefined) settleHeapGrowth();
  memoryPhase('read');
  const indexed = indexInUse(settings.policy, year, loaded.index?.year, loaded.index?.previous);
  const policy = indexed.policy;
  const evaluation = evaluateYear(loaded.input, policy, undefined, COMPACT_STORE);
  settleHeapGrowth();
  memoryPhase('rules');
  const legal = legalContext(policy, year, documentDate(config, year), yearFacts(evaluation), config.department);
  // Other readings of the law, decided from the same input before its rows go (what-if, the report's section V).
  const readings = await readingsOf(request, config, year, loaded.input, policy, evaluation);
  // The rows go with this function's frame: nothing of the run holds them from here on.
  const { year: inputYear, units, persons, scores, previousPersons, followUps } = loaded.input;
  const names = scores.map(({ unitCode, unitName }): ScoreName => ({ unitCode, unitName }));
  const kept = { year: inputYear, units, persons, scores: names, previousPersons, followUps };
  const decided: DecidedYear = {
    year,
    config,
    policy,
    loaded: { problems: loaded.problems, files: loaded.files, input: kept },
    selfReports: selfReportFacts(loaded.input),
    evaluation,
    gaps: [...indexed.gaps, ...evaluation.gaps],
    inputProblems: [...loaded.problems, ...indexed.problems],
    legal,
    ...(readings === undefined ? {} : { readings }),
  };
  return { decided, rows: loaded.input.selfReports.length + loaded.input.assessments.length };
}
