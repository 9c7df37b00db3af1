import { setFlagsFromString } from 'node:v8';

/**
 * How much bytecode TurboFan, V8's optimising compiler, may inline into one function it optimises, in all (V8's own:
 * 920). TurboFan compiles on the other core, and a national `sanctions` run optimised some 540 functions, many of them
 * again and again as the rows they were given changed shape (the table reader once per kind of file, the workbook
 * writer once per kind of sheet): 3.3–4.1 s of compiling (`node --trace-opt`), on a machine of 2 cores, for a run of
 * 5–6 s. Inlining less, each compile is smaller and the code hardly slower: 2.3 s of compiling at 300, 1.7–1.8 s at
 * 150 (up to 2.5 s when the machine is loaded).
 * National `sanctions`, node given the flag, 8 alternating rounds: wall 5.62 → 5.12 s at 300, 4.96 s at 150, 5.19 s at
 * 60; CPU 8.08 → 7.07, 6.77, 7.01 s; peak RSS 229 → 226–228 MB. Set by the program at start (100 and 220 were the same
 * as 150 within the noise), against the program without it, medians of alternating rounds on the shared machine: wall
 * 5.15 → 4.69, 5.72 → 5.56 and 6.02 → 5.31 s; CPU 7.54 → 6.44, 8.38 → 7.73 and 8.78 → 7.25 s. National `report` and
 * `what-if`: the same wall time, 0.7 and 1.4 s less CPU; a province run and `rank` do not change. Issue #38.
 */
export const INLINED_BYTECODE_CUMULATIVE = 150;

const GIVEN = /^--max[-_]inlined[-_]bytecode[-_]size[-_]cumulative=/u;

/**
 * Sets how much TurboFan inlines (INLINED_BYTECODE_CUMULATIVE), for the whole process and its reader threads, unless
 * node was started with a value of its own (`node --max-inlined-bytecode-size-cumulative=920 dist/cli.js`: V8's own),
 * which is then left as it is. V8 reads the flag each time it optimises a function, so it holds from the first
 * optimisation on. Returns the value in force, and whether it is ours.
 */
export function limitInlining(execArgv: readonly string[] = process.execArgv): { size: string; ours: boolean } {
  const given = execArgv.find((arg) => GIVEN.test(arg));
  if (given !== undefined) return { size: given.slice(given.indexOf('=') + 1), ours: false };
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`);
  return { size: String(INLINED_BYTECODE_CUMULATIVE), ours: true };
}
