import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { debugLine } from './debug.js';
import { runInNewContext } from 'node:vm';

/**
 * How far V8 lets the heap grow past what was live after the last full collection, in percent. V8's own factor is
 * dynamic, up to 4× for a program that allocates fast, as this one does while it reads and while it renders: a national
 * year's main thread held 238 MB of heap for some 100–130 MB live. National `sanctions`, 5 alternating runs: peak RSS
 * 405–421 MB with V8's factor, 313–327 MB at 30 (10 and 20 were no lower, 45 and 60 higher), CPU median 11.8 → 12.2 s.
 * A province run never collects in full and does not change. (Issue #15; `npm run bench` gives the figures of the day.)
 */
export const HEAP_GROWING_PERCENT = 30;

/** V8's own largest growth: four times the live data. */
export const MAX_GROWING_PERCENT = 300;

const GIVEN = /^--heap[-_]growing[-_]percent=/u;

/**
 * The heap's growth past its live data that leaves the old generation at least as much room as the young generation
 * has: HEAP_GROWING_PERCENT, or more while the old generation is small. V8 begins a full collection (its incremental
 * marking) as soon as the room left is less than one scavenge may promote, the young generation; at 30% of a small heap
 * that is always so. A national `sanctions` run reads its year with 12–60 MB live beside a 32 MB young generation: a
 * full collection began right after each, 15–17 in the run, 380–440 ms of the main thread's time. With this room until
 * the rules have run (settleHeapGrowth): 9–11 (`--trace-gc`); 10 alternating runs against the same commit without it,
 * medians: wall 7.29 → 6.85 s, CPU 10.70 → 9.78 s, peak RSS 227 → 227 MB. Issue #38.
 */
export function growthPercent(youngBytes: number, oldBytes: number): number {
  const room = Math.ceil((100 * youngBytes) / Math.max(oldBytes, 1));
  return Math.max(HEAP_GROWING_PERCENT, Math.min(MAX_GROWING_PERCENT, room));
}

/**
 * Sets the heap's growth for the whole process (the reader threads share V8's flags), unless node was started with a
 * value of its own (`node --heap-growing-percent=50 dist/cli.js`), which is then left as it is: HEAP_GROWING_PERCENT at
 * once, then, after each collection, growthPercent of the generations' sizes then (V8 reads the flag each time it sets
 * how far the heap may grow). Returns the value it starts from, and whether it is ours.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): { percent: string; ours: boolean } {
  const given = execArgv.find((arg) => GIVEN.test(arg));
  if (given !== undefined) return { percent: given.slice(given.indexOf('=') + 1), ours: false };
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let percent = HEAP_GROWING_PERCENT;
  roomWatch?.disconnect();
  roomWatch = new PerformanceObserver(() => {
    const { young, old } = generations();
    const next = growthPercent(young, old);
    if (next === percent) return;
    percent = next;
    setFlagsFromString(`--heap-growing-percent=${percent}`);
  });
  roomWatch.observe({ entryTypes: ['gc'] });
  return { percent: String(HEAP_GROWING_PERCENT), ours: true };
}

/** The watch limitHeapGrowth keeps on the collections, until settleHeapGrowth ends it. */
let roomWatch: PerformanceObserver | undefined;

/**
 * Back to HEAP_GROWING_PERCENT, and no more watching, before a long stretch without a turn of the event loop, when the
 * watch is not told of collections: once the rules have decided a year, or, when the other readings of the law follow
 * them (`what-if`, `report`), once the year is read. Watched to the end, the growth set while the heap was small stayed
 * while it grew: a national `report` peaked at 346 MB instead of 292. Settled after the rules, national `what-if` still
 * peaked at 304 MB instead of 280 (3 alternating runs); settled after the read, 290 against 281, and `report` 287
 * against 291. Nothing when the growth is node's own.
 */
