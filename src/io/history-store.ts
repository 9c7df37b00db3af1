import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXIT, UserError } from '../errors.js';
import { exists, openAppend, readRegular, removeStale } from './fs.js';
import { refusalReason, writeOutputs } from './output.js';

/**
 * The store of a year's run records, `out/Y/lich-su/`: each record held in a temporary file while the run writes,
 * kept as `<digest>.json` with a line in `nhat-ky.tsv`, read back by `diff` and for the "Thay đổi" sheet. What a record
 * says is src/report/content/history.ts's; this module only keeps bytes.
 */

/** A record's name: the first 16 hex digits of the SHA-256 of its canonical bytes (canonicalPieces in
 * src/report/content/history.ts: what it says, inputs and outcomes). */
export const DIGEST_LENGTH = 16;

/** `out/Y/lich-su/`: the records of a year's runs, never removed by a later run. */
export const historyFolder = (yearFolder: string) => join(yearFolder, 'lich-su');
const LOG = 'nhat-ky.tsv';

/**
 * A record held until the outputs are written: its name, and its canonical bytes in a temporary file of its own, in
 * the system's temporary folder (never in the output folder, which may not be checked yet). A national year's record
 * is 15 MB: held in memory it would sit there while the workbooks are rendered, at the run's peak; held deflated (as
 * it was until issue #15's last step) it cost some 0.5 s of a 4.7 s national run to deflate and inflate again.
 * `keepRecord` copies the file into the year's history; `release` removes it, whether or not it was kept.
 */
export interface HeldRecord {
  readonly digest: string;
  /** The record's canonical bytes (canonicalPieces), until `release`. */
  readonly path: string;
  /** Removes the temporary file and its folder; harmless when already done. */
  release(): Promise<void>;
}

/** The temporary folders of held records: named so, and removed by a later run once an hour old (a killed run's). */
const RECORD_PREFIX = 'ict-eval-record-';
const STALE_MS = 60 * 60 * 1000;

/**
 * Hashes a record's canonical text as its pieces are made, and writes them to a temporary file: whole, the 15 MB of a
 * national record and its 11 000 pieces were made at once, some 12 MB over what the run held then.
 */
export async function holdPieces(pieces: Iterable<Buffer>): Promise<HeldRecord> {
  const temp = tmpdir();
  // What killed runs left (a record held when the run was killed): removed once an hour old.
  await removeStale(temp, RECORD_PREFIX, STALE_MS);
  let folder: string;
  try {
    folder = await mkdtemp(join(temp, RECORD_PREFIX));
  } catch (cause) {
    throw unusableTemp(temp, cause);
  }
  const release = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, 'record.json');
  try {
    const hash = createHash('sha256');
    function* hashed(): Generator<Buffer> {
      for (const piece of pieces) {
        hash.update(piece);
        yield piece;
      }
    }
    await pipeline(Readable.from(hashed()), createWriteStream(path, { flags: 'wx' }));
    return { digest: hash.digest('hex').slice(0, DIGEST_LENGTH), path, release };
  } catch (cause) {
    await release();
    throw unusableTemp(temp, cause);
  }
}

/**
 * The system's temporary folder cannot take the held record (it is missing, read-only, or full): said with its path and
 * what to do, as a wrong setting (exit 2), before anything is written. Any other error is left as it is.
 */
function unusableTemp(folder: string, cause: unknown): unknown {
  const why = refusalReason(cause);
  if (why === undefined) return cause;
  return new UserError(
    {
      vi: `không ghi được bản ghi lịch sử tạm vào thư mục tạm của hệ thống ${folder} (${why.vi}); chưa ghi kết quả nào. Hãy kiểm tra thư mục đó (có tồn tại, ghi được, còn chỗ trống), hoặc đặt biến môi trường TMPDIR sang một thư mục ghi được rồi chạy lại.`,
      en: `cannot write the run's history record to the system's temporary folder ${folder} (${why.en}); nothing was written. Check that folder (it exists, is writable, has space), or set TMPDIR to a writable folder, and run again.`,
    },
    EXIT.usage,
  );
}

/** `body`'s result, the held record (if any) released however `body` ends: kept by then, or left by a run that stopped. */
export async function releasing<T>(held: HeldRecord | undefined, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } finally {
    await held?.release();
  }
}

/**
 * Keeps a run's record: `<digest>.json` when it is not there yet (the same inputs give the same record), and a line
 * in `nhat-ky.tsv` (time, record, command), the order the records were made in. The held file is the caller's to release
 * (`releasing`), kept or not.
 */
