import { join } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { exists } from '../io/fs.js';
import {
  type HeldRecord,
  historyFolder,
  historyText,
  holdPieces,
  lastRecordOf,
  logEntries,
  recordOrder,
  resolveRecord,
} from '../io/history-store.js';
import { joinedPieces } from '../report/render/zip.js';
import {
  type HistoryDiff,
  type HistoryRecord,
  diffRecords,
  factsText,
  historyRecord,
  outcomeText,
  canonicalPieces,
} from '../report/content/history.js';
import { type Context, parseYear } from './context.js';
import { outputFolder } from './write.js';
import { loadSettings } from '../pipeline/year.js';
import type { YearRun } from './year.js';
import { printJson } from './print.js';

export { historyFolder, keepRecord, lastRecordOf, logEntries, releasing } from '../io/history-store.js';
export type { HeldRecord } from '../io/history-store.js';

/** The record's bytes go to its temporary file a megabyte or more at a time (11 000 pieces in a national year). */
const RECORD_CHUNK = 1024 * 1024;

/** A record held in a temporary file, hashed as its canonical pieces are made (src/io/history-store.ts). */
export function holdRecord(record: HistoryRecord): Promise<HeldRecord> {
  return holdPieces(joinedPieces(canonicalPieces(record), RECORD_CHUNK));
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

/** The documents made from the workbooks, and the command that writes each (as the log names it). */
export const DOCUMENTS: readonly { readonly name: (year: number) => string; readonly command: string }[] = [
  { name: (year) => `bao-cao-${year}.docx`, command: 'report' },
  { name: (year) => `cong-van-so-noi-vu-${year}.docx`, command: 'report --to so-noi-vu' },
];

/** The year's documents in `yearFolder` last made from another record than `digest` (or from none the log knows). */
export async function documentsFromOtherRecords(yearFolder: string, year: number, digest: string): Promise<string[]> {
  const entries = await logEntries(yearFolder);
  return DOCUMENTS.filter((document) => lastRecordOf(entries, [document.command]) !== digest).map((document) =>
    document.name(year),
  );
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
