import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Problem, error } from './problems.js';

/** Formats read by converting them to .xlsx first with a spreadsheet program installed on the machine. */
export const CONVERTED_EXTENSIONS = ['.xls', '.ods'] as const;

/** How to save a file as .xlsx by hand, for a civil servant at Excel or LibreOffice. */
export const SAVE_AS_XLSX =
  'Hãy mở tệp bằng Excel, chọn Tệp → Lưu thành → "Sổ làm việc Excel (*.xlsx)"; hoặc bằng LibreOffice Calc, chọn Tệp → Lưu thành → "Excel 2007-365 (.xlsx)" → Giữ định dạng hiện tại. Sau đó xoá tệp cũ.';

/** A converted copy and where it came from; `cleanup` removes the copy. */
export interface Converted {
  readonly path: string;
  /** The program that converted it, named in the warnings (`gnumeric ssconvert`, `LibreOffice`). */
  readonly tool: string;
  readonly cleanup: () => Promise<void>;
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

/**
 * Converts an old Excel (.xls) or OpenDocument (.ods) spreadsheet to .xlsx with gnumeric's ssconvert
 * or, failing that, headless LibreOffice, when one is installed: the cells are then read as from any
 * .xlsx. Without either, or when the conversion fails, a problem names the file and how to save it
 * as .xlsx by hand. Macros and formulas are never run by the tool: ssconvert and LibreOffice store
 * the values the file holds.
 */
export async function convertToXlsx(path: string, display: string): Promise<Converted | Problem> {
  const dir = await mkdtemp(join(tmpdir(), 'ict-eval-convert-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const target = join(dir, `${basename(path).replace(/\.[^.]+$/u, '')}.xlsx`);
  const attempts: { tool: string; run: () => boolean }[] = [];
  if (installed('ssconvert')) {
    attempts.push({
      tool: 'gnumeric ssconvert',
      run: () =>
        spawnSync('ssconvert', ['--export-type=Gnumeric_Excel:xlsx2', path, target], {
          stdio: 'ignore',
          timeout: 120_000,
        }).status === 0,
    });
  }
  if (installed('soffice')) {
    attempts.push({
      tool: 'LibreOffice',
      run: () =>
        spawnSync(
          'soffice',
          ['--headless', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, path],
          {
            stdio: 'ignore',
            timeout: 180_000,
            env: { ...process.env, HOME: dir },
          },
        ).status === 0,
    });
  }
  for (const attempt of attempts) {
    if (attempt.run() && (await readdir(dir)).includes(basename(target))) {
      return { path: target, tool: attempt.tool, cleanup };
    }
  }
  await cleanup();
  const why =
    attempts.length === 0
      ? 'máy này không có LibreOffice hay gnumeric để tự chuyển đổi'
      : `không chuyển đổi được bằng ${attempts.map((a) => a.tool).join(' hay ')} (tệp có thể bị hỏng hoặc có mật khẩu)`;
  return error(
    'convert-failed',
    {
      vi: `tệp định dạng cũ/khác (.xls, .ods): ${why}. ${SAVE_AS_XLSX}`,
      en: `a file in an older or other format (.xls, .ods): ${why}. ${SAVE_AS_XLSX}`,
    },
    { file: display },
  );
}
