import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegular, removeStale } from './fs.js';
import { readParts } from './guard.js';
import { CONVERTER_LIMITS, DEFAULT_LIMITS, formatBytes } from './limits.js';
import { type Problem, error } from '../problems.js';

/** Formats read by converting them to .xlsx first with a spreadsheet program installed on the machine. */
export const CONVERTED_EXTENSIONS = ['.xls', '.ods'] as const;

/** How to save a file as .xlsx by hand, for a civil servant at Excel or LibreOffice. */
export const SAVE_AS_XLSX =
  'Hãy mở tệp bằng Excel, chọn Tệp → Lưu thành → "Sổ làm việc Excel (*.xlsx)"; hoặc bằng LibreOffice Calc, chọn Tệp → Lưu thành → "Excel 2007-365 (.xlsx)" → Giữ định dạng hiện tại. Sau đó xoá tệp cũ.';

/** The .xlsx a converter made, and which converter made it (named in the warnings). */
export interface Converted {
  readonly bytes: Buffer;
  /** `gnumeric ssconvert`, `LibreOffice`. */
  readonly tool: string;
}

const found = new Map<string, boolean>();
function installed(command: string): boolean {
  let present = found.get(command);
  if (present === undefined) {
    present = spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
    found.set(command, present);
  }
  return present;
}

/** The folders converters work in: named so, and removed by a later run once an hour old if a killed run left one. */
const TEMP_PREFIX = 'ict-eval-convert-';
const STALE_MS = 60 * 60 * 1000;

/** Seconds the converters have taken in this run: past `CONVERTER_LIMITS.runSeconds`, no more file is converted. */
let spent = 0;

/** For tests: the run's converter time starts again. */
export function resetConverterTime(): void {
  spent = 0;
}

/**
 * Converts an old Excel (.xls) or OpenDocument (.ods) spreadsheet to .xlsx with gnumeric's ssconvert or, failing that,
 * headless LibreOffice, when one is installed: the cells are then read as from any .xlsx. The bytes converted are the
 * ones the guard read (written to a folder of the tool's own, never the path again). Each conversion has its own
 * bounds (issue #40: an 811-byte .ods of one row repeated a million times took 305 s and 12.7 GB in the converters):
 * an .ods declaring more cells than CONVERTER_LIMITS.odsCells is refused before any converter runs; a converter gets
 * CONVERTER_LIMITS.seconds and CONVERTER_LIMITS.memoryBytes of address space, and its whole process group is killed
 * past them; the run's conversions together get CONVERTER_LIMITS.runSeconds. The folder (with LibreOffice's profile
 * and temporary files) is removed however the conversion ends. Macros and formulas are never run: ssconvert and
 * LibreOffice store the values the file holds.
 */
