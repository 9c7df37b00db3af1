import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ReadLimits, formatBytes } from './limits.js';
import { type ReadReply, type ReadTask, unpackReply } from './read-worker.js';
import { type SelfReportsRead, readSelfReportFile } from './readers/index.js';
import { SelfReportColumns } from './rows.js';
import { debugLine } from '../debug.js';

/** Below this much input, worker threads cost more to start than they save. */
const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;
const MAX_WORKERS = 4;
/**
 * A worker's old generation, MB. With no limit V8 sized each worker's heap as for a whole process and let it grow to
 * 80 MB, mostly rows of files already posted back: the top of a national run's memory (RSS 439–449 MB while reading).
 * With a limit it collects sooner: 359–368 MB at 128 MB, with no more time in the collector (48 MB: twice the time).
 * A file whose reading needs more (some 60 000 rows in one sheet) is read again by a worker without the limit.
 */
const WORKER_OLD_SPACE_MB = 128;

/**
 * Reader threads pay only with a core to spare besides the one V8's collector shares with the main thread. On this
 * 2-core machine, reading a national year's 20 self-report files (220 000 rows), 3 alternating pairs: 2 reader threads
 * 2.42-2.76 s wall, 4.6-5.3 s CPU, 255-257 MB; the main thread alone 2.15-2.17 s, 2.8-2.9 s CPU, 204-227 MB (the
 * collector's helpers already keep the second core busy, and each thread adds its start, a cold compiler and the
 * packing of its rows). The main thread and one thread taking files from one queue did no better: 1.63-1.78 s and
 * 2.9-3.3 s CPU against 1.60-1.96 s and 2.2-2.6 s alone.
 */
const MIN_CORES_FOR_THREADS = 3;

/**
 * How many reader threads read the self-report files: none (the main thread reads them, one after the other) for a
 * few small files or on a machine with fewer than MIN_CORES_FOR_THREADS cores; else one per core, at most
 * MAX_WORKERS. `parallel` (tests) forces the choice.
 */
export function readerThreads(files: number, bytes: number, cores: number, parallel?: boolean): number {
  const threads = Math.min(MAX_WORKERS, cores, files);
  if (parallel !== undefined) return parallel ? Math.max(1, threads) : 0;
  return bytes >= PARALLEL_FROM_BYTES && cores >= MIN_CORES_FOR_THREADS && files >= 4 ? threads : 0;
}

/**
 * Reads the self-report files, in order of the list: by reader threads when readerThreads says so, each parsing whole
 * files; else here, one after the other, so that only one file's parts are inflated at a time. Either way the result
 * is the same (test/io/pool.test.ts).
 */
export async function readSelfReportFiles(
  files: readonly { path: string; display: string }[],
  limits: ReadLimits,
  itemCodes: readonly string[],
  options: { parallel?: boolean; workerOldSpaceMb?: number } = {},
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
  const workers = readerThreads(files.length, bytes, availableParallelism(), options.parallel);
  // Under the test runner the sources are TypeScript: there is no compiled worker to start.
  const threads = workers > 0 && existsSync(fileURLToPath(workerFile));
  debugLine(
    'read',
    `${files.length} self-report files, ${formatBytes(bytes)}: ${threads ? `read by ${workers} reader threads` : 'read here, one after the other'}`,
  );
  if (!threads) {
    const results: SelfReportsRead[] = [];
    for (const file of files) results.push(await readSelfReportFile(file.path, file.display, limits, itemCodes));
    return results;
  }
  return readInWorkers(workerFile, files, limits, itemCodes, workers, options.workerOldSpaceMb ?? WORKER_OLD_SPACE_MB);
}

function outOfMemory(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function readInWorkers(
  workerFile: URL,
  files: readonly { path: string; display: string }[],
  limits: ReadLimits,
  itemCodes: readonly string[],
  count: number,
  oldSpaceMb: number,
): Promise<SelfReportsRead[]> {
  return new Promise((resolve, reject) => {
    const results: (SelfReportsRead | undefined)[] = new Array<SelfReportsRead | undefined>(files.length);
    const pool = new Set<Worker>();
    /** The file each worker is reading. */
    const reading = new Map<Worker, number>();
    let next = 0;
    let done = 0;
    let failed = false;
    const finish = (error?: Error) => {
      if (failed) return;
      if (error !== undefined) failed = true;
      for (const worker of pool) void worker.terminate();
      if (error !== undefined) reject(error);
      else resolve(results.map((r) => r ?? { rows: new SelfReportColumns(), problems: [] }));
    };
    const send = (worker: Worker, id: number) => {
      const file = files[id];
      if (file === undefined) return;
      reading.set(worker, id);
      const task: ReadTask = { id, path: file.path, display: file.display, limits, itemCodes };
      worker.postMessage(task);
    };
    const start = (limited: boolean): Worker => {
      const worker = new Worker(workerFile, limited ? { resourceLimits: { maxOldGenerationSizeMb: oldSpaceMb } } : {});
      pool.add(worker);
      worker.on('message', (message: ReadReply) => {
        if (message.error !== undefined) {
          finish(new Error(`reading ${files[message.id]?.display ?? '?'} failed in a worker: ${message.error}`));
          return;
        }
        reading.delete(worker);
        results[message.id] = unpackReply(message);
        done++;
        if (done === files.length) finish();
        else if (next < files.length) send(worker, next++);
        else {
          // Nothing left to send it: its heap goes now, not when the last file is read.
          pool.delete(worker);
          void worker.terminate();
        }
      });
      worker.on('error', (error) => {
        const id = reading.get(worker);
        if (limited && outOfMemory(error) && id !== undefined && !failed) {
          // The file needs more than the limit: read again, whole, by a worker without one.
          pool.delete(worker);
          reading.delete(worker);
          debugLine(
            'read',
            `${files[id]?.display ?? '?'}: read again without the ${oldSpaceMb} MB limit of a reader thread`,
          );
          send(start(false), id);
          return;
        }
        finish(error);
      });
      return worker;
    };
    for (let i = 0; i < count && next < files.length; i++) send(start(true), next++);
  });
}
