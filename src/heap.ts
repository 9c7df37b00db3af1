import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what was live after the last full collection, in percent. V8's own factor is
 * dynamic, up to 4× for a program that allocates fast, as this one does while it reads and while it renders: a national
 * year's main thread held 238 MB of heap for some 100–130 MB live. National `sanctions`, 5 alternating runs: peak RSS
 * 405–421 MB with V8's factor, 313–327 MB at 30 (10 and 20 were no lower, 45 and 60 higher), CPU median 11.8 → 12.2 s.
 * A province run never collects in full and does not change. (Issue #15; `npm run bench` gives the figures of the day.)
 */
export const HEAP_GROWING_PERCENT = 30;

const GIVEN = /^--heap[-_]growing[-_]percent=/u;

/**
 * Sets the heap's growth for the whole process (the reader threads share V8's flags), unless node was started with a
 * value of its own (`node --heap-growing-percent=50 dist/cli.js`), which is then left as it is. Returns the value in
 * force, and whether it is ours.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): { percent: string; ours: boolean } {
  const given = execArgv.find((arg) => GIVEN.test(arg));
  if (given !== undefined) return { percent: given.slice(given.indexOf('=') + 1), ours: false };
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return { percent: String(HEAP_GROWING_PERCENT), ours: true };
}
