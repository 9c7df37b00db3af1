import { memoryPhase } from '../heap.js';
import { type RunRequest, decideYear } from '../pipeline/year.js';
import { type YearRun, presentYear } from '../report/content/run.js';

export type { YearRun };

/** Reads and decides a year (src/pipeline/year.ts), then what the outputs make of it (src/report/content/run.ts). */
export async function runYear(request: RunRequest, year: number): Promise<YearRun> {
  const run = presentYear(await decideYear(request, year));
  memoryPhase('decided');
  return run;
}
