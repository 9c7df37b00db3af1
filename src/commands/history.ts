import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXIT, UserError } from '../errors.js';
import { exists, openAppend, readRegular, removeStale } from '../io/fs.js';
import { refusalReason, writeOutputs } from '../io/output.js';
import { joinedPieces } from '../report/render/zip.js';
import {
  type HistoryDiff,
  type HistoryRecord,
  diffRecords,
  factsText,
  historyRecord,
  outcomeText,
  RECORD_DIGEST_LENGTH,
  canonicalPieces,
} from '../report/content/history.js';
import { type Context, parseYear } from './context.js';
import { outputFolder } from './write.js';
import { loadSettings } from '../pipeline/year.js';
import type { YearRun } from './year.js';
import { printJson } from './print.js';

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

/** The record's bytes go to its temporary file a megabyte or more at a time (11 000 pieces in a national year). */
const RECORD_CHUNK = 1024 * 1024;

/**
 * Hashes a record's canonical text as its pieces are made, and writes them to a temporary file: whole, the 15 MB of a
 * national record and its 11 000 pieces were made at once, some 12 MB over what the run held then.
 */
export async function holdRecord(record: HistoryRecord): Promise<HeldRecord> {
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
      for (const piece of canonicalPieces(record)) {
        hash.update(piece);
        yield piece;
      }
    }
    await pipeline(Readable.from(joinedPieces(hashed(), RECORD_CHUNK)), createWriteStream(path, { flags: 'wx' }));
    return { digest: hash.digest('hex').slice(0, RECORD_DIGEST_LENGTH), path, release };
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

/**
 * A run's record, sealed and held in a temporary file for `keepRecord` (the caller releases it if the run stops before),
 * and, when asked, what changed since the previous record. Only the bytes are kept: the record's objects (11 000
 * persons and their facts in a national year) are let go before the outputs are rendered.
 */
