import { parentPort } from 'node:worker_threads';
import type { ItemStatus, RowList, SelfReportRow } from '../domain.js';
import type { ReadLimits } from './limits.js';
import type { Problem } from '../problems.js';
import { type SelfReportsRead, readSelfReportFile } from './readers/index.js';
import { SelfReportColumns, placesOf } from './rows.js';

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
 * Rows as columns: posting 11 000 row objects between threads costs far more than posting a few arrays and rebuilding
 * the objects on the other side. Each distinct text is posted once, in `texts`, and the columns hold its index (-1:
 * none), in typed arrays that are moved, not copied: a file's name, its sheet's, a unit's code, an item's code and a
 * status repeat on every row, and a copy of each per row made some 35 MB of a national year's heap on the main thread.
 */
export interface PackedRows {
  readonly texts: string[];
  readonly unitCode: Int32Array;
  readonly itemCode: Int32Array;
  readonly selfAssessment: Int32Array;
  readonly evidence: Int32Array;
  readonly note: Int32Array;
  readonly difficulties: Int32Array;
  readonly file: Int32Array;
  readonly sheet: Int32Array;
  readonly row: Int32Array;
}

export function packRows(rows: RowList<SelfReportRow>): PackedRows {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const id = (text: string | null | undefined): number => {
    if (text === null || text === undefined) return -1;
    let at = index.get(text);
    if (at === undefined) {
      at = texts.length;
      texts.push(text);
      index.set(text, at);
    }
    return at;
  };
  const column = () => new Int32Array(rows.length);
  const packed: PackedRows = {
    texts,
    unitCode: column(),
    itemCode: column(),
    selfAssessment: column(),
    evidence: column(),
    note: column(),
    difficulties: column(),
    file: column(),
    sheet: column(),
    row: column(),
  };
  let i = 0;
  for (const r of rows) {
    const { source } = r;
    packed.unitCode[i] = id(r.unitCode);
    packed.itemCode[i] = id(r.itemCode);
    packed.selfAssessment[i] = id(r.selfAssessment);
    packed.evidence[i] = id(r.evidence);
    packed.note[i] = id(r.note);
    packed.difficulties[i] = id(r.difficulties ?? '');
    packed.file[i] = id(source?.file ?? '');
    packed.sheet[i] = id(source?.sheet);
    packed.row[i] = source?.row ?? 0;
    i++;
  }
  return packed;
}

/** The buffers of the packed columns, to move with the message instead of copying them. */
export function packedBuffers(packed: PackedRows): ArrayBuffer[] {
  const { unitCode, itemCode, selfAssessment, evidence, note, difficulties, file, sheet, row } = packed;
  return [unitCode, itemCode, selfAssessment, evidence, note, difficulties, file, sheet, row].map(
    (column) => column.buffer as ArrayBuffer,
  );
}

export function unpackRows(packed: PackedRows): SelfReportColumns {
  const { texts } = packed;
  const text = (at: number | undefined): string => (at === undefined || at < 0 ? '' : (texts[at] ?? ''));
  // The place of each file and sheet, made once and shared by their rows.
  const placeOf = placesOf();
  const rows = new SelfReportColumns();
  for (let i = 0; i < packed.unitCode.length; i++) {
    const status = packed.selfAssessment[i] ?? -1;
    const sheetAt = packed.sheet[i] ?? -1;
    rows.push(
      text(packed.unitCode[i]),
      text(packed.itemCode[i]),
      // A status the worker's reader made (one of ItemStatus), or none.
      status < 0 ? null : (text(status) as ItemStatus),
      text(packed.evidence[i]),
      text(packed.note[i]),
      text(packed.difficulties[i]),
      placeOf(text(packed.file[i]), sheetAt < 0 ? undefined : text(sheetAt)),
      packed.row[i] ?? 0,
    );
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
  return {
    rows: reply.rows === undefined ? new SelfReportColumns() : unpackRows(reply.rows),
    problems: reply.problems ?? [],
  };
}

// Runs in a worker thread: reads each file it is sent and posts back the rows and problems.
parentPort?.on('message', (task: ReadTask) => {
  readSelfReportFile(task.path, task.display, task.limits, task.itemCodes).then(
    (result) => {
      const rows = packRows(result.rows);
      parentPort?.postMessage(
        { id: task.id, rows, problems: result.problems } satisfies ReadReply,
        packedBuffers(rows),
      );
    },
    (error: unknown) =>
      parentPort?.postMessage({
        id: task.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
