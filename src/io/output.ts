import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { constants } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { exists, realFolder, removeStale } from './fs.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EXIT, UserError } from '../errors.js';

/**
 * A file to write: its absolute path and its bytes, whole or as a stream (read once, as the file is written: a
 * national year's history record is 15 MB, and whole it would be made at the run's peak).
 */
export interface OutputFile {
  readonly path: string;
  readonly bytes: Buffer | string | Readable | FileCopy;
}

/**
 * The bytes of another file, copied by the system (copyFile): a run's history record, held in a temporary file. Read
 * through the program, its 15 MB went by in 64 KB buffers that waited for a collection: 11 MB on a national run's peak.
 */
export interface FileCopy {
  readonly copyOf: string;
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/**
 * Refuses an output folder inside (or equal to) an input folder: outputs never go into a year's
 * input folder, so they can never be read back as inputs or overwrite one. Compared by their real paths: an output
 * folder that is a link into `2024/self-reports` is that folder (issue #40).
 */
export async function checkOutputFolder(outDir: string, inputFolders: readonly string[]): Promise<void> {
  const out = await realFolder(outDir);
  for (const folder of inputFolders) {
    if (inside(out, await realFolder(folder))) {
      throw new UserError(
        {
          vi: `thư mục kết quả ${outDir} nằm trong thư mục dữ liệu đầu vào ${folder}; hãy chọn thư mục khác (-o).`,
          en: `the output folder ${outDir} is inside the input folder ${folder}; choose another one (-o).`,
        },
        EXIT.usage,
      );
    }
  }
}

const TEMP_SUFFIX = '.ict-eval-tmp';
/** A temporary file older than this was left by a run that was killed: it is removed. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Writes every file whole or not at all: each is written to a temporary file beside it, then
 * renamed into place, only after all are written. Existing outputs are kept (exit 3) unless
 * `force`. `protectedPaths` (the inputs) are never written over, even with `force`. `replaces`
 * are files of an earlier run of the same set that this run does not write (an old CSV, an old
 * sanction workbook): they count as existing outputs and are removed once the new set is in place,
 * so a folder never mixes two runs.
 *
 * Two runs at once (a cron overlap) are last-writer-wins with whole files: each rename replaces
 * a complete file with a complete file, so a reader never sees a partial one. No lock is taken:
 * a lock left by a killed run would block the next year-end run, and outputs for the same
 * inputs are byte-identical anyway.
 */
export async function writeOutputs(
  files: readonly OutputFile[],
  options: {
    force: boolean;
    protectedPaths: readonly string[];
    display: (path: string) => string;
    replaces?: readonly string[];
  },
): Promise<void> {
  const replaced = options.replaces ?? [];
  const protectedSet = new Set(options.protectedPaths.map((p) => resolve(p)));
  for (const file of files) {
    if (protectedSet.has(resolve(file.path))) {
      throw new UserError(
        {
          vi: `không ghi đè tệp đầu vào ${options.display(file.path)}.`,
          en: `an input file is never written over: ${options.display(file.path)}.`,
        },
        EXIT.usage,
      );
    }
  }
  if (!options.force) {
    const existing: string[] = [];
    for (const path of [...files.map((f) => f.path), ...replaced])
      if (await exists(path, false)) existing.push(options.display(path));
    if (existing.length > 0) {
      throw new UserError(
        {
          vi: `kết quả đã có, không ghi đè: ${existing.join(', ')}. Dùng --force để thay thế.`,
          en: `outputs exist, not replaced: ${existing.join(', ')}. Use --force to replace them.`,
        },
        EXIT.outputsExist,
      );
    }
  }
  // Temporary files killed runs left (never a recent one: it may be another run's).
  const temporary = (name: string) => name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
  for (const folder of new Set(files.map((f) => dirname(f.path)))) await removeStale(folder, temporary, STALE_MS);
  const temps: { temp: string; path: string }[] = [];
  // The output being written, and how many are in place, for the message when the system refuses one.
  let current = files[0]?.path ?? '';
  let renamed = 0;
  try {
    for (const file of files) {
      current = file.path;
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
      temps.push({ temp, path: file.path });
      const { bytes } = file;
      if (typeof bytes === 'object' && 'copyOf' in bytes) await copyFile(bytes.copyOf, temp, constants.COPYFILE_EXCL);
      else await writeFile(temp, bytes, { flag: 'wx' });
    }
    for (const { temp, path } of temps) {
      current = path;
      await rename(temp, path);
      renamed++;
    }
    await Promise.all(replaced.map((path) => rm(path, { force: true })));
  } catch (cause) {
    throw writeFailure(options.display(current), cause, renamed);
  } finally {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
  }
}

/** What the system's refusals to write mean to whoever runs the tool, by their code. */
const REFUSALS: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  ENOTDIR: { vi: 'một phần của đường dẫn là tệp, không phải thư mục', en: 'part of the path is a file, not a folder' },
  EEXIST: { vi: 'một phần của đường dẫn là tệp, không phải thư mục', en: 'part of the path is a file, not a folder' },
  EISDIR: { vi: 'đã có một thư mục trùng tên tệp kết quả', en: 'a folder has the output file’s name' },
  EACCES: { vi: 'không có quyền ghi vào thư mục này', en: 'no permission to write in this folder' },
  EPERM: { vi: 'không có quyền ghi vào thư mục này', en: 'no permission to write in this folder' },
  EROFS: { vi: 'ổ đĩa chỉ cho đọc', en: 'the disk is read-only' },
  ENOSPC: { vi: 'ổ đĩa đã hết chỗ trống', en: 'the disk is full' },
  EDQUOT: { vi: 'đã hết hạn mức dung lượng', en: 'the disk quota is used up' },
};

/**
 * Why the system refused a write, for a message: in words where the code is a common one, with the code; undefined for
 * an error that is not the system's refusal (no system code), which stays an internal failure. Used for the outputs
 * (writeFailure) and for the run's held history record (src/commands/history.ts).
 */
export function refusalReason(cause: unknown): { readonly vi: string; readonly en: string } | undefined {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  const why = REFUSALS[code];
  return why === undefined ? { vi: code, en: code } : { vi: `${why.vi}, ${code}`, en: `${why.en}, ${code}` };
}

/**
 * An output the system refused to write (a file where a folder should be, no permission, a full or read-only disk):
 * said with the file and the reason, as a wrong setting (exit 2). The temporary files are removed; the set was not
 * replaced unless the refusal came once some of it was in place (a rename), which the message then says. Any other
 * error is left as it is (an internal failure).
 */
function writeFailure(display: string, cause: unknown, inPlace: number): unknown {
  const why = refusalReason(cause);
  if (why === undefined) return cause;
  const kept =
    inPlace === 0
      ? { vi: 'các tệp kết quả cũ vẫn giữ nguyên', en: 'the earlier outputs are left as they were' }
      : {
          vi: `${inPlace} tệp kết quả đã được thay, các tệp còn lại chưa`,
          en: `${inPlace} output(s) were replaced, the others were not`,
        };
  return new UserError(
    {
      vi: `không ghi được ${display} (${why.vi}); ${kept.vi}. Hãy chọn thư mục kết quả khác (-o) hoặc sửa lỗi trên rồi chạy lại.`,
      en: `cannot write ${display} (${why.en}); ${kept.en}. Choose another output folder (-o), or fix the above, and run again.`,
    },
    EXIT.usage,
  );
}
