import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { exists, openRegular } from './fs.js';
import { extname, join } from 'node:path';
import type { FollowUp, InputFile, Person, ScoreRow, SourceRef, Unit } from '../domain.js';
import type { YearInput } from '../rules/evaluate.js';
import type { Policy } from '../rules/policy.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { type Problem, aboutUnit, aboutUnits, error, formatWhere, named, warning } from '../problems.js';
import { formatCitation } from '../rules/citation.js';
import { hasContent } from '../rules/sections.js';
import { readSelfReportFiles } from './pool.js';
import { readAssessmentFile, readFollowUpFile, readScoresFile, readUnitsFile } from './readers/index.js';
import { matchKey, revealed } from './normalize.js';
import { AssessmentColumns, type ItemColumns, SelfReportColumns } from './rows.js';
import { unsupportedFormat } from './table.js';

/** The index a scores file names in its score column's header ("Điểm DTI"), and where. */
export interface IndexHeader {
  readonly name: string;
  readonly header: string;
  readonly file: string;
}

export interface LoadedYear {
  readonly input: YearInput;
  /** The index this year's and last year's scores files name in their headers; undefined when a header names none. */
  readonly index?: { readonly year?: IndexHeader; readonly previous?: IndexHeader };
  /** Malformed data (`error`) and data gaps found while reading (`warning`). */
  readonly problems: readonly Problem[];
  /** Every file read, with its SHA-256, for the "Căn cứ và tham số" sheet. */
  readonly files: readonly InputFile[];
}

/** The extensions of a spreadsheet the tool reads (.xls and .ods through a conversion). */
export const READABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.xls', '.ods'] as const;

/** Whether a file is a spreadsheet lock or a hidden file, never an input (`~$units.xlsx`, `.DS_Store`). */
const ignored = (name: string) => name.startsWith('~$') || name.startsWith('.');

/**
 * Finds an input of a year by its stem, whatever the case and the extension (`Units.XLSX`,
 * `follow-up.xls`, `scores.xlsx.xlsx` as Windows shows `scores.xlsx`): a file that is there is never
 * taken as absent. Two files of one stem are ambiguous; a file of the stem that is not a spreadsheet
 * is named; a file whose name only resembles the stem (`Follow-up (1).xlsx`) is named too, so that a
 * misnamed input is never silently missing.
 */
export async function findInput(
  workspace: string,
  folder: string,
  base: string,
): Promise<{ path: string; display: string } | Problem | undefined> {
  let names: string[];
  try {
    names = (await readdir(join(workspace, folder))).filter((name) => !ignored(name)).sort();
  } catch {
    return undefined;
  }
  const stem = (name: string) => name.toLowerCase().split('.')[0] ?? '';
  const found = names.filter((name) => stem(name) === base.toLowerCase());
  if (found.length > 1) {
    return error(
      'ambiguous-input',
      {
        vi: `có cả ${found.map((n) => `${folder}/${n}`).join(' và ')}; hãy giữ lại một tệp.`,
        en: `both ${found.map((n) => `${folder}/${n}`).join(' and ')} are there; keep one.`,
      },
      {
        file: `${folder}/${base}`,
      },
    );
  }
  const [name] = found;
  if (name !== undefined) {
    const display = `${folder}/${name}`;
    const extension = extname(name).toLowerCase();
    if (!(READABLE_EXTENSIONS as readonly string[]).includes(extension)) return unsupportedFormat(display, extension);
    return { path: join(workspace, folder, name), display };
  }
  const key = matchKey(base);
  const lookalike = names.find(
    (n) => matchKey(stem(n)).startsWith(key) && READABLE_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)),
  );
  if (lookalike !== undefined) {
    return error(
      'input-misnamed',
      {
        vi: `tệp ${folder}/${lookalike} có vẻ là "${base}" nhưng tên không đúng; hãy đổi tên thành ${base}.xlsx (hoặc chuyển tệp đi nếu không dùng).`,
        en: `the file ${folder}/${lookalike} looks like "${base}" but is not named so; rename it ${base}.xlsx (or move it away if it is not used).`,
      },
      { file: `${folder}/${lookalike}` },
    );
  }
  return undefined;
}