export async function recordRun(
  yearFolder: string,
  run: YearRun,
  compare: boolean,
): Promise<{ held: HeldRecord; diff: HistoryDiff | undefined }> {
  const record = historyRecord(run.year, run.rows, run.policy, run.loaded.files, run.info.toolVersion);
  const held = await holdRecord(record);
  try {
    return { held, diff: compare ? await changesSince(yearFolder, { record, digest: held.digest }) : undefined };
  } catch (cause) {
    await held.release();
    throw cause;
  }
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
async function historyText(path: string): Promise<string | undefined> {
  const bytes = await readRegular(path, MAX_HISTORY_BYTES);
  return 'refused' in bytes ? undefined : bytes.toString('utf8');
}

/** The largest history file read back (a national year's record is 15 MB). */
const MAX_HISTORY_BYTES = 256 * 1024 * 1024;

/**
 * The record an output of the year was last written from: the last line of the log whose command is one of `commands`
 * (`rate`, `sanctions` for the workbooks; `report`, `report --to so-noi-vu` for the documents), if any. A document made
 * from another record than the workbooks beside it would not match them.
 */
export async function lastRecordOf(yearFolder: string, commands: readonly string[]): Promise<string | undefined> {
  const text = await historyText(join(historyFolder(yearFolder), LOG));
  if (text === undefined) return undefined;
  let found: string | undefined;
  for (const line of text.split('\n')) {
    const [, digest, command] = line.split('\t');
    if (digest !== undefined && /^[0-9a-f]{16}$/u.test(digest) && command !== undefined && commands.includes(command))
      found = digest;
  }
  return found;
}

/** The documents made from the workbooks, and the command that writes each (as the log names it). */
export const DOCUMENTS: readonly { readonly name: (year: number) => string; readonly command: string }[] = [
  { name: (year) => `bao-cao-${year}.docx`, command: 'report' },
  { name: (year) => `cong-van-so-noi-vu-${year}.docx`, command: 'report --to so-noi-vu' },
];

/** The year's documents in `yearFolder` last made from another record than `digest` (or from none the log knows). */
export async function documentsFromOtherRecords(yearFolder: string, year: number, digest: string): Promise<string[]> {
  const other: string[] = [];
  for (const document of DOCUMENTS)
    if ((await lastRecordOf(yearFolder, [document.command])) !== digest) other.push(document.name(year));
  return other;
}

/** The records in the order they were last made, most recent last, each once. */
async function recordOrder(yearFolder: string): Promise<string[]> {
  const text = await historyText(join(historyFolder(yearFolder), LOG));
  if (text === undefined) return [];
  const order: string[] = [];
  for (const line of text.split('\n')) {
    const digest = line.split('\t')[1];
    if (digest === undefined || !/^[0-9a-f]{16}$/u.test(digest)) continue;
    const at = order.indexOf(digest);
    if (at >= 0) order.splice(at, 1);
    order.push(digest);
  }
  return order;
}

async function readRecord(yearFolder: string, digest: string): Promise<HistoryRecord> {
  const path = join(historyFolder(yearFolder), `${digest}.json`);
  try {
    const text = await historyText(path);
    if (text === undefined) throw new Error(`not a regular file: ${path}`);
    return JSON.parse(text) as HistoryRecord;
  } catch {
    throw new UserError(
      { vi: `không đọc được bản ghi ${path}.`, en: `cannot read the record ${path}.` },
      EXIT.inputProblems,
    );
  }
}

/** The most recent record other than `digest`: what the "Thay đổi" sheet compares with; undefined when none. */
async function previousRecord(
  yearFolder: string,
  digest: string,
): Promise<{ digest: string; record: HistoryRecord } | undefined> {
  const order = (await recordOrder(yearFolder)).filter((d) => d !== digest);
  const last = order.at(-1);
  if (last === undefined || !(await exists(join(historyFolder(yearFolder), `${last}.json`), false))) return undefined;
  return { digest: last, record: await readRecord(yearFolder, last) };
}

/**
 * What changed since the most recent other record of the year, for the "Thay đổi" sheet and the report; undefined
 * when there is none, or when it is a record of other persons (an output folder shared by two workspaces is not "a
 * change"): only a record sharing at least one person with this run's is compared.
 */
export async function changesSince(
  yearFolder: string,
  sealed: { readonly record: HistoryRecord; readonly digest: string },
): Promise<HistoryDiff | undefined> {
  const previous = await previousRecord(yearFolder, sealed.digest);
  if (previous === undefined) return undefined;
  const keys = new Set(sealed.record.persons.map((p) => p.key));
  if (!previous.record.persons.some((p) => keys.has(p.key))) return undefined;
  return diffRecords(previous.record, sealed.record, { from: previous.digest, to: sealed.digest });
}

/** A record named on the command line: its digest or a prefix of it that names one record. */
async function resolveRecord(yearFolder: string, name: string): Promise<string> {
  let names: string[] = [];
  try {
    names = (await readdir(historyFolder(yearFolder))).filter((n) => /^[0-9a-f]{16}\.json$/u.test(n));
  } catch {
    names = [];
  }
  const wanted = name.replace(/\.json$/u, '').toLowerCase();
  const found = names.filter((n) => n.startsWith(wanted)).map((n) => n.slice(0, 16));
  if (found.length === 1 && found[0] !== undefined) return found[0];
  const known = names.map((n) => n.slice(0, 16)).join(', ') || '(không có)';
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

/** `ict-eval diff --year Y [A] [B]`: what changed between two records (default: the last two made). */
export async function runDiff(context: Context, yearText: string | undefined, a?: string, b?: string): Promise<void> {
  const year = parseYear(yearText);
  const settings = await loadSettings({ workspace: context.workspace, cwd: context.console.cwd }, year);
  const yearFolder = outputFolder(context, settings.config, year);
  // No name: the last two records made; one name: that record against the last; two: the two named.
  const order = await recordOrder(yearFolder);
  const from = a === undefined ? order.at(-2) : await resolveRecord(yearFolder, a);
  const to = b === undefined ? order.at(-1) : await resolveRecord(yearFolder, b);
  {
    if (from === undefined || to === undefined) {
      throw new UserError(
        {
          vi: `năm ${year} chưa có hai bản ghi để so sánh trong ${context.display(historyFolder(yearFolder))} (mỗi lần chạy rate/sanctions ghi một bản ghi).`,
          en: `${year} has no two records to compare in ${context.display(historyFolder(yearFolder))} (each rate/sanctions run keeps one).`,
        },
        EXIT.usage,
      );
    }
  }
  const diff = diffRecords(await readRecord(yearFolder, from), await readRecord(yearFolder, to), { from, to });
  if (context.options.json === true) {
    printJson(context, { year, ...diff });
    return;
  }
  context.console.stdout(context.wrap(diffText(diff, year), 'stdout'));
  context.summary(
    context.lang === 'vi'
      ? `ict-eval: năm ${year}: ${diff.persons.length} người thay đổi kết quả giữa ${from} và ${to}.`
      : `ict-eval: ${year}: ${diff.persons.length} persons changed outcome between ${from} and ${to}.`,
  );
}

function diffText(diff: HistoryDiff, year: number): string {
  const lines = [`Năm ${year}: lần trước ${diff.from}, lần này ${diff.to}`];
  if (diff.inputs.length > 0) {
    lines.push('', 'Tệp đầu vào thay đổi (SHA-256):');
    for (const f of diff.inputs) lines.push(`  - ${f.what}: ${f.from} → ${f.to}`);
  }
  if (diff.policy.length > 0) {
    lines.push('', 'Tham số thay đổi:');
    for (const f of diff.policy) lines.push(`  - ${f.what}: ${f.from} → ${f.to}`);
  }
  lines.push('', diff.persons.length === 0 ? 'Không người nào thay đổi kết quả.' : 'Người thay đổi kết quả:');
  for (const p of diff.persons) {
    lines.push(`  - ${p.name}, ${p.unitName} (${p.unitCode}): ${outcomeText(p.from)} → ${outcomeText(p.to)}`);
    if (p.facts.length > 0) lines.push(`    vì: ${factsText(p.facts)}`);
  }
  return `${lines.join('\n')}\n`;
}
