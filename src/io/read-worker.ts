import { parentPort } from 'node:worker_threads';
import type { ItemStatus, SelfReportRow } from '../domain.js';
import type { ReadLimits } from './limits.js';
import type { Problem } from './problems.js';
import { type SelfReportsRead, readSelfReportFile } from './readers.js';

/** A task of the read pool (src/io/pool.ts): one self-report file to read. */
export interface ReadTask {
  readonly id: number;
  readonly path: string;
  readonly display: string;
  readonly limits: ReadLimits;
  /** The checklist's item codes, for the regulation of the run. */
  readonly itemCodes: readonly string[];
}

/**
 * Rows as columns of strings: posting 11 000 row objects between threads costs far more than
 * posting ten arrays and rebuilding the objects on the other side.
 */
export interface PackedRows {
  readonly unitCode: string[];
  readonly itemCode: string[];
  readonly selfAssessment: (ItemStatus | null)[];
  readonly evidence: string[];
  readonly note: string[];
  readonly difficulties: string[];
  readonly file: string[];
  readonly sheet: (string | null)[];
  readonly row: number[];
}

export function packRows(rows: readonly SelfReportRow[]): PackedRows {
  const packed: PackedRows = {
    unitCode: [],
    itemCode: [],
    selfAssessment: [],
    evidence: [],
    note: [],
    difficulties: [],
    file: [],
    sheet: [],
    row: [],
  };
  for (const r of rows) {
    packed.unitCode.push(r.unitCode);
    packed.itemCode.push(r.itemCode);
    packed.selfAssessment.push(r.selfAssessment);
    packed.evidence.push(r.evidence);
    packed.note.push(r.note);
    packed.difficulties.push(r.difficulties ?? '');
    packed.file.push(r.source?.file ?? '');
    packed.sheet.push(r.source?.sheet ?? null);
    packed.row.push(r.source?.row ?? 0);
  }
  return packed;
}

export function unpackRows(packed: PackedRows): SelfReportRow[] {
  const rows: SelfReportRow[] = [];
  for (let i = 0; i < packed.unitCode.length; i++) {
    const sheet = packed.sheet[i];
    rows.push({
      unitCode: packed.unitCode[i] ?? '',
      itemCode: packed.itemCode[i] ?? '',
      selfAssessment: packed.selfAssessment[i] ?? null,
      evidence: packed.evidence[i] ?? '',
      note: packed.note[i] ?? '',
      difficulties: packed.difficulties[i] ?? '',
      source: {
        file: packed.file[i] ?? '',
        ...(sheet === null || sheet === undefined ? {} : { sheet }),
        row: packed.row[i] ?? 0,
      },
    });
  }
  return rows;
}

/** What a worker posts back for a task. */
export interface ReadReply {
  readonly id: number;
  readonly rows?: PackedRows;
  readonly problems?: readonly Problem[];
  readonly error?: string;
}

export function unpackReply(reply: ReadReply): SelfReportsRead {
  return { rows: reply.rows === undefined ? [] : unpackRows(reply.rows), problems: reply.problems ?? [] };
}

// Runs in a worker thread: reads each file it is sent and posts back the rows and problems.
parentPort?.on('message', (task: ReadTask) => {
  readSelfReportFile(task.path, task.display, task.limits, task.itemCodes).then(
    (result) =>
      parentPort?.postMessage({
        id: task.id,
        rows: packRows(result.rows),
        problems: result.problems,
      } satisfies ReadReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: task.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