/**
 * A file's SHA-256 and size, for the run's record: read from a descriptor checked to be a regular file (never through a
 * link, a FIFO or a device — a link to /dev/zero would be hashed forever), at most `maxBytes` of it. Undefined when the
 * file is refused (its reader says why).
 */
export async function fileDigest(
  path: string,
  maxBytes = DEFAULT_LIMITS.maxFileBytes,
): Promise<{ sha256: string; bytes: number } | undefined> {
  const opened = await openRegular(path, maxBytes);
  if ('refused' in opened) return undefined;
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of opened.handle.createReadStream({ start: 0, end: maxBytes - 1, autoClose: false })) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      hash.update(buffer);
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    await opened.handle.close();
  }
}

/**
 * Files in the self-reports folder to read, sorted by name; lock files and hidden files are skipped. The one list of
 * every command that reads the reports (the year's run, `template --assessment`): .xls and .ods are converted by both.
 */
export async function selfReportFiles(
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
    if (ignored(name)) continue;
    const extension = extname(name).toLowerCase();
    const display = `${folder}/${name}`;
    if ((READABLE_EXTENSIONS as readonly string[]).includes(extension)) {
      files.push({ path: join(directory, name), display });
    } else if (['.xlsb', '.numbers', '.gsheet'].includes(extension)) {
      problems.push(unsupportedFormat(display, extension));
    } else {
      problems.push(
        warning(
          'ignored-file',
          {
            vi: 'không phải bảng tính (.xlsx, .xlsm, .csv, .xls, .ods) nên đã bỏ qua.',
            en: 'not a spreadsheet (.xlsx, .xlsm, .csv, .xls, .ods); skipped.',
          },
          {
            file: display,
          },
        ),
      );
    }
  }
  return files;
}

function place(where: SourceRef | undefined): string {
  return formatWhere(where) || '(không rõ vị trí)';
}

type Located = { path: string; display: string };

/** The files of a year, as found (absent ones undefined). */
interface YearFiles {
  readonly units?: Located;
  readonly scores?: Located;
  readonly previousScores?: Located;
  readonly previousUnits?: Located;
  readonly assessment?: Located;
  readonly followUp?: Located;
  readonly reports: readonly Located[];
}

/** Finds the year's inputs; a missing required one is an error, a missing optional one a warning where it matters. */
async function findYearFiles(workspace: string, year: number, problems: Problem[]): Promise<YearFiles> {
  const folder = String(year);
  const previousFolder = String(year - 1);
  // A base whose file could not be taken (ambiguous, misnamed, not a spreadsheet) is said once, not again as missing.
  const failed = new Set<string>();
  const locate = async (dir: string, base: string) => {
    const found = await findInput(workspace, dir, base);
    if (found !== undefined && 'severity' in found) {
      problems.push(found);
      failed.add(`${dir}/${base}`);
      return undefined;
    }
    return found;
  };
  const files = {
    units: await locate(folder, 'units'),
    scores: await locate(folder, 'scores'),
    previousScores: await locate(previousFolder, 'scores'),
    previousUnits: await locate(previousFolder, 'units'),
    assessment: await locate(folder, 'assessment'),
    followUp: await locate(folder, 'follow-up'),
    reports: await selfReportFiles(workspace, `${folder}/self-reports`, problems),
  };
  const ambiguous = (base: string) => failed.has(`${folder}/${base}`);
  if (files.units === undefined && !ambiguous('units')) {
    problems.push(
      error(
        'no-units',
        {
          vi: 'không tìm thấy danh sách đơn vị (units.xlsx hoặc units.csv).',
          en: 'could not find the units file (units.xlsx or units.csv).',
        },
        { file: `${folder}/` },
      ),
    );
  }
  if (files.scores === undefined && !ambiguous('scores')) {
    problems.push(
      error(
        'no-scores',
        {
          vi: 'không tìm thấy bảng điểm xếp hạng của năm (ICT Index hoặc DTI; scores.xlsx hoặc scores.csv).',
          en: `could not find the year's index scores (ICT Index or DTI; scores.xlsx or scores.csv).`,
        },
        {
          file: `${folder}/`,
        },
      ),
    );
  }
  if (files.assessment === undefined && !ambiguous('assessment')) {
    problems.push(
      warning(
        'no-assessment',
        {
          vi: 'không có tệp đánh giá của Sở (assessment.xlsx hoặc assessment.csv): chưa tiêu chí nào được Sở đánh giá.',
          en: 'no assessment file of the department (assessment.xlsx or assessment.csv): no item has been assessed.',
        },
        { file: `${folder}/` },
      ),
    );
  }
  if (files.followUp === undefined && !ambiguous('follow-up')) {
    problems.push(
      warning(
        'no-follow-up',
        {
          vi: 'không có tệp follow-up: coi như không đơn vị nào chậm triển khai kết luận, bị yêu cầu kiểm điểm hay có thành tích đặc biệt.',
          en: 'no follow-up file: no unit is taken to be slow on the conclusions, asked for a review, or to have an exceptional achievement.',
        },
        { file: `${folder}/` },
      ),
    );
  }
  if (files.reports.length === 0) {
    problems.push(
      warning(
        'no-self-reports',
        {
          vi: 'thư mục self-reports không có báo cáo nào: mọi đơn vị đều thiếu báo cáo tự đánh giá.',
          en: 'the self-reports folder holds no report: every unit lacks its self-report.',
        },
        {
          file: `${folder}/self-reports/`,
        },
      ),
    );
  }
  return files;
}

