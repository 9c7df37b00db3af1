import type { DecidedYear } from '../../pipeline/year.js';
import { type Problem, errorsOf } from '../../problems.js';
import { toolVersion } from '../../version.js';
import { gapProblem } from './gaps.js';
import { type PersonRow, personRows } from './model.js';
import type { RunInfo } from './outputs.js';
import { titleBlock } from './title.js';

/**
 * A year as the commands show it: the decided year (src/pipeline/year.ts), with the persons' rows, every problem in
 * words (the inputs' and the data gaps', those an input error explains left out), and what every output's frame says
 * (title block, files, warnings, version, legal context).
 */
export interface YearRun extends Omit<DecidedYear, 'gaps' | 'inputProblems'> {
  readonly rows: readonly PersonRow[];
  /** Every problem: the readers' (errors and warnings) and the rules' data gaps (warnings). */
  readonly problems: readonly Problem[];
  /** The malformed data among them: any one stops a command that writes. */
  readonly errors: readonly Problem[];
  /** The data gaps among them. */
  readonly warnings: readonly Problem[];
  readonly info: RunInfo;
}

/** What the outputs make of a decided year. */
export function presentYear(decided: DecidedYear): YearRun {
  const { gaps, inputProblems, ...year } = decided;
  const { policy, config, loaded, evaluation, legal } = year;
  const names = new Map([
    ...loaded.input.scores.map((s): [string, string] => [s.unitCode, s.unitName]),
    ...loaded.input.units.map((u): [string, string] => [u.code, u.name]),
  ]);
  // A gap an input error explains is that error's knock-on: not said again (one mistake, one message).
  const covered = new Set(
    inputProblems.flatMap((p) =>
      (p.covers ?? []).flatMap((code) => [...(p.units ?? []), p.unit ?? ''].map((unit) => `${unit}\u0000${code}`)),
    ),
  );
  const isCovered = (p: Problem) =>
    p.unit !== undefined && (covered.has(`${p.unit}\u0000${p.code}`) || covered.has(`${p.unit}\u0000*`));
  const problems = [
    ...inputProblems,
    ...gaps.map((gap) => gapProblem(gap, policy, names)).filter((p) => !isCovered(p)),
  ];
  const warnings = problems.filter((p) => p.severity === 'warning');
  return {
    ...year,
    // The persons' rows are made once the year's rows are gone: with them, at the run's peak.
    rows: personRows(evaluation),
    problems,
    errors: errorsOf(problems),
    warnings,
    info: {
      block: titleBlock(policy, config, year.year),
      policy,
      files: loaded.files,
      warnings,
      toolVersion: toolVersion(),
      legal,
    },
  };
}