export async function keepRecord(yearFolder: string, held: HeldRecord, command: string, now: Date): Promise<void> {
  const folder = historyFolder(yearFolder);
  const path = join(folder, `${held.digest}.json`);
  // Written whole or not at all (beside, then renamed), as every output is: the held file copied by the system.
  await mkdir(folder, { recursive: true });
  if (!(await exists(path, false)))
    await writeOutputs([{ path, bytes: { copyOf: held.path } }], {
      force: true,
      protectedPaths: [],
      display: (p) => p,
    });
  // Appended never through a link (a log line never goes to a file outside the folder): a link or anything but a file
  // in its place is said, as a wrong setting, once the record is kept.
  const log = join(folder, LOG);
  const handle = await openAppend(log);
  if ('refused' in handle)
    throw new UserError(
      {
        vi: `không ghi được nhật ký ${log}: ${handle.refused === 'symlink' ? 'đó là một liên kết tượng trưng (symlink)' : 'đó không phải tệp thông thường'}; hãy xoá nó rồi chạy lại (bản ghi ${held.digest} đã được lưu).`,
        en: `cannot write the log ${log}: ${handle.refused === 'symlink' ? 'it is a symbolic link' : 'it is not a regular file'}; remove it and run again (record ${held.digest} was kept).`,
      },
      EXIT.usage,
    );
  try {
    await handle.appendFile(`${now.toISOString()}\t${held.digest}\t${command}\n`);
  } finally {
    await handle.close();
  }
}

/** A file of the history folder as text, never through a link; undefined when it cannot be read so. */
export async function historyText(path: string): Promise<string | undefined> {
  const bytes = await readRegular(path, MAX_HISTORY_BYTES);
  return 'refused' in bytes ? undefined : bytes.toString('utf8');
}

/** The largest history file read back (a national year's record is 15 MB). */
const MAX_HISTORY_BYTES = 256 * 1024 * 1024;

/** A record's name as the log and the history folder give it: DIGEST_LENGTH hex digits. */
const DIGEST = new RegExp(`^[0-9a-f]{${DIGEST_LENGTH}}$`, 'u');

/** One line of `nhat-ky.tsv`: the record a run kept, and its command. */
export interface LogEntry {
  readonly digest: string;
  readonly command: string;
}

/** The log's lines, in the order the runs were made; a line that names no record is passed over. */
export async function logEntries(yearFolder: string): Promise<LogEntry[]> {
  const text = await historyText(join(historyFolder(yearFolder), LOG));
  if (text === undefined) return [];
  const entries: LogEntry[] = [];
  for (const line of text.split('\n')) {
    const [, digest, command] = line.split('\t');
    if (digest !== undefined && DIGEST.test(digest)) entries.push({ digest, command: command ?? '' });
  }
  return entries;
}

/**
 * The record an output of the year was last written from: the last entry of the log whose command is one of `commands`
 * (`rate`, `sanctions` for the workbooks; `report`, `report --to so-noi-vu` for the documents), if any. A document made
 * from another record than the workbooks beside it would not match them.
 */
export function lastRecordOf(entries: readonly LogEntry[], commands: readonly string[]): string | undefined {
  return entries.findLast((entry) => commands.includes(entry.command))?.digest;
}

/** The records in the order they were last made, most recent last, each once. */
export async function recordOrder(yearFolder: string): Promise<string[]> {
  const order: string[] = [];
  for (const { digest } of await logEntries(yearFolder)) {
    const at = order.indexOf(digest);
    if (at >= 0) order.splice(at, 1);
    order.push(digest);
  }
  return order;
}

/** A record named on the command line: its digest or a prefix of it that names one record. */
export async function resolveRecord(yearFolder: string, name: string): Promise<string> {
  let names: string[] = [];
  try {
    names = (await readdir(historyFolder(yearFolder))).filter(
      (n) => n.endsWith('.json') && DIGEST.test(n.slice(0, -5)),
    );
  } catch {
    names = [];
  }
  const wanted = name.replace(/\.json$/u, '').toLowerCase();
  const found = names.filter((n) => n.startsWith(wanted)).map((n) => n.slice(0, DIGEST_LENGTH));
  if (found.length === 1 && found[0] !== undefined) return found[0];
  const known = names.map((n) => n.slice(0, DIGEST_LENGTH)).join(', ') || '(không có)';
  throw new UserError(
    found.length === 0
      ? { vi: `không có bản ghi "${name}"; các bản ghi: ${known}.`, en: `no record "${name}"; the records: ${known}.` }
      : {
          vi: `"${name}" khớp với nhiều bản ghi: ${found.join(', ')}.`,
          en: `"${name}" matches several records: ${found.join(', ')}.`,
        },
    EXIT.usage,
  );
}