export async function convertToXlsx(bytes: Buffer, extension: string, display: string): Promise<Converted | Problem> {
  const where = { file: display };
  if (extension === '.ods') {
    const cells = await odsCells(bytes);
    if (cells !== undefined && cells > CONVERTER_LIMITS.odsCells) {
      return error(
        'ods-too-many-cells',
        {
          vi: `tệp .ods khai báo ${cells.toLocaleString('vi-VN')} ô có dữ liệu (các dòng, cột lặp lại), vượt giới hạn ${CONVERTER_LIMITS.odsCells.toLocaleString('vi-VN')} ô; có thể là tệp độc hại. ${SAVE_AS_XLSX}`,
          en: `the .ods file declares ${cells.toLocaleString('en')} cells with data (repeated rows and columns), over the limit of ${CONVERTER_LIMITS.odsCells.toLocaleString('en')}; it may be a malicious file. ${SAVE_AS_XLSX}`,
        },
        where,
      );
    }
  }
  if (spent >= CONVERTER_LIMITS.runSeconds) {
    return error(
      'convert-budget',
      {
        vi: `các tệp .xls/.ods của lần chạy này đã dùng hết ${CONVERTER_LIMITS.runSeconds} giây chuyển đổi; tệp này không được chuyển. ${SAVE_AS_XLSX}`,
        en: `this run's .xls/.ods files have used up their ${CONVERTER_LIMITS.runSeconds} seconds of conversion; this file was not converted. ${SAVE_AS_XLSX}`,
      },
      where,
    );
  }
  const temp = tmpdir();
  await removeStale(temp, TEMP_PREFIX, STALE_MS);
  const dir = await mkdtemp(join(temp, TEMP_PREFIX));
  try {
    const source = join(dir, `nguon${extension}`);
    await writeFile(source, bytes, { flag: 'wx', mode: 0o600 });
    const target = join(dir, 'nguon.xlsx');
    const attempts: { tool: string; command: string; args: string[] }[] = [];
    if (installed('ssconvert'))
      attempts.push({
        tool: 'gnumeric ssconvert',
        command: 'ssconvert',
        args: ['--export-type=Gnumeric_Excel:xlsx2', source, target],
      });
    if (installed('soffice'))
      attempts.push({
        tool: 'LibreOffice',
        command: 'soffice',
        args: [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--calc',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          dir,
          source,
        ],
      });
    const failures: string[] = [];
    for (const attempt of attempts) {
      const outcome = await bounded(attempt.command, attempt.args, dir);
      if (outcome === 'timeout') failures.push(`${attempt.tool}: quá ${CONVERTER_LIMITS.seconds} giây`);
      const made = await readRegular(target, DEFAULT_LIMITS.maxFileBytes);
      if (outcome === 'ok' && !('refused' in made)) return { bytes: made, tool: attempt.tool };
      if (outcome === 'ok' && 'refused' in made && made.refused === 'too-large')
        failures.push(`${attempt.tool}: tệp .xlsx tạo ra quá ${formatBytes(DEFAULT_LIMITS.maxFileBytes)}`);
    }
    const why =
      attempts.length === 0
        ? 'máy này không có LibreOffice hay gnumeric để tự chuyển đổi'
        : `không chuyển đổi được bằng ${attempts.map((a) => a.tool).join(' hay ')}${failures.length === 0 ? '' : ` (${failures.join('; ')})`} (tệp có thể bị hỏng, có mật khẩu, hoặc quá lớn)`;
    return error(
      'convert-failed',
      {
        vi: `tệp định dạng cũ/khác (.xls, .ods): ${why}. ${SAVE_AS_XLSX}`,
        en: `a file in an older or other format (.xls, .ods): ${why}. ${SAVE_AS_XLSX}`,
      },
      where,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a converter within its bounds: its own process group (LibreOffice starts soffice.bin under a script), an address
 * space of CONVERTER_LIMITS.memoryBytes (ulimit -v), HOME and TMPDIR in the conversion's folder, and CONVERTER_LIMITS
 * .seconds, after which the whole group is killed. Its time counts against the run's.
 */
function bounded(command: string, args: readonly string[], dir: string): Promise<'ok' | 'failed' | 'timeout'> {
  const started = Date.now();
  const kb = Math.floor(CONVERTER_LIMITS.memoryBytes / 1024);
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', `ulimit -v ${kb} 2>/dev/null; exec "$0" "$@"`, command, ...args], {
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, HOME: dir, TMPDIR: dir },
    });
    let timedOut = false;
    const kill = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group has ended.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, CONVERTER_LIMITS.seconds * 1000);
    const done = (outcome: 'ok' | 'failed' | 'timeout') => {
      clearTimeout(timer);
      // What the converter started and left (a LibreOffice helper) goes with it.
      kill();
      spent += (Date.now() - started) / 1000;
      resolve(outcome);
    };
    child.on('error', () => {
      done('failed');
    });
    child.on('exit', (code) => {
      done(timedOut ? 'timeout' : code === 0 ? 'ok' : 'failed');
    });
  });
}

/**
 * The cells with data an .ods declares, its repeats multiplied out (table:number-rows-repeated ×
 * table:number-columns-repeated of the cells that hold a value), from its content.xml read within the guard's budget;
 * undefined when it cannot be read (the converter then says what it makes of the file). Empty repeated cells (the blank
 * columns and rows every .ods ends with) are not counted: converters do not make them.
 */
export async function odsCells(bytes: Buffer): Promise<number | undefined> {
  let read;
  try {
    read = await readParts(bytes, DEFAULT_LIMITS, /^content\.xml$/u);
  } catch {
    return undefined;
  }
  if (read === 'too-many' || 'tooLarge' in read) return Number.POSITIVE_INFINITY;
  const xml = read.parts.get('content.xml')?.toString('utf8');
  if (xml === undefined) return undefined;
  let total = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  const tags = /<(\/?)table:(table-row|table-cell|covered-table-cell)\b([^>]*?)(\/?)>/gu;
  for (const match of xml.matchAll(tags)) {
    const [, closing, name, attributes = '', selfClosing] = match;
    if (name === 'table-row') {
      if (closing === '/') {
        total += rowRepeat * rowCells;
        rowCells = 0;
      } else {
        rowRepeat = repeat(attributes, 'table:number-rows-repeated');
        rowCells = 0;
        if (selfClosing === '/') rowRepeat = 1;
      }
      continue;
    }
    if (closing === '/') continue;
    // A cell holds data when it has a value type, or content (not self-closing).
    if (/\boffice:value-type=/u.test(attributes) || selfClosing !== '/')
      rowCells += repeat(attributes, 'table:number-columns-repeated');
    if (total + rowRepeat * rowCells > CONVERTER_LIMITS.odsCells * 10) return total + rowRepeat * rowCells;
  }
  return total;
}

function repeat(attributes: string, name: string): number {
  const match = new RegExp(`\\b${name}="(\\d{1,9})"`, 'u').exec(attributes);
  const value = match === null ? 1 : Number(match[1]);
  return value > 0 ? value : 1;
}
