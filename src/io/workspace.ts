import { exists } from './fs.js';
import { join } from 'node:path';
import type { InputFile, Person, Unit } from '../domain.js';
import type { YearInput } from '../rules/evaluate.js';
import type { Policy } from '../rules/policy.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { type Problem, aboutUnit, error, warning } from '../problems.js';
import { formatCitation } from '../rules/citation.js';
import { hasContent } from '../rules/sections.js';
import { readSelfReportFiles } from './pool.js';
import { readAssessmentFile, readFollowUpFile, readScoresFile, readUnitsFile } from './readers/index.js';
import { AssessmentColumns, SelfReportColumns } from './rows.js';
import { type Located, fileDigest, findYearFiles } from './files.js';
import { unitChecker, crossCheckScores, uniqueRows, checkPreviousCodes, checkRecipients } from './checks.js';

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

export { READABLE_EXTENSIONS, findInput, fileDigest, selfReportFiles } from './files.js';
