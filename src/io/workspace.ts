import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FollowUp, Person, ScoreRow, SelfReportRow, SourceRef, Unit } from '../domain.js';
import type { YearInput } from '../rules/evaluate.js';
import type { Policy } from '../rules/policy.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { type Problem, error, formatWhere, warning } from './problems.js';
import { readSelfReportFiles } from './pool.js';
import { readFollowUpFile, readScoresFile, readUnitsFile } from './readers.js';
import { unsupportedFormat } from './table.js';

/** The input files of a year, as product.md lays out the workspace. */
export const INPUT_EXTENSIONS = ['.xlsx', '.csv'] as const;

export interface InputFile {
  /** What the file is: `units`, `scores`, `previous-scores`, `self-report`, `follow-up`. */
  readonly role: 'units' | 'scores' | 'previous-scores' | 'self-report' | 'follow-up';
  /** Path relative to the workspace, with `/`, as messages and outputs name it. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface LoadedYear {
  readonly input: YearInput;
  /** Malformed data (`error`) and data gaps found while reading (`warning`). */
  readonly problems: readonly Problem[];
  /** Every file read, with its SHA-256, for the "Căn cứ và tham số" sheet. */
  readonly files: readonly InputFile[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** `2024/units.xlsx` or `2024/units.csv`; both at once is ambiguous. */
export async function findInput(
  workspace: string,
  folder: string,
  base: string,
): Promise<{ path: string; display: string } | Problem | undefined> {
  const found: string[] = [];
  for (const extension of INPUT_EXTENSIONS) {
    if (await exists(join(workspace, folder, base + extension))) found.push(`${folder}/${base}${extension}`);
  }
  if (found.length > 1) {
    return error('ambiguous-input', `có cả ${found.join(' và ')}; hãy giữ lại một tệp.`, { file: `${folder}/${base}` });
  }
  const [display] = found;
  return display === undefined ? undefined : { path: join(workspace, display), display };
}

/** A file's SHA-256 and size, read as a stream. */
export async function fileDigest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    hash.update(buffer);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Files in the self-reports folder to read, sorted by name; lock files and hidden files are skipped. */
async function selfReportFiles(
  workspace: string,
  folder: string,
  problems: Problem[],
): Promise<{ path: string; display: string }[]> {
  const directory = join(workspace, folder);
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return [];
  }
  const files: { path: string; display: string }[] = [];
  for (const name of [...names].sort()) {
    // Excel's lock files (~$name.xlsx) and hidden files (.DS_Store) are not reports.
    if (name.startsWith('~$') || name.startsWith('.')) continue;
    const extension = extname(name).toLowerCase();
    const display = `${folder}/${name}`;
    if ((INPUT_EXTENSIONS as readonly string[]).includes(extension)) {
      files.push({ path: join(directory, name), display });
    } else if (['.xls', '.ods', '.xlsm', '.xlsb'].includes(extension)) {
      problems.push(unsupportedFormat(display, extension));
    } else {
      problems.push(warning('ignored-file', 'không phải tệp .xlsx hoặc .csv nên đã bỏ qua.', { file: display }));
    }
  }
  return files;
}

function place(where: SourceRef | undefined): string {
  return formatWhere(where) || '(không rõ vị trí)';
}

/**
 * Reads a whole year of a workspace: `Y/units`, `Y/scores`, `Y-1/scores` (optional),
 * `Y/self-reports/*`, `Y/follow-up` (optional), each `.xlsx` or `.csv`, then checks them
 * against each other, with the blocks and checklist of the run's policy. Malformed data is
 * collected, never thrown one at a time.
 */
export async function loadYear(
  workspace: string,
  year: number,
  policy: Pick<Policy, 'blocks' | 'regulation'>,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<LoadedYear> {
  const { blocks } = policy;
  const itemCodes = policy.regulation.checklist.map((item) => item.code);
  const folder = String(year);
  const previousFolder = String(year - 1);
  const problems: Problem[] = [];
  const files: InputFile[] = [];
  const empty: YearInput = {
    year,
    units: [],
    persons: [],
    scores: [],
    previousScores: null,
    selfReports: [],
    followUps: [],
  };

  if (!(await exists(join(workspace, folder)))) {
    return {
      input: empty,
      problems: [
        error('no-year-folder', `không có thư mục năm ${year} trong không gian làm việc.`, { file: `${folder}/` }),
      ],
      files,
    };
  }

  const locate = async (dir: string, base: string) => {
    const found = await findInput(workspace, dir, base);
    if (found !== undefined && 'severity' in found) {
      problems.push(found);
      return undefined;
    }
    return found;
  };
  const unitsFile = await locate(folder, 'units');
  const scoresFile = await locate(folder, 'scores');
  const previousFile = await locate(previousFolder, 'scores');
  const followUpFile = await locate(folder, 'follow-up');
  const reportFiles = await selfReportFiles(workspace, `${folder}/self-reports`, problems);

  if (unitsFile === undefined && !problems.some((p) => p.where?.file === `${folder}/units`)) {
    problems.push(
      error('no-units', 'không tìm thấy danh sách đơn vị (units.xlsx hoặc units.csv).', { file: `${folder}/` }),
    );
  }
  if (scoresFile === undefined && !problems.some((p) => p.where?.file === `${folder}/scores`)) {
    problems.push(
      error('no-scores', 'không tìm thấy bảng điểm ICT Index của năm (scores.xlsx hoặc scores.csv).', {
        file: `${folder}/`,
      }),
    );
  }
  if (followUpFile === undefined) {
    problems.push(
      warning(
        'no-follow-up',
        'không có tệp follow-up: coi như không đơn vị nào chậm triển khai kết luận, bị yêu cầu kiểm điểm hay có thành tích đặc biệt.',
        { file: `${folder}/` },
      ),
    );
  }
  if (reportFiles.length === 0) {
    problems.push(
      warning(
        'no-self-reports',
        'thư mục self-reports không có báo cáo nào: mọi đơn vị đều thiếu báo cáo tự đánh giá.',
        { file: `${folder}/self-reports/` },
      ),
    );
  }

  const record = async (role: InputFile['role'], file: { path: string; display: string }) => {
    try {
      const { sha256: digest, bytes } = await fileDigest(file.path);
      files.push({ role, path: file.display, sha256: digest, bytes });
    } catch {
      // The reader reports a file it cannot open.
    }
  };

  // The self-reports (the bulk) go to the read pool while the other files are read here.
  const reportsPromise = readSelfReportFiles(reportFiles, limits, itemCodes);
  const unitsRead =
    unitsFile === undefined ? undefined : await readUnitsFile(unitsFile.path, unitsFile.display, limits, blocks);
  const scoresRead =
    scoresFile === undefined ? undefined : await readScoresFile(scoresFile.path, scoresFile.display, limits, blocks);
  const previousRead =
    previousFile === undefined
      ? undefined
      : await readScoresFile(previousFile.path, previousFile.display, limits, blocks);
  const followUpRead =
    followUpFile === undefined ? undefined : await readFollowUpFile(followUpFile.path, followUpFile.display, limits);
  const reportReads = await reportsPromise;
  if (unitsFile !== undefined) await record('units', unitsFile);
  if (scoresFile !== undefined) await record('scores', scoresFile);
  if (previousFile !== undefined) await record('previous-scores', previousFile);
  if (followUpFile !== undefined) await record('follow-up', followUpFile);
  for (const file of reportFiles) await record('self-report', file);

  for (const read of [unitsRead, scoresRead, previousRead, followUpRead, ...reportReads]) {
    if (read !== undefined) for (const problem of read.problems) problems.push(problem);
  }

  const units: readonly Unit[] = unitsRead?.units ?? [];
  const persons: readonly Person[] = unitsRead?.persons ?? [];
  const unitOf = new Map(units.map((u) => [u.code, u]));
  // An unknown code is reported once per file, at its first row, with the number of rows it has.
  const unknown = new Map<string, { code: string; where: SourceRef | undefined; what: string; rows: number }>();
  const checkUnit = (code: string, where: SourceRef | undefined, what: string) => {
    // With no readable units list, every code would be "unknown": the units file's own error says enough.
    if (units.length === 0 || unitOf.has(code)) return true;
    const key = `${where?.file ?? ''}\u0000${code}`;
    const seen = unknown.get(key);
    if (seen === undefined) unknown.set(key, { code, where, what, rows: 1 });
    else seen.rows++;
    return false;
  };

  const scores: ScoreRow[] = [];
  for (const row of scoresRead?.scores ?? []) {
    if (!checkUnit(row.unitCode, row.source, 'bảng điểm')) continue;
    const unit = unitOf.get(row.unitCode);
    if (unit !== undefined && unit.block !== row.block) {
      problems.push(
        error(
          'block-mismatch',
          `đơn vị ${row.unitCode} thuộc khối ${row.block} trong bảng điểm nhưng khối ${unit.block} trong danh sách đơn vị.`,
          row.source,
        ),
      );
      continue;
    }
    scores.push(row);
  }

  const selfReports: SelfReportRow[] = [];
  const firstRow = new Map<string, SourceRef | undefined>();
  for (const read of reportReads) {
    for (const row of read.rows) {
      if (!checkUnit(row.unitCode, row.source, 'báo cáo tự đánh giá')) continue;
      const key = `${row.unitCode}\u0000${row.itemCode}`;
      if (firstRow.has(key)) {
        problems.push(
          error(
            'duplicate-self-report',
            `đơn vị ${row.unitCode}, tiêu chí ${row.itemCode} đã có ở ${place(firstRow.get(key))}; mỗi tiêu chí chỉ được báo cáo một lần.`,
            row.source,
          ),
        );
        continue;
      }
      firstRow.set(key, row.source);
      selfReports.push(row);
    }
  }

  const followUps: FollowUp[] = [];
  for (const row of followUpRead?.followUps ?? []) {
    if (checkUnit(row.unitCode, row.source, 'bảng theo dõi')) followUps.push(row);
  }

  for (const { code, where, what, rows } of unknown.values()) {
    const more = rows > 1 ? ` (${rows} dòng có mã này)` : '';
    problems.push(
      error(
        'unknown-unit',
        `mã đơn vị "${code}" trong ${what} không có trong danh sách đơn vị (${unitsFile?.display ?? 'units'})${more}.`,
        where,
      ),
    );
  }

  return {
    input: {
      year,
      units,
      persons,
      scores,
      previousScores: previousRead === undefined ? null : previousRead.scores,
      selfReports,
      followUps,
    },
    problems,
    files,
  };
}

/** The malformed-data problems among a list: any one of them stops the run with exit 1. */
export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}
