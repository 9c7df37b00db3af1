import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadLimits } from './limits.js';
import { type ReadReply, type ReadTask, unpackReply } from './read-worker.js';
import { type SelfReportsRead, readSelfReportFile } from './readers.js';

/** Below this much input, worker threads cost more to start than they save. */
const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;
const MAX_WORKERS = 4;

/**
 * Reads the self-report files, in order of the list. A national year (20 workbooks, 220 000
 * rows) is read by worker threads, one per core (at most 4), each parsing whole files; a
 * province's few files are read here, one after the other, so that only one file's parts are
 * inflated at a time. Either way the result is the same (test/io/pool.test.ts).
 */
export async function readSelfReportFiles(
  files: readonly { path: string; display: string }[],
  limits: ReadLimits,
  itemCodes: readonly string[],
  options: { parallel?: boolean } = {},
): Promise<SelfReportsRead[]> {
  const workerFile = new URL('./read-worker.js', import.meta.url);
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += (await stat(file.path)).size;
    } catch {
      // The reader reports a missing file.
    }
  }
  const workers = Math.min(MAX_WORKERS, availableParallelism(), files.length);
  const parallel = options.parallel ?? (bytes >= PARALLEL_FROM_BYTES && workers >= 2 && files.length >= 4);
  // Under the test runner the sources are TypeScript: there is no compiled worker to start.
  if (!parallel || !existsSync(fileURLToPath(workerFile))) {
    const results: SelfReportsRead[] = [];
    for (const file of files) results.push(await readSelfReportFile(file.path, file.display, limits, itemCodes));
    return results;
  }
  return readInWorkers(workerFile, files, limits, itemCodes, workers);
}

function readInWorkers(
  workerFile: URL,
  files: readonly { path: string; display: string }[],
  limits: ReadLimits,
  itemCodes: readonly string[],
  count: number,
): Promise<SelfReportsRead[]> {
  return new Promise((resolve, reject) => {
    const results: (SelfReportsRead | undefined)[] = new Array<SelfReportsRead | undefined>(files.length);
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const finish = (error?: Error) => {
      if (failed) return;
      if (error !== undefined) failed = true;
      for (const worker of pool) void worker.terminate();
      if (error !== undefined) reject(error);
      else resolve(results.map((r) => r ?? { rows: [], problems: [] }));
    };
    const send = (worker: Worker) => {
      const file = files[next];
      if (file === undefined) return;
      const task: ReadTask = { id: next, path: file.path, display: file.display, limits, itemCodes };
      next++;
      worker.postMessage(task);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(workerFile);
      pool.push(worker);
      worker.on('message', (message: ReadReply) => {
        if (message.error !== undefined) {
          finish(new Error(`reading ${files[message.id]?.display ?? '?'} failed in a worker: ${message.error}`));
          return;
        }
        results[message.id] = unpackReply(message);
        done++;
        if (done === files.length) finish();
        else if (next < files.length) send(worker);
        // Nothing left to send it: its heap (some 80 MB at national scale) goes now, not when the last file is read.
        else void worker.terminate();
      });
      worker.on('error', (error) => {
        finish(error);
      });
      send(worker);
    }
  });
}