export function settleHeapGrowth(): void {
  if (roomWatch === undefined) return;
  roomWatch.disconnect();
  roomWatch = undefined;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * Commands whose young generation stops growing at a semi-space of so many MB (V8 grows it 1 → 2 → 4 → 8 → 16 MB while
 * objects survive its collections, as the rows a reader keeps do). `rank` reads two years' scores and the units (30 000
 * rows at 10 000 units) and keeps little: at 16 MB its young generation was a quarter of its memory. National `rank`
 * (bench/run.mjs), alternating runs: peak RSS 144–146 MB as V8 grows it, 111–115 MB stopped at 4 MB, 136–137 MB at 8;
 * wall time within the machine's noise (1.2–1.5 s either way). Not `sanctions`: stopped at 4 MB its national run took
 * 205–211 MB instead of 245–255 but up to 17% more CPU (more rows promoted, more full collections), and at 8 MB it
 * kept its peak (issue #38).
 */
export const YOUNG_GENERATION_MB: ReadonlyMap<string, number> = new Map([['rank', 4]]);

const YOUNG_GIVEN = /^--(?:max[-_]semi[-_]space[-_]size|semi[-_]space[-_]growth[-_]factor)=/u;

/**
 * Stops the young generation's growth at the command's cap (YOUNG_GENERATION_MB), for the whole process: a program
 * cannot set V8's largest semi-space once started, but V8 reads its growth factor each time it grows it. After each
 * collection the size is looked at; once at the cap, the factor becomes 1 and the watch ends. Nothing when the command
 * has no cap or node was given the young generation's size or growth itself (`node --max-semi-space-size=8 …`).
 * Returns what the debug line says: the cap in MB, or undefined.
 */
export function capYoungGeneration(
  command: string,
  execArgv: readonly string[] = process.execArgv,
): number | undefined {
  const cap = YOUNG_GENERATION_MB.get(command);
  if (cap === undefined || execArgv.some((arg) => YOUNG_GIVEN.test(arg))) return undefined;
  const observer = new PerformanceObserver(() => {
    // The new space is its two semi-spaces.
    if (generations().young < 2 * cap * 1024 * 1024) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
  return cap;
}

/**
 * The generations' sizes, bytes: the young generation's (V8's new space, its two semi-spaces, which capYoungGeneration
 * may stop) and what the old generation holds (every other space but the new large objects), which growthPercent
 * weighs against it.
 */
function generations(): { young: number; old: number } {
  let young = 0;
  let old = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space') young = space.space_size;
    else if (space.space_name !== 'new_large_object_space') old += space.space_used_size;
  }
  return { young, old };
}

/**
 * A full collection, now, where a run has just let go of much of what it held, and reports what it took. V8 sets how
 * far the heap may grow from what was live at its last full collection: a national year's rows (220 000 self-report
 * and 220 000 assessment rows, some 35 MB with their strings) are live until the rules have run, and V8's own next
 * collection comes only once the outputs are half made, on a heap sized for the rows. Collected as the rows go, the
 * heap is sized for what the outputs need. A national year (bench/generate.mjs, 10 000 units), in one process, peak
 * RSS at the end: 284–288 MB as it was, 276–282 with the rows let go, 248–255 with the rows let go and collected; the
 * collection takes 60–70 ms (320 ms at 20 000 units). A program cannot call V8's collector unless node was started
 * with --expose-gc: the flag is set here, and the collector taken from a new context, which has it (issue #15).
 */
export function collectNow(): { readonly before: number; readonly after: number; readonly ms: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  if (typeof gc === 'function') gc();
  return { before, after: process.memoryUsage().heapUsed, ms: performance.now() - start };
}

/** Bytes as whole MiB, as the debug lines give them. */
export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

/**
 * Under `ICT_EVAL_DEBUG=memory`, the memory in use at the end of a phase, the peak so far, the time since the process
 * started (issue #15), and the CPU time the process has used by then, all its threads (issue #38: bench/phases.mjs
 * takes each phase's wall and CPU time from these lines of a real run).
 */
export function memoryPhase(phase: string): void {
  debugLine('memory', () => {
    const { heapUsed, heapTotal, rss } = process.memoryUsage();
    const { young } = generations();
    const usage = process.resourceUsage();
    const peak = usage.maxRSS * 1024;
    const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    return `${phase}: heap ${mb(heapUsed)} of ${mb(heapTotal)} MB (young ${mb(young)} MB), RSS ${mb(rss)} MB, peak RSS so far ${mb(peak)} MB, at ${(performance.now() / 1000).toFixed(2)} s, CPU ${cpu.toFixed(2)} s`;
  });
}