/**
 * Reads a whole year of a workspace: `Y/units`, `Y/scores`, `Y/assessment` (the department's),
 * `Y/self-reports/*`, `Y/follow-up`, and last year's `Y-1/scores` and `Y-1/units` (optional), each
 * `.xlsx` or `.csv`, then checks them against each other, with the blocks and checklist of the run's
 * policy. Malformed data is collected, never thrown one at a time.
 */
export async function loadYear(
  workspace: string,
  year: number,
  policy: Pick<Policy, 'blocks' | 'regulation'>,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<LoadedYear> {
  const { blocks, regulation } = policy;
  const itemCodes = regulation.checklist.map((item) => item.code);
  const problems: Problem[] = [];
  const files: InputFile[] = [];
  if (!(await exists(join(workspace, String(year))))) {
    return {
      input: emptyYear(year),
      problems: [
        error(
          'no-year-folder',
          {
            vi: `không có thư mục năm ${year} trong không gian làm việc.`,
            en: `there is no folder for ${year} in the workspace.`,
          },
          { file: `${year}/` },
        ),
      ],
      files,
    };
  }
  const found = await findYearFiles(workspace, year, problems);

  // The self-reports (the bulk) go to the read pool while the other files are read here.
  const reportsPromise = readSelfReportFiles(found.reports, limits, itemCodes);
  const read = async <T>(file: Located | undefined, reader: (file: Located) => Promise<T>) =>
    file === undefined ? undefined : reader(file);
  const unitsRead = await read(found.units, (f) =>
    readUnitsFile(f.path, f.display, limits, { blocks, regulation, year }),
  );
  const previousUnitsRead = await read(found.previousUnits, (f) =>
    readUnitsFile(f.path, f.display, limits, { blocks, regulation, year: year - 1 }),
  );
  const scoresRead = await read(found.scores, (f) => readScoresFile(f.path, f.display, limits, blocks, regulation));
  const previousRead = await read(found.previousScores, (f) =>
    readScoresFile(f.path, f.display, limits, blocks, regulation),
  );
  let assessmentRead = await read(found.assessment, (f) => readAssessmentFile(f.path, f.display, limits, itemCodes));
  const followUpRead = await read(found.followUp, (f) => readFollowUpFile(f.path, f.display, limits));
  const reportReads = await reportsPromise;
  const roles: [InputFile['role'], Located | undefined][] = [
    ['units', found.units],
    ['scores', found.scores],
    ['assessment', found.assessment],
    ['previous-scores', found.previousScores],
    ['previous-units', found.previousUnits],
    ['follow-up', found.followUp],
    ...found.reports.map((file): [InputFile['role'], Located] => ['self-report', file]),
  ];
  for (const [role, file] of roles) if (file !== undefined) await record(files, role, file);
  // Last year's units file only says who headed each unit then: its malformed data is said, not its own data gaps.
  const previousUnitsProblems =
    previousUnitsRead === undefined
      ? undefined
      : { problems: previousUnitsRead.problems.filter((p) => p.severity === 'error') };
  for (const each of [
    unitsRead,
    previousUnitsProblems,
    scoresRead,
    previousRead,
    assessmentRead,
    followUpRead,
    ...reportReads,
  ]) {
    if (each !== undefined) for (const problem of each.problems) problems.push(problem);
  }

  const units: readonly Unit[] = unitsRead?.units ?? [];
  const persons: readonly Person[] = unitsRead?.persons ?? [];
  const check = unitChecker(units, unitsRead?.unreadable ?? new Set(), found.units?.display ?? 'units');
  const scores = crossCheckScores(scoresRead?.scores ?? [], units, problems, unitsRead?.unreadable);
  // Each file's rows are let go as they are kept in the year's table (uniqueRows): the year's are never held twice.
  // A template sent back blank is a report without content (rules.md v3): said per file, and the unit counts among
  // those that have not reported (the rules look at the rows' content).
  const reporting = formatCitation(regulation.citations.reporting);
  found.reports.forEach((file, i) => {
    const rows = reportReads[i]?.rows;
    if (rows === undefined || rows.length === 0) return;
    for (let index = 0; index < rows.length; index++) {
      const row = rows.at(index);
      if (row !== undefined && hasContent(row)) return;
    }
    problems.push(
      aboutUnit(
        warning(
          'empty-report',
          {
            vi: `báo cáo không có nội dung (không tiêu chí nào có tự đánh giá, minh chứng hay ghi chú) — coi như chưa báo cáo theo ${reporting} (đã nhận tệp ${file.display}).`,
            en: `a report without content (no item has a self-assessment, evidence or note) — taken as not reported under ${reporting} (the file ${file.display} was received).`,
          },
          { file: file.display },
        ),
        rows.unitCodeAt(0),
      ),
    );
  });
  const reportTables: (SelfReportColumns | undefined)[] = reportReads.map((r) => r.rows);
  reportReads.length = 0;
  const selfReports = uniqueRows(
    reportTables,
    new SelfReportColumns(),
    (row) => check(row, 'báo cáo tự đánh giá'),
    { code: 'duplicate-self-report', what: 'báo cáo' },
    problems,
  );
  const assessmentTables: (AssessmentColumns | undefined)[] = assessmentRead === undefined ? [] : [assessmentRead.rows];
  assessmentRead = undefined;
  const assessments = uniqueRows(
    assessmentTables,
    new AssessmentColumns(),
    (row) => check(row, 'bảng đánh giá của Sở'),
    { code: 'duplicate-assessment', what: 'đánh giá' },
    problems,
  );
  const followUps = (followUpRead?.followUps ?? []).filter((row) => check(row, 'bảng theo dõi'));
  // A recipient is looked up among the unit's persons only when they could be read (one mistake, one message).
  checkRecipients(
    followUps.filter((row) => units.length > 0 && !(unitsRead?.unreadable.has(row.unitCode) ?? false)),
    persons,
    problems,
  );
  if (previousUnitsRead !== undefined && found.previousUnits !== undefined && previousUnitsRead.units.length > 0)
    checkPreviousCodes(
      units,
      unitsRead?.previousCodesAt ?? new Map(),
      {
        units: previousUnitsRead.units,
        unreadable: previousUnitsRead.unreadable,
        scores: previousRead?.scores ?? [],
        files: [
          found.previousUnits.display,
          ...(found.previousScores === undefined ? [] : [found.previousScores.display]),
        ],
        year: year - 1,
      },
      problems,
    );
  for (const problem of check.unknown()) problems.push(problem);
  const header = (read: typeof scoresRead, file: Located | undefined): IndexHeader | undefined =>
    read?.index === undefined || read.scoreHeader === undefined || file === undefined
      ? undefined
      : { name: read.index, header: read.scoreHeader, file: file.display };
  const yearIndex = header(scoresRead, found.scores);
  const previousIndex = header(previousRead, found.previousScores);
  return {
    index: {
      ...(yearIndex === undefined ? {} : { year: yearIndex }),
      ...(previousIndex === undefined ? {} : { previous: previousIndex }),
    },
    input: {
      year,
      units,
      persons,
      scores,
      previousScores: previousRead === undefined ? null : previousRead.scores,
      previousPersons: previousUnitsRead === undefined ? null : previousUnitsRead.persons,
      selfReports,
      assessments,
      followUps,
    },
    problems,
    files,
  };
}

function emptyYear(year: number): YearInput {
  return {
    year,
    units: [],
    persons: [],
    scores: [],
    previousScores: null,
    previousPersons: null,
    selfReports: [],
    assessments: [],
    followUps: [],
  };
}

/** Adds a file's SHA-256 to the list of inputs (the reader reports a file it cannot open). */
async function record(files: InputFile[], role: InputFile['role'], file: Located): Promise<void> {
  try {
    const digest = await fileDigest(file.path);
    if (digest !== undefined) files.push({ role, path: file.display, sha256: digest.sha256, bytes: digest.bytes });
  } catch {
    // The reader reports a file it cannot open.
  }
}

/**
 * A check that a code is a unit of the units file. An unknown code is reported once per file, at its
 * first row, with the number of rows it has; a code whose units row could not be read is not
 * reported again (one mistake, one message).
 */
function unitChecker(units: readonly Unit[], unreadable: ReadonlySet<string>, unitsFile: string) {
  const known = new Set(units.map((u) => u.code));
  const unknown = new Map<string, { code: string; where: SourceRef | undefined; what: string; rows: number }>();
  // The row itself, not its SourceRef: a self-report or assessment row makes one when asked, here only for a stranger.
  const check = (row: { readonly unitCode: string; readonly source?: SourceRef }, what: string) => {
    const code = row.unitCode;
    // With no readable units list, every code would be "unknown": the units file's own error says enough.
    if (units.length === 0 || known.has(code)) return true;
    if (unreadable.has(code)) return false;
    const where = row.source;
    const key = `${where?.file ?? ''}\u0000${code}`;
    const seen = unknown.get(key);
    if (seen === undefined) unknown.set(key, { code, where, what, rows: 1 });
    else seen.rows++;
    return false;
  };
  check.unknown = () =>
    [...unknown.values()].map(({ code, where, what, rows }) =>
      error(
        'unknown-unit',
        {
          vi: `mã đơn vị ${revealed(code)} trong ${what} không có trong danh sách đơn vị (${unitsFile})${rows > 1 ? ` (${rows} dòng có mã này)` : ''}.`,
          en: `unit code ${revealed(code)} in ${what} is not in the units file (${unitsFile})${rows > 1 ? ` (${rows} rows have this code)` : ''}.`,
        },
        where,
      ),
    );
  return check;
}

/**
 * The scores against the units: a block that differs is an error; a unit of the index that is not in
 * the units file is kept (it counts in N) and listed, not rated.
 */
function crossCheckScores(
  scores: readonly ScoreRow[],
  units: readonly Unit[],
  problems: Problem[],
  unreadable: ReadonlySet<string> = new Set(),
): ScoreRow[] {
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const kept: ScoreRow[] = [];
  const notRated: ScoreRow[] = [];
  for (const row of scores) {
    const unit = unitOf.get(row.unitCode);
    if (unit !== undefined && unit.block !== row.block) {
      problems.push(
        error(
          'block-mismatch',
          {
            vi: `đơn vị ${row.unitCode} thuộc khối ${row.block} trong bảng điểm nhưng khối ${unit.block} trong danh sách đơn vị.`,
            en: `unit ${row.unitCode} is in block ${row.block} in the scores file but in block ${unit.block} in the units file.`,
          },
          row.source,
        ),
      );
      continue;
    }
    // A unit whose units rows are malformed is already named by that error: not again as absent.
    if (unit === undefined && units.length > 0 && !unreadable.has(row.unitCode)) notRated.push(row);
    kept.push(row);
  }
  if (notRated.length > 0) {
    const list = named(notRated.map((row) => `${row.unitCode} (${row.unitName})`));
    problems.push(
      aboutUnits(
        warning(
          'index-unit-not-rated',
          {
            vi: `${notRated.length} đơn vị có trong bảng điểm nhưng không có trong danh sách đơn vị: được tính vào số đơn vị xếp hạng (N), không xếp loại: ${list.vi}.`,
            en: `${notRated.length} unit(s) in the scores file are not in the units file: they count in N, and are not rated: ${list.en}.`,
          },
          scores[0]?.source === undefined ? undefined : { file: scores[0].source.file },
        ),
        notRated.map((row) => row.unitCode),
      ),
    );
  }
  return kept;
}

/**
 * One row per unit and item across all files, kept in `kept`: a second one is malformed data naming the first; a row
 * `admit` refuses (a unit not in the units file) is left out. Each file's table is let go (its slot emptied) once read.
 * Rows are copied column by column: a row's object is made only for `admit` (once per unit code it admits, at every
 * row of a code it refuses, which it counts) and for a duplicate's message.
 */
function uniqueRows<T extends { unitCode: string; itemCode: string; source?: SourceRef }, L extends ItemColumns<T>>(
  tables: (L | undefined)[],
  kept: L,
  admit: (row: T) => boolean,
  duplicate: { readonly code: string; readonly what: string },
  problems: Problem[],
): L {
  // By unit, then item, the kept row's position: no key string made per row (220 000 rows at national scale).
  const first = new Map<string, Map<string, number>>();
  // The duplicates of a unit's rows in one file of rows kept from one (other or the same) file: one mistake (a report
  // sent twice, a unit's rows pasted twice), one message (product.md v3).
  const repeats = new Map<
    string,
    { unitCode: string; items: string[]; at: SourceRef | undefined; earlier: SourceRef | undefined }
  >();
  for (let k = 0; k < tables.length; k++) {
    const rows = tables[k];
    tables[k] = undefined;
    if (rows === undefined) continue;
    const copy = kept.copier(rows);
    const admitted = new Set<string>();
    const rowAt = (index: number): T => {
      const row = rows.at(index);
      if (row === undefined) throw new Error(`uniqueRows: no row ${index}`);
      return row;
    };
    for (let index = 0; index < rows.length; index++) {
      const unitCode = rows.unitCodeAt(index);
      if (!admitted.has(unitCode)) {
        if (!admit(rowAt(index))) continue;
        admitted.add(unitCode);
      }
      let items = first.get(unitCode);
      if (items === undefined) {
        items = new Map();
        first.set(unitCode, items);
      }
      const itemCode = rows.itemCodeAt(index);
      const earlier = items.get(itemCode);
      if (earlier !== undefined) {
        const at = rowAt(index).source;
        const before = kept.at(earlier)?.source;
        const key = `${unitCode}\u0000${at?.file ?? ''}\u0000${before?.file ?? ''}`;
        const repeat = repeats.get(key);
        if (repeat === undefined) repeats.set(key, { unitCode, items: [itemCode], at, earlier: before });
        else repeat.items.push(itemCode);
        continue;
      }
      items.set(itemCode, kept.length);
      copy(index);
    }
  }
  for (const { unitCode, items, at, earlier } of repeats.values()) {
    const [item] = items;
    if (items.length === 1) {
      problems.push(
        error(
          duplicate.code,
          `đơn vị ${unitCode}, tiêu chí ${item ?? ''} đã có ${duplicate.what} ở ${place(earlier)}; mỗi tiêu chí chỉ ghi một lần.`,
          at,
        ),
      );
      continue;
    }
    const list = items.length > 6 ? `${items.slice(0, 6).join(', ')}, …` : items.join(', ');
    const otherFile = earlier?.file !== undefined && earlier.file !== at?.file;
    problems.push(
      error(
        duplicate.code,
        otherFile
          ? {
              vi: `${items.length} tiêu chí của đơn vị ${unitCode} (${list}) đã có ${duplicate.what} trong tệp ${earlier.file}: có lẽ ${duplicate.what} được gửi hai lần; hãy giữ lại một tệp.`,
              en: `${items.length} items of unit ${unitCode} (${list}) are already given in ${earlier.file}: probably sent twice; keep one file.`,
            }
          : {
              vi: `${items.length} tiêu chí của đơn vị ${unitCode} (${list}) được ghi hai lần trong tệp (lần đầu từ ${place(earlier)}); mỗi tiêu chí chỉ ghi một lần.`,
              en: `${items.length} items of unit ${unitCode} (${list}) are given twice in the file (first from ${place(earlier)}); give each item once.`,
            },
        at,
      ),
    );
  }
  return kept;
}

/**
 * Mã đơn vị năm trước must name a unit of last year (product.md v3: a code that must name something that exists and
 * names nothing is malformed data, located in its cell — not a missing fact that sends the head to review). Checked
 * when last year's units file was read: a unit of last year is in it, or in last year's scores.
 */
function checkPreviousCodes(
  units: readonly Unit[],
  at: ReadonlyMap<string, SourceRef>,
  previous: {
    readonly units: readonly Unit[];
    readonly unreadable: ReadonlySet<string>;
    readonly scores: readonly ScoreRow[];
    readonly files: readonly string[];
    readonly year: number;
  },
  problems: Problem[],
): void {
  const known = new Set([
    ...previous.units.map((u) => u.code),
    ...previous.unreadable,
    ...previous.scores.map((r) => r.unitCode),
  ]);
  // A unit's name typed where its code goes becomes one word once read as a code ("HUYỆNĐÔNGPHÚ"): looked up so.
  const nameKey = (text: string) => matchKey(text).replace(/ /gu, '');
  const byName = new Map<string, string>();
  for (const u of previous.units) byName.set(nameKey(u.name), u.code);
  for (const r of previous.scores) if (!byName.has(nameKey(r.unitName))) byName.set(nameKey(r.unitName), r.unitCode);
  for (const unit of units) {
    const unknown = unit.previousCodes.filter((code) => !known.has(code));
    if (unknown.length === 0) continue;
    const hints = unknown.map((code) => byName.get(nameKey(code))).filter((c): c is string => c !== undefined);
    const hint =
      hints.length > 0
        ? {
            vi: ` Ô này cần mã, không phải tên đơn vị: có lẽ là ${hints.join(', ')}.`,
            en: ` The cell takes codes, not unit names: perhaps ${hints.join(', ')}.`,
          }
        : { vi: '', en: '' };
    const codes = unknown.map((code) => revealed(code)).join(', ');
    problems.push(
      covering(
        error(
          'unknown-previous-code',
          {
            vi: `mã đơn vị năm trước ${codes} của đơn vị ${unit.code} không có trong năm ${previous.year} (${previous.files.join(', ')}): không xác định được đơn vị năm trước.${hint.vi}`,
            en: `previous-year unit code ${codes} of unit ${unit.code} is not a unit of ${previous.year} (${previous.files.join(', ')}): last year's unit cannot be told.${hint.en}`,
          },
          at.get(unit.code) ?? unit.source,
        ),
        unit.code,
        ['previous-unsettled', 'no-previous-score'],
      ),
    );
  }
}

/** An error about a unit, and the gaps of that unit it explains (not said again as warnings). */
function covering(problem: Problem, unit: string, gaps: readonly string[]): Problem {
  return { ...aboutUnit(problem, unit), covers: gaps };
}

/** Người được đề nghị thưởng must be one of the unit's persons (or blank for the unit itself). */
function checkRecipients(followUps: readonly FollowUp[], persons: readonly Person[], problems: Problem[]): void {
  for (const row of followUps) {
    if (row.rewardRecipient === '') continue;
    const names = persons.filter((p) => p.unitCode === row.unitCode).map((p) => p.name);
    if (!names.some((name) => matchKey(name) === matchKey(row.rewardRecipient))) {
      problems.push(
        error(
          'unknown-recipient',
          {
            vi: `người được đề nghị thưởng "${row.rewardRecipient}" không có trong danh sách của đơn vị ${row.unitCode}${names.length > 0 ? ` (${names.join(', ')})` : ''}; để trống nếu đề nghị thưởng cho đơn vị.`,
            en: `the person proposed for a reward "${row.rewardRecipient}" is not listed for unit ${row.unitCode}${names.length > 0 ? ` (${names.join(', ')})` : ''}; leave it blank if the reward is proposed for the unit.`,
          },
          row.source,
        ),
      );
    }
  }
}
