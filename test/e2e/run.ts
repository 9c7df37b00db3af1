import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'dist', 'cli.js');
export const SAMPLE = join(ROOT, 'fixtures', 'sample');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built binary as cron would: no TTY, the given environment, in `cwd`. */
export function run(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
    encoding: 'utf8',
  });
  // Node's own warnings (a deprecated API called from the bundle, where Node no longer sees node_modules) are noise in
  // every cron log: none, in any run.
  expect(result.stderr, `a warning of Node's in: ict-eval ${args.join(' ')}`).not.toMatch(
    /\(node:\d+\) \[?\w*\]? ?\w*Warning/u,
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the program in this process (`main`, from the sources), as cron would: no terminal, the given environment, in
 * `cwd`. For a run that needs nothing of the process itself (its TMPDIR, ICT_EVAL_DEBUG, a closed stream, the bundle):
 * a spawned binary costs some 0.3 s to start, and the e2e suites start it hundreds of times. `run` stays for those.
 */
export async function runIn(
  args: readonly string[],
  /** `columns`: on a terminal that wide (stdout and stderr), as a user at a desk runs it; else in a pipe. */
  options: { cwd?: string; env?: Record<string, string>; columns?: number } = {},
): Promise<Run> {
  // What main cannot be given (the process's TMPDIR, ICT_EVAL_DEBUG, the converter's limits): a spawned binary.
  const own = new Set(['PATH', 'HOME', 'NO_COLOR', 'ICT_EVAL_WORKSPACE']);
  if (Object.keys(options.env ?? {}).some((key) => !own.has(key))) {
    if (options.columns !== undefined) throw new Error('runIn: a terminal run cannot be spawned');
    return run(args, options);
  }
  const { main } = await import('../../src/program.js');
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...(options.columns === undefined
      ? { isTTY: false }
      : { isTTY: true, stderrIsTTY: true, columns: options.columns }),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
    cwd: options.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}

const temps: string[] = [];

/** A fresh temporary folder, removed by `cleanUp`. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ict-eval-e2e-'));
  temps.push(dir);
  return dir;
}

/** A copy of the sample workspace to change. */
export async function sampleCopy(): Promise<string> {
  const dir = await tempDir();
  await cp(SAMPLE, dir, { recursive: true });
  return dir;
}

/**
 * Adds a column to a self-report of a workspace, after its last heading: `heading`, then `texts` on the rows under the
 * heading row, from the first.
 */
export async function addReportColumn(
  workspace: string,
  file: string,
  heading: string,
  texts: readonly string[] = [],
): Promise<void> {
  const path = join(workspace, '2024/self-reports', file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error(`no sheet in ${file}`);
  let header = 0;
  sheet.eachRow((row, r) => {
    if (header === 0 && row.getCell(1).text === 'Mã đơn vị') header = r;
  });
  if (header === 0) throw new Error(`no heading row in ${file}`);
  const column = sheet.getRow(header).cellCount + 1;
  sheet.getCell(header, column).value = heading;
  texts.forEach((text, i) => (sheet.getCell(header + 1 + i, column).value = text));
  await workbook.xlsx.writeFile(path);
}

export async function cleanUp(): Promise<void> {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Every file under a folder, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

export type Dump = Record<string, (string | number | boolean | null)[][]>;

/** A workbook's cell values, sheet by sheet, row by row: what the tests compare (not bytes). */
export async function dumpWorkbook(path: string): Promise<Dump> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const dump: Dump = {};
  workbook.eachSheet((sheet) => {
    const rows: (string | number | boolean | null)[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values: (string | number | boolean | null)[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const v = row.getCell(c).value;
        values.push(v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : v);
      }
      while (values.length > 0 && values.at(-1) === null) values.pop();
      rows.push(values);
    }
    dump[sheet.name] = rows;
  });
  return dump;
}

export type DumpRow = Dump[string][number];

/**
 * A printed table read back: the frame above the header row (`STT`), the header, the data rows, the group rows
 * (`I`, `KHỐI …`) and the lines under the table (counts, signature).
 */
export function tableOf(
  dump: Dump,
  name: string,
): { top: DumpRow[]; header: DumpRow; rows: DumpRow[]; groups: string[]; groupOf: string[]; below: DumpRow[] } {
  const sheet = dump[name] ?? [];
  const at = sheet.findIndex((row) => row[0] === 'STT');
  if (at < 0) throw new Error(`no header row in sheet ${name}`);
  const end = sheet.findIndex((row, i) => i > at && row.length === 0);
  const body = sheet.slice(at + 1, end < 0 ? undefined : end);
  const isGroup = (row: DumpRow) => typeof row[0] === 'string' && /^[IVXLC]+$/u.test(row[0]);
  const groupOf: string[] = [];
  let current = '';
  for (const row of body) {
    if (isGroup(row)) current = String(row[1]);
    else groupOf.push(current);
  }
  return {
    top: sheet.slice(0, at),
    header: sheet[at] ?? [],
    rows: body.filter((row) => !isGroup(row)),
    groups: body.filter(isGroup).map((row) => String(row[1])),
    groupOf,
    below: end < 0 ? [] : sheet.slice(end + 1),
  };
}

/** The files of a year's run record (`out/Y/lich-su/`): the record, by its digest, and the log of runs. */
const recordName: unknown = expect.stringMatching(/^2024\/lich-su\/[0-9a-f]{16}\.json$/u);
export const RECORD_FILES: readonly string[] = [recordName as string, '2024/lich-su/nhat-ky.tsv'];

/** The text of a .docx, paragraph by paragraph (w:p), as Word shows it. */
export async function docxParagraphs(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1] ?? '').join(''))
    .map((text) =>
      text
        .replace(/&amp;/gu, '&')
        .replace(/&lt;/gu, '<')
        .replace(/&gt;/gu, '>')
        .replace(/&quot;/gu, '"'),
    )
    .filter((text) => text !== '');
}
