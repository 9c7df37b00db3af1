import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { openRegular } from './fs.js';
import { extname, join } from 'node:path';
import { DEFAULT_LIMITS } from './limits.js';
import { type Problem, error, warning } from '../problems.js';
import { matchKey } from './normalize.js';
import { unsupportedFormat } from './table.js';

/** The extensions of a spreadsheet the tool reads (.xls and .ods through a conversion). */
export const READABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.xls', '.ods'] as const;

/** Whether a file is a spreadsheet lock or a hidden file, never an input (`~$units.xlsx`, `.DS_Store`). */
export const ignored = (name: string) => name.startsWith('~$') || name.startsWith('.');

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

export type Located = { path: string; display: string };

/** The files of a year, as found (absent ones undefined). */
export interface YearFiles {
  readonly units?: Located;
  readonly scores?: Located;
  readonly previousScores?: Located;
  readonly previousUnits?: Located;
  readonly assessment?: Located;
  readonly followUp?: Located;
  readonly reports: readonly Located[];
}

/** Finds the year's inputs; a missing required one is an error, a missing optional one a warning where it matters. */
export async function findYearFiles(workspace: string, year: number, problems: Problem[]): Promise<YearFiles> {
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
